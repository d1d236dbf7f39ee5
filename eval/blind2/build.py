"""Writes truth.jsonl and questions.jsonl for the blind2 set, then checks them."""
import json, pathlib, re, unicodedata
here = pathlib.Path(__file__).parent
T = [
 ("c01_mackerel_quota","Mackerel fleet braced for lean year as quota slashed by 22 per cent","The Coastal Ledger","2025-03-14","Fiona McCrae",None),
 ("c02_mongolia_election","Ruling party loses majority in Mongolian vote as turnout tops 69 percent","Northstar Wire","2024-06-30","Batbayar Ganzorig and Emma Lindqvist","https://www.northstarwire.com/world/asia/mongolia-election-ruling-party-loses-majority-2024-06-30/"),
 ("c03_county_cricket","Somerset v Durham: Kaleem's seven-wicket haul seals innings win at Taunton","Pavilion End","2025-05-17","Tom Ashworth",None),
 ("c04_exoplanet_discovery",'Astronomers spot "steam world" orbiting red dwarf just 41 light-years away',"Starfield News","2024-10-02","Rosa Delgado-Whitman",None),
 ("c05_retail_results","Hartwell's profits jump 18% as food halls offset weak clothing sales","Retail Week Insider","2025-06-05","Nadia Khoury","https://www.retailweekinsider.co.uk/news/hartwells-full-year-results-2025"),
 ("c06_phone_flaw","Patch now: Bluetooth flaw lets attackers take over Meridian phones without a single tap","TechWatchdog","2024-11-19","Kenji Morales",None),
 ("c07_hospital_waiting","Patients waiting more than a year for routine operations at county hospitals doubles","Wessex Evening Echo","2025-04-08","Harriet Coles",None),
 ("c08_inquest_cyclist","Cyclist died after striking pothole on unlit lane, inquest hears","Lancaster & Morecambe Gazette","2025-01-23","Daniel Whitcombe",None),
 ("c09_album_review","The Lantern Years – 'Salt Road' review: a quieter, braver record","Needle & Groove","2025-02-21","Marcus Bellweather","https://needleandgroove.net/reviews/lantern-years-salt-road"),
 ("c10_gardening_blog","Blight watch: saving my tomatoes after the wettest June in years","The Muddy Trowel","2025-07-06","Gwen Pritchard",None),
 ("c11_letters_page","Letters to the editor, Friday 12 September 2025","The Fenland Courier","2025-09-12",None,None),
 ("c12_university_press","New enzyme breaks down PET plastic bottles in 16 hours","University of Northumbria Coast","2025-07-09",None,None),
 ("c13_river_wiki","River Arle","Wikipedia",None,None,None),
 ("c14_scientist_wiki","Eleanor Whitby Marsh",None,None,None,None),
 ("c15_huelga_autobuses","Los conductores del autobús urbano de Zaragoza convocan huelga indefinida a partir del 3 de noviembre","Diario del Ebro","2025-10-21","Lucía Sanjuán Ortega",None),
 ("c16_rugby_report","Connacht 24 Ospreys 27: ten-man Ospreys snatch it at the death in Galway","Scrumhalf.ie","2025-03-29","Siobhán Keady",None),
]
Q = {
 "c01_mackerel_quota": [
  ("how much did the UK's mackerel share get cut by this year", ["22 per cent"]),
  ("who heads the scottish pelagic producers org?", ["Duncan Ferrier"]),
  ("whats the faroes catch cap under the new mackerel deal", ["98,000 tonnes"]),
 ],
 "c02_mongolia_election": [
  ("how many seats did the MPP end up with in mongolia", ["61 of the 126 seats"]),
  ("What share of registered voters cast a ballot in the Mongolian parliamentary election?", ["69.3 percent"]),
  ("who leads mongolia's democratic party", ["Dorjsuren Bat-Orgil"]),
 ],
 "c03_county_cricket": [
  ("who took 7 wickets for somerset against durham", ["Yusuf Kaleem", "Kaleem"]),
  ("What was Somerset's margin of victory over Durham?", ["an innings and 81 runs", "innings-and-81-run"]),
  ("how many ppl turned up at taunton over the three days", ["4,200"]),
 ],
 "c04_exoplanet_discovery": [
  ("how far from us is TOI-6094 b", ["41 light-years"]),
  ("Which scientist was in charge of the Webb observations of the steam world?", ["Priya Raman"]),
  ("when did starfield news publish the steam world story", ["2 October 2024"]),
 ],
 "c05_retail_results": [
  ("how much did hartwells earn before tax last year", ["£212m"]),
  ("who's the CEO at Hartwell's?", ["Sandra Okonedo"]),
  ("Which Hartwell's branches are going to shut?", ["Swindon and Stockport"]),
 ],
 "c06_phone_flaw": [
  ("whats the cve id for the bluefang bug", ["CVE-2024-48812"]),
  ("Who discovered the Bluetooth hole in Meridian handsets?", ["Ana Petrescu", "Tomasz Wilk"]),
  ("how big a reward did meridian give the researchers", ["$75,000"]),
 ],
 "c07_hospital_waiting": [
  ("how many patients at wessex valley have waited longer than 12 months", ["2,947"]),
  ("How much funding is the new day-surgery unit at Greystone getting?", ["£8.6 million"]),
  ("how long has the retired teacher from shaftesbury been waiting for her new knee", ["16 months"]),
 ],
 "c08_inquest_cyclist": [
  ("how deep was the pot hole on brookhouse lane", ["11cm"]),
  ("What did the coroner conclude about Geoffrey Atherton's death?", ["accidental death"]),
  ("when did someone first report the pothole to the council", ["2 September"]),
 ],
 "c09_album_review": [
  ("where did the lantern years make salt road", ["Isle of Harris"]),
  ("What's the running time of Salt Road?", ["52 minutes"]),
  ("who reviewed salt road for needle & groove", ["Marcus Bellweather"]),
 ],
 "c10_gardening_blog": [
  ("how much rain fell on the muddy trowel plot since the start of june", ["148mm"]),
  ("which tomato did gwen find stood up best to blight", ["Crimson Crush"]),
  ("How many kilos of Charlotte spuds did she dig up?", ["9kg"]),
 ],
 "c11_letters_page": [
  ("who wrote in about the number 46 bus being scrapped", ["Margaret Osborne"]),
  ("how much will it cost to park at chapel road per hour", ["£1.20 an hour"]),
  ("What date did the Fenland Courier letters page come out?", ["12 September 2025"]),
 ],
 "c12_university_press": [
  ("how quickly can the new enzyme digest PET bottles", ["16 hours"]),
  ("Who runs the Centre for Enzyme Innovation?", ["Ifeoma Okafor"]),
  ("how much did UKRI put into the enzyme research", ["£2.3 million"]),
 ],
 "c13_river_wiki": [
  ("how long is the river arle", ["64.5 km", "64.5 kilometres"]),
  ("When did the Pershall paper mill stop operating?", ["1968"]),
  ("wat was the highest level the arle ever reached", ["5.82 metres"]),
 ],
 "c14_scientist_wiki": [
  ("when was eleanor marsh born", ["14 May 1831"]),
  ("Which award did Eleanor Whitby Marsh receive from the Royal Society of Edinburgh?", ["Keith Medal"]),
  ("who presented her dew point paper in norwich for her", ["Balfour Stewart"]),
 ],
 "c15_huelga_autobuses": [
  ("cuándo empieza la huelga del bus en zaragoza", ["3 de noviembre"]),
  ("what pay rise are the zaragoza bus drivers demanding", ["subida salarial del 6%"]),
  ("Who wrote the Diario del Ebro piece on the bus strike?", ["Lucía Sanjuán Ortega"]),
 ],
 "c16_rugby_report": [
  ("who got sent off in connacht v ospreys", ["Huw Price"]),
  ("Who scored the Ospreys' winning try in Galway?", ["Dafydd Morgan"]),
  ("whats the attendance at the connacht ospreys match", ["7,940"]),
 ],
}
U = [
 "How much was Iceland's mackerel quota cut by?",
 "what's the name of norway's fisheries minister",
 "Which country refused to sign the Bergen mackerel deal?",
 "How many seats did the HUN Party win at the previous election?",
 "when will the OSCE publish its final report on the mongolian vote",
 "What was Mongolia's inflation rate in 2024?",
 "What were Yusuf Kaleem's bowling figures against Sussex?",
 "how many sixes did james pellow hit",
 "Where do Durham play Sussex next?",
 "How much extra Webb time did Michael Osei's team get?",
 "when did TESS launch",
 "What is the radius of the star TOI-6094 b orbits?",
 "How much did Hartwell's spend refurbishing its food halls?",
 "when was hartwells founded in leeds",
 "How many jobs will Hartwell's Doncaster warehouse create?",
 "When will the Meridian X3 get the BlueFang patch?",
 "how many phones did meridian ship in 2022",
 "Which city is Which Tech? based in?",
 "How many ophthalmology patients had waited over a year at the trust in February 2024?",
 "who is the chief exec of wessex valley nhs trust",
 "How many extra short-term care beds has Wiltshire Council commissioned?",
 "How fast was the car that hit Geoffrey Atherton going?",
 "how many category one defects did lancashire council have a backlog of",
 "How much compensation did Lancashire County Council pay the Atherton family?",
 "Who played fiddle on Northern Glass?",
 "what's the capacity of the barrowland ballroom",
 "How many copies did Northern Glass sell?",
 "Which university bred the 'Sarpo Mira' potato?",
 "how many moneymaker tomato plants did gwen lose",
 "What temperature does a home compost heap reach?",
 "How big is the proposed solar farm at Elm?",
 "how much did hunstanton lifeboat station raise in its annual appeal",
 "What is the name of the bus driver who defended drivers in the letters page?",
 "How many tonnes of plastic a year will the Sunderland demonstration plant process?",
 "when was the patent for NC-PETase7 granted",
 "What percentage of PET is recycled in the UK?",
 "How many properties flooded in Winchcombe Magna in 2007?",
 "when did the arle navigation first open to barges",
 "Who founded the abbey at Winchcombe Magna?",
 "Which lunar crater is named after Eleanor Marsh?",
 "how many marsh hygrometers had been sold by 1880",
 "In what year did Henry Marsh open his Clerkenwell workshop?",
 "¿Cuántos días duró la huelga de autobuses de Zaragoza de 2019?",
 "how many electric trams does zaragoza have",
 "¿Cuánto cobra de media un conductor de Avanza Zaragoza?",
 "Who was shown a yellow card for Connacht against the Ospreys?",
 "how long was huw price banned for",
 "Where are Connacht in the Champions Cup table?",
]
def norm(s):
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))
files = {p.stem: p for p in (here / "corpus").iterdir()}
assert len(files) == 16 and set(files) == {t[0] for t in T} == set(Q), sorted(files)
with open(here / "truth.jsonl", "w") as f:
    for i, ti, o, d, a, u in T:
        text = files[i].read_text()
        assert ti in text.replace("&amp;", "&"), (i, ti)
        f.write(json.dumps(dict(id=i, title=ti, outlet=o, date=d, author=a, url=u), ensure_ascii=False) + "\n")
lines = []
for k, (doc, qs) in enumerate(Q.items()):
    text = files[doc].read_text()
    for q, ex in qs:
        for e in ex:
            assert e in text, (doc, e)
        lines.append(dict(q=q, doc=doc, expect=ex))
    for q in U[3 * k: 3 * k + 3]:
        lines.append(dict(q=q, doc=None, expect=[]))
assert len(lines) == 96 and len(U) == 48
with open(here / "questions.jsonl", "w") as f:
    for l in lines:
        f.write(json.dumps(l, ensure_ascii=False) + "\n")
for p in ("truth.jsonl", "questions.jsonl"):
    [json.loads(x) for x in (here / p).read_text().splitlines()]
for p in files.values():
    n = len(re.sub(r"<[^>]+>", " ", p.read_text()).split())
    print(p.name, n)
print("ok", len(lines))

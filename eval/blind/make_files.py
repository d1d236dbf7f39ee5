"""Writes truth.jsonl and questions.jsonl for the blind tuning set (kept for provenance)."""

import json
from pathlib import Path

HERE = Path(__file__).parent

TRUTH = [
    ("b01_millbrook_library", "Council approves $8.4 million overhaul of Millbrook's aging main library", "The Millbrook Courier", "2021-03-02", "Dana Whitfield and Marcus Obi", None),
    ("b02_severnside_water_fine", "UK regulator fines Severnside Water record £11.6 million over sewage spills", "Meridian Wire", "2023-06-14", "Eleanor Marsh", None),
    ("b03_carrow_rangers_win", "Lindqvist hat-trick sinks Ashford Vale as ten-woman Carrow Rangers climb to third", "Northern Sports Desk", "2023-03-12", "Staff reporter", None),
    ("b04_iron_breathing_microbes", "Iron-breathing microbes found thriving at 96 °C in Kermadec vent", "Field & Lab News", "2022-09-08", "Rohan Iyer", "https://fieldandlabnews.org/earth/2022/09/iron-breathing-microbes-kermadec-vent"),
    ("b05_haverford_bakeries_takeover", "Haverford Bakeries agrees £62m sale to Greystone Foods", "Midlands Business Journal", "2022-11-03", "Claire Donnelly", None),
    ("b06_ferrite_2_release", "Ferrite 2.0 arrives with a Rust core, SQL queries and a much smaller memory footprint", "DevWire", "2024-02-19", "Jonas Weber", "https://devwire.io/news/2024/02/ferrite-2-0-released"),
    ("b07_flu_clinics_extended", "County extends clinic hours as flu hospitalizations jump 38% in a week", "Riverton Gazette", "2024-01-08", "Beatriz Salgado", None),
    ("b08_landlord_fraud_sentenced", "Landlord who faked gas safety certificates for 19 homes jailed for four years", "Evening Chronicle", "2023-05-24", "Helen Ashby", None),
    ("b09_lighthouse_keepers_daughter_review", "The Lighthouse Keeper's Daughter, Orchard Theatre review – a storm-tossed family saga that finds its feet in the second half", "Stage & Screen Weekly", "2019-10-17", "Naomi Feldman", None),
    ("b10_cairnmoor_way_blog", "Three days on the Cairnmoor Way (and what I'd do differently)", "Crumbs & Compass", "2022-04-03", "Ruth", None),
    ("b11_grant_avenue_bike_lanes_opinion", "The Grant Avenue bike lanes are working. Stop trying to rip them out.", "The Harbor Ledger", "2021-06-30", "Miguel Santana", None),
    ("b12_veltrix_porto_factory_release", "Veltrix Robotics opens €40 million warehouse-robot factory in Porto, creating 320 jobs", "Veltrix Robotics", "2023-10-05", None, None),
    ("b13_aldermoor_town_wiki", "Aldermoor", "Openpedia", "2024-08-14", None, None),
    ("b14_halvorsen_bridge_engineer_wiki", "Ingrid Halvorsen", None, None, None, None),
    ("b15_strassenbahn_linie4", "Stadtrat gibt grünes Licht: Straßenbahnlinie 4 wird bis Hohenkamp verlängert", "Weserstädter Anzeiger", "2022-03-02", "Katrin Lehmann", None),
    ("b16_eastfield_school_start_times", "Later Start Times Coming to Eastfield Middle and High Schools", "Eastfield Unified School District", None, None, None),
]

# (doc, answerable questions [(q, expect)], unanswerable near misses [q])
Q = {
    "b01_millbrook_library": (
        [("how much is millbrook spending on the libary renovation", ["$8.4 million"]),
         ("Who runs the Millbrook library?", ["Priya Raman"]),
         ("where will the temporary library be while the main branch is shut", ["418 Elm Street", "Harlan's Hardware"])],
        ["Why did the Millbrook council reject the library expansion?",
         "What is the name of the general contractor building the new Millbrook library?",
         "How much will the library tax increase cost owners of commercial buildings in Millbrook?"]),
    "b02_severnside_water_fine": (
        [("who wrote the meridian wire story on the sewage fine", ["Eleanor Marsh"]),
         ("how many sewage spills did severnside have in 2022", ["1,284"]),
         ("How much does Severnside plan to invest in its network by 2030?", ["£780 million"])],
        ["How much was Severnside Water fined in 2019?",
         "What salary does Severnside chief executive Gareth Pryce earn?",
         "By how much did Severn Vale Holdings shares rise after the fine was announced?"]),
    "b03_carrow_rangers_win": (
        [("who got the hat trick for carrow rangers", ["Sofia Lindqvist"]),
         ("how many people watched the game at brookfield lane", ["4,812"]),
         ("which rangers player was sent off against ashford vale", ["Amira Haddad"])],
        ["Which club did Sofia Lindqvist play for before Hammarby?",
         "How many yellow cards did referee Karen Ibbotson show in the Ashford Vale game?",
         "In what minute did Megan Thorley score her second goal?"]),
    "b04_iron_breathing_microbes": (
        [("how deep was the vent where they found the iron eating microbe", ["2,450 metres"]),
         ("Who led the study on the microbe that breathes iron?", ["Mei-Ling Foster"]),
         ("what ship were the scientists on when they collected the vent samples", ["RV Tangaroa Star", "Tangaroa Star"])],
        ["At what depth did the 2024 Kermadec expedition find related organisms?",
         "What was the name of the remotely operated vehicle used to cut the chimney samples?",
         "How quickly does Ferroglobus rumblensis double in number at 96 °C?"]),
    "b05_haverford_bakeries_takeover": (
        [("how much is greystone paying for haverford bakeries", ["£62 million"]),
         ("When did Albert Haverford start the bakery business?", ["1958"]),
         ("How many shops does Haverford run?", ["146 shops"])],
        ["How much did Nadia Sorensen earn at Pemberton & Finch?",
         "What was Haverford Bakeries' pre-tax profit in the year to March 2020?",
         "Who founded Greystone Foods?"]),
    "b06_ferrite_2_release": (
        [("what language did they rewrite the ferrite storage engine in", ["from Go into Rust", "Rust"]),
         ("until when does ferrite 1.x get security patches?", ["31 December 2024"]),
         ("who's the project lead on Ferrite", ["Ines Carvalho"])],
        ["How much does Ferrite Cloud's enterprise tier cost per month?",
         "On what date will the FQL query language be removed from Ferrite?",
         "How much venture funding has Lattice Labs raised?"]),
    "b07_flu_clinics_extended": (
        [("who wrote the riverton gazette article about the flu clinic hours", ["Beatriz Salgado"]),
         ("how many ppl were hospitalised with flu in harlow county the week ending jan 6", ["212 people", "212"]),
         ("whats the average ER wait at st brigids right now", ["6.5 hours"])],
        ["How much do uninsured adults pay for an RSV vaccine at the Harlow County clinics?",
         "What percentage of Harlow County residents got a flu shot in 2015?",
         "How many beds did Riverton Memorial Hospital reopen because of the flu surge?"]),
    "b08_landlord_fraud_sentenced": (
        [("how long did keith romney get in prison", ["four years"]),
         ("How much compensation was the landlord ordered to pay his tenants?", ["£96,500"]),
         ("Which judge sentenced the Tynebridge landlord?", ["Martin Fairclough"])],
        ["How much rent did Keith Romney collect from his 19 properties?",
         "What was the name of the retired gas engineer whose registration number Romney copied?",
         "For how many years was Keith Romney banned from letting property?"]),
    "b09_lighthouse_keepers_daughter_review": (
        [("who directed the lighthouse keeper's daughter at the orchard", ["Ruairí Cole"]),
         ("how long is the lighthouse keepers daughter including the interval", ["2 hours 20 minutes"]),
         ("How much do tickets for the lighthouse play cost?", ["£18 to £45"])],
        ["Who plays Iris's mother in The Lighthouse Keeper's Daughter?",
         "How many stars did Stage & Screen Weekly give Graham Doyle's Salt Roads?",
         "When does The Lighthouse Keeper's Daughter transfer to the West End?"]),
    "b10_cairnmoor_way_blog": (
        [("how long is the cairnmoor way in miles", ["47-mile"]),
         ("how much is the ferry across the loch at lochan beag", ["£6 cash", "£6"]),
         ("who wrote the blog post about walking the cairnmoor way", ["Ruth Calder", "Ruth"])],
        ["What time does the Lochan Beag ferry leave in winter?",
         "What's the phone number for booking a room at the Lochan Beag Inn?",
         "How many days did it take Lukas, the German student, to walk the Cairnmoor Way?"]),
    "b11_grant_avenue_bike_lanes_opinion": (
        [("when was the grant avenue bike lanes column published", ["June 30, 2021"]),
         ("what would it cost to take out the grant ave bike lanes", ["$1.7 million"]),
         ("How many injury crashes have there been on Grant Avenue since the protected lanes were installed?", ["there have been 23"])],
        ["How many people were killed in crashes on Grant Avenue in 2016?",
         "How much did it cost to install the Grant Avenue bike lanes in 2019?",
         "What were the names of the three restaurants that closed on Grant Avenue?"]),
    "b12_veltrix_porto_factory_release": (
        [("how many jobs is the veltrix plant in porto going to create", ["320"]),
         ("Who is the chief executive of Veltrix?", ["Henrik Aalto"]),
         ("what was veltrix robotics revenue last year", ["€212 million"])],
        ["How much did Veltrix invest in its Helsinki factory?",
         "When did Veltrix open its robot factory in Munich?",
         "How much are the University of Porto interns paid by Veltrix?"]),
    "b13_aldermoor_town_wiki": (
        [("what was aldermoor's population at the last census", ["18,742"]),
         ("In what year did Aldermoor get its market charter?", ["1227"]),
         ("how much did aldermoor's flood defences cost", ["£14.3 million"])],
        ["What was the population of Aldermoor in 1851?",
         "Who was the architect of the Church of St Edith in Aldermoor?",
         "How long does the train from Aldermoor to Westbury take?"]),
    "b14_halvorsen_bridge_engineer_wiki": (
        [("how long is the storvik bridge main span", ["1,006 metres"]),
         ("ingrid halvorson was born where", ["Ålesund"]),
         ("When did the Storvik Bridge open to traffic?", ["21 September 1977"])],
        ["How much did the Hellesund Bridge cost to build?",
         "When was Ingrid Halvorsen elected president of the Royal Norwegian Society of Sciences and Letters?",
         "What was the name of Ingrid Halvorsen's younger daughter?"]),
    "b15_strassenbahn_linie4": (
        [("Wie viel kostet die Verlängerung der Linie 4?", ["212 Millionen Euro"]),
         ("how many new stops will tram line 4 get in weserstadt", ["neun neue Haltestellen"]),
         ("Wann soll die verlängerte Straßenbahn nach Hohenkamp fahren?", ["Dezember 2028"])],
        ["Wie viele Bäume müssen in der Bahnhofstraße gefällt werden?",
         "Welche Firma liefert die zwölf neuen Niederflurfahrzeuge für die Linie 4?",
         "How many council votes did the CDU's express bus proposal receive?"]),
    "b16_eastfield_school_start_times": (
        [("what time will eastfield high schools start under the new schedule", ["8:30 a.m."]),
         ("How much will the bus changes cost Eastfield Unified each year?", ["$420,000"]),
         ("who is eastfield's superintendent", ["Karen Liu-Mbeki"])],
        ["What time will Eastfield elementary schools end the school day?",
         "What percentage of Eastfield teachers supported the later start time?",
         "On what date is the community information night at Ridgeview High School?"]),
}


def main() -> None:
    with open(HERE / "truth.jsonl", "w", encoding="utf-8") as f:
        for id_, title, outlet, date, author, url in TRUTH:
            row = {"id": id_, "title": title, "outlet": outlet, "date": date, "author": author, "url": url}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    rows = []
    for doc, (ans, unans) in Q.items():
        rows += [{"q": q, "doc": doc, "expect": e} for q, e in ans]
        rows += [{"q": q, "doc": None, "expect": []} for q in unans]
    with open(HERE / "questions.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

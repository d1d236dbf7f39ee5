#!/usr/bin/env python3
"""Build and check eval/blind6: writes truth.jsonl and questions.jsonl from the
tables below, then checks that every expected phrase occurs (case-insensitive)
in its article file, every title occurs in its file, word counts are 450-700
(HTML counted without tags and scripts), that each article has 4 answerable and
4 unanswerable questions, and that the written JSON lines parse.
Run: python3 eval/blind6/build.py"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from blindset import build_set  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

# id, title, outlet, date, author, url
TRUTH = [
    ("g01_copper_hen_review",
     "The Copper Hen, Pellingford: a former saddlery where the hake steals the show",
     "The Pellingford Courier", "2025-02-07", "Marnie Oduya", None),
    ("g02_granola_recall",
     "Hollin Farm recalls Oat & Honey Granola because it contains peanuts not mentioned on the label",
     "Nordmere Food Safety Agency", "2025-02-03", None, None),
    ("g03_sailmakers_exhibition",
     "Threads of the Tideway: the Sailmakers of Corrow Bay",
     "Elsmere Maritime Museum", "2025-01-20", "Tobias Lenk",
     "https://www.elsmeremaritime.org.uk/news/threads-of-the-tideway-exhibition"),
    ("g04_undergrowth_podcast",
     "Where have all the hedgehogs gone? With Dr Halima Brisco",
     "Undergrowth", "2025-04-09", "Lucy Tarrant", None),
    ("g05_harnley_bypass_release",
     "Work to start on £186 million Harnley bypass",
     "Department for Roads and Regional Growth", "2025-04-28", None, None),
    ("g06_solar_bees_preprint",
     "Bees near solar farms made more honey, preprint suggests - but the study has not been peer reviewed",
     "Preprint Watch", "2025-03-18", "Rhea Castellane",
     "https://preprintwatch.net/2025/03/solar-farm-honeybees"),
    ("g07_schools_sport_roundup",
     "SCHOOLS SPORT ROUNDUP: Ferncliffe net county netball title as St Aldhelm's lift U16 cup",
     "The Oakhurst Mercury", "2025-03-19", "Jamie Rennard", None),
    ("g08_harbour_lights_annual_report",
     "Annual Report and Accounts 2023/24 (extract)",
     "Harbour Lights Food Network", None, None, None),
    ("g09_vannock_ferry_2019",
     "New £14.5m ferry Sorrel Isle makes maiden crossing to Vannock",
     "The Westmarch Herald", "2019-07-15", "Hollis Wray and Dagny Fenn", None),
    ("g10_edith_marwood_obituary",
     "Professor Edith Marwood, glaciologist who mapped the Korsvik ice shelf, dies aged 87",
     "The Northern Sentinel", "2025-02-11", "Felix Armitage", None),
    ("g11_mulino_valdorsa_it",
     "Torna a girare la ruota del mulino di Valdorsa dopo quarant'anni",
     "Il Corriere delle Valli", "2025-05-22", "Lorenzo Bettarini", None),
    ("g12_holmbury_election_results",
     "District council elections 2025: results",
     "Holmbury District Council", None, None, None),
]

# (doc, question, expect); doc None = unanswerable near miss, listed under the
# article it is a near miss of.
Q = [
    # g01 restaurant review
    ("g01_copper_hen_review", "who is the chef at the copper hen", ["Declan Fairweather", "Fairweather"]),
    ("g01_copper_hen_review", "How much did dinner for two cost at the Copper Hen?", ["£118"]),
    ("g01_copper_hen_review", "wat days is the copper hen closed", ["closed Mondays and Tuesdays", "Mondays and Tuesdays"]),
    ("g01_copper_hen_review", "Who reviewed the Copper Hen for the Courier?", ["Marnie Oduya"]),
    (None, "Which restaurant did Kalinda Moss work at before the Copper Hen?", []),
    (None, "How much is the tasting menu at the Copper Hen?", []),
    (None, "how much does the hake cost at the granary at loxley vale", []),
    (None, "Who supplies the meat for the Copper Hen's pork belly?", []),
    # g02 product recall notice (no author)
    ("g02_granola_recall", "which batch codes of the oat & honey granola are recalled", ["L24318", "L24322"]),
    ("g02_granola_recall", "do i need a receipt to get a refund on the hollin farm granola", ["You do not need a receipt", "do not need a receipt"]),
    ("g02_granola_recall", "How did peanuts end up in the Hollin Farm granola?", ["shared filling line", "cleaning step had been missed"]),
    ("g02_granola_recall", "When was the Hollin Farm granola allergy alert posted?", ["3 February 2025"]),
    (None, "Why is Hollin Farm recalling its muesli?", []),
    (None, "How many people have had an allergic reaction after eating the Hollin Farm granola?", []),
    (None, "What is the best before date on Hollin Farm granola batch L24330?", []),
    (None, "who is the managing director of hollin farm foods", []),
    # g03 museum exhibition announcement (HTML, OpenGraph + JSON-LD)
    ("g03_sailmakers_exhibition", "when does the sailmakers exhibition open", ["14 March 2025"]),
    ("g03_sailmakers_exhibition", "How much are adult tickets for Threads of the Tideway?", ["£12"]),
    ("g03_sailmakers_exhibition", "who is the curator behind the corrow bay sailmakers show", ["Saskia Vellacott", "Vellacott"]),
    ("g03_sailmakers_exhibition", "how tall is the marigold rose sail", ["11 metres"]),
    (None, "How much is a family ticket for the Threads of the Tideway exhibition?", []),
    (None, "Who donated the Marigold Rose sail to the Elsmere Maritime Museum?", []),
    (None, "How many oral history interviews did Tobias Lenk record for the exhibition?", []),
    (None, "When did the schooner Marigold Rose sink?", []),
    # g04 podcast episode page with show notes
    ("g04_undergrowth_podcast", "who was the guest on undergrowth episode 112", ["Halima Brisco", "Brisco"]),
    ("g04_undergrowth_podcast", "How many hedgehog sightings were logged in the Ellsworth Valley in 2024?", ["1,140"]),
    ("g04_undergrowth_podcast", "how big does a hedgehog highway hole need to be", ["13cm by 13cm", "13cm"]),
    ("g04_undergrowth_podcast", "who wrote the show notes for the hedgehog episode", ["Lucy Tarrant"]),
    (None, "How many hedgehog sightings were there in the Ellsworth Valley in 2019?", []),
    (None, "Who was the guest on Undergrowth episode 111?", []),
    (None, "how old is dr halima brisco", []),
    (None, "How much does Brackenby Garden Centres pay to sponsor Undergrowth?", []),
    # g05 government press release on a road scheme (bare HTML, no author)
    ("g05_harnley_bypass_release", "how much is the harnley bypass costing", ["£186 million"]),
    ("g05_harnley_bypass_release", "When is the Harnley bypass expected to open?", ["spring 2028"]),
    ("g05_harnley_bypass_release", "who got the contract to build the A872 bypass", ["Garrow Civil Engineering"]),
    ("g05_harnley_bypass_release", "how many vehicles go through harnley high st every day", ["14,000 vehicles", "14,000"]),
    (None, "How much will the toll be on the Harnley bypass?", []),
    (None, "How many homes will be demolished to build the Harnley bypass?", []),
    (None, "Who is the chief executive of Garrow Civil Engineering?", []),
    (None, "What did the 2019 public inquiry into the Harnley bypass conclude?", []),
    # g06 research preprint summary (Markdown, YAML front matter)
    ("g06_solar_bees_preprint", "how much more honey did bees near solar farms make", ["18%"]),
    ("g06_solar_bees_preprint", "Who led the solar farm honeybee study?", ["Amara Lindqvist", "Lindqvist"]),
    ("g06_solar_bees_preprint", "how many hives were in the solar farm bee study", ["62 hives"]),
    ("g06_solar_bees_preprint", "What was the average honey yield per hive at the solar sites?", ["23.4kg"]),
    (None, "Which journal published Lindqvist's solar farm honeybee study?", []),
    (None, "How much funding did the Halvorsen Institute get for the honeybee study?", []),
    (None, "How much honey did the hives at the solar sites produce in 2022?", []),
    (None, "What did Professor Idris Kamenova find about wild bees under solar panels?", []),
    # g07 school sports roundup
    ("g07_schools_sport_roundup", "What was the score in the under-14 county netball final?", ["24-19"]),
    ("g07_schools_sport_roundup", "how many goals did brannigan score in the netball final", ["17 goals"]),
    ("g07_schools_sport_roundup", "who scored twice for st aldhelms in the u16 cup final", ["Josh Whitlow", "Whitlow"]),
    ("g07_schools_sport_roundup", "What time did Maisie Okafor run in the Year 9 girls' race?", ["12 minutes 41 seconds"]),
    (None, "Who won the Year 9 boys' cross-country race?", []),
    (None, "What was the score in Ferncliffe's netball semi-final?", []),
    (None, "When did Penrose College last win the under-16 cup?", []),
    (None, "who did draymoor grammar beat in the final of the westmarch schools sevens", []),
    # g08 charity annual report extract (undated, no author)
    ("g08_harbour_lights_annual_report", "how many food parcels did harbour lights give out", ["48,200"]),
    ("g08_harbour_lights_annual_report", "What was Harbour Lights' total income in 2023/24?", ["£1.62 million"]),
    ("g08_harbour_lights_annual_report", "who chairs the harbour lights trustees", ["Gwen Tregarthen"]),
    ("g08_harbour_lights_annual_report", "Where did Harbour Lights open its three new food hubs?", ["Wrenfield", "Kelby Primary School", "Lowgate retail park"]),
    (None, "Who wrote the Harbour Lights annual report?", []),
    (None, "How many food parcels did Harbour Lights give out in 2022/23?", []),
    (None, "what is bronwen achterberg's salary", []),
    (None, "When did the Harbour Lights food hub in Carnbrook open?", []),
    # g09 archived news story (banner "more than 5 years old")
    ("g09_vannock_ferry_2019", "how much did the sorrel isle cost", ["£14.5m"]),
    ("g09_vannock_ferry_2019", "how many cars can the new vannock ferry carry", ["32 cars"]),
    ("g09_vannock_ferry_2019", "Where was the MV Sorrel Isle built?", ["Ruddock Shipyard", "Threlby"]),
    ("g09_vannock_ferry_2019", "When was the Herald's story on the Sorrel Isle's maiden crossing published?", ["15 Jul 2019"]),
    (None, "Is the MV Sorrel Isle still in service on the Vannock route today?", []),
    (None, "How much is a return car fare on the Vannock ferry?", []),
    (None, "Who bought the MV Cormorant?", []),
    (None, "who captained the sorrel isle on her maiden crossing", []),
    # g10 obituary of a scientist
    ("g10_edith_marwood_obituary", "how old was edith marwood when she died", ["aged 87"]),
    ("g10_edith_marwood_obituary", "where did marwood die", ["Hessingham"]),
    ("g10_edith_marwood_obituary", "When did Marwood win the Branwell Medal?", ["1991"]),
    ("g10_edith_marwood_obituary", "Who wrote the Sentinel's obituary of Edith Marwood?", ["Felix Armitage"]),
    (None, "What did Edith Marwood die of?", []),
    (None, "Who led the 1968 Carnholme Polar Expedition?", []),
    (None, "When did Piet Hallander receive the Branwell Medal?", []),
    (None, "when did anders lunde die", []),
    # g11 Italian local news (questions in Italian)
    ("g11_mulino_valdorsa_it", "Quanto è costato il restauro del mulino di Valdorsa?", ["380.000 euro"]),
    ("g11_mulino_valdorsa_it", "chi è la sindaca di borgo valdorsa", ["Franca Degli Uberti"]),
    ("g11_mulino_valdorsa_it", "Quando sarà inaugurato il mulino?", ["domenica 25 maggio", "25 maggio"]),
    ("g11_mulino_valdorsa_it", "quanto costa il biglietto per le visite al mulino", ["5 euro"]),
    (None, "Chi ha costruito il mulino di Valdorsa nel 1742?", []),
    (None, "Quanti chili di farina al giorno produce il mulino di Valdorsa?", []),
    (None, "Quanti anni aveva il padre di Aurelio Pagnotta quando il mulino si è fermato?", []),
    (None, "Quanti posti avrà il nuovo parcheggio promesso dall'assessore Scarpante?", []),
    # g12 election results table page (undated, no author)
    ("g12_holmbury_election_results", "how many seats did civic alliance win in holmbury", ["17"]),
    ("g12_holmbury_election_results", "What was the overall turnout in the Holmbury council election?", ["34.6%"]),
    ("g12_holmbury_election_results", "who won fenby west after the recount", ["Neil Castellan", "Ruth Abernethy"]),
    ("g12_holmbury_election_results", "how many votes did helen garside get", ["1,486"]),
    (None, "Who was elected leader of Holmbury District Council?", []),
    (None, "What was the turnout in Kingsmead ward?", []),
    (None, "How many votes did Kofi Mensah-Bright get in Carrow Mill?", []),
    (None, "Who won the Abbotsleigh ward in 2021?", []),
]



def main():
    build_set(HERE, TRUTH, Q, width=36)

if __name__ == "__main__":
    main()

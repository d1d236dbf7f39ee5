#!/usr/bin/env python3
"""Build and check eval/blind5: writes truth.jsonl and questions.jsonl from the
tables below, then checks that every expected phrase occurs (case-insensitive)
in its article file, every title occurs in its file, word counts are 450-700
(HTML counted without tags and scripts), that each article has 4 answerable and
4 unanswerable questions, and that the written JSON lines parse.
Run: python3 eval/blind5/build.py"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from blindset import build_set  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

# id, title, outlet, date, author, url
TRUTH = [
    ("f01_ashworth_pell_trial",
     "Former Brellin council treasurer found guilty of stealing £412,000 from leisure fund",
     "The Harwick Gazette", "2025-03-12", "Caitlin Moorhouse", None),
    ("f02_orchard_rise_planning",
     "Kestle Vale planning committee rejects 214-home Orchard Rise scheme after 612 objections",
     "Kestle Vale Echo", "2024-06-05", None, None),
    ("f03_aldermoor_wetland_carbon",
     "Wetland soils store 40% more carbon than thought, Aldermoor study finds",
     "Aldermoor University News", "2024-11-19", "Hannah Greer",
     "https://news.aldermoor.ac.uk/2024/11/wetland-soils-carbon-study"),
    ("f04_caldoran_reserve_rate",
     "Caldoran Reserve Bank holds rate at 5.25% in split 5-4 vote, signals cuts next year",
     "Meridian Financial Wire", "2024-09-18", "Ruth Amadi and Jonas Berglund", None),
    ("f05_falcons_rangers_t20",
     "Etheridge's 84 not out powers Ashcombe Falcons to top of North Group",
     "The Cricket Ledger", "2024-07-21", "Dev Chaudhari", None),
    ("f06_lighthouse_keepers_daughter_review",
     "The Lighthouse Keeper's Daughter review – a storm-tossed family drama that finds its footing late",
     "Stagecraft Weekly", "2024-09-06", "Lorna Beckwith",
     "https://stagecraftweekly.co.uk/reviews/lighthouse-keepers-daughter-quayside-playhouse"),
    ("f07_lannford_metro_strike",
     "Metro strike: no Line 2 trains on Thursday 14 and Friday 15 November",
     "Lannford City Transit", "2024-11-11", None, None),
    ("f08_westbrook_legionella_update",
     "Legionnaires' disease cluster in Westbrook: update 3",
     "Corran Regional Health Authority", "2024-08-22", None, None),
    ("f09_tollbridge_lez_faq",
     "Your questions answered: the Tollbridge Low Emission Zone",
     "The Tollbridge Chronicle", None, "Priyanka Shah", None),
    ("f10_fenwright_q3_earnings",
     "Fenwright Outdoor beats on third-quarter sales, raises full-year outlook as hiking gear demand holds up",
     "Ledgerline Markets", "2024-10-24", "Samuel Otieno", None),
    ("f11_castle_varrowmere_wiki", "Varrowmere Castle", "OpenLore", None, None, None),
    ("f12_lindtal_rundfahrt_de",
     "Weidinger triumphiert am Kesselberg und übernimmt das Gelbe Trikot der Lindtal-Rundfahrt",
     "Hohenbrücker Rundschau", "2024-06-15", "Matthias Kornbeck", None),
]

# (doc, question, expect); doc None = unanswerable near miss, listed under the
# article it is a near miss of.
Q = [
    # f01 fraud trial verdict
    ("f01_ashworth_pell_trial", "how much money did graham ashworth-pell take from the leisure trust", ["£412,380", "£412,000"]),
    ("f01_ashworth_pell_trial", "What was the jurys majority verdict in the Ashworth-Pell case?", ["10-2"]),
    ("f01_ashworth_pell_trial", "When will the former Brellin treasurer be sentenced?", ["17 April 2025"]),
    ("f01_ashworth_pell_trial", "who wrote the gazette report on the brellin fraud trial", ["Caitlin Moorhouse"]),
    (None, "How long a prison sentence did Graham Ashworth-Pell receive?", []),
    (None, "How old is Judge Anita Rowcliffe?", []),
    (None, "How much did Ashworth-Pell pay for his holiday flat in Penmore?", []),
    (None, "Who uncovered the fraud at Kestle Vale council?", []),
    # f02 planning dispute (no author)
    ("f02_orchard_rise_planning", "how many objections were there to the orchard rise plans", ["612"]),
    ("f02_orchard_rise_planning", "What was the committee vote on the Penmore Fields housing scheme?", ["7-4"]),
    ("f02_orchard_rise_planning", "How much did the developer offer toward expanding Penmore Primary?", ["£1.3 million"]),
    ("f02_orchard_rise_planning", "When was the Kestle Vale Echo story on the Orchard Rise refusal posted?", ["5 June 2024"]),
    (None, "Who wrote the Kestle Vale Echo article about Orchard Rise?", []),
    (None, "On what date did Hallam & Tye Homes lodge its appeal against the Orchard Rise refusal?", []),
    (None, "how much would the orchard rise houses have sold for", []),
    (None, "How many homes does the draft Kestle Vale local plan allocate by 2030?", []),
    # f03 university press release (HTML, OpenGraph + JSON-LD)
    ("f03_aldermoor_wetland_carbon", "how many soil cores did the aldermoor team analyse", ["2,400"]),
    ("f03_aldermoor_wetland_carbon", "How much carbon per hectare was found at Harlow Moss?", ["2,870 tonnes"]),
    ("f03_aldermoor_wetland_carbon", "who led the study on deep peat carbon", ["Ines Varga"]),
    ("f03_aldermoor_wetland_carbon", "When was the Aldermoor wetland soil press release published?", ["19 November 2024"]),
    (None, "How big is the grant for Aldermoor's tropical peatland pilot?", []),
    (None, "How many of the 36 wetland sites in the Aldermoor study were salt marshes?", []),
    (None, "How old is the oldest peat found at Harlow Moss?", []),
    (None, "What did Professor Tomasz Wielgus find about carbon stocks in tropical peatlands?", []),
    # f04 central bank rate decision
    ("f04_caldoran_reserve_rate", "what is the caldoran reserve bank interest rate", ["5.25%"]),
    ("f04_caldoran_reserve_rate", "how many policymakers voted for a rate cut in caldora", ["four of its nine", "four dissenters"]),
    ("f04_caldoran_reserve_rate", "What was Caldora's inflation rate in August?", ["3.8%"]),
    ("f04_caldoran_reserve_rate", "Who reported the Meridian story on the Caldoran rate decision?", ["Ruth Amadi", "Jonas Berglund"]),
    (None, "What was Caldoran consumer price inflation in September 2024?", []),
    (None, "How old is Governor Viktor Hallgren?", []),
    (None, "By how much did the Caldoran Reserve Bank cut rates on November 6?", []),
    (None, "What does Hovland Bank charge for a five-year fixed mortgage?", []),
    # f05 cricket match report
    ("f05_falcons_rangers_t20", "How many did Tom Etheridge score against Redmoor?", ["unbeaten 84", "84 from 51 balls"]),
    ("f05_falcons_rangers_t20", "what were imran qadirs bowling figures", ["3 for 22"]),
    ("f05_falcons_rangers_t20", "how big was the crowd at castlegate park", ["8,412"]),
    ("f05_falcons_rangers_t20", "Who wrote the Ledger's report on Falcons v Rangers?", ["Dev Chaudhari"]),
    (None, "How many sixes did Luke Penhallow hit against Ashcombe Falcons?", []),
    (None, "How many runs did Tom Etheridge score against Carnforth Hawks?", []),
    (None, "Who won the toss when Redmoor Rangers played Whitby Vale Strikers?", []),
    (None, "What were Sam Okwuosa's bowling figures in the Northern T20 Cup final?", []),
    # f06 theatre review (Markdown, YAML front matter)
    ("f06_lighthouse_keepers_daughter_review", "who plays nell in the lighthouse keepers daughter", ["Rosa Kettering"]),
    ("f06_lighthouse_keepers_daughter_review", "How long is The Lighthouse Keeper's Daughter, including the interval?", ["two hours and 20 minutes"]),
    ("f06_lighthouse_keepers_daughter_review", "how much are tickets for the lighthouse keeper's daughter", ["£18-£46"]),
    ("f06_lighthouse_keepers_daughter_review", "Who reviewed The Lighthouse Keeper's Daughter for Stagecraft Weekly?", ["Lorna Beckwith"]),
    (None, "Who directed Aoife Delacroix's play Saltwork in 2021?", []),
    (None, "Which award did Saltwork win?", []),
    (None, "How many stars did Stagecraft Weekly give The Tide Tables?", []),
    (None, "Who plays Mr Colley in The Lighthouse Keeper's Daughter?", []),
    # f07 transport strike notice (no author)
    ("f07_lannford_metro_strike", "when does the lannford metro strike start", ["04:00 on Thursday 14 November"]),
    ("f07_lannford_metro_strike", "How often will the R2 replacment buses run?", ["every 10 minutes"]),
    ("f07_lannford_metro_strike", "what pay rise is the RTWU asking for", ["6.5%"]),
    ("f07_lannford_metro_strike", "When was the Line 2 strike notice posted?", ["11 November 2024"]),
    (None, "Which dates in December will the RTWU strike on Line 2?", []),
    (None, "How many drivers does the RTWU represent on Lannford Metro Line 2?", []),
    (None, "Who is the general secretary of the RTWU?", []),
    (None, "How much does a Lannford Metro day pass cost?", []),
    # f08 health agency outbreak update (bare HTML, no author)
    ("f08_westbrook_legionella_update", "how many confirmed legionnaires cases in westbrook", ["17 confirmed cases"]),
    ("f08_westbrook_legionella_update", "Where was the contaminated cooling tower in Westbrook?", ["Halden Logistics", "Foundry Way"]),
    ("f08_westbrook_legionella_update", "What number should I call if I think I was exposed to legionella in Westbrook?", ["0800 917 2260"]),
    ("f08_westbrook_legionella_update", "When was the latest Westbrook Legionnaires' update published?", ["22 August 2024"]),
    (None, "What were the names of the two people who died in the Westbrook Legionnaires' cluster?", []),
    (None, "Who wrote the CRHA's Westbrook Legionnaires' update 3?", []),
    (None, "How many confirmed Legionnaires' cases were there in Westbrook on 26 August?", []),
    (None, "How much was Halden Logistics fined over its cooling tower?", []),
    # f09 FAQ explainer (undated)
    ("f09_tollbridge_lez_faq", "how much is the tollbridge LEZ daily charge for a car", ["£9.50"]),
    ("f09_tollbridge_lez_faq", "When do the Tollbridge low emision zone charges begin?", ["3 March 2025"]),
    ("f09_tollbridge_lez_faq", "What's the fine if I don't pay the LEZ charge in Tollbridge?", ["£180"]),
    ("f09_tollbridge_lez_faq", "who wrote the chronicle's LEZ explainer", ["Priyanka Shah"]),
    (None, "When was the Tollbridge Chronicle LEZ explainer published?", []),
    (None, "How much money has the Tollbridge scrappage fund paid out so far?", []),
    (None, "Are Blue Badge holders exempt from the Lannford low emission zone?", []),
    (None, "What was the nitrogen dioxide level at Eastgate in 2022?", []),
    # f10 earnings call summary with figures table
    ("f10_fenwright_q3_earnings", "what was fenwright's q3 revenue", ["$1.14 billion"]),
    ("f10_fenwright_q3_earnings", "fenwright diluted eps third quarter", ["$0.83"]),
    ("f10_fenwright_q3_earnings", "How big is Fenwright's new share buyback?", ["$250 million"]),
    ("f10_fenwright_q3_earnings", "Who wrote the Ledgerline piece on Fenwright's results?", ["Samuel Otieno"]),
    (None, "What was Fenwright Outdoor's fourth-quarter 2024 revenue?", []),
    (None, "How much will Fenwright pay to acquire Summitline?", []),
    (None, "How many employees does Fenwright Outdoor have?", []),
    (None, "What was Fenwright's gross margin in the second quarter of 2024?", []),
    # f11 wiki-style castle article (undated, no author)
    ("f11_castle_varrowmere_wiki", "who built varrowmere castle", ["Sir Aldric de Vaunt"]),
    ("f11_castle_varrowmere_wiki", "How long did the 1403 siege of Varrowmere last?", ["41 days"]),
    ("f11_castle_varrowmere_wiki", "how tall is the tarn tower", ["24 metres"]),
    ("f11_castle_varrowmere_wiki", "How many people visited Varrowmere Castle in 2019?", ["86,000"]),
    (None, "Who wrote the OpenLore article on Varrowmere Castle?", []),
    (None, "When was the OpenLore article on Varrowmere Castle published?", []),
    (None, "How many visitors did Varrowmere Castle attract in 2023?", []),
    (None, "Who commanded the besiegers at Varrowmere in 1646?", []),
    # f12 German cycling stage report
    ("f12_lindtal_rundfahrt_de", "Wer hat die vierte Etappe der Lindtal-Rundfahrt gewonnen?", ["Jonas Weidinger"]),
    ("f12_lindtal_rundfahrt_de", "how long was stage 4 of the lindtal rundfahrt", ["168 Kilometer"]),
    ("f12_lindtal_rundfahrt_de", "Wie groß ist Weidingers Vorsprung in der Gesamtwertung?", ["41 Sekunden"]),
    ("f12_lindtal_rundfahrt_de", "Who wrote the Rundschau report on the Kesselberg stage?", ["Matthias Kornbeck"]),
    (None, "Wer hat die Lindtal-Rundfahrt 2023 gewonnen?", []),
    (None, "Wie alt ist Pieter Vandamme?", []),
    (None, "Who won the final stage of the Lindtal-Rundfahrt on Sunday?", []),
    (None, "Wie viel Preisgeld bekommt der Etappensieger am Kesselberg?", []),
]



def main():
    build_set(HERE, TRUTH, Q, width=42)

if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build and check eval/blind7: writes truth.jsonl and questions.jsonl from the
tables below, then checks that every expected phrase occurs (case-insensitive)
in its article file, every title occurs in its file, word counts are 450-700
(HTML counted without tags and scripts), that each article has 4 answerable and
4 unanswerable questions, and that the written JSON lines parse.
Run: python3 eval/blind7/build.py"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from blindset import build_set  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

# id, title, outlet, date, author, url
TRUTH = [
    ("h01_varenne_solace_review",
     "Varenne Solace review: a sensible family electric car with one annoying flaw",
     "Drive Ledger", "2025-05-14", "Conrad Ashby-Mole", None),
    ("h02_tv_tonight",
     "TV tonight: The Quarry Line turns darker and the Crumb & Crust final",
     "The Halbrook Evening Post", "2025-07-12", "Rhiannon Tebbit", None),
    ("h03_mp_newsletter",
     "Spring update from your MP: post office saved, new GP surgery on the way",
     "Wenlow and Carrick Constituency Newsletter", "2025-04-04", "Rosalind Achterberg", None),
    ("h04_selwick_contextual_offers",
     "Contextual offers at Selwick: who qualifies and how to apply",
     "Selwick Student News", "2025-06-03", "Jun Okafor-Laine",
     "https://news.selwick.example/admissions/contextual-offers-explained"),
    ("h05_kestrelford_air_quality",
     "Air quality monitoring results: January to June 2025",
     "Kestrelford Borough Council", None, None, None),
    ("h06_tawu_ballot_result",
     "BALLOT RESULT: Greyline drivers in Porthaven vote for strike action",
     "Transit & Allied Workers' Union", "2025-07-18", None, None),
    ("h07_halden_chess_congress",
     "Teenager Ilinca Morrow takes Halden Congress title on tiebreak",
     "The Halden Mercury", "2025-04-21", "Gwen Sallow", None),
    ("h08_puzzles_kestrel_retires",
     "\"Kestrel\" lays down her pencil after 31 years of Clarion crosswords",
     "The Tarnbridge Clarion", None, "Oona Taverner", None),
    ("h09_fietsbrug_hoogerveen",
     "Fietsbrug De Reiger over het Zwanekanaal eindelijk open",
     "Dagblad De Vaartstreek", "2025-09-12", "Anouk Verbeek and Sem de Wit", None),
    ("h10_corrections_column",
     "Corrections and clarifications",
     "The Marlbury Standard", "2025-06-26", "Hamish Corrigan", None),
    ("h11_five_things_corrowfield",
     "Five things we learned as Corrowfield Athletic beat Aldermoor 3-1",
     "The Northgate Telegram", "2025-08-24", "Declan Prewitt", None),
    ("h12_news_in_brief",
     "Ferry suspended, church bell stolen, record pumpkin: regional round-up",
     "Anvil Press Agency", "2025-09-10", None, None),
]

# doc (None = unanswerable), question, expected phrases
Q = [
    # h01 car review
    ("h01_varenne_solace_review", "how much is the varenne solace? the cheapest version", ["£31,495"]),
    ("h01_varenne_solace_review", "whats the real world range of the solace in their test", ["241 miles"]),
    ("h01_varenne_solace_review", "How long does the Solace take to charge from 10 to 80%?", ["29 minutes"]),
    ("h01_varenne_solace_review", "where is the varenne solace built", ["Kessing"]),
    (None, "What is the towing capacity of the Varenne Solace?", []),
    (None, "how much does the dunmore arc cost", []),
    (None, "When will Varenne release the software update with climate shortcut buttons?", []),
    (None, "What star rating did Ilse Mardrow give the Solace?", []),
    # h02 TV preview
    ("h02_tv_tonight", "what channel is the quarry line on", ["Northstar One"]),
    ("h02_tv_tonight", "Who plays DI Maren Stokes?", ["Odile Farquhar"]),
    ("h02_tv_tonight", "wat time is the crumb and crust final", ["8pm"]),
    ("h02_tv_tonight", "how long is the lighthouse keepers documentary", ["90 minutes"]),
    (None, "who plays maren stokes's sister in the quarry line", []),
    (None, "Who directed the film Copper Sky?", []),
    (None, "what time is episode 4 of the quarry line on next week", []),
    (None, "Who won the Crumb & Crust final?", []),
    # h03 MP newsletter
    ("h03_mp_newsletter", "how many ppl signed the carrick post office petition", ["2,318"]),
    ("h03_mp_newsletter", "When is the new Dene Street GP surgery due to open?", ["September 2025"]),
    ("h03_mp_newsletter", "how much money is wenlow and carrick getting for potholes", ["£1.2 million"]),
    ("h03_mp_newsletter", "where does rosalind achterberg hold her advice surgeries",
     ["Carrick Library", "Wenlow Town Hall"]),
    (None, "Which political party does Rosalind Achterberg belong to?", []),
    (None, "how many signatures did the petition to save the castle road practice get", []),
    (None, "When was Gideon Farrant elected MP for Wenlow and Carrick?", []),
    (None, "How many GPs will work at the Castle Road practice?", []),
    # h04 admissions explainer
    ("h04_selwick_contextual_offers", "how many students got contextual offers at selwick in 2024", ["1,406"]),
    ("h04_selwick_contextual_offers", "whats the deadline for the contextual information form", ["30 June"]),
    ("h04_selwick_contextual_offers", "Who is the head of admissions at the University of Selwick?",
     ["Marisol Threlkeld"]),
    ("h04_selwick_contextual_offers", "how much lower is a contextual offer than the normal one", ["two grades"]),
    (None, "How many students received contextual offers from Selwick in 2022?", []),
    (None, "what percentage of contextual offer students drop out in first year at selwick", []),
    (None, "When did Callum Verity become Selwick's head of admissions?", []),
    (None, "How much does the Selwick foundation year cost in tuition fees?", []),
    # h05 air quality data release
    ("h05_kestrelford_air_quality", "which site had the worst no2 in kestrelford", ["Mill Lane"]),
    ("h05_kestrelford_air_quality", "What was the average NO2 level at the Mill Lane junction?", ["46.2"]),
    ("h05_kestrelford_air_quality", "how many diffusion tubes does the council use", ["14 diffusion tubes"]),
    ("h05_kestrelford_air_quality", "by how much did no2 fall compared with first half of 2024", ["7%"]),
    (None, "What was the PM2.5 average at the Tannery Road station?", []),
    (None, "what was the no2 reading at mill lane in 2023", []),
    (None, "how many lorries turn into mill lane every day", []),
    (None, "When did the school street scheme on Fore Street start?", []),
    # h06 union ballot result
    ("h06_tawu_ballot_result", "what was the turnout in the greyline strike ballot", ["71%"]),
    ("h06_tawu_ballot_result", "How many TAWU members were balloted at the Porthaven depot?", ["412"]),
    ("h06_tawu_ballot_result", "what pay rise did greyline offer the drivers", ["3.2%"]),
    ("h06_tawu_ballot_result", "when r the porthaven bus strikes", ["4 and 5 August"]),
    (None, "What percentage of Westmoor depot drivers voted to strike?", []),
    (None, "When did Greyline offer the drivers 6%?", []),
    (None, "who is greyline buses' managing director", []),
    (None, "how much profit did greyline make last year", []),
    # h07 chess tournament report
    ("h07_halden_chess_congress", "who won the halden chess congress", ["Ilinca Morrow"]),
    ("h07_halden_chess_congress", "how many players were in the field at halden", ["146"]),
    ("h07_halden_chess_congress", "Which tiebreak decided the Halden Open title?", ["Buchholz"]),
    ("h07_halden_chess_congress", "how much prize money does the winner get", ["£2,500"]),
    (None, "What is Teodor Baskin's rating?", []),
    (None, "who won the halden congress in 2024", []),
    (None, "Which player beat Ilinca Morrow during the congress?", []),
    (None, "who won the junior rapidplay at the corn exchange", []),
    # h08 quiz page + news story
    ("h08_puzzles_kestrel_retires", "how long has marjorie pell-stanton set the clarion crossword", ["31 years"]),
    ("h08_puzzles_kestrel_retires", "What is the crossword setter Kestrel's real name?", ["Marjorie Pell-Stanton"]),
    ("h08_puzzles_kestrel_retires", "whos taking over from kestrel", ["Benjamin Tarrow"]),
    ("h08_puzzles_kestrel_retires", "what number is kestrels last crossword", ["1,612"]),
    (None, "Which river flows through the centre of Tarnbridge?", []),
    (None, "how many bells are in the tower of st wendreda's church", []),
    (None, "How old is Marjorie Pell-Stanton?", []),
    (None, "who was the first mayor of tarnbridge", []),
    # h09 Dutch local news (questions in Dutch)
    ("h09_fietsbrug_hoogerveen", "Hoeveel heeft de fietsbrug De Reiger gekost?", ["4,8 miljoen"]),
    ("h09_fietsbrug_hoogerveen", "hoe lang is de nieuwe brug over het zwanekanaal", ["112 meter"]),
    ("h09_fietsbrug_hoogerveen", "Waarom was de opening van de brug vertraagd?", ["staalprijs", "funderingspalen"]),
    ("h09_fietsbrug_hoogerveen", "wie heeft de reiger ontworpen", ["Atelier Wendt"]),
    (None, "Hoeveel kost de fietstunnel bij Oostmolen?", []),
    (None, "hoeveel fietsers reden vorig jaar over de sluisweg", []),
    (None, "Hoe hoog is de boete als je met een scooter over De Reiger rijdt?", []),
    (None, "Hoeveel heeft Atelier Wendt voor het ontwerp gekregen?", []),
    # h10 corrections column
    ("h10_corrections_column", "how long will alderman road bridge be closed", ["four weeks"]),
    ("h10_corrections_column", "where was gerald ormsby born", ["Brisbury"]),
    ("h10_corrections_column", "Who was actually pictured lifting the county plate for the Penhallow Stingers?",
     ["Rhys Talbot-Penn"]),
    ("h10_corrections_column", "how much flour should be in the lemon drizzle traybake", ["200g"]),
    (None, "When did Gerald Ormsby die?", []),
    (None, "who coaches the penhallow stingers", []),
    (None, "What date does the Alderman Road bridge reopen?", []),
    (None, "What medal did Owen Maddox receive in 1987?", []),
    # h11 "five things we learned" listicle
    ("h11_five_things_corrowfield", "who scored on debut for corrowfield vs aldermoor", ["Ostrander"]),
    ("h11_five_things_corrowfield", "what was the attendance at the brewery ground", ["11,842"]),
    ("h11_five_things_corrowfield", "how long will pardew-quaye be out injured", ["three weeks"]),
    ("h11_five_things_corrowfield", "Who saved the penalty against Aldermoor?", ["Haleforth"]),
    (None, "who scored aldermoor's goal", []),
    (None, "How much did Corrowfield pay Tillsworth Borough for Ostrander?", []),
    (None, "Who took Aldermoor's penalty?", []),
    (None, "when is corrowfield's next match", []),
    # h12 wire brief, several items
    ("h12_news_in_brief", "how heavy was the bell stolen from st aelreds", ["180kg"]),
    ("h12_news_in_brief", "whats the deadline to claim the eastbrink lottery prize", ["9 October"]),
    ("h12_news_in_brief", "Who grew the record-breaking pumpkin at the Dunhaven show?", ["Aurelia Banks"]),
    ("h12_news_in_brief", "what size was the minke whale that got stranded at pellow bay", ["7-metre"]),
    (None, "When will the Tollmere to Hesketh Island ferry start running again?", []),
    (None, "which shop sold the winning eastbrink lottery ticket", []),
    (None, "How much did Aurelia Banks sell her pumpkin for?", []),
    (None, "Who grew the 587kg pumpkin that held the record since 2016?", []),
]


def main():
    build_set(HERE, TRUTH, Q, width=36)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build and check eval/blind4: writes truth.jsonl and questions.jsonl from the
tables below, then checks that every expected phrase occurs verbatim in its
article file, every title occurs in its file, word counts are 500-700, that the
answerable/unanswerable counts per article are as planned, and that the written
JSON lines parse. Run: python3 eval/blind4/build.py"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from blindset import check_questions, files, finish, text_of, verbatim_in, write_set  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")

# id, title, outlet, date, author, url
TRUTH = [
    ("e01_marlow_creek_start_times", "Marlow Creek school board votes 4-1 to push back high school start to 8:45 a.m.",
     "Marlow Creek Courier", "2024-10-09", "Priya Venkataraman", None),
    ("e02_dunholt_school_closure", "Dunholt board votes 6-3 to close Pinecrest Elementary, approves middle school phone ban",
     "The Dunholt Herald", "2025-01-14", "Rosalind Tey",
     "https://www.dunholtherald.com/education/2025/01/14/pinecrest-elementary-closure-vote/"),
    ("e03_port_averill_mayor", "Newcomer Okafor-Reyes ousts two-term Port Averill mayor Tallis; seawall tax passes",
     "Coastal Wire", "2024-11-06", "Noor Haddad and Ben Castellanos", None),
    ("e04_ketterby_byelection_live", "Ketterby North by-election: live results as Greens take seat after recount",
     "Ketterby Post", "2024-11-21", "Tom Aldous and Keziah Boateng", None),
    ("e05_tidewell_r7_review", "Tidewell R7 review: a quiet, clever robot vacuum that hates rug tassels",
     "Circuit & Home", "2024-09-17", "Jonas Ekdahl",
     "https://circuitandhome.com/reviews/tidewell-r7-robot-vacuum"),
    ("e06_norrvik_s3_review", "Norrvik S3 Omni review: powerful and self-emptying, but loud and fussy",
     "TechBench", "2024-10-02", "Mireille Sato", None),
    ("e07_mbemba_lund_transfer", "Harrowgate Athletic close in on £19m Vellmar striker Tiago Mbemba-Lund as deadline nears",
     "Back Page Daily", "2024-08-27", "Elliot Marsh", None),
    ("e08_fenwick_falls_police_log", "Police log: catalytic converter thefts, a gift-card scam and goats on Mill Street",
     "Fenwick Falls Record", "2025-03-10", None, None),
    ("e09_hollins_street_galette", "The rhubarb galette that kept the Hollins Street Bakery open",
     None, None, "Fen Lacasse", None),
    ("e10_orvane_pellucid_release", "Orvane Therapeutics to Acquire Pellucid Diagnostics for $340 Million, Adding Rapid Sepsis Test to Hospital Portfolio",
     "Newsline", "2025-04-15", None, None),
    ("e11_corvinids_wiki", "Corvinids", "Encyclopedium", None, None, None),
    ("e12_wrenfield_letters", "Letters: Calloway Avenue bike lanes, library hours and a skatepark for Delancey Field",
     "The Wrenfield Sentinel", "2025-06-14", None, None),
    ("e13_valdemora_vivienda_es", "El precio de la vivienda en Valdemora sube un 11,4% en un año y el alquiler marca un nuevo récord",
     "El Heraldo de Valdemora", "2024-10-18", "Marta Ibarguren", None),
    ("e14_valsorda_meteo_it", "Maltempo nel weekend: allerta arancione per temporali sabato in Valsorda, neve sopra i 1.800 metri",
     "Il Gazzettino di Valsorda", "2024-10-10", "Chiara Lombardozzi", None),
]

# Pairs share a topic with different names, numbers and dates; their near
# misses mix one article's entity with the other's fact.
PAIRS = [("e01_marlow_creek_start_times", "e02_dunholt_school_closure"),
         ("e03_port_averill_mayor", "e04_ketterby_byelection_live"),
         ("e05_tidewell_r7_review", "e06_norrvik_s3_review")]

# (doc, question, expect); doc None = unanswerable (near miss). Each
# unanswerable is listed under the article it is a near miss of.
Q = [
    # e01 school board: later start times (Marlow Creek)
    ("e01_marlow_creek_start_times", "what time will marlow creek high school start classes from next august", ["8:45 a.m."]),
    ("e01_marlow_creek_start_times", "Who was the only trustee to vote against the later start time in Marlow Creek?", ["Mark Feeney"]),
    ("e01_marlow_creek_start_times", "How much will the new bell schedule cost the Marlow Creek district each year?", ["$1.2 million"]),
    ("e01_marlow_creek_start_times", "Who wrote the Courier's story on the Marlow Creek start-time vote?", ["Priya Venkataraman"]),
    (None, "When will the phone pouch rule at Marlow Creek's middle schools take effect?", []),
    (None, "Why did trustee Rita Haverford vote against the later high school start?", []),
    (None, "How much will the extra bus routes for Dunholt's later school start time cost?", []),
    (None, "what did the marlow creek board decide to do with the pinecrest elementary building", []),
    # e02 school board: school closure (Dunholt), HTML with OpenGraph + JSON-LD
    ("e02_dunholt_school_closure", "How many students attend Pinecrest Elementary?", ["212"]),
    ("e02_dunholt_school_closure", "what was the vote on closing pinecrest", ["6-3"]),
    ("e02_dunholt_school_closure", "When do Dunholt Middle School students have to start putting their phones in pouches?", ["Feb. 24"]),
    ("e02_dunholt_school_closure", "When did the Dunholt Herald publish its story on the Pinecrest closure?", ["January 14, 2025"]),
    (None, "What will Dunholt do with the Pinecrest Elementary building after it closes?", []),
    (None, "How much will Marlow Creek spend on magnetic phone pouches?", []),
    (None, "Why did Director Colleen Roarke vote against the Dunholt phone policy?", []),
    (None, "In what year was Hollow Road Elementary built?", []),
    # e03 election results (Port Averill), wire style
    ("e03_port_averill_mayor", "Who won the Port Averill mayoral election?", ["Delphine Okafor-Reyes", "Okafor-Reyes"]),
    ("e03_port_averill_mayor", "how many votes did gordon tallis get", ["15,744"]),
    ("e03_port_averill_mayor", "What share of the vote did the seawall sales tax measure get?", ["57 percent"]),
    ("e03_port_averill_mayor", "Who reported the Coastal Wire story on the Port Averill mayor's race?", ["Noor Haddad", "Ben Castellanos"]),
    (None, "What was the turnout in the Port Averill mayoral election of 2016?", []),
    (None, "How many votes did Hannah Quist get in the Port Averill mayoral election?", []),
    (None, "Who asked for a recount in the Port Averill mayoral race?", []),
    (None, "By how many votes did Marisa Kolbe lose her District 2 council race?", []),
    # e04 election night live blog (Ketterby North), HTML with only <title>
    ("e04_ketterby_byelection_live", "Who won the Ketterby North by-election?", ["Hannah Quist"]),
    ("e04_ketterby_byelection_live", "what was the winning majority in ketterby north", ["422"]),
    ("e04_ketterby_byelection_live", "Why was there a by-election in Ketterby North?", ["stood down", "health reasons"]),
    ("e04_ketterby_byelection_live", "Which candidate requested a recount at the Ketterby count?", ["Liam Dorsey"]),
    (None, "What was the turnout at the Brinkley South by-election in 2020?", []),
    (None, "Which party did Delphine Okafor-Reyes defeat in Ketterby North?", []),
    (None, "When will Liam Dorsey take his seat on Ketterby District Council?", []),
    (None, "How many votes did Hannah Quist have after the first count, before the recount?", []),
    # e05 product review (Tidewell R7), Markdown with YAML front matter
    ("e05_tidewell_r7_review", "How much does the Tidewell R7 cost?", ["$549"]),
    ("e05_tidewell_r7_review", "how long does the tidewell r7 battery last", ["150 minutes"]),
    ("e05_tidewell_r7_review", "Who reviewed the Tidewell R7 for Circuit & Home?", ["Jonas Ekdahl"]),
    ("e05_tidewell_r7_review", "What kept getting the Tidewell R7 stuck in the hallway?", ["tassels"]),
    (None, "How big is the dust bag in the Tidewell R7's auto-empty dock?", []),
    (None, "How loud is the Tidewell R7 when it is mopping?", []),
    (None, "How many floors can the Tidewell R7 store maps for?", []),
    (None, "when did tidewell robotics release its first robot vacuum", []),
    # e06 product review (Norrvik S3 Omni), scraped .txt
    ("e06_norrvik_s3_review", "What is the price of the Norrvik S3 Omni?", ["£699"]),
    ("e06_norrvik_s3_review", "what score did techbench give the norrvik robot vacuum", ["3.5 out of 5", "★★★½"]),
    ("e06_norrvik_s3_review", "How many days did the Norrvik dock's dust bag last in the reviewer's house with a dog?", ["after 38"]),
    ("e06_norrvik_s3_review", "When was the Norrvik S3 Omni review published?", ["2 October 2024"]),
    (None, "How loud is the Norrvik S3 Omni in quiet mode, in decibels?", []),
    (None, "How long does the Norrvik S3 Omni's battery last on its strongest setting?", []),
    (None, "When did Norrvik release the firmware fix for the lost map problem?", []),
    (None, "How many rooms did the Norrvik S3 Omni pick out on its first map?", []),
    # e07 transfer rumour
    ("e07_mbemba_lund_transfer", "How much are Harrowgate set to pay for Tiago Mbemba-Lund?", ["€22 million", "£19m"]),
    ("e07_mbemba_lund_transfer", "who is mbemba-lund's agent", ["Ricardo Fenn"]),
    ("e07_mbemba_lund_transfer", "When does the transfer window close in the Mbemba-Lund story?", ["Friday 30 August"]),
    (None, "How much did Sporting Castellan pay for Kasper Holm?", []),
    (None, "How many Champions League goals did Tiago Mbemba-Lund score last season?", []),
    (None, "When did Tiago Mbemba-Lund pass his medical at Harrowgate?", []),
    # e08 police blotter (no author)
    ("e08_fenwick_falls_police_log", "How much did the Quarry Road woman lose in the gift card scam?", ["$6,500"]),
    ("e08_fenwick_falls_police_log", "who got arrested for drunk driving on route 9 in fenwick falls", ["Dustin Kolb"]),
    ("e08_fenwick_falls_police_log", "How many goats were wandering on Mill Street?", ["Four goats"]),
    (None, "Who wrote the Fenwick Falls Record police log?", []),
    (None, "Who was arrested for the catalytic converter thefts on Birch Lane?", []),
    (None, "How old was the driver taken to hospital after the Main Street and Orchard Avenue crash?", []),
    # e09 food feature with recipe (bare HTML, no metadata, undated)
    ("e09_hollins_street_galette", "What oven temperature does the rhubarb galette recipe use?", ["200°C"]),
    ("e09_hollins_street_galette", "how many galettes does the hollins street bakery make on a saturday", ["300 galettes"]),
    ("e09_hollins_street_galette", "Who wrote the feature about the Hollins Street Bakery galette?", ["Fen Lacasse"]),
    (None, "When was the article about the Hollins Street Bakery galette published?", []),
    (None, "How much does a slice of rhubarb galette cost at the Hollins Street Bakery?", []),
    (None, "How long should Oona Reddaway's apricot galette be baked?", []),
    # e10 company press release (no author)
    ("e10_orvane_pellucid_release", "How much per share is Orvane paying for Pellucid?", ["$12.50 per share"]),
    ("e10_orvane_pellucid_release", "who runs pellucid diagnostics", ["Anders Wick"]),
    ("e10_orvane_pellucid_release", "When is Orvane's purchase of Pellucid expected to be completed?", ["third quarter of 2025"]),
    (None, "What was Orvane Therapeutics' revenue in 2024?", []),
    (None, "How many Pellucid employees will lose their jobs after the acquisition?", []),
    (None, "What premium over Pellucid's 60-day average share price does Orvane's offer represent?", []),
    # e11 Wikipedia-style science article (undated, no author)
    ("e11_corvinids_wiki", "When do the Corvinids peak?", ["14 March"]),
    ("e11_corvinids_wiki", "who discovered the corvinid meteor shower", ["Elsie Rourke"]),
    ("e11_corvinids_wiki", "How many meteors per hour were seen in the 1966 Corvinid outburst?", ["400 meteors per hour"]),
    (None, "What zenithal hourly rate will the Corvinids reach in 2032?", []),
    (None, "In what year did Elsie Rourke discover comet 318P/Vandermeer?", []),
    (None, "When was the Encyclopedium article on the Corvinids last updated?", []),
    # e12 letters to the editor (no author)
    ("e12_wrenfield_letters", "How much would cutting Saturday library hours save Wrenfield each year?", ["$62,000"]),
    ("e12_wrenfield_letters", "How many signatures did the Delancey Field skatepark petition collect?", ["1,150"]),
    ("e12_wrenfield_letters", "who wrote the letter about fireworks scaring dogs", ["Desmond Fairlie"]),
    (None, "How old is Harlan Voss?", []),
    (None, "How much did Wrenfield's downtown branding study cost?", []),
    (None, "What did the Wrenfield parks commission decide about the Delancey Field skatepark?", []),
    # e13 Spanish: housing market
    ("e13_valdemora_vivienda_es", "¿Cuánto cuesta el metro cuadrado de vivienda de segunda mano en Valdemora?", ["2.870 euros"]),
    ("e13_valdemora_vivienda_es", "How many social housing flats will Valdemora build in La Solana?", ["600 viviendas"]),
    ("e13_valdemora_vivienda_es", "¿Quién firma el artículo sobre el precio de la vivienda en Valdemora?", ["Marta Ibarguren"]),
    (None, "¿Cuánto subió el precio de la vivienda en Valdemora en 2022?", []),
    (None, "¿Cuántas licencias de pisos turísticos ha retirado el Ayuntamiento en el Casco Antiguo?", []),
    (None, "What is the average rent for a flat in La Solana?", []),
    # e14 Italian: weather forecast
    ("e14_valsorda_meteo_it", "Quanta pioggia è prevista a Borgo Ferrante in 24 ore?", ["120 millimetri"]),
    ("e14_valsorda_meteo_it", "what kind of weather alert is there for valsorda on saturday", ["allerta arancione"]),
    ("e14_valsorda_meteo_it", "A che quota è attesa la prima neve domenica?", ["1.800 metri"]),
    (None, "Quanti millimetri di pioggia caddero durante l'esondazione del torrente Lisca?", []),
    (None, "Who is the mayor of Borgo Ferrante?", []),
    (None, "Qual è la temperatura massima prevista per martedì 15 ottobre in Valsorda?", []),
]

PLANNED = {tid: (4 if any(tid in p for p in PAIRS) else 3) for tid, *_ in TRUTH}


def main():
    errors = []
    fs = files(CORPUS)
    ids = [t[0] for t in TRUTH]
    if sorted(ids) != sorted(fs):
        errors.append(f"truth ids {sorted(ids)} != corpus files {sorted(fs)}")
    texts = {i: open(p, encoding="utf-8").read() for i, p in fs.items()}
    verbatim = verbatim_in(texts)
    for tid, title, *_ in TRUTH:
        if not verbatim(tid, title):
            errors.append(f"{tid}: title not found in file")
        n = len(text_of(fs[tid]).split())
        if not 500 <= n <= 700:
            errors.append(f"{tid}: {n} words")
    check_questions(Q, texts, verbatim, PLANNED, errors)
    if len(Q) != 96 or sum(1 for d, _, _ in Q if d is None) != 48:
        errors.append(f"question count {len(Q)}")

    write_set(HERE, TRUTH, Q, errors)
    finish([(tid, len(text_of(fs[tid]).split())) for tid in ids], errors, TRUTH, Q, 32)


if __name__ == "__main__":
    main()

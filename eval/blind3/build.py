#!/usr/bin/env python3
"""Build and check eval/blind3: writes truth.jsonl and questions.jsonl from the
tables below, then checks that every expected phrase occurs verbatim in its
article file, every title occurs in its file, word counts are 400-800, and
that the written JSON lines parse. Run: python3 eval/blind3/build.py"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from blindset import check_questions, files, finish, text_of, verbatim_in, write_set  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")

# id, title, outlet, date, author, url
TRUTH = [
    ("d01_reservoir_ruling", "Appeals court sides with Calder Valley farmers in Tennick Reservoir water dispute",
     "Northwire", "2024-10-14", "Daniel Ferreira and Ama Mensah", None),
    ("d02_bellmont_budget", "Bellmont council approves $412.6 million budget with 3.2% tax increase",
     "Bellmont Gazette", "2024-06-19", "Kelsey Marchetti",
     "https://www.bellmontgazette.com/news/local/2024/06/19/council-approves-budget-tax-increase/"),
    ("d03_kestonbury_aldmoor", "Ashworth double sends ten-man Aldmoor packing as Kestonbury climb to fourth",
     "Dunmere Evening Post", "2024-11-09", "Owen Pritchard", None),
    ("d04_walking_glucose_study", "Ten-minute walks after meals lower blood sugar in type 2 diabetes, large trial finds",
     "The Meridian Review", "2024-02-27", "Imogen Achterhof",
     "https://www.meridianreview.org/health/2024/02/27/post-meal-walking-trial"),
    ("d05_brennock_results", "Brennock Foods shares jump as crisps maker beats forecasts despite Wexley plant closure",
     "The Ledger", "2024-03-05", "Harriet Lomax", None),
    ("d06_tarnwell_patch", "Tarnwell 5.4.1 patches critical authentication bypass in message broker",
     "Stackline", "2024-09-10", "Sunil Varadarajan", None),
    ("d07_fishermens_trail_blog", "Four days on the Fishermen's Trail: sand, cliffs and far too many custard tarts",
     "Slow Miles", "2024-05-03", "Bea Thornquist", None),
    ("d08_alderidge_obituary", "Ruth Alderidge, engineer who designed the Harnett River Bridge, dies at 91",
     "The Harnett Valley Tribune", "2024-01-18", "Marguerite Oyelaran", None),
    ("d09_storm_ilona", "Storm Ilona: 94mph gusts, 38,000 homes without power and one man killed as storm batters west coast",
     "Coastline News", "2024-08-23", "Callum Reddy", None),
    ("d10_rooftop_bees_interview", "\"Bees don't read maps\": Marisol Etxeberria on counting wild bees on Sandhaven's rooftops",
     "Greenway Quarterly", None, "Tomasz Wielgus", None),
    ("d11_brackwater_town", "Brackwater", "Openpedia", None, None, None),
    ("d12_tessler_cell", "Tessler cell", None, None, None, None),
    ("d13_talbahn_de", "Nach 41 Jahren: Die Talbahn zwischen Rehfeld und Kallenbach fährt wieder",
     "Kreisanzeiger Online", "2024-04-12", "Jana Hoffmann and Till Brenner", None),
    ("d14_villa_gallo_romaine_fr", "Villeneuve-sur-Aronde : une villa gallo-romaine et sa mosaïque exceptionnelle mises au jour sous un futur lotissement",
     "Le Courrier de l'Aronde", "2024-06-07", "Claire Dumont", None),
]

# (doc, question, expect); doc None = unanswerable (near miss)
Q = [
    # d01 court ruling (wire)
    ("d01_reservoir_ruling", "which court overturned the earlier ruling on the tennick reservoir diversion?", ["Fourth District Court of Appeals"]),
    ("d01_reservoir_ruling", "How much were the valley growers awarded after the drought water was taken?", ["$18.4 million"]),
    ("d01_reservoir_ruling", "Who reported the Northwire story about the Halverston water ruling?", ["Daniel Ferreira", "Ama Mensah"]),
    (None, "What did Judge Loretta Vasquez-Hale argue in her dissent in the reservoir case?", []),
    (None, "How many acres of land do the Calder Valley Growers Cooperative members farm?", []),
    (None, "What did the state Supreme Court decide in the Halverston reservoir appeal?", []),
    # d02 council budget (HTML, OpenGraph + JSON-LD)
    ("d02_bellmont_budget", "what was the vote count when bellmont passed its budget", ["7-4"]),
    ("d02_bellmont_budget", "How much extra per year will a typical Bellmont homeowner pay because of the tax rise?", ["$96"]),
    ("d02_bellmont_budget", "Who runs the city's finances in Bellmont?", ["Gwen Okonjo"]),
    (None, "How much did Teresa Nakamura propose cutting from the Bellmont fire department's budget?", []),
    (None, "Why did the Bellmont council decide to close the Ferndale Park pool?", []),
    (None, "How many new librarians will be hired for Bellmont's Eastside branch?", []),
    # d03 football match report
    ("d03_kestonbury_aldmoor", "who got the winner for kestonbury against aldmoor", ["Jamal Ashworth"]),
    ("d03_kestonbury_aldmoor", "How big was the crowd at Brackenfield Road for the derby?", ["8,214"]),
    ("d03_kestonbury_aldmoor", "which aldmoor player was sent off?", ["Ryan Tolley"]),
    (None, "Who converted Kestonbury Town's penalty against Aldmoor?", []),
    (None, "How much did Kestonbury pay to sign Luca Ferrante?", []),
    (None, "What was the final score when Kestonbury played at Hollins Cross?", []),
    # d04 medical study (Markdown, YAML front matter)
    ("d04_walking_glucose_study", "How many people took part in the STRIDE-2 diabetes trial?", ["1,146"]),
    ("d04_walking_glucose_study", "who led the reserch on strolling after meals for diabetics", ["Anneke Vos"]),
    ("d04_walking_glucose_study", "where was the post-meal walking trial published?", ["Journal of Metabolic Medicine"]),
    (None, "How many participants were enrolled in the original STRIDE-1 trial?", []),
    (None, "By how much did walking after meals cut heart attacks in the STRIDE-2 trial?", []),
    (None, "Which hospitals in Turkey took part in the STRIDE-2 walking trial?", []),
    # d05 quarterly earnings
    ("d05_brennock_results", "When did The Ledger publish its story on Brennock Foods' results?", ["05/03/2024"]),
    ("d05_brennock_results", "who's the boss of brennock foods", ["Hélène Marchbank"]),
    ("d05_brennock_results", "How many staff work at the factory Brennock is shutting down?", ["340"]),
    (None, "How much revenue did Brennock Foods make in Poland in the fourth quarter?", []),
    (None, "When will Brennock's Castleford factory close?", []),
    (None, "What was Brennock Foods' operating profit for the full year?", []),
    # d06 software security patch (HTML, <title> + <time>)
    ("d06_tarnwell_patch", "which tarnwell release fixes the mqtt bridge login bypass", ["5.4.1"]),
    ("d06_tarnwell_patch", "Who discovered the flaw in the Tarnwell message broker?", ["Ingrid Solberg"]),
    ("d06_tarnwell_patch", "what severity score did the tarnwell vulnerabilty get", ["9.1"]),
    (None, "What CVE number was assigned to the Tarnwell authentication bypass?", []),
    (None, "What new features does Tarnwell 5.5.0 add?", []),
    (None, "How big a bug bounty did Copperline Labs pay Ingrid Solberg?", []),
    # d07 travel blog
    ("d07_fishermens_trail_blog", "who wrote the slow miles post about the fishermen's trail?", ["Bea Thornquist"]),
    ("d07_fishermens_trail_blog", "How far did the blogger walk in total along the Portuguese coast?", ["71 kilometres"]),
    ("d07_fishermens_trail_blog", "what was the guesthouse dog in milfontes called", ["Pimenta"]),
    (None, "Where on the trail did the blogger meet the two retired teachers from Lyon?", []),
    (None, "How much did a night at Casa da Ribeira cost?", []),
    (None, "How many days did it take Bea Thornquist to walk the Historical Way?", []),
    # d08 obituary
    ("d08_alderidge_obituary", "When was Ruth Alderidge's obituary published?", ["January 18, 2024"]),
    ("d08_alderidge_obituary", "how long is the main span of the harnett river bridge", ["310 metres"]),
    ("d08_alderidge_obituary", "Which professional body elected her as its first female president?", ["Institution of Structural Designers"]),
    (None, "What national design award did the Harnett River Bridge win in 1983?", []),
    (None, "How much did it cost to build the Harnett River Bridge?", []),
    (None, "What did Walter Cardew die of?", []),
    # d09 storm report
    ("d09_storm_ilona", "what was the strongest gust in storm ilona and where was it measured", ["94mph", "Capel Point"]),
    ("d09_storm_ilona", "How much rain fell at Glenarrow in a day?", ["112mm"]),
    ("d09_storm_ilona", "how many properties were still cut off from electricity by friday morning", ["14,500"]),
    (None, "How old was the man killed by a falling tree in Porthaven?", []),
    (None, "How many people were injured at the Sandreach caravan park during Storm Ilona?", []),
    (None, "What was the name of the storm before Ilona this season?", []),
    # d10 interview Q&A (bare HTML, undated)
    ("d10_rooftop_bees_interview", "how many wild bee species has the rooftop survey found", ["143"]),
    ("d10_rooftop_bees_interview", "What's the one plant the bee ecologist recommends for a roof?", ["viper's bugloss"]),
    ("d10_rooftop_bees_interview", "who interviewed marisol etxeberria?", ["Tomasz Wielgus"]),
    (None, "On what date was the Greenway Quarterly interview with Marisol Etxeberria published?", []),
    (None, "How much money did the Fernhill Trust give Living Roofs Count?", []),
    (None, "When did Marisol Etxeberria break her leg falling from a roof?", []),
    # d11 Wikipedia-style town (undated, no author)
    ("d11_brackwater_town", "What was Brackwater's population at the last census?", ["14,382"]),
    ("d11_brackwater_town", "when did brackwater get the right to hold a market", ["1247"]),
    ("d11_brackwater_town", "which German town is Brackwater twinned with?", ["Wendelstadt"]),
    (None, "What was the population of Brackwater in the 2011 census?", []),
    (None, "In what year did the Leddon Viaduct collapse?", []),
    (None, "When was Hatherley Mill turned into a creamery?", []),
    # d12 Wikipedia-style invention (Markdown, no front matter, undated)
    ("d12_tessler_cell", "who came up with the tessler cell", ["Amalia Tessler"]),
    ("d12_tessler_cell", "What voltage does a fresh Tessler cell give?", ["1.45 volts"]),
    ("d12_tessler_cell", "how many cells did the vienna telegraph office buy in 1872", ["4,000"]),
    (None, "In what year was Friedrich Tessler born?", []),
    (None, "Why was the Tessler cell favoured for electric lighting?", []),
    (None, "How much did one Tessler cell cost in 1872?", []),
    # d13 German
    ("d13_talbahn_de", "Wer hat den Artikel über die Talbahn geschrieben?", ["Jana Hoffmann", "Till Brenner"]),
    ("d13_talbahn_de", "How much did it cost to reopen the railway between Rehfeld and Kallenbach?", ["48 Millionen Euro"]),
    ("d13_talbahn_de", "Wann fährt der erste Zug in Rehfeld ab?", ["5:12 Uhr"]),
    (None, "Wann wurde die Bürgerinitiative Pro Talbahn aufgelöst?", []),
    (None, "Who is the mayor of Kallenbach?", []),
    (None, "Wie viel kostet eine Monatskarte für die Talbahn?", []),
    # d14 French
    ("d14_villa_gallo_romaine_fr", "Quelle est la surface de la mosaïque trouvée à Villeneuve-sur-Aronde ?", ["42 m²"]),
    ("d14_villa_gallo_romaine_fr", "who is the archaeologist in charge of the roman villa dig", ["Mathilde Perrin"]),
    ("d14_villa_gallo_romaine_fr", "jusqu'a quand les fouilles ont-elles été prolongées ?", ["30 septembre"]),
    (None, "Combien de pièces d'or à l'effigie de Trajan ont été trouvées dans la villa ?", []),
    (None, "In which museum is the Villeneuve-sur-Aronde mosaic now on display?", []),
    (None, "Combien de maisons comptera le lotissement de Montiers ?", []),
]


def words(path):
    return len(text_of(path).split())


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
        n = words(fs[tid])
        if not 400 <= n <= 800:
            errors.append(f"{tid}: {n} words")
    check_questions(Q, texts, verbatim, {i: 3 for i in ids}, errors)
    if len(Q) != 84 or sum(1 for d, _, _ in Q if d is None) != 42:
        errors.append(f"question count {len(Q)}")

    write_set(HERE, TRUTH, Q, errors)
    finish([(tid, words(fs[tid])) for tid in ids], errors, TRUTH, Q, 30)


if __name__ == "__main__":
    main()

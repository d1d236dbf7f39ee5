#!/usr/bin/env python3
"""Build and check eval/blind9 (HELD-OUT): writes truth.jsonl and questions.jsonl from
the tables below, then checks that every expected phrase occurs (case-insensitive)
in its article file, every title occurs in its file, word counts are 450-700
(HTML counted without tags and scripts), that each article has 4 answerable and
4 unanswerable questions, and that the written JSON lines parse.
Run: python3 eval/blind9/build.py"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from blindset import build_set  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

# id, title, outlet, date, author, url
TRUTH = [
    ("i01_harwick_marathon",
     "Masese smashes course record as Lindqvist-Hale claims second Harwick Marathon title",
     "Harwick Evening Post", "2025-04-13", "Saoirse Tallant", None),
    ("i02_calvane_recall",
     "Calvane recalls 38,400 Orra hatchbacks over rear seat-belt fault",
     "Motorline", "2025-02-18", "Priya Wendover-Kash",
     "https://www.motorline.example/news/calvane-orra-seat-belt-recall"),
    ("i03_fernhill_inspection",
     "Fernhill Primary rated 'good' as inspectors praise reading but flag attendance",
     "Brackley Vale Gazette", "2025-06-05", "Gideon Marsh-Aylott", None),
    ("i04_otter_survey",
     "Otters found on every stretch of the River Skell for the first time, volunteer survey shows",
     "Skell Valley Wildlife Trust", None, "Ines Pardoe-Wilcox", None),
    ("i05_ward_closure",
     "Children's ward at Tolland General to close overnight from January",
     "The Wexmouth Courier", "2025-10-09", None, None),
    ("i06_festival_lineup",
     "Saltmarsh Sound 2025 line-up: The Velvet Quarry, Mira Okonjo and Halfmoon Parade to headline",
     "Loudwire North", "2025-01-21", "Tobiah Renshaw", None),
    ("i07_candidates_quarry_hill",
     "Quarry Hill by-election: meet the four candidates",
     "The Elsmere Advertiser", "2025-04-28", "Naledi Foster-Quayle", None),
    ("i08_museum_acquisition",
     "Lanstow Museum buys 'lost' Hettie Rowan seascape for £640,000 after public appeal",
     "The Lanstow Chronicle", "2025-09-24", "Cormac Ellery-Shaw",
     "https://www.lanstowchronicle.example/arts/rowan-seascape-museum"),
    ("i09_prom_lesznica",
     "Prom w Olszynach znów kursuje. Przeprawa przez Lesznicę wraca po czterech latach",
     "Kurier Nadlesznicki", "2025-08-14", "Magdalena Wierzbicka-Zając", None),
    ("i10_satellite_launch",
     "Kestrel-2 rocket puts Cairnholm University's first satellite into orbit",
     "Orbital Notes", "2025-03-11", "Fenella Morcombe",
     "https://orbitalnotes.example/2025/03/kestrel-2-cairnholm-satellite"),
    ("i11_havnebad_skovhavn",
     "Havnebadet i Skovhavn lukket efter skybrud: For mange bakterier i vandet",
     "Fjordposten", "2025-07-03", "Mette Holmgaard Rasmussen", None),
    ("i12_rowing_club_agm",
     "Minutes of the Annual General Meeting 2024",
     "Penwick Amateur Rowing Club", "2024-11-29", "Gwen Halloran", None),
]

# doc, question, expected phrases (doc None = unanswerable, follows its article's answerable ones)
QUESTIONS = [
    # i01 marathon results
    ("i01_harwick_marathon", "What time did Jonah Kirui Masese run in the Harwick Marathon?", ["2:09:41"]),
    ("i01_harwick_marathon", "whose course record did masese break", ["Tomasz Brodecki"]),
    ("i01_harwick_marathon", "how many runners finished the harwick marathon this year", ["11,482"]),
    ("i01_harwick_marathon", "Who was the oldest finisher in Harwick and how old was she?", ["Maisie Gorringe", "71-year-old"]),
    (None, "How much prize money did Ravi Duggal get for winning the wheelchair race?", []),
    (None, "whats the date of next years harwick marathon", []),
    (None, "Which hospital was the runner who collapsed near the 40km marker taken to?", []),
    (None, "What position did Masese finish in the Harwick Marathon in 2023?", []),
    # i02 car recall
    ("i02_calvane_recall", "how many Calvane Orra cars are being recalled?", ["38,400"]),
    ("i02_calvane_recall", "Whats wrong with the Orra hatchback, why the recal?", ["anchor bolt", "seat belt"]),
    ("i02_calvane_recall", "How long does the dealer repair take for the Orra recall?", ["40 minutes"]),
    ("i02_calvane_recall", "Who wrote the Motorline story on the Orra seat belt recall?", ["Priya Wendover-Kash"]),
    (None, "How much will the Orra seat-belt recall cost Calvane?", []),
    (None, "How many Orras were recalled in 2024 because of the reversing camera fault?", []),
    (None, "what is the price of the electric Calvane Orra-e", []),
    (None, "Which dealer in Portcullis Bay found the loose bolt on the Orra?", []),
    # i03 school inspection
    ("i03_fernhill_inspection", "What was Fernhill Primary rated at its previous inspection in 2019?", ["requires improvement"]),
    ("i03_fernhill_inspection", "how many pupils go to fernhill primary", ["312"]),
    ("i03_fernhill_inspection", "Which area did inspectors judge outstanding at Fernhill?", ["Early years"]),
    ("i03_fernhill_inspection", "who is the head teacher at fernhill primary school", ["Owain Prescott-Diaz"]),
    (None, "What percentage of Fernhill pupils were persistently absent in 2019?", []),
    (None, "Who led the 2019 inspection of Fernhill Primary School?", []),
    (None, "When did Malcolm Ibekwe become headteacher of Fernhill?", []),
    (None, "what did the inspectors say about maths teaching at fernhill", []),
    # i04 wildlife survey (undated)
    ("i04_otter_survey", "how many volunteers took part in the river skell otter survey", ["140 volunteers", "More than 140"]),
    ("i04_otter_survey", "In how many stretches of the Skell were otter signs found in 2011?", ["just 12"]),
    ("i04_otter_survey", "Why have otters come back to the River Skell?", ["Millfield tannery", "fish passes", "fenced cattle"]),
    ("i04_otter_survey", "who paid for the otter survey", ["Heritage Waters Fund"]),
    (None, "what date was the skell valley otter survey article posted", []),
    (None, "How many beavers live on the River Skell?", []),
    (None, "How many American mink did volunteers trap on the Skell last year?", []),
    (None, "Which stretches of the Skell had water voles in 2011?", []),
    # i05 hospital ward closure
    ("i05_ward_closure", "When will Puffin Ward stop admitting children overnight?", ["12 January"]),
    ("i05_ward_closure", "where will children be sent at night instead of tolland general", ["Royal Penhallow Infirmary", "Royal Penhallow"]),
    ("i05_ward_closure", "How many signatures were on the Keep Puffin Open petition?", ["9,214"]),
    ("i05_ward_closure", "how many nursing posts on puffin ward are vacant", ["seven of the ward's 22 nursing posts"]),
    (None, "How much money will closing Puffin Ward overnight save the trust?", []),
    (None, "What did the health minister say in reply to Duncan Selwyn-Frost?", []),
    (None, "who is the chair of the Wexmouth and Tolland Health Trust", []),
    (None, "How many children were admitted overnight to Puffin Ward in 2020?", []),
    # i06 festival line-up
    ("i06_festival_lineup", "who headlines saturday at saltmarsh sound", ["Mira Okonjo"]),
    ("i06_festival_lineup", "How much is a weekend ticket for Saltmarsh Sound 2025?", ["£189"]),
    ("i06_festival_lineup", "when do saltmarsh sound tickets go on sale", ["9am on Friday 24 January", "Friday 24 January"]),
    ("i06_festival_lineup", "How many acts are playing Saltmarsh Sound this year?", ["74 acts"]),
    (None, "How much did weekend tickets for the first Saltmarsh Sound in 2016 cost?", []),
    (None, "Who won Saltmarsh Sound's emerging-artist competition?", []),
    (None, "what time does the boathouse stage shut on the sunday", []),
    (None, "How many people live in Corley village?", []),
    # i07 election candidate profiles
    ("i07_candidates_quarry_hill", "Who is the Green Party candidate in the Quarry Hill by-election?", ["Keira Ashdown-Bell"]),
    ("i07_candidates_quarry_hill", "why is there a by-election in quarry hill", ["resignation", "ill health"]),
    ("i07_candidates_quarry_hill", "whats mohammed darraj's job", ["pharmacy"]),
    ("i07_candidates_quarry_hill", "What time are polling stations open on 15 May?", ["7am to 10pm"]),
    (None, "Who won the Quarry Hill by-election?", []),
    (None, "What was Reg Hollins's majority at the 2019 council election?", []),
    (None, "how old is reg hollins", []),
    (None, "How many seats do the Conservatives have on Elsmere Borough Council?", []),
    # i08 museum acquisition
    ("i08_museum_acquisition", "How much did Lanstow Museum pay for Storm off Carrick Point?", ["£640,000"]),
    ("i08_museum_acquisition", "when was storm off carrick point painted", ["1911"]),
    ("i08_museum_acquisition", "how much money did the public appeal for the Rowan painting raise", ["£115,000"]),
    ("i08_museum_acquisition", "When does the Hettie Rowan seascape go on display?", ["8 November"]),
    (None, "Who sold Storm off Carrick Point to Lanstow Museum?", []),
    (None, "Which galleries will the Rowan painting tour to in 2026?", []),
    (None, "How much did the Canadian collector pay for the painting in 1929?", []),
    (None, "how many works by hettie rowan does the carrick art school own", []),
    # i09 Polish ferry
    ("i09_prom_lesznica", "Ile kosztował nowy prom w Olszynach?", ["3,4 mln zł"]),
    ("i09_prom_lesznica", "jak nazywa sie nowy prom na lesznicy", ["Jadwiga"]),
    ("i09_prom_lesznica", "ile kosztuje przeprawa promem samochodem osobowym", ["8 zł"]),
    ("i09_prom_lesznica", "How many passengers did the Olszyny ferry carry on its first day?", ["412 pasażerów"]),
    (None, "Ile będzie kosztował chodnik do przystani w Ruczewie?", []),
    (None, "Kto zostanie trzecim przewoźnikiem na promie?", []),
    (None, "ile kosztowal stary prom wycofany w 2021", []),
    (None, "Kiedy zbudowano most w Kamionce?", []),
    # i10 satellite launch
    ("i10_satellite_launch", "What is Cairnholm University's satellite called?", ["Corrie"]),
    ("i10_satellite_launch", "why was the 27 february launch scrubbed", ["helium tank"]),
    ("i10_satellite_launch", "how much did the corrie satellite cost to build", ["£1.3 million"]),
    ("i10_satellite_launch", "At what altitude does Corrie orbit?", ["520 kilometres"]),
    (None, "How much did Cairnholm University pay Aubrey Aerospace for the launch?", []),
    (None, "When is the next Kestrel-2 launch from Strathvey?", []),
    (None, "what does nimbra's test satellite measure", []),
    (None, "Whats the name of the Danish company that supplied Corrie's camera?", []),
    # i11 Danish harbour bath
    ("i11_havnebad_skovhavn", "Hvorfor er havnebadet i Skovhavn lukket?", ["bakterier", "E. coli"]),
    ("i11_havnebad_skovhavn", "hvor meget regn faldt der ved skybruddet i skovhavn", ["62 millimeter"]),
    ("i11_havnebad_skovhavn", "How much will the new rainwater basin at Møllegade cost?", ["48 millioner kroner"]),
    ("i11_havnebad_skovhavn", "Hvornår åbnede havnebadet ved Kulkajen?", ["2019"]),
    (None, "Hvor mange dage var havnebadet lukket i 2023?", []),
    (None, "Hvad kostede det at bygge havnebadet ved Kulkajen?", []),
    (None, "How many E. coli bacteria were measured at Lyngvig Strand on Friday?", []),
    (None, "hvem er borgmester i skovhavn", []),
    # i12 rowing club AGM minutes
    ("i12_rowing_club_agm", "how many members came to the penwick rowing club agm", ["58 members"]),
    ("i12_rowing_club_agm", "What will the senior subscription be from January 2025?", ["£350"]),
    ("i12_rowing_club_agm", "What are they naming the new eight?", ["Maureen S"]),
    ("i12_rowing_club_agm", "who chaired the rowing club AGM", ["Barnaby Osei-Trent"]),
    (None, "What was the rowing club's surplus in the year to September 2023?", []),
    (None, "How much does it cost to hire the Riverside Boathouse for an evening?", []),
    (None, "When is the next Penwick rowing club AGM?", []),
    (None, "How many votes did Priya Achterberg-Lowe get in the vice-captain election?", []),
]

if __name__ == "__main__":
    build_set(HERE, TRUTH, QUESTIONS)

#!/usr/bin/env python3
"""Build and check eval/blind8: writes truth.jsonl and questions.jsonl from the
tables below, then checks that every expected phrase occurs (case-insensitive)
in its article file, every title occurs in its file, word counts are 450-700
(HTML counted without tags and scripts), that each article has 4 answerable and
4 unanswerable questions, and that the written JSON lines parse.
Run: python3 eval/blind8/build.py"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from blindset import build_set  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

# id, title, outlet, date, author, url
TRUTH = [
    ("h01_book_review_salt_ledger",
     "The Salt Ledger by Marisol Quint-Avery review – a harbour town keeps its accounts",
     "The Weekend Quire", "2025-03-03", "Imelda Rooksby", None),
    ("h02_corvane_ceo_resigns",
     "Corvane Logistics chief executive Harriet Mbeki-Lowe to step down after seven years",
     "The Commerce Desk", "2025-04-08", "Naomi Achterberg",
     "https://www.commercedesk.example/companies/corvane-chief-executive-steps-down"),
    ("h03_sorrelby_series_b",
     "Scooter battery-swap firm Sorrelby raises £28m to expand into six more cities",
     "Northbridge Tech Wire", "2025-05-14", "Tomas Kiernan-Ade", None),
    ("h04_ashworth_open_finals",
     "Wren saves match point to win Ashworth Open as Varga takes men's title",
     "The Coastal Herald", "2025-06-22", "Lena Marsh and Ojo Fadeyi", None),
    ("h05_fenmarsh_gold_cup",
     "Quiet Harbour springs 20-1 surprise in the Fenmarsh Gold Cup",
     "The Paddock Post", "2025-05-03", "Cormac Deverell", None),
    ("h06_marrowby_weekend_guide",
     "Things to do in Marrowby this weekend: cider, comedy and a vintage bus rally",
     "Marrowby Life", None, None,
     "https://www.marrowbylife.example/whats-on/things-to-do-in-marrowby-this-weekend"),
    ("h07_ormsby_road_closures",
     "Public notice: temporary road closures in Wendlebury for gas main replacement",
     "Ormsby County Council", "2025-06-02", None, None),
    ("h08_calverley_airport_disruption",
     "Calverley Airport: 168 flights cancelled after fuel system fault grounds planes",
     "Southline News", "2025-08-12", "Farah Qureshi-Linden", None),
    ("h09_harvest_grain_bulletin",
     "Harvest 2025: wheat yields down 8%, malting barley premiums widen",
     "The Fieldgate Grain Bulletin", "2025-09-15", "Gwilym Patterson-Oakes", None),
    ("h10_ask_the_vet",
     "Ask the Vet: \"Why is my old dog suddenly drinking so much water?\"",
     "The Sunday Almanac", None, "Lowri Pemberton-Ash", None),
    ("h11_pt_gp_serra_do_freixo",
     "Inês Valadares vence na Serra do Freixo e reforça a liderança do campeonato de turismos",
     "Diário do Vale Alto", "2025-07-27", "Rui Amaral Teixeira", None),
    ("h12_sv_ekbackaspelen",
     "Lindqvist slog banrekord på Ekbackaspelen – men missade EM-gränsen",
     "Norrsunda Kuriren", "2025-08-31", "Elin Bergqvist", None),
]

H01, H02, H03, H04, H05, H06, H07, H08, H09, H10, H11, H12 = (t[0] for t in TRUTH)

# doc, question, expected phrases (doc None = unanswerable; they follow their article's)
Q = [
    (H01, "who wrote the salt ledger", ["Marisol Quint-Avery"]),
    (H01, "What year is The Salt Ledger set in?", ["1953"]),
    (H01, "hw many pages is the new Quint-Avery novel", ["384 pages"]),
    (H01, "Which prize did Lanterns for the Drowned win?", ["Caddow Prize"]),
    (None, "What prize did The Salt Ledger win?", []),
    (None, "who was the skipper of the Mary Colquhoun", []),
    (None, "How much does Imelda Rooksby's book The Glass Orchard cost?", []),
    (None, "who published Lanterns for the Drowned", []),

    (H02, "who is corvane's interim ceo", ["Dominic Rysak"]),
    (H02, "When does Harriet Mbeki-Lowe leave Corvane?", ["30 June"]),
    (H02, "how much did corvane shares fall when the ceo quit", ["6.4%", "412p"]),
    (H02, "whats corvanes annual revenue", ["£2.3bn"]),
    (None, "Why did Ingrid Solheim-Barr step down as chief executive of Corvane?", []),
    (None, "where is harriet mbeki-lowe going to work next", []),
    (None, "How long did the drivers' strike at Corvane's Dunmore depot last?", []),
    (None, "what is dominic rysak's salary as interim chief exec", []),

    (H03, "how much did sorrelby raise", ["£28m"]),
    (H03, "Who led Sorrelby's Series B round?", ["Halyard Ventures"]),
    (H03, "hw many lockers does sorrelby run", ["640 lockers"]),
    (H03, "who founded Sorrelby", ["Anya Prescott-Wade", "Jarrah Whitcombe"]),
    (None, "What is Sorrelby valued at after the Series B?", []),
    (None, "how much did sorrelby raise in its 2022 series a", []),
    (None, "Which cities in the north of England is Sorrelby expanding to?", []),
    (None, "who is sorrelby's chief financial officer", []),

    (H04, "who won the womens final at the ashworth open", ["Kasia Wren"]),
    (H04, "What was the score in the Ashworth Open men's final?", ["7-6 (7-3) 6-2"]),
    (H04, "how much prize money did wren get", ["£145,000"]),
    (H04, "Who wrote the Coastal Herald report on the Ashworth Open finals?", ["Lena Marsh", "Ojo Fadeyi"]),
    (None, "who won the men's doubles final at ashworth", []),
    (None, "How many aces did Kasia Wren serve in the final?", []),
    (None, "when did ruben castellet win the ashworth open before", []),
    (None, "Who is Kasia Wren's coach?", []),

    (H05, "who won the fenmarsh gold cup", ["Quiet Harbour"]),
    (H05, "what odds was the gold cup winner", ["20-1"]),
    (H05, "Who trains Quiet Harbour?", ["Bertram Ashgrove"]),
    (H05, "hw much rain fell at fenmarsh on friday night", ["9mm"]),
    (None, "Which jockey rode Silver Tallow to victory in the Fenmarsh Gold Cup?", []),
    (None, "how long was niamh corrigall banned for careless riding", []),
    (None, "What did the vet find when Silver Tallow was checked over?", []),
    (None, "when is quiet harbour's next race", []),

    (H06, "what time does the film on castle green start", ["8.45pm"]),
    (H06, "How much is entry to the Marrowby Food and Cider Festival?", ["£6"]),
    (H06, "where's the vintage bus rally", ["Old Bus Depot"]),
    (H06, "who is headlining the comedy at the lantern rooms", ["Priya Dossett"]),
    (None, "what time do the fireworks start at fairfield park on saturday", []),
    (None, "How much does it cost to enter the Marrowby 10K?", []),
    (None, "who won last years marrowby 10k", []),
    (None, "What time does the Quayside Gallery open on Mondays?", []),

    (H07, "when is wendle road closed from", ["16 June 2025"]),
    (H07, "whats the diversion route for the wendle road closure", ["A411"]),
    (H07, "What hours is Chapel Street closed at night?", ["9pm and 6am"]),
    (H07, "which bus is diverted by the wendlebury roadworks", ["route 12"]),
    (None, "When will Orchard Way be closed to traffic?", []),
    (None, "when will saxon way be resurfaced", []),
    (None, "How much will the Wendlebury gas main replacement cost?", []),
    (None, "how many homes are affected by the wendle road closure", []),

    (H08, "how many flights were cancelled at calverley airport", ["168"]),
    (H08, "What caused the disruption at Calverley Airport?", ["fuel hydrant system"]),
    (H08, "what time did refuelling resume at calverley", ["11.20am"]),
    (H08, "how many flights did skyreach cancel", ["71 flights"]),
    (None, "When will Calverley's main fuel system be fully repaired?", []),
    (None, "which group claimed the cyber attack on calverley airport", []),
    (None, "How many passengers did Calverley Airport handle in 2023?", []),
    (None, "how much compensation will skyreach pay each passenger", []),

    (H09, "whats the average wheat yield this harvest", ["7.6 tonnes per hectare"]),
    (H09, "feed wheat price ex farm for november", ["£172/t"]),
    (H09, "When does sugar beet lifting start?", ["22 September"]),
    (H09, "who writes the fieldgate grain bulletin", ["Gwilym Patterson-Oakes"]),
    (None, "What is the official national wheat production estimate for 2025?", []),
    (None, "when will the harlow brook bioethanol plant restart", []),
    (None, "What was the average spring barley yield in 2024?", []),
    (None, "what price is the co-op paying for sugar beet", []),

    (H10, "how old is biscuit the labrador", ["11-year-old"]),
    (H10, "Which parts of a lily are poisonous to cats?", ["every part of the plant", "pollen"]),
    (H10, "min size for a rabbit run", ["3m by 2m"]),
    (H10, "hw long has dr pemberton-ash worked as a vet", ["18 years"]),
    (None, "How old is Moss the cat?", []),
    (None, "what did the vet diagnose biscuit with", []),
    (None, "How much water per kilogram should a cat drink a day?", []),
    (None, "when was the ask the vet column about biscuit published", []),

    (H11, "quem venceu o grande prémio da serra do freixo", ["Inês Valadares"]),
    (H11, "Quantos pontos tem Valadares no campeonato?", ["142 pontos"]),
    (H11, "qual era a temperatura na partida da corrida", ["38 graus"]),
    (H11, "quando e a proxima prova do campeonato de turismos", ["14 de setembro"]),
    (None, "O carro de Duarte Pimentel vai estar pronto para a próxima prova?", []),
    (None, "quanto custavam os bilhetes para o autódromo", []),
    (None, "Quem foi o campeão nacional de turismos em 2024?", []),
    (None, "quando terminam as obras de alargamento das boxes", []),

    (H12, "vilken tid sprang ebba lindqvist på 1500 m", ["4.03,18"]),
    (H12, "Vad är EM-gränsen på 1 500 meter?", ["4.02,50"]),
    (H12, "hur manga åskådare kom till ekbackaspelen", ["4 100"]),
    (H12, "vem vann höjdhopp för herrar", ["Viktor Hallgren"]),
    (None, "Vilka tävlingar ska Lindqvist springa härnäst?", []),
    (None, "när går ekbackaspelen nästa år", []),
    (None, "Vem vann 100 meter för damer på Ekbackaspelen?", []),
    (None, "vilket år satte ingrid haugsvold banrekordet", []),
]


def main():
    build_set(HERE, TRUTH, Q, width=36)


if __name__ == "__main__":
    main()

"""Near-miss questions: the premise check and the spelling correction, on their own."""

from __future__ import annotations

import pytest

from bot.core.premise import check
from bot.core.spelling import Vocabulary

PASSAGE = (
    "In 1038, the Byzantine general Basil Orestes led an expedition to Sicily with a force "
    "of 3,000 men. The campaign failed when the fleet did not arrive."
)


def idf(stem: str) -> float:
    return 1.0 + len(stem) / 10  # longer words rarer: enough to order a run's words


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("What expedition did Basil Orestes lead in the 10th century?", ("10th",)),
        ("Where did Basil Orestes lead an expedition in 1040?", ("1040",)),
        ("Where did Leo Tornikios lead an expedition in 1038?", ("Leo", "Tornikios")),
        ("How many men did Basil Orestes lead to Crete?", ("Crete",)),
    ],
)
def test_a_wrong_year_number_or_name_is_missing(question: str, missing: tuple[str, ...]) -> None:
    assert check(question, PASSAGE, idf).missing == missing


@pytest.mark.parametrize(
    "question",
    [
        "Where did Basil Orestes lead an expedition in 1038?",
        "Who led the Byzantine expedition to Sicily?",  # no name or number it lacks
        "Where did Basil Orestis lead an expedition?",  # a typo of a name it has
        "Why did the campaign not succeed?",  # the passage says something negative
        "How many men, 3,000 or more, went to Sicily?",
    ],
)
def test_what_the_passage_says_holds(question: str) -> None:
    assert check(question, PASSAGE, idf).holds


def test_a_negation_the_passage_lacks_is_missing() -> None:
    assert check("Which fleet did not sail?", "The fleet sailed from Bari.", idf).missing == (
        "not",
    )


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        # Portuguese "no" is "in the", not English "no"
        (
            "Quantos pontos tem Valadares no campeonato?",
            "Com este resultado, Valadares soma 142 pontos, contra 131 de Brandão.",
        ),
        (
            "Quantos golos marcou o Ribeiro no jogo de domingo?",
            "O avançado Ribeiro marcou dois golos na partida de domingo em Braga.",
        ),
    ],
)
def test_a_word_that_is_english_negation_is_none_in_another_language(
    question: str, passage: str
) -> None:
    assert "not" not in check(question, passage, idf).missing


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        ("vilken tid sprang Lindqvist på 1500 m", "Lindqvist sprang 1 500 meter på 4.03,18."),
        ("How many people watched the 12000 seat stadium?", "A crowd of 12\u00a0000 filled it."),
        ("Combien de places compte la salle de 2500 places ?", "La salle de 2\u202f500 places."),
    ],
)
def test_thousands_grouped_by_a_space_are_the_number(question: str, passage: str) -> None:
    assert not [m for m in check(question, passage, idf).missing if m[0].isdigit()]


def test_digits_apart_are_no_grouped_number() -> None:
    # "1 500" groups only a three-digit run: "in 2 50-minute halves" is no 250
    assert "250" in check("Who played 250 minutes?", "He played 2 50-minute halves.", idf).missing


def test_initials_and_the_articles_own_topic_are_supported() -> None:
    text = "The mayor of Los Angeles met the council on Tuesday."
    assert check("Who met the council in LA?", text, idf).holds
    # A name the article is about need not be repeated in every passage.
    assert not check("What did Harbourton's council approve?", text, idf).holds
    assert check(
        "What did Harbourton's council approve?", text, idf, lambda s: s == "harbourton"
    ).holds


def test_a_multi_word_name_is_known_by_its_rarest_word() -> None:
    text = "The strongest gust was recorded at Penhallow shortly after 2am."
    assert check("How strong were the gusts at Penhallow Point?", text, idf).holds


def test_typos_are_corrected_against_the_corpus_and_english() -> None:
    vocab = Vocabulary(["Wyoming is where the ranch is. North West and the ranch."])
    assert vocab.correct("wher is the rnach in Wyomng") == "where is the ranch in Wyoming"
    # Known words (English or the corpus's) and short words stay as they are.
    assert vocab.correct("Is the dose right, Kim?") == "Is the dose right, Kim?"
    # Nothing close: the intended word is not clear, so it stays.
    assert vocab.correct("zqxwvy ranch") == "zqxwvy ranch"


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        (
            "Who took 7 wickets for Somerset?",
            "Kaleem took seven for 58 as Somerset won at Taunton.",
        ),
        ("Which 2 firms bid for the contract?", "Only two firms, Arlo and Brisk, bid for it."),
    ],
)
def test_a_count_the_passage_spells_out_is_the_questions_digits(
    question: str, passage: str
) -> None:
    assert check(question, passage, idf).holds


def test_a_count_the_passage_spells_otherwise_is_still_missing() -> None:
    assert check("Who took 6 wickets?", "Kaleem took seven for 58.", idf).missing == ("6",)


@pytest.mark.parametrize(
    ("question", "passage", "article", "missing"),
    [
        # another of the series in the passage: another trial
        (
            "How many people enrolled in the STRIDE-1 trial?",
            "The follow-up trial, STRIDE-3, will enrol about 4,000 participants.",
            "",
            ("STRIDE-1",),
        ),
        # the article never names it
        (
            "When did the TOI-700 survey start?",
            "The survey of nearby red dwarfs began in March.",
            "The survey of nearby red dwarfs began in March. It found TOI-6094.",
            ("TOI-700",),
        ),
    ],
)
def test_a_hyphenated_code_of_another_in_its_series_is_missing(
    question: str, passage: str, article: str, missing: tuple[str, ...]
) -> None:
    assert check(question, passage, idf, article=article).missing == missing


@pytest.mark.parametrize(
    ("question", "passage", "article"),
    [
        # the article is about it, and the passage names no other of its series
        (
            "How long did the STRIDE-2 walkers walk?",
            "Walkers in the study walked for 15 minutes after each meal.",
            "The study, known as STRIDE-2, followed 1,146 adults. Walkers in the study walked for"
            " 15 minutes after each meal.",
        ),
        ("What does a COVID-19 test cost?", "A COVID 19 test costs $25 at the clinic.", ""),
        ("How old was the 20-year-old driver?", "The driver, 20, was taken to hospital.", ""),
    ],
)
def test_a_hyphenated_code_the_article_gives_holds(
    question: str, passage: str, article: str
) -> None:
    about = {"stride", "2"}  # what the article is about (vocabulary.topical in the engine)
    assert check(question, passage, idf, lambda s: s in about, article=article).holds


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        (
            "What did the coroner conclude about Geoffrey Atherton's death?",
            'He said the failure had "more than minimally contributed" to Mr Atherton\'s death.',
        ),
        (
            "Where does Priya Raman work?",
            "Dr. Raman, who leads the team at Edinburgh, said the data were clear.",
        ),
    ],
)
def test_a_person_named_again_by_honorific_and_surname_holds(question: str, passage: str) -> None:
    assert check(question, passage, idf, sentence=passage).holds


def test_an_honorific_before_another_surname_supports_nothing() -> None:
    passage = "The coroner said the pothole had contributed to Mr Blackwood's death."
    assert check(
        "What did the coroner say about Geoffrey Atherton's death?", passage, idf
    ).missing == (
        "Geoffrey",
        "Atherton's",
    )


@pytest.mark.parametrize(
    ("question", "passage", "about"),
    [
        ("How far can the A380 fly?", "It can fly 15,000 km without refuelling.", {"a380"}),
        (
            "how long does the tidewell x5 battery last",
            "Its battery lasts about 150 minutes on carpet.",
            {"tidewell", "x5"},
        ),
    ],
)
def test_a_code_the_article_is_about_need_not_be_repeated(
    question: str, passage: str, about: set[str]
) -> None:
    assert check(question, passage, idf, lambda s: s in about).holds
    # the same code where the article is about something else is still missing
    assert not check(question, passage, idf, lambda s: False).holds


@pytest.mark.parametrize(
    ("question", "passage", "article"),
    [
        (
            "How long did Keith Romney get in prison?",
            "Romney was jailed for four years at the crown court on Friday.",
            "Keith Romney, 54, admitted fraud. Romney was jailed for four years at the crown court"
            " on Friday.",
        ),
        (
            "How many votes did Gordon Tallis get?",
            "Tallis, first elected in 2016, finished with 15,744 votes.",
            "Okafor defeated two-term Mayor Gordon Tallis on Tuesday. Tallis, first elected in"
            " 2016, finished with 15,744 votes.",
        ),
    ],
)
def test_a_full_name_the_article_gives_for_the_passages_surname_holds(
    question: str, passage: str, article: str
) -> None:
    assert check(question, passage, _first_names_rarer, article=article).holds
    # without the article's full name the first name is unsupported
    assert not check(question, passage, _first_names_rarer, article=passage).holds


def _first_names_rarer(stem: str) -> float:
    return 3.0 if stem in ("keith", "gordon") else 1.0  # said once; the surname again and again


def test_a_surname_two_people_of_the_article_share_supports_no_first_name() -> None:
    passage = "Romney was jailed for four years."
    article = "Keith Romney and his brother Alan Romney ran the firm. " + passage
    question = "How long did Keith Romney get in prison?"
    assert not check(question, passage, _first_names_rarer, article=article).holds


def test_a_common_noun_after_a_place_is_no_surname() -> None:
    passage = "Only 41% of County residents in the north had a flu shot, the County said."
    article = "Harlow County clinics open late. Few county residents came. " + passage
    question = "What share of Harlow County residents got a flu shot?"
    assert not check(
        question, passage, lambda s: 3.0 if s == "harlow" else 1.0, article=article
    ).holds


@pytest.mark.parametrize(
    ("question", "passage", "published", "holds"),
    [
        (
            "How many sightings were logged in 2024?",
            "Last year they logged 1,140.",
            "2025-04-09",
            True,
        ),
        ("What will the levy be in 2026?", "Next year the levy rises to £2.", "2025-11-02", True),
        (
            "How many sightings were logged in 2023?",
            "Last year they logged 1,140.",
            "2025-04-09",
            False,
        ),
        # an undated story's "last year" is no year
        ("How many sightings were logged in 2024?", "Last year they logged 1,140.", None, False),
    ],
)
def test_last_or_next_year_in_a_dated_story_is_its_year(
    question: str, passage: str, published: str | None, holds: bool
) -> None:
    assert check(question, passage, idf, published=published).holds == holds

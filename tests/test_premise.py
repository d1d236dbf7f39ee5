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

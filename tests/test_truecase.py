"""bot/core/truecase.py: a question typed all in lower or upper case is read in the case the
articles write its words, so the stages that find names by their capitals see them. Rules on
their own, then end to end over two articles of different kinds indexed for real."""

from __future__ import annotations

import pytest
from conftest import written_engine

from bot.core.truecase import casing

NEWS = """Harbourton council delays pool closure

By Mina Patel

HARBOURTON — Harbourton Council voted on Tuesday to keep the Eastgate pool open until March, after residents delivered a petition with 2,300 signatures.

Council leader Doreen Marsh said the council would review the pool's finances in the spring. "We have listened," Marsh said.

The pool, built in 1974, needs a new roof costing £1.2 million, according to a report the council commissioned. Swimming clubs had warned that the nearest other pool is 11 miles away.
"""

REFERENCE = """# The Fourth District Court of Appeals

The Fourth District Court of Appeals hears appeals from twelve counties in the state's south. It sits in Carrow and has nine judges.

Its chief judge, Alvaro Quintana, was appointed in 2019. Quintana studied law at Bellmont University and worked as a public defender for fifteen years before joining the bench.

The court's busiest year on record was 2021, when it decided 1,840 appeals.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):  # type: ignore[no-untyped-def]
    return written_engine(tmp_path_factory, "truecase", {"pool.txt": NEWS, "court.md": REFERENCE})


@pytest.mark.parametrize(
    ("question", "style"),
    [
        ("where did jane smith study?", "lower"),
        ("WHERE DID JANE SMITH STUDY?", "upper"),
        ("Where did jane smith study?", "first"),
        ("Where did Jane Smith study?", None),
        ("what is the NHS budget?", None),  # a capital after the first word: cased as meant
        ("¿dónde estudió?", "lower"),
        ("hello", None),  # one word says nothing
        ("東京の人口は?", None),  # no letter case in the script
    ],
)
def test_casing_says_when_case_carries_no_names(question: str, style: str | None) -> None:
    assert casing(question) == style


def _asked(engine, question: str) -> str:  # type: ignore[no-untyped-def]
    return engine.draft(question).evidence.asked


@pytest.mark.parametrize(
    "typed",
    [
        "where did alvaro quintana study law?",
        "WHERE DID ALVARO QUINTANA STUDY LAW?",
        "Where did alvaro quintana study law?",
    ],
)
def test_a_name_is_written_as_the_articles_write_it(engine, typed: str) -> None:  # type: ignore[no-untyped-def]
    assert _asked(engine, typed) == "Where did Alvaro Quintana study law?"
    answer = engine.answer(typed)
    assert answer.answered and "Bellmont" in answer.text


def test_a_many_word_name_is_kept_whole_and_a_common_word_stays_lower(engine) -> None:  # type: ignore[no-untyped-def]
    assert _asked(engine, "what did harbourton council vote to do?") == (
        "What did Harbourton Council vote to do?"
    )
    # "council" alone is mostly written in lower case in the article: a word, not a name
    assert _asked(engine, "when will the council review the pool's finances?") == (
        "When will the council review the pool's finances?"
    )
    assert _asked(engine, "which court does alvaro quintana lead") == (
        "Which court does Alvaro Quintana lead"
    )


def test_a_normally_cased_question_is_read_as_typed(engine) -> None:  # type: ignore[no-untyped-def]
    assert engine.draft("Where did Alvaro Quintana study law?").evidence.corrected is None


def test_a_lower_case_near_miss_is_refused_like_the_cased_one(engine) -> None:  # type: ignore[no-untyped-def]
    """A name the articles do not give ("Benitez" for Quintana) is capitalised as its asker
    would have written it, so the premise check finds it missing."""
    for typed in ("where did alvaro benitez study law?", "Where did Alvaro Benitez study law?"):
        assert not engine.answer(typed).answered, typed
    # "alvaro" is in the English word list and the articles write it only inside a longer
    # name, so it stays as typed; the word no one knows is the one that matters
    assert "Benitez" in _asked(engine, "where did alvaro benitez study law?")

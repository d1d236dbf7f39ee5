"""Sentences that answer nothing, however closely they repeat the question: one that is
itself a question (a quiz page's, an FAQ's headings, a review's "Should you buy it?") and,
for a wh-question, one with no word the question lacks (a subhead naming the programme
asked about). Real model, a real index of a quiz page (text), an FAQ page (Markdown) and a
TV listings page (text)."""

from __future__ import annotations

import pytest
from conftest import written_engine

QUIZ = """THE WEEKEND QUIZ

1. Which river flows through the centre of Tarnbridge?

2. How many bells hang in the tower of St Wendreda's church?

3. In which year did the town's corn exchange open?

Answers next week.

Setter retires after 31 years

The Clarion's crossword setter has retired after 31 years, the paper said on Friday.
"""

FAQ = """---
title: "Low emission zone: your questions answered"
author: Priya Shah
date: 2025-03-03
---
# Low emission zone: your questions answered

## How much is the daily charge?

The daily charge for a car that does not meet the standard is £12.50.

## Does the zone run at weekends?

Yes: the zone runs every day of the year, including weekends and bank holidays.
"""


LISTINGS = """TV tonight: a darker crime drama and a baking final

PICK OF THE DAY
The Quarry Line
9pm, Northstar One
The second series of the slow-burning crime drama reaches its third episode. Odile Farquhar plays DI Maren Stokes, who is still trying to prove that the collapse at Tolcarne was no accident.

ALSO WORTH WATCHING

Crumb & Crust: The Final
8pm, Channel Vell
Three amateur bakers are left, and the judges are not in a forgiving mood.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):  # type: ignore[no-untyped-def]
    articles = {"quiz.txt": QUIZ, "faq.md": FAQ, "tv.txt": LISTINGS}
    return written_engine(tmp_path_factory, "questions", articles)


def test_a_subhead_that_only_repeats_the_question_does_not_lead(engine) -> None:  # type: ignore[no-untyped-def]
    answer = engine.answer("what channel is the quarry line on")
    shown = [s.text for s in answer.sentences if s.text in answer.text]
    assert "The Quarry Line" not in shown, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Which river flows through the centre of Tarnbridge?",
        "how many bells are in the tower of st wendreda's church",
    ],
)
def test_a_quiz_question_is_no_answer_to_itself(engine, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = engine.answer(question)
    assert not answer.answered or not _asks_in_text(answer)


def test_an_faq_heading_gives_way_to_its_answer(engine) -> None:  # type: ignore[no-untyped-def]
    answer = engine.answer("How much is the daily charge in the low emission zone?")
    assert answer.answered and "£12.50" in answer.sentences[0].text, answer.text
    assert not _asks_in_text(answer)


def _asks_in_text(answer) -> bool:  # type: ignore[no-untyped-def]
    """A question sentence among those the answer shows (not only cites)."""
    return any(s.text.rstrip().endswith("?") and s.text in answer.text for s in answer.sentences)

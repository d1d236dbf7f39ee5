"""'How many N': a sentence that puts a number before that N ("62 hives") gives what was
asked, and scores as a who-question's sentence that names the role does (answer_types)."""

from __future__ import annotations

import pytest

from bot.core.answer_types import counted_noun, counts, offered


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("how many hives were in the solar farm bee study", "hives"),
        ("How many new stops will tram line 4 get?", "stops"),
        ("How many extra short-term care beds has the council commissioned?", "beds"),
        ("How many people live in the village?", "people"),
        ("How many of the workers were injured?", "workers"),
        ("How much did it cost?", None),
        ("How many did it sell?", None),
    ],
)
def test_the_counted_noun_is_the_first_plural_after_how_many(question: str, noun: str) -> None:
    assert counted_noun(question) == noun


@pytest.mark.parametrize(
    ("noun", "sentence"),
    [
        ("hives", "The study followed 62 hives at 9 sites over two summers."),
        ("grandchildren", "She is survived by her son, her daughter and five grandchildren."),
        ("grandkids", "She is survived by her son, her daughter and five grandchildren."),
        ("stops", "The extension will add nine new stops by 2027."),
        ("seats", "Civic Alliance took 17 of the 30 seats."),
    ],
)
def test_a_number_before_the_noun_counts_it(noun: str, sentence: str) -> None:
    assert counts(noun, sentence)


@pytest.mark.parametrize(
    ("noun", "sentence"),
    [
        ("hives", "Beekeepers near the solar farm reported healthier hives in 2023."),
        ("lockers", "Founded in 2021, the firm installs lockers on pavements."),
        ("people", "The hall, built in 1902, seats 40 on a busy night with people standing."),
    ],
)
def test_a_number_of_something_else_counts_nothing(noun: str, sentence: str) -> None:
    assert not counts(noun, sentence)


def test_offered_marks_the_counting_sentence() -> None:
    question = "How many lockers does the firm run?"
    assert offered("number", "It now operates 640 lockers in six cities.", question) == (True, True)
    assert offered("number", "It was founded in 2021 in six cities.", question) == (True, False)

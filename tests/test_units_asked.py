"""A unit the question names that the passage gives no number in (bot/core/units_asked.py),
on its own and through the premise check."""

from __future__ import annotations

import pytest

from bot.core.premise import check
from bot.core.units_asked import unit_missing


def idf(stem: str) -> float:
    return 1.0 + len(stem) / 10


@pytest.mark.parametrize(
    ("question", "passage", "found"),
    [
        (
            "How high is Carrick Pike in feet?",
            "The ridge rises to Carrick Pike, at 887 metres the highest point.",
            "a figure in feet",
        ),
        (
            "How many kilograms of hydrogen does each train carry?",
            "The trains will cut emissions by around 45,000 tonnes a year.",
            "a figure in kilograms",
        ),
        (
            "How many acres do the growers farm?",
            "The cooperative's 140 members farm in the valley, 3 km from the city.",
            "a figure in acres",
        ),
    ],
)
def test_a_unit_no_number_is_given_in(question: str, passage: str, found: str) -> None:
    assert unit_missing(question, passage) == found
    assert found in check(question, passage, idf).missing


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        ("How long is the Cairnmoor Way in miles?", "It is a 47-mile waymarked route."),
        ("How many kilometres is the walk?", "The full route is 23 km."),
        ("How far is it in kilometres?", "The loop is 14.5 kilometres long."),
        # no unit named: "in" before a place, a metre's one letter, money's "pounds"
        ("How long is the walk in Fife?", "The walk is 9 miles."),
        ("How deep is the lake in m?", "The lake is 40 feet deep."),
        ("How much did it cost in pounds?", "It cost £8.4 million."),
    ],
)
def test_a_unit_the_passage_gives_or_none_asked_holds(question: str, passage: str) -> None:
    assert unit_missing(question, passage) is None

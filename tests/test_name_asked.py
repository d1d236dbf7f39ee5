"""A question asking the name of a thing the passage leaves unnamed (bot/core/name_asked.py),
on its own and through the premise check."""

from __future__ import annotations

import pytest

from bot.core.name_asked import unnamed
from bot.core.premise import check


def idf(stem: str) -> float:
    return 1.0 + len(stem) / 10


@pytest.mark.parametrize(
    ("question", "sentence", "found"),
    [
        # the sentence brings the thing in with "a"/"an" and no name beside it
        (
            "What was the name of the remotely operated vehicle used to cut the samples?",
            "A remotely operated vehicle cut pieces from the walls of active chimneys.",
            "an unnamed vehicle",
        ),
        (
            "What was the name of the retired gas engineer whose number Romney copied?",
            "Romney had copied the registration number of a genuine engineer, who had retired.",
            "an unnamed engineer",
        ),
        (
            "What is the stray dog called?",
            "Staff at the depot have adopted a stray dog.",
            "an unnamed dog",
        ),
    ],
)
def test_a_thing_the_sentence_leaves_unnamed(question: str, sentence: str, found: str) -> None:
    assert unnamed(question, sentence, sentence) == found


@pytest.mark.parametrize(
    ("question", "passage", "found"),
    [
        (
            "What is the name of the general contractor building the new library?",
            "The council voted 5-2 on Monday to move ahead with an $8.4 million renovation.",
            "no contractor named",
        ),
        (
            "What was the name of Ingrid Halvorsen's younger daughter?",
            "The Ingrid Halvorsen Prize, awarded every two years since 2011, is named after her.",
            "no daughter named",
        ),
    ],
)
def test_a_thing_the_passage_never_mentions(question: str, passage: str, found: str) -> None:
    assert unnamed(question, passage, passage) == found
    assert found in check(question, passage, idf, sentence=passage).missing


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("What was the name of Tancred's nephew?", "Bohemond and his nephew Tancred left."),
        ("What was the name of the ship?", "The team sailed on a research ship, the RV Tangaroa."),
        ("What was the dog called?", "The guesthouse had a hammock and a dog called Pimenta."),
        # named elsewhere, or not brought in as "a ...": the sentence may still refer to it
        ("What is the name of their firstborn?", "Their firstborn was a talking point."),
        ("What was the name of the count of Apulia?", "Robert, count of Apulia, was a Norman."),
    ],
)
def test_a_thing_the_passage_names_or_may_name_holds(question: str, sentence: str) -> None:
    assert unnamed(question, sentence, sentence) is None

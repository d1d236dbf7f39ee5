"""Roles read around a relative pronoun (bot/core/near_miss.py): a verb right after "who",
"which" or "that" has the word before the relative as its subject, so the question's words
further back in the sentence (another clause) are not what did it; the question's words
right before the relative still are."""

from __future__ import annotations

import pytest

from bot.core.near_miss import reversed_roles


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        (
            "Who wrote the novel The Glass Orchard is adapted from?",
            "The film is adapted from Piet Verhoef's 2019 novel, and Valcourt, who also wrote "
            "the screenplay, has kept its ending.",
        ),
        (
            "Who designed the new stadium?",
            "The new stadium opens in May; Ana Ruiz, the architect who designed it, was there.",
        ),
        (
            "Who founded the bakery?",
            "The bakery was sold in 2010 to Tom Reyes, whose grandmother, who founded it, had died.",
        ),
    ],
)
def test_words_before_another_clause_s_relative_are_not_its_subject(
    question: str, sentence: str
) -> None:
    assert reversed_roles(question, sentence) is None


@pytest.mark.parametrize(
    ("question", "sentence", "verb"),
    [
        # the question's words right before the relative: they did it
        ("Who replaced the Normans?", "It was the Normans, who replaced the Saxons.", "replaced"),
        (
            "Who sued the developer?",
            "Residents praised the developer, which sued the council in March.",
            "sued",
        ),
    ],
)
def test_the_relative_s_own_antecedent_is_still_its_subject(
    question: str, sentence: str, verb: str
) -> None:
    assert reversed_roles(question, sentence) == verb

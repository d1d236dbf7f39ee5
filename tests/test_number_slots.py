"""Numbers in the modifier slot (bot/core/swaps.py): the question's number, or the unit the
sentence writes right after one ("a 2.5-litre bag"), is no swapped kind of the thing; another
number before the same word ("its 30-day average" for "the 60-day average") is a swap."""

from __future__ import annotations

import pytest

from bot.core.swaps import swapped_modifier


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # a unit after the sentence's number: the size of the bag, not another bag
        (
            "How many days did the dock's dust bag last with a dog in the house?",
            "It holds a 2.5-litre dust bag, which the maker says should last about 60 days.",
        ),
        (
            "How long does the boat's fuel tank last at full speed?",
            "The stern carries a 40 gallon fuel tank that lasts six hours at full speed.",
        ),
        # the question's number (a year) before the noun: the number rule's, not a modifier's
        (
            "How many meteors per hour were seen in the 1966 Corvinid outburst?",
            "On 14 March 1966 observers saw 400 meteors per hour, the strongest Corvinid display.",
        ),
        (
            "Who led the 2019 council inquiry?",
            "In 2019 the council set up a wide council inquiry, led by Ada Moss.",
        ),
    ],
)
def test_a_number_or_its_unit_is_not_a_swapped_modifier(question: str, sentence: str) -> None:
    assert swapped_modifier(question, sentence) is None


@pytest.mark.parametrize(
    ("question", "sentence", "swap"),
    [
        (
            "What premium over the 60-day average share price does the offer represent?",
            "The $12.50 offer is a 38% premium to the 30-day average share price.",
            "60 day/30 day",
        ),
        (
            "Who won the 2019 election in Marlow?",
            "Jones won the 2015 election in Marlow by 40 votes.",
            "2019 election/2015 election",
        ),
    ],
)
def test_another_number_before_the_same_word_is_a_swap(
    question: str, sentence: str, swap: str
) -> None:
    assert swapped_modifier(question, sentence) == swap


def test_the_question_s_own_number_in_the_sentence_is_no_swap() -> None:
    question = "How much did turnout rise after the 2016 election?"
    sentence = "Turnout at the 2020 election was 61%, up from 52% in 2016."
    assert swapped_modifier(question, sentence) is None

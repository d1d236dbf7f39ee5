"""What stands in a modifier's slot and is no swapped kind of the thing (bot/core/
modifier_slots.py, read by swaps.swapped_modifier): the question's number, a version number
after a name, the unit or age the sentence writes right after its number, the question's
name said after the noun; another number before the same word ("its 30-day average" for
"the 60-day average") is a swap."""

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
        # an age written before the noun: how old the thing is, not another kind of it
        ("What is the bakery's sourdough starter called?", "A 38-year-old starter called Agnes"),
        (
            "Who trained the stable's grey mare that won the race?",
            "The 12-year-old mare that won the race was trained by Ruth Amos.",
        ),
        # a version number after a name: no noun for the name to modify
        (
            "until when does Ferrite 1.x get security patches?",
            "Version 1.x will receive security fixes until 31 December 2024.",
        ),
        ("Is the Orbit 3 still sold in shops?", "The Model 3 is still sold in shops in Europe."),
        # the question's name said after the noun
        (
            "How many cells did the Vienna telegraph office buy in 1872?",
            "The Imperial Telegraph Office in Vienna ordered 4,000 cells in 1872.",
        ),
        (
            "Who chairs the Leeds housing committee?",
            "The Joint Housing Committee of Leeds is chaired by Ama Boateng.",
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


def test_a_name_elsewhere_than_after_the_noun_is_still_swapped() -> None:
    question = "Who led the Norman army at the river?"
    sentence = "The Byzantine army at the river was led by a Norman, Hervé."
    assert swapped_modifier(question, sentence) == "norman/byzantine"

"""A date question names its event by a verb; the sentence whose date answers must say it
(bot/core/asked_event.py), or it dates another event of the same story."""

from __future__ import annotations

import pytest

from bot.core.answerable import missing
from bot.core.asked_event import event_verb, tells, who_verb


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("When was the ferry terminal built?", "built"),
        ("In what year was the choir founded?", "founded"),
        ("What year were the town walls demolished?", "demolished"),
        ("When did the parish council meet?", "meet"),
        ("When will the museum reopen?", "reopen"),
        ("When did Mayor Okafor sign the order?", "sign"),
        ("When is the sale of the mill expected to be completed?", "completed"),
    ],
)
def test_the_event_verb_follows_the_subject(question: str, verb: str) -> None:
    found = event_verb(question)
    assert found is not None and found.word == verb


@pytest.mark.parametrize(
    "question",
    [
        "Who built the ferry terminal?",  # no date asked
        "When did the Siege of Antioch take place?",  # light verbs: the event is elsewhere
        "When did Albert Quist start the bakery business?",
        "until when does the 1.x branch get security patches?",
        "How long was the bridge closed?",
    ],
)
def test_no_event_verb_to_check(question: str) -> None:
    assert event_verb(question) is None


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("When was the ferry terminal built?", "The terminal was built in 1962 by the county."),
        ("When did the council elect its leader?", "The election of the leader was on 3 May."),
        (
            "In what year was the choir founded?",
            "The choir was established in 1894 by two teachers.",
        ),
        ("When was Ada Lovelace born?", "Ada Lovelace (10 December 1815 – 27 November 1852)."),
    ],
)
def test_a_sentence_that_says_the_event(question: str, sentence: str) -> None:
    verb = event_verb(question)
    assert verb is not None and tells(verb, sentence)
    assert missing(question, sentence, sentence) is None


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        (
            "What year was the Gull Point ferry terminal built?",
            "The ferry has been out of service since January 9, when ice tore away the ramp.",
        ),
        (
            "When was Rev. Tulloch appointed head teacher?",
            "Rev. Tulloch retired in 2019 after a long career at the school.",
        ),
        ("When did Alba Ruiz die?", "Alba Ruiz joined the orchestra in 1961 as a violinist."),
    ],
)
def test_a_date_of_another_event_is_no_answer(question: str, sentence: str) -> None:
    reason = missing(question, sentence, sentence)
    assert reason is not None and "asked event" in reason


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("Who founded Greystone Foods?", "founded"),
        ("who coaches the harbour stingers", "coaches"),
        ("Who wrote the letter about the bus?", "wrote"),
    ],
)
def test_the_deed_of_a_who_question_is_its_verb(question: str, verb: str) -> None:
    found = who_verb(question)
    assert found is not None and found.word == verb


@pytest.mark.parametrize(
    "question",
    [
        "Who is the coach of the Stingers?",  # no deed: a role
        "Who runs the city library?",  # being in charge: a title says it
        "who got the hat trick",  # a light verb
        "Who upon arriving gave the settlers a name?",  # no verb after who
        "Who's major ports were controlled by the English?",  # whose
    ],
)
def test_no_deed_to_check(question: str) -> None:
    assert who_verb(question) is None


@pytest.mark.parametrize(
    ("question", "passage", "answers"),
    [
        (
            "Who founded Greystone Foods?",
            "Greystone Foods bought the chain in 2019, its chief executive Ann Lowe said.",
            False,
        ),
        (
            "Who donated the sail to the museum?",
            "The sail, said curator Dr Saskia Bell, was restored last year at the museum.",
            False,
        ),
        (
            "Who founded Greystone Foods?",
            "Greystone Foods was founded in 1961 by the grocer Amos Reed.",
            True,
        ),
        ("Who ruled Cyprus then?", "Its ruler, Isaac Komnenos, fled the island.", True),
    ],
)
def test_a_who_passage_must_say_the_deed(question: str, passage: str, answers: bool) -> None:
    assert (missing(question, passage, passage) is None) is answers


@pytest.mark.parametrize(
    ("question", "passage", "answers"),
    [
        (
            "What did the parks commission decide about the skatepark?",
            "Our group collected 1,150 signatures asking the town to build a skatepark.",
            False,
        ),
        (
            "What did the vet find when the colt was checked?",
            "The colt will be checked on Sunday.",
            False,
        ),
        (
            "What did the coroner conclude about the death?",
            "The coroner recorded a conclusion of accidental death.",
            True,
        ),
        # what was said: verbs of saying vary too much to look for
        (
            "What did the mayor claim about the budget?",
            "The mayor insisted the budget was sound.",
            True,
        ),
        ("What did the singer call her mother?", "She referred to her mother as a saint.", True),
    ],
)
def test_what_did_the_subject_do_must_be_said(question: str, passage: str, answers: bool) -> None:
    assert (missing(question, passage, passage) is None) is answers

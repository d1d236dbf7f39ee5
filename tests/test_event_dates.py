"""A "when" question's date must be the asked event's: a sentence whose only dates belong
to another event, told in another clause, does not answer it (bot/core/event_dates.py)."""

from __future__ import annotations

import pytest

from bot.core.answerable import missing
from bot.core.event_dates import clauses, other_event


def _refused(question: str, sentence: str, passage: str = "") -> bool:
    return other_event(question, sentence, passage or sentence) is not None


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # a relative clause after a comma
        (
            "What year did Smith join the board?",
            "Smith, who left the firm in 2015, now chairs the board.",
        ),
        (
            "When did the museum reopen?",
            "The museum, which was bombed in 1941, houses 4,000 paintings.",
        ),
        # a participial clause between subject and verb, or opening the sentence
        (
            "In what year did the viaduct collapse?",
            "The viaduct, completed in 1862, carries the line over the valley.",
        ),
        (
            "When will the court hear the appeal?",
            "The judge, handing down her ruling on 29 April, also ordered costs.",
        ),
        (
            "When did the mill close?",
            "Founded in 1789 by a Quaker merchant, the mill employs 600 people.",
        ),
        (
            "When did the ferry sink?",
            "Launched on 3 March 1962, the ferry carried cars to the island.",
        ),
        # a parenthesis with a verb of its own
        ("When did Ada Royle retire?", "Ada Royle (who joined the bank in 1971) runs its archive."),
        (
            "When was the pier demolished?",
            "The pier (rebuilt after a storm in 1987) draws 90,000 visitors.",
        ),
        # "after"/"before"/"until" with a verb of their own
        (
            "When did the singer cancel the tour?",
            "The singer cancelled the tour after her label was sold in 2019.",
        ),
        (
            "When did the rail link close?",
            "The rail link closed before the airport was privatised in 1998.",
        ),
        # coordinate clauses: ";", "but", "while"
        (
            "When did the bridge reopen?",
            "Engineers inspected it in March 2019; the bridge reopened without ceremony.",
        ),
        (
            "When did the bridge reopen?",
            "The council voted to rebuild it in 2019, but the bridge reopened only later.",
        ),
        (
            "What year did Smith join the board?",
            "Smith joined the board quietly, while his rival resigned in 2015.",
        ),
    ],
)
def test_a_date_in_another_events_clause_is_refused(question: str, sentence: str) -> None:
    assert _refused(question, sentence)


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # the asked verb, or its noun form, in the date's clause
        (
            "When did the bridge reopen?",
            "The bridge, built in 1932, reopened on May 3 after repairs.",
        ),
        (
            "When did the Normans invade Ireland?",
            "They had a profound effect after their invasion of Ireland in 1169.",
        ),
        (
            "When was the lighthouse automated?",
            "He stayed until the light was automated in 1998, when he left.",
        ),
        # a main clause's date may be the asked event said in other words: never judged
        (
            "What year did the storm hit Richard's fleet?",
            "On 1 May 1191, Richard's fleet arrived in the port of Limassol.",
        ),
        (
            "When did the bridge reopen?",
            "The bridge, built in 1932, closed on May 3 after the flood.",
        ),
        (
            "When did the mill stop operating?",
            "The mill, founded in 1796 by a Quaker, operated until 1968 and employed 430.",
        ),
        # a date fronted before the first verb dates every main clause
        (
            "What year did de Tosny fail?",
            "In 1018, Roger de Tosny travelled to Iberia to carve out a state, but failed.",
        ),
        (
            "When did the strike collapse?",
            "On Friday, the union met the owners, and the strike collapsed.",
        ),
        # an aspectual verb dates a phase of any event
        (
            "When was the duchy founded?",
            "The duchy, which began in 911 as a fiefdom, was established by treaty.",
        ),
        (
            "When was the festival launched?",
            "The festival, which started in 1994 as a street fair, draws 20,000 people.",
        ),
        # a dated clause with no verb of its own tells of no other event
        (
            "When was Eleanor Marsh born?",
            "Eleanor Marsh (14 May 1831 – 2 November 1897) was an English chemist.",
        ),
        (
            "When did the chapel burn down?",
            "The chapel, a relic of 1620, burned down in the great fire.",
        ),
        (
            "When did Brennock publish its results?",
            "Brennock Foods, the maker of oat bars, reported results on Tuesday, beating forecasts.",
        ),
    ],
)
def test_a_date_the_asked_event_may_own_stands(question: str, sentence: str) -> None:
    assert not _refused(question, sentence)


def test_another_sentence_of_the_passage_that_dates_the_asked_event_keeps_it() -> None:
    q = "When did the Storvik Bridge open to traffic?"
    lead = "The Storvik Bridge, designed by Halvorsen in 1969, spans the fjord."
    assert _refused(q, lead)
    passage = (
        f"{lead} Construction began in 1972 and the bridge opened to traffic on 21 September 1977."
    )
    assert not _refused(q, lead, passage)


def test_clauses_keep_a_participle_after_the_interruptions_comma_as_the_main_verb() -> None:
    parts = clauses("The bridge, built in 1932, closed on May 3 after the flood.")
    assert [c.main for c in parts] == [False, True]
    assert "closed on May 3" in parts[1].text
    parts = clauses("The council, meeting in private, approved the budget, raising taxes.")
    assert [c.text.strip() for c in parts if not c.main] == ["meeting in private", "raising taxes."]


def test_missing_names_the_other_events_date() -> None:
    q = "In what year did the Leddon Viaduct collapse?"
    s = "The 19-arch Leddon Viaduct, completed in 1862, carries the line over the river valley."
    reason = missing(q, s, s)
    assert reason is not None and "completed in 1862" in reason
    # other languages are not read for English clauses
    assert missing("¿Cuándo se derrumbó el viaducto?", s, s) is None

"""Which candidate sentence leads the answer: the one that gives what was asked (a date for
"when", a length for "how long is"), and what a lead that ends in a colon brings with it."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from index.lexical import tokenize

from .answer_types import asks_person, question_kind
from .measures import asked_measures, gives_measure
from .models import Evidence, Quote, ScoredSentence, Source
from .names import people
from .passages import passage_around
from .short_answer import analyse, best_span, scored_span
from .vocabulary import word_test

if TYPE_CHECKING:
    from index.snapshot import Snapshot

# Among candidates within NEAR of the best, the lead is the one whose score plus SPAN times
# its short answer's score is highest: the sentence that says what was asked.
NEAR = 0.15
TYPED_NEAR = (
    0.3  # ... for who/where, a sentence that names someone or somewhere (tuning: no change)
)
SPAN = 0.2
# Questions that ask for a number or a calendar unit outright; "when" is answered by an
# event ("since they exchanged vows") as often as by a date, so it is not among them.
_ASKING = re.compile(r"\?[\s\"'”’»)]*$")
_ASKS_NUMBER = re.compile(
    r"\b(how (many|much|old|long|far)|(what|which) (year|date|day|month|century|decade|age|time)"
    r"|what (amount|number|percentage))\b",
    re.I,
)


def asks_back(sentence: str) -> bool:
    """The sentence is itself a question (it ends in a question mark, quotes aside)."""
    return _ASKING.search(sentence) is not None


def choose_lead(
    evidence: Evidence, pool: list[ScoredSentence], passage_chars: int
) -> ScoredSentence | None:
    """The candidate that best gives what was asked (see SPAN); for a date or number
    question, the best that gives one. None when the question asks for a number outright
    and no candidate passage has one at all, or when every candidate is itself a question."""
    q = evidence.asked
    asks = analyse(q, question_kind(q)).kind
    snap = evidence.snapshot
    # A sentence that asks ("1. Which river flows through the town?" on a quiz page, a
    # reader's question) answers nothing, however like the question it reads
    pool = [c for c in pool if not asks_back(snap.sentence_text(c.sentence))]
    if asks is not None:  # nor, for a wh-question, one with no word the question lacks
        asked = set(tokenize(q))  # "The Quarry Line" for its channel
        pool = [c for c in pool if set(tokenize(snap.sentence_text(c.sentence))) - asked]
    if not pool:
        return None

    def common(c: ScoredSentence) -> Callable[[str], bool]:
        return word_test(snap, int(snap.sent_article[c.sentence]))

    if asks is not None:

        def value(c: ScoredSentence) -> float:
            text = snap.sentence_text(c.sentence)
            found = scored_span(q, text, question_kind(q), snap.bm25.idf, common(c))
            return c.score + SPAN * (found[2] if found else 0.0)

        def measured(c: ScoredSentence) -> float:
            return gives_measure(measures, snap.sentence_text(c.sentence))

        measures = asked_measures(q)
        # "Who ...?" is answered by a sentence that names someone: one that does is a
        # contender from further down than one that does not
        near = {True: TYPED_NEAR if asks in ("person", "place") else NEAR, False: NEAR}
        close = [c for c in pool if c.score >= pool[0].score - near[c.typed]]
        # "How long is the trail?": a sentence with a length before one with any number;
        # "Who runs it?": one naming a person in the role asked ("library director X")
        # before one naming none in it (tuning, all six sets: +5 first sentences, +5 short
        # answers against ordering by value alone; ordering by "names any person" first
        # instead lost external leads whose answer is a group: "the Anglo-Saxons")
        person = asks == "person" and asks_person(q)

        def key(c: ScoredSentence) -> tuple[float, float]:
            if measures:
                return measured(c), value(c)
            if person:
                text = snap.sentence_text(c.sentence)
                return float(people(text, q, common(c))[1]), value(c)
            return 0.0, value(c)

        pool = sorted(close, key=key, reverse=True) + [c for c in pool if c not in close]
    if asks not in ("time", "number"):
        return pool[0]
    for cand in pool:
        text = snap.sentence_text(cand.sentence)
        if best_span(q, text, question_kind(q), snap.bm25.idf, common(cand)):
            return cand
    if not _ASKS_NUMBER.search(q):
        return pool[0]
    passages = (passage_around(snap, c.sentence, passage_chars).text for c in pool)
    return pool[0] if any(re.search(r"\d", p) for p in passages) else None


def continue_after(
    snap: Snapshot, lead: ScoredSentence, quotes: list[Quote], sources: list[Source], chars: int
) -> None:
    """A lead that ends in a colon ("... she said:") introduces what follows: the next
    sentence of its article is shown after it, cited by its own passage if need be."""
    j = lead.sentence + 1
    if not snap.sentence_text(lead.sentence).rstrip().endswith(":"):
        return
    _show(snap, j, lead, 1, quotes, sources, chars)


def _show(
    snap: Snapshot,
    j: int,
    lead: ScoredSentence,
    at: int,
    quotes: list[Quote],
    sources: list[Source],
    chars: int,
) -> None:
    """Show sentence j (a neighbour of the lead in its article) at position `at`."""
    if (
        not 0 <= j < len(snap.sent_start)
        or snap.sent_article[j] != snap.sent_article[lead.sentence]
    ):
        return
    quotes[:] = [q for q in quotes if q.sentence != j]
    art = snap.articles[int(snap.sent_article[j])].id
    lo, hi = int(snap.sent_start[j]), int(snap.sent_end[j])
    holder = next(
        (s for s in sources if s.window.article.id == art and s.window.start <= lo and hi <= s.window.end),
        None,
    )  # fmt: skip
    if holder is None:
        holder = Source(passage_around(snap, j, chars), lead.score)
        sources.insert(at, holder)
    quotes.insert(at, Quote(snap.sentence_text(j), holder.key, j))

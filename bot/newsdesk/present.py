"""A question about the present ("is … still", "now", "where does … live") is answered by
the newest dated evidence, "as of" its date; an older claim among the candidates stays
shown after it, so the reader sees what changed rather than the older claim alone."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.compose import span_for
from bot.core.models import Draft, Quote

from .dates import article_date

_NOW = re.compile(
    r"\b(now|currently|still|nowadays|these days|at the moment|at present|any ?more|right now"
    r"|today|latest)\b"
    r"|\b(do|does|is|are)\b.*\b(live|lives|living|stay|stays|staying|based|resid\w*)\b",
    re.I,
)


def asks_present(question: str) -> bool:
    return bool(_NOW.search(question))


def present_stage(draft: Draft) -> Draft:
    """Lead with the newest dated quote and say "as of" its date."""
    if not draft.answered or draft.kind != "passages" or not asks_present(draft.evidence.asked):
        return draft
    by_key = {s.key: s for s in draft.sources}

    def when(q: Quote) -> tuple[int, int, int, int]:
        return article_date(by_key[q.source].window.article).sort_key

    quotes = [q for q in draft.quotes if q.sentence is not None]
    dated = [q for q in quotes if when(q)[0] == 0]  # sort_key (1, ...) is undated
    if not quotes or not dated:
        return draft
    lead = quotes[0]
    newest = max(dated, key=when)
    label = article_date(by_key[newest.source].window.article).label
    if newest is lead or (lead in dated and when(newest) <= when(lead)):
        return replace(draft, as_of=article_date(by_key[lead.source].window.article).label)
    # The older (or undated) lead stays shown after the newer one: that is the change.
    rest = [replace(q, shown=q.shown or q is lead) for q in draft.quotes if q is not newest]
    first = replace(newest, shown=True)
    sources = [by_key[first.source]] + [s for s in draft.sources if s.key != first.source]
    short = span_for(draft.evidence, first)
    return replace(draft, quotes=[first, *rest], sources=sources, short=short, as_of=label)

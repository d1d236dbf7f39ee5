"""After an answer is composed: dates, attributions, quote links, date order, "Sources differ".

A pipeline stage: it adds to the draft answer and reads the sentence candidates the
engine scored; it never re-retrieves, re-scores or renumbers. What it adds:
- every citation gets its article's date label, the attribution the quote carries, and a
  link that opens the page at the quoted sentence;
- a question about how something developed gets its citations oldest to newest;
- cited sentences contradicted by a close candidate from another article are paired under
  "Sources differ", the other side cited too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.models import Contrast, Draft, Quote, Source
from bot.core.passages import passage_around
from index.snapshot import Snapshot

from .attribution import find_attribution
from .dates import article_date
from .disagree import find_oppositions
from .fragments import quote_link

MAX_DIFFERENCES = 2
CANDIDATES = 12  # the best-scored sentences that may contradict a cited one

_DEVELOPMENT = re.compile(
    r"\bhow (?:has|have|had|did|does|do|is|was)\b.{0,80}?\b(?:develop|evolv|chang|progress|unfold|turn|gone|go|went)"
    r"|\bover (?:time|the (?:years|months|summer|year))\b|\btimeline\b|\bhistory of\b|\bevolution of\b"
    r"|\bwhat happened (?:to|with|between)\b|\bfrom the (?:start|beginning)\b|\bsince (?:then|when)\b",
    re.I,
)


def asks_development(question: str) -> bool:
    return bool(_DEVELOPMENT.search(question))


def annotate(draft: Draft, passage_chars: int = 400) -> Draft:
    """The draft with news-desk annotations; reads the evidence's candidates, best first."""
    if not draft.answered or not draft.sources:
        return draft
    snap = draft.evidence.snapshot
    candidates = draft.evidence.candidates
    quoted = {q.sentence for q in draft.quotes if q.sentence is not None}
    cited = [j for j in candidates if j in quoted]
    sources = list(draft.sources)
    contrasts: list[Contrast] = []
    for opp in find_oppositions(snap, cited, candidates[:CANDIDATES]):
        if len(contrasts) >= MAX_DIFFERENCES:
            break
        first = _source_of(draft.quotes, sources, snap, opp.a)
        second = _source_of(draft.quotes, sources, snap, opp.b)
        quotes = {opp.a: snap.sentence_text(opp.a), opp.b: snap.sentence_text(opp.b)}
        if second is None:
            # Not retrieved for the question: cited because it contradicts a cited passage.
            second = Source(passage_around(snap, opp.b, passage_chars), 0.0)
            sources.append(second)
        if (
            first is None
            or first.key == second.key
            or any({c.first, c.second} == {first.key, second.key} for c in contrasts)
        ):
            continue
        (older, q1), (newer, q2) = sorted(
            ((first, quotes[opp.a]), (second, quotes[opp.b])),
            key=lambda pair: _date_key(pair[0]),
        )
        contrasts.append(Contrast(older.key, newer.key, opp.shared, q1, q2))
    quotes_list = list(draft.quotes)
    chronological = draft.kind == "passages" and asks_development(draft.evidence.question)
    if chronological:
        sources = sorted(sources, key=lambda s: (_date_key(s), s.window.article.id, s.key[1]))
        order = {s.key: i for i, s in enumerate(sources)}
        quotes_list = sorted(quotes_list, key=lambda q: order[q.source])
    sources = [_decorate(s, quotes_list) for s in sources]
    return replace(
        draft,
        quotes=quotes_list,
        sources=sources,
        contrasts=contrasts,
        chronological=chronological and len({_date_key(s) for s in sources}) > 1,
    )


def _source_of(quotes: list[Quote], sources: list[Source], snap: Snapshot, j: int) -> Source | None:
    """The source that quotes sentence j in the answer, else one whose passage holds it."""
    by_key = {s.key: s for s in sources}
    for q in quotes:
        if q.sentence == j and q.source in by_key:
            return by_key[q.source]
    aid = snap.articles[int(snap.sent_article[j])].id
    start, end = int(snap.sent_start[j]), int(snap.sent_end[j])
    for s in sources:
        w = s.window
        if w.article.id == aid and w.start <= start and end <= w.end:
            return s
    return None


def _decorate(source: Source, quotes: list[Quote]) -> Source:
    art, window = source.window.article, source.window
    quoted = next(
        (q.text for q in quotes if q.source == source.key and q.sentence is not None),
        window.text,
    )
    before = art.text[: window.start]
    offset = window.text.find(quoted)
    # The quoted sentence's own attribution first; else whoever the passage around it names.
    found = find_attribution(quoted, before + window.text[: max(offset, 0)], art.outlet)
    found = found or find_attribution(window.text, before, art.outlet)
    return replace(
        source,
        date_label=article_date(art).label,
        attribution=found.label if found else None,
        link=quote_link(art.url, quoted),
    )


def _date_key(source: Source) -> tuple[int, int, int, int]:
    return article_date(source.window.article).sort_key

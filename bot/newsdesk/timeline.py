"""`citebot timeline TOPIC` and Discord's /timeline: passages about a topic in date order.

One line per passage: the article's date (or "2020?" when inferred, "undated" last), its
outlet and a short verbatim quote. A sentence belongs to the topic when it uses the topic's
rarer words (idf-weighted, so a first name alone does not put every sentence in) or, failing
words, when its vector is very close to the topic's.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bot.core.questions import clean_question
from bot.core.retrieve import query_terms
from bot.core.scoring import Reader
from bot.newsdesk.attribution import find_attribution
from bot.newsdesk.dates import article_date
from bot.newsdesk.filters import Filters
from bot.newsdesk.fragments import quote_link
from index.snapshot import Snapshot

MAX_ENTRIES = 15
PER_ARTICLE = 4  # one long article should not crowd out the others' dates
QUOTE_CHARS = 120
MIN_COVERAGE = 0.5  # share of the topic's idf mass a sentence must contain
MIN_DENSE = 0.55  # or this close, for a sentence that paraphrases the topic


@dataclass(frozen=True)
class TimelineEntry:
    date_label: str  # "2020-07-30", "2020?" or "undated"
    outlet: str | None
    quote: str  # verbatim, shortened with "…" at word boundaries
    sentence: str  # the whole sentence
    article_id: str
    title: str
    link: str | None  # the article URL opened at the sentence, when the article has one
    attribution: str | None
    sort_key: tuple[int, int, int, int, int]

    def line(self) -> str:
        return f"{self.date_label} · {self.outlet or 'unknown outlet'} · “{self.quote}”"


def timeline(
    reader: Reader,
    topic: str,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    limit: int = MAX_ENTRIES,
    max_chars: int = 2000,
) -> list[TimelineEntry]:
    """Dated passages about `topic`, oldest first. Raises BadQuestion for an empty topic,
    a malformed date, or filters no article passes (the message is for the user)."""
    text = clean_question(topic, max_chars)
    filters = Filters.parse(since, until, outlet)
    snap = reader.snapshot
    mask = filters.mask(snap)
    terms = query_terms(text)
    weights = reader.term_weights(terms)
    total = sum(weights.values()) or 1.0
    qvec = reader.encoder.encode([text])[0]
    hits = reader.retriever.search(qvec, terms, n=40, mask=mask)
    picked: dict[int, tuple[float, TimelineEntry]] = {}
    for hit in hits:
        for j in range(int(snap.chunk_s0[hit.chunk]), int(snap.chunk_s1[hit.chunk])):
            if j in picked:
                continue
            sentence = snap.sentence_text(j)
            found = reader.sentence_terms(j)
            coverage = sum(w for t, w in weights.items() if t in found) / total
            dense = float(np.dot(snap.sent_vecs[j], qvec))
            if coverage < MIN_COVERAGE and dense < MIN_DENSE:
                continue
            picked[j] = (coverage + dense, _entry(snap, j, sentence, terms))
    return _select(snap, picked, limit)


def _select(
    snap: Snapshot, picked: dict[int, tuple[float, TimelineEntry]], limit: int
) -> list[TimelineEntry]:
    per_article: dict[str, int] = {}
    chosen: list[int] = []
    for j, (_score, entry) in sorted(picked.items(), key=lambda kv: -kv[1][0]):
        if len(chosen) >= limit or per_article.get(entry.article_id, 0) >= PER_ARTICLE:
            continue
        if any(float(np.dot(snap.sent_vecs[j], snap.sent_vecs[k])) > 0.9 for k in chosen):
            continue  # the same report retold
        per_article[entry.article_id] = per_article.get(entry.article_id, 0) + 1
        chosen.append(j)
    return sorted((picked[j][1] for j in chosen), key=lambda e: e.sort_key)


def _entry(snap: Snapshot, j: int, sentence: str, terms: list[str]) -> TimelineEntry:
    art = snap.articles[int(snap.sent_article[j])]
    when = article_date(art)
    start = int(snap.sent_start[j])
    found = find_attribution(sentence, art.text[:start], art.outlet)
    return TimelineEntry(
        date_label=when.label,
        outlet=art.outlet,
        quote=short_quote(sentence, terms),
        sentence=sentence,
        article_id=art.id,
        title=art.title,
        link=quote_link(art.url, sentence),
        attribution=found.label if found else None,
        sort_key=(*when.sort_key, start),
    )


def short_quote(sentence: str, terms: list[str], limit: int = QUOTE_CHARS) -> str:
    """At most `limit` characters of the sentence, verbatim, around the first topic word."""
    if len(sentence) <= limit:
        return sentence
    words = sentence.split(" ")
    at = 0
    for i, word in enumerate(words):
        if set(query_terms(word)) & set(terms):
            at = i
            break
    lo, hi = at, at + 1
    if len(words[at]) > limit - 2:  # a single overlong word
        return words[at][: limit - 2] + "…"

    def fits(i: int, k: int) -> bool:
        return len(" ".join(words[i:k])) <= limit - 2

    grew = True
    while grew:
        grew = False
        # A few words of lead-in before the topic word, then as much after it as fits;
        # near the sentence's end, the rest of the room goes to the lead-in.
        if lo > 0 and (at - lo < 5 or hi == len(words)) and fits(lo - 1, hi):
            lo, grew = lo - 1, True
        if hi < len(words) and fits(lo, hi + 1):
            hi, grew = hi + 1, True
    quote = " ".join(words[lo:hi])
    return ("…" if lo > 0 else "") + quote + ("…" if hi < len(words) else "")


def timeline_text(entries: list[TimelineEntry], limit: int = 4000) -> str:
    """The timeline as plain text within `limit` characters."""
    if not entries:
        return "No passages about that topic."
    return fit_lines([e.line() for e in entries], limit)


def fit_lines(lines: list[str], limit: int) -> str:
    """As many lines as fit in `limit` characters, then "… and N more"."""
    kept: list[str] = []
    for i, line in enumerate(lines):
        rest = len(lines) - i
        more = f"… and {rest} more" if rest else ""
        if len("\n".join([*kept, line])) + len(more) + 1 > limit:
            kept.append(more)
            break
        kept.append(line)
    return "\n".join(kept)

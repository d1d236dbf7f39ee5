"""Which passages an answer cites besides its quoted sentences: the slots up to k."""

from __future__ import annotations

from dataclasses import replace

from .models import Evidence, Quote, ScoredSentence, Source
from .passages import passage_around

# A passage is cited for each of the best candidates until `k` distinct passages are cited:
# candidates that share a passage (neighbouring sentences) leave a slot free, which the next
# best candidate's own passage takes, though it scores too far below the lead to be quoted
# in the answer (MARGIN). It is evidence a reader can check, never answer text.
FILL = 8  # ... looking this many candidates further down at most


def fill(
    evidence: Evidence,
    further: list[ScoredSentence],
    chosen: list[ScoredSentence],
    k: int,
    sources: list[Source],
    quotes: list[Quote],
    passage_chars: int,
) -> None:
    snap = evidence.snapshot
    for cand in further[:FILL]:
        if len(sources) >= k:
            return
        art = snap.articles[int(snap.sent_article[cand.sentence])].id
        lo, hi = int(snap.sent_start[cand.sentence]), int(snap.sent_end[cand.sentence])
        inside = any(
            s.window.article.id == art and s.window.start < hi and lo < s.window.end
            for s in sources
        )
        if inside or repeats(evidence, cand, chosen):
            continue
        source = Source(passage_around(snap, cand.sentence, passage_chars), cand.score)
        if all(s.key != source.key for s in sources) and any(
            s.window.article.id == art and s.window.start < source.window.end
            and source.window.start < s.window.end for s in sources
        ):  # fmt: skip
            continue  # overlapping an earlier passage: the same evidence cited twice
        cite(sources, source)
        quotes.append(Quote(snap.sentence_text(cand.sentence), source.key, cand.sentence, False))


def cite(sources: list[Source], source: Source) -> None:
    """Cite a passage once: a passage with the same start as one already cited, reaching
    further, holds the earlier one's sentences and its own ("It in turn evolved into Modern
    English." after the long sentence it continues), so it is cited in its place."""
    at = next((i for i, s in enumerate(sources) if s.key == source.key), None)
    if at is None:
        sources.append(source)
    elif sources[at].window.end < source.window.end:
        sources[at] = replace(sources[at], window=source.window)


def repeats(evidence: Evidence, cand: ScoredSentence, chosen: list[ScoredSentence]) -> bool:
    vecs = evidence.snapshot.sent_vecs
    vec = vecs[cand.sentence]
    return any(float(vec @ vecs[c.sentence]) > 0.9 for c in chosen)  # a near-duplicate

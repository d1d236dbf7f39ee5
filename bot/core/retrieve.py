"""Hybrid retrieval over the snapshot: dense cosine + BM25, fused by reciprocal rank."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from index.encoder import Encoder
from index.lexical import tokenize
from index.snapshot import Snapshot

RRF_K = 60
# Rows sampled to bound the n-th best lexical score from below (see _top_touched).
SAMPLE = 32_768
# Question words carry no evidence; bm25s' English list keeps some of them.
QUESTION_WORDS = frozenset(
    "what who whom whose which when where why how did does do is are was were has have had".split()
)


@dataclass(frozen=True)
class Hit:
    chunk: int
    fused: float
    dense: float
    lexical: float


def query_terms(text: str) -> list[str]:
    words = tokenize(text)  # bm25s' tokenizer rules, without importing bm25s (scipy)
    return list(dict.fromkeys(w for w in words if w not in QUESTION_WORDS))


class Retriever:
    """Chunk search over one snapshot generation: dense cosine and BM25, fused by rank."""

    def __init__(self, snapshot: Snapshot, encoder: Encoder) -> None:
        self.snapshot = snapshot
        self.encoder = encoder

    def idf(self, term: str) -> float:
        return self.snapshot.bm25.idf(term)

    def doc_share(self, term: str) -> float:
        return self.snapshot.bm25.doc_share(term)

    def search(
        self,
        query_vec: np.ndarray,
        terms: list[str],
        n: int = 20,
        mask: np.ndarray | None = None,
    ) -> list[Hit]:
        snap = self.snapshot
        if snap.chunk_count == 0:
            return []
        # Rows of replaced article versions stay in the arrays until merged away.
        allowed = snap.live if mask is None else snap.live & mask
        rows = len(snap.live)
        if snap.exact:
            # Small corpora (no segment large enough for an ANN index): every score, exactly as ever (ties break the same way too).
            dense = np.where(allowed, snap.chunk_vecs @ query_vec, -np.inf).astype(np.float32)
            dense_top = _top(dense, n)
            dense_top = dense_top[np.isfinite(dense[dense_top])]

            def dense_of(i: int) -> float:
                return float(dense[i])
        else:
            dense_top, scores = snap.dense_top(query_vec, n, allowed)
            known = dict(zip(dense_top.tolist(), scores.tolist(), strict=True))

            def dense_of(i: int) -> float:
                if i not in known:  # a lexical-only hit: one row read
                    known[i] = float(snap.chunk_vecs[i] @ query_vec)
                return known[i]

        lexical = (
            np.asarray(snap.bm25.get_scores(terms), dtype=np.float32)
            if terms
            else np.zeros(rows, dtype=np.float32)
        )
        if snap.exact:
            lexical_top = _top(np.where(allowed, lexical, -np.inf), n)
        else:
            lexical_top = _top_touched(lexical, allowed, n)
        lexical_top = lexical_top[allowed[lexical_top] & (lexical[lexical_top] > 0)]
        fused: dict[int, float] = {}
        for top in (dense_top, lexical_top):
            for rank, idx in enumerate(top.tolist()):
                fused[idx] = fused.get(idx, 0.0) + 1.0 / (RRF_K + rank + 1)
        ranked = sorted(fused.items(), key=lambda kv: -kv[1])
        return [Hit(i, s, dense_of(i), float(lexical[i])) for i, s in ranked[:n]]


def _top(scores: np.ndarray, n: int) -> np.ndarray:
    n = min(n, len(scores))
    if n <= 0:
        return np.zeros(0, dtype=np.int64)
    part = np.argpartition(-scores, n - 1)[:n]
    return part[np.argsort(-scores[part], kind="stable")]


def _top_touched(scores: np.ndarray, allowed: np.ndarray, n: int) -> np.ndarray:
    """The n best allowed rows scoring > 0, best first: `touched[_top(scores[touched], n)]`
    over every touched row, which at a million chunks is most of them (~8 ms to gather and
    partition). The n-th best score of a strided sample of allowed rows is at most the
    n-th best of all, so the rows scoring at least that hold the answer (a few hundred).
    When two of the n best, or the n-th and the next, score the same, which of them the
    full partition puts first is its own affair: that case takes the full path."""
    step = max(1, len(scores) // SAMPLE)
    sample = scores[::step][allowed[::step]]
    if len(sample) >= n > 0:
        floor = np.partition(sample, len(sample) - n)[len(sample) - n]
        if floor > 0:
            rows = np.flatnonzero(scores >= floor)
            rows = rows[allowed[rows]]
            order = np.argsort(-scores[rows], kind="stable")[: n + 1]
            if np.all(np.diff(scores[rows[order]]) < 0):
                return rows[order[:n]]
    touched = np.flatnonzero((scores > 0) & allowed)
    return touched[_top(scores[touched], n)] if len(touched) else touched

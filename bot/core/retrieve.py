"""Hybrid retrieval over the snapshot: dense cosine + BM25, fused by reciprocal rank."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from index.encoder import Encoder
from index.lexical import tokenize
from index.snapshot import Snapshot

RRF_K = 60
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
        dense = np.asarray(snap.chunk_vecs @ query_vec, dtype=np.float32)
        lexical = (
            np.asarray(snap.bm25.get_scores(terms), dtype=np.float32)
            if terms
            else np.zeros(snap.chunk_count, dtype=np.float32)
        )
        if mask is not None:
            dense = np.where(mask, dense, -np.inf)
            lexical = np.where(mask, lexical, -np.inf)
        fused: dict[int, float] = {}
        for scores in (dense, lexical):
            top = _top(scores, n)
            for rank, idx in enumerate(top):
                if np.isfinite(scores[idx]) and (scores is dense or scores[idx] > 0):
                    fused[int(idx)] = fused.get(int(idx), 0.0) + 1.0 / (RRF_K + rank + 1)
        ranked = sorted(fused.items(), key=lambda kv: -kv[1])
        return [Hit(i, s, float(dense[i]), float(lexical[i])) for i, s in ranked[:n]]


def _top(scores: np.ndarray, n: int) -> np.ndarray:
    n = min(n, len(scores))
    part = np.argpartition(-scores, n - 1)[:n]
    return part[np.argsort(-scores[part], kind="stable")]

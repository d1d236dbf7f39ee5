"""Hybrid retrieval over the snapshot: dense cosine + BM25, fused by reciprocal rank."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from index.encoder import Encoder
from index.lexical import tokenize
from index.snapshot import Snapshot

from .passages import passage_around

RRF_K = 60
_BETWEEN_WORDS = re.compile(r"\W+")  # a gap that cannot join or hold a token
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
    def __init__(self, snapshot: Snapshot, encoder: Encoder) -> None:
        self.snapshot = snapshot
        self.encoder = encoder
        # Sentence scoring asks for the same sentences' terms question after question;
        # tokenising them once per snapshot makes coverage a set lookup. Bounded, so a
        # bot that runs for weeks on a 100k-chunk corpus does not grow without limit.
        self.sentence_terms = lru_cache(maxsize=1 << 16)(self._sentence_terms)
        self.passage_terms = lru_cache(maxsize=1 << 16)(self._passage_terms)

    def _sentence_terms(self, j: int) -> frozenset[str]:
        return frozenset(query_terms(self.snapshot.sentence_text(j)))

    def _passage_terms(self, j: int, limit: int) -> frozenset[str]:
        """Terms of the citation passage around sentence j (see passages.passage_around).

        A passage is a run of whole sentences; when only spaces and punctuation lie between
        them, its terms are exactly the union of theirs (already cached), so only the odd
        passage with words outside any sentence is tokenised again.
        """
        snap = self.snapshot
        window = passage_around(snap, j, limit)
        art, lo, hi = snap.sent_article[j], j, j
        while (
            lo > 0 and snap.sent_article[lo - 1] == art and snap.sent_start[lo - 1] >= window.start
        ):
            lo -= 1
        last = len(snap.sent_start) - 1
        while (
            hi < last and snap.sent_article[hi + 1] == art and snap.sent_end[hi + 1] <= window.end
        ):
            hi += 1
        text = window.article.text
        exact = int(snap.sent_start[lo]) == window.start and int(snap.sent_end[hi]) == window.end
        if not exact or not all(
            _BETWEEN_WORDS.fullmatch(text[int(snap.sent_end[k]) : int(snap.sent_start[k + 1])])
            for k in range(lo, hi)
        ):
            return frozenset(query_terms(window.text))
        return frozenset().union(*(self.sentence_terms(k) for k in range(lo, hi + 1)))

    @cached_property
    def _idf(self) -> tuple[dict[str, int], np.ndarray]:
        bm25 = self.snapshot.bm25
        indptr = np.asarray(bm25.scores["indptr"])
        df = np.diff(indptr).astype(np.float64)
        n = max(int(bm25.scores["num_docs"]), 1)
        idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
        return bm25.vocab_dict, idf

    def idf(self, term: str) -> float:
        """Inverse document frequency; a term the corpus never uses weighs the most."""
        vocab, idf = self._idf
        n = max(int(self.snapshot.bm25.scores["num_docs"]), 1)
        i = vocab.get(term)
        return (
            float(idf[i]) if i is not None and i < len(idf) else float(np.log(1 + (n + 0.5) / 0.5))
        )

    def doc_share(self, term: str) -> float:
        """Fraction of chunks that contain the term."""
        vocab, _ = self._idf
        i = vocab.get(term)
        if i is None:
            return 0.0
        indptr = self.snapshot.bm25.scores["indptr"]
        n = max(int(self.snapshot.bm25.scores["num_docs"]), 1)
        return float(indptr[i + 1] - indptr[i]) / n

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

"""BM25 over a snapshot's segments, scored at query time from stored term frequencies.

Each segment keeps its postings (term → chunks, term frequency) and chunk lengths, not
scores: scores depend on corpus-wide statistics (document count, document frequency,
mean length) that change whenever any segment is added or an article replaced. Scoring
follows bm25s' Lucene variant step for step, rounding where it rounds, so a one-segment
snapshot scores exactly as the bm25s index it replaces (tests/test_scale_snapshot.py).
Replaced articles' chunks are left out of every statistic.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from .segments import Segment

K1, B = 1.5, 0.75
# Per snapshot: ~96 MB of scored postings. A term in a third of a million chunks is a
# million postings; a few such terms come back every question.
CACHE_BYTES = 96_000_000
# A term in at least 1/DENSE of the rows is kept as one float32 score per row (0 where it
# is absent): adding it is one vector add, ~15x cheaper than adding its postings at their
# rows (0.5 vs 7 ms for 600k postings of 1M rows), and x + 0.0 is x, so every sum is the
# same float32 value, added in the same term order.
DENSE = 16


_Entry = tuple[np.ndarray | None, list[tuple[np.ndarray, np.ndarray]]]


def _nbytes(entry: _Entry) -> int:
    dense, parts = entry
    return (0 if dense is None else dense.nbytes) + sum(d.nbytes + p.nbytes for d, p in parts)


class SegmentedBM25:
    def __init__(
        self, segments: list[Segment], bases: list[int], live: list[np.ndarray], total: int
    ) -> None:
        """`live[i]` marks segment i's chunks that belong to current article versions;
        `bases[i]` is the snapshot-wide index of its first chunk; `total` all chunks."""
        self._parts = list(zip(segments, bases, live, strict=True))
        self.total = total
        self.num_docs = max(int(sum(int(m.sum()) for m in live)), 1)
        lengths = sum(float(s.lexical["doc_len"][m].sum()) for s, _, m in self._parts)
        self.avgdl = lengths / self.num_docs if lengths else 1.0
        self._df: dict[str, int] = {}
        self._partial = {id(m) for m in live if not m.all()}
        self._cache: OrderedDict[str, _Entry] = OrderedDict()
        self._norms: dict[int, np.ndarray] = {}  # per segment: the length part of every chunk
        self._cached = 0
        self._lock = threading.Lock()

    def df(self, term: str) -> int:
        """Current chunks that contain the (tokenized) term."""
        if term not in self._df:
            n = 0
            for seg, _, live in self._parts:
                lex = seg.lexical
                i = lex["vocab"].get(term)
                if i is None:
                    continue
                lo, hi = int(lex["ptr"][i]), int(lex["ptr"][i + 1])
                n += int(live[lex["doc"][lo:hi]].sum()) if id(live) in self._partial else hi - lo
            self._df[term] = n
        return self._df[term]

    def doc_share(self, term: str) -> float:
        """Fraction of chunks that contain the term."""
        return self.df(term) / self.num_docs

    def idf(self, term: str) -> float:
        """BM25's inverse document frequency; a term the corpus never uses weighs the most."""
        df = self.df(term)
        return float(np.log(1 + (self.num_docs - df + 0.5) / (df + 0.5)))

    def get_scores(self, terms: list[str]) -> np.ndarray:
        """BM25 score of every chunk row for these (already tokenized) terms; rows of
        replaced article versions score 0."""
        scores: np.ndarray | None = None
        for term in terms:
            dense, parts = self._term(term)
            if dense is not None:
                if scores is None:
                    scores = dense.copy()  # 0.0 + x is x: the sum it starts
                else:
                    scores += dense
                continue
            if scores is None:
                scores = np.zeros(self.total, dtype=np.float32)
            for docs, part in parts:
                scores[docs] += part
        return np.zeros(self.total, dtype=np.float32) if scores is None else scores

    def _term(self, term: str) -> _Entry:
        """One term's scores: a row-aligned array for a common term, else (rows, scores)
        per segment; common terms come back question after question, so the most recent
        ones are kept (bounded by CACHE_BYTES)."""
        with self._lock:
            hit = self._cache.get(term)
            if hit is not None:
                self._cache.move_to_end(term)
                return hit
        df = self.df(term)
        idf = np.float32(math.log(1 + (self.num_docs - df + 0.5) / (df + 0.5)))
        if df * DENSE >= self.total and self.total * 4 <= CACHE_BYTES // 8:
            entry: _Entry = (self._dense_term(term, idf), [])
        else:
            entry = (None, list(self._sparse_term(term, idf)))
        size = _nbytes(entry)
        with self._lock:
            if size <= CACHE_BYTES // 8 and term not in self._cache:
                self._cache[term] = entry
                self._cached += size
                while self._cached > CACHE_BYTES:
                    _, old = self._cache.popitem(last=False)
                    self._cached -= _nbytes(old)
        return entry

    def _postings(
        self, seg: Segment, live: np.ndarray, term: str
    ) -> tuple[np.ndarray, np.ndarray] | None:
        """The segment's current chunks with the term (ascending) and its frequency there."""
        lex = seg.lexical
        i = lex["vocab"].get(term)
        if i is None:
            return None
        lo, hi = int(lex["ptr"][i]), int(lex["ptr"][i + 1])
        # Rows as intp: numpy converts any other index type on every use.
        docs = np.asarray(lex["doc"][lo:hi], dtype=np.intp)
        tf = np.asarray(lex["tf"][lo:hi], dtype=np.float64)
        if id(live) in self._partial:  # replaced versions score nothing
            ok = live[docs]
            docs, tf = docs[ok], tf[ok]
        return docs, tf

    def _sparse_term(self, term: str, idf: np.float32) -> Any:
        for seg, base, live in self._parts:
            found = self._postings(seg, live, term)
            if found is None:
                continue
            docs, tf = found
            norm = self._norm(seg, seg.lexical)[docs]
            # bm25s: float32 idf times a float64 tf part, stored as float32.
            yield docs + base, (idf * (tf / (norm + tf))).astype(np.float32)

    def _dense_term(self, term: str, idf: np.float32) -> np.ndarray:
        """The same float32 scores as _sparse_term, at their rows of one zeroed array.
        Computed at the postings only: over every row instead (a frequency of 0 giving
        0), a term in a sixth of a million rows took twice as long (6.3 against 3.1 ms;
        the same at two thirds of them), for the same values."""
        out = np.zeros(self.total, dtype=np.float32)
        for docs, scores in self._sparse_term(term, idf):
            out[docs] = scores
        return out

    def _norm(self, seg: Segment, lex: dict[str, Any]) -> np.ndarray:
        """K1 * (1 - B + B * length / avgdl) of each of the segment's chunks, computed once
        per snapshot with the very operations bm25s uses per posting (same float64 values)."""
        key = id(seg)
        norm = self._norms.get(key)
        if norm is None:
            norm = K1 * ((1 - B) + B * lex["doc_len"].astype(np.float64) / self.avgdl)
            with self._lock:
                self._norms[key] = norm
        return norm

    # bm25s' attribute names, for callers that read document frequencies off the matrix.
    @cached_property
    def vocab_dict(self) -> dict[str, int]:
        vocab: dict[str, int] = {}
        for seg, _, _ in self._parts:
            for term in seg.lexical["vocab"]:
                vocab.setdefault(term, len(vocab))
        return vocab

    @cached_property
    def scores(self) -> dict[str, Any]:
        vocab = self.vocab_dict
        df = np.zeros(len(vocab), dtype=np.int64)
        for seg, _, live in self._parts:
            lex = seg.lexical
            ptr = np.asarray(lex["ptr"])
            counts = np.diff(ptr)
            if len(counts) and not live.all():
                dead = (~live[np.asarray(lex["doc"])]).astype(np.int64)
                counts = counts - np.add.reduceat(dead, ptr[:-1])  # every term has a posting
            ids = np.fromiter((vocab[t] for t in lex["vocab"]), dtype=np.int64)
            np.add.at(df, ids, counts)
        indptr = np.zeros(len(df) + 1, dtype=np.int64)
        np.cumsum(df, out=indptr[1:])
        return {"indptr": indptr, "num_docs": self.num_docs}

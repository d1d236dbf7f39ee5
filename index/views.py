"""Views over a snapshot's segments as if they were one: vector rows, current articles."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

import numpy as np

from .catalog import SegmentArticle
from .segments import DIM

if TYPE_CHECKING:
    from .segments import Segment


class Rows:
    """Vectors of every segment as one (rows, DIM) float32 array, read on demand."""

    def __init__(self, parts: list[np.ndarray], bases: list[int]) -> None:
        self.parts, self.bases = parts, bases
        self.shape = (bases[-1] + len(parts[-1]) if parts else 0, DIM)

    def __len__(self) -> int:
        return self.shape[0]

    def _part(self, i: int) -> int:
        return bisect.bisect_right(self.bases, i) - 1

    def __matmul__(self, query: np.ndarray) -> np.ndarray:
        if len(self.parts) == 1:
            return np.asarray(self.parts[0] @ query, dtype=np.float32)
        return np.concatenate([np.asarray(p @ query, dtype=np.float32) for p in self.parts])

    def __getitem__(self, key: Any) -> np.ndarray:
        if isinstance(key, slice):
            lo, hi, _ = key.indices(len(self))
            if hi <= lo:
                return np.zeros((0, DIM), np.float32)
            p = self._part(lo)
            if hi <= self.bases[p] + len(self.parts[p]):  # an article never spans segments
                b = self.bases[p]
                return np.asarray(self.parts[p][lo - b : hi - b], dtype=np.float32)
            return self[np.arange(lo, hi)]
        if isinstance(key, (int, np.integer)):
            p = self._part(int(key))
            return np.asarray(self.parts[p][int(key) - self.bases[p]], dtype=np.float32)
        rows = np.asarray(key, dtype=np.int64)
        out = np.zeros((len(rows), DIM), np.float32)
        which = np.searchsorted(self.bases, rows, side="right") - 1
        for p in np.unique(which):
            sel = which == p
            out[sel] = self.parts[p][rows[sel] - self.bases[p]]
        return out


def joined(parts: list[np.ndarray], dtype: Any) -> np.ndarray:
    if len(parts) == 1:
        return parts[0]
    return np.concatenate(parts) if parts else np.zeros(0, dtype)


class ArticleView(Sequence[SegmentArticle]):
    """The current articles of every segment, in order, as one sequence (made on demand)."""

    def __init__(self, segments: list[Segment], seg: np.ndarray, local: np.ndarray) -> None:
        self._segments, self._seg, self._local = segments, seg, local

    def __len__(self) -> int:
        return len(self._seg)

    @overload
    def __getitem__(self, i: int) -> SegmentArticle: ...
    @overload
    def __getitem__(self, i: slice) -> list[SegmentArticle]: ...
    def __getitem__(self, i: int | slice) -> SegmentArticle | list[SegmentArticle]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        return self._segments[int(self._seg[i])].articles[int(self._local[i])]

    def by_segment(self) -> Iterator[tuple[Segment, np.ndarray, np.ndarray]]:
        """Per segment: its current articles' local numbers and their positions in this view
        (for work done per segment's catalog instead of per article object)."""
        for p, seg in enumerate(self._segments):
            pos = np.flatnonzero(self._seg == p)
            yield seg, self._local[pos], pos

    def __iter__(self) -> Iterator[SegmentArticle]:
        for seg, current, _ in self.by_segment():
            keep = set(current.tolist())
            for local, art in enumerate(seg.articles):
                if local in keep:
                    yield art

"""The read model: immutable segments, and manifests that say which of them answer.

Answering never opens Chroma: importing chromadb alone costs over a second, and two
processes opening one persistent path can block each other. The indexer (or a replica,
index/replica.py) publishes what changed as a new segment (index/segments.py) plus a
manifest naming every segment that answers and the older article versions it replaces,
then flips `snapshots/CURRENT` to that manifest with one rename. Readers load whichever
manifest CURRENT names: the old or the new version of every article, never a mix, and a
crash anywhere before the rename leaves the previous manifest answering.

Layout: snapshots/CURRENT, snapshots/manifests/<generation>.json, snapshots/segments/<id>/.
"""

from __future__ import annotations

import bisect
import json
import weakref
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from .ann import RERANK, top_exact
from .bm25 import SegmentedBM25
from .segments import DIM, Segment, SegmentArticle
from .shared.errors import IndexMissing

_cache: weakref.WeakValueDictionary[Path, Segment] = weakref.WeakValueDictionary()


def open_segment(path: Path) -> Segment:
    """Segments never change, so every generation that names one shares one reader."""
    seg = _cache.get(path)
    if seg is None:
        seg = _cache[path] = Segment(path)
    return seg


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


class Snapshot:
    def __init__(self, snapshots_dir: Path, manifest: dict[str, Any]) -> None:
        self.path = snapshots_dir
        self.manifest = manifest
        self.generation: str = manifest["generation"]
        self.signature: str = manifest["signature"]
        self.created: float = manifest["created"]
        self.segments = [
            open_segment(snapshots_dir / "segments" / e["id"]) for e in manifest["segments"]
        ]
        self.articles: list[SegmentArticle] = []
        cols: dict[str, list[np.ndarray]] = {}
        live, chunk_bases, sent_bases = [], [], []
        chunks = sents = 0
        for seg, entry in zip(self.segments, manifest["segments"], strict=True):
            dead = np.zeros(len(seg.articles), dtype=bool)
            dead[np.asarray(entry.get("dead", []), dtype=np.int64)] = True
            keep = np.flatnonzero(~dead)
            where = np.full(len(seg.articles) + 1, -1, dtype=np.int32)  # [-1] stays -1
            where[keep] = np.arange(len(self.articles), len(self.articles) + len(keep))
            self.articles.extend(seg.articles[i] for i in keep)
            a = seg.arrays
            for name in ("chunk_start", "chunk_end", "sent_start", "sent_end"):
                cols.setdefault(name, []).append(a[name])
            for name in ("chunk_article", "sent_article"):
                cols.setdefault(name, []).append(where[a[name]])
            for name in ("chunk_s0", "chunk_s1"):
                cols.setdefault(name, []).append(a[name] + sents)
            live.append(~dead[a["chunk_article"]])
            chunk_bases.append(chunks)
            sent_bases.append(sents)
            chunks += seg.chunk_count
            sents += seg.sentence_count
        for name in _ARRAYS:
            parts = cols.get(name, [])
            setattr(self, name, np.concatenate(parts) if parts else np.zeros(0, np.int32))
        self._live_parts, self._chunk_bases = live, chunk_bases
        self.live = np.concatenate(live) if live else np.zeros(0, dtype=bool)
        self.article_index = {a.id: i for i, a in enumerate(self.articles)}
        self.chunk_vecs = Rows([s.chunk_vecs for s in self.segments], chunk_bases)
        self.sent_vecs = Rows([s.sent_vecs for s in self.segments], sent_bases)

    chunk_article: np.ndarray
    chunk_start: np.ndarray
    chunk_end: np.ndarray
    chunk_s0: np.ndarray
    chunk_s1: np.ndarray
    sent_article: np.ndarray
    sent_start: np.ndarray
    sent_end: np.ndarray

    @cached_property
    def chunk_count(self) -> int:
        """Chunks of current article versions (arrays also hold replaced ones, masked)."""
        return int(self.live.sum())

    @cached_property
    def exact(self) -> bool:
        """No segment has an ANN index: search scores every chunk."""
        return all(seg.ann is None for seg in self.segments)

    @cached_property
    def chunk_ids(self) -> list[str]:
        return [cid for seg in self.segments for cid in seg.chunk_ids]

    def versions(self) -> dict[str, str]:
        return {a.id: a.content_hash for a in self.articles}

    def chunk_text(self, i: int) -> str:
        art = self.articles[int(self.chunk_article[i])]
        return art.text[int(self.chunk_start[i]) : int(self.chunk_end[i])]

    def sentence_text(self, j: int) -> str:
        art = self.articles[int(self.sent_article[j])]
        return art.text[int(self.sent_start[j]) : int(self.sent_end[j])]

    @cached_property
    def bm25(self) -> SegmentedBM25:
        return SegmentedBM25(self.segments, self._chunk_bases, self._live_parts, len(self.live))

    def dense_top(
        self, query: np.ndarray, n: int, allowed: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """The n allowed chunks nearest the query, best first: exact for small segments,
        ANN candidates re-ranked exactly for large ones."""
        ids, scores = [], []
        for seg, base in zip(self.segments, self._chunk_bases, strict=True):
            ok = allowed[base : base + seg.chunk_count]
            if not ok.any():
                continue
            if seg.ann is None:
                s = np.asarray(seg.chunk_vecs @ query, dtype=np.float32)
                s = np.where(ok, s, -np.inf).astype(np.float32)
                i, s = top_exact(s[:, None], None, np.ones(1, np.float32), n)
                keep = np.isfinite(s)
                i, s = i[keep], s[keep]
            else:
                cand = seg.ann.candidates(query, max(RERANK, n), None if ok.all() else ok)
                i, s = top_exact(seg.chunk_vecs, cand, query, n)
            ids.append(i + base)
            scores.append(s)
        if not ids:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        all_ids, all_s = np.concatenate(ids), np.concatenate(scores)
        if len(ids) == 1:
            return all_ids, all_s
        i, s = top_exact(all_s[:, None], None, np.ones(1, np.float32), n)
        return all_ids[i], s


_ARRAYS = (
    "chunk_article",
    "chunk_start",
    "chunk_end",
    "chunk_s0",
    "chunk_s1",
    "sent_article",
    "sent_start",
    "sent_end",
)


def current_generation(snapshots_dir: Path) -> str | None:
    try:
        return (snapshots_dir / "CURRENT").read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def read_manifest(snapshots_dir: Path, generation: str) -> dict[str, Any]:
    return dict(
        json.loads((snapshots_dir / "manifests" / f"{generation}.json").read_text(encoding="utf-8"))
    )


def load_snapshot(snapshots_dir: Path) -> Snapshot:
    gen = current_generation(snapshots_dir)
    if gen is None:
        raise IndexMissing("no index yet: run `citebot index` first")
    try:
        return Snapshot(snapshots_dir, read_manifest(snapshots_dir, gen))
    except (OSError, ValueError, KeyError) as exc:
        raise IndexMissing(
            f"the index at {snapshots_dir} is unreadable; run `citebot index`"
        ) from exc

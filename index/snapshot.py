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

import json
import weakref
from collections import Counter
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from .ann import top_exact
from .bm25 import SegmentedBM25
from .segments import Segment
from .shared.errors import IndexMissing
from .views import ArticleView, Rows, joined
from .words import article_words, count, read_counts

_cache: weakref.WeakValueDictionary[Path, Segment] = weakref.WeakValueDictionary()


def open_segment(path: Path) -> Segment:
    """Segments never change, so every generation that names one shares one reader."""
    seg = _cache.get(path)
    if seg is None:
        seg = _cache[path] = Segment(path)
    return seg


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
        cols: dict[str, list[np.ndarray]] = {}
        live, chunk_bases, sent_bases, art_seg, art_local = [], [], [], [], []
        self._where: list[np.ndarray] = []  # per segment: local article -> snapshot index
        chunks = sents = arts = 0
        for p, (seg, entry) in enumerate(zip(self.segments, manifest["segments"], strict=True)):
            dead = np.zeros(len(seg.articles), dtype=bool)
            dead[np.asarray(entry.get("dead", []), dtype=np.int64)] = True
            keep = np.flatnonzero(~dead).astype(np.int32)
            where = np.full(len(seg.articles) + 1, -1, dtype=np.int32)  # [-1] stays -1
            where[keep] = np.arange(arts, arts + len(keep))
            self._where.append(where[:-1])
            art_seg.append(np.full(len(keep), p, dtype=np.int32))
            art_local.append(keep)
            # The first segment with nothing replaced maps onto itself: share its arrays
            # (a million chunks' spans are ~90 MB).
            same = arts == 0 and len(keep) == len(seg.articles)
            a = seg.arrays
            for name in ("chunk_start", "chunk_end", "sent_start", "sent_end"):
                cols.setdefault(name, []).append(a[name])
            for name in ("chunk_article", "sent_article"):
                cols.setdefault(name, []).append(a[name] if same else where[a[name]])
            for name in ("chunk_s0", "chunk_s1"):
                cols.setdefault(name, []).append(a[name] + sents if sents else a[name])
            live.append(~dead[a["chunk_article"]])
            chunk_bases.append(chunks)
            sent_bases.append(sents)
            chunks += seg.chunk_count
            sents += seg.sentence_count
            arts += len(keep)
        for name in _ARRAYS:
            setattr(self, name, joined(cols.get(name, []), np.int32))
        self._live_parts, self._chunk_bases, self._sent_bases = live, chunk_bases, sent_bases
        self.live = joined(live, bool)
        self._art_seg, self._art_local = joined(art_seg, np.int32), joined(art_local, np.int32)
        self.articles = ArticleView(self.segments, self._art_seg, self._art_local)
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
        out: dict[str, str] = {}
        for seg, where in zip(self.segments, self._where, strict=True):
            cat = seg.catalog
            for local in np.flatnonzero(where >= 0).tolist():
                out[cat.ids[local]] = cat.hashes[local]
        return out

    @cached_property
    def article_index(self) -> dict[str, int]:
        """Article id -> index in `articles` (built when first asked for)."""
        out: dict[str, int] = {}
        for seg, where in zip(self.segments, self._where, strict=True):
            ids = seg.catalog.ids
            for local, i in enumerate(where.tolist()):
                if i >= 0:
                    out[ids[local]] = i
        return out

    def word_counts(self) -> tuple[Counter[str], Counter[str]]:
        """Every word the current articles use (casefolded) with its count, and the words
        they write in lower case with theirs: what counting every current article's
        headline and text in order would give (index/words.py), without reading them."""
        words: Counter[str] = Counter()
        lower: Counter[str] = Counter()
        for seg, where in zip(self.segments, self._where, strict=True):
            kept = read_counts(seg.path)
            if kept is None:  # written before segments counted their words
                for local in np.flatnonzero(where >= 0).tolist():
                    art = seg.articles[local]
                    count(article_words(art.title, art.text), words, lower)
                continue
            seg_words, seg_lower = kept
            dead = np.flatnonzero(where < 0).tolist()
            if dead:  # replaced versions: take their words out again
                gone_words: Counter[str] = Counter()
                gone_lower: Counter[str] = Counter()
                for local in dead:
                    art = seg.articles[local]
                    count(article_words(art.title, art.text), gone_words, gone_lower)
                seg_words, seg_lower = +(seg_words - gone_words), +(seg_lower - gone_lower)
            words.update(seg_words)
            lower.update(seg_lower)
        return words, lower

    def first_sentence(self, article: int) -> int:
        """The article's first sentence row (0 if it has none): a segment writes an
        article's sentences together, in article order, so this is one binary search."""
        p, local = int(self._art_seg[article]), int(self._art_local[article])
        rows = self.segments[p].arrays["sent_article"]
        j = int(np.searchsorted(rows, local, side="left"))
        if j >= len(rows) or int(rows[j]) != local:
            return 0
        return self._sent_bases[p] + j

    def title_rows(self, term: str) -> np.ndarray:
        """Current articles (ascending) whose headline has the term (index/catalog.py)."""
        parts = []
        for seg, where in zip(self.segments, self._where, strict=True):
            local = seg.catalog.title_rows(term)
            if len(local):
                mapped = where[local]
                parts.append(mapped[mapped >= 0])
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)

    @cached_property
    def title_sizes(self) -> np.ndarray:
        """Distinct headline terms of each current article."""
        return joined([s.catalog.title_sizes[loc] for s, loc in self._by_segment()], np.int32)

    @cached_property
    def article_chunks(self) -> np.ndarray:
        """Chunks of each current article (an article with none cannot be cited)."""
        return joined([s.catalog.chunk_counts[loc] for s, loc in self._by_segment()], np.int32)

    def _by_segment(self) -> list[tuple[Segment, np.ndarray]]:
        return [(seg, self._art_local[self._art_seg == p]) for p, seg in enumerate(self.segments)]

    def chunk_text(self, i: int) -> str:
        art = self.articles[int(self.chunk_article[i])]
        return art.text[int(self.chunk_start[i]) : int(self.chunk_end[i])]

    def sentence_text(self, j: int) -> str:
        # The article's text straight from its segment (what `articles[a].text` reads),
        # without making the article object: scoring cuts hundreds of sentences an answer,
        # most from articles it never cites, whose metadata need not be parsed.
        a = int(self.sent_article[j])
        text = self.segments[int(self._art_seg[a])].article_text(int(self._art_local[a]))
        return text[int(self.sent_start[j]) : int(self.sent_end[j])]

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
                cand = seg.ann.candidates(query, max(seg.ann.rerank, n), None if ok.all() else ok)
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

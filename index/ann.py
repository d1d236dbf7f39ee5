"""The dense index published with each large segment (faiss-cpu).

Three layouts, chosen by Settings.ann / CITEBOT_ANN (measured on 1M x 384, docs/SCALE.md):
- "pq" (default): every chunk vector as 4-bit product-quantizer codes (192 sub-vectors of
  2 dimensions: 96 bytes per chunk, 96 MB per million), scanned with faiss' SIMD "fast
  scan" kernels; the best RERANK_PQ candidates are re-ranked exactly against the float32
  vectors. Recall@10 0.997 on the bench corpus at ~6.5 ms per million chunks on one core.
- "sq8": 8-bit codes (384 MB per million chunks), re-rank of RERANK; recall@10 1.0 at
  ~21-30 ms per million chunks. Both scans are linear, with a small constant.
- "hnsw": an HNSW graph over 8-bit codes (M=32). Sub-linear and fast, but on vectors
  with little neighbourhood structure (the bench's synthetic ones) recall@10 stayed
  below 0.75 even at efSearch 2048, so it is for real embeddings, measured first.
Segments below ANN_MIN_CHUNKS have no index file: an exact float32 scan is cheaper.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np

ANN_MIN_CHUNKS = 20_000
RERANK = 100  # candidates re-scored exactly; the 8-bit scores only have to get them in
RERANK_PQ = 500  # 4-bit codes are coarser: 300 gave recall@10 0.991, 500 0.997 (1M bench)
# Fast-scan indexes take no ID filter: a filter this selective is scored exactly instead.
EXACT_ROWS = 20_000
_SPECS = {"pq": "PQ192x4fs", "sq8": "SQ8", "hnsw": "HNSW32,SQ8"}
_TRAIN = 100_000


def _faiss() -> Any:
    import faiss

    return faiss


def ann_kind() -> str:
    from .shared.settings import get_settings

    return get_settings().ann


def build_ann(vectors: np.ndarray, path: Path, kind: str | None = None) -> None:
    """Write the index for these (normalised float32) vectors, in blocks (they are mmapped)."""
    faiss = _faiss()
    kind = kind or ann_kind()
    spec = _SPECS[kind]
    index = faiss.index_factory(vectors.shape[1], spec, faiss.METRIC_INNER_PRODUCT)
    step = max(1, len(vectors) // _TRAIN)
    index.train(np.ascontiguousarray(vectors[::step][:_TRAIN], dtype=np.float32))
    if kind == "hnsw":
        faiss.downcast_index(index).hnsw.efConstruction = 80
    for lo in range(0, len(vectors), 50_000):
        index.add(np.ascontiguousarray(vectors[lo : lo + 50_000], dtype=np.float32))
    tmp = path.with_suffix(".tmp")
    faiss.write_index(index, str(tmp))
    os.replace(tmp, path)


class AnnIndex:
    def __init__(self, path: Path) -> None:
        faiss = _faiss()
        try:
            # Codes memory-mapped, not copied: page cache the kernel can drop, not process
            # memory (384 MB per million chunks); segment files never change.
            self.index = faiss.read_index(str(path), faiss.IO_FLAG_MMAP_IFC)
        except RuntimeError:  # a layout faiss cannot map: read it whole
            self.index = faiss.read_index(str(path))
        inner = faiss.downcast_index(self.index)
        self.hnsw = getattr(inner, "hnsw", None)
        self.fast_scan = isinstance(inner, faiss.IndexFastScan)
        self.rerank = RERANK_PQ if self.fast_scan else RERANK
        self.kind = "pq" if self.fast_scan else "hnsw" if self.hnsw is not None else "sq8"
        # One query at a time per answer; faiss threads would fight the bot's own.
        faiss.omp_set_num_threads(1)

    def candidates(self, query: np.ndarray, k: int, allowed: np.ndarray | None) -> np.ndarray:
        """Row ids of about k likely nearest vectors among the allowed ones (unordered)."""
        faiss = _faiss()
        params = None
        q = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        if self.fast_scan:
            return self._fast_scan(q, k, allowed)
        if allowed is not None:
            bits = np.packbits(allowed.astype(np.uint8), bitorder="little")
            selector = faiss.IDSelectorBitmap(len(allowed), faiss.swig_ptr(bits))
            if self.hnsw is not None:
                params = faiss.SearchParametersHNSW(sel=selector, efSearch=max(256, 2 * k))
            else:
                params = faiss.SearchParameters(sel=selector)
        elif self.hnsw is not None:
            self.hnsw.efSearch = max(256, 2 * k)
        _, ids = self.index.search(q, k, params=params)
        found = ids[0]
        return found[found >= 0]

    def _fast_scan(self, q: np.ndarray, k: int, allowed: np.ndarray | None) -> np.ndarray:
        if allowed is None:
            _, ids = self.index.search(q, k)
            return ids[0][ids[0] >= 0]
        rows = np.flatnonzero(allowed)
        if len(rows) <= max(EXACT_ROWS, k):  # a narrow filter: the caller scores these exactly
            return rows
        # No ID filter in fast scan: ask for enough that k allowed ones are among them.
        want = min(self.index.ntotal, int(k * len(allowed) / len(rows) * 1.5) + k)
        _, ids = self.index.search(q, want)
        found = ids[0][ids[0] >= 0]
        return found[allowed[found]][:k]


def top_exact(
    vectors: np.ndarray, rows: np.ndarray | None, query: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray]:
    """The n best rows by exact float32 dot product: (row ids, scores), best first."""
    if rows is None:
        scores = np.asarray(vectors @ query, dtype=np.float32)
        ids = np.arange(len(scores))
    else:
        rows = np.sort(rows)  # ascending reads are kinder to the page cache
        scores = np.asarray(np.asarray(vectors[rows], dtype=np.float32) @ query, dtype=np.float32)
        ids = rows
    if len(scores) == 0:
        return ids[:0], scores
    n = min(n, len(scores))
    part = np.argpartition(-scores, n - 1)[:n]
    order = part[np.argsort(-scores[part], kind="stable")]
    return ids[order], scores[order]

"""Embedding many texts at once for the indexer: length-sorted batches, one per core.

The query encoder splits every operator of one batch across two threads, which suits one
question at a time. Bulk embedding instead gives each core whole batches: one single-
threaded session shared by one worker thread per core. onnxruntime releases the GIL inside
`run`, so the workers really run side by side, and they never wait for each other between
operators. A row's vector does not depend on the batch it is in, the padding of that batch
or the thread count (tests/test_bulk.py checks it bit for bit), so the vectors are exactly
the ones the query encoder computes for the same text.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from .encoder import Encoder, OnnxEncoder

# Past a handful of cores, memory per worker (activations of a 32 x 256 batch) buys little.
_MAX_WORKERS = 8


def cores() -> int:
    """Cores this process may run on (a container's CPU set, not the host's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not every platform has affinity
        return max(1, os.cpu_count() or 1)


class BulkEmbedder:
    """`embed(texts, lengths)` → {text: vector}, batches of `batch` similar-length texts."""

    def __init__(self, encoder: Encoder, workers: int, batch: int) -> None:
        self.encoder = encoder
        self.workers = max(1, workers)
        self.batch = max(1, batch)
        self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="embed")

    @classmethod
    def for_index(
        cls, onnx_path: Path, model_dir: Path, batch: int, encoder: Encoder | None = None
    ) -> BulkEmbedder:
        """The indexer's embedder: a caller's encoder runs alone (it may be multi-threaded
        itself, like torch); ours runs single-threaded on every core."""
        if encoder is not None:
            return cls(encoder, 1, batch)
        workers = min(cores(), _MAX_WORKERS)
        return cls(OnnxEncoder(onnx_path, model_dir, threads=1), workers, batch)

    def embed(
        self,
        texts: Sequence[str],
        lengths: Sequence[int],
        done: Callable[[int], None] | None = None,
    ) -> dict[str, np.ndarray]:
        """Vectors of `texts`; `done(n)` after each batch, in order, from the calling thread."""
        order = sorted(range(len(texts)), key=lambda i: lengths[i])
        batches = [
            [texts[i] for i in order[lo : lo + self.batch]]
            for lo in range(0, len(order), self.batch)
        ]
        vectors: dict[str, np.ndarray] = {}
        # map() keeps every worker busy and hands results back in submission order.
        for batch, out in zip(batches, self._pool.map(self.encoder.encode, batches), strict=True):
            vectors.update(zip(batch, out, strict=True))
            if done:
                done(len(batch))
        return vectors

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

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
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .encoder import Encoder, OnnxEncoder

# Past a handful of cores, memory per worker (activations of a 32 x 256 batch) buys little.
_MAX_WORKERS = 8
_PADDING = 0.02


def cores() -> int:
    """Cores this process may run on (a container's CPU set, not the host's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not every platform has affinity
        return max(1, os.cpu_count() or 1)


@dataclass
class Pending:
    """A window of texts in the workers' queue."""

    batches: list[list[str]]
    futures: list[Future[np.ndarray]]


def plan_batches(lengths: Sequence[int], rows: int) -> list[list[int]]:
    """Indices in batches of similar length, each at most `rows` long and padded by at most
    _PADDING of its tokens: every padded position costs as much as a real token (measured
    on news text: 32 rows regardless of length padded 4%; this bound, under 1%, and
    fewer rows per batch cost nothing measurable)."""
    out: list[list[int]] = []
    cur: list[int] = []
    used = 0
    for i in sorted(range(len(lengths)), key=lambda i: lengths[i]):
        width = lengths[i] + 2  # [CLS] and [SEP]
        if cur and (len(cur) >= rows or (len(cur) + 1) * width > (1 + _PADDING) * (used + width)):
            out.append(cur)
            cur, used = [], 0
        cur.append(i)
        used += width
    return [*out, cur] if cur else out


class BulkEmbedder:
    """{text: vector} in batches of `batch` similar-length texts: `embed`, or `submit` now
    and `collect` later."""

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

    def submit(self, texts: Sequence[str], lengths: Sequence[int]) -> Pending:
        """Queue `texts` for the workers and return at once: the caller reads and chunks
        the next articles, or writes the last window, while they embed."""
        planned = plan_batches(lengths, self.batch)
        # Shortest and longest batches taken in turn: texts per second stay steady, so the
        # progress bar's rate and ETA hold (shortest first started at 5x the mean rate, so the ETA was far too short).
        mixed = [
            planned[k // 2] if k % 2 == 0 else planned[-1 - k // 2] for k in range(len(planned))
        ]
        batches = [[texts[i] for i in b] for b in mixed]
        return Pending(batches, [self._pool.submit(self.encoder.encode, b) for b in batches])

    def collect(
        self, pending: Pending, done: Callable[[int], None] | None = None
    ) -> dict[str, np.ndarray]:
        """{text: vector} of a submitted window; `done(n)` after each batch, in order."""
        vectors: dict[str, np.ndarray] = {}
        for batch, future in zip(pending.batches, pending.futures, strict=True):
            vectors.update(zip(batch, future.result(), strict=True))
            if done:
                done(len(batch))
        return vectors

    def embed(
        self,
        texts: Sequence[str],
        lengths: Sequence[int],
        done: Callable[[int], None] | None = None,
    ) -> dict[str, np.ndarray]:
        return self.collect(self.submit(texts, lengths), done)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

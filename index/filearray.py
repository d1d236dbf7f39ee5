"""Arrays in segment files, read with pread: only the rows asked for, into the process.

A memory-mapped file puts every page a question touches (and the kernel's fault-around
neighbours) into the process's resident set and keeps it there: at a million chunks the
bot's RSS grew by the gigabytes of vectors, postings and texts it had once read. pread
copies exactly the requested bytes into a fresh array, so resident memory is what the
answer holds; the kernel's page cache still speeds repeated reads, and it can drop those
pages whenever it likes. A full scan (the exact search of a small segment) still uses a
mapping: it reads every row anyway, and reading through the mapping copies nothing.
"""

from __future__ import annotations

import mmap
import os
import weakref
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np


class FileArray:
    """A read-only (rows,) or (rows, width) array of `dtype` at `offset` in `path`."""

    def __init__(self, path: Path, dtype: Any, shape: tuple[int, ...], offset: int = 0) -> None:
        self.path, self.dtype, self.shape, self.offset = path, np.dtype(dtype), shape, offset
        self.row_bytes = self.dtype.itemsize * (shape[1] if len(shape) > 1 else 1)
        self._fd = os.open(path, os.O_RDONLY)
        weakref.finalize(self, os.close, self._fd)

    @classmethod
    def npy(cls, path: Path) -> FileArray:
        """A .npy file: its header says dtype, shape and where the data starts."""
        with open(path, "rb") as fh:
            fmt = np.lib.format
            version = fmt.read_magic(fh)
            read = fmt.read_array_header_1_0 if version == (1, 0) else fmt.read_array_header_2_0
            shape, fortran, dtype = read(fh)
            if fortran:
                raise ValueError(f"{path}: Fortran order is not supported")
            return cls(path, dtype, tuple(shape), fh.tell())

    @property
    def ndim(self) -> int:
        return len(self.shape)

    def __len__(self) -> int:
        return self.shape[0]

    def _read(self, lo: int, hi: int) -> np.ndarray:
        out = np.empty((hi - lo, *self.shape[1:]), dtype=self.dtype)
        self._read_into(out, lo)
        return out

    def _read_into(self, out: np.ndarray, lo: int) -> None:
        """Rows lo, lo + 1, ... into `out` (C-contiguous), straight from the file."""
        if not len(out):
            return
        want = len(out) * self.row_bytes
        got = os.preadv(self._fd, [out.data.cast("B")], self.offset + lo * self.row_bytes)
        if got != want:
            raise OSError(f"{self.path}: short read ({got} of {want} bytes)")

    def __getitem__(self, key: Any) -> np.ndarray:
        n = self.shape[0]
        if isinstance(key, slice):
            lo, hi, step = key.indices(n)
            if step != 1:
                return self[np.arange(lo, hi, step)]
            return self._read(lo, max(lo, hi))
        if isinstance(key, (int, np.integer)):
            i = int(key) + (n if int(key) < 0 else 0)
            if not 0 <= i < n:
                raise IndexError(f"row {key} out of range for {n} rows")
            return self._read(i, i + 1)[0]
        rows = np.asarray(key)
        if rows.dtype == bool:
            rows = np.flatnonzero(rows)
        rows = rows.astype(np.int64, copy=False)
        rows = np.where(rows < 0, rows + n, rows)
        if len(rows) and (rows.min() < 0 or rows.max() >= n):
            raise IndexError(f"row out of range for {n} rows")
        return self._gather(rows)

    def _gather(self, rows: np.ndarray) -> np.ndarray:
        """Rows in any order; each run of consecutive rows is one read."""
        out = np.empty((len(rows), *self.shape[1:]), dtype=self.dtype)
        if not len(rows):
            return out
        ascending = bool(np.all(rows[1:] >= rows[:-1]))
        order = np.arange(len(rows)) if ascending else np.argsort(rows, kind="stable")
        ordered = rows if ascending else rows[order]
        breaks = np.flatnonzero(np.diff(ordered) != 1) + 1
        starts = np.concatenate(([0], breaks)).tolist()
        ends = np.concatenate((breaks, [len(ordered)])).tolist()
        block = out if ascending else np.empty_like(out)
        for a, b in zip(starts, ends, strict=True):
            self._read_into(block[a:b], int(ordered[a]))
        if not ascending:
            out[order] = block
        return out

    @cached_property
    def _mapped(self) -> np.ndarray:
        if self.shape[0] == 0:
            return np.zeros(self.shape, dtype=self.dtype)
        mm = mmap.mmap(self._fd, 0, access=mmap.ACCESS_READ)
        return np.ndarray(self.shape, dtype=self.dtype, buffer=mm, offset=self.offset)

    def __matmul__(self, other: np.ndarray) -> np.ndarray:
        """Every row times `other`: a full scan, through the mapping."""
        return np.asarray(self._mapped @ other)

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        out = self._read(0, self.shape[0])
        return out if dtype is None else out.astype(dtype, copy=False)

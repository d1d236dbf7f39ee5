"""Tables that answering reads and that depend only on installed data files (symspellpy's
word list, MiniLM's input embeddings), derived once and kept as .npy files.

A cold `citebot ask` spent ~70 ms parsing the word list's 82k lines and ~200 ms reading and
converting the model's embedding table; loading kept arrays memory-mapped costs about a
millisecond, and only the rows an answer touches are read. The folder is the home's model
folder (beside the ONNX export and its optimized graph), set by the engine and by the
index command, which makes the tables before any question needs them. A table's name
carries its sources' sizes and times, so an upgraded package is never read through an
older table; a home that cannot be written to keeps the tables in memory, as before.

The folder is one per process: what a table holds does not depend on the home, only on
the installed files, so any home's copy is the right one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

Arrays = dict[str, np.ndarray]

_folder: Path | None = None


def keep_in(folder: Path | None) -> None:
    """Where tables are kept from now on (None: derived in memory at each start)."""
    global _folder
    _folder = folder


def folder() -> Path | None:
    return _folder


def table_path(name: str, sources: Sequence[Path]) -> Path | None:
    """The folder that holds (or would hold) this table, None when none is set."""
    if _folder is None:
        return None
    stats = [f"{p}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in sources]
    digest = hashlib.sha1("|".join([name, *stats]).encode(), usedforsecurity=False)
    return _folder / f"{name}-{digest.hexdigest()[:12]}"


def kept(name: str, sources: Sequence[Path], build: Callable[[], Arrays]) -> Arrays:
    """The arrays `build` makes from `sources`, read from the kept table when there is
    one, else made and kept for the next process."""
    where = table_path(name, sources)
    if where is None:
        return build()
    if where.is_dir():
        try:
            return {
                p.stem: np.load(p, mmap_mode="r", allow_pickle=False)
                for p in sorted(where.glob("*.npy"))
            }
        except (OSError, ValueError):
            shutil.rmtree(where, ignore_errors=True)  # damaged: made again below
    arrays = build()
    _write(where, arrays)
    return arrays


def _write(where: Path, arrays: Arrays) -> None:
    """Written under a temporary name and renamed: a reader never sees half a table."""
    tmp = where.with_name(f".{where.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        tmp.mkdir()
        for key, array in arrays.items():
            np.save(tmp / f"{key}.npy", array, allow_pickle=False)
        os.replace(tmp, where)
    except OSError:  # a read-only home, or another process kept it first
        shutil.rmtree(tmp, ignore_errors=True)
        return
    prefix = where.name.rsplit("-", 1)[0] + "-"
    for old in where.parent.glob(f"{prefix}*"):
        if old != where and old.is_dir() and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)  # made from files no longer installed

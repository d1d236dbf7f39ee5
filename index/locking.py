"""One writer per data directory: index runs and replica refreshes take the same lock."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .shared.errors import IndexBusy, StoreError
from .shared.settings import Settings


def ensure_writable(directory: Path) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        probe = directory / f".write-probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise StoreError(f"data directory {directory} is not writable ({exc.strerror})") from exc


@contextmanager
def writer_lock(settings: Settings) -> Iterator[None]:
    """One writer at a time per data directory; a second one is told, not blocked."""
    ensure_writable(settings.data_dir)
    with open(settings.lock_path, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise IndexBusy(f"the index is busy: {holder} is indexing; try again shortly") from exc
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
        try:
            yield
        finally:
            fh.truncate(0)
            fcntl.flock(fh, fcntl.LOCK_UN)

"""Running the indexer in a child process, for long-lived processes such as the Discord bot.

Indexing loads torch and the embedding model (hundreds of MB) and holds the GIL while it
embeds; in a fresh child both stay out of the caller, whose memory returns to what it was
when the child exits. The child is started with "spawn", never "fork": a forked copy of a
process running an event loop and threads inherits their locks in whatever state they were.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .shared.errors import StoreError

if TYPE_CHECKING:
    from .indexer import IndexReport
    from .shared.settings import Settings


@dataclass(frozen=True)
class ChildRun:
    report: IndexReport
    pid: int  # the child's, so a caller (or a test) can see the work was not done in-process


def _job(settings: Settings) -> ChildRun:
    from .indexer import run_index

    return ChildRun(run_index(settings), os.getpid())


def run_index_in_child(settings: Settings) -> ChildRun:
    """run_index(settings) in a fresh process; blocks the calling thread (not the GIL) until
    it is done. The child's CitebotErrors (IndexBusy, CorpusError...) are raised here."""
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
    try:
        return pool.submit(_job, settings).result()
    except BrokenProcessPool as exc:
        raise StoreError("the indexing process died before it finished") from exc
    finally:
        pool.shutdown(wait=True)

"""Running the indexer in a child process, for long-lived processes such as the Discord bot.

Indexing loads the embedding model (hundreds of MB, torch too where it is used) and holds
the GIL while it embeds; in a child both stay out of the caller, whose memory is back to
what it was when the child exits. The child is a fresh `python -m index.isolated`, not a
multiprocessing worker: "fork" would copy a process full of threads and an event loop,
and "spawn" re-imports the caller's main module (`python -m bot.cli discord` would start
a second bot). Settings go in and the result comes back pickled, through a private file.
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .shared.errors import CitebotError, StoreError

if TYPE_CHECKING:
    from .indexer import IndexReport
    from .shared.settings import Settings

log = logging.getLogger("citebot.index")
_ROOT = Path(__file__).resolve().parent.parent  # the directory holding `index`


@dataclass(frozen=True)
class ChildRun:
    report: IndexReport
    pid: int  # the child's, so a caller (or a test) can see the work was not done in-process


def run_index_in_child(settings: Settings) -> ChildRun:
    """run_index(settings) in a child process; blocks the calling thread (not the GIL)
    until it is done. A CitebotError in the child (IndexBusy, CorpusError...) is raised here."""
    with tempfile.TemporaryDirectory(prefix="citebot-index-") as tmp:
        job = Path(tmp) / "job.pickle"
        job.write_bytes(pickle.dumps(settings))
        path = [str(_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(path)}
        done = subprocess.run(
            [sys.executable, "-m", "index.isolated", str(job)],
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
        )
        try:
            kind, value = pickle.loads(job.read_bytes())
        except (OSError, EOFError, pickle.UnpicklingError, TypeError, ValueError):
            kind, value = None, None
    if kind == "ok" and isinstance(value, ChildRun):
        return value
    if kind == "error" and isinstance(value, CitebotError):
        raise value
    tail = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
    log.error("the indexing process failed: %s", "\n".join(done.stderr.splitlines()[-20:]))
    raise StoreError(f"the indexing process died before it finished ({tail[0]})")


def _child(job: Path) -> None:
    from .indexer import run_index

    settings = pickle.loads(job.read_bytes())
    try:
        result: tuple[str, object] = ("ok", ChildRun(run_index(settings), os.getpid()))
    except CitebotError as exc:
        result = ("error", exc)
    job.write_bytes(pickle.dumps(result))


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # Through the module's real name, so what is pickled is `index.isolated.ChildRun`,
    # which the parent can load (this file runs as `__main__` here).
    from index.isolated import _child as child

    child(Path(sys.argv[1]))

"""Indexing progress on stderr: a live line with rate and ETA in a terminal, a summary when
the embedding is done, nothing in between when stderr is a pipe or a log file."""

from __future__ import annotations

import time
from dataclasses import dataclass
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Texts (chunks and sentences) embedded per second, over rich's window of recent updates."""

    def render(self, task: Task) -> Text:
        speed = task.speed
        return Text(f"{speed:.0f} texts/s" if speed else "", style="progress.data.speed")


@dataclass
class Embedded:
    texts: int = 0  # chunks and sentences
    seconds: float = 0.0

    def summary(self) -> str:
        rate = self.texts / self.seconds if self.seconds > 0 else 0.0
        return (
            f"embedded {self.texts} texts in {self.seconds:.1f} s ({rate:.0f} texts/s, "
            "model loading included)"
        )


class IndexProgress:
    """The `progress(done, total)` callback of `run_index`, as a context manager.

    The indexer reports (0, total) before it loads the model and then after each batch: the
    first report names the wait that follows ("loading the model…"), the next ones move the
    bar. No report at all means nothing needed embedding, and nothing is shown.
    """

    def __init__(self, console: Console, enabled: bool = True) -> None:
        self.live = enabled and console.is_terminal
        self.result = Embedded()
        self._started: float | None = None
        self._bar = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            console=console,
            transient=True,  # the summary line replaces it
            disable=not self.live,
        )
        self._task = self._bar.add_task("reading the corpus…", total=None, start=False)

    def __enter__(self) -> IndexProgress:
        self._bar.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._bar.stop()
        if self._started is not None:
            self.result.seconds = time.perf_counter() - self._started

    @property
    def embedded(self) -> bool:
        return self.result.texts > 0

    def __call__(self, done: int, total: int) -> None:
        if total <= 0:
            return
        if self._started is None:
            self._started = time.perf_counter()
            self._bar.start_task(self._task)
        what = "embedding" if done > 0 else "loading the model…"
        self.result.texts = done
        # Drawn at once when it says something new: the bar's own refresh (10 a second)
        # misses a model that loads within 0.1 s, and the line would never say why it waits.
        fresh = what != self._bar.tasks[0].description
        self._bar.update(self._task, description=what, completed=done, total=total, refresh=fresh)

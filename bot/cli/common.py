"""What the CLI commands share: settings, consoles, indexing with progress, the engine."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from index.shared.errors import IndexMissing

if TYPE_CHECKING:
    from rich.console import Console

    from bot.engine import Engine
    from index.indexer import IndexReport
    from index.shared.settings import Settings

# Filters shared by ask and timeline; applied as a mask in the store query (bot/filters.py).
SinceOpt = Annotated[
    str | None,
    typer.Option(help="Only articles dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD)."),
]
UntilOpt = Annotated[
    str | None,
    typer.Option(help="Only articles dated on or before this (YYYY, YYYY-MM or YYYY-MM-DD)."),
]
OutletOpt = Annotated[
    str | None,
    typer.Option(
        help="Only articles from this outlet (case-insensitive, part of the name is enough)."
    ),
]


def load_settings() -> Settings:
    from index.shared.settings import get_settings

    return get_settings()


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def index_with_progress(
    settings: Settings, corpus: Path | None, rebuild: bool, quiet: bool = False
) -> IndexReport:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from index.indexer import run_index

    err = console(stderr=True)
    with Progress(
        TextColumn("embedding"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
        # Off when stderr is a pipe or log: the bar would leave a blank line before an error.
        disable=quiet or not err.is_terminal,
    ) as bar:
        task = bar.add_task("embed", total=None)
        report = run_index(
            settings,
            corpus,
            rebuild=rebuild,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    for message in report.skipped:
        err.print(f"[yellow]warning:[/yellow] {message}", highlight=False)
    return report


def load_engine(settings: Settings) -> Engine:
    from bot.engine import Engine

    try:
        return Engine(settings)
    except IndexMissing:
        from index.indexer import preflight

        preflight(settings)  # a bad corpus or data dir is one error line, not a notice too
        console(stderr=True).print(f"No index yet: indexing {settings.corpus} first…")
        index_with_progress(settings, None, rebuild=False)
        return Engine(settings)

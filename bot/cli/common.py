"""What the CLI commands share: settings, consoles, indexing with progress, the engine."""

from __future__ import annotations

import gc
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli import logs
from index.shared.errors import IndexMissing

if TYPE_CHECKING:
    from rich.console import Console

    from bot.engine import Engine
    from index.indexer import IndexReport
    from index.shared.settings import Settings

log = logging.getLogger("citebot.cli")

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
    import difflib
    import os

    from index.shared.settings import get_settings, unknown_settings, user_config_file

    settings = get_settings()
    known = [f"CITEBOT_{name.upper()}" for name in type(settings).model_fields]
    for name in unknown_settings(os.environ):
        close = difflib.get_close_matches(name, known, n=1)
        log.warning(
            "unknown setting %s, ignored%s", name, f" (did you mean {close[0]}?)" if close else ""
        )
    # -v: where this run reads and writes, the first thing to check from another directory.
    log.info(
        "home %s, corpus %s, config file %s",
        Path(settings.home).resolve(),
        Path(settings.corpus).resolve(),
        user_config_file(),
    )
    return settings


# Piped or redirected output is not wrapped: a paragraph stays one line and a URL stays
# whole (rich would otherwise wrap at 80 columns); tables take the width of their content.
PIPE_WIDTH = 100_000


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    out = Console(stderr=stderr, highlight=False)
    if out.is_terminal:
        return out
    return Console(stderr=stderr, highlight=False, width=PIPE_WIDTH, soft_wrap=True)


def notice(text: str) -> None:
    """A line about what citebot is doing (not a result): stderr, silenced by -q."""
    if not logs.quiet():
        console(stderr=True).print(text, highlight=False, markup=False)


def index_with_progress(settings: Settings, corpus: Path | None, rebuild: bool) -> IndexReport:
    from bot.cli.progress import IndexProgress
    from index.indexer import run_index

    collector_on()  # an index run makes garbage (the first question's too)
    err = console(stderr=True)
    with IndexProgress(err, enabled=not logs.quiet()) as progress:
        report = run_index(settings, corpus, rebuild=rebuild, progress=progress)
    for message in report.skipped:
        log.warning("%s", message)
    if progress.embedded:
        notice(progress.result.summary())
        _encode_article_words(settings)
    return report


def _encode_article_words(settings: Settings) -> None:
    """The articles' new words get their single-word vectors now, not in the first answer
    whose question needs them (bot/core/expansion.py)."""
    from bot.core.expansion import build_expander
    from index.encoder import OnnxEncoder
    from index.replica import open_snapshot

    encoder = OnnxEncoder(settings.onnx_path, settings.model_dir)
    build_expander(open_snapshot(settings), encoder, settings.word_vectors_path).prepare()
    _keep_word_tables(settings)


def _keep_word_tables(settings: Settings) -> None:
    """The word list's and the model's word tables, made now and kept in the home's model
    folder (bot/core/kept_tables.py) instead of at every process's first answer."""
    from bot.core import word_vectors
    from bot.core.kept_tables import keep_in
    from bot.core.spelling import english

    keep_in(settings.onnx_path.parent)
    english()
    word_vectors.prepare()


# The commands that load the engine; `citebot` turns the garbage collector on for the
# others before they run, and for these once the engine is loaded (bot/cli/app.py main).
ENGINE_COMMANDS = frozenset({"ask", "timeline", "chat", "eval", "discord"})


def collector_on() -> None:
    """Everything built so far lives as long as the process: later passes skip it."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def load_engine(settings: Settings) -> Engine:
    try:
        return _load_engine(settings)
    finally:
        collector_on()


def _load_engine(settings: Settings) -> Engine:
    from bot.engine import Engine

    try:
        engine = Engine(settings)
    except IndexMissing:
        from index.indexer import corpus_files, preflight

        # The corpus first: a mistyped folder must not leave an empty data directory behind.
        corpus_files(settings.corpus)
        preflight(settings)  # a bad corpus or data dir is one error line, not a notice too
        notice(f"No index yet: indexing {settings.corpus} first…")
        index_with_progress(settings, None, rebuild=False)
        return Engine(settings)
    # A replica (Chroma server, no corpus of its own) is kept current by the server instead.
    if not Path(settings.corpus).is_dir() and not settings.chroma_url:
        snap = engine.snapshot
        built = time.strftime("%Y-%m-%d %H:%M", time.localtime(snap.created))
        log.warning(
            "the corpus folder %s is missing: answering from the index built %s (%d articles)",
            settings.corpus,
            built,
            len(snap.articles),
        )
    return engine

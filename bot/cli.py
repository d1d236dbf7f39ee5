"""`citebot`: index the corpus, ask, chat, list sources, evaluate. Heavy imports are lazy."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from index.errors import CitebotError, IndexMissing

if TYPE_CHECKING:
    from rich.console import Console

    from index.config import Settings
    from index.indexer import IndexReport

    from .answer import Engine

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

app = typer.Typer(
    help="citebot answers questions from news articles with verbatim, cited passages. Offline.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _settings() -> Settings:
    from index.config import get_settings

    return get_settings()


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def _index(
    settings: Settings, corpus: Path | None, rebuild: bool, quiet: bool = False
) -> IndexReport:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from index.indexer import run_index

    err = _console(stderr=True)
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


def _engine(settings: Settings) -> Engine:
    from .answer import Engine

    try:
        return Engine(settings)
    except IndexMissing:
        from index.indexer import preflight

        preflight(settings)  # a bad corpus or data dir is one error line, not a notice too
        _console(stderr=True).print(f"No index yet: indexing {settings.corpus} first…")
        _index(settings, None, rebuild=False)
        return Engine(settings)


@app.command()
def index(
    corpus: Annotated[
        Path | None,
        typer.Option(
            help="Directory of .txt/.md/.html articles [default: corpus/ or CITEBOT_CORPUS]"
        ),
    ] = None,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Drop the index and start over.")
    ] = False,
) -> None:
    """Index the corpus incrementally: only new or edited articles are embedded."""
    report = _index(_settings(), corpus, rebuild)
    print(
        f"{report.articles} articles, {report.chunks} chunks: "
        f"{len(report.added)} added, {len(report.updated)} updated, {len(report.deleted)} deleted, "
        f"{report.unchanged} unchanged; {report.embeddings} embeddings computed"
    )


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, in quotes.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
    k: Annotated[
        int, typer.Option("-k", min=1, max=10, help="At most this many cited sentences.")
    ] = 3,
    since: SinceOpt = None,
    until: UntilOpt = None,
    outlet: OutletOpt = None,
) -> None:
    """Answer one question with cited passages (builds the index first if there is none)."""
    from .filters import Filters
    from .questions import clean_question

    settings = _settings()
    clean_question(question, settings.max_question_chars)  # fail fast, before loading anything
    filters = Filters.parse(since, until, outlet)
    engine = _engine(settings)
    answer = engine.answer(question, k=k, mask=filters.mask(engine.snapshot))
    if as_json:
        print(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
    else:
        from .render import render_answer

        render_answer(_console(), answer)


@app.command()
def timeline(
    topic: Annotated[str, typer.Argument(help="What to follow, e.g. Wyoming or divorce.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the entries as JSON.")] = False,
    since: SinceOpt = None,
    until: UntilOpt = None,
    outlet: OutletOpt = None,
) -> None:
    """List the passages about a topic in date order: date, outlet, short quote."""
    from dataclasses import asdict

    from .questions import clean_question
    from .timeline import timeline as build_timeline

    settings = _settings()
    clean_question(topic, settings.max_question_chars)
    entries = build_timeline(_engine(settings), topic, since, until, outlet)
    if as_json:
        print(json.dumps([asdict(e) for e in entries], ensure_ascii=False, indent=2))
    else:
        from .render import render_timeline

        render_timeline(_console(), topic, entries)


@app.command()
def chat() -> None:
    """Ask questions interactively. /sources lists the articles, /quit (or Ctrl-D) leaves."""
    from .render import render_answer, render_sources

    console = _console()
    engine = _engine(_settings())
    console.print("[bold]citebot[/bold] — ask about the articles. /sources, /help, /quit")
    while True:
        try:
            line = console.input("[bold green]?[/bold green] ").strip()
        except (EOFError, KeyboardInterrupt):
            console.print()
            return
        if not line:
            continue
        if line in ("/quit", "/exit", "/q"):
            return
        if line == "/sources":
            render_sources(console, engine.snapshot.articles)
            continue
        if line == "/help":
            console.print("Type a question. /sources lists the articles; /quit or Ctrl-D leaves.")
            continue
        try:
            engine.reload_if_changed()
            render_answer(console, engine.answer(line))
        except CitebotError as exc:
            console.print(f"[red]{exc}[/red]")


@app.command()
def sources() -> None:
    """List the indexed articles: title, outlet, date, chunk count."""
    from index.snapshot import load_snapshot

    from .render import render_sources

    render_sources(_console(), load_snapshot(_settings().snapshots_dir).articles)


@app.command("eval")
def evaluate(
    file: Annotated[Path, typer.Argument(help="JSON-lines question file (q, doc, expect).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print results as JSON.")] = False,
) -> None:
    """Score a question file: hit@3 for answerable questions, refusals for the rest."""
    from .evaluate import load_cases, run_eval
    from .render import render_eval

    cases = load_cases(file)
    report = run_eval(_engine(_settings()), cases)
    if as_json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        render_eval(_console(), report)


@app.command("discord")
def discord_bot(
    message_content: Annotated[
        bool,
        typer.Option(
            "--message-content",
            help="Request the privileged Message Content intent (enable it in the Developer Portal first): lets replies that do not ping the bot count as follow-ups.",
        ),
    ] = False,
) -> None:
    """Run citebot on Discord. Token from DISCORD_TOKEN (environment or .env)."""
    settings = _settings()
    token = settings.discord_token.get_secret_value().strip() if settings.discord_token else ""
    if not token:
        raise CitebotError(
            "DISCORD_TOKEN is not set: put the bot token in the environment or in .env"
        )
    import discord

    from .discord_app import create_bot

    bot = create_bot(_engine(settings), settings, message_content=message_content)
    logging.getLogger("citebot").setLevel(logging.INFO)
    try:
        # log_handler=None: keep our logging setup; discord.py never logs the token itself.
        bot.run(token, log_handler=None)
    except discord.LoginFailure:
        raise CitebotError(
            "Discord rejected DISCORD_TOKEN: check the bot token in the Developer Portal"
        ) from None
    except (discord.GatewayNotFound, OSError) as exc:  # aiohttp's connection errors are OSErrors
        raise CitebotError(f"cannot reach Discord ({type(exc).__name__})") from None
    except discord.PrivilegedIntentsRequired:
        raise CitebotError(
            "--message-content needs the Message Content intent enabled for the bot in the Developer Portal"
        ) from None


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # On the handler, not the logger: bm25s sets its own logger to DEBUG when it is imported
    # (lazily, after this line), which leaked "DEBUG bm25s: Building index…" onto stderr.
    for handler in logging.getLogger().handlers:
        handler.setLevel(logging.WARNING)
    try:
        from typer._click import exceptions as click_errors  # typer >= 0.2x vendors click
    except ImportError:  # older typer runs on click itself
        from click import exceptions as click_errors  # type: ignore[no-redef]

    try:
        # standalone_mode=False: usage errors come here as exceptions instead of a boxed panel.
        code = app(standalone_mode=False)
    except CitebotError as exc:
        print(f"citebot: error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except click_errors.NoArgsIsHelpError as exc:
        sys.exit(exc.exit_code)  # bare `citebot`: typer has already printed the help
    except click_errors.ClickException as exc:
        # A bad option or a missing argument: one line, like every other bad input.
        message = " ".join(exc.format_message().split())
        ctx = getattr(exc, "ctx", None)
        where = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
        print(f"citebot: error: {message}{where}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()

"""The commands that read or build the index: index, ask, timeline, chat, sources, eval.
Each parses its options, calls the indexer or the engine, and renders; heavy imports are lazy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from bot.cli.common import (
    OutletOpt,
    SinceOpt,
    UntilOpt,
    console,
    index_with_progress,
    load_engine,
    load_settings,
)
from bot.cli.sources import sources  # noqa: F401 - registered by bot/cli/app.py


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
    report = index_with_progress(load_settings(), corpus, rebuild)
    print(
        f"{report.articles} articles, {report.chunks} chunks: "
        f"{len(report.added)} added, {len(report.updated)} updated, {len(report.deleted)} deleted, "
        f"{report.unchanged} unchanged; {report.embeddings} embeddings computed"
    )


def ask(
    question: Annotated[str, typer.Argument(help="The question, in quotes.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
    k: Annotated[
        int | None,
        typer.Option(
            "-k",
            min=1,
            max=10,
            help="At most this many cited sentences [default: CITEBOT_TOP_K, else 3].",
            show_default=False,
        ),
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    outlet: OutletOpt = None,
) -> None:
    """Answer one question with cited passages (builds the index first if there is none)."""
    from bot.core.questions import clean_question
    from bot.newsdesk.filters import Filters

    settings = load_settings()
    clean_question(question, settings.max_question_chars)  # fail fast, before loading anything
    filters = Filters.parse(since, until, outlet)
    engine = load_engine(settings)
    answer = engine.answer(question, k=k, mask=filters.mask(engine.snapshot))
    if as_json:
        print(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
    else:
        from bot.cli.render import render_answer

        render_answer(console(), answer)


def timeline(
    topic: Annotated[str, typer.Argument(help="What to follow: a name, a place, a word.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the entries as JSON.")] = False,
    since: SinceOpt = None,
    until: UntilOpt = None,
    outlet: OutletOpt = None,
) -> None:
    """List the passages about a topic in date order: date, outlet, short quote."""
    from dataclasses import asdict

    from bot.core.questions import clean_question
    from bot.newsdesk.timeline import timeline as build_timeline

    settings = load_settings()
    clean_question(topic, settings.max_question_chars)
    entries = build_timeline(
        load_engine(settings).reader, topic, since, until, outlet,
        max_chars=settings.max_question_chars,
    )  # fmt: skip
    if as_json:
        print(json.dumps([asdict(e) for e in entries], ensure_ascii=False, indent=2))
    else:
        from bot.cli.render import render_timeline

        render_timeline(console(), topic, entries)


def chat() -> None:
    """Ask questions interactively, with follow-ups; /help lists the commands."""
    import sys

    from bot.cli.chat import LineReader, run_chat
    from bot.cli.render import render_sources

    out = console()
    settings = load_settings()
    engine = load_engine(settings)
    reader = LineReader(Path(settings.home) / "chat_history", interactive=sys.stdin.isatty())
    run_chat(out, engine, reader, lambda: render_sources(out, engine.snapshot.articles))


def evaluate(
    file: Annotated[Path, typer.Argument(help="JSON-lines question file (q, doc, expect).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print results as JSON.")] = False,
) -> None:
    """Score a question file: hit@3 for answerable questions, refusals for the rest."""
    from bot.cli.render import render_eval
    from bot.evaluate import load_cases, run_eval

    cases = load_cases(file)
    report = run_eval(load_engine(load_settings()), cases)
    if as_json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        render_eval(console(), report)

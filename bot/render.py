"""Terminal rendering with rich: colour, clickable links, tables."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from index.snapshot import ArticleInfo

from .evaluate import EvalReport
from .models import Answer, Citation

_MARKER = re.compile(r"\[(\d+)\]")


def byline(c: Citation | ArticleInfo) -> str:
    parts = [c.outlet or "unknown outlet", c.date or "undated"]
    return " · ".join(parts)


def render_answer(console: Console, answer: Answer) -> None:
    if not answer.answered:
        console.print(f"[yellow]{escape(answer.text)}[/yellow]")
        return
    body = _MARKER.sub(r"[bold cyan]\\[\1][/bold cyan]", escape(answer.text))
    console.print(body)
    console.print()
    for c in answer.citations:
        title = escape(c.title)
        if c.url:
            title = f"[link={c.url}]{title}[/link]"
        console.print(f"[bold cyan]\\[{c.n}][/bold cyan] [bold]{title}[/bold] [dim]({escape(byline(c))})[/dim]")
        console.print(f"    [italic]“{escape(c.passage)}”[/italic]")
        if c.url:
            console.print(f"    [blue underline][link={c.url}]{escape(c.url)}[/link][/blue underline]")
    console.print(f"[dim]{answer.searched} passages searched in {answer.elapsed_ms:.0f} ms[/dim]")


def render_sources(console: Console, articles: Sequence[ArticleInfo]) -> None:
    table = Table(title=f"{len(articles)} indexed articles")
    for name in ("id", "title", "outlet", "date", "chunks"):
        table.add_column(name, overflow="fold")
    for a in articles:
        title = f"[link={a.url}]{escape(a.title)}[/link]" if a.url else escape(a.title)
        table.add_row(a.id, title, escape(a.outlet or "—"), a.date or "undated", str(a.chunk_count))
    console.print(table)


def render_eval(console: Console, report: EvalReport) -> None:
    table = Table(show_lines=False)
    for name in ("", "kind", "question", "cited"):
        table.add_column(name, overflow="fold")
    for r in report.results:
        mark = "[green]✓[/green]" if r.hit else "[red]✗[/red]"
        kind = "refuse" if r.case.doc is None else "answer"
        cited = ", ".join(r.cited) or ("(refused)" if not r.answered else "")
        table.add_row(mark, kind, escape(r.case.q), escape(cited))
    console.print(table)
    (ah, an), (rh, rn) = report.answerable, report.refused
    console.print(f"hit@3 {ah}/{an} answerable · refused {rh}/{rn} out-of-corpus")

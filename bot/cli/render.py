"""Terminal rendering with rich: colour, clickable links, tables."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.markup import escape

from bot.core.compose import CLOSEST
from bot.core.models import Answer, byline
from bot.newsdesk.dates import article_date

# Types only: a cold `ask` imports neither the evaluator nor rich's tables.
if TYPE_CHECKING:
    from rich.console import Console

    from bot.evaluate import EvalReport
    from bot.newsdesk.timeline import TimelineEntry
    from index.shared.article import Article

_MARKER = re.compile(r"\[(\d+)\]")


def render_answer(console: Console, answer: Answer) -> None:
    if not answer.answered:
        console.print(f"[yellow]{escape(answer.text)}[/yellow]")
        if answer.closest:
            console.print(f"[dim]{CLOSEST}[/dim]")
            console.print(f"    [italic]“{escape(answer.closest.passage)}”[/italic]")
        return
    if answer.short_answer:
        console.print(f"[bold]{escape(answer.short_answer.text)}[/bold]")
    if answer.as_of:
        console.print(f"[dim]As of {escape(answer.as_of)}:[/dim]")
    dates = {c.n: c.date_label for c in answer.citations if c.date_label}

    def marker(m: re.Match[str]) -> str:
        # The date inside the brackets ("[2 · 2016?]"): after the bracket it read as the
        # first word of the next sentence, and colour is gone when the output is piped.
        n = int(m.group(1))
        if n not in dates:
            return f"[bold cyan]\\[{n}][/bold cyan]"
        return (
            f"[bold cyan]\\[{n}[/bold cyan][dim] · {escape(dates[n])}[/dim][bold cyan]][/bold cyan]"
        )

    if answer.chronological:
        console.print("[dim]Oldest to newest:[/dim]")
    console.print(_MARKER.sub(marker, escape(answer.text)))
    console.print()
    for c in answer.citations:
        title = escape(c.title)
        if c.url:
            title = f"[link={c.link or c.url}]{title}[/link]"
        console.print(
            f"[bold cyan]\\[{c.n}][/bold cyan] [bold]{title}[/bold] [dim]({escape(byline(c))})[/dim]"
        )
        console.print(f"    [italic]“{escape(c.passage)}”[/italic]")
        if c.attribution:
            console.print(f"    [dim]attributed to {escape(c.attribution)}[/dim]")
        if c.url:
            link = c.link or c.url
            console.print(
                f"    [blue underline][link={link}]{escape(link)}[/link][/blue underline]"
            )
    render_differences(console, answer)
    console.print(f"[dim]{answer.searched} passages searched in {answer.elapsed_ms:.0f} ms[/dim]")


def render_differences(console: Console, answer: Answer) -> None:
    """Contradicting passages side by side, each with its outlet and date."""
    by_n = {c.n: c for c in answer.citations}
    for d in answer.differences:
        console.print()
        console.print(
            f"[bold yellow]Sources differ[/bold yellow] [dim](on {escape(d.about)})[/dim]"
        )
        for n, quote in ((d.first, d.first_quote), (d.second, d.second_quote)):
            c = by_n[n]
            console.print(
                f"  [bold cyan]\\[{n}][/bold cyan] [dim]{escape(byline(c))}[/dim] [italic]“{escape(quote or c.passage)}”[/italic]"
            )


def render_timeline(console: Console, topic: str, entries: Sequence[TimelineEntry]) -> None:
    if not entries:
        console.print(f"[yellow]No dated passages about “{escape(topic)}”.[/yellow]")
        return
    console.print(f"[bold]Timeline: {escape(topic)}[/bold]")
    for e in entries:
        outlet = escape(e.outlet or "unknown outlet")
        quote = escape(e.quote)
        if e.link:
            quote = f"[link={e.link}]{quote}[/link]"
        console.print(f"  [bold]{escape(e.date_label):<10}[/bold] [cyan]{outlet}[/cyan] “{quote}”")


def render_sources(console: Console, articles: Sequence[Article]) -> None:
    from rich.table import Table

    table = Table(title=f"{len(articles)} indexed articles")
    for name in ("id", "title", "outlet", "date", "chunks"):
        table.add_column(name, overflow="fold")
    for a in articles:
        title = f"[link={a.url}]{escape(a.title)}[/link]" if a.url else escape(a.title)
        table.add_row(
            a.id, title, escape(a.outlet or "—"), article_date(a).label, str(a.chunk_count)
        )
    console.print(table)


def render_eval(console: Console, report: EvalReport) -> None:
    from rich.table import Table

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
    (fh, _), (sh, _) = report.first_sentence, report.short_right
    console.print(
        f"expected phrase in the first sentence {fh}/{an} · short answers right {sh}/{an}"
        f" ({report.short_shown} shown)"
        f" · mean answer {report.mean_answer_chars:.0f} characters"
    )

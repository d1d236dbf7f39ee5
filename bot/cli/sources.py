"""`citebot sources [ID] [--json]`: what was read from each article, so an operator can check.

The list gives every indexed article's metadata; one article's view adds the lines that
cleaning took out of its file, each with the reason (navigation, byline, teaser, …), read
from the file as it is now with the same rules the indexer uses.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from bot.cli.common import console, load_settings
from bot.newsdesk.dates import article_date
from index.shared.article import Article
from index.shared.errors import BadQuestion, CitebotError

# rich is imported where a table is drawn: every command's start-up loads this module.


def sources(
    article_id: Annotated[
        str | None,
        typer.Argument(help="One article's id: its metadata and the lines cleaning dropped."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """List the indexed articles (title, outlet, date, author, chunks), or show one."""
    from index.snapshot import load_snapshot

    settings = load_settings()
    snap = load_snapshot(settings.snapshots_dir)
    if article_id is None:
        rows = [source_json(a) for a in snap.articles]
        if as_json:
            print(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            _render_list(rows)
        return
    found = snap.article_index.get(article_id)  # ids from the catalog, no metadata parsed
    if found is None:
        raise BadQuestion(f"no indexed article has the id {article_id!r} (see `citebot sources`)")
    article = snap.articles[found]
    row = {**source_json(article), "dropped": dropped_lines(article, settings.corpus)}
    if as_json:
        print(json.dumps(row, ensure_ascii=False, indent=2))
    else:
        _render_one(row)


def source_json(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "outlet": a.outlet,
        "date": a.date,
        "date_label": article_date(a).label,
        "author": a.author,
        "url": a.url,
        "language": a.language,
        "chunks": a.chunk_count,
        "path": a.path,
    }


def dropped_lines(a: Article, corpus: Path) -> list[dict[str, str]] | None:
    """The file's dropped lines as reading sees them now; None when it cannot be read."""
    from index.articles import find_article_files, read_article, shared_lines

    path = Path(a.path)
    try:
        files = find_article_files(corpus) if corpus.is_dir() else [path]
        fresh = read_article(path, shared_lines(files))
    except CitebotError:
        return None
    return [{"line": line, "reason": reason} for line, reason in fresh.dropped]


def _render_list(rows: list[dict[str, Any]]) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"{len(rows)} indexed articles")
    for name in ("id", "title", "outlet", "date", "author", "chunks"):
        table.add_column(name, overflow="fold")
    for r in rows:
        title = escape(r["title"])
        if r["url"]:
            title = f"[link={r['url']}]{title}[/link]"
        table.add_row(
            r["id"], title, escape(r["outlet"] or "—"), r["date_label"],
            escape(r["author"] or "—"), str(r["chunks"]),
        )  # fmt: skip
    console().print(table)


def _render_one(row: dict[str, Any]) -> None:
    from rich.markup import escape

    out = console()
    out.print(f"[bold]{escape(row['title'])}[/bold]  ({escape(row['id'])})")
    for key in ("outlet", "date_label", "author", "url", "language", "chunks", "path"):
        out.print(f"  {key:<10} {escape(str(row[key] if row[key] is not None else '—'))}")
    if row["dropped"] is None:
        out.print("[yellow]The file can no longer be read: dropped lines unknown.[/yellow]")
        return
    out.print(f"[bold]{len(row['dropped'])} lines dropped by cleaning[/bold]")
    for d in row["dropped"]:
        out.print(f"  [dim]{escape(d['reason']):<24}[/dim] {escape(d['line'])}")

"""`citebot add` and `citebot feeds`: bring articles in from the web, then index them.

Each URL or feed item that is not an article gets one line naming it and the reason;
nothing is written for it. The index is updated once, at the end, when an article was
saved; a feed poll that brings nothing new neither writes nor indexes anything.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.common import console, index_with_progress, load_settings
from index.shared.errors import CitebotError, FetchError, IndexBusy

if TYPE_CHECKING:
    from index.feeds import FeedResult
    from index.ingest import Saved
    from index.shared.settings import Settings

feeds_app = typer.Typer(
    help="Follow RSS and Atom feeds: new items are fetched and indexed by `feeds poll`.",
    no_args_is_help=True,
)


def _warn(message: str) -> None:
    console(stderr=True).print(f"[yellow]warning:[/yellow] {message}", highlight=False)


def _error(message: str) -> None:
    print(f"citebot: error: {message}", file=sys.stderr)


def describe(saved: Saved) -> str:
    art = saved.article
    where = ", ".join(x for x in (art.outlet, art.date) if x)
    label = {
        "added": "added",
        "updated": "updated",
        "unchanged": "unchanged",
        "duplicate": f"already in the corpus as {saved.article_id}:",
    }[saved.status]
    return f"{label} {art.title}" + (f" ({where})" if where else "") + f" -> {saved.path.name}"


def _index_saved(settings: Settings, saved: list[Saved]) -> None:
    """Index when an article was saved, even an unchanged one: an earlier run may have
    written it and then failed to index (busy, interrupted). With nothing new the indexer
    only compares file hashes with the published snapshot and embeds nothing."""
    if not saved:
        return
    try:
        report = index_with_progress(settings, None, False)
    except IndexBusy as exc:
        raise IndexBusy(
            f"{exc}; the articles are saved and `citebot index` will index them"
        ) from exc
    print(
        f"indexed: {len(report.added)} added, {len(report.updated)} updated; "
        f"{report.embeddings} embeddings computed"
    )


def add(
    urls: Annotated[list[str], typer.Argument(help="Article URLs (http or https).")],
) -> None:
    """Fetch news articles from their links, save them as Markdown in the corpus, index them."""
    from index.fetch import Fetcher, policy_from
    from index.ingest import fetch_article

    settings = load_settings()
    saved: list[Saved] = []
    failed = 0
    with Fetcher(policy_from(settings)) as fetcher:
        for url in urls:
            try:
                result = fetch_article(fetcher, settings.corpus, url)
            except FetchError as exc:
                _error(str(exc))
                failed += 1
                continue
            saved.append(result)
            print(describe(result))
    _index_saved(settings, saved)
    if failed:
        raise typer.Exit(2)


@feeds_app.command("add")
def feeds_add(
    url: Annotated[str, typer.Argument(help="A feed URL, or a site page that links to its feed.")],
) -> None:
    """Follow a feed (found from the site's page when it is not a feed itself)."""
    from index.feeds import FeedStore, add_feed
    from index.fetch import Fetcher, policy_from

    settings = load_settings()
    with Fetcher(policy_from(settings)) as fetcher:
        feed, new = add_feed(FeedStore(settings.feeds_path), fetcher, url)
    title = f" ({feed.title})" if feed.title else ""
    print(("following " if new else "already following ") + feed.url + title)


@feeds_app.command("list")
def feeds_list() -> None:
    """The feeds followed, with when each was last polled."""
    from index.feeds import FeedStore

    feeds = FeedStore(load_settings().feeds_path).load()
    if not feeds:
        print("no feeds yet: add one with `citebot feeds add URL`")
    for feed in feeds:
        polled = f"last polled {feed.last_poll}" if feed.last_poll else "never polled"
        title = f"  {feed.title}" if feed.title else ""
        print(f"{feed.url}{title}  ({polled}, {len(feed.seen)} items known)")


@feeds_app.command("remove")
def feeds_remove(
    url: Annotated[str, typer.Argument(help="The feed URL, as `feeds list` shows it.")],
) -> None:
    """Stop following a feed (articles already in the corpus stay)."""
    from index.feeds import FeedStore, remove_feed

    if remove_feed(FeedStore(load_settings().feeds_path), url) is None:
        raise FetchError(f"{url}: not a followed feed (see `citebot feeds list`)")
    print(f"stopped following {url}")


def _report(result: FeedResult) -> None:
    for message in result.warnings:
        _warn(message)
    for saved in result.saved:
        print(describe(saved))
    if result.not_modified:
        print(f"{result.feed}: not modified")
    elif not result.saved:
        print(f"{result.feed}: nothing new")


def _poll_once(settings: Settings) -> None:
    from index.feeds import FeedStore, poll_all
    from index.fetch import Fetcher, policy_from

    store = FeedStore(settings.feeds_path)
    if not store.load():
        print("no feeds yet: add one with `citebot feeds add URL`")
        return
    with Fetcher(policy_from(settings)) as fetcher:
        results = poll_all(fetcher, store, settings.corpus, on_result=_report)
    _index_saved(settings, [s for r in results for s in r.saved])


@feeds_app.command("poll")
def feeds_poll(
    every: Annotated[
        str | None,
        typer.Option(help="Poll again at this interval until stopped, e.g. 30m, 2h, 90s."),
    ] = None,
) -> None:
    """Fetch and index what is new in every followed feed (a second poll adds nothing)."""
    from index.shared.settings import parse_duration

    try:
        interval = parse_duration(every) if every else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--every") from exc
    settings = load_settings()
    while True:
        started = time.monotonic()
        try:
            _poll_once(settings)
        except CitebotError as exc:
            if interval is None:
                raise
            _error(str(exc))  # a schedule outlives one bad round (index busy, disk full)
        if interval is None:
            return
        next_round = time.strftime("%H:%M:%S", time.localtime(started + interval))
        print(f"next poll at {next_round} (Ctrl-C stops)", flush=True)
        time.sleep(max(0.0, interval - (time.monotonic() - started)))


def register(app: typer.Typer) -> None:
    app.command("add")(add)
    app.add_typer(feeds_app, name="feeds")

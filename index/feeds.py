"""Following RSS and Atom feeds: the list of feeds, what each has already given us, polling.

State lives in one JSON file in CITEBOT_HOME, written atomically after every feed, so a
poll that is stopped half-way loses at most that feed's progress. A poll sends the feed's
ETag and Last-Modified back (a 304 costs nothing), and fetches only the items it has not
seen in that version; a second poll with nothing new fetches, writes and embeds nothing.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .fetch import FEED_TYPES, HTML_TYPES, Fetcher, Page
from .ingest import Saved, fetch_article
from .shared.errors import FetchError
from .urlsafety import parse_url

# Servers label feeds loosely; feedparser decides what is really a feed.
_FEED_OR_PAGE = FEED_TYPES | HTML_TYPES | {"text/plain", "application/octet-stream"}
_MAX_CANDIDATES = 3  # feed links tried from one page before giving up


@dataclass
class Feed:
    url: str
    title: str = ""
    etag: str | None = None
    last_modified: str | None = None
    added: str = ""
    last_poll: str | None = None
    # item key (its id or link) -> the version last handled ("updated" stamp or a hash)
    seen: dict[str, str] = field(default_factory=dict)


@dataclass
class FeedResult:
    feed: str
    saved: list[Saved] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    not_modified: bool = False


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class FeedStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> list[Feed]:
        try:
            raw = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            raise FetchError(f"{self.path}: the feed list cannot be read ({exc})") from exc
        try:
            return [Feed(**item) for item in raw.get("feeds", [])]
        except (TypeError, AttributeError) as exc:
            raise FetchError(f"{self.path}: the feed list is not in citebot's format") from exc

    def update(self, feed: Feed) -> None:
        """Store one feed's new state, keeping whatever else changed the list meanwhile
        (a `feeds add` from another process); a feed removed meanwhile stays removed."""
        feeds = self.load()
        self.save([feed if f.url == feed.url else f for f in feeds])

    def save(self, feeds: list[Feed]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"feeds": [asdict(f) for f in feeds]}, indent=1), "utf-8")
        os.replace(tmp, self.path)


def parse_feed(page: Page) -> Any:
    """feedparser's result for a page, or None when it is not an RSS or Atom feed."""
    import feedparser

    # A stream, never a string: feedparser treats a string as a URL or a file name to open.
    parsed = feedparser.parse(
        io.BytesIO(page.body),
        response_headers={
            "content-location": page.final_url,
            "content-type": page.content_type or "application/xml",
        },
    )
    if not parsed.get("version") and not parsed.entries:
        return None
    return parsed


def discover(fetcher: Fetcher, url: str) -> tuple[str, str]:
    """(feed URL, feed title) for a feed URL or a page that links to its feed."""
    from trafilatura.feeds import FeedParameters, determine_feed

    page = fetcher.get(url, _FEED_OR_PAGE)
    parsed = parse_feed(page)
    if parsed is not None:
        return page.final_url, str(parsed.feed.get("title", ""))
    split = parse_url(page.final_url)
    base = f"{split.scheme}://{split.netloc.decode('ascii')}"
    html = page.body.decode(page.charset or "utf-8", "replace")
    candidates = determine_feed(html, FeedParameters(base, split.host, page.final_url))
    for candidate in candidates[:_MAX_CANDIDATES]:
        try:
            feed_page = fetcher.get(candidate, _FEED_OR_PAGE)
        except FetchError:
            continue
        parsed = parse_feed(feed_page)
        if parsed is not None:
            return feed_page.final_url, str(parsed.feed.get("title", ""))
    raise FetchError(f"{url}: no RSS or Atom feed found there")


def add_feed(store: FeedStore, fetcher: Fetcher, url: str) -> tuple[Feed, bool]:
    """(the feed, whether it is new). The feed is checked before it is recorded."""
    feed_url, title = discover(fetcher, url)
    feeds = store.load()
    for feed in feeds:
        if feed.url == feed_url:
            return feed, False
    feed = Feed(url=feed_url, title=title, added=_now())
    store.save([*feeds, feed])
    return feed, True


def remove_feed(store: FeedStore, url: str) -> Feed | None:
    feeds = store.load()
    keep = [f for f in feeds if f.url != url.strip()]
    if len(keep) == len(feeds):
        return None
    store.save(keep)
    return next(f for f in feeds if f.url == url.strip())


def _item(entry: Any) -> tuple[str, str, str] | None:
    """(key, version, link) of a feed entry; None for an entry without a link."""

    # Plain dict reads: feedparser's own lookups map missing keys to others with a warning.
    def get(name: str) -> str:
        return str(dict.get(entry, name) or "").strip()

    link = get("link")
    if not link:
        return None
    key = get("id") or link
    stamp = get("updated") or get("published")
    if not stamp:
        # No date to compare: the entry's own text stands for its version.
        stamp = hashlib.sha256(f"{get('title')}\n{get('summary')}".encode()).hexdigest()[:16]
    return key, str(stamp), link


def poll_feed(fetcher: Fetcher, corpus: Path, feed: Feed) -> FeedResult:
    """Fetch what is new in `feed` into `corpus`; `feed` is updated in place."""
    result = FeedResult(feed.url)
    page = fetcher.get(feed.url, _FEED_OR_PAGE, feed.etag, feed.last_modified)
    feed.last_poll = _now()
    if page.not_modified:
        result.not_modified = True
        return result
    parsed = parse_feed(page)
    if parsed is None:
        raise FetchError(f"{feed.url}: not an RSS or Atom feed any more")
    feed.etag, feed.last_modified = page.etag, page.last_modified
    feed.title = str(parsed.feed.get("title", "")) or feed.title
    current: dict[str, str] = {}
    # Feeds list the newest first; taking the oldest first keeps announcements in order.
    for entry in reversed(parsed.entries):
        item = _item(entry)
        if item is None:
            continue
        key, version, link = item
        current[key] = version
        if feed.seen.get(key) == version:
            continue
        try:
            result.saved.append(fetch_article(fetcher, corpus, link))
        except FetchError as exc:
            result.warnings.append(str(exc))
            if exc.transient:
                current[key] = feed.seen.get(key, "")  # try again next poll
                continue
    # Items that left the feed are forgotten; should one come back, the corpus check in
    # save() still keeps it from being written twice.
    feed.seen = {k: v for k, v in current.items() if v}
    return result


def poll_all(
    fetcher: Fetcher,
    store: FeedStore,
    corpus: Path,
    on_result: Callable[[FeedResult], None] | None = None,
) -> list[FeedResult]:
    feeds = store.load()
    results = []
    for feed in feeds:
        try:
            result = poll_feed(fetcher, corpus, feed)
        except FetchError as exc:
            result = FeedResult(feed.url, warnings=[str(exc)])
        store.update(feed)
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results

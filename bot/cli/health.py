"""`citebot health`: can this home answer questions? It reads files only (the published
index, the query model's file, the feed state) and loads no model, so a container or a
monitor can run it every minute.

Exit status 0 when every check passes, 1 when one fails: Docker's HEALTHCHECK reads 1 as
"unhealthy" (and reserves 2), so a bad setting is a failed check here, not exit 2.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from index.shared.errors import CitebotError

if TYPE_CHECKING:  # pydantic is imported only when a command runs: -h and Tab stay fast
    from index.shared.settings import Settings

MISSED_POLLS = 3


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


@dataclass
class Health:
    checks: list[Check] = field(default_factory=list)
    generation: str | None = None
    articles: int | None = None
    chunks: int | None = None
    indexed_at: float | None = None
    feeds: int = 0
    last_feed_poll: float | None = None

    @property
    def healthy(self) -> bool:
        return all(c.ok for c in self.checks)

    def add(self, name: str, ok: bool, detail: str) -> None:
        self.checks.append(Check(name, ok, detail))

    def to_json(self) -> dict[str, Any]:
        return {"healthy": self.healthy, **asdict(self)}


def span(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{seconds / size:.0f} {unit}"
    return f"{max(0.0, seconds):.0f} s"


def ago(then: float, now: float) -> str:
    return f"{span(now - then)} ago"


def feeds_deadline(settings: Settings, within: str | None) -> float | None:
    """How old the last feed poll may be: --feeds-within, else three polling periods of a
    bot that polls by itself (CITEBOT_FEEDS_EVERY: a slow or failed poll is no alarm yet)."""
    from index.shared.settings import parse_duration

    if within is not None:
        try:
            return parse_duration(within)
        except ValueError as exc:
            raise CitebotError(f"--feeds-within {within!r}: {exc}") from None
    if settings.feeds_every:
        return MISSED_POLLS * parse_duration(settings.feeds_every)
    return None


def _index(settings: Settings, health: Health, now: float) -> None:
    from index.snapshot import load_snapshot

    try:
        snap = load_snapshot(settings.snapshots_dir)
    except CitebotError as exc:
        health.add("index", False, str(exc))
        return
    health.generation, health.indexed_at = snap.generation, snap.created
    health.articles, health.chunks = len(snap.articles), snap.chunk_count
    detail = (
        f"generation {snap.generation}: {len(snap.articles)} articles, {snap.chunk_count} chunks, "
        f"built {ago(snap.created, now)}"
    )
    if snap.signature != settings.signature:
        health.add("index", False, f"{detail}; built with other settings: run `citebot index`")
    elif not snap.articles:
        health.add("index", False, f"{detail}; it holds no articles")
    else:
        health.add("index", True, detail)
    model = settings.onnx_path
    health.add(
        "query model",
        model.is_file(),
        str(model) if model.is_file() else f"{model} is missing: run `citebot index --rebuild`",
    )


def _stamp(iso: str) -> float:
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


def _feeds(settings: Settings, health: Health, now: float, within: float | None) -> None:
    path = settings.feeds_path  # written by `citebot feeds` and the bot's polls
    if not path.exists():
        return  # no feeds followed: nothing to check
    try:
        feeds = json.loads(path.read_text("utf-8")).get("feeds", [])
        polls = [_stamp(f["last_poll"]) for f in feeds if f.get("last_poll")]
        added = [_stamp(f["added"]) for f in feeds if f.get("added")]
    except (OSError, ValueError, AttributeError, TypeError, KeyError) as exc:
        health.add("feeds", False, f"{path} cannot be read ({type(exc).__name__})")
        return
    health.feeds = len(feeds)
    if not feeds:
        return
    health.last_feed_poll = max(polls) if polls else None
    if health.last_feed_poll is None:
        since = max(added) if added else now
        detail = f"{len(feeds)} feeds, never polled (added {ago(since, now)})"
        health.add("feeds", within is None or now - since <= within, detail)
        return
    age = now - health.last_feed_poll
    detail = f"{len(feeds)} feeds, last poll {ago(health.last_feed_poll, now)}"
    if within is not None and age > within:
        health.add("feeds", False, f"{detail}: none within {span(within)}")
    else:
        health.add("feeds", True, detail)


def _chroma(settings: Settings, health: Health) -> None:
    if not settings.chroma_url:
        return
    import urllib.request

    url = settings.chroma_url.rstrip("/") + "/api/v2/heartbeat"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=min(settings.chroma_timeout, 10.0)) as resp:
            ok = resp.status == 200
    except OSError as exc:
        health.add("chroma", False, f"{settings.chroma_url} unreachable ({type(exc).__name__})")
        return
    health.add("chroma", ok, settings.chroma_url)


def check(settings: Settings, feeds_within: float | None = None) -> Health:
    now = time.time()
    health = Health()
    _index(settings, health, now)
    corpus = Path(settings.corpus)
    # A note, not a failure: a replica answers from a Chroma server with no corpus of its own.
    health.add(
        "corpus",
        True,
        str(corpus) if corpus.is_dir() else f"{corpus} is missing (answers use the index)",
    )
    _feeds(settings, health, now, feeds_within)
    _chroma(settings, health)
    return health


def health(
    as_json: Annotated[bool, typer.Option("--json", help="Print the checks as JSON.")] = False,
    feeds_within: Annotated[
        str | None,
        typer.Option(
            help="Unhealthy when no feed was polled within this long (e.g. 2h) "
            "[default: 3 x CITEBOT_FEEDS_EVERY, else not checked].",
        ),
    ] = None,
) -> None:
    """Check the index, the query model, the feeds and the Chroma server; exit 1 if unhealthy."""
    from index.shared.settings import get_settings

    try:
        settings = get_settings()
        report = check(settings, feeds_deadline(settings, feeds_within))
    except CitebotError as exc:  # a bad setting: unhealthy, in the same one line
        report = Health()
        report.add("settings", False, str(exc))
    if as_json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        width = max(len(c.name) for c in report.checks)
        for c in report.checks:
            print(f"{c.name:<{width}}  {'ok  ' if c.ok else 'FAIL'}  {c.detail}")
        print("healthy" if report.healthy else "unhealthy")
    if not report.healthy:
        raise typer.Exit(1)

"""Politeness towards the sites citebot fetches from: robots.txt and request pacing.

robots.txt is read once per site (re-read after an hour in a long-running process) and
its crawl-delay raises the pause between two requests to that host. A robots.txt that
cannot be read because of a timeout or a server error means "everything disallowed"
(RFC 9309) until it is retried a few minutes later; a missing one (4xx) means no rules.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.robotparser import RobotFileParser

import httpx

from .shared.errors import FetchError

ROBOTS_NAME = "citebot"
_ROBOTS_TTL = 3600.0  # seconds a robots.txt answer is trusted
_ROBOTS_RETRY = 300.0  # seconds before an unreadable robots.txt is tried again


class Pacer:
    """At least `delay` seconds between two requests to one host, across threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next_turn: dict[str, float] = {}

    def wait_turn(self, host: str, delay: float) -> None:
        # Book the slot under the lock, sleep outside it: threads asking the same host
        # queue up while requests to other hosts go ahead.
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_turn.get(host, 0.0))
            self._next_turn[host] = start + delay
        if start > now:
            time.sleep(start - now)


@dataclass
class _Rules:
    parser: RobotFileParser
    expires: float
    reason: str = ""  # why everything is disallowed, when robots.txt could not be read


class Robots:
    """robots.txt per origin. `read(url)` fetches a robots.txt body or raises FetchError."""

    def __init__(self, read: Callable[[str], bytes]) -> None:
        self._read = read
        self._lock = threading.Lock()
        self._rules: dict[str, _Rules] = {}

    def check(self, url: httpx.URL, min_delay: float, max_delay: float) -> float:
        """Raise FetchError if `url` is disallowed; else the delay to keep for its host."""
        rules = self._rules_for(url)
        if rules.reason:
            raise FetchError(rules.reason, transient=True)
        if not rules.parser.can_fetch(ROBOTS_NAME, str(url)):
            raise FetchError("robots.txt disallows fetching it")
        crawl_delay = rules.parser.crawl_delay(ROBOTS_NAME)
        return max(min_delay, min(float(crawl_delay or 0), max_delay))

    def _rules_for(self, url: httpx.URL) -> _Rules:
        origin = f"{url.scheme}://{url.netloc.decode('ascii')}"
        with self._lock:
            cached = self._rules.get(origin)
        if cached is not None and cached.expires > time.monotonic():
            return cached
        parser = RobotFileParser(origin + "/robots.txt")
        reason = ""
        try:
            parser.parse(self._read(origin + "/robots.txt").decode("utf-8", "replace").splitlines())
        except FetchError as exc:
            if exc.transient:
                reason = f"robots.txt could not be read ({exc}); not fetching"
            parser.parse([])  # none there (4xx): the site sets no rules
        ttl = _ROBOTS_RETRY if reason else _ROBOTS_TTL
        rules = _Rules(parser, time.monotonic() + ttl, reason)
        with self._lock:
            self._rules[origin] = rules
        return rules


def retry_after(response: httpx.Response) -> float | None:
    """Seconds a 429/503 answer asks us to wait, if it says."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None

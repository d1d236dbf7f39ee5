"""Fetching pages and feeds over HTTP: timeouts, a size cap, a content-type check, redirects
followed by hand so that every hop is checked again (scheme, address, robots.txt).

Addresses are checked in index/urlsafety.py and the connection goes to the checked IP;
pacing and robots.txt are index/polite.py. A failure is a FetchError whose message names
the URL and the reason, in words a reader can act on.
"""

from __future__ import annotations

import ssl
import time
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

import httpx

from .polite import Pacer, Robots, retry_after
from .shared.errors import FetchError
from .urlsafety import parse_url, resolve

if TYPE_CHECKING:
    from .shared.settings import Settings

try:
    __version__ = version("citebot")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0"

USER_AGENT = f"citebot/{__version__} (news article fetcher; honours robots.txt)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
    | {"application/xml", "text/xml"}
)
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
# Files that are plainly not web pages, whatever the server calls them.
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
)
_ROBOTS_MAX = 500_000


@dataclass(frozen=True)
class FetchPolicy:
    allow_private: bool = False
    connect_timeout: float = 5.0
    read_timeout: float = 15.0  # per read, and twice this for the whole body
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    host_delay: float = 1.0  # seconds between two requests to one host
    retries: int = 2  # extra tries after a 429 or 5xx answer
    backoff: float = 1.0  # first wait before a retry; doubles each time
    max_wait: float = 60.0  # cap on a crawl-delay or Retry-After we agree to wait


def policy_from(settings: Settings) -> FetchPolicy:
    return FetchPolicy(
        allow_private=settings.allow_private_urls,
        connect_timeout=settings.fetch_connect_timeout,
        read_timeout=settings.fetch_timeout,
        max_bytes=settings.fetch_max_bytes,
        host_delay=settings.fetch_host_delay,
        retries=settings.fetch_retries,
    )


@dataclass(frozen=True)
class Page:
    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content_type: str
    body: bytes
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _sniff(body: bytes) -> str | None:
    return next((label for magic, label in _MAGIC if body.startswith(magic)), None)


class Fetcher:
    """One per process (or per run): it remembers when each host was last asked and what
    its robots.txt says. Thread-safe, so the bot's /add and feed polls can share one."""

    def __init__(
        self, policy: FetchPolicy | None = None, verify: ssl.SSLContext | bool = True
    ) -> None:
        self.policy = policy or FetchPolicy()
        p = self.policy
        self._client = httpx.Client(
            verify=verify,  # the system's CAs; a test passes a context trusting its own
            timeout=httpx.Timeout(p.read_timeout, connect=p.connect_timeout),
            follow_redirects=False,  # each hop is checked by _get
            trust_env=False,  # a proxy would connect where the address check never looked
            headers={"User-Agent": USER_AGENT},
        )
        self._pacer = Pacer()
        self._robots = Robots(self._read_robots)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(
        self,
        url: str,
        accept: frozenset[str] = HTML_TYPES,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Page:
        """GET `url` (conditionally, given an ETag or Last-Modified: a 304 comes back as a
        Page with `not_modified`). Raises FetchError naming the URL and the reason."""
        try:
            return self._get(url, accept, etag, last_modified, robots=True)
        except FetchError as exc:
            raise FetchError(f"{url.strip()}: {exc}", exc.transient) from None

    def _read_robots(self, url: str) -> bytes:
        return self._get(url, None, None, None, robots=False, max_bytes=_ROBOTS_MAX).body

    def _get(
        self,
        url: str,
        accept: frozenset[str] | None,
        etag: str | None,
        last_modified: str | None,
        robots: bool,
        max_bytes: int | None = None,
    ) -> Page:
        p = self.policy
        current = parse_url(url)
        seen = {str(current)}
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for _hop in range(p.max_redirects + 1):
            delay = p.host_delay
            if robots:
                delay = self._robots.check(current, p.host_delay, p.max_wait)
            response = self._request(current, headers, delay)
            try:
                location = response.headers.get("location")
                if response.status_code in _REDIRECT_STATUS and location:
                    target = parse_url(str(current.join(location)))
                    if str(target) in seen:
                        raise FetchError("redirect loop")
                    seen.add(str(target))
                    current = target
                    continue
                return self._page(url, current, response, accept, max_bytes or p.max_bytes)
            finally:
                response.close()
        raise FetchError(f"more than {p.max_redirects} redirects")

    def _request(self, url: httpx.URL, headers: dict[str, str], delay: float) -> httpx.Response:
        """Send one request (streamed; the caller closes it), retrying 429 and 5xx."""
        p = self.policy
        port = url.port or (443 if url.scheme == "https" else 80)
        ip = resolve(url.host, port, p.allow_private)
        # Connect to the checked IP; Host and SNI keep the real name, so virtual hosts and
        # certificate checks work as usual.
        pinned = url.copy_with(host=ip)
        extensions = {"sni_hostname": url.host} if url.scheme == "https" else {}
        send_headers = {**headers, "Host": url.netloc.decode("ascii")}
        for attempt in range(p.retries + 1):
            self._pacer.wait_turn(url.host, delay)
            request = self._client.build_request(
                "GET", pinned, headers=send_headers, extensions=extensions
            )
            try:
                response = self._client.send(request, stream=True)
            except httpx.TimeoutException as exc:
                raise FetchError(
                    f"timed out (no answer within {p.read_timeout:g} s)", True
                ) from exc
            except httpx.HTTPError as exc:
                if "CERTIFICATE" in str(exc):  # a bad certificate is not fixed by waiting
                    raise FetchError("its TLS certificate could not be verified") from exc
                raise FetchError(f"could not connect ({type(exc).__name__})", True) from exc
            if response.status_code not in _RETRY_STATUS or attempt == p.retries:
                return response
            wait = retry_after(response)
            response.close()
            time.sleep(min(p.max_wait, wait if wait is not None else p.backoff * 2**attempt))
        raise AssertionError("unreachable: the last attempt returns")

    def _page(
        self,
        asked: str,
        url: httpx.URL,
        response: httpx.Response,
        accept: frozenset[str] | None,
        limit: int,
    ) -> Page:
        status = response.status_code
        if status in (404, 410):
            raise FetchError(f"not found (HTTP {status})")
        if status >= 400:
            raise FetchError(f"HTTP {status} {response.reason_phrase}".strip(), status >= 429)
        ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if accept is not None and ctype and ctype not in accept and status != 304:
            raise FetchError(f"not a web page or feed (content type {ctype})")
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            raise FetchError(f"larger than the {limit / 1_000_000:g} MB limit")
        body = self._read(response, limit)
        if accept is not None and (kind := _sniff(body)):
            raise FetchError(f"not a web page ({kind})")
        return Page(
            url=asked,
            final_url=str(url),
            status=status,
            content_type=ctype,
            body=body,
            charset=response.charset_encoding,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )

    def _read(self, response: httpx.Response, limit: int) -> bytes:
        # httpx's read timeout is per chunk: a server trickling bytes needs a deadline too.
        deadline = time.monotonic() + 2 * self.policy.read_timeout
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"larger than the {limit / 1_000_000:g} MB limit")
                if time.monotonic() > deadline:
                    raise FetchError("timed out while reading the page", True)
                chunks.append(chunk)
        except httpx.TimeoutException as exc:
            raise FetchError("timed out while reading the page", True) from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"the connection failed ({type(exc).__name__})", True) from exc
        return b"".join(chunks)

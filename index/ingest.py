"""From a fetched page to an article file in the corpus.

trafilatura finds the article's text and metadata (the date through htmldate); the result
is written as Markdown with front matter under an id derived from the canonical URL, so
the same article fetched again lands on the same file. Nothing is written unless the page
is an article: a page with too little text, a declared paywall teaser or no text at all is
refused with the reason.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal
from urllib.parse import urljoin, urlsplit, urlunsplit

from .fetch import Fetcher, Page
from .reading.lines import units
from .shared.errors import FetchError

# Fewer words than this is a teaser, a gallery or an index page, not an article to cite.
MIN_WORDS = 40
# A page that declares itself paywalled (schema.org isAccessibleForFree) is refused unless
# the text we got is long enough to be the article rather than its teaser.
PAYWALL_MIN_WORDS = 150
_SLUG = re.compile(r"[^a-z0-9]+")
_FREE_FLAG = re.compile(r'"isAccessibleForFree"\s*:\s*"?(false|False|FALSE)"?')
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)

Status = Literal["added", "updated", "unchanged", "duplicate"]


@dataclass(frozen=True)
class Extracted:
    url: str  # canonical
    title: str
    text: str  # paragraphs, one blank line apart
    outlet: str | None = None
    date: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Saved:
    status: Status
    article_id: str
    path: Path
    article: Extracted

    @property
    def changed(self) -> bool:
        return self.status in ("added", "updated")


def _same_site(a: str, b: str) -> bool:
    def host(url: str) -> str:
        return (urlsplit(url).hostname or "").removeprefix("www.")

    return host(a) == host(b)


def normalize_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no tracking parameters: one article, one URL."""
    parts = urlsplit(url)
    query = "&".join(
        p
        for p in parts.query.split("&")
        if p and not p.lower().startswith(("utm_", "fbclid=", "gclid=", "mc_cid=", "mc_eid="))
    )
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


def canonical_url(page: Page, declared: str | None) -> str:
    """The page's own canonical URL when it names one on the same site; otherwise where
    the fetch ended. A canonical on another site is ignored: trusting it would let any
    page overwrite another site's article in the corpus."""
    if declared:
        absolute = urljoin(page.final_url, declared.strip())
        if absolute.startswith(("http://", "https://")) and _same_site(absolute, page.final_url):
            return normalize_url(absolute)
    return normalize_url(page.final_url)


def article_id_for(url: str) -> str:
    """Readable and stable: the site and path as a slug, plus a hash of the whole URL so
    two URLs that slug alike stay two files."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    slug = _SLUG.sub("-", f"{host} {parts.path}".lower()).strip("-")[:60].rstrip("-")
    digest = hashlib.sha256(url.encode()).hexdigest()[:10]
    return f"{slug}-{digest}"


def _declared_canonical(html: str) -> str | None:
    from trafilatura.utils import load_html  # the same HTML parsing trafilatura does

    tree = load_html(html)
    if tree is None:
        return None
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        found = tree.xpath(xpath)
        if found and str(found[0]).strip():
            return str(found[0])
    return None


def _decode(page: Page) -> str:
    from trafilatura.utils import decode_file

    if page.charset:
        try:
            return page.body.decode(page.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return str(decode_file(page.body))


def _clean(value: str | None) -> str | None:
    value = re.sub(r"\s+", " ", value or "").strip()
    return value or None


def extract(page: Page) -> Extracted:
    """The article in `page`, or FetchError naming the URL and why it is not one."""
    import trafilatura

    from .outlets import outlet_from_domain

    # trafilatura logs "discarding data: URL" as a warning for a page it finds no text
    # in; the FetchError below says it once, with the reason.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)

    html = _decode(page)
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=page.final_url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # Only dates the page states in its markup: a date guessed from stray text in
            # the page would be shown to readers as the article's date.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # malformed markup deep in lxml: the page, not citebot, is broken
        raise FetchError(
            f"{page.url}: the page could not be parsed ({type(exc).__name__})"
        ) from exc
    lines = [_clean(line) for line in (getattr(doc, "text", None) or "").splitlines()]
    paragraphs = [line for line in lines if line]
    if not paragraphs:
        raise FetchError(f"{page.url}: no article text found on the page")
    title = _clean(getattr(doc, "title", None))
    if title and paragraphs[0] == title:
        paragraphs.pop(0)  # the headline is written once, as the Markdown heading
    words = sum(units(p) for p in paragraphs)  # CJK characters count two to a word
    if _FREE_FLAG.search(html) and words < PAYWALL_MIN_WORDS:
        raise FetchError(f"{page.url}: behind a paywall (only a {words}-word teaser is readable)")
    if words < MIN_WORDS:
        raise FetchError(f"{page.url}: too little text to be an article ({words} words)")
    url = canonical_url(page, _declared_canonical(html))
    date = _clean(getattr(doc, "date", None))
    return Extracted(
        url=url,
        title=title or paragraphs[0][:90],
        text="\n\n".join(paragraphs),
        outlet=_clean(getattr(doc, "sitename", None)) or outlet_from_domain(url),
        date=date[:10] if date else None,
        author=_clean(getattr(doc, "author", None)),
    )


def render(article: Extracted, fetched: datetime | None) -> str:
    fields = {
        "title": article.title,
        "outlet": article.outlet,
        "date": article.date,
        "author": article.author,
        "url": article.url,
        "fetched": fetched.strftime("%Y-%m-%dT%H:%M:%SZ") if fetched else None,
    }
    # Values are single lines already (_clean); written as they are, since the reader
    # takes everything after the first colon and trims quotes at the ends.
    head = "\n".join(f"{k}: {v}" for k, v in fields.items() if v)
    return f"---\n{head}\n---\n\n# {article.title}\n\n{article.text}\n"


def _without_fetched(text: str) -> str:
    """A file's content minus its fetch time: what decides whether the page changed."""
    return re.sub(r"(?m)^fetched: .*\n", "", text, count=1)


def _body(text: str) -> str:
    return _FRONT.sub("", text, count=1)


def _existing(corpus: Path, url: str, body: str) -> tuple[Path | None, Path | None]:
    """(a file already holding this URL, a file already holding this exact text)."""
    same_url = same_text = None
    for path in sorted(corpus.rglob("*.md")):
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        front = _FRONT.match(text)
        if front and re.search(rf"(?m)^url: {re.escape(url)}$", front.group(1)):
            same_url = same_url or path
        elif _body(text) == body:
            same_text = same_text or path
    return same_url, same_text


def save(corpus: Path, article: Extracted, now: datetime | None = None) -> Saved:
    """Write `article` into `corpus` unless it is already there unchanged."""
    aid = article_id_for(article.url)
    content = render(article, now or datetime.now(UTC))
    same_url, same_text = _existing(corpus, article.url, _body(content))
    path = same_url or corpus / f"{aid}.md"
    if same_url is not None:
        old = same_url.read_text("utf-8")
        if _without_fetched(old) == _without_fetched(content):
            return Saved("unchanged", same_url.stem, same_url, article)
        status: Status = "updated"
    elif same_text is not None:
        # The same story under another URL (syndication, a moved page): one copy is enough.
        return Saved("duplicate", same_text.stem, same_text, article)
    else:
        status = "added"
    corpus.mkdir(parents=True, exist_ok=True)
    # Write beside the target and rename: a reader never sees half a file, and the
    # dot-name keeps the indexer from picking up the temporary one.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(content, "utf-8")
    os.replace(tmp, path)
    return Saved(status, path.stem, path, article)


def fetch_article(fetcher: Fetcher, corpus: Path, url: str) -> Saved:
    """Fetch `url` and save its article into `corpus` (FetchError when it is not one)."""
    return save(corpus, extract(fetcher.get(url)))

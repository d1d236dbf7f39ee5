"""An article's date: the publication date it states, from its URL, or "undated".

Reading keeps the date an article states itself (front matter, HTML metadata, a dateline
or "Published …" line) as `ArticleMeta.date`. When there is none, a URL like
`/2020/07/30/` still dates the page exactly. Failing both the article is "undated": the
years its text mentions are what it is about, not when it was written (a 2018 story
recalls 2016; a 2021 one announces plans for 2025), so no year is guessed from them.
`ArticleDate` keeps an "inferred" source for a guess that can be made reliable, always
labelled "2020?"; reading makes none today.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Protocol

_URL_DATE = re.compile(
    r"/(19\d\d|20\d\d)[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?=[/-]|$)"
)
_URL_COMPACT = re.compile(r"/(20\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/-]|$)")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class Dated(Protocol):
    @property
    def date(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...


@dataclass(frozen=True)
class ArticleDate:
    """`value` is ISO of whatever precision is known: "2020-07-30", "2020-07" or "2020"."""

    value: str | None
    source: str  # "article" (stated or front matter), "url", "inferred" or "none"

    @property
    def approximate(self) -> bool:
        return self.source == "inferred"

    @property
    def label(self) -> str:
        if self.value is None:
            return "undated"
        return f"{self.value}?" if self.approximate else self.value

    @property
    def sort_key(self) -> tuple[int, int, int, int]:
        """Oldest first; a date known only to the year or month goes after the days of its
        period it could be; undated articles go last."""
        if self.value is None:
            return (1, 9999, 99, 99)
        y, m, d = _parts(self.value)
        return (0, y, m or 13, d or 32)

    def span(self) -> tuple[date, date] | None:
        """The first and last day this date could be (the whole year for "2020?")."""
        if self.value is None:
            return None
        return parse_bound(self.value, end=False), parse_bound(self.value, end=True)


def article_date(article: Dated) -> ArticleDate:
    if article.date and _ISO.match(article.date[:10]):
        return ArticleDate(article.date[:10], "article")
    if article.url and (found := date_from_url(article.url)):
        return ArticleDate(found, "url")
    return ArticleDate(None, "none")


def date_from_url(url: str) -> str | None:
    path = url.split("?", 1)[0].split("#", 1)[0]
    if m := _URL_DATE.search(path):
        return "-".join(p for p in m.groups() if p)
    if m := _URL_COMPACT.search(path):
        return "-".join(m.groups())
    return None


def parse_bound(value: str, end: bool) -> date:
    """ "2020" / "2020-07" / "2020-07-30" as the first (or, with end, the last) day it covers.

    Raises ValueError for anything else; the CLI turns that into one line for the user.
    """
    m = _ISO.match(value.strip())
    if not m:
        raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    y, mo, d = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    if d:
        return date(y, mo, d)
    if mo:
        if not end:
            return date(y, mo, 1)
        nxt = date(y + (mo == 12), mo % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(y, 12, 31) if end else date(y, 1, 1)


def within(when: ArticleDate, since: date | None, until: date | None) -> bool:
    """Could the article be from [since, until]? Undated ones are left out of any date range."""
    if since is None and until is None:
        return True
    span = when.span()
    if span is None:
        return False
    first, last = span
    return (since is None or last >= since) and (until is None or first <= until)


def _parts(value: str) -> tuple[int, int, int]:
    m = _ISO.match(value)
    if not m:
        return (9999, 0, 0)
    return int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)

"""An article's date: stated, from front matter, from its URL, or inferred and marked as a guess.

The indexer keeps a date the article states itself (a `date …` head line, front matter,
HTML metadata) as `ArticleInfo.date`. When there is none, a URL like `/2020/07/30/`
still dates the page exactly. Failing both, the text's own mentions of years give an
approximate date: the latest explicit year the article mentions, shown as "2020?". That is
deliberately conservative: ages ("Kanye, 40") or weekdays could pin a year, but a wrong
exact-looking date is worse than an honest guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Protocol

# A year in prose: "in 2016", "the events of 2020". Not "400 years", not "1990s", not "$2020".
_YEAR = re.compile(r"(?<![\d$€£.,/-])(19[5-9]\d|20\d\d)(?![\d%]|s\b|-\d|/\d)")
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
    @property
    def text(self) -> str: ...


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
    if (year := latest_year(article.text)) is not None:
        return ArticleDate(str(year), "inferred")
    return ArticleDate(None, "none")


def date_from_url(url: str) -> str | None:
    path = url.split("?", 1)[0].split("#", 1)[0]
    if m := _URL_DATE.search(path):
        return "-".join(p for p in m.groups() if p)
    if m := _URL_COMPACT.search(path):
        return "-".join(m.groups())
    return None


def latest_year(text: str, today: date | None = None) -> int | None:
    """The latest plausible year the text mentions (none in the future)."""
    limit = (today or date.today()).year
    years = [int(y) for y in _YEAR.findall(text) if int(y) <= limit]
    return max(years) if years else None


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

"""--since / --until / --outlet: which articles a question or timeline may draw from.

Applied in the store query: the filters become a boolean mask over the snapshot's chunks,
which `Retriever.search` uses to rule chunks out before ranking, so a filtered question is
answered only from the articles that pass (not filtered after the fact). The mask is made
from each segment's coded date and outlet columns (index/catalog.py): every distinct value
is tested once, and only articles whose date could come from their URL are read, so a
filter over a 300,000-article archive does not parse 300,000 metadata lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from bot.newsdesk.dates import article_date, parse_bound, within
from index.catalog import Catalog
from index.shared.article import Article, outlet_key
from index.shared.errors import BadQuestion
from index.snapshot import Snapshot


@dataclass(frozen=True)
class Filters:
    since: date | None = None
    until: date | None = None
    outlet: str | None = None

    @classmethod
    def parse(
        cls, since: str | None = None, until: str | None = None, outlet: str | None = None
    ) -> Filters:
        """From user text ("2020", "2020-07", "2020-07-30"); raises BadQuestion with one line."""
        first = _bound("--since", since, end=False)
        last = _bound("--until", until, end=True)
        if first and last and first > last:
            raise BadQuestion(f"--since {since} is after --until {until}")
        name = " ".join((outlet or "").split()) or None
        return cls(first, last, name)

    @property
    def active(self) -> bool:
        return bool(self.since or self.until or self.outlet)

    def allows(self, article: Article) -> bool:
        if self.outlet and not _same_outlet(self.outlet, article.outlet):
            return False
        return within(article_date(article), self.since, self.until)

    def mask(self, snap: Snapshot) -> np.ndarray | None:
        """Chunks of the articles that pass; None when no filter is set.

        Raises BadQuestion when no indexed article passes, so the user hears why nothing
        was found instead of a plain "not covered".
        """
        if not self.active:
            return None
        keep = np.zeros(len(snap.articles), dtype=bool)
        for seg, local, pos in snap.articles.by_segment():
            keep[pos] = self._passing(seg.catalog)[local]
        if not keep.any():
            raise BadQuestion(f"no indexed article matches {self.describe()}")
        return keep[snap.chunk_article] if snap.chunk_count else np.zeros(0, dtype=bool)

    def _passing(self, catalog: Catalog) -> np.ndarray:
        """`allows` for every article of one segment's catalog, tested per distinct value."""
        ok = np.ones(len(catalog), dtype=bool)
        if self.outlet:
            codes, values = catalog.column("outlet")
            ok &= _per_value([_same_outlet(self.outlet, v) for v in values], codes)
        if self.since or self.until:
            codes, values = catalog.column("date")
            stated = [article_date(_Dated(v)) for v in values]
            dated = _per_value([within(d, self.since, self.until) for d in stated], codes)
            # No stated date (or one article_date cannot read): the URL may still date it.
            unread = _per_value([d.value is None for d in stated], codes, missing=True)
            has_url = catalog.column("url")[0] >= 0
            for i in np.flatnonzero(unread & has_url & ok).tolist():
                fields = catalog.fields(i)
                when = article_date(_Dated(fields.get("date"), fields.get("url")))
                dated[i] = within(when, self.since, self.until)
            ok &= dated
        return ok

    def describe(self) -> str:
        parts = []
        if self.since:
            parts.append(f"--since {self.since.isoformat()}")
        if self.until:
            parts.append(f"--until {self.until.isoformat()}")
        if self.outlet:
            parts.append(f"--outlet {self.outlet!r}")
        return " ".join(parts) or "no filter"


@dataclass(frozen=True)
class _Dated:
    date: str | None
    url: str | None = None


def _per_value(value_ok: list[bool], codes: np.ndarray, missing: bool = False) -> np.ndarray:
    """Each article's verdict from its value's (code -1, no value: `missing`)."""
    return np.asarray([*value_ok, missing], dtype=bool)[codes]


def _bound(flag: str, value: str | None, end: bool) -> date | None:
    if not value:
        return None
    try:
        return parse_bound(value, end=end)
    except ValueError:
        raise BadQuestion(
            f"{flag} {value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
        ) from None


def _same_outlet(wanted: str, outlet: str | None) -> bool:
    """Case-insensitive, "the" optional: "tribune" finds THE TRIBUNE, "harbour ledger" The Harbour Ledger."""
    if not outlet:
        return False
    a, b = outlet_key(wanted), outlet_key(outlet)
    return bool(a) and (a == b or a in b)

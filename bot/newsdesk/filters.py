"""--since / --until / --outlet: which articles a question or timeline may draw from.

Applied in the store query: the filters become a boolean mask over the snapshot's chunks,
which `Retriever.search` uses to rule chunks out before ranking, so a filtered question is
answered only from the articles that pass (not filtered after the fact).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from bot.newsdesk.dates import article_date, parse_bound, within
from index.shared.article import Article
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
        keep = np.asarray([self.allows(a) for a in snap.articles], dtype=bool)
        if not keep.any():
            raise BadQuestion(f"no indexed article matches {self.describe()}")
        return keep[snap.chunk_article] if snap.chunk_count else np.zeros(0, dtype=bool)

    def describe(self) -> str:
        parts = []
        if self.since:
            parts.append(f"--since {self.since.isoformat()}")
        if self.until:
            parts.append(f"--until {self.until.isoformat()}")
        if self.outlet:
            parts.append(f"--outlet {self.outlet!r}")
        return " ".join(parts) or "no filter"


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
    a, b = _fold(wanted), _fold(outlet)
    return bool(a) and (a == b or a in b)


def _fold(name: str) -> str:
    words = name.casefold().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)

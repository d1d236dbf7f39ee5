"""The publication date as the article itself writes it ("June 30, 2021", "30. Juni 2021").

Reading keeps the date as ISO for filters and ordering; an answer that says when an article
was published should quote the article's own words, which a reader can find on the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .datelines import find_dates

# a timestamp after an ISO date ("2021-06-30T09:00Z") is the machine's, not the writer's
_ISO_DAY = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")


def stated_date(iso: str | None, lines: Iterable[str], language: str = "en") -> str | None:
    """The first span in `lines` that writes the date `iso`, verbatim; None if none does
    (the date came from front matter, page metadata or the address)."""
    if not iso:
        return None
    for line in lines:
        for found in find_dates(line, language):
            if found.iso == iso:
                span = line[found.start : found.end].strip(" ,.")
                day = _ISO_DAY.match(span)
                return day.group(0) if day else span
    return None

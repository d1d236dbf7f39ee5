"""The metadata lines of a page's head: datelines, and the bylines written with a date.

"Published 14 March 2023", "Posted by A on <date>", "<date> · Live coverage by A and B",
"A | <date>", "<date> <headline>": each is read into a Head (what head.py gathers about the
page) by its shape, whatever words the page's language uses for the label (datelabel.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import bylines as B
from . import lines as L
from .chrome import Dropped
from .datelabel import is_update_label

SHORT = 40  # a dateline or byline is short; a one-line dump is not
DATE_LABELLED = re.compile(
    r"^(?:first |last |originally )?(?:published|updated|posted|modified)(?:\s+(?:on|at))?\s*[:：]?\s*\d",
    re.I,
)
REPORTING_FROM = re.compile(r"^(?:reporting|writing|reported) from\s+[A-Z]", re.I)


@dataclass
class Head:
    title: str | None = None
    author: str | None = None
    date: str | None = None
    updated: str | None = None
    url: str | None = None
    outlets: list[tuple[str, str]] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    body: list[str] = field(default_factory=list)


def late_metadata(line: str, head: Head, language: str) -> str | None:
    """A byline or date under a standfirst, just below the first paragraph."""
    if staff := B.staff_byline(line):
        head.author = head.author or line
        head.outlets.append(("staff byline", staff))
        return "byline"
    if L.units(line) <= SHORT and (found := L.date_line(line, language)):
        _iso, _label, before, after = found  # the date and its label, a time, a later date:
        if not after and (not before or B.byline(before)):  # however long, a dateline
            return dated(found, head)
    if L.units(line) <= 10 and (b := B.byline(line, labelled_only=True)):
        head.author = head.author or b.author
        return "byline"
    if REPORTING_FROM.match(line) and L.units(line) <= 8:
        return "byline"
    if L.units(line) <= 8 and DATE_LABELLED.match(line):
        return "dateline"
    return None


def dated(found: tuple[str, str, str, str], head: Head) -> str | None:
    """A line with a date in it is a dateline when the date is all it says, or a byline
    with a date ("Posted by A on <date>", "A | <date>"), or a date heading a headline."""
    iso, label, before, after = found
    if before:
        b = B.credited(before) if not after or L.units(after) <= 3 else None
        if b is None:
            return None  # "Election date: 1 May": another event's date, and nobody's byline
        head.author = head.author or b.author
    elif after and (b := B.byline(after, labelled_only=True)):
        head.author = head.author or b.author  # "Posted on <date> by A · 14 comments"
    elif after and L.units(after) > 3:
        if L.is_prose(after):
            return None
        _set_date(head, iso, label)
        return "title:" + after
    elif after and L.is_person(after):
        head.author = head.author or after
    _set_date(head, iso, label)
    return "dateline"


def _set_date(head: Head, iso: str, label: str) -> None:
    if is_update_label(label):
        head.updated = head.updated or iso
    else:
        head.date = head.date or iso

"""An article's date as the article writes it, and the sentence where it says so.

Reading keeps the date as ISO (for filters and ordering) and, when the page states it, the
stated words (ArticleMeta.date_text): an answer quotes those, so a reader finds them on the
page. A date the page never writes (front matter, page metadata, the address) is spelled
the way the page writes its other dates, when it shows a way; else it stays ISO.
"""

from __future__ import annotations

import calendar
import re

from index.shared.article import ArticleMeta
from index.snapshot import Snapshot


def as_written(art: ArticleMeta, iso: str) -> tuple[str, int | None]:
    """The date in the article's words and where its text states it (None: not in the text,
    e.g. a dateline reading took out of the text, or never written at all)."""
    text = str(getattr(art, "text", ""))
    if art.date_text:
        at = text.find(art.date_text)
        return art.date_text, (at if at >= 0 else None)
    return _styled(iso, text, art.language), None


# a month as written in full or abbreviated ("Feb. 24", "3 Sept"): either shows the order
_MONTH = (
    "|".join(calendar.month_name[1:]) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DAY_MONTH = re.compile(rf"(?<![\d.,])\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\b")
_MONTH_DAY = re.compile(rf"\b(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d:%]|\.\d)")


def _styled(iso: str, text: str, language: str) -> str:
    # Only English month names are spelled here, in the order the page writes its other
    # dates ("14 March" or "March 14"): another language's dates, or a page that shows no
    # order, stay ISO rather than be written in a form the page may not use.
    if language != "en":
        return iso
    votes = len(_DAY_MONTH.findall(text)), len(_MONTH_DAY.findall(text))
    if votes[0] == votes[1]:
        return iso
    order = "dmy" if votes[0] > votes[1] else "mdy"
    year, month, day = (int(x) for x in iso.split("-"))
    name = calendar.month_name[month]
    return f"{day} {name} {year}" if order == "dmy" else f"{name} {day}, {year}"


def sentence_at(snap: Snapshot, first: int, offset: int) -> int:
    """The article's sentence (rows from `first`, its first) holding character `offset`."""
    a = snap.sent_article[first]
    j = first
    while j + 1 < len(snap.sent_start) and snap.sent_article[j + 1] == a:
        if int(snap.sent_start[j + 1]) > offset:
            break
        j += 1
    return j

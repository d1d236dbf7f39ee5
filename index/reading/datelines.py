"""Dates written in an article's head or tail: found by shape, parsed by dateparser.

Only spans that look like a full calendar date (day, month, year) are taken: a page's
"Updated 2 hours ago" or a "Tuesday" in passing says nothing about when it was published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

_WEEKDAY = r"(?:(?P<wd{n}>[^\W\d_]{{3,}})\.?,?\s+)?"
_DAY = r"\d{1,2}(?:st|nd|rd|th|er|º|°)?\.?"
_MONTH = r"[^\W\d_]{3,}\.?"
# The order matters only for overlaps; every alternative is validated by a real parser.
_SPAN = re.compile(
    r"(?P<iso>(?<!\d)(?:19|20)\d\d(?P<sep1>[-/.])(?:0?[1-9]|1[0-2])(?P=sep1)(?:0?[1-9]|[12]\d|3[01])(?!\d)"
    r"(?:[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?)"
    r"|(?P<num>(?<![\d/.])\d{1,2}(?P<sep2>[/.])\d{1,2}(?P=sep2)(?:19|20)\d\d(?![\d/.]))"
    r"|(?P<cjk>(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号])"
    r"|(?P<dmy>"
    + _WEEKDAY.format(n=1)
    + _DAY
    + r"\s+(?:de\s+)?"
    + _MONTH
    + r",?\s+(?:de\s+|del\s+)?(?:19|20)\d\d)(?!\d)"
    r"|(?P<mdy>" + _WEEKDAY.format(n=2) + _MONTH + r"\s+" + _DAY + r",?\s+(?:19|20)\d\d)(?!\d)",
    re.I,
)


@dataclass(frozen=True)
class FoundDate:
    iso: str  # YYYY-MM-DD
    start: int
    end: int


@lru_cache(maxsize=4096)
def _parse(span: str, languages: tuple[str, ...]) -> str | None:
    import dateparser

    settings = {"REQUIRE_PARTS": ["year", "month", "day"], "PREFER_DATES_FROM": "past"}
    try:
        parsed = dateparser.parse(span, languages=list(languages), settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date().isoformat() if isinstance(parsed, datetime) else None


def _iso(span: str) -> str | None:
    m = re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", span)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def _numeric(span: str, language: str) -> str | None:
    """29/04/2022 is unambiguous; 04/05/2022 is not in English, and is left alone rather than
    guessed unless the page shows which way it writes dates (numeric_order, carried as
    "en@dmy"). Dots (02.03.2022) are written day first wherever they are used, and so are
    slashes in every language but English."""
    a, b, y = (int(n) for n in re.findall(r"\d+", span))
    base, _, order = language.partition("@")
    day_first = "." in span or order == "dmy" or (base != "en" and order != "mdy")
    if (a > 12 >= b) or (day_first and b <= 12):
        day, month = a, b
    elif b > 12 >= a or (order == "mdy" and b <= 12):
        day, month = b, a
    else:
        return None
    try:
        return date(y, month, day).isoformat()
    except ValueError:
        return None


def _cjk(span: str) -> str | None:
    y, mo, d = (int(n) for n in re.findall(r"\d+", span)[:3])
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


# Languages tried after the article's own: a dateline may be in another one than the text.
_FALLBACK = ("en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "ru", "tr", "zh", "ja")
_DATEPARSER_CODE = {"no": "nb"}  # dateparser knows Norwegian Bokmål by its own code
_ALL_NUMERIC = re.compile(r"^\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d(?:,?\s+\d{1,2}[:.]\d\d)?$")


def is_numeric_date(line: str) -> bool:
    """ "04/05/2022": a date, though which day it is cannot be told."""
    return bool(_ALL_NUMERIC.match(line.strip()))


# Month names capitalised, as a date writes them ("2 may be" is not a date)
_MONTH_EN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAY_MONTH = re.compile(rf"(?<![\d.,])\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_EN}\b")
_MONTH_DAY = re.compile(rf"\b{_MONTH_EN}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d:.%])")
_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(?:19|20)?\d\d(?![\d/])")
# Country domains whose dates are written month first, and two-letter domains used as
# generic ones (not a country's); every other country writes the day first.
_MONTH_FIRST_TLDS = {"us", "ph", "fm"}
_GENERIC_TLDS = {"io", "co", "tv", "me", "ai", "ly", "to", "cc", "ws", "gg", "ca", "sh", "am"}


# "05/03/2024 14:10": a 24-hour clock beside a numeric date; month-first pages (the US) write
# the time on a 12-hour clock ("2:10 p.m.").
_CLOCK_24 = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/(?:19|20)?\d\d,?\s+(?:1[3-9]|2[0-3])[:.h]\d\d\b")


def numeric_order(text: str, url: str | None = None) -> str | None:
    """ "dmy" or "mdy": how a page writes 03/04/2025, told by its other dates, else None.
    The evidence, strongest first: a slashed date that only reads one way (21/10/2025), the
    order the page writes its dates in words ("14 March" against "March 14"), a 24-hour
    time beside a slashed date, and the country of its web address."""
    pairs = [(int(a), int(b)) for a, b in _SLASHED.findall(text)]
    votes = (sum(a > 12 >= b for a, b in pairs), sum(b > 12 >= a for a, b in pairs))
    if votes[0] == votes[1]:
        votes = (len(_DAY_MONTH.findall(text)), len(_MONTH_DAY.findall(text)))
    if votes[0] != votes[1]:
        return "dmy" if votes[0] > votes[1] else "mdy"
    if _CLOCK_24.search(text):
        return "dmy"
    host = re.sub(r"^[a-z]+://", "", (url or "").lower()).split("/", 1)[0].split(":", 1)[0]
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    if len(tld) != 2 or tld in _GENERIC_TLDS:
        return None
    return "mdy" if tld in _MONTH_FIRST_TLDS else "dmy"


def find_dates(text: str, language: str = "en") -> list[FoundDate]:
    """Every full calendar date written in `text`, in order. `language` may carry the page's
    numeric order after an "@" ("en@dmy", from numeric_order)."""
    language, at, order = language.partition("@")
    language = _DATEPARSER_CODE.get(language, language)
    languages = (language, "en") if language and language != "en" else ("en",)
    out: list[FoundDate] = []
    for m in _SPAN.finditer(text):
        span, start = m.group(0), m.start()
        weekday = m.group("wd1") or m.group("wd2")
        if weekday and not _is_weekday(weekday, languages):
            start = m.start("wd1") if m.group("wd1") else m.start("wd2")
            start += len(weekday)
            while start < m.end() and not text[start].isalnum():
                start += 1
            span = text[start : m.end()]
        if m.group("iso"):
            iso = _iso(span)
        elif m.group("num"):
            iso = _numeric(span, language + at + order)
        elif m.group("cjk"):
            iso = _cjk(span)
        else:
            iso = _parse(span, languages) or _parse(span, _FALLBACK)
        if iso and _plausible(iso):
            out.append(FoundDate(iso, start, m.end()))
    return out


def closing_date(title: str, language: str = "en") -> str | None:
    """ "Letters to the editor, Friday 12 September 2025", "Briefing: 4 May 2025": a headline
    that ends in the date of the issue it belongs to, set off by a separator. A date inside
    the words ("Remembering 7 July 2005") is what the story is about, not when it ran."""
    found = find_dates(title, language)
    if not found or title[found[-1].end :].strip(" .)"):
        return None
    before = title[: found[-1].start]
    return found[-1].iso if re.search(r"(?:,|\s[-–—|]|:)\s*$", before) else None


def is_weekday(word: str, language: str = "en") -> bool:
    """ "Thu", "Donnerstag": a day's name in the page's language (or English)."""
    base = language.partition("@")[0]
    base = _DATEPARSER_CODE.get(base, base)
    return _is_weekday(word, (base, "en") if base and base != "en" else ("en",))


@lru_cache(maxsize=1024)
def _is_weekday(word: str, languages: tuple[str, ...]) -> bool:
    """ "Monday", "Tue", "jueves" name a day; "born", "Updated" or "in" do not."""
    import dateparser

    try:
        return dateparser.parse(word, languages=list(languages)) is not None and not word.isdigit()
    except (ValueError, OverflowError, TypeError):
        return False


def _plausible(iso: str) -> bool:
    return 1900 <= int(iso[:4]) <= date.today().year + 1

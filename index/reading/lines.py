"""What one line of a scraped page is, judged by the shapes every news site shares.

Each recogniser looks at a single normalised line and knows nothing about any site: a
byline is "By <names>[, <role>]" in whatever words the page's language uses, a copyright
line starts with ©, navigation is short items between separators, and so on.
"""

from __future__ import annotations

import re
import unicodedata

from .datelabel import date_line as date_line  # a date line is one of the shapes of a line
from .datelines import find_dates

# Sentence-final punctuation, allowing closing quotes and brackets after it.
_ENDS = re.compile(r"[.!?…。！？]['\"”’»)\]）」』]*\s*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")
# Without a scheme, an address ends its host in a top-level domain of letters: "23.01.2025"
# (a dotted date) and "3.14" are not addresses.
_URL = re.compile(
    r"^(?:https?://\S+|(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:[a-z]{2,}|xn--[a-z0-9-]+)(?::\d+)?(?:/\S*)?)$",
    re.I,
)
# Separators between menu or breadcrumb items; "/" only with spaces ("24/7" is not a menu).
_SEP = re.compile(r"\s+(?:[|›»>•·/]|&gt;)\s+|\s*[|›»]\s*")
# Small words that may sit lowercase inside a proper name ("Juan de la Vega", "Bank of England").
_PARTICLES = {
    "de", "del", "la", "le", "los", "las", "van", "von", "der", "den", "da", "di", "du",
    "dos", "das", "bin", "al", "el", "of", "the", "and", "y", "e", "&", "for",
}  # fmt: skip
# The marks in any order and number: "© Copyright 2025", "Copyright (c)", "Copyright 2025".
_COPYRIGHT = re.compile(r"^(?:(?:©|\(c\)|copyright\b|℗)\s*)+", re.I)
# ... or after the holder's name, before the year or at the line's end
_COPYRIGHT_AFTER = re.compile(
    r"^(?P<name>[^©℗\d]{2,60}?)\s*(?:©|\(c\)|copyright\b|℗)\s*(?:©\s*)?(?=(?:19|20)\d\d\b|[.,]|$)",
    re.I,
)
# "Carrow Standard Media Ltd" is the company; "Carrow Standard" the publication.
_CORPORATE = re.compile(
    r",?\s+(?:(?:&|and|und)\s+)?(?:inc|ltd|llc|plc|gmbh|ag|kg|oy|oyj|ab|as|asa|a/s|nv|bv|spa|s\.?p\.?a|srl|sarl|pty|pte"
    r"|k\.?k|s\.?a|s\.?l|co|corp|corporation|company|limited|group|media"
    r"|publishing|publications|publishers|holdings|newspapers?|network|medien|verlag|médias)\.?$",
    re.I,
)
_LOGO = re.compile(r"^(?P<name>.{2,60}?)\s+logo$", re.I)
_SOURCE = re.compile(r"^(?:source|来源|來源|fuente|quelle)\s*[:：]\s*(?P<name>.{2,40})$", re.I)
# "LONDON, Oct 3 (Agency) -", "SPRINGFIELD, Ohio, May 2, 2022 /Agency/ --"
_WIRE_DATELINE = re.compile(
    r"^(?P<where>[A-Z][A-Z .'’-]{1,30}(?:,\s*[^()/]{1,30}?)?)\s*"
    r"(?:\((?P<name>[A-Z][^()]{1,30})\)|/(?P<slashed>[A-Z][^/]{1,30})/)\s*[-–—]"
)
# "PORTO, Portugal, October 5, 2023 — ": a press release's dateline, place and date, no agency
_PLACE_DATELINE = re.compile(
    r"^(?P<where>[A-Z][A-Z .'’-]{1,30},(?:\s*[A-Z][\w .'’-]{1,30},)?\s*[^—–()/]{6,30}?)\s*(?:[—–]|--?)\s"
)
# Words a person's name never starts with: an article makes it a title or a publication.
_NOT_PERSON = {
    "the",
    "el",
    "la",
    "le",
    "los",
    "las",
    "les",
    "der",
    "die",
    "das",
    "il",
    "lo",
    "a",
    "an",
}


def normalise(line: str) -> str:
    return re.sub(r"[ \t\u00a0\u2009\u202f\u3000]+", " ", line).strip()


def units(line: str) -> int:
    """Words, counting scripts written without spaces by characters (two make a word)."""
    cjk = len(_CJK.findall(line))
    return len(_CJK.sub(" ", line).split()) + (cjk + 1) // 2


def ends_sentence(line: str) -> bool:
    return bool(_ENDS.search(line))


def is_prose(line: str) -> bool:
    """A paragraph of running text, not a label, a name or a menu."""
    n = units(line)
    return (ends_sentence(line) and n >= 8) or n >= 25


def is_url(line: str) -> bool:
    return bool(_URL.match(line)) and " " not in line


def url_of(line: str) -> str:
    return line if line.lower().startswith("http") else f"https://{line}"


def cjk_chars(text: str) -> list[str]:
    return _CJK.findall(text)


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def _capitalised(word: str) -> bool:
    word = word.strip("“”\"'‘’()")
    return bool(word) and (word[0].isupper() or bool(_CJK.match(word[0])))


def is_name(text: str, max_words: int = 5) -> bool:
    """A person's or an organisation's name: capitalised words, lowercase particles allowed."""
    text = text.strip()
    if not text or (ends_sentence(text) and not re.search(r"\b[A-Z]\.$", text)):
        return False
    if has_cjk(text):
        return 2 <= len(text) <= 8 and all(_CJK.match(c) or c == "·" for c in text)
    words = text.split()
    if not 1 <= len(words) <= max_words or any(c.isdigit() for c in text) or ":" in text:
        return False  # "Language: EN" is a label and its value, not a name
    if not _capitalised(words[0]) or not _capitalised(words[-1]):
        return False
    return all(_capitalised(w) or w.lower() in _PARTICLES for w in words)


def is_person(text: str) -> bool:
    """Two to four capitalised words (or a CJK name): the shape of a byline's name."""
    words = text.split()
    if not words or words[0].lower() in _NOT_PERSON or is_upper_name(text):
        return False
    if any(w.lower() in ("&", "and", "und", "y", "e") for w in words):
        return False  # two names joined ("Food & Drink", "Smith and Jones"): not one person
    return is_name(text, 4) and (len(words) >= 2 or has_cjk(text))


def copyright_holder(line: str) -> tuple[str | None, int | None] | None:
    """ "© 2019 The Example Tribune. All rights reserved." -> ("The Example Tribune", 2019).
    "© 2023 Example Newspapers Ltd" -> ("Example", 2023): see copyright_company."""
    held = _copyright(line)
    return (held[1], held[2]) if held else None


def copyright_company(line: str) -> bool:
    """The copyright holder is a company ("… Newspapers Ltd", "… Media Group"): the
    publisher, whose name may not be the publication's own."""
    held = _copyright(line)
    return bool(held and held[1] and held[0] != held[1])


def _copyright(line: str) -> tuple[str, str | None, int | None] | None:
    """(holder as written, holder without its company suffixes or None, year)."""
    if units(line) > 25:
        return None
    if m := _COPYRIGHT.match(line):
        rest = line[m.end() :]
    elif (after := _COPYRIGHT_AFTER.match(line)) and is_name(after.group("name").strip(), 7):
        rest = after.group("name") + " " + line[after.end() :]  # "The Marsh Courier © 2024."
    else:
        return None
    year_m = re.search(r"(?<!\d)(19|20)\d\d(?!\d)(?:\s*[-–]\s*(?:19|20)\d\d)?", rest[:40])
    year = int(year_m.group(0)[-4:]) if year_m else None
    if year_m:
        rest = rest[: year_m.start()] + " " + rest[year_m.end() :]
    written = re.split(r"[.,;|]\s|\.$|\s[-–—]\s", normalise(rest) + " ", maxsplit=1)[0].strip()
    holder = written
    while (bare := _CORPORATE.sub("", holder)) != holder and is_name(bare):
        holder = bare
    return written, (holder if is_name(holder, 7) else None), year


def logo_name(line: str) -> str | None:
    m = _LOGO.match(line)
    return m.group("name") if m and is_name(m.group("name")) else None


def source_label(line: str) -> str | None:
    """ "Source: <Outlet>", "来源：<Outlet>", "Source: <Outlet> and news agencies"."""
    m = _SOURCE.match(line)
    if not m:
        return None
    name = re.sub(
        r"\s*(?:,|and|&)\s*(?:news |other )?(?:agencies|wires)$", "", m.group("name").strip()
    )
    return name if is_name(name) else None


def wire_outlet(line: str) -> str | None:
    """ "LONDON, Oct 3 (Agency) - ...": the agency in a wire story's dateline."""
    m = _WIRE_DATELINE.match(line)
    name = (m.group("name") or m.group("slashed") or "").strip() if m else ""
    return name if name and is_name(name) else None


def wire_date(line: str, language: str) -> str | None:
    """A wire dateline that gives the full date ("SPRINGFIELD, Ohio, May 2, 2022 /X/ --")
    dates the story; "LONDON, Oct 3 (X)" gives no year and does not."""
    m = _WIRE_DATELINE.match(line) or _PLACE_DATELINE.match(line)
    found = find_dates(m.group("where"), language) if m else []
    return found[0].iso if found else None


def menu_items(line: str) -> list[str] | None:
    """The items of a navigation or breadcrumb line ("Home | News | Sport"), else None."""
    if line.startswith("|") and line.endswith("|"):
        return None  # a Markdown table row is content
    items = [i.strip() for i in _SEP.split(line) if i.strip()]
    if len(items) < 2 or ends_sentence(line):
        return None
    if all(units(i) <= 4 for i in items):
        return items
    if _CRUMB.search(line) and all(units(i) <= 6 for i in items):
        return items  # "Home > News and alerts > Product recalls and allergy alerts": a trail
    return None


_CRUMB = re.compile(r"\s(?:>|›|»|&gt;)\s")  # a breadcrumb trail's separators

_SPACED = re.compile(r" {2,}|\t+")


def spaced_items(raw: str) -> list[str] | None:
    """ "News   Sport   Weather": a nav bar's links, which a scrape leaves apart by runs of
    spaces or tabs instead of separators. Three or more short items, none a sentence."""
    text = raw.strip()
    if not _SPACED.search(text) or ends_sentence(text):
        return None
    items = [i.strip() for i in _SPACED.split(text) if i.strip()]
    if len(items) < 3 or any(units(i) > 3 for i in items):
        return None
    return items


def is_upper_name(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters) and units(text) <= 6


def display_case(name: str, text: str) -> str:
    """A masthead in capitals, spelled the way the text itself writes it when it does; an
    acronym ("BBC", "RNLI": one word of up to five capitals) stays as it is."""
    if not is_upper_name(name) or re.fullmatch(r"[A-Z]{2,5}", name):
        return name
    pattern = re.compile(r"\b" + r"\s+".join(re.escape(w) for w in name.split()) + r"\b", re.I)
    for m in pattern.finditer(text):
        if not is_upper_name(m.group(0)):
            found = m.group(0)  # "for the Harbor Ledger": a sentence's "the" is the name's "The"
            return found[0].upper() + found[1:]
    # "SCRUMHALF.IE": a name that is a domain keeps its suffix in lower case
    words = [
        re.sub(r"(?<=\w)\.[A-Z]\w*$", lambda m: m.group(0).lower(), w) for w in name.title().split()
    ]
    return " ".join(
        w.lower() if i and w.lower() in _PARTICLES - {"&"} else w for i, w in enumerate(words)
    )


def squash(text: str) -> str:
    """Letters only, lowercase, accents dropped: "The Harbour Ledger" -> "theharbourledger"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))

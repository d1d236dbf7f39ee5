"""Bylines: who wrote the piece, in the shapes pages write it.

"By A and B", "By A, Science Correspondent", "Posted by A on <date>", "Por A", "记者 A";
unlabelled under a headline, "A, Transport Reporter" or "A | Section"; "<Outlet> Staff";
"Jane Doe Political correspondent" with the job title and no separator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import is_name, is_person, is_upper_name, units

# Words that say who wrote the piece, in the languages the corpus may hold.
_BY = (
    r"(?:by|written by|words by|reviewed by|interview by|words and pictures by|story by|posted by|reporting by|"
    r"compiled by|(?:show )?notes by|(?:questions )?answered by|"
    r"(?:live )?(?:coverage|updates|blog) by|analysis by|report by|reported by|text by|"
    r"por|par|von|di|door|av|af|od|автор|記者|记者|文|作者|撰文)"
)
# A label written in letters ends where the word does: "DIÁRIO …" does not open with "Di"
# ("by"), though a CJK label runs straight into the name ("记者王晓雯").
_LABEL_ENDS = r"(?:(?<=[\u3040-\u9fff])|(?![^\W\d_]))"
# Labels that name the writer only with a colon after them: "Words: A · Photographs: B",
# "Text: A", "Author: A" (a bare "Words" or "Text" opening a line is a word, not a label).
_COLON_LABEL = r"(?:words|text|texto|testo|texte|author|autor|autore|auteur|autorin)\s*[:：]"
_HONORIFIC = re.compile(r"^(?i:dr|prof|professor|mr|mrs|ms|mx)\.?\s+(?=[A-Z])")
_JOIN = r"(?:\s*,\s*|\s+(?:and|y|e|et|und|en|og|och|i)\s+|\s*&\s*|\s*、\s*)"
_FOREIGN_AND = r"\s+(?:y|e|et|und|en|og|och|i)\s+|\s*&\s*"
_ROLE_SEP = re.compile(r"\s*(?:,|\||—|–| - |·|/)\s*")
_STAFF = re.compile(
    r"^(?:by\s+)?(?P<outlet>.{2,40}?)\s+(?:staff(?: reporter| writer)?|newsroom|news desk|editors|editorial team|team)$",
    re.I,
)
_ROLES = (
    r"(?:correspondent|reporter|editor|writer|columnist|critic|journalist|contributor|producer)"
)
_ROLE_AT_END = re.compile(rf"^(?:by\s+)?\S.*\s{_ROLES}$", re.I)
_ANONYMOUS_ROLE = re.compile(rf"^(?:by\s+)?(?:staff|our)\s+{_ROLES}$", re.I)


_DATES_AFTER = re.compile(
    r"\s*(?:[|·•]\s*)?(?:first |last )?(?:published|updated|posted|modified)\b.*$", re.I
)


@dataclass(frozen=True)
class Byline:
    author: str
    rest: str  # the role, place or section after the names ("Science Correspondent")


def _names(text: str) -> str | None:
    """'Megan Hartley and Tom Ashworth' -> itself when every part is a person's name."""
    parts = [p for p in re.split(_JOIN, text.strip()) if p]
    if parts and all(is_person(p) or (is_name(p, 4) and len(parts) == 1) for p in parts):
        # the names are the metadata, the page's word for "and" is not: "A und B" -> "A and B"
        return re.sub(_FOREIGN_AND, " and ", text.strip())
    return None


def names_of(text: str) -> str | None:
    """ "A, B and C" -> "A, B and C" when every part is a person's name, else None."""
    parts = [p for p in re.split(_JOIN, text.strip()) if p]
    return _names(text) if parts and all(is_person(p) for p in parts) else None


def credited(text: str) -> Byline | None:
    """A byline that is labelled ("By A", "Compiled by A") or names people in full: a word
    alone ("Summary", "Election") is no one's, though `byline` reads it as a name."""
    b = byline(text)
    return b if b and (names_of(b.author) or byline(text, labelled_only=True)) else None


def byline(line: str, labelled_only: bool = False) -> Byline | None:
    """ "By A and B", "By A, Science Correspondent", "Posted by A on <date>", "Por A",
    "记者 王晓雯"; unlabelled "A, Science Reporter" or "A | Section" unless labelled_only."""
    text = re.sub(r"^[*_]+|[*_]+$", "", line).strip()
    m = re.match(rf"^(?:{_BY}{_LABEL_ENDS}\s*[:：/／]?|{_COLON_LABEL})\s*(?P<body>.+)$", text, re.I)
    if m:
        body = m.group("body")
    elif labelled_only:
        return None
    else:
        body = text
    body = re.sub(r"\s+(?:on|el|le|am)\s+(?=\S*\d)", " | ", body)
    if m:  # "By Dr A": the courtesy title is not part of the writer's name
        body = _HONORIFIC.sub("", body)
    first_part = re.split(r"[,|]", body)[0]
    if m and is_upper_name(re.sub(r"\b(?:and|y|e|et|und|en|og|och|i)\b", " ", first_part)):
        body = body.title()  # "By JANE DOE and JOHN ROE": wire copy writes names in capitals
        body = re.sub(r"\b(And|Y|Et|Und)\b", lambda w: w.group(0).lower(), body)
    head, *rest = _ROLE_SEP.split(body, maxsplit=1)
    if (names := _names(head)) is None:
        names = _names(body) if not rest else None
        if names is None:
            return None
        head, rest = body, []
    # "…, Valley Times | Published: 5 March 2019": the dates after the role are the dateline's
    tail = _DATES_AFTER.sub("", rest[0]) if rest else ""
    if units(tail) > 6:
        return None
    return Byline(names, tail)


def staff_byline(line: str) -> str | None:
    """ "<Outlet> Staff": a byline that names the publication, not a person."""
    m = _STAFF.match(line)
    return m.group("outlet").strip() if m and is_name(m.group("outlet")) else None


def role_only(line: str) -> bool:
    """ "Education Reporter", "Senior Political Correspondent": a short line, no sentence,
    that ends in a newsroom job: the role a byline gives under the writer's name."""
    text = line.strip(" *_")
    words = text.split()
    if not 1 <= len(words) <= 4 or any(c.isdigit() for c in text) or text[-1:] in ".!?":
        return False
    return bool(re.fullmatch(_ROLES, words[-1], re.I)) and all(w[:1].isupper() for w in words)


def role_byline(line: str) -> str | None:
    """ "Jane Doe Political correspondent", "Staff reporter": a name (or none) followed by
    the job title a byline gives, without a separator between them."""
    text = re.sub(r"^[*_]+|[*_]+$", "", line).strip()
    if _ANONYMOUS_ROLE.match(text):
        return text
    if not _ROLE_AT_END.match(text) or re.search(r"[,|·—–]", text):
        return None  # with a separator, byline() reads it
    words = text.removeprefix("By ").removeprefix("by ").split()
    for k in range(2, min(len(words) - 1, 4) + 1):  # the shortest name before the role
        if is_person(" ".join(words[:k])) and len(words) - k <= 4:
            return " ".join(words[:k])
    return None

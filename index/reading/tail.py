"""The writer named under the story: a footer byline or an author box.

Pages that print no byline under the headline often name the writer at the end, in one
of three shapes any site uses:
- a labelled byline below the story's last sentence: "Written by A", "Story by A",
  "Author: A", "By A";
- an author box: a label ("About the author", "Meet the writer", "Author bio"), then the
  writer's name on its own line and/or a short biography;
- a biography sentence among the last lines: "<Name> is a (senior) reporter for
  <Outlet>", "<Name> covers <beat> for <Outlet>"; the outlet it names is evidence too.
Those lines are about the writer, not the story, and leave the text with their reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import bylines as B
from . import lines as L
from .sitelines import NAMEPLATE, WORD, self_named

_BOX = re.compile(
    r"^(?:(?:about|meet) the (?:author|writer|reporter|journalist|contributor|columnist)s?"
    r"|(?:author|writer)(?:['’]s)? (?:bio|biography|profile|information|info|details)"
    r"|about this (?:author|writer)|the author|written by|author|authors?)"
    r"\s*(?:[:：—–-]\s*(?P<rest>.*))?$",
    re.I,
)
_ROLE = (
    r"(?:correspondent|reporter|editor|writer|columnist|critic|journalist|contributor|producer"
    r"|freelancer|blogger|photographer|author|analyst|presenter|broadcaster)"
)
_BIO = re.compile(
    rf"^(?P<name>[^,]{{3,60}}?)(?:,\s*[^,]{{1,50}},)?\s+(?:is|was|has been|works as)\s+"
    rf"(?:an?|the|our|one of (?:our|the))\s+(?:[\w'’-]+\s+){{0,5}}?{_ROLE}s?\b(?P<rest>.*)$"
    r"|^(?P<name2>[^,]{3,60}?)\s+(?:covers|writes about|writes on|reports on|reports for|writes for"
    r"|has covered|has written|has reported)\b(?P<rest2>.*)$"
)
_FOR_OUTLET = re.compile(
    rf"\b(?:for|at|with)\s+(?:the\s+)?(?P<outlet>(?:The\s+)?{WORD}(?:\s+(?:of|and|&|{WORD})){{0,5}})"
)
_LABEL_START = re.compile(
    r"^(?:(?:about|meet) the (?:author|writer|reporter|journalist|contributor|columnist)s?"
    r"|written by|author)\s*[:：—–-]?\s*",
    re.I,
)
_PRONOUN = re.compile(r"^(?:she|he|they|her|his|their)\b", re.I)
_TAIL_LINES = 4  # a biography sentence is among the page's last lines
_BOX_LINES = 3  # an author box holds a name and a sentence or two


@dataclass
class Tail:
    author: str | None = None
    outlets: list[tuple[str, str]] = field(default_factory=list)
    reasons: dict[int, str] = field(default_factory=dict)  # body index -> why it left the text


def biography(line: str) -> tuple[str, str | None] | None:
    """ "Jane Doe is a senior reporter for The Example Post." -> ("Jane Doe", "The Example Post")."""
    if L.units(line) > 45 or not (m := _BIO.match(line)):
        return None
    name = (m.group("name") or m.group("name2") or "").strip()
    if not L.is_person(name):
        return None
    rest = m.group("rest") if m.group("name") else m.group("rest2")
    found = _FOR_OUTLET.search(rest or "")
    if not found:
        return name, None
    outlet = re.sub(r"\s+(?:of|and|&)$", "", found.group("outlet").strip(" ."))
    titled = found.group(0).split()[1].lower() == "the" or outlet.split()[-1].lower() in NAMEPLATE
    if not L.is_name(outlet, 6) or (L.is_person(outlet) and not titled):
        return name, None  # "works with Jane Roe": a person, not the publication
    return name, outlet


def _name_line(line: str) -> str | None:
    """A writer's name on its own line in an author box, or "By A"."""
    if L.units(line) > 10:
        return None
    b = B.byline(line)
    return b.author if b and not b.rest else None


def read_tail(
    body: list[str], reasons: list[str | None], last: int, known: str | None = None
) -> Tail:
    """The writer named below the story. `reasons` says which body lines are already chrome;
    `last` is the index of the story's last sentence; `known` the byline's author, if any:
    a biography of someone else is the story's own sentence."""
    tail = Tail()
    start = max(0, len(body) // 2)
    for i in range(start, len(body)):
        if reasons[i] is not None or not (m := _BOX.match(body[i])) or L.units(body[i]) > 20:
            continue
        rest = (m.group("rest") or "").strip()
        if not rest and body[i].lower().startswith(("written by", "author")) and i <= last:
            continue  # a bare "Author" mid-text is a word, not a label
        box = [rest] if rest else []
        box += [body[k] for k in range(i + 1, min(len(body), i + 1 + _BOX_LINES))]
        name = _from_box(box)
        if name is None:
            continue
        tail.author = tail.author or name
        tail.reasons[i] = "author box"
        for k in range(i + 1, min(len(body), i + 1 + _BOX_LINES)):
            if reasons[k] is not None or not _about(body[k], name):
                break
            tail.reasons[k] = "author box"
        for line in box:
            if (bio := biography(line)) and bio[1]:
                tail.outlets.append(("biography", bio[1]))
    for i in range(start, len(body)):
        near_end = i > last or i >= len(body) - _TAIL_LINES
        if near_end and (site := self_named(body[i])):
            tail.outlets.append(
                ("self-named", site)
            )  # "Subscribe to <Site>", "<Site> is part of …"
            if reasons[i] is None:
                tail.reasons[i] = "site's own note"
            continue
        if reasons[i] is not None or i in tail.reasons:
            continue
        near_end = i > last or i >= len(body) - _TAIL_LINES
        if near_end and L.units(body[i]) <= 12 and (b := B.byline(body[i], labelled_only=True)):
            tail.author = tail.author or b.author
            tail.reasons[i] = "byline"
        elif (
            i >= len(body) - _TAIL_LINES
            and (bio := biography(body[i]))
            and (tail.author or known) in (None, bio[0])
        ):
            tail.author = bio[0]
            tail.reasons[i] = "author box"
            if bio[1]:
                tail.outlets.append(("biography", bio[1]))
    return tail


def is_box_label(line: str) -> bool:
    """ "About the author", "Author bio": the label that opens an author box."""
    return L.units(line) <= 6 and bool(_BOX.match(line)) and not L.ends_sentence(line)


def _from_box(box: list[str]) -> str | None:
    for line in box[:2]:
        if bio := biography(line):
            return bio[0]
        if name := _name_line(line):
            return name
    return None


def _about(line: str, name: str) -> bool:
    """A line of the box about its writer: the name, a biography, or a sentence that opens
    with the writer's first or last name or a pronoun."""
    if L.units(line) > 45:
        return False
    if _name_line(line) == name or ((bio := biography(line)) and bio[0] == name):
        return True
    first = line.split()[0].strip(",.") if line.split() else ""
    return first in name.split() or bool(_PRONOUN.match(line))


def author_in(lines: list[str]) -> tuple[str | None, list[tuple[str, str]]]:
    """The writer (and any outlet a biography names) in a page's lines, read as a tail."""
    tail = read_tail(lines, [None] * len(lines), len(lines) - 1)
    return tail.author, tail.outlets


def clean_author(text: str) -> str | None:
    """An author field that holds more than names (a page's metadata may hand over the
    whole author box: "About the author Jane Doe is a reporter") read down to the name;
    None when no name can be read from it."""
    stripped = _LABEL_START.sub("", text).strip()
    if (b := B.byline(text, labelled_only=True)) and L.units(text) <= 12:
        return b.author  # "Interview by A", "Words by A | Pictures by B": the byline's label
    if stripped == text and L.units(text) <= 6:
        return text
    if bio := biography(stripped):
        return bio[0]
    b = B.byline(stripped)
    return b.author if b else None

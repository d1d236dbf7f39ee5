"""The head of a scraped page: the lines above the story's first paragraph.

A news page puts the same things there whatever the site: a masthead or menu, a
breadcrumb, the headline (sometimes with a kicker above it or a standfirst below), a
byline, a dateline or "Published …" line, a URL. Each line is recognised by its shape
(lines.py); the headline is the one title-like line that shares words with the story.
What lies above the headline is the page's, not the story's, and is dropped; a standfirst
below it is kept as text.
"""

from __future__ import annotations

import re

from . import bylines as B
from . import lines as L
from . import sitelines as S
from .chrome import Dropped, chrome_reason
from .datelines import is_numeric_date
from .headline import choose_title, distinctive, site_of
from .metalines import DATE_LABELLED, REPORTING_FROM, SHORT, Head, dated, late_metadata

_HEAD_LINES = 20  # no page puts its first paragraph further down than this
_AFTER = 4  # a byline or date may follow a standfirst by this many lines
_SECTIONS = S.SECTIONS


def read_head(
    lines: list[str],
    language: str,
    title_known: bool = False,
    menus: frozenset[int] = frozenset(),
    known_at: int | None = None,
) -> Head:
    """`title_known`: the headline came from front matter or HTML metadata, so every
    title-like line left in the head is a standfirst or a byline, not a headline; `known_at`:
    where that headline stood among the lines. `menus`: the indices of lines the file's own
    layout shows to be a menu (lines.spaced_items)."""
    head = Head()
    p = next((i for i, line in enumerate(lines[:_HEAD_LINES]) if _story_starts(line)), None)
    if p is None:
        p = 0 if len(lines) > _HEAD_LINES else min(len(lines), 1)
    plain: list[tuple[int, str]] = []  # (line index, text) of lines that may be the headline
    consumed: set[int] = set()
    masthead_at = reference_at = None
    kind = ""
    for i, line in enumerate(lines[:p]):
        menu = i in menus and not S.control_bar(line)  # a bar of controls may name the site
        over, kind = kind, "navigation" if menu else _classify(line, head, language)
        if kind == "plain" and over == "byline" and B.role_only(line):
            kind = "byline"  # "By A" over "Education Reporter": the writer's job, no headline
        reference_at = i if kind == "reference site" and reference_at is None else reference_at
        if kind == "plain":
            plain.append((i, line))
            continue
        if kind == "masthead" and plain:  # capitals under the site's name: a kicker
            head.outlets.pop()  # the masthead _classify just put there ("ALLERGY ALERT")
            kind = "section"
        consumed.add(i)
        if kind.startswith("title:"):
            plain.append((i, kind[6:]))
            kind = "dateline"
        masthead_at = i if kind == "masthead" else masthead_at
        head.dropped.append(Dropped(line, kind))
    late_at, bylined = [], False  # metadata under the first paragraph; a byline among it
    for i in range(p, min(len(lines), p + _AFTER)):
        if late := late_metadata(lines[i], head, language):
            consumed.add(i)
            head.dropped.append(Dropped(lines[i], late))
            late_at.append(i)
            named = _name_above(lines, i, p, late, head, consumed)
            bylined = bylined or named or (late == "byline" and i > p)
    above = [i for i, _ in plain if reference_at is not None and i < reference_at]
    if title_known:
        title_at: int | None = -1
    elif above:  # a reference work's title is the line above its strapline
        title_at = above[-1]
    else:
        title_at = choose_title(plain, lines[p : p + 6], masthead_at)
    if title_at is not None and title_at >= 0 and _name_only(lines[title_at]):
        # the name was the site's, over a headline written as a sentence: a byline follows
        # that "paragraph", or the name ends in a word papers are named with ("… Courier")
        plate = lines[title_at].split()[-1].lower() in S.NAMEPLATE
        if (bylined or plate) and _prose_headline(lines, p, late_at, head):
            consumed.add(p)
            title_at = None
    elif title_at is None and not title_known:
        if _prose_headline(lines, p, late_at, head):
            consumed.add(p)
        else:
            _capitals_headline(head, lines[p : p + 6])
    byline_at = -2
    for i, text in plain:
        if i == title_at:
            head.title = text
            reason = "headline"
        elif title_at is None or i < title_at:
            reason = "above the headline"
            if i == plain[0][0] and masthead_at is None and _site_like(text):
                head.outlets.append(("masthead", text))
                reason = "masthead"
            elif site := site_of(text, first=i == plain[0][0]):
                head.outlets.append(("masthead", site))
                reason = "masthead"
        elif i < (known_at or 0) and i == plain[0][0] and (site := site_of(text, first=True)):
            head.outlets.append(("masthead", site))  # the site's name over a known headline
            reason = "masthead"
        elif head.author is None and L.units(text) <= 8 and (b := B.credited(text)):
            head.author = b.author
            reason = "byline"
            byline_at = i
        elif i == byline_at + 1 and L.units(text) <= 4 and not L.ends_sentence(text):
            reason = "byline"  # "Weather reporter", "BBC News, Bristol" under the name
        else:
            continue  # a standfirst: article text
        if i not in consumed:
            head.dropped.append(Dropped(text, reason))
        consumed.add(i)
    head.body = [line for i, line in enumerate(lines) if i not in consumed]
    return head


def _story_starts(line: str) -> bool:
    """A paragraph of running text that is not the page's own prompt ("You have 2 free
    articles left. Subscribe for unlimited access.")."""
    return L.is_prose(line) and chrome_reason(line) is None


def _prose_headline(lines: list[str], p: int, late_at: list[int], head: Head) -> bool:
    """No headline above the first paragraph, but a byline or dateline below it: that
    "paragraph" is a headline written as a sentence ("The lanes are working. Keep them.")."""
    if p >= len(lines) or not any(i > p for i in late_at) or L.units(lines[p]) > 20:
        return False
    if len(re.findall(r"[.!?](?:\s|$)", lines[p])) > 2:
        return False
    head.title = lines[p]
    head.dropped.append(Dropped(lines[p], "headline"))
    return True


def _name_only(text: str) -> bool:
    return L.units(text) < 4 and L.is_name(text, 6)


def _name_above(
    lines: list[str], i: int, p: int, late: str, head: Head, consumed: set[int]
) -> bool:
    """A bare name on the line above a dateline under the standfirst is the byline."""
    k = i - 1
    if late != "dateline" or k <= p or k in consumed or head.author is not None:
        return False
    b = B.byline(lines[k])
    if not (b and not b.rest and L.is_person(b.author) and L.units(lines[k]) <= 5):
        return False
    head.author = b.author
    consumed.add(k)
    head.dropped.append(Dropped(lines[k], "byline"))
    return True


def _classify(line: str, head: Head, language: str) -> str:
    """What a head line is; metadata it carries goes into `head`. Returns "plain" for a
    headline candidate, "title:<text>" for a date line that goes on with a headline, or
    what the line is (the reason it leaves the text)."""
    if L.is_url(line):
        head.url = head.url or L.url_of(line)
        return "address"
    if site := S.reference_site(line):
        head.outlets.append(("site name", site))
        return "reference site"
    short = L.units(line) <= SHORT
    if short and (found := L.date_line(line, language)) and (kind := dated(found, head)):
        return kind
    if is_numeric_date(line) or (short and L.units(line) <= 8 and DATE_LABELLED.match(line)):
        return "dateline"  # a date that cannot be read (04/05/2022, a garbled one): not guessed
    if REPORTING_FROM.match(line):
        return "byline"  # "Reporting from Kyiv, Ukraine" under the names
    if L.menu_items(line) and (b := B.byline(line, labelled_only=True)):
        head.author = head.author or b.author  # "Words by A | Pictures by B": not a menu
        return "byline"
    if (bar := S.control_bar(line)) is not None:
        head.outlets += [("menu", bar)] if bar else []
        return "navigation"
    if (items := L.menu_items(line)) is not None:
        if site := S.site_and_section(line, S.NAMEPLATE):
            head.outlets.append(("menu", site))
            return "navigation"
        if len(items) == 2 and L.is_person(items[0]):
            return "plain"  # "A Name | Section": a byline, if it sits under the headline
        if _site_like(items[0]):
            head.outlets.append(("menu", _spelled_out(items[0], line)))
        return "navigation"
    if site := S.self_named(line):
        head.outlets.append(("self-named", site))
        return "call to action"
    if reason := chrome_reason(line):
        if (
            reason == "credits"
            and (b := B.byline(line, labelled_only=True))
            and B.names_of(b.author)
        ):
            head.author = head.author or b.author  # "Compiled by A, readers' editor" heads it
            return "byline"
        return reason
    if S.section_run(line):
        return "navigation"
    if (held := L.copyright_holder(line)) is not None:
        if held[0]:
            head.outlets.append((S.copyright_kind(line), held[0]))
        return "copyright"
    for kind, name in (("logo", L.logo_name(line)), ("source", L.source_label(line))):
        if name:
            head.outlets.append((kind, name))
            return "site name"
    if staff := B.staff_byline(line):
        head.author = head.author or line.removeprefix("By ").strip()
        head.outlets.append(("staff byline", staff))
        return "byline"
    if b := B.byline(line, labelled_only=True):
        head.author = head.author or b.author
        return "byline"
    if who := B.role_byline(line):
        head.author = head.author or who
        return "byline"
    first = _first_part(line)
    if L.is_upper_name(first) and first.lower() not in _SECTIONS:
        head.outlets.append(("masthead", _spelled_out(first, line)))
        return "masthead"
    if L.is_upper_name(line):
        return "section"
    return "plain"


def _spelled_out(acronym: str, line: str) -> str:
    """ "TAWU - Transit & Allied Workers' Union": the name the acronym's letters begin."""
    rest = line[len(acronym) :].strip(" -–—|:")
    initials = "".join(w[0] for w in rest.split() if w[0].isupper())
    return rest if rest and L.is_name(rest, 8) and initials == acronym.replace(".", "") else acronym


def _first_part(line: str) -> str:
    return re.split(r"\s+[-–—|]\s+", line, maxsplit=1)[0]


def _site_like(text: str) -> bool:
    return L.is_name(text, 6) and text.lower() not in _SECTIONS


def _capitals_headline(head: Head, story: list[str]) -> None:
    """No headline among the mixed-case lines: the last line in capitals that shares a
    distinctive word with the story is one written in capitals, not a masthead."""
    words = distinctive(" ".join(story), 4)
    for k in range(len(head.dropped) - 1, -1, -1):
        d = head.dropped[k]
        if d.reason == "masthead" and distinctive(d.line, 4) & words and L.units(d.line) >= 3:
            head.title = d.line
            head.dropped[k] = Dropped(d.line, "headline")
            head.outlets = [o for o in head.outlets if o[1] != re.split(r"\s+[-–—|]\s+", d.line)[0]]
            return

"""An HTML page: the story's text and metadata through trafilatura, with the page's own
lines as fallback evidence.

trafilatura.extract_metadata reads the title, author, URL, site name and date from
OpenGraph and JSON-LD, `<meta>` tags and `<time>` elements (its date comes from htmldate).
A bare page has none of that, so its full text is also read line by line: a copyright
line in the footer or the `<title>`'s " – Site Name" part still name the outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lines as L
from . import sitelines as S
from .bylines import Byline, byline
from .datelines import find_dates
from .sitelines import self_named
from .tail import author_in, clean_author

_BLOCKS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer",
    "section", "article", "aside", "nav", "main", "figure", "figcaption", "br", "tr", "td",
    "th", "table", "blockquote", "pre", "dd", "dt", "time", "span",
}  # fmt: skip
_TITLE_SEP = re.compile(r"\s+[|–—-]\s+|\s*::\s*|\s+·\s+")


@dataclass
class HtmlPage:
    text_lines: list[str]
    title: str | None = None
    author: str | None = None
    url: str | None = None
    date: str | None = None
    language: str | None = None
    outlets: list[tuple[str, str]] = field(default_factory=list)
    page_lines: list[str] = field(default_factory=list)


def read_html(source: str) -> HtmlPage:
    import trafilatura

    text = trafilatura.extract(source, include_comments=False, include_tables=False) or ""
    # Dates from markup only: htmldate's extensive search also reads bare years in the
    # text ("open in 2025" -> 2025-01-01); its guess is checked against the page below.
    meta = trafilatura.extract_metadata(source, extensive=False)
    page = HtmlPage([L.normalise(p) for p in text.splitlines() if L.normalise(p)])
    if meta is not None:
        page.title = meta.title or None
        page.author = clean_author(meta.author) if meta.author else None
        page.url = meta.url or None
        page.date = meta.date[:10] if meta.date else None
        page.language = meta.language or None
        # trafilatura may take the `<title>`'s longer part, the headline, for the site's name
        named = meta.sitename or ""
        if named and L.squash(named) != L.squash(meta.title or "") and not L.is_url(named):
            page.outlets.append(("site name", named))
    lines = _page_lines(source)
    page.page_lines = lines.page
    page.url = page.url or lines.permalink
    if len(page.text_lines) <= 1 < lines.paragraphs:
        # A short page can come back as one run-on line; its own paragraphs are better.
        page.text_lines = lines.story
    if lines.title and page.title:
        for part in _TITLE_SEP.split(lines.title):
            if part and L.squash(part) != L.squash(page.title) and L.is_name(part, 6):
                page.outlets.append(("masthead", part.strip()))
    page.outlets += [("menu", site) for x in _above_title(page) if (site := _menu_site(x))]
    for line in page.page_lines:
        if site := S.reference_site(line):  # "From <Site>, the free encyclopedia"
            page.outlets.append(("site name", site))
        held = L.copyright_holder(line)
        if held and held[0]:
            page.outlets.append((S.copyright_kind(line), held[0]))
    if page.date is None:
        page.date = _written_date(source, page.page_lines)
    if page.author is None:  # a byline the metadata and the extracted text both left out
        page.author = next(
            (
                b.author
                for x in page.page_lines[:60]
                if L.units(x) <= 20 and (b := _byline(x, page.language or "en"))
            ),
            None,
        )
    story = set(page.text_lines)
    outside = [x for x in page.page_lines if x not in story]  # the page around the story
    author, outlets = author_in(outside)
    page.author = page.author or author
    page.outlets += outlets
    page.outlets += [("self-named", name) for x in outside if (name := self_named(x))]
    return page


def _byline(line: str, language: str) -> Byline | None:
    """ "By A", or a dateline that goes on with one: "<date> · Live coverage by A and B"."""
    found = L.date_line(line, language)
    return byline(found[3] if found and not found[2] else line, True)


def _above_title(page: HtmlPage) -> list[str]:
    squashed = L.squash(page.title or "")
    at = next((i for i, x in enumerate(page.page_lines) if L.squash(x) == squashed), None)
    return page.page_lines[: at or 0]


def _menu_site(line: str) -> str | None:
    """The site's name heading a menu above the headline ("<Site> | News | Politics | …"):
    a name, no section itself, before at least one section label."""
    items = L.menu_items(line) or []
    if len(items) < 2 or not L.is_name(items[0], 6) or S.is_section(items[0]):
        return None
    return items[0] if any(S.is_section(x) for x in items[1:]) else None


def above_headline(page: HtmlPage, lines: list[str]) -> int | None:
    """How many of the extracted lines open the page above its headline (the `<h1>` the
    extraction left out): a site's name, a kicker. None when the page does not show."""
    heads = [
        i
        for i, x in enumerate(page.page_lines)
        if page.title and L.squash(x) == L.squash(page.title)
    ]
    above = set(page.page_lines[: heads[0]]) if heads else set()
    n = next((k for k, x in enumerate(lines) if x not in above), len(lines))
    return n or None


def _written_date(source: str, page_lines: list[str]) -> str | None:
    """htmldate's extensive search, taken only when the page writes that date out in full
    (a `<span>March 3, 2022</span>`), not when it guessed it from a bare year."""
    from htmldate import find_date

    try:
        guess = find_date(source, extensive_search=True, original_date=True)
    except (ValueError, TypeError):
        return None
    if not guess:
        return None
    written = {d.iso for x in page_lines if L.units(x) <= 40 for d in find_dates(x)}
    return guess[:10] if guess[:10] in written else None


@dataclass
class _Lines:
    page: list[str]  # every line a browser shows
    story: list[str]  # the lines of <article> (or <main>, or <body>), paragraphs kept whole
    title: str | None
    permalink: str | None
    paragraphs: int


def _page_lines(source: str) -> _Lines:
    """The page's text one block element per line; the `<title>`; the post's permalink
    (`rel="bookmark"`, the hAtom convention blogs use)."""
    import lxml.html

    try:
        root = lxml.html.fromstring(source)
    except (ValueError, lxml.etree.ParserError):
        return _Lines([], [], None, None, 0)
    title = root.findtext(".//title")
    links = [h for h in root.xpath("//a[@rel='bookmark']/@href") if str(h).startswith("http")]
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    body = root.find("body")
    body = body if body is not None else root
    story_root = next(iter(body.xpath(".//article") or body.xpath(".//main")), body)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS - {"span"}:
            el.tail = "\n" + (el.tail or "")
    story = _split(story_root.text_content())
    for el in root.iter("span"):  # spans hold bylines and dates on their own
        el.tail = "\n" + (el.tail or "")
    return _Lines(
        _split(body.text_content()),
        story,
        L.normalise(title) if title else None,
        str(links[0]) if links else None,
        len(body.xpath(".//p")),
    )


def _split(text: str) -> list[str]:
    return [x for x in (L.normalise(t) for t in text.splitlines()) if x]

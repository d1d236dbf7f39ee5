"""Reading articles: decode, take the metadata the file states, drop site chrome.

Metadata comes from the most explicit evidence first: front matter (or, for a newsletter
saved as an email, its headers); then the format's own metadata (HTML: trafilatura's
extract_metadata over OpenGraph, JSON-LD, `<meta>`, `<time>` and htmldate); then what any
news page shows in its lines (reading/head.py: headline, byline, dateline, masthead,
copyright line, URL). The cleaned text is what every citation
quotes, so cleaning only ever removes whole lines (each with its reason, kept on the
article for `citebot sources ID`); it never rewrites inside a sentence (beyond normalising
whitespace and turning Markdown markup into its text). The headline is metadata, not text.
"""

from __future__ import annotations

import hashlib
import logging
import re
import stat
from collections import Counter
from dataclasses import replace
from functools import cache
from pathlib import Path

from .language import detect_language
from .outlets import best_outlet, outlet_from_domain, outlet_from_text
from .reading import lines as L
from .reading.chrome import SHARED, Dropped, clean_body
from .reading.datelines import closing_date, find_dates, numeric_order
from .reading.frontmatter import split_front_matter
from .reading.head import read_head
from .reading.mail import signature, split_mail_headers
from .reading.markdown import markdown_lines
from .reading.sitelines import NAMEPLATE, site_and_section
from .reading.stated import stated_date
from .reading.webpage import above_headline, read_html
from .shared.article import Article
from .shared.errors import UnreadableArticle

SUFFIXES = (".txt", ".md", ".html", ".htm")
log = logging.getLogger("citebot.index")
# (corpus, suffix) already warned about: the corpus is listed more than once per run.
_warned_suffixes: set[tuple[str, str]] = set()
MAX_BYTES = 20_000_000  # a news article is kilobytes; bigger is a dump, not an article

_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=[/-]|$)")
_NOTE = re.compile(r"publish|edited|modified|updated")
_FRONT_KNOWN = {"title", "date", "url", "outlet", "site", "source", "author", "language", "lang"}


def article_id(path: Path) -> str:
    return path.stem


def read_article(path: Path, shared: frozenset[str] = frozenset()) -> Article:
    """Read one file. Raises UnreadableArticle with a message naming the file. `shared`:
    the corpus's boilerplate lines (shared_lines), dropped as chrome."""
    return parse_article(
        _read_bytes(path), article_id(path), path.suffix.lower(), str(path), shared
    )


def _read_bytes(path: Path) -> bytes:
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            # A directory fails on read, but a FIFO or device would block the indexer forever.
            raise UnreadableArticle(f"{path.name}: not a regular file, skipped")
        if st.st_size > MAX_BYTES:
            raise UnreadableArticle(
                f"{path.name}: larger than {MAX_BYTES // 1_000_000} MB, skipped"
            )
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableArticle(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc


def shared_lines(paths: list[Path]) -> frozenset[str]:
    """Short non-sentence lines that appear in more than one text article of the corpus:
    a site's boilerplate (a sponsor line, a section label), not any one story's words.
    HTML pages are left out: trafilatura already separates their boilerplate."""
    seen: Counter[str] = Counter()
    for path in paths:
        if path.suffix.lower() not in (".txt", ".md"):
            continue
        try:
            source = _read_bytes(path).decode("utf-8-sig")
        except (UnreadableArticle, UnicodeDecodeError):
            continue
        lines = {L.normalise(line) for line in split_front_matter(source)[1].splitlines()}
        seen.update(x for x in lines if x and L.units(x) <= 12 and not L.ends_sentence(x))
    return frozenset(line for line, n in seen.items() if n > 1)


# The reading code is part of an article's version too: after an upgrade that reads files
# differently (a byline form, front matter), `citebot index` reads every article anew
# instead of keeping what the old code found; chunks whose text is unchanged keep their
# vectors (indexer.py), so this costs reading, not embedding.
_READERS = (
    Path(__file__),
    Path(__file__).with_name("outlets.py"),
    Path(__file__).with_name("language.py"),
    *sorted((Path(__file__).parent / "reading").glob("*.py")),
)


@cache
def reader_version() -> bytes:
    return hashlib.sha256(b"".join(p.read_bytes() for p in _READERS)).digest()[:8]


def parse_article(
    raw: bytes, aid: str, suffix: str = ".txt", path: str = "", shared: frozenset[str] = frozenset()
) -> Article:
    if b"\x00" in raw[:8192]:
        raise UnreadableArticle(f"{aid}{suffix}: binary file, skipped")
    try:
        source = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableArticle(f"{aid}{suffix}: not UTF-8 text, skipped") from exc
    article = _read(source, aid, suffix, shared)
    if not article.text.strip():
        raise UnreadableArticle(f"{aid}{suffix}: no article text found, skipped")
    # The boilerplate that applied is part of the version: when the corpus around an
    # unchanged file changes what counts as chrome, the file is read anew.
    used = sorted({line for line, reason in article.dropped if reason == SHARED})
    digest = hashlib.sha256(raw + "\0".join(used).encode() + reader_version()).hexdigest()[:16]
    return replace(article, path=path, content_hash=digest)


def _read(source: str, aid: str, suffix: str, shared: frozenset[str]) -> Article:
    front, body = split_front_matter(source)
    mailed = not front and suffix not in (".html", ".htm")
    if mailed:
        front, body = split_mail_headers(body)
        mailed = bool(front)
    html = read_html(body) if suffix in (".html", ".htm") else None
    md_title = None
    menus: frozenset[int] = frozenset()
    if html is not None:
        lines = html.text_lines
    elif suffix == ".md":
        lines, md_title = markdown_lines(body)
        if md_title and site_and_section(md_title, NAMEPLATE):
            lines, md_title = [md_title, *lines], None  # "# <Site> | <Section>" heads the page
    else:
        raw = [line for line in body.splitlines() if L.normalise(line)]
        lines = [L.normalise(line) for line in raw]
        menus = frozenset(i for i, line in enumerate(raw[:40]) if L.spaced_items(line))
    language = front.get("language") or front.get("lang") or detect_language("\n".join(lines))
    # how the page writes a numeric date (03/04/2025), told by its other dates and address
    address = front.get("url") or (html.url if html else None)
    address = address or next((L.url_of(x) for x in lines if L.is_url(x)), None)
    order = numeric_order("\n".join(lines), address)
    dates_in = f"{language}@{order}" if order else language
    known_title = front.get("title") or md_title or (html.title if html else None)
    dropped: list[Dropped] = []
    known_at = None
    if known_title:
        known_at = next(
            (i for i, x in enumerate(lines) if L.squash(x) == L.squash(known_title)), None
        )
        known_at = above_headline(html, lines) if known_at is None and html else known_at
        dropped += [Dropped(x, "headline") for x in lines if L.squash(x) == L.squash(known_title)]
        keep = [i for i, x in enumerate(lines) if L.squash(x) != L.squash(known_title)]
        menus = frozenset(n for n, i in enumerate(keep) if i in menus)
        lines = [lines[i] for i in keep]
    head = read_head(lines, dates_in, bool(known_title), menus, known_at)
    dropped += head.dropped
    tail_date = _publication_note(head.body, dropped, dates_in)
    body_res = clean_body(head.body, shared, front.get("author") or head.author)
    dropped += body_res.dropped
    text_lines = body_res.kept
    url = (
        front.get("url")
        or (html.url if html else None)
        or head.url
        or next(iter(body_res.urls), None)
    )

    evidence = [*(html.outlets if html else []), *head.outlets, *body_res.outlets]
    if text_lines and (wire := L.wire_outlet(text_lines[0])):
        evidence.append(("wire", wire))
    everything = "\n".join(lines)
    outlet = (
        front.get("outlet") or front.get("site") or front.get("source")
        or best_outlet(evidence, everything) or outlet_from_text("\n".join(text_lines))
        or (outlet_from_domain(url, everything) if url else None)
    )  # fmt: skip
    if front.get("date") and not _iso(front["date"]):
        log.warning(
            "%s%s front matter: date %r is not a date (write YYYY-MM-DD); ignored",
            aid, suffix, front["date"][:40],
        )  # fmt: skip
    date = _iso(front.get("date")) or (html.date if html else None) or head.date
    date = date or head.updated or tail_date or _url_date(url)
    # a wire or press-release dateline opens the story, under a standfirst if there is one
    date = date or next(filter(None, (L.wire_date(x, dates_in) for x in text_lines[:2])), None)
    author = front.get("author") or (html.author if html else None) or head.author
    author = author or next(iter(body_res.authors), None)
    author = author or (signature(head.body) if mailed else None)
    title = known_title or head.title or _title_from_text(text_lines) or aid
    date = date or (closing_date(title, dates_in) if known_title or head.title else None)
    return Article(
        id=aid,
        title=title,
        outlet=outlet,
        date=date,
        url=url,
        author=author,
        language=language,
        date_text=stated_date(date, [*(d.line for d in dropped), title, *text_lines], dates_in),
        text="\n\n".join(text_lines),
        extra={k: v for k, v in front.items() if k not in _FRONT_KNOWN},
        dropped=tuple((d.line, d.reason) for d in dropped),
    )


def _publication_note(body: list[str], dropped: list[Dropped], language: str) -> str | None:
    """ "This article was first published on 2 February 2020" under the story; a reference
    page's "This page was last edited on 14 August 2024" (its only date) the same way."""
    for line in body[-3:]:
        found = L.date_line(line, language)
        if found and _NOTE.search(found[1]) and not found[2] and L.units(line) <= 14:
            body.remove(line)
            dropped.append(Dropped(line, "publication note"))
            return found[0]
    return None


def _iso(value: str | None) -> str | None:
    found = find_dates(value) if value else []
    return found[0].iso if found else None


def _url_date(url: str | None) -> str | None:
    """ "/2022/06/09/" in the address dates the page to the day."""
    if not url or not (m := _URL_DATE.search(url.split("?", 1)[0])):
        return None
    return "-".join(m.groups())


def _title_from_text(paragraphs: list[str]) -> str | None:
    """No headline stated: the first sentence stands in, shortened at a word boundary."""
    if not paragraphs:
        return None
    # a sentence ends after the quote or bracket that closes on its stop: 'Ask: "Why?"'
    ended = re.match(r".*?[.!?。！？]['\"”’»)\]）」』]*", paragraphs[0])
    first = ended.group(0) if ended else paragraphs[0]
    if len(first) <= 90:
        return first
    return first[:90].rsplit(" ", 1)[0] + "…"


def find_article_files(corpus: Path) -> list[Path]:
    """Article files under corpus (recursively), sorted; symlink loops are not followed."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    others: dict[str, list[str]] = {}
    for path in sorted(corpus.rglob("*")):
        if path.name.startswith("."):
            continue
        if path.suffix.lower() not in SUFFIXES:
            if path.is_file():
                others.setdefault(path.suffix.lower(), []).append(path.name)
            continue
        try:
            st = path.stat()
        except OSError:
            found.append(path)  # dangling or looping symlink: reported when read
            continue
        if (st.st_dev, st.st_ino) in seen:
            continue
        seen.add((st.st_dev, st.st_ino))
        found.append(path)
    _warn_skipped(corpus, others)
    return found


def _warn_skipped(corpus: Path, others: dict[str, list[str]]) -> None:
    """One line per file type that is not read (a .pdf, a .json), naming a few of the files."""
    for suffix, names in sorted(others.items()):
        if (str(corpus), suffix) in _warned_suffixes:
            continue
        _warned_suffixes.add((str(corpus), suffix))
        kind = f"{suffix} file" if suffix else "file without an extension"
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        log.warning(
            "skipped %d %s%s (%s): citebot reads .txt, .md and .html",
            len(names), kind, "" if len(names) == 1 else "s", shown,
        )  # fmt: skip

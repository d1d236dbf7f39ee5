"""Reading articles: decode, pull metadata out of the messy head, drop site chrome.

The cleaned text is what every citation quotes, so cleaning only ever removes whole
lines; it never rewrites inside a sentence (beyond normalising whitespace).
"""

from __future__ import annotations

import hashlib
import re
import stat
from collections import Counter
from dataclasses import replace
from pathlib import Path

from .outlets import outlet_from_domain, outlet_from_text
from .shared.article import Article
from .shared.errors import UnreadableArticle

SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_BYTES = 20_000_000  # a news article is kilobytes; bigger is a dump, not an article

_URL_LINE = re.compile(r"^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+/\S*$", re.I)
_DATE_HEAD = re.compile(r"^date\s+(\d{4}-\d{2}-\d{2})\s+(.+)$", re.I)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TERMINAL = re.compile(r"[.!?…:;\"”’)\]]\s*$")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’)\]]*\s*$")
_AUTHOR_BOX = re.compile(r"^About\s+(\S+(?:\s+\S+)?)$")
_BYLINE = re.compile(r"^(?:By\s+)?([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})$")
_LOGO = re.compile(r"^(.{2,60}?)\s+Logo$")
# Lines that are navigation or prompts on any site, never article sentences.
_CHROME = re.compile(
    r"^(skip to (main )?content|advertisement|share( this)?( article)?|leave a (reply|comment)"
    r"|comments?|related( stories| articles)?:?|read more|sign up.*newsletter.*|menu|search"
    r"|subscribe|follow us.*|sponsored( content)?|trending now|you may also like)$",
    re.I,
)
# Everything after one of these belongs to other stories or the comment section.
_TAIL_START = re.compile(
    r"^(check also|leave a reply|related posts|more from .{1,40}|you might also like)$", re.I
)
_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_PROMO = re.compile(r"^for more on this, pick up .*$", re.I)


def article_id(path: Path) -> str:
    return path.stem


def read_article(path: Path) -> Article:
    """Read one file. Raises UnreadableArticle with a message naming the file."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            # A directory fails on read, but a FIFO or device would block the indexer forever.
            raise UnreadableArticle(f"{path.name}: not a regular file, skipped")
        if st.st_size > MAX_BYTES:
            raise UnreadableArticle(
                f"{path.name}: larger than {MAX_BYTES // 1_000_000} MB, skipped"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableArticle(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
    return parse_article(raw, article_id(path), path.suffix.lower(), str(path))


def parse_article(raw: bytes, aid: str, suffix: str = ".txt", path: str = "") -> Article:
    if b"\x00" in raw[:8192]:
        raise UnreadableArticle(f"{aid}{suffix}: binary file, skipped")
    try:
        source = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableArticle(f"{aid}{suffix}: not UTF-8 text, skipped") from exc
    front, body = split_front_matter(source)
    heading = None
    if suffix == ".md":
        body, heading = _strip_md_headings(body)
    article = _from_html(body, aid) if suffix in (".html", ".htm") else _from_text(body, aid)
    if heading:
        article = replace(article, title=heading)
    if not article.text.strip():
        raise UnreadableArticle(f"{aid}{suffix}: no article text found, skipped")
    article = _apply_front_matter(article, front)
    digest = hashlib.sha256(raw).hexdigest()[:16]
    return replace(article, path=path, content_hash=digest)


def _strip_md_headings(body: str) -> tuple[str, str | None]:
    """`# Headline` → `Headline`: the marks are markup, not words a citation should quote.
    A heading on the first line is the article's title, however short."""
    first = next((line for line in body.splitlines() if line.strip()), "")
    top = _MD_HEADING.match(first)
    return _MD_HEADING.sub(r"\2", body), (top.group(2).strip() if top else None)


def split_front_matter(source: str) -> tuple[dict[str, str], str]:
    """`---` / `key: value` / `---` at the very top. Malformed lines are ignored, not fatal."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, source
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, source[match.end() :]


def _apply_front_matter(article: Article, front: dict[str, str]) -> Article:
    if not front:
        return article
    date = front.get("date") or article.date
    if date and not _ISO_DATE.match(date[:10]):
        date = article.date
    url = front.get("url") or article.url
    outlet = front.get("outlet") or front.get("site") or front.get("source") or article.outlet
    if not front.get("outlet") and url and url != article.url:
        outlet = outlet_from_domain(url) or outlet
    known = {"title", "date", "url", "outlet", "site", "source", "author"}
    return replace(
        article,
        title=front.get("title") or article.title,
        date=date[:10] if date else None,
        url=url,
        outlet=outlet,
        author=front.get("author") or article.author,
        extra={k: v for k, v in front.items() if k not in known},
    )


def _normalise(line: str) -> str:
    return re.sub(r"[ \t\u00a0\u2009\u202f]+", " ", line).strip()


def _is_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line)) and len(line.split()) >= 3


def _looks_like_headline(line: str) -> bool:
    return not _ENDS_SENTENCE.search(line) and 4 <= len(line.split()) <= 40


def _from_text(body: str, aid: str) -> Article:
    lines = [_normalise(line) for line in body.splitlines()]
    lines = [line for line in lines if line]
    title = date = url = author = outlet = None

    # The head: a few leading lines that carry metadata instead of prose.
    while lines:
        line = lines[0]
        if _CHROME.match(line):
            lines.pop(0)
        elif m := _DATE_HEAD.match(line):
            date, title = m.group(1), m.group(2).strip()
            lines.pop(0)
        elif _URL_LINE.match(line) and url is None:
            url = line if line.startswith("http") else f"https://{line}"
            lines.pop(0)
        elif url and author is None and title is None and _BYLINE.match(line) and len(lines) > 1:
            author = line.removeprefix("By ").strip()
            lines.pop(0)
        else:
            break
    if title is None and lines and _looks_like_headline(lines[0]):
        title = lines.pop(0)

    # Chrome repeated between paragraphs (logos, share bars) shows up more than once.
    counts = Counter(line for line in lines if not _is_sentence(line))
    kept: list[str] = []
    for line in lines:
        if _TAIL_START.match(line):
            break
        if m := _LOGO.match(line):
            outlet = outlet or m.group(1)
            continue
        if m := _AUTHOR_BOX.match(line):
            author = author or m.group(1)
            continue
        if author is None and line.startswith("By ") and (m := _BYLINE.match(line)):
            author = m.group(1)  # "By Jane Doe" under the headline
            continue
        if _CHROME.match(line) or _PROMO.match(line) or counts[line] > 1:
            if _PROMO.match(line):
                outlet = outlet or outlet_from_text(line)
            continue
        # Short unpunctuated lines between paragraphs are photo captions and tags.
        if not _is_sentence(line) and len(line.split()) <= 6:
            continue
        kept.append(line)

    outlet = (
        outlet or (outlet_from_domain(url) if url else None) or outlet_from_text("\n".join(kept))
    )
    # A stated headline is article text and is quoted; a derived one is only a label.
    paragraphs = ([title] if title else []) + kept
    if title is None:
        title = _title_from_text(kept)
    return Article(
        id=aid,
        title=title or aid,
        text="\n\n".join(paragraphs),
        outlet=outlet,
        date=date,
        url=url,
        author=author,
    )


def _title_from_text(paragraphs: list[str]) -> str | None:
    """No headline stated: the first sentence stands in, shortened at a word boundary."""
    if not paragraphs:
        return None
    first = re.split(r"(?<=[.!?])\s", paragraphs[0], maxsplit=1)[0]
    if len(first) <= 90:
        return first
    return first[:90].rsplit(" ", 1)[0] + "…"


def _from_html(body: str, aid: str) -> Article:
    import trafilatura

    text = trafilatura.extract(body, include_comments=False, include_tables=False) or ""
    meta = trafilatura.extract_metadata(body)
    paragraphs = [_normalise(p) for p in text.splitlines() if _normalise(p)]
    title = meta.title if meta and meta.title else None
    if title and paragraphs and paragraphs[0] == title:
        paragraphs.pop(0)
    url = meta.url if meta and meta.url else None
    outlet = (meta.sitename if meta and meta.sitename else None) or (
        outlet_from_domain(url) if url else None
    )
    return Article(
        id=aid,
        title=title or _title_from_text(paragraphs) or aid,
        text="\n\n".join(([title] if title else []) + paragraphs),
        outlet=outlet,
        date=(meta.date[:10] if meta and meta.date else None),
        url=url,
        author=(meta.author if meta and meta.author else None),
    )


def find_article_files(corpus: Path) -> list[Path]:
    """Article files under corpus (recursively), sorted; symlink loops are not followed."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    for path in sorted(corpus.rglob("*")):
        if path.suffix.lower() not in SUFFIXES or path.name.startswith("."):
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
    return found

"""Markdown as text: the marks are markup, not words a citation should quote."""

from __future__ import annotations

import re

from . import lines as L

_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
# A table's header separator ("| --- | :-: |") or a horizontal rule ("---", "* * *").
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$|^\s*(?:[-*_]\s*){3,}$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")


def markdown_lines(body: str) -> tuple[list[str], str | None]:
    """Markdown's marks are markup, not words a citation should quote: headings, quotes,
    emphasis and links become their text; rules and table separators go. A `#` heading
    before any text is the headline."""
    out: list[str] = []
    top = None
    previous = ""
    for raw in body.splitlines():
        underline = _SETEXT.match(raw) if previous.strip() else None
        previous = raw
        if underline:
            # "Title" over "=====" is a heading; the first one, before any text, the headline
            if underline.group(1)[0] == "=" and len(out) == 1 and top is None:
                top = out.pop()
            continue
        if _MD_RULE.match(raw):
            continue
        line = raw
        if m := _MD_HEADING.match(line):
            line = m.group(2)
            if not out and top is None and m.group(1) == "#":
                top = L.normalise(_md_inline(line))
                continue
        line = L.normalise(_md_inline(re.sub(r"^\s{0,3}>\s?", "", line)))
        if line:
            out.append(line)
    return out, top


def _md_inline(line: str) -> str:
    return _MD_EMPHASIS.sub(r"\2", _MD_LINK.sub(r"\1", line))

"""Naming the outlet: from the page's own evidence, else from its web address.

The evidence is ranked by how directly the page names itself: its site-name metadata, a
copyright line, a logo's label, a "Source:" line, the masthead or the first breadcrumb, a
staff byline ("<Outlet> Staff"), a wire dateline ("LONDON (<Agency>) -"), a print plug or
an exclusive ("told <Outlet> exclusively"). With none of those, the URL's domain stands in,
spelled out when its last part is a word newspapers are named with ("coastalherald.com"
-> "Coastal Herald"), as the bare domain otherwise.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from .reading import lines as L
from .reading.sitelines import NAMEPLATE

__all__ = ["NAMEPLATE", "best_outlet", "host_of", "outlet_from_domain", "outlet_from_text"]

RANK = (
    "site name", "copyright", "logo", "source", "masthead", "menu", "publisher", "staff byline",
    "self-named", "wire", "newsletter", "biography",
)  # fmt: skip

# "a source tells <Outlet> exclusively", "exclusively told <Outlet>", "the new issue of
# <Outlet> magazine": an exclusive or a print plug names the publisher itself. A plain
# "an insider told <Outlet>" names an outlet being quoted, so it does not count.
_SELF_NAMING = [
    re.compile(r"\b(?:tells?|told)\s+((?:[A-Z][\w!&'-]*\s?){1,4}?)\s*exclusively\b"),
    re.compile(r"\bexclusively\s+(?:tells?|told)\s+((?:[A-Z][\w!&'-]*\s?){1,4})"),
    re.compile(r"\bissue of\s+((?:[A-Z][\w!&'-]*\s?){1,4}?)\s*magazine\b", re.I),
]
_SUFFIXES = {"com", "co", "uk", "org", "net", "news", "blog", "info", "biz", "media", "online",
             "press", "gov", "edu", "ac", "us", "au", "ca", "nz", "ie", "in", "de", "fr", "es",
             "it", "nl", "cn", "jp", "io", "tv", "fm"}  # fmt: skip


def host_of(url: str) -> str:
    host = urlparse(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.").lower()


def outlet_from_domain(url: str, text: str = "") -> str | None:
    host = host_of(url)
    if not host:
        return None
    labels = host.split(".")
    while len(labels) > 1 and labels[-1] in _SUFFIXES:
        labels.pop()
    label = labels[-1] if labels else ""
    spelled = _spell(label, text)
    return spelled or host


def _spell(label: str, text: str) -> str | None:
    """The domain's name as the page writes it, or split where its hyphens are
    ("valley-voice" -> "Valley Voice"), or before a nameplate word."""
    key = label.replace("-", "")
    for m in re.finditer(r"(?:[A-Z][\w'&-]*\s+){0,4}[A-Z][\w'&-]*", text):
        words = m.group(0).split()
        for i in range(len(words)):
            name = " ".join(words[i:])
            if L.squash(name) in (key, "the" + key):
                return name
    parts = label.split("-")
    if len(parts) > 1 and all(p.isalpha() and len(p) > 1 for p in parts):
        return " ".join(p.title() for p in parts)
    for word in sorted(NAMEPLATE, key=len, reverse=True):
        prefix = label.removesuffix(word)
        if prefix != label and len(prefix) >= 3 and prefix.isalpha():
            return f"{prefix.title()} {word.title()}"
    return None


def outlet_from_text(text: str) -> str | None:
    for pattern in _SELF_NAMING:
        if m := pattern.search(text):
            name = m.group(1).strip()
            if name and name[0].isupper():
                return name
    return None


def best_outlet(evidence: list[tuple[str, str]], text: str) -> str | None:
    """The strongest evidence's name, spelled as the text spells it."""
    ranked = sorted((e for e in evidence if e[0] in RANK), key=lambda e: RANK.index(e[0]))
    for _kind, name in ranked:
        name = L.display_case(name.strip(), text)
        if name:
            # "(c) Pellingford Courier Ltd" under a masthead "The Pellingford Courier": the
            # page's own full form of the same name
            fuller = (n.strip() for _, n in ranked if n.strip().lower() == f"the {name.lower()}")
            return L.display_case(next(fuller, name), text)
    return None

"""Which of a page's head lines is the story's headline.

The headline is the first headline-length line above the story that shares a distinctive
word with its opening. What a site prints above it in the same shapes everywhere (its
name with a section, its name with its slogan, a slogan on its own) is passed over when
a later line shares more with the story (sitelines.py says what those shapes are).
"""

from __future__ import annotations

import re

from ..language import all_stopwords
from . import lines as L
from . import sitelines as S


def distinctive(text: str, shortest: int = 5) -> set[str]:
    """Distinctive words (five letters or more, not function words, compared by their first
    five) and CJK character pairs: what a headline and its story share."""
    stop = all_stopwords()
    words = {
        w[:5]
        for w in re.findall(rf"[^\W\d_]{{{shortest},}}", text.lower())
        if w not in stop and not L.has_cjk(w)
    }
    cjk = "".join(L.cjk_chars(text))
    return words | {cjk[k : k + 2] for k in range(len(cjk) - 1)}


def _share(text: str, story: set[str]) -> float:
    words = distinctive(text)
    return len(words & story) / len(words) if words else 0.0


def site_of(text: str, first: bool = False) -> str | None:
    """The site named by a line above the headline: "<Site> | <Section>", "<Site> — <slogan>";
    on the page's `first` line also "<Site> — <tagline>", a blog's name."""
    if site := S.site_and_section(text, S.NAMEPLATE) or S.site_and_column(text):
        return site
    pair = S.site_and_slogan(text) or (S.site_and_tagline(text) if first else None)
    return pair[0] if pair else None


def _not_headline(
    first: tuple[int, str], later: tuple[int, str], masthead_at: int | None, story: set[str]
) -> bool:
    """A candidate above another one that is the site's, not the story's: its name with a
    section, its name with a slogan, or a slogan on its own (right under its name, or
    in words a site speaks of itself with), sharing less with the story than what follows."""
    (i, text), (after_at, after) = first, later
    items = L.menu_items(text) or []
    if S.site_and_section(text, S.NAMEPLATE) or (len(items) == 2 and S.is_section(items[1])):
        return True  # "<Site> | <Section>", or "<A Name> | <Section>" (a site or a byline)
    less = _share(text, story) < _share(after, story) and len(distinctive(text) & story) <= 1
    if S.site_and_slogan(text) or S.is_slogan(text):
        return less
    if S.is_motto(text):  # right under the site's name, or sharing less with the story
        return less or (masthead_at is not None and i == masthead_at + 1)
    if S.site_and_tagline(text):  # set apart from the next by a menu or a dateline, and
        # sharing no more of the story's words: a headline and its standfirst sit together
        apart = after_at > i + 1
        return apart and len(distinctive(text) & story) <= len(distinctive(after) & story)
    return (
        masthead_at is not None
        and i == masthead_at + 1
        and S.names_nothing(text)
        and _share(text, story) < _share(after, story)
    )


def choose_title(
    plain: list[tuple[int, str]], story: list[str], masthead_at: int | None
) -> int | None:
    """The first headline-length candidate that shares a distinctive word with the story's
    opening; failing that the first headline-length one, failing that the only line there
    is. A name-like first line with candidates after it is the site's name; a slogan right
    under the site's name that shares less with the story than the next line is its tagline."""
    if not plain:
        return None
    if len(plain) > 1 and L.is_name(plain[0][1], 6):
        masthead_at, plain = plain[0][0], plain[1:]
    story_words = distinctive(" ".join(story))
    long = [(i, t) for i, t in plain if L.units(t) >= 4]
    while len(long) > 1 and _not_headline(long[0], long[1], masthead_at, story_words):
        long = long[1:]
    for i, text in long:
        if distinctive(text) & story_words:
            return i
    if long:
        return long[0][0]
    return plain[0][0] if len(plain) == 1 else None

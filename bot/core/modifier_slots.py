"""What stands in a modifier's slot before a noun and is no swapped kind of it (read by
swaps.swapped_modifier).

- **Numbers.** A number ("the 1966 outburst"), a number after a name ("Ferrite 1.x": its
  version), or the unit or age a sentence writes right after its number ("a 2.5-litre dust
  bag", "a 38-year-old starter") measures the thing the question names; the figure itself
  is premise.py's. One exception: the sentence has another number before the same word
  and never the question's ("its 30-day average" for "the 60-day average"), another
  figure of the same thing. The question's own "60-day average" names which figure is
  asked, so its unit stays a modifier ("volume-weighted average" is another).
- **A name said after the noun.** "the Vienna telegraph office" is "the Imperial Telegraph
  Office in Vienna": the question's name after a preposition within a few words of the
  noun is the same modifier, moved.
"""

from __future__ import annotations

from itertools import pairwise

from .near_miss import Tok, same

_PLACED = frozenset("in of at from".split())
AFTER = 5  # words after the noun where the moved name may stand


def numeric(toks: list[Tok], i: int) -> bool:
    """A sentence's number, or the unit or age of the number just before it."""
    age = i > 1 and toks[i].word == "old" and toks[i - 2].word.isdigit()  # "a 38-year-old"
    digits = any(ch.isdigit() for ch in toks[i].word)
    return digits or age or (i > 0 and toks[i - 1].word.isdigit())


def number_swapped(t: Tok, head: Tok, s: list[Tok]) -> str | None:
    """ "60 day/30 day": the sentence's figure of the same thing is another (premise.py
    only asks for the question's number somewhere in the passage)."""
    if any(u.word == t.word for u in s):
        return None
    for u, after in pairwise(s):
        if u.word.isdigit() and same(after.stem, head.stem):
            return f"{t.word} {head.word}/{u.word} {after.word}"
    return None


def named_after(t: Tok, s: list[Tok], noun: int) -> bool:
    """The question's modifier after "in", "of", "at" or "from" within AFTER words of the
    sentence's noun at `noun` ("the Telegraph Office in Vienna")."""
    end = min(len(s) - 1, noun + 1 + AFTER)
    return any(s[j].word in _PLACED and same(s[j + 1].stem, t.stem) for j in range(noun + 1, end))

"""A sentence's tokens as the short answer reads them: words and numbers with their
offsets and stems, and what each is (a month beside a number, a year, a closed-class word,
part of a longer name)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from index.lexical import tokenize

from .english import CONNECT, FUNCTION, MONTHS

TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![^\W_])|\d+\.\d+(?![^\W_])|[^\W_]+(?:['’.\-][^\W_]+)*"
)
YEARISH = re.compile(r"^(\d{3,4}|\d{2,4}s|\d{1,2}(st|nd|rd|th))$")
BREAK = re.compile(r"[;:()\[\]\"“”!?]|\.\s")


@dataclass(frozen=True)
class Tok:
    start: int
    end: int
    text: str
    low: str
    stem: str
    cap: bool  # capitalised as a name is (not only as a sentence's first word)


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    stems = tokenize(word)
    return stems[0] if stems else word.lower()


@lru_cache(maxsize=1 << 14)
def _read(text: str) -> tuple[Tok, ...]:
    """One read of a text's tokens: a candidate sentence is read by the scoring, the
    names, the premise checks and the short answer, several times in one answer (and
    again by the next question that retrieves it); stemming every word each time was half
    of a who-question's answer time."""
    return tuple(
        Tok(m.start(), m.end(), w, w.lower(), _stem(w), w[:1].isupper())
        for m in TOKEN.finditer(text)
        for w in (m.group(0),)
    )


def tokens(text: str, common: Callable[[str], bool] | None = None) -> list[Tok]:
    out = list(_read(text))
    # A sentence's first word is capitalised whatever it is: "Apart from ..." is no name
    # when the articles write "apart" in lower case (a name's next word is capitalised too).
    lone = len(out) < 2 or not out[1].cap
    if common and out and out[0].cap and lone and common(out[0].low):
        out[0] = replace(out[0], cap=False)
    return out


def month(toks: Sequence[Tok], i: int) -> bool:
    """ "May 1", "1 May": a capitalised month name next to a number (not the verb "may")."""
    t = toks[i]
    if t.low not in MONTHS or not t.cap:
        return False
    return any(0 <= k < len(toks) and toks[k].text[:1].isdigit() for k in (i - 1, i + 1))


BEFORE_YEAR = frozenset(
    "in of by from until till since to before after around about circa c between and".split()
)


def year(toks: Sequence[Tok], k: int) -> bool:
    """A year, decade or ordinal; a bare three-digit number only after "in", "by", "since" ...
    or before "AD"/"BC" ("in 911"), not a count ("164 steps")."""
    t = toks[k]
    if not YEARISH.match(t.low):
        return False
    if not re.fullmatch(r"\d{3}", t.low):
        return True
    before = toks[k - 1].low if k > 0 else ""
    after = toks[k + 1].low if k + 1 < len(toks) else ""
    return before in BEFORE_YEAR or after in ("ad", "bc", "ce", "bce")


def date_part(t: Tok) -> bool:
    return t.low[:1].isdigit() or t.low in MONTHS


def function(toks: Sequence[Tok], i: int) -> bool:
    """A closed-class word, unless it is a month beside a number or a capitalised word
    continuing a name ("Theresa May": not the modal verb)."""
    t = toks[i]
    if t.low not in FUNCTION or month(toks, i):
        return False
    prev = toks[i - 1] if i > 0 else None
    return not (t.cap and prev is not None and prev.cap and prev.low not in FUNCTION)


def breaks(sentence: str, a: Tok, b: Tok) -> bool:
    gap = sentence[a.end : b.start]
    return bool(BREAK.search(gap)) or ("," in gap and not (a.cap and b.cap))


def name_goes_on(toks: Sequence[Tok], k: int, step: int, sentence: str) -> bool:
    """Does the capitalised run around token k go on past it (directly or over "of")?"""
    n = k + step
    if 0 <= n < len(toks) and toks[n].low in CONNECT:
        n += step
    if not (0 <= n < len(toks)) or not toks[n].cap or function(toks, n):
        return False
    a, b = (toks[k], toks[n]) if step > 0 else (toks[n], toks[k])
    return not re.search(r"[,;:()\[\]\"“”!?]|\.\s", sentence[a.end : b.start])

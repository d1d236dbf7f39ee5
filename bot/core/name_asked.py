"""A question asking for the name of a thing the passage leaves unnamed.

"What was the name of the remotely operated vehicle used to cut the samples?" over "A
remotely operated vehicle cut pieces from the chimneys": the passage has the thing, but the
answering sentence brings it in with "a"/"an" and no capitalised name within three words of
it, so the name asked for is not given. "What is the name of the general contractor ...?"
over a passage that never mentions a contractor (by stem, a 5-letter family, a likely typo
or a word as close as a synonym by word vectors) gives no name of one at all. The thing is
the noun after "name of (the)" (the last of up to four words before "who", "used", "in",
... or the question's end: "remotely operated vehicle" → vehicle), or in "What is the N
called?". English only; a thing named elsewhere in the passage ("Bohemond and his nephew
Tancred", "his nephew, Tancred") is named.
"""

from __future__ import annotations

import re

from .near_miss import english, same, tokens, typo
from .word_vectors import same_meaning

_NAME_OF = re.compile(r"\bname of (?:the |a |an |his |her |its |their )?([^?!.]+)", re.I)
_CALLED = re.compile(r"^\W*what (?:is|was|are|were) (?:the|a|an) ([^?!.]+?) called\b", re.I)
# Where the thing's own words end: a relative or a preposition, or a participle after them
# ("the general contractor building the library", "the engineer whose number ...")
_ENDS = frozenset(
    "who whom whose that which where when used in at on of for to from by with".split()
)
_INDEFINITE = frozenset(("a", "an"))
NEAR = 3  # words either side of the thing where its name would stand


def unnamed(question: str, sentence: str, passage: str) -> str | None:
    """What the question asks the name of, when the passage leaves it unnamed; else None."""
    found = _NAME_OF.search(question) or _CALLED.search(question)
    if not found or not english(question):
        return None
    words = tokens(found.group(1))[:5]
    cut = next(
        (k for k, t in enumerate(words) if t.word in _ENDS or (k and t.word.endswith("ing"))),
        len(words),
    )
    if not cut:
        return None
    head = words[cut - 1]
    asked = {t.stem for t in tokens(question)}

    def is_head(word: str, stem: str) -> bool:
        return same(stem, head.stem) or typo(word, head.word) or same_meaning(word, head.word)

    if not any(is_head(t.word, t.stem) for t in tokens(passage)):
        return f"no {head.word} named"
    s = tokens(sentence)
    at = [i for i, t in enumerate(s) if is_head(t.word, t.stem)]
    if not at:
        return None  # the sentence is about something else: the scoring's to judge
    for i in at:
        near = s[max(0, i - NEAR) : i] + s[i + 1 : i + 1 + NEAR]
        named = any(t.cap and t.content and t.stem not in asked for t in near)
        indefinite = any(t.word in _INDEFINITE for t in s[max(0, i - NEAR) : i])
        if named or not indefinite:
            return None
    return f"an unnamed {head.word}"

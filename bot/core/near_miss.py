"""Near misses one sentence gives away: the question's words are all there, in another order.

A question written to look answerable from a sentence often keeps the sentence's words and
changes how they relate. Two such changes are read from word order alone (no parser, no
word list beyond English function words), and only on English text:

- **Roles reversed.** "Who replaced the Normans?" over "The Normans replaced the Saxons":
  the question asks for the subject of a verb and names its object, but in the sentence
  the named word stands before that verb (active voice), so it is the subject. Likewise
  "Who did Edgar marry?" over "Malcolm married Edgar's sister": the question's subject
  stands only after the verb. The verb must be the same word (by stem); a passive verb
  ("was replaced", "replaced by") reverses the roles back and is left alone.
- **A modifier swapped.** "their Christian spirit" over "their martial spirit", "a Norman
  general" over "a Byzantine general", "the oldest work of art" over "the most famous work
  of art": the same noun, with the same word before it or the same words after it up to a
  content word, but another modifier that the question does not use, and the question's own
  pair nowhere in the sentence. A word ending in -ing/-ed, or a lowercase word before a
  capitalised one, is read as a verb and its object, not a modifier; two capitalised words
  the article writes side by side are one name ("Ana's" over "Ruiz's" where the article says "Ana Ruiz"); a likely typo
  (one edit, two from six letters, a swap of neighbours counting as one) is the same word.

Each rule returns what it found (for the refusal's reason) or None.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

from index.language import detect_language
from index.lexical import stemmer, stopwords_en

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_WH = frozenset("who whom whose what which".split())
_DO = frozenset("do does did".split())
_BE = frozenset("is was were are be been being am".split())
_AUX = (
    _DO | _BE | frozenset("has have had will would can could may might shall should must".split())
)
_PASSIVE = _BE | frozenset("get gets got gotten".split())
_DETERMINERS = frozenset("the a an his her its their our my your this that these those".split())


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@dataclass(frozen=True)
class Tok:
    word: str  # folded, without a possessive 's
    stem: str
    content: bool  # not an English stopword
    cap: bool  # capitalised as written


def tokens(text: str) -> list[Tok]:
    stop = stopwords_en()
    raw = _WORD.findall(text)
    words = []
    for w in raw:
        f = _fold(w).replace("’", "'")
        words.append(f[:-2] if f.endswith("'s") else f)
    stems = stemmer().stemWords(words) if words else []
    return [
        Tok(w, s, w not in stop, r[:1].isupper()) for r, w, s in zip(raw, words, stems, strict=True)
    ]


def english(text: str) -> bool:
    return detect_language(text.lower(), min_words=3) == "en"


def same(a: str, b: str) -> bool:
    """One word by its stem, or a shared 5-letter stem (marry/marriage)."""
    return a == b or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


def reversed_roles(question: str, sentence: str) -> str | None:
    """The verb whose subject and object the sentence has the other way round, or None."""
    q, s = tokens(question), tokens(sentence)
    if len(q) < 3 or q[0].word not in _WH:
        return None
    aux = next((k for k in range(1, min(len(q), 5)) if q[k].word in _AUX), None)
    if aux is not None and q[aux].word in _DO:  # "Who did X marry?"
        subj, verb = _subject_verb(q, aux + 1)
        if not subj or verb is None:
            return None
        at = _verb_at(q[verb], s)
        named = [p for j in subj for p in _positions(q[j].stem, s)]
        if at is not None and named and all(p > at for p in named):
            return q[verb].word
        return None
    if aux is not None:
        return None  # "Who was ...": a copula, or a passive question
    verb = 1 if q[0].word == "who" else 2  # "Who replaced X", "What language replaced X"
    if verb >= len(q) or not q[verb].content:
        return None
    obj = next((j for j in range(verb + 1, len(q)) if q[j].content), None)
    at = _verb_at(q[verb], s)
    if obj is None or at is None:
        return None
    named = _positions(q[obj].stem, s)
    if named and all(p < at for p in named):
        return q[verb].word
    return None


def _positions(stem: str, s: list[Tok]) -> list[int]:
    return [i for i, t in enumerate(s) if same(stem, t.stem)]


def _verb_at(verb: Tok, s: list[Tok]) -> int | None:
    """Where the sentence has the verb (same stem or a regular inflection of it, so not a
    noun made from it), when active."""
    forms = _inflections(verb.word)
    at = next((i for i, t in enumerate(s) if t.stem == verb.stem or t.word in forms), None)
    if at is None:
        return None
    before = {t.word for t in s[max(0, at - 2) : at]}
    after = {t.word for t in s[at + 1 : at + 4]}
    return None if before & _PASSIVE or "by" in after else at


def _inflections(verb: str) -> set[str]:
    """Regular English forms of a verb ("sue": sues, sued, suing), as a stemmer may split
    them ("sued" stems to "su")."""
    base = verb[:-1] if verb.endswith("e") else verb
    forms = {verb, verb + "s", verb + "es", base + "ed", base + "ing", verb + "d"}
    if verb.endswith("y"):
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if len(verb) >= 3 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou":
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}  # stop: stopped
    return forms


def _subject_verb(q: list[Tok], k: int) -> tuple[list[int], int | None]:
    """After "did": the subject's words (a noun phrase; a name, with "of" inside it) and the
    verb, the first lowercase content word after them."""
    subj: list[int] = []
    det = k < len(q) and q[k].word in _DETERMINERS
    while k < len(q):
        t = q[k]
        # "the Saint-Evroul monks establish": after a determiner and a name, still the noun
        if t.cap or (t.content and (not subj or (det and q[subj[-1]].cap and q[k - 1].cap))):
            subj.append(k)
        elif t.content:
            return subj, (None if t.word in _AUX else k)
        elif subj and not (t.word == "of" and k + 1 < len(q) and q[k + 1].cap):
            return subj, None
        k += 1
    return subj, None


def swapped_modifier(question: str, sentence: str, article: str = "") -> str | None:
    """ "question word/sentence word" for a modifier the sentence replaces, or None."""
    q, s = tokens(question), tokens(sentence)
    asked = {t.stem for t in q}
    pairs = {(a.stem, b.stem) for a, b in pairwise(s)}
    for i in range(len(q) - 1):
        t, head = q[i], q[i + 1]
        if not t.content or not head.content or t.word in _WH or (t.stem, head.stem) in pairs:
            continue
        if t.word.endswith(("ing", "ed")) or (head.cap and not t.cap):
            continue  # a verb and its object, not a modifier and its noun
        if i > 0 and q[i - 1].word == "how":
            continue  # "how many sites": what is asked, not a modifier
        for k in range(len(s) - 1):
            u = s[k]
            if not u.content or u.stem in asked or u.cap != t.cap or s[k + 1].word != head.word:
                continue
            if any(ch.isdigit() for ch in u.word):
                continue  # numbers are the number rule's (premise.py), and often the answer
            before = i > 0 and k > 0 and same(q[i - 1].stem, s[k - 1].stem)
            if not (before or _agree_to_content(q, s, i + 2, k + 2)):
                continue
            if (t.cap and _one_name(t.word, u.word, article)) or _typo(t.word, u.word):
                continue
            return f"{t.word}/{u.word}"
    return None


def _agree_to_content(q: list[Tok], s: list[Tok], i: int, k: int) -> bool:
    """q from i and s from k are the same words up to and including a content word."""
    while i < len(q) and k < len(s) and same(q[i].stem, s[k].stem):
        if q[i].content:
            return True
        i, k = i + 1, k + 1
    return False


def _one_name(a: str, b: str, article: str) -> bool:
    folded = _fold(article)
    return f"{a} {b}" in folded or f"{b} {a}" in folded


def _typo(a: str, b: str) -> bool:
    """Likely one word misspelt: within one edit (two from six letters), a swap of two
    neighbouring letters counting as one ("fuedel" / "feudal")."""
    from rapidfuzz.distance import OSA

    if min(len(a), len(b)) < 5:
        return False
    return OSA.distance(a, b) <= (2 if min(len(a), len(b)) >= 6 else 1)

"""Near misses one sentence gives away: the question's words are all there, in another order.

A question written to look answerable from a sentence often keeps the sentence's words and
changes how they relate. Such changes are read from word order alone (no parser, no word
list beyond English function words), and only on English text:

- **Roles reversed.** "Who replaced the Normans?" over "The Normans replaced the Saxons":
  the question asks for the subject of a verb and names its object, but in the sentence
  the named words stand before that verb, so they are its subject. "Who did Edgar marry?"
  over "Malcolm married Edgar's sister": the question's subject stands only after the verb
  ("did X have ..." too: "have" is then the verb; "When/Where/Why/How did X VERB Y" too,
  when it names an object: "When did the probe launch?" is what "was launched" says).
  An owner is not the object ("Who scored the Ospreys' winning try": the try), a word
  after a determiner is a noun however spelt ("a third attack"), and a named word after
  the verb and a "was" did the deed ("the first Norman to serve ... was Hervé").
  "What was absorbed into the Anglo-Norman language?" over "The Anglo-Norman language was
  absorbed into ...": what follows "into" is what was absorbed. The verb must be the same
  word (by stem or a regular inflection: not a noun made from it); a passive verb ("was
  replaced", "replaced by") swaps the sides, its subject being what is after "by". Named
  words on both sides of the verb, or a verb after a comma or quote ('..., says A'), say
  nothing. A "did" question's subject nowhere in the sentence, whose participle names
  another after "by" ("Which part does Piet play?" over "Hanna, played by Rosa"), gives the
  deed to another; "In what year did X ..." reads as "What year ...". A relative's verb
  ("Valcourt, who also wrote") has the word before the relative as its subject.
Denied or intended deeds are in deeds.py; swapped modifiers, names, owners, titles and
opposites in swaps.py. A likely typo (one edit, two from six letters, a swap of neighbours
counting as one) is the same word.

Each rule returns what it found (the refusal's reason) or None.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from index.language import detect_language
from index.lexical import stemmer, stopwords_en

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:(?<=[sS])['’](?!\w))?")  # "the Ospreys' try"
WH = frozenset("who whom whose what which".split())
_DO = frozenset("do does did".split())
_PREPOSITIONS = frozenset("in on at by for from to with during since until of".split())
_ADVERBS = frozenset("when where why how".split())  # "When did X VERB ...": X still its subject
_BE = frozenset("is was were are be been being am".split())
AUX = _DO | _BE | frozenset("has have had will would can could may might shall should must".split())
_PASSIVE = _BE | frozenset("get gets got gotten".split())
HONORIFICS = frozenset("mr mrs ms miss mx dr prof sir dame lord lady".split())  # "Mr Atherton"
_RELATIVE = frozenset("who which that".split())
_DETERMINERS = frozenset("the a an his her its their our my your this that these those".split())


def fold(text: str) -> str:
    """Accents dropped and case folded, so "Dvořák" and "dvorak" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@dataclass(frozen=True)
class Tok:
    word: str  # folded, without a possessive 's
    stem: str
    content: bool  # not an English stopword
    cap: bool  # capitalised as written
    poss: bool = False  # written with a possessive 's (or a plural's ')


def tokens(text: str) -> list[Tok]:
    """The text's words, folded and stemmed (memoised: every rule reads the same two texts)."""
    return list(_tokens(text))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[Tok, ...]:
    stop = stopwords_en()
    raw = _WORD.findall(text)
    words, poss = [], []
    for w in raw:
        f = fold(w).replace("’", "'")
        poss.append(f.endswith(("'s", "s'")))
        words.append(f[:-1] if f.endswith("s'") else f[:-2] if poss[-1] else f)
    stems = stemmer().stemWords(words) if words else []
    return tuple(
        Tok(w, s, w not in stop, r[:1].isupper(), p)
        for r, w, s, p in zip(raw, words, stems, poss, strict=True)
    )


@lru_cache(maxsize=4096)
def english(text: str) -> bool:
    return detect_language(text.lower(), min_words=3) == "en"


def same(a: str, b: str) -> bool:
    """One word by its stem, or a shared 5-letter stem (marry/marriage)."""
    return a == b or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


def reversed_roles(question: str, sentence: str) -> str | None:
    """The verb whose subject and object the sentence has the other way round, or None."""
    return _reversed_roles(question, sentence)


def _inverted(sentence: str, verb: str) -> bool:
    """'..., says the insider': after a comma or closing quote the subject follows the verb."""
    forms = "|".join(re.escape(f) for f in sorted(inflections(fold(verb)), key=len))
    return re.search(rf"[,\"”’']\s*(?:{forms})\b", fold(sentence)) is not None


def _reversed_roles(question: str, sentence: str) -> str | None:
    q, s = tokens(question), tokens(sentence)
    q = q[1:] if len(q) > 1 and q[0].word in _PREPOSITIONS and q[1].word in WH else q
    if len(q) < 3 or q[0].word not in WH | _ADVERBS:
        return None
    aux = next((k for k in range(1, min(len(q), 5)) if q[k].word in AUX), None)
    if q[0].word in _ADVERBS and (aux != 1 or q[aux].word not in _DO):
        return None  # "When did X conquer Y?" has a subject and a verb; "How many ..." not
    if aux is not None and q[aux].word in _DO:  # "Who did X marry?": X is the subject
        subj, verb = _subject_verb(q, aux + 1)
        if not subj or verb is None:
            return None
        if q[0].word in _ADVERBS and not any(t.content for t in q[verb + 1 :]):
            return None  # "When did the probe launch?": no object, so "was launched" agrees
        after = _role(subj, q[verb], q, s) == "object" and not _inverted(sentence, q[verb].word)
        return q[verb].word if after or _other_agent(subj, q[verb], q, s) else None
    if aux is not None and q[aux].word in _BE:  # "What was absorbed into X?"
        verb = aux + 1
        if verb + 2 >= len(q) or not q[verb].content or q[verb].cap or q[verb + 1].content:
            return None
        obj = next((j for j in range(verb + 2, len(q)) if q[j].content), None)
        if obj is None:
            return None
        # "by X": X did it; "into X", "with X": X is not what it was done to
        wanted = "subject" if q[verb + 1].word == "by" else None
        found = _role([obj], q[verb], q, s)
        return q[verb].word if found and found != wanted and found == "object" else None
    if aux is not None:
        return None
    # "Who replaced X", "What precedes the X", "What language replaced X"
    verb = 1 if q[0].word == "who" or not q[2].content else 2
    if verb >= len(q) or not q[verb].content:
        return None
    obj = next((j for j in range(verb + 1, len(q)) if q[j].content), None)
    if obj is not None and q[obj].poss and obj + 1 < len(q) and q[obj + 1].content:
        obj += 1  # "Who scored the Ospreys' winning try": the try was scored, not the Ospreys
    if obj is None:
        return None
    return q[verb].word if _role([obj], q[verb], q, s) == "subject" else None


def _role(words: list[int], verb: Tok, q: list[Tok], s: list[Tok]) -> str | None:
    """What the question's words are to the verb in the sentence: "subject" (before an
    active verb, or after a passive one's "by"), "object" (the other way), or None."""
    found = verb_at(verb, s)
    named = _phrase_at(words, q, s)
    if found is None or not named:
        return None
    at, passive = found
    rel = next((j for j in (at - 1, at - 2) if j >= 0 and s[j].word in _RELATIVE), None)
    if rel is not None and all(p < rel - 2 for p in named):
        return None
    if all(p < at for p in named):
        return "object" if passive else "subject"
    if all(p > at for p in named):
        if any(s[j].word in _BE for j in range(at + 1, min(named))):
            return None  # "the first Norman to serve as a general was Hervé": Hervé served
        if not passive:
            return "object"
        by = next((i for i in range(at + 1, min(named)) if s[i].word == "by"), None)
        return "subject" if by is not None and min(named) - by <= 4 else None
    return None


def _other_agent(words: list[int], verb: Tok, q: list[Tok], s: list[Tok]) -> bool:
    """The question's subject is nowhere in the sentence, whose passive verb names someone
    else after "by": "Which part does Piet Verhoef play?" over "Hanna, played ... by Rosa
    Lindqvist"."""
    found = verb_at(verb, s)
    if found is None or _phrase_at(words, q, s) or not s[found[0]].word.endswith(("ed", "en")):
        return False
    at = found[0]
    asked = {t.stem for t in q}
    by = next((i for i in range(at + 1, min(at + 6, len(s))) if s[i].word == "by"), None)
    return by is not None and any(
        t.cap and t.content and t.stem not in asked for t in s[by + 1 : by + 3]
    )


def _positions(stem: str, s: list[Tok]) -> list[int]:
    return [i for i, t in enumerate(s) if same(stem, t.stem)]


def _phrase_at(words: list[int], q: list[Tok], s: list[Tok]) -> list[int]:
    """Where the sentence has the question's phrase starting at words[0] (its content words
    in a row: "the Anglo-Norman language" is not "the Anglo-Saxon language"), else where it
    has any of `words`."""
    if len(words) > 1:  # a "did" question's subject: its own words, not the verb after them
        run = [j for j in words if q[j].content]
    else:
        run = [words[0]]
        while run[-1] + 1 < len(q) and q[run[-1] + 1].content and q[run[-1] + 1].word not in AUX:
            run.append(run[-1] + 1)
    if len(run) > 1:
        at = [
            i
            for i in range(len(s) - len(run) + 1)
            if all(same(q[j].stem, s[i + n].stem) for n, j in enumerate(run))
        ]
        if at:
            return at
    return [p for j in words for p in _positions(q[j].stem, s)]


def verb_at(verb: Tok, s: list[Tok]) -> tuple[int, bool] | None:
    """Where the sentence has the verb (same stem or a regular inflection of it, so not a
    noun made from it), and whether it is passive there ("was replaced", "replaced by")."""
    forms = inflections(verb.word)
    found = (i for i, t in enumerate(s) if t.stem == verb.stem or t.word in forms)
    at = next((i for i in found if not _noun_at(s, i)), None)
    if at is None:
        return None
    before = {t.word for t in s[max(0, at - 2) : at]}
    after = {t.word for t in s[at + 1 : at + 4]}
    return at, bool(before & _PASSIVE) or "by" in after


def _noun_at(s: list[Tok], i: int) -> bool:
    """After a determiner ("their return") or "a"/"an" and a word ("a third attack"): a noun."""
    if i >= 1 and s[i - 1].word in _DETERMINERS:
        return True
    return i >= 2 and s[i - 2].word in ("a", "an") and not s[i - 1].cap


def inflections(verb: str) -> set[str]:
    """Regular English forms of a verb ("sue": sues, sued, suing), as a stemmer may split
    them ("sued" stems to "su")."""
    base = verb[:-1] if verb.endswith("e") else verb
    forms = {verb, verb + "s", verb + "es", base + "ed", base + "ing", verb + "d"}
    if verb == "have":
        return {"have", "has", "had", "having"}
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
        # (unless the name is a plural one, "the Normans encourage")
        named = subj and q[subj[-1]].cap and q[k - 1].cap and not q[k - 1].word.endswith("s")
        if t.cap or (t.content and (not subj or (det and named))):
            subj.append(k)
        elif t.content:
            return subj, (None if t.word in AUX else k)
        elif subj and t.word == "have":  # "did X have": the verb itself
            return subj, k
        elif subj and not (t.word == "of" and k + 1 < len(q) and q[k + 1].cap):
            return subj, None
        k += 1
    return subj, None


def one_name(a: str, b: str, article: str) -> bool:
    folded = _folded(article)
    return f"{a} {b}" in folded or f"{b} {a}" in folded


@lru_cache(maxsize=64)
def _folded(article: str) -> str:
    return fold(article)


def typo(a: str, b: str) -> bool:
    """Likely one word misspelt: within one edit (two from six letters), a swap of two
    neighbouring letters counting as one ("fuedel" / "feudal")."""
    from rapidfuzz.distance import OSA

    if min(len(a), len(b)) < 5:
        return False
    return OSA.distance(a, b) <= (2 if min(len(a), len(b)) >= 6 else 1)


def main_verb(q: list[Tok]) -> int | None:
    """The verb of "Who/What [noun] VERB ..." or "Who/What [noun] did X VERB ..."."""
    if len(q) < 3 or q[0].word not in WH:
        return None
    aux = next((k for k in range(1, min(len(q), 5)) if q[k].word in AUX), None)
    if aux is not None:
        return _subject_verb(q, aux + 1)[1] if q[aux].word in _DO else None
    verb = 1 if q[0].word == "who" or not q[2].content else 2
    return verb if verb < len(q) and q[verb].content else None

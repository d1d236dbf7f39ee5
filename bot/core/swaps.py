"""Swaps one sentence gives away: the question's modifier, name, owner or order is another.

- **A modifier swapped.** "a Norman general" over "a Byzantine general", "the oldest work
  of art" over "the most famous work of art": the same noun, with the same word before it
  or the same words after it up to a content word, but another modifier that the question
  does not use, and the question's own pair nowhere in the sentence. A word ending in
  -ing/-ed, or a lowercase word before a capitalised one, is read as a verb and its object,
  not a modifier, unless a preposition or determiner comes before it ("on modern Europe"
  over "on medieval Europe"; "to pay Fenwick" is still a verb).
- **A name swapped.** "identified themselves as French" over "identified themselves as
  English": a name the sentence lacks where it has another after the same words (back to a
  lowercase content word; a capitalised one would make both longer names, "Mount X").
- **An owner swapped.** "Who was Bohemond's son?" over "Bohemond, Robert's son" or "his
  son Bohemond": the sentence makes the question's owner the relation of someone else, and
  never says "Bohemond's son"; or, the owner nowhere in the sentence, gives the noun
  another owner ("Halvorsen's shares" over "GreenLeaf shares").
- **A title swapped.** "the country of Normandy" over "the Duchy of Normandy": the
  question's noun of a name is nowhere in the sentence, which names the thing with another
  capitalised noun of the same name.
- **An opposite.** A word of order, extent, outcome or kin (before/after, first/last,
  oldest/newest, north/south, rise/fall, won/lost, married/divorced, mother/father ...: a
  short list of general English opposites, in any of their forms) that the sentence lacks while it has the opposite among the same content
  words (three on each side): "after the conquest" over "before the Norman Conquest".
Two words whose vectors are as close as synonyms are one meaning (word_vectors.py:
"the biggest city" over "the largest city" is a paraphrase, not a swap); two capitalised
words the article writes side by side are one name ("Ana's" over "Ruiz's"
where it says "Ana Ruiz"); a likely typo (one edit, two from six letters, a swap of
neighbours counting as one) is the same word; numbers in the slot, and a name said after
the noun, are read in modifier_slots.py.

Each rule returns "question word/sentence word" (the refusal's reason) or None.
"""

from __future__ import annotations

from itertools import pairwise

from .modifier_slots import named_after, number_swapped, numeric
from .near_miss import HONORIFICS, WH, Tok, inflections, one_name, same, tokens, typo
from .word_vectors import same_meaning

# English's most general verbs, in their irregular forms: never a modifier before a noun
_LIGHT_VERBS = frozenset(
    "get gets got gotten make makes made take takes took taken give gives gave given go goes"
    " went gone have has had keep kept put".split()
)


def swapped_modifier(question: str, sentence: str, article: str = "") -> str | None:
    """ "question word/sentence word" for a modifier the sentence replaces, or None."""
    q, s = tokens(question), tokens(sentence)
    asked = {t.stem for t in q}
    pairs = {(a.stem, b.stem) for a, b in pairwise(s)}
    for i in range(len(q) - 1):
        t, head = q[i], q[i + 1]
        if not t.content or not head.content or t.word in WH or (t.stem, head.stem) in pairs:
            continue
        after_preposition = i > 0 and not q[i - 1].content and q[i - 1].word not in WH | {"to"}
        if t.word.endswith(("ing", "ed")) or (head.cap and not t.cap and not after_preposition):
            continue  # a verb and its object, not a modifier and its noun ("on modern Europe" is)
        if i > 0 and q[i - 1].word == "how":
            continue  # "how many sites": what is asked, not a modifier
        if t.word in _LIGHT_VERBS:
            continue  # "students got offers" over "students received offers": a verb
        if any(ch.isdigit() for ch in t.word + head.word):  # modifier_slots.py
            if t.word.isdigit() and (found := number_swapped(t, head, s)):
                return found
            continue
        for k in range(len(s) - 1):
            u = s[k]
            if not u.content or u.stem in asked or u.cap != t.cap or s[k + 1].word != head.word:
                continue
            if u.word in HONORIFICS:
                continue  # "Mr Atherton's death" for "Geoffrey Atherton's death": one person
            if numeric(s, k) or (t.cap and named_after(t, s, k + 1)):
                continue  # a number, a unit or a name moved after the noun: modifier_slots.py
            before = i > 0 and k > 0 and same(q[i - 1].stem, s[k - 1].stem)
            if not (before or _agree_to_content(q, s, i + 2, k + 2)):
                continue
            if (t.cap and one_name(t.word, u.word, article)) or typo(t.word, u.word):
                continue
            if same_meaning(t.word, u.word):
                continue  # "the biggest city" over "the largest city": a paraphrase
            return f"{t.word}/{u.word}"
    return None


def _agree_to_content(q: list[Tok], s: list[Tok], i: int, k: int) -> bool:
    """q from i and s from k are the same words up to and including a content word."""
    while i < len(q) and k < len(s) and same(q[i].stem, s[k].stem):
        if q[i].content:
            return True
        i, k = i + 1, k + 1
    return False


def swapped_owner(question: str, sentence: str, article: str = "") -> str | None:
    """ "X's N" asked where the sentence makes X the N of someone else: "Who was Bohemond's
    son?" over "Bohemond, Robert's son", "Tancred's nephew" over "his nephew Tancred"; or,
    X nowhere in the sentence, gives N another owner: "Halvorsen's shares" over "GreenLeaf
    shares" or "GreenLeaf's shares"."""
    q, s = tokens(question), tokens(sentence)
    asked = {t.stem for t in q}
    for i in range(len(q) - 1):
        owner, rel = q[i], q[i + 1]
        if not (owner.poss and owner.cap and rel.content and not rel.cap):
            continue
        if any(
            same(a.stem, owner.stem) and a.poss and same(b.stem, rel.stem) for a, b in pairwise(s)
        ):
            return None  # the sentence says it too
        for k in range(len(s) - 1):
            if not same(s[k].stem, rel.stem):
                continue
            if same(s[k + 1].stem, owner.stem):  # "his nephew Tancred"
                return f"{owner.word}'s {rel.word}"
            other = s[k - 1] if k > 0 else None
            elsewhere = other and other.poss and other.cap and not same(other.stem, owner.stem)
            if elsewhere and any(same(t.stem, owner.stem) for t in s[max(0, k - 4) : k - 1]):
                return f"{owner.word}'s {rel.word}"  # "Bohemond, Robert's son"
            absent = not any(same(t.stem, owner.stem) or typo(t.word, owner.word) for t in s)
            if (
                absent
                and other
                and other.cap
                and other.content
                and other.stem not in asked
                and not one_name(owner.word, other.word, article)
            ):
                return f"{owner.word}'s {rel.word}"  # "GreenLeaf shares"
    return None


def swapped_name(question: str, sentence: str, article: str = "") -> str | None:
    """A name the sentence lacks, where it has another name after the same words (back to a
    content word): "identified themselves as French" over "identified themselves as
    English"."""
    q, s = tokens(question), tokens(sentence)
    asked = {t.stem for t in q}
    for i, t in enumerate(q):
        if (
            i == 0
            or not (t.cap and t.content)
            or len(t.word) <= 3
            or any(same(t.stem, u.stem) or typo(t.word, u.word) for u in s)
        ):
            continue
        for k, u in enumerate(s):
            if (
                k == 0
                or not (u.cap and u.content)
                or u.word in HONORIFICS  # "Mr Atherton" for "Geoffrey Atherton"
                or u.stem in asked
                or any(c.isdigit() for c in u.word)
            ):
                continue
            if same_meaning(t.word, u.word):
                continue
            if _agree_back_to_content(q, s, i - 1, k - 1) and not one_name(t.word, u.word, article):
                return f"{t.word}/{u.word}"
    return None


def _agree_back_to_content(q: list[Tok], s: list[Tok], i: int, k: int) -> bool:
    """q back from i and s back from k are the same words back to a lowercase content word
    (a capitalised one would make the two names one longer name each: "Mount X", "Mount Y")."""
    while i >= 0 and k >= 0 and same(q[i].stem, s[k].stem):
        if q[i].cap and q[i].content:
            return False
        if q[i].content:
            return True
        i, k = i - 1, k - 1
    return False


# English words of order, extent, outcome and kin with their opposites: general English, not
# any article's. Not converses ("bought"/"sold", "brother"/"sister", "husband"/"wife"): "Who
# bought the rights?" is answered by "X sold the rights to Y", "Who was Emma's brother?" by
# "Emma, sister of Richard". A pair is written in base forms; a word is one of them as written or as a
# regular inflection ("increased", "starts") or an irregular form below ("rose", "fell").
_OPPOSITES = [
    tuple(p.split())
    for p in (
        "before after",
        "first last",
        "earliest latest",
        "earlier later",
        "oldest newest",
        "oldest youngest",
        "older younger",
        "eldest youngest",
        "highest lowest",
        "higher lower",
        "largest smallest",
        "biggest smallest",
        "most least",
        "maximum minimum",
        "above below",
        "north south",
        "east west",
        "increase decrease",
        "rise fall",
        "rise drop",
        "gain lose",
        "import export",
        "win lose",
        "marry divorce",
        "alive dead",
        "guilty innocent",
        "approve reject",
        "accept reject",
        "start end",
        "start finish",
        "begin end",
        "begin finish",
        "launch end",
        "open close",
        "arrive leave",
        "mother father",
        "man woman",
        "men women",
        "male female",
    )
]
_IRREGULAR = {
    "rise": ("rose", "risen"),
    "fall": ("fell", "fallen"),
    "win": ("won", "winning"),
    "lose": ("lost",),
    "leave": ("left",),
    "begin": ("began", "begun", "beginning"),
    "drop": ("dropped", "dropping"),
}


def _forms(base: str) -> frozenset[str]:
    return frozenset({*inflections(base), *_IRREGULAR.get(base, ())})


_FORMS = {base: _forms(base) for pair in _OPPOSITES for base in pair}


def _bases(word: str) -> set[str]:
    return {base for base, forms in _FORMS.items() if word in forms}


def opposite(question: str, sentence: str) -> str | None:
    """A word of order, extent, outcome or kin the sentence turns into its opposite near
    the same word: "after the conquest" over "before the Norman Conquest", "last win the Cup"
    over "lifted the Cup for the first time", "did the shares rise" over "shares fell". The
    question's own word is nowhere in the sentence, in any of its forms."""
    q, s = tokens(question), tokens(sentence)
    have = {t.word for t in s}
    for i, t in enumerate(q):
        mine = _bases(t.word)
        if not mine or any(_FORMS[b] & have for b in mine) or any(same(t.stem, u.stem) for u in s):
            continue  # the question's own word is there too ("married" and "marriage")
        others = {o for pair in _OPPOSITES if mine & set(pair) for o in pair} - mine
        near_q = {q[j].stem for j in _near(q, i)}
        for k, u in enumerate(s):
            if _bases(u.word) & others and any(s[j].stem in near_q for j in _near(s, k)):
                return f"{t.word}/{u.word}"
    return None


def _near(toks: list[Tok], i: int, n: int = 3) -> list[int]:
    """The n content words on each side of position i."""
    left = [j for j in range(i - 1, -1, -1) if toks[j].content][:n]
    right = [j for j in range(i + 1, len(toks)) if toks[j].content][:n]
    return left + right


def swapped_head(question: str, sentence: str) -> str | None:
    """ "the N of X" asked where the sentence names the thing otherwise, as a title ("U of
    X", capitalised), and never says N: "the country of Normandy" over "the Duchy of
    Normandy", "the bank of Ruritania" over "the University of Ruritania". A lowercase
    noun there ("the population of X" over "the city of X") may be a paraphrase: left."""
    q, s = tokens(question), tokens(sentence)
    asked = {t.stem for t in q}
    for i in range(len(q) - 2):
        t, of, name = q[i], q[i + 1], q[i + 2]
        if not (t.content and not t.cap and of.word == "of" and name.cap and name.content):
            continue
        if t.word in WH or any(same(t.stem, u.stem) or typo(t.word, u.word) for u in s):
            continue
        for k in range(len(s) - 2):
            u = s[k]
            if s[k + 1].word != "of" or not same(s[k + 2].stem, name.stem):
                continue
            if u.cap and u.content and u.stem not in asked and not same_meaning(t.word, u.word):
                return f"{t.word}/{u.word}"
    return None

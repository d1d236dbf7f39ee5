"""Sources that contradict each other: close sentences from different articles, opposite polarity.

No LLM and no NLI model: the index holds sentence vectors and words, so an opposition is
two sentences from different articles that are about the same thing (cosine of their
snapshot vectors above a floor) where, within one clause of each, the same concept appears
("living", or "well"/"okay") but only one side negates it ("never living apart" against
"living in different states"). Measured on hand-labelled corpus pairs in
tests/test_newsdesk.py; it favours precision, so contrasts without negation ("doing well"
against "in peril") are missed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from bot.core.retrieve import query_terms
from bot.newsdesk.attribution import find_attribution
from index.snapshot import Snapshot

MIN_SIMILARITY = 0.45  # below this two sentences are rarely about the same thing
COMMON_SHARE = 0.5  # a word in more than half the chunks (the couple's names) is no shared topic

NEGATION_SCOPE = 5  # words after "not"/"never" that the negation is about
_NEGATION = re.compile(
    r"(?:not|never|no|nothing|none|nobody|neither|nor|denie[sd]|deny|\w+n[’']t|cannot)", re.I
)
# "no matter how", "not only … but": negation words that negate nothing.
_IDIOM = {"no": {"matter", "doubt"}, "not": {"only", "just"}}
_EDITORIAL = re.compile(r"\[[^\]]{0,80}\]")
_WORD = re.compile(r"\w+(?:[’']\w+)?")
# Clause boundaries inside a sentence: the claim a negation scopes over rarely crosses them.
_CLAUSES = re.compile(
    r"[.;!?:]\s+|\s+[—–]\s+|,\s+(?:but|and|while|although|though|however)\s+|\s+but\s+", re.I
)
# Words that say who is talking, not what is claimed.
_NOT_TOPIC = frozenset(
    query_terms(
        "source sources insider insiders say says said tell tells told add adds added report reports "
        "according claim claims share shares "
        # Light verbs and fillers share no claim: "won't hold her" vs "hold it together".
        "get gets make makes try tries trying tried want wants take go come back time seem seems "
        "hold do does be have know think feel need keep give put look let however also even still "
        "just much many thing way one"
    )
)
# Words that name one state under different wording; sharing a group counts as sharing a word.
_SAME = [
    frozenset(query_terms(words))
    for words in (
        "well okay ok fine good better",
        "apart separately separate different away split",
        "together reunited reconciled reconciliation",
        "divorce divorced split breakup",
    )
]


@dataclass(frozen=True)
class Opposition:
    a: int  # sentence index in the snapshot (a cited sentence)
    b: int  # sentence index in the snapshot (from another article)
    similarity: float
    shared: str  # the concept both sides talk about, for the reader and for debugging


def opposing(text_a: str, text_b: str, common: frozenset[str] = frozenset()) -> str | None:
    """The shared concept if one text negates, in some clause, what the other asserts."""
    clauses_a, clauses_b = _analyse(text_a, common), _analyse(text_b, common)
    for scoped_a, terms_a in clauses_a:
        for scoped_b, terms_b in clauses_b:
            if scoped_a is not None and scoped_b is None:
                found = _shared(scoped_a, terms_b)
            elif scoped_b is not None and scoped_a is None:
                found = _shared(scoped_b, terms_a)
            else:
                continue
            if found:
                return found
    return None


def find_oppositions(
    snap: Snapshot,
    cited: Iterable[int],
    candidates: Iterable[int],
    min_similarity: float = MIN_SIMILARITY,
) -> list[Opposition]:
    """Pairs (cited sentence, candidate from a different article) that contradict each other."""
    common = _common_terms(snap)
    found: list[Opposition] = []
    seen: set[frozenset[int]] = set()
    candidates = list(candidates)
    for a in cited:
        art_a = int(snap.sent_article[a])
        for b in candidates:
            key = frozenset((a, b))
            if int(snap.sent_article[b]) == art_a or key in seen:
                continue
            seen.add(key)
            sim = float(np.dot(snap.sent_vecs[a], snap.sent_vecs[b]))
            if sim < min_similarity:
                continue
            if shared := opposing(snap.sentence_text(a), snap.sentence_text(b), common):
                found.append(Opposition(a, b, round(sim, 4), shared))
    return sorted(found, key=lambda o: -o.similarity)


# (the topic words a negation scopes over, in order, or None; all the clause's topic words)
Clause = tuple[tuple[str, ...] | None, frozenset[str]]


@lru_cache(maxsize=4096)
def _analyse(text: str, common: frozenset[str]) -> list[Clause]:
    """A sentence's clauses, analysed once: answers compare each cited sentence with many."""
    return [_clause(c, common) for c in _split(text)]


def _split(text: str) -> list[str]:
    # Who said it is not part of the claim: "a separate source said" is not about separating.
    if attribution := find_attribution(text):
        text = text.replace(attribution.phrase, " ")
    text = _EDITORIAL.sub(" ", text)  # "[in terms of their marriage]" is the editor's gloss
    text = re.sub(r"(?<=\w)-(?=\w)", "", text)  # "well-being" is not "well"
    return [c for c in _CLAUSES.split(text) if c.strip()]


def _clause(text: str, common: frozenset[str]) -> Clause:
    """(the topic words a negation in the clause scopes over, in order, or None; all its topic words)."""
    words = _WORD.findall(text)
    scoped: list[str] = []
    negated = False
    for i, word in enumerate(words):
        after = words[i + 1 : i + 2]
        if _NEGATION.fullmatch(word) and not _IDIOM.get(word.lower(), set()) & set(after):
            negated = True
            scoped.extend(words[i + 1 : i + 1 + NEGATION_SCOPE])
    topic = _topic(text, common)
    return (tuple(_topic(" ".join(scoped), common)) if negated else None), frozenset(topic)


def _topic(text: str, common: frozenset[str]) -> list[str]:
    terms = query_terms(text)
    return [t for t in terms if t not in _NOT_TOPIC and t not in common and len(t) > 2]


def _shared(scoped: tuple[str, ...], other: frozenset[str]) -> str | None:
    """The negated words, when the other side asserts them. The first two words after the
    negation must both be there: "never living apart" is not contradicted by "living in fear"."""
    head = scoped[:2]
    if not head or not all(_matches(t, other) for t in head):
        return None
    return "/".join(head)


def _matches(term: str, other: frozenset[str]) -> bool:
    return term in other or any(term in group and other & group for group in _SAME)


_COMMON_CACHE: dict[str, frozenset[str]] = {}


def _common_terms(snap: Snapshot) -> frozenset[str]:
    """Terms in more than COMMON_SHARE of the chunks; cached per snapshot generation."""
    if snap.generation not in _COMMON_CACHE:
        bm25 = snap.bm25
        indptr = np.asarray(bm25.scores["indptr"])
        n = max(int(bm25.scores["num_docs"]), 1)
        share = np.diff(indptr) / n
        common = frozenset(
            t for t, i in bm25.vocab_dict.items() if i < len(share) and share[i] > COMMON_SHARE
        )
        _COMMON_CACHE.clear()  # one generation is live at a time
        _COMMON_CACHE[snap.generation] = common
    return _COMMON_CACHE[snap.generation]

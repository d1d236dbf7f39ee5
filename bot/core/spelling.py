"""Typos in a question, corrected against the words the indexed articles use.

A word the articles or an English dictionary know is left alone; an unknown word becomes
the closest article word within one edit (two for long words), else the closest common
English word (symspellpy's frequency list, read as data: its SymSpell index takes seconds
to build). When nothing is that close, the word stays: the intended word is not clear.
Words of three letters or fewer stay too: too many words are one edit from them.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache, cached_property
from operator import itemgetter
from pathlib import Path

import numpy as np

from index.words import LOWER as _LOWER
from index.words import WORD as _WORD


@cache
def english() -> dict[str, int]:
    """symspellpy's English word frequencies (82,765 words; MIT), read by path: importing
    symspellpy itself is not needed."""
    spec = importlib.util.find_spec("symspellpy")
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).with_name("frequency_dictionary_en_82_765.txt")
    counts: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition(" ")
        counts[word] = int(count or 0)
    return counts


@cache
def _english_by_letter() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for w in english():
        out.setdefault(w[:1], []).append(w)
    return out


def _near_length(
    words: Sequence[str], length: int, limit: int, lengths: np.ndarray | None = None
) -> Sequence[str]:
    """The words within `limit` letters of `length`, in their order. An edit distance is at
    least the difference in length, so no other word can be within the limit; the order
    keeps process.extract's ties (broken by position) as they were."""
    if lengths is None:
        lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    rows = np.flatnonzero(np.abs(lengths - length) <= limit).tolist()
    if len(rows) < 2:  # itemgetter of one row gives the word, not a tuple
        return [words[i] for i in rows]
    return itemgetter(*rows)(words)


@cache
def _english_near(letter: str, length: int, limit: int) -> Sequence[str]:
    return _near_length(_english_by_letter().get(letter, []), length, limit)


class Vocabulary:
    """The words of a snapshot's articles, with counts (built once per snapshot)."""

    def __init__(self, texts: list[str]) -> None:
        self.counts = Counter(w.casefold() for t in texts for w in _WORD.findall(t))
        self.words = list(self.counts)
        self.lower = frozenset(w for t in texts for w in _LOWER.findall(t))
        # Article words by length band, made when a typo first needs one: scanning every
        # word (83k at 100k chunks) cost an unknown word ~5 ms.
        self._bands: dict[tuple[int, int], Sequence[str]] = {}

    @cached_property
    def _lengths(self) -> np.ndarray:
        return np.fromiter(map(len, self.words), dtype=np.int64, count=len(self.words))

    @classmethod
    def from_counts(cls, counts: Counter[str], lower: Iterable[str]) -> Vocabulary:
        """From word counts made at index time (Snapshot.word_counts): the same as
        Vocabulary(texts) of those texts, without reading them."""
        vocab = cls([])
        vocab.counts = counts
        vocab.words = list(counts)
        vocab.lower = frozenset(lower)
        return vocab

    def common(self, word: str) -> bool:
        """Do the articles write this word in lower case (a word, not only a name)?"""
        return word in self.lower

    def correct(self, question: str) -> str:
        out: list[str] = []
        last = 0
        for m in _WORD.finditer(question):
            fixed = self._fix(m.group(0))
            if fixed is not None:
                out.append(question[last : m.start()] + fixed)
                last = m.end()
        return "".join(out) + question[last:]

    def _fix(self, word: str) -> str | None:
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import OSA

        low = word.casefold()
        if len(low) < 4 or low in self.counts or low in english():
            return None
        limit = 2 if len(low) >= 8 else 1
        band = self._bands.get((len(low), limit))
        if band is None:
            band = _near_length(self.words, len(low), limit, self._lengths)
            self._bands[len(low), limit] = band
        pools = (band, _english_near(low[:1], len(low), limit))
        found = {
            w: d
            for pool in pools
            for w, d, _ in process.extract(
                low, pool, scorer=OSA.distance, score_cutoff=limit, limit=20
            )
        }
        if not found:
            return None
        # closest first; then the likelier edit (wher: where before her); then a word the
        # articles use; then the commoner word
        best = min(
            found,
            key=lambda w: (
                found[w],
                -fuzz.ratio(low, w),
                w not in self.counts,
                -english().get(w, 0),
            ),
        )
        return best[:1].upper() + best[1:] if word[:1].isupper() else best

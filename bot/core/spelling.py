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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache, cached_property
from operator import itemgetter
from pathlib import Path

import numpy as np

from index.language import detect_language
from index.words import LOWER as _LOWER
from index.words import WORD as _WORD

from .kept_tables import kept


def _word_list() -> Path | None:
    spec = importlib.util.find_spec("symspellpy")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).with_name("frequency_dictionary_en_82_765.txt")


def _read_word_list(path: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition(" ")
        counts[word] = int(count or 0)
    return counts


def _english_arrays(path: Path) -> dict[str, np.ndarray]:
    counts = _read_word_list(path)
    words = list(counts)
    table = np.array([w.encode("utf-8") for w in words], dtype=bytes)
    first = np.fromiter((ord(w[0]) if w else -1 for w in words), dtype=np.int64, count=len(words))
    return {
        "words": table,  # in the list's order (commonest first)
        "counts": np.fromiter(counts.values(), dtype=np.int64, count=len(words)),
        "lengths": np.fromiter(map(len, words), dtype=np.int64, count=len(words)),
        "sorter": np.argsort(table, kind="stable"),  # alphabetical, for binary search
        "by_letter": np.argsort(first, kind="stable"),  # by first letter, list order kept
        "first": first,
    }


class EnglishWords(Mapping[str, int]):
    """The word list as arrays (kept in the home's model folder, bot/core/kept_tables.py):
    the same words, order and counts as the dict the list's lines give."""

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        self._words, self._counts = arrays["words"], arrays["counts"]
        self._lengths, self._sorter = arrays["lengths"], arrays["sorter"]
        self._by_letter = arrays["by_letter"]
        self._first = np.asarray(arrays["first"])[self._by_letter]

    def _row(self, word: object) -> int:
        if not isinstance(word, str):
            return -1
        key = word.encode("utf-8", "surrogatepass")
        i = int(np.searchsorted(self._words, key, sorter=self._sorter))
        if i < len(self._sorter):
            row = int(self._sorter[i])
            if bytes(self._words[row]) == key:
                return row
        return -1

    def __contains__(self, word: object) -> bool:
        return self._row(word) >= 0

    def __getitem__(self, word: str) -> int:
        row = self._row(word)
        if row < 0:
            raise KeyError(word)
        return int(self._counts[row])

    def __iter__(self) -> Iterator[str]:
        return (w.decode("utf-8") for w in self._words.tolist())

    def __len__(self) -> int:
        return len(self._words)

    def letter_rows(self, letter: str) -> np.ndarray:
        """Rows of the words starting with `letter`, in the list's order."""
        code = ord(letter) if letter else -1
        lo, hi = np.searchsorted(self._first, [code, code + 1])
        return np.asarray(self._by_letter[lo:hi])

    def near(self, letter: str, length: int, limit: int) -> list[str]:
        """The words starting with `letter` within `limit` letters of `length`, in order."""
        rows = self.letter_rows(letter)
        rows = rows[np.abs(self._lengths[rows] - length) <= limit]
        return [w.decode("utf-8") for w in self._words[rows].tolist()]


@cache
def english() -> Mapping[str, int]:
    """symspellpy's English word frequencies (82,765 words; MIT), read by path: importing
    symspellpy itself is not needed. Parsing its lines cost a cold answer ~70 ms: the
    arrays are kept once made (bot/core/kept_tables.py)."""
    path = _word_list()
    if path is None:
        return {}
    return EnglishWords(kept("english-v1", [path], lambda: _english_arrays(path)))


@cache
def _english_by_letter() -> dict[str, list[str]]:
    words = english()
    if not isinstance(words, EnglishWords):
        return {}
    out: dict[str, list[str]] = {}
    for w in words:
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
    words = english()
    return words.near(letter, length, limit) if isinstance(words, EnglishWords) else []


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
        """Likely typos mended against the articles' words and English. A question in
        another language is left as asked: its words are not typos of English ones (the
        nearest to "Quanti chili" are "Quantic chilli")."""
        if detect_language(question.lower(), min_words=3) != "en":
            return question
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

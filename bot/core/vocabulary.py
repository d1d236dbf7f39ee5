"""What a snapshot's articles say, counted once per generation: the words for spelling
correction and, per article, the terms it is about (for the premise check and scoring)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np

from index import topics
from index.snapshot import Snapshot

from .spelling import Vocabulary, english


@lru_cache(maxsize=4)  # the current generation and the one a reload just replaced
def vocabulary(snapshot: Snapshot) -> Vocabulary:
    # Counted when segments were written (index/words.py): reading every article's text
    # here took over a minute and a gigabyte at a million chunks.
    words, lower = snapshot.word_counts()
    return Vocabulary.from_counts(words, lower)


_NAMED = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+\b")  # capitalised inside a sentence: a name


class _WordTest:
    """Is a capitalised word that opens a sentence a word ("Copies of ...") rather than a
    name? The articles write it in lower case, or English has it and this article never
    capitalises it inside a sentence (as it does "Hanna")."""

    def __init__(self, vocab: Vocabulary, text: str) -> None:
        self.vocab = vocab
        self.named = frozenset(w.lower() for w in _NAMED.findall(text))

    def __call__(self, word: str) -> bool:
        # english() last: reading its 82k words costs a cold answer ~65 ms
        return self.vocab.common(word) or (word not in self.named and word in english())


@lru_cache(maxsize=256)  # one object per article, so span scores can be memoised
def word_test(snapshot: Snapshot, article: int) -> Callable[[str], bool]:
    return _WordTest(vocabulary(snapshot), snapshot.articles[article].text)


@lru_cache(maxsize=4)
def _article_runs(snapshot: Snapshot) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each live article's sentence rows as one run (a segment writes an article's sentences
    together): article ids ascending, with their first and end rows. Found once per
    generation, in numpy: a Python pass over a million-chunk corpus's articles costs a cold
    answer a third of a second."""
    arts = np.asarray(snapshot.sent_article)
    if len(arts) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    cuts = np.flatnonzero(arts[1:] != arts[:-1]) + 1
    starts = np.concatenate(([0], cuts))
    ends = np.concatenate((cuts, [len(arts)]))
    ids = arts[starts]
    keep = ids >= 0  # -1: a replaced article version
    ids, starts, ends = ids[keep], starts[keep], ends[keep]
    order = np.argsort(ids, kind="stable")
    return ids[order], starts[order], ends[order]


def _article_rows(snapshot: Snapshot, article: int) -> tuple[int, int]:
    ids, starts, ends = _article_runs(snapshot)
    k = int(np.searchsorted(ids, article))
    if k < len(ids) and ids[k] == article:
        return int(starts[k]), int(ends[k])
    return 0, 0


@lru_cache(maxsize=4096)
def topic_terms(snapshot: Snapshot, article: int) -> frozenset[str]:
    """The terms the article is about (index/topics.py), as its segment stored them; a
    segment written before segments stored them is counted from its sentences."""
    art = snapshot.articles[article]
    stored = getattr(art, "topic_terms", None)
    if stored is None:
        lo, hi = _article_rows(snapshot, article)
        stored = topics.topic_terms(art, (snapshot.sentence_text(j) for j in range(lo, hi)))
    return frozenset(stored)


def topical(snapshot: Snapshot, article: int, term: str) -> bool:
    """Is the article (or the whole corpus: a term in most chunks) about this term?"""
    if snapshot.bm25.doc_share(term) > 0.25:
        return True
    return term in topic_terms(snapshot, article)

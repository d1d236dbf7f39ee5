"""A question word the articles never use, searched as the article words that mean the same.

"Who looks after the grandkids?" cannot match "her grandchildren" by its words, and the
sentence vectors, dominated by the rest of the sentence, often miss it too. So a question
word no indexed article uses is encoded on its own and compared
with the articles' own words, encoded the same way once per snapshot generation; the
article words within `SAME_WORD` join the search (BM25 and term coverage) beside it.

The question is read after spelling correction (a typo is fixed first), and its names
(capitalised inside it) are left alone. Only words the articles write in lower case, the
commonest `MAX_WORDS` of them: names are never paraphrases, and the table stays small
(20k words of 384 floats, 30 MB) however large the corpus.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

import numpy as np

from index.encoder import Encoder
from index.lexical import stemmer, stopwords_en
from index.snapshot import Snapshot
from index.words import WORD

# MiniLM's cosine between single words, on general English pairs: one meaning said two ways
# scores 0.76-0.88 (kids/children 0.88, automobile/car 0.87, physician/doctor 0.86,
# spouse/wife 0.86, purchase/bought 0.79, grandkids/grandchildren 0.76), words of one kind
# that differ lower (cost/price 0.74, north/south 0.68, boss/chief 0.62, first/last 0.46).
SAME_WORD = 0.75
MAX_WORDS = 20_000  # 15 MB as float16; ~10 s to encode once, at index time
MIN_LETTERS = 4  # shorter words are mostly function words and abbreviations
PER_WORD = 2  # article words added for one question word, the closest first
ASKED_WORDS = 4096  # question words whose vectors are kept (1.5 KB each)


class Expander:
    """The articles' common words (one snapshot generation); their single-word vectors are
    encoded when a question first holds a word the articles never use (~1 s on 2 cores for
    the seed corpus's 2k words), not before."""

    def __init__(
        self, words: Sequence[str], known: frozenset[str], encoder: Encoder, store: WordVectors
    ) -> None:
        self.words = list(words)
        self.known = known  # every word the articles use, any case
        self.encoder = encoder
        self.store = store
        # Question words' own vectors, float32 as the encoder gives them: questions repeat
        # words, and each is one encoder run fewer (bounded: cleared when full).
        self._asked: dict[str, np.ndarray] = {}

    @cached_property
    def vectors(self) -> np.ndarray:
        return self.store.vectors(self.words, self.encoder)

    def prepare(self) -> int:
        """Encode the words not encoded yet (at index time); how many words there are."""
        return len(self.vectors)

    def unknown(self, question: str) -> list[str]:
        """The question's words no article uses, names aside (capitalised inside it)."""
        stop = stopwords_en()
        seen: list[str] = []
        for m in WORD.finditer(question):
            w = m.group(0).casefold()
            if len(w) < MIN_LETTERS or w in stop or w in self.known or w in seen:
                continue
            if m.start() == 0 or m.group(0)[:1].islower():
                seen.append(w)
        return seen

    def _asked_vectors(self, asked: list[str]) -> np.ndarray:
        """The words' vectors, the missing ones in one run: a row of a batch is bit for bit
        the text's vector alone (tests/test_answer_speed.py)."""
        known = self._asked  # another thread may start a new dict; this one stays whole
        missing = [w for w in asked if w not in known]
        if missing:
            if len(known) + len(missing) > ASKED_WORDS:
                known = self._asked = {}
            known.update(zip(missing, self.encoder.encode(missing), strict=True))
        return np.stack([known[w] for w in asked])

    def expand(self, question: str) -> list[str]:
        """Article words meaning what the question's unused words mean (may be empty)."""
        asked = self.unknown(question)
        if not asked or not self.words:
            return []
        sims = self.vectors @ self._asked_vectors(asked).T  # (words, asked)
        out: list[str] = []
        stem = stemmer().stemWord
        for col, word in enumerate(asked):
            close = [
                i for i in np.argsort(-sims[:, col])[: PER_WORD + 1] if sims[i, col] >= SAME_WORD
            ]
            # "years" for "year": the search's stemming matches those already
            out += [self.words[i] for i in close if stem(self.words[i]) != stem(word)][:PER_WORD]
        return out


class WordVectors:
    """Single-word vectors by word, kept in a file beside the index: a word's vector does
    not depend on the corpus, so a new generation encodes only its new words, and
    `citebot index` encodes them before any question does (2,000 words/s on 2 cores)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.known: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        if path is not None and path.is_file():
            try:
                with np.load(path) as data:
                    self.known = dict(zip(data["words"].tolist(), data["vectors"], strict=True))
            except (OSError, ValueError, KeyError):
                self.known = {}  # unreadable: encoded again and rewritten

    def vectors(self, words: Sequence[str], encoder: Encoder) -> np.ndarray:
        with self._lock:
            missing = [w for w in words if w not in self.known]
            if missing:
                for w, v in zip(missing, encoder.encode(missing), strict=True):
                    self.known[w] = v.astype(np.float16)
                self._save()
            if not words:
                return np.zeros((0, 384), dtype=np.float32)
            return np.stack([self.known[w] for w in words]).astype(np.float32)

    def _save(self) -> None:
        if self.path is None:
            return
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp.npz")
        try:
            words = list(self.known)
            np.savez(tmp, words=np.array(words), vectors=np.stack([self.known[w] for w in words]))
            os.replace(tmp, self.path)  # readers see the old file or the new, never a part
        except OSError:
            tmp.unlink(missing_ok=True)  # a read-only home: vectors stay in memory


_STORES: dict[Path | None, WordVectors] = {}


def word_vectors(path: Path | None) -> WordVectors:
    """One store per file in a process, shared by every generation's expander."""
    if path not in _STORES:
        _STORES[path] = WordVectors(path)
    return _STORES[path]


def build_expander(snapshot: Snapshot, encoder: Encoder, path: Path | None = None) -> Expander:
    """The word lists are counted at index time (Snapshot.word_counts): cheap to read."""
    counts, lower = snapshot.word_counts()
    stop = stopwords_en()
    common = [
        w for w, n in lower.most_common() if len(w) >= MIN_LETTERS and w not in stop and w.isalpha()
    ][:MAX_WORDS]
    return Expander(common, frozenset(counts), encoder, word_vectors(path))

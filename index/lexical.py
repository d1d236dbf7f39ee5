"""The query side of the BM25 index, without importing bm25s.

`import bm25s` pulls in scipy.sparse (about 0.3 s of a one-second cold answer), yet a query
only needs the saved score matrix and bm25s' tokenizer rules. The index is still *built* by
bm25s at export time (snapshot.py); this module reads the files it saves and reproduces its
tokenizer exactly (tests/test_lexical.py checks both against bm25s itself).
"""

from __future__ import annotations

import importlib.util
import json
import re
import threading
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

# bm25s.tokenize's default pattern (the scikit-learn CountVectorizer one).
_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_local = threading.local()  # a snowball stemmer must not be shared across threads


@cache
def stopwords_en() -> frozenset[str]:
    """bm25s' English stopword list, read from its plain-data module.

    Loading the file by path skips `bm25s/__init__`, which is what imports scipy.
    """
    spec = importlib.util.find_spec("bm25s")
    if spec is None or spec.origin is None:
        raise ImportError("bm25s is not installed")
    path = Path(spec.origin).with_name("stopwords.py")
    loaded = importlib.util.spec_from_file_location("_citebot_bm25s_stopwords", path)
    if loaded is None or loaded.loader is None:
        raise ImportError(f"cannot read {path}")
    module = importlib.util.module_from_spec(loaded)
    loaded.loader.exec_module(module)
    return frozenset(module.STOPWORDS_EN_PLUS)  # the list snapshot.bm25_tokenize indexes with


def stemmer() -> Any:
    """This thread's English Snowball stemmer (index and query side share it)."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        import Stemmer

        stemmer = _local.stemmer = Stemmer.Stemmer("english")
    return stemmer


def tokenize(text: str, language: str | None = None) -> list[str]:
    """BM25 terms. English text gives the same tokens, in the same order, as
    `bm25s.tokenize([text], stopwords=STOPWORDS_EN_PLUS, stemmer=Stemmer("english"),
    return_ids=False)[0]`. Text in another language (given, or detected from its function
    words: index/language.py) uses that language's stopwords and Snowball stemmer, so a
    question is stemmed as the article it should find was; scripts written without spaces
    become overlapping character pairs (see language.cjk_terms)."""
    from .language import cjk_terms, detect_language, has_cjk

    lower = text.lower()
    if language in (None, "en") and not has_cjk(lower):
        stop = stopwords_en()
        tokens = _TOKEN.findall(lower)
        words = [w for w in tokens if w not in stop]
        # English function words make up a fifth of any English sentence: that settles
        # the language without the full detection (this runs for every sentence scored).
        if language == "en" or len(tokens) < 3 or len(tokens) - len(words) >= 0.2 * len(tokens):
            return list(stemmer().stemWords(words)) if words else []
    lang = language or detect_language(lower, min_words=3)
    return cjk_terms(lower, lambda part: _words(part, lang))


def _words(lower: str, language: str) -> list[str]:
    from .language import STEMMERS, stopwords

    stop = stopwords_en() if language == "en" else stopwords(language)
    words = [w for w in _TOKEN.findall(lower) if w not in stop]
    if not words or language not in STEMMERS:
        return words
    return list(_stemmer(language).stemWords(words))


def _stemmer(language: str) -> Any:
    if language == "en":
        return stemmer()
    cache = getattr(_local, "stemmers", None)
    if cache is None:
        cache = _local.stemmers = {}
    if language not in cache:
        import Stemmer

        from .language import STEMMERS

        cache[language] = Stemmer.Stemmer(STEMMERS[language])
    return cache[language]


class Lexical:
    """A saved bm25s index, read-only. Keeps bm25s.BM25's attribute names (`scores`,
    `vocab_dict`, `get_scores`) so callers written against bm25s keep working."""

    def __init__(self, path: Path) -> None:
        params = json.loads((path / "params.index.json").read_text(encoding="utf-8"))
        if params.get("method", "lucene") not in ("lucene", "robertson", "atire"):
            # BM25L/BM25+ add a non-occurrence term this reader does not implement.
            raise ValueError(f"unsupported BM25 variant {params.get('method')}")
        self.vocab_dict: dict[str, int] = json.loads(
            (path / "vocab.index.json").read_text(encoding="utf-8")
        )
        self.scores: dict[str, Any] = {
            name: np.load(path / f"{name}.csc.index.npy") for name in ("data", "indices", "indptr")
        }
        self.scores["num_docs"] = int(params["num_docs"])
        self.dtype = np.dtype(params.get("dtype", "float32"))
        self.num_docs = max(int(params["num_docs"]), 1)
        # Document frequency per vocabulary id: the one place it is read off the matrix.
        self.doc_freq = np.diff(np.asarray(self.scores["indptr"])).astype(np.float64)

    def df(self, term: str) -> int:
        """Chunks that contain the (tokenized) term."""
        i = self.vocab_dict.get(term)
        return int(self.doc_freq[i]) if i is not None and i < len(self.doc_freq) else 0

    def doc_share(self, term: str) -> float:
        """Fraction of chunks that contain the term."""
        return self.df(term) / self.num_docs

    def idf(self, term: str) -> float:
        """BM25's inverse document frequency; a term the corpus never uses weighs the most."""
        df = self.df(term)
        return float(np.log(1 + (self.num_docs - df + 0.5) / (df + 0.5)))

    def get_scores(self, terms: list[str]) -> np.ndarray:
        """BM25 score of every document for these (already tokenized) query terms."""
        data, indices, indptr = (self.scores[k] for k in ("data", "indices", "indptr"))
        scores = np.zeros(self.scores["num_docs"], dtype=self.dtype)
        for term in terms:
            i = self.vocab_dict.get(term)
            if i is None or i + 1 >= len(indptr):
                continue
            lo, hi = int(indptr[i]), int(indptr[i + 1])
            # One term lists each document at most once, so a fancy-indexed add is exact.
            scores[indices[lo:hi]] += data[lo:hi]
        return scores

"""bm25s' tokenizer, without importing bm25s.

`import bm25s` pulls in scipy.sparse (about 0.3 s of a one-second cold answer). Segments
store BM25 postings built with this tokenizer and index/bm25.py scores them the way bm25s
does; tests/test_lexical.py checks tokens and scores against bm25s itself.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from typing import Any

# Imported here, not per call: tokenize runs for every sentence an answer scores, and an
# import statement in its body cost a tenth of its time.
from .language import STEMMERS, cjk_terms, detect_language, has_cjk, stopwords

# bm25s.tokenize's default pattern (the scikit-learn CountVectorizer one).
_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_local = threading.local()  # a snowball stemmer must not be shared across threads


@cache
def stopwords_en() -> frozenset[str]:
    """bm25s' English stopword list (the plus list: the 33-word default keeps "where", "did",
    "from" and friends), read without importing bm25s (see language.stopwords)."""
    return stopwords("en")


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
    lower = text.lower()
    if language in (None, "en") and not has_cjk(lower):
        stop = stopwords_en()
        tokens = _TOKEN.findall(lower)
        words = [w for w in tokens if w not in stop]
        # English function words make up a fifth of any English sentence: that settles
        # the language without the full detection (this runs for every sentence scored).
        if language == "en" or len(tokens) < 3 or len(tokens) - len(words) >= 0.2 * len(tokens):
            return stemmer().stemWords(words) if words else []  # a new list
    lang = language or detect_language(lower, min_words=3)
    return cjk_terms(lower, lambda part: _words(part, lang))


def _words(lower: str, language: str) -> list[str]:
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

        cache[language] = Stemmer.Stemmer(STEMMERS[language])
    return cache[language]

"""Which language an article is written in, so it is split and stemmed in that language.

Scripts written without spaces are told apart by their characters (kana means Japanese,
hangul Korean, other CJK ideographs Chinese). Text in the Latin or Cyrillic alphabets is
judged by its share of each language's common function words (bm25s ships the lists),
which needs no model: an article gives hundreds of words to count.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

# Snowball stemmer names for the languages bm25s has stopword lists for.
STEMMERS = {
    "en": "english", "de": "german", "nl": "dutch", "fr": "french", "es": "spanish",
    "pt": "portuguese", "it": "italian", "ru": "russian", "sv": "swedish", "no": "norwegian",
    "tr": "turkish", "da": "danish",
}  # fmt: skip
_LISTS = {
    "en": "STOPWORDS_EN_PLUS", "de": "STOPWORDS_GERMAN", "nl": "STOPWORDS_DUTCH",
    "fr": "STOPWORDS_FRENCH", "es": "STOPWORDS_SPANISH", "pt": "STOPWORDS_PORTUGUESE",
    "it": "STOPWORDS_ITALIAN", "ru": "STOPWORDS_RUSSIAN", "sv": "STOPWORDS_SWEDISH",
    "no": "STOPWORDS_NORWEGIAN", "tr": "STOPWORDS_TURKISH", "da": "STOPWORDS_DANISH",
}  # fmt: skip
NO_SPACES = {"zh", "ja", "ko", "th"}
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_WORD = re.compile(r"[^\W\d_]+")
# Scripts written without spaces between words.
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+")


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    """bm25s' stopword lists, read from its plain-data module by path (importing the
    package would pull in scipy)."""
    spec = importlib.util.find_spec("bm25s")
    if spec is None or spec.origin is None:
        raise ImportError("bm25s is not installed")
    path = Path(spec.origin).with_name("stopwords.py")
    loaded = importlib.util.spec_from_file_location("_citebot_bm25s_stopwords", path)
    if loaded is None or loaded.loader is None:
        raise ImportError(f"cannot read {path}")
    module = importlib.util.module_from_spec(loaded)
    loaded.loader.exec_module(module)
    return {code: frozenset(getattr(module, name)) for code, name in _LISTS.items()}


def detect_language(text: str, default: str = "en", min_words: int = 20) -> str:
    """An ISO 639-1 code. Text too short to tell, or mixed, falls back to `default`."""
    sample = text[:20_000]
    if script := _script(sample):
        return script
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < min_words:
        return default
    lists = _stopwords()
    own = sum(w in lists[default] for w in words) / len(words) if default in lists else 0.0
    if own >= 0.2:
        return default  # the common case, decided with one list
    shares = {code: sum(w in stop for w in words) / len(words) for code, stop in lists.items()}
    best = max(shares, key=lambda c: shares[c])
    # Stopword lists overlap ("de", "a", "la"); the winner must stand clear of the default.
    if best != default and shares[best] < 1.5 * own + 0.1:
        return default
    return best


def _script(sample: str) -> str | None:
    if not (_CJK_RUN.search(sample) or _THAI.search(sample)):
        return None  # the common case: nothing to count
    letters = sum(1 for c in sample if c.isalpha()) or 1
    if len(_KANA.findall(sample)) > 0.05 * letters:
        return "ja"
    if len(_HANGUL.findall(sample)) > 0.2 * letters:
        return "ko"
    if len(_HAN.findall(sample)) > 0.2 * letters:
        return "zh"
    if len(_THAI.findall(sample)) > 0.2 * letters:
        return "th"
    return None


def stopwords(language: str) -> frozenset[str]:
    return _stopwords().get(language, frozenset())


@cache
def all_stopwords() -> frozenset[str]:
    return frozenset().union(*_stopwords().values())


def has_cjk(text: str) -> bool:
    return _CJK_RUN.search(text) is not None


def cjk_terms(text: str, words: Callable[[str], list[str]]) -> list[str]:
    """Runs of Chinese, Japanese or Korean script as overlapping character pairs (the
    classic CJK bigram scheme: no dictionary, and any word of two or more characters is
    matched by its pairs); the text between the runs through `words`."""
    out: list[str] = []
    pos = 0
    for m in _CJK_RUN.finditer(text):
        out += words(text[pos : m.start()])
        run = m.group()
        out += [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]
        pos = m.end()
    return out + words(text[pos:])

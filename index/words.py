"""The words a segment's articles use, counted when the segment is written.

Spelling correction (bot/core/spelling.py) needs every word the current articles use and
how often, and whether the articles write it in lower case. Counting that from the texts
when a bot starts read every article: at a million chunks, 500 MB of text, over a minute
of CPU and a gigabyte of memory before the first answer. A segment counts its own words
once, in words.json; a snapshot adds up its segments and takes out the few articles a
newer version replaced (read and counted again), so the sums are those of the current
articles. Counts keep first-use order, as counting the texts in order would.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

WORD = re.compile(r"[^\W\d_]+")  # a run of letters
LOWER = re.compile(r"\b[a-z]+\b")  # a word written in lower case


def article_words(title: str | None, text: str) -> str:
    """The text whose words count for an article: its headline, then its body."""
    return f"{title}\n{text}"


def count(text: str, words: Counter[str], lower: Counter[str]) -> None:
    words.update(w.casefold() for w in WORD.findall(text))
    lower.update(LOWER.findall(text))


class WordCounter:
    def __init__(self) -> None:
        self.words: Counter[str] = Counter()
        self.lower: Counter[str] = Counter()

    def add(self, title: str | None, text: str) -> None:
        count(article_words(title, text), self.words, self.lower)

    def write(self, path: Path) -> None:
        data = {"words": dict(self.words), "lower": dict(self.lower)}
        (path / "words.json").write_text(json.dumps(data), encoding="utf-8")


def read_counts(path: Path) -> tuple[Counter[str], Counter[str]] | None:
    """A segment's counts, or None for a segment written before they were kept."""
    try:
        data = json.loads((path / "words.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return Counter(data["words"]), Counter(data["lower"])

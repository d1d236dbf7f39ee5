"""Sentence-aware chunking with character offsets into the cleaned article text."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .articles import Article
from .encoder import MAX_TOKENS

# A sentence longer than this many characters is cut at spaces, so no chunk can exceed the
# model's window even when a scraped file has no punctuation at all.
_MAX_SENTENCE_CHARS = 600
_WINDOW_CHARS = 4000
# A sentence end followed by the next one's start; scripts without spaces end sentences
# with their own marks (。！？) and need no space after them.
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|[。！？][」』”）]*")

TokenCounter = Callable[[Sequence[str]], list[int]]


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Chunk:
    id: str
    article_id: str
    start: int
    end: int
    text: str
    first_sentence: int
    last_sentence: int  # exclusive


@lru_cache(maxsize=8)
def _segmenter(language: str) -> Any:
    """pysbd's rules for the article's language (English where pysbd has none)."""
    import pysbd
    from pysbd.languages import LANGUAGE_CODES

    code = language if language in LANGUAGE_CODES else "en"
    return pysbd.Segmenter(language=code, clean=False, char_span=False)


def split_sentences(text: str, language: str = "en") -> list[Span]:
    """Sentences of every paragraph; a sentence never crosses a paragraph break."""
    spans: list[Span] = []
    segmenter = _segmenter(language)
    for para in re.finditer(r"[^\n]+", text):
        for offset, window in _windows(para.group()):
            base = para.start() + offset
            for start, end in _locate(window, segmenter):
                spans.extend(_cap(base + start, base + end, text))
    return spans


def _windows(paragraph: str) -> list[tuple[int, str]]:
    """A long paragraph in pieces cut after a sentence end: pysbd's time grows with the square
    of its input (a 100 KB one-line scrape took 20 s), so it never sees more than a window."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(paragraph) - start > _WINDOW_CHARS:
        lo, hi = start + _WINDOW_CHARS // 2, start + _WINDOW_CHARS
        cut = max((m.end() for m in _SENTENCE_END.finditer(paragraph, lo, hi)), default=-1)
        if cut < 0:
            cut = paragraph.rfind(" ", lo, hi) + 1 or hi  # no sentence end: a word break
        out.append((start, paragraph[start:cut]))
        start = cut
    out.append((start, paragraph[start:]))
    return out


def _locate(chunk: str, segmenter: Any) -> list[tuple[int, int]]:
    """pysbd's sentences as offsets into chunk. We find each sentence ourselves (pysbd's own
    spans drift), and text it drops or alters becomes a span of its own: nothing is lost."""
    found: list[tuple[int, int]] = []
    cursor = 0
    for piece in segmenter.segment(chunk) if len(chunk) > 1 else []:
        sent = piece.strip()
        at = chunk.find(sent, cursor) if sent else -1
        if at < 0:
            continue
        found.extend(_gap(chunk, cursor, at))
        found.append((at, at + len(sent)))
        cursor = at + len(sent)
    found.extend(_gap(chunk, cursor, len(chunk)))
    return found


def _gap(chunk: str, lo: int, hi: int) -> list[tuple[int, int]]:
    piece = chunk[lo:hi]
    if not piece.strip():
        return []
    return [(lo + len(piece) - len(piece.lstrip()), lo + len(piece.rstrip()))]


def _cap(start: int, end: int, text: str) -> list[Span]:
    out: list[Span] = []
    while end - start > _MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + _MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + _MAX_SENTENCE_CHARS
        out.append(Span(start, cut))
        start = cut
        while start < end and text[start] == " ":
            start += 1
    if end > start:
        out.append(Span(start, end))
    return out


def _fit_window(
    text: str, spans: list[Span], lengths: list[int], count_tokens: TokenCounter
) -> tuple[list[Span], list[int]]:
    """Halve any sentence the model cannot see whole (digits, symbols, scripts without spaces
    cost a word piece per character, so the character cap alone does not bound tokens)."""
    limit = MAX_TOKENS - 2
    if all(n <= limit for n in lengths):
        return spans, lengths
    out: list[Span] = []
    out_lengths: list[int] = []
    todo = list(zip(spans, lengths, strict=True))[::-1]
    while todo:
        span, n = todo.pop()
        if n <= limit or span.end - span.start < 2:
            out.append(span)
            out_lengths.append(n)
            continue
        mid = (span.start + span.end) // 2
        cut = text.rfind(" ", span.start + 1, mid + 1)
        if cut < 0:
            cut = text.find(" ", mid, span.end - 1)
        if cut < 0:
            cut = mid
        left_end, right_start = cut, cut
        while left_end > span.start + 1 and text[left_end - 1] == " ":
            left_end -= 1
        while right_start < span.end - 1 and text[right_start] == " ":
            right_start += 1
        left, right = Span(span.start, left_end), Span(right_start, span.end)
        counts = count_tokens([text[left.start : left.end], text[right.start : right.end]])
        todo.append((right, counts[1]))
        todo.append((left, counts[0]))
    return out, out_lengths


def chunk_id(article: Article, start: int, text: str) -> str:
    # The article's version is part of the id, so an edit writes new chunks beside the
    # old ones and readers switch versions at once (see store.commit_article).
    key = f"{article.id}\0{article.content_hash}\0{start}\0{text}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def chunk_article(
    article: Article, count_tokens: TokenCounter, max_tokens: int, overlap: int
) -> tuple[list[Span], list[Chunk]]:
    sentences = split_sentences(article.text, article.language)
    if not sentences:
        return [], []
    lengths = count_tokens([article.text[s.start : s.end] for s in sentences])
    # [CLS] and [SEP]; a budget above the model's window would be silently truncated.
    budget = min(max_tokens, MAX_TOKENS) - 2
    sentences, lengths = _fit_window(article.text, sentences, lengths, count_tokens)
    chunks: list[Chunk] = []
    first = 0
    while first < len(sentences):
        last, used = first, 0
        while last < len(sentences) and (last == first or used + lengths[last] <= budget):
            used += lengths[last]
            last += 1
        start, end = sentences[first].start, sentences[last - 1].end
        text = article.text[start:end]
        chunks.append(
            Chunk(chunk_id(article, start, text), article.id, start, end, text, first, last)
        )
        if last >= len(sentences):
            break
        first = max(first + 1, last - overlap)
    return sentences, chunks

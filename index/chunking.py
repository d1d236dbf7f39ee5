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


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_sentences(text: str) -> list[Span]:
    """Sentences of every paragraph; a sentence never crosses a paragraph break."""
    spans: list[Span] = []
    for para in re.finditer(r"[^\n]+", text):
        offset = para.start()
        chunk = para.group()
        pieces = _segmenter().segment(chunk) if len(chunk) > 1 else []
        cursor = 0
        for piece in pieces:
            sent = piece.sent.strip()
            if not sent:
                continue
            # pysbd's offsets drift on some inputs; locate the sentence ourselves.
            found = chunk.find(sent, cursor)
            if found < 0:
                continue
            cursor = found + len(sent)
            spans.extend(_cap(offset + found, offset + cursor, text))
        if not pieces and chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.extend(_cap(offset + lead, offset + len(chunk.rstrip()), text))
    return spans


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
    sentences = split_sentences(article.text)
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

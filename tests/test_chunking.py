"""Chunking: exact character offsets, the model's 256-word-piece window, sentence overlap."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import SEED_CORPUS

from index.articles import Article, read_article
from index.chunking import chunk_article, split_sentences
from index.encoder import MAX_TOKENS, TokenCounter, load_tokenizer
from index.shared.settings import get_settings

SEEDS = sorted(SEED_CORPUS.glob("*.txt"))


@pytest.fixture(scope="module")
def model_dir() -> Path:
    return get_settings().model_dir


@pytest.fixture(scope="module")
def counter(model_dir: Path) -> TokenCounter:
    return TokenCounter(model_dir)


@pytest.fixture(scope="module")
def window_tokens(model_dir: Path):  # type: ignore[no-untyped-def]
    """Word pieces the model sees for a text, [CLS] and [SEP] included, never truncated."""
    tok = load_tokenizer(model_dir, max_tokens=1_000_000)
    return lambda text: len(tok.encode(text).ids)


def check_chunks(article: Article, chunks, sentences, window_tokens, overlap: int) -> None:  # type: ignore[no-untyped-def]
    assert chunks, article.id
    for c in chunks:
        assert article.text[c.start : c.end] == c.text  # a citation can quote it exactly
        assert c.article_id == article.id
        assert window_tokens(c.text) <= MAX_TOKENS, (article.id, c.start)
        assert c.start == sentences[c.first_sentence].start
        assert c.end == sentences[c.last_sentence - 1].end
    # Every sentence lands in a chunk, in order, from the first to the last.
    assert chunks[0].first_sentence == 0
    assert chunks[-1].last_sentence == len(sentences)
    for prev, nxt in itertools.pairwise(chunks):
        assert prev.first_sentence < nxt.first_sentence <= prev.last_sentence
        if overlap and prev.last_sentence - prev.first_sentence > overlap:
            # The last `overlap` sentences of a chunk open the next one.
            assert nxt.first_sentence == prev.last_sentence - overlap
            assert nxt.start < prev.end
            assert article.text[nxt.start : prev.end] in prev.text
    assert len({c.id for c in chunks}) == len(chunks)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_chunks_quote_the_article_and_fit_the_window(path, counter, window_tokens) -> None:  # type: ignore[no-untyped-def]
    settings = get_settings()
    article = read_article(path)
    sentences, chunks = chunk_article(
        article, counter, settings.chunk_tokens, settings.overlap_sentences
    )
    check_chunks(article, chunks, sentences, window_tokens, settings.overlap_sentences)
    assert all(window_tokens(c.text) <= settings.chunk_tokens for c in chunks)


def test_seed_corpus_has_overlapping_chunks(counter) -> None:  # type: ignore[no-untyped-def]
    settings = get_settings()
    pairs = 0
    for path in SEEDS:
        article = read_article(path)
        _, chunks = chunk_article(article, counter, settings.chunk_tokens, 1)
        for prev, nxt in itertools.pairwise(chunks):
            assert nxt.first_sentence == prev.last_sentence - 1
            assert nxt.start < prev.end  # the shared sentence is in both texts
            pairs += 1
    assert pairs >= 10  # the seed articles are several chunks long each


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_sentences_are_trimmed_and_stay_in_their_paragraph(path: Path) -> None:
    text = read_article(path).text
    spans = split_sentences(text)
    assert spans
    for s, nxt in itertools.pairwise(spans):
        assert s.end <= nxt.start
    for s in spans:
        piece = text[s.start : s.end]
        assert piece == piece.strip() and piece and "\n" not in piece
    # Nothing but whitespace falls between sentences: no article text is lost.
    covered = "".join(text[s.start : s.end] for s in spans)
    assert "".join(covered.split()) == "".join(text.split())


def test_chunk_ids_are_content_hashes(counter) -> None:  # type: ignore[no-untyped-def]
    article = read_article(SEEDS[1])
    _, first = chunk_article(article, counter, 160, 1)
    _, again = chunk_article(article, counter, 160, 1)
    assert [c.id for c in first] == [c.id for c in again]
    edited = replace(article, content_hash="another-version")
    _, other = chunk_article(edited, counter, 160, 1)
    assert not {c.id for c in first} & {c.id for c in other}


def test_chunks_at_the_full_window(counter, window_tokens) -> None:  # type: ignore[no-untyped-def]
    for path in SEEDS:
        article = read_article(path)
        sentences, chunks = chunk_article(article, counter, MAX_TOKENS, 1)
        check_chunks(article, chunks, sentences, window_tokens, 1)


@pytest.mark.parametrize(
    "text",
    [
        "word " * 3000,  # no punctuation at all
        "A1B2C3D4 " * 400,  # a word piece per character or two
        "The 4,500,000 figure (1.2%) rose 3.4-5.6x; " * 40,  # one long sentence of numbers
        "日本語の文章です" * 120,  # a script without spaces
        "Short one. " + "x" * 700 + " Then more words follow here.",
    ],
    ids=["unpunctuated", "alnum", "numbers", "cjk", "long-token"],
)
def test_pathological_text_still_fits_the_window(text, counter, window_tokens) -> None:  # type: ignore[no-untyped-def]
    article = Article(id="odd", title="odd", text=text.strip(), content_hash="h")
    for budget in (160, MAX_TOKENS, 1000):  # a setting above the window cannot exceed it
        sentences, chunks = chunk_article(article, counter, budget, 1)
        check_chunks(article, chunks, sentences, window_tokens, 1)
        for s in sentences:  # sentence vectors are embedded whole too
            assert window_tokens(article.text[s.start : s.end]) <= MAX_TOKENS
        covered = "".join(article.text[s.start : s.end] for s in sentences)
        assert "".join(covered.split()) == "".join(article.text.split())  # nothing dropped


def test_empty_article_has_no_chunks(counter) -> None:  # type: ignore[no-untyped-def]
    article = Article(id="e", title="e", text="", content_hash="h")
    assert chunk_article(article, counter, 160, 1) == ([], [])


@pytest.mark.timeout(60)  # a hang guard, not a speed bound: it took minutes before windowing
def test_one_line_scrape_of_200_kb_is_split_in_linear_time(counter, window_tokens) -> None:  # type: ignore[no-untyped-def]
    base = (
        "Kim said the ranch in Cody was quiet. “We are fine,” she added, per Dr. Smith of "
        "the U.S. team. "
    )
    text = (base * 2000).strip()
    spans = split_sentences(text)
    assert len(spans) == 4000  # two sentences a repeat; "Dr." and "U.S." are not ends
    assert {text[s.start : s.end] for s in spans} == {
        "Kim said the ranch in Cody was quiet.",
        "“We are fine,” she added, per Dr. Smith of the U.S. team.",
    }
    article = Article(id="long", title="long", text=text, content_hash="h")
    sentences, chunks = chunk_article(article, counter, 160, 1)
    check_chunks(article, chunks, sentences, window_tokens, 1)

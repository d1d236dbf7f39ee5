"""A question word no article uses is searched as the article words that mean the same."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

ARTICLES = {
    "mayor.md": """---
title: Mayor opens the new library
outlet: Valley Courier
date: 2024-05-02
---
The mayor of Eastbrook opened the new library on Monday, four years after the old one burned.

She told the crowd that her three children had learned to read in the old building.

The library holds 40,000 books and a room for the town's archive.
""",
    "harbour.txt": """Ferry service resumes at the harbour

The ferry between Eastbrook and the island will run again from June, the operator said.

A new physician will hold a weekly clinic on the island from the same month.

Tickets will cost the same as last year.
""",
}


class Counting:
    """The real encoder, counting the texts it is asked to encode."""

    def __init__(self, encoder: object) -> None:
        self.encoder = encoder
        self.texts = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.texts += len(texts)
        return self.encoder.encode(texts)  # type: ignore[attr-defined, no-any-return]


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bot.cli.common import index_with_progress
    from index.shared.settings import get_settings

    base = tmp_path_factory.mktemp("expansion")
    corpus = base / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    index_with_progress(get_settings(home=base / "home", corpus=corpus), None, rebuild=False)
    return base


def _engine(base: Path):  # type: ignore[no-untyped-def]
    from bot.engine import Engine
    from index.shared.settings import get_settings

    return Engine(get_settings(home=base / "home", corpus=base / "corpus"))


def test_words_the_articles_never_use_become_the_ones_they_do(indexed: Path) -> None:
    expander = _engine(indexed).reader.expander
    assert "children" in expander.expand("How many kids does the mayor have?")
    assert "physician" in expander.expand("Which doctor will visit the island?")
    # words the articles use, and names, are searched as they are
    assert expander.expand("When did the mayor open the library?") == []
    assert expander.expand("Did Brunhilde open the library?") == []


def test_the_paraphrase_counts_as_the_question_word(indexed: Path) -> None:
    from bot.core.expansion import Expander
    from bot.core.scoring import gather_evidence

    question = "How many kids does the mayor have?"
    engine = _engine(indexed)
    answer = engine.answer(question)
    assert answer.citations and "three children" in answer.text.split("[1]")[0]

    def coverage(reader) -> float:  # type: ignore[no-untyped-def]
        evidence = gather_evidence(reader, question)
        return next(
            s.coverage
            for s in evidence.sentences
            if "three children" in evidence.snapshot.sentence_text(s.sentence)
        )

    reader = engine.reader
    expanded = coverage(reader)
    reader.expander = Expander([], reader.expander.known, reader.encoder, reader.expander.store)
    assert expanded > coverage(reader) + 0.1  # "children" stands in for "kids"


def test_indexing_encodes_the_article_words_once(indexed: Path) -> None:
    from bot.core.expansion import WordVectors, build_expander
    from index.encoder import OnnxEncoder
    from index.shared.settings import get_settings

    settings = get_settings(home=indexed / "home", corpus=indexed / "corpus")
    assert settings.word_vectors_path.is_file()  # written by the index run
    engine = _engine(indexed)
    counting = Counting(OnnxEncoder(settings.onnx_path, settings.model_dir))
    fresh = build_expander(engine.snapshot, counting, settings.word_vectors_path)
    fresh.store = WordVectors(settings.word_vectors_path)  # as a new process reads it
    assert fresh.prepare() > 10 and counting.texts == 0
    question = "How many kids does the mayor have?"
    fresh.expand(question)
    assert "kids" in fresh.unknown(question)
    assert counting.texts == len(fresh.unknown(question))  # the question's own words only


def test_an_unreadable_vectors_file_is_encoded_again(tmp_path: Path, indexed: Path) -> None:
    from bot.core.expansion import WordVectors

    broken = tmp_path / "word_vectors.npz"
    broken.write_bytes(b"not a numpy file")
    engine = _engine(indexed)
    store = WordVectors(broken)
    vectors = store.vectors(["library", "ferry"], engine.encoder)
    assert vectors.shape == (2, 384)
    assert WordVectors(broken).known.keys() == {"library", "ferry"}  # rewritten whole

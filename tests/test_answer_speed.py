"""Shortcuts on the answer path give exactly what the longer way gave (speed is bench/)."""

from __future__ import annotations

import numpy as np
import pytest

# Question-like texts of very different lengths (a batch pads the shorter ones), a long
# one past the model's 256-piece window, and non-English and accented text.
TEXTS = [
    "name",
    "Who is mother",
    "What did the council decide about the new Quayside pool and its cost overrun?",
    "WHERE DID KIM FLY AFTER THE REUNION IN WYOMING?",
    "Wie viele Fahrgäste nutzten die Straßenbahn im Jahr 2019?",
    "café naïve résumé",
    " ".join(["the harbour authority approved the dredging plan"] * 40),
    "kids",
    "How much did the 10th-century expedition of George Maniaces cost, according to the sources?",
]


@pytest.fixture(scope="module")
def plain(indexed):  # type: ignore[no-untyped-def]
    """An encoder that remembers nothing: every text goes through the model."""
    from index.encoder import OnnxEncoder

    return OnnxEncoder(indexed.onnx_path, indexed.model_dir)


def test_a_batch_of_two_gives_each_text_its_own_vector(plain) -> None:  # type: ignore[no-untyped-def]
    """gather_evidence encodes the question and its focus in one run: each row must be the
    vector the text gets alone, bit for bit, or answers would move."""
    alone = {t: plain.encode([t])[0] for t in TEXTS}
    for a in TEXTS:
        for b in TEXTS:
            both = plain.encode([a, b])
            assert np.array_equal(both[0], alone[a]), (a, b)
            assert np.array_equal(both[1], alone[b]), (a, b)


def test_a_larger_batch_too(plain) -> None:  # type: ignore[no-untyped-def]
    alone = np.stack([plain.encode([t])[0] for t in TEXTS])
    assert np.array_equal(plain.encode(TEXTS), alone)


def test_remembered_query_vectors_are_the_models(indexed, plain) -> None:  # type: ignore[no-untyped-def]
    """The query encoder keeps vectors by word pieces: a question searched again in another
    case (the tokenizer folds case) or asked again is not run through the model, and every
    vector it gives, remembered or not, past its limit too, is the model's bit for bit."""
    from index.encoder import OnnxEncoder

    memo = OnnxEncoder(indexed.onnx_path, indexed.model_dir, remember=4)
    runs = []
    model_run = memo.session.run
    memo.session.run = lambda *a, **k: runs.append(1) or model_run(*a, **k)
    first = memo.encode(["where did kim fly?", "Where did Kim fly?"])
    assert len(runs) == 1  # one model run, for one sequence of word pieces
    assert np.array_equal(memo.encode(["WHERE DID KIM FLY?"])[0], first[0])
    assert len(runs) == 1
    assert np.array_equal(first[1], plain.encode(["Where did Kim fly?"])[0])
    for text in [*TEXTS, *TEXTS[:3], *(t.upper() for t in TEXTS)]:  # past the limit of 4
        assert np.array_equal(memo.encode([text])[0], plain.encode([text])[0]), text
    assert np.array_equal(memo.encode(TEXTS), plain.encode(TEXTS))


def test_question_words_vectors_are_kept_as_encoded(engine) -> None:  # type: ignore[no-untyped-def]
    """The expander keeps the vectors of question words it has encoded: a word asked again,
    alone or beside new ones, has the vector a fresh encoding gives."""
    expander = engine.reader.expander
    first = expander._asked_vectors(["grandkids", "physician"])
    again = expander._asked_vectors(["physician", "automobile", "grandkids"])
    for row, word in zip(
        [*first, *again],
        ["grandkids", "physician", "physician", "automobile", "grandkids"],
        strict=True,
    ):
        assert np.array_equal(row, engine.encoder.encode([word])[0]), word
    asked = "Who looks after the grandkids of the physician?"
    assert expander.expand(asked) == expander.expand(asked)


def test_spelling_searches_only_words_of_a_near_length(engine) -> None:  # type: ignore[no-untyped-def]
    """A typo is matched against the words within its edit limit in length: the matches,
    their distances and their order (ties by position) are those of the whole list."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    from bot.core.spelling import _english_by_letter, _near_length
    from bot.core.vocabulary import vocabulary

    words = vocabulary(engine.snapshot).words
    for typo in ["wher", "mayr", "livin", "reunon", "wyomming", "presidental", "kardashain"]:
        limit = 2 if len(typo) >= 8 else 1
        for pool in (words, _english_by_letter()[typo[0]]):
            band = _near_length(pool, len(typo), limit)
            assert len(band) < len(pool)

            def best(choices: list[str], word: str = typo, cut: int = limit) -> list[object]:
                found = process.extract(
                    word, choices, scorer=OSA.distance, score_cutoff=cut, limit=20
                )
                return [(w, d) for w, d, _ in found]

            assert best(band) == best(pool), typo

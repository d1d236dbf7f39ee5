"""The query encoder (ONNX) must agree with the indexing encoder (sentence-transformers)."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from tests.conftest import DEV_QUESTIONS, OWN_QUESTIONS


def _real_texts(settings) -> list[str]:  # type: ignore[no-untyped-def]
    """Every sentence, chunk and paragraph of the seed corpus, plus the eval questions."""
    from index.snapshot import load_snapshot

    snap = load_snapshot(settings.snapshots_dir)
    texts = [snap.sentence_text(j) for j in range(len(snap.sent_start))]
    texts += [snap.chunk_text(i) for i in range(snap.chunk_count)]
    for j in range(len(snap.sent_start) - 1):  # two-sentence spans: mid-length inputs
        if snap.sent_article[j] == snap.sent_article[j + 1]:
            art = snap.articles[int(snap.sent_article[j])]
            texts.append(art.text[int(snap.sent_start[j]) : int(snap.sent_end[j + 1])])
    for art in snap.articles:
        texts += [p.strip() for p in re.split(r"\n+", art.text) if p.strip()]
        texts.append(art.title)
    for path in (OWN_QUESTIONS, DEV_QUESTIONS):
        if path.exists():
            texts += [json.loads(line)["q"] for line in path.read_text().splitlines() if line]
    return list(dict.fromkeys(texts))


@pytest.fixture(scope="module")
def both(indexed):  # type: ignore[no-untyped-def]
    from index.encoder import OnnxEncoder, TorchEncoder

    return TorchEncoder(indexed.model_dir), OnnxEncoder(indexed.onnx_path, indexed.model_dir)


def test_onnx_matches_sentence_transformers_on_the_corpus(indexed, both) -> None:  # type: ignore[no-untyped-def]
    torch_enc, onnx_enc = both
    texts = _real_texts(indexed)
    assert len(texts) >= 200  # a few hundred real texts, short and long
    a, b = torch_enc.encode(texts), onnx_enc.encode(texts)
    assert a.shape == b.shape == (len(texts), 384)
    np.testing.assert_allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-5)
    cosine = np.sum(a * b, axis=1)
    worst = int(np.argmin(cosine))
    assert cosine[worst] >= 0.999, f"cosine {cosine[worst]:.5f} for {texts[worst][:80]!r}"


def test_onnx_batches_do_not_change_vectors(indexed, both) -> None:  # type: ignore[no-untyped-def]
    """Padding to the longest text of a batch must not leak into the pooled vector."""
    _, onnx_enc = both
    texts = _real_texts(indexed)[:40]
    together = onnx_enc.encode(texts)
    alone = np.stack([onnx_enc.encode([t])[0] for t in texts])
    assert float(np.min(np.sum(together * alone, axis=1))) >= 0.9999


def test_edge_texts_encode(both) -> None:  # type: ignore[no-untyped-def]
    torch_enc, onnx_enc = both
    texts = ["", "?", "Ünïcödé — “quotes” 😀", "word " * 400]  # the last is truncated at 256
    a, b = torch_enc.encode(texts), onnx_enc.encode(texts)
    assert float(np.min(np.sum(a * b, axis=1))) >= 0.999
    assert onnx_enc.encode([]).shape == (0, 384)


def test_exported_weights_live_beside_the_graph(indexed) -> None:  # type: ignore[no-untyped-def]
    """The cold path depends on it: a single 90 MB protobuf takes twice as long to load."""
    data = indexed.onnx_path.with_name(indexed.onnx_path.name + ".data")
    assert data.stat().st_size > 80_000_000
    assert indexed.onnx_path.stat().st_size < 1_000_000

"""The indexer's bulk embedding (index/bulk.py, index/indexer.py) stores, for every chunk and
sentence, exactly the vector the query encoder computes for that text: one core per batch,
batches across articles and windows of articles change how fast, never what."""

from __future__ import annotations

import shutil

import numpy as np

from tests.conftest import make_settings


def _texts(settings) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    from index.snapshot import load_snapshot

    snap = load_snapshot(settings.snapshots_dir)
    chunks = [snap.chunk_text(i) for i in range(snap.chunk_count)]
    return chunks, [snap.sentence_text(j) for j in range(len(snap.sent_start))]


def test_bulk_vectors_are_the_query_encoders_bit_for_bit(indexed) -> None:  # type: ignore[no-untyped-def]
    from index.bulk import BulkEmbedder
    from index.encoder import OnnxEncoder, TokenCounter

    chunks, sentences = _texts(indexed)
    texts = sorted(set(chunks + sentences))
    lengths = TokenCounter(indexed.model_dir)(texts)
    bulk = BulkEmbedder(OnnxEncoder(indexed.onnx_path, indexed.model_dir, threads=1), 2, 32)
    batches: list[int] = []
    try:
        got = bulk.embed(texts, lengths, batches.append)
    finally:
        bulk.close()
    assert sum(batches) == len(texts) and max(batches) <= 32
    query = OnnxEncoder(indexed.onnx_path, indexed.model_dir)  # two threads, one text a call
    for text in [*texts[:: max(1, len(texts) // 60)], max(texts, key=len)]:
        np.testing.assert_array_equal(got[text], query.encode([text])[0], err_msg=text[:60])


def test_batches_are_short_and_hardly_padded() -> None:
    from index.bulk import plan_batches

    lengths = [5, 200, 5, 6, 40, 41, 199, 5, 7, *range(10, 100)]
    batches = plan_batches(lengths, rows=8)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for b in batches:
        widths = [lengths[i] + 2 for i in b]
        assert len(b) <= 8 and max(widths) * len(b) <= 1.02 * sum(widths)
    assert [lengths[i] for i in batches[0]] == [5, 5, 5]  # shortest first, same length together
    assert plan_batches([], rows=8) == []


def test_index_holds_each_texts_own_vector(indexed) -> None:  # type: ignore[no-untyped-def]
    """No vector lands on another text's record (workers finish in any order). A row may
    differ in the last bit with the company it was batched in; another text's vector differs
    in the first digit."""
    from index.encoder import OnnxEncoder
    from index.snapshot import load_snapshot

    snap = load_snapshot(indexed.snapshots_dir)
    chunks, sentences = _texts(indexed)
    enc = OnnxEncoder(indexed.onnx_path, indexed.model_dir)
    stored = np.asarray(snap.chunk_vecs[0 : len(chunks)])
    np.testing.assert_allclose(stored, enc.encode(chunks), rtol=0, atol=1e-6)
    stored = np.asarray(snap.sent_vecs[0 : len(sentences)], np.float32)  # stored as fp16
    np.testing.assert_allclose(stored, enc.encode(sentences), rtol=0, atol=1e-3)


def test_many_small_windows_index_the_same_vectors(tmp_path, indexed, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Windows of a few texts: each window's articles committed together, batches smaller
    than a window, a window smaller than one article: the same snapshot, progress to the end."""
    import index.indexer as indexer
    from index.snapshot import load_snapshot

    monkeypatch.setattr(indexer, "_WINDOW", 20)
    home, corpus = tmp_path / "home", tmp_path / "corpus"
    shutil.copytree(indexed.corpus, corpus)
    shutil.copytree(indexed.onnx_path.parent, home / "model")  # skip the export
    settings = make_settings(home, corpus, embed_batch=7)
    seen: list[tuple[int, int]] = []
    report = indexer.run_index(settings, progress=lambda done, total: seen.append((done, total)))
    assert sorted(report.added) == sorted(
        a.id for a in load_snapshot(indexed.snapshots_dir).articles
    )
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] == report.embeddings
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    ours, theirs = load_snapshot(settings.snapshots_dir), load_snapshot(indexed.snapshots_dir)
    assert _texts(settings) == _texts(indexed)
    np.testing.assert_allclose(
        np.asarray(ours.chunk_vecs[0 : ours.chunk_count]),
        np.asarray(theirs.chunk_vecs[0 : theirs.chunk_count]),
        rtol=0,
        atol=1e-6,
    )
    n = len(theirs.sent_start)
    ours_s, theirs_s = (np.asarray(x.sent_vecs[0:n], np.float32) for x in (ours, theirs))
    np.testing.assert_allclose(ours_s, theirs_s, rtol=0, atol=1e-3)  # fp16
    # and a second run finds everything committed: nothing to embed
    assert indexer.run_index(settings).embeddings == 0

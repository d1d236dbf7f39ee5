"""What answering reads from a segment at scale: rows read with pread (FileArray), the
article catalog (metadata on demand, versions, headline terms), the first sentence of an
article by binary search, and the fast-scan dense index with and without a filter."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest


def test_file_array_reads_what_a_memory_map_reads(tmp_path: Path) -> None:
    from index.filearray import FileArray

    data = np.random.default_rng(1).standard_normal((257, 7)).astype(np.float16)
    path = tmp_path / "rows.f16"
    data.tofile(path)
    arr = FileArray(path, np.float16, data.shape)
    assert len(arr) == 257 and arr.shape == (257, 7)
    np.testing.assert_array_equal(arr[5], data[5])
    np.testing.assert_array_equal(arr[-1], data[-1])
    np.testing.assert_array_equal(arr[10:90], data[10:90])
    np.testing.assert_array_equal(arr[250:400], data[250:])
    assert arr[9:3].shape == (0, 7)
    np.testing.assert_array_equal(arr[::50], data[::50])
    rows = np.asarray([200, 3, 4, 5, 199, 3, 0, 256])  # unordered, repeated, runs
    np.testing.assert_array_equal(arr[rows], data[rows])
    mask = np.zeros(257, dtype=bool)
    mask[[1, 2, 100]] = True
    np.testing.assert_array_equal(arr[mask], data[mask])
    q = np.ones(7, dtype=np.float32)
    np.testing.assert_allclose(arr @ q, data @ q, rtol=1e-3)
    np.testing.assert_array_equal(np.asarray(arr), data)
    with pytest.raises(IndexError):
        arr[257]
    with pytest.raises(IndexError):
        arr[np.asarray([1, 300])]
    saved = tmp_path / "doc.npy"
    np.save(saved, np.arange(1000, dtype=np.int32))
    post = FileArray.npy(saved)
    np.testing.assert_array_equal(post[100:105], np.arange(100, 105))


def _synthetic(n: int, seed: int = 3):  # type: ignore[no-untyped-def]
    """n one-sentence-per-chunk articles with clustered vectors and distinct headlines."""
    from index.segments import ArticleData
    from index.shared.article import Article

    rng = np.random.default_rng(seed)
    topics = rng.standard_normal((40, 384)).astype(np.float32)
    words = "river bridge council school harbour market station orchard mill court".split()
    for a in range(n):
        sents = [f"The {words[(a + i) % 10]} report number {a} part {i}." for i in range(4)]
        text = " ".join(sents)
        spans, pos = [], 0
        for s in sents:
            start = text.index(s, pos)
            spans.append((start, start + len(s)))
            pos = start + len(s)
        v = topics[a % 40] + 0.6 * rng.standard_normal((4, 384)).astype(np.float32)
        v = (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)
        title = f"{words[a % 10].title()} {words[(a // 10) % 10]} story {a}"
        yield ArticleData(
            Article(
                id=f"a{a:05d}",
                title=title,
                author=f"Writer {a % 7}",
                outlet="Test Wire",
                date="2024-01-02",
                text=text,
                content_hash=f"h{a}",
            ),
            [f"a{a:05d}:c{i}" for i in range(4)],
            np.asarray([(spans[i][0], spans[i][1], i, i + 1) for i in range(4)]),
            np.asarray(spans),
            v,
            v,
        )


@pytest.fixture()
def catalogued(tmp_path: Path):  # type: ignore[no-untyped-def]
    from index.publish import publish

    snapshots = tmp_path / "snapshots"
    publish(snapshots, "sig", _synthetic(300), set())
    return snapshots


def test_catalog_serves_what_was_written_and_old_segments_alike(catalogued: Path) -> None:
    from index.lexical import tokenize
    from index.segments import Segment
    from index.snapshot import load_snapshot

    snap = load_snapshot(catalogued)
    written = {d.article.id: d.article for d in _synthetic(300)}
    assert len(snap.articles) == 300
    for art in [snap.articles[0], snap.articles[137], snap.articles[-1], *list(snap.articles)[:3]]:
        w = written[art.id]
        assert (art.title, art.author, art.outlet, art.date, art.text) == (
            w.title,
            w.author,
            w.outlet,
            w.date,
            w.text,
        )
        assert art.chunk_count == 4
    assert snap.versions() == {k: v.content_hash for k, v in written.items()}
    assert snap.article_index["a00042"] == 42
    # A segment written before the catalog (metadata inside meta.json) reads the same.
    seg_dir, cat = snap.segments[0].path, snap.segments[0].catalog
    terms = [*tokenize(snap.articles[137].title), "nowhere"]
    rows = {t: cat.title_rows(t).tolist() for t in terms}
    assert all(rows[t] for t in terms[:-1]) and rows["nowhere"] == []
    meta = json.loads((seg_dir / "meta.json").read_text())
    meta["articles"] = list(snap.segments[0].catalog.all_fields())
    for name in ("catalog.jsonl", "catalog.npz", "catalog.json", "catalog_terms.json"):
        os.remove(seg_dir / name)
    (seg_dir / "meta.json").write_text(json.dumps(meta))
    old = Segment(seg_dir)
    assert [a.to_json() for a in old.articles] == [a.to_json() for a in snap.articles]
    assert {t: old.catalog.title_rows(t).tolist() for t in terms} == rows
    np.testing.assert_array_equal(old.catalog.title_sizes, cat.title_sizes)


def test_headline_terms_and_first_sentences_after_an_edit(catalogued: Path) -> None:
    from bot.core.metadata import _article_named
    from index.lexical import tokenize
    from index.publish import publish
    from index.snapshot import load_snapshot

    edited = next(d for d in _synthetic(300) if d.article.id == "a00010")
    changed = replace(edited.article, title="Quarry lorry parade")
    publish(catalogued, "sig", [replace(edited, article=changed)], set())
    snap = load_snapshot(catalogued)
    assert len(snap.segments) == 2 and len(snap.articles) == 300
    for i in range(len(snap.articles)):  # the binary search agrees with a scan
        rows = np.flatnonzero(np.asarray(snap.sent_article) == i)
        assert snap.first_sentence(i) == int(rows[0])
    terms = {*tokenize("Quarry lorry parade"), *tokenize(snap.articles[5].title)}
    for term in terms:  # headline postings agree with a scan
        scan = [i for i, a in enumerate(snap.articles) if term in tokenize(a.title)]
        assert snap.title_rows(term).tolist() == scan
    named = _article_named("Who wrote the quarry lorry parade article?", snap)
    assert named is not None and snap.articles[named].id == "a00010"
    old_title = edited.article.title  # the replaced version's headline names nothing now
    assert _article_named(f"Who wrote {old_title}?", snap) != named


def test_fast_scan_index_with_and_without_a_filter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import index.ann
    import index.segments
    from index.publish import publish
    from index.snapshot import load_snapshot

    monkeypatch.setattr(index.segments, "ANN_MIN_CHUNKS", 1000)
    monkeypatch.setenv("CITEBOT_ANN", "pq")
    snapshots = tmp_path / "snapshots"
    publish(snapshots, "sig", _synthetic(800, seed=5), set())
    snap = load_snapshot(snapshots)
    ann = snap.segments[0].ann
    assert ann is not None and ann.kind == "pq"
    vecs = snap.chunk_vecs[np.arange(len(snap.live))]
    rng = np.random.default_rng(2)
    queries = vecs[rng.integers(0, len(vecs), 30)] + 0.5 * rng.standard_normal((30, 384))
    queries = (queries / np.linalg.norm(queries, axis=1, keepdims=True)).astype(np.float32)
    monkeypatch.setattr(index.ann, "EXACT_ROWS", 100)  # the oversampling path, not exact
    allowed = np.zeros(len(snap.live), dtype=bool)
    allowed[::3] = True
    hits = hits_filtered = 0
    for q in queries:
        got, scores = snap.dense_top(q, 10, snap.live)
        np.testing.assert_allclose(scores, vecs[got] @ q, rtol=1e-5)
        hits += len(set(got.tolist()) & set(np.argsort(-(vecs @ q))[:10].tolist()))
        got, _ = snap.dense_top(q, 10, allowed)
        assert len(got) == 10 and allowed[got].all()
        rows = np.flatnonzero(allowed)
        exact = rows[np.argsort(-(vecs[rows] @ q))[:10]]
        hits_filtered += len(set(got.tolist()) & set(exact.tolist()))
    assert hits / 300 >= 0.98 and hits_filtered / 300 >= 0.98


def test_the_dense_index_kind_is_a_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import index.segments
    from index.publish import publish
    from index.shared.settings import get_settings, unknown_settings
    from index.snapshot import load_snapshot

    monkeypatch.setattr(index.segments, "ANN_MIN_CHUNKS", 1000)
    monkeypatch.setenv("CITEBOT_ANN", "sq8")
    assert get_settings().ann == "sq8" and "CITEBOT_ANN" not in unknown_settings(os.environ)
    publish(tmp_path / "snapshots", "sig", _synthetic(300), set())
    ann = load_snapshot(tmp_path / "snapshots").segments[0].ann
    assert ann is not None and ann.kind == "sq8"


def _counted(snap):  # type: ignore[no-untyped-def]
    from collections import Counter

    from index.words import LOWER, WORD

    texts = [f"{a.title}\n{a.text}" for a in snap.articles]
    words = Counter(w.casefold() for t in texts for w in WORD.findall(t))
    lower = Counter(w for t in texts for w in LOWER.findall(t))
    return words, lower


def test_word_counts_are_those_of_the_current_articles(catalogued: Path) -> None:
    from index.publish import publish
    from index.snapshot import load_snapshot

    snap = load_snapshot(catalogued)
    words, lower = snap.word_counts()
    want_words, want_lower = _counted(snap)
    assert words == want_words and list(words) == list(want_words)  # first-use order too
    assert lower == want_lower
    edited = next(d for d in _synthetic(300) if d.article.id == "a00007")
    text = edited.article.text.replace("report", "Zeppelin", 1)
    publish(catalogued, "sig", [replace(edited, article=replace(edited.article, text=text))], set())
    snap = load_snapshot(catalogued)
    words, lower = snap.word_counts()
    assert (words, lower) == _counted(snap) and words["zeppelin"] == 1
    for seg in snap.segments:  # segments written before words were counted
        (seg.path / "words.json").unlink()
    assert load_snapshot(catalogued).word_counts() == (words, lower)


def test_spelling_vocabulary_from_index_counts_equals_counting_the_texts(indexed) -> None:  # type: ignore[no-untyped-def]
    from bot.core.spelling import Vocabulary
    from bot.core.vocabulary import vocabulary
    from index.snapshot import load_snapshot

    snap = load_snapshot(indexed.snapshots_dir)
    counted = Vocabulary([f"{a.title}\n{a.text}" for a in snap.articles])
    kept = vocabulary(snap)
    assert kept.counts == counted.counts and kept.words == counted.words
    assert kept.lower == counted.lower and kept.lower

"""Segmented snapshots: one-article publishing, merging, BM25 statistics over live chunks
only, and the ANN index of a large segment against an exact scan."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest
from conftest import OWN_QUESTIONS

EDITED = "002_b1f3a68a7abbe948"


def _questions() -> list[str]:
    return [json.loads(line)["q"] for line in OWN_QUESTIONS.read_text().splitlines() if line]


def _bm25s_scores(snap, terms: list[str]) -> np.ndarray:  # type: ignore[no-untyped-def]
    """bm25s over exactly the live chunks, scattered back to snapshot rows."""
    import bm25s
    from bm25s.stopwords import STOPWORDS_EN_PLUS

    from index.lexical import stemmer
    from index.segments import lexical_doc

    rows = np.flatnonzero(snap.live)
    docs = [
        lexical_doc(snap.articles[int(snap.chunk_article[i])], snap.chunk_text(i)) for i in rows
    ]
    index = bm25s.BM25()
    tokens = bm25s.tokenize(
        docs, stopwords=STOPWORDS_EN_PLUS, stemmer=stemmer(), show_progress=False
    )
    index.index(tokens, show_progress=False)
    known = [t for t in terms if t in index.vocab_dict]
    out = np.zeros(len(snap.live), dtype=np.float32)
    if known:
        out[rows] = index.get_scores(known)
    return out


def test_editing_one_article_publishes_one_small_segment(fresh_home) -> None:  # type: ignore[no-untyped-def]
    from bot.engine import Engine
    from index.indexer import run_index
    from index.snapshot import load_snapshot

    before = load_snapshot(fresh_home.snapshots_dir)
    old_reader = Engine(fresh_home)  # a reader on the old generation, kept open
    old_answer = old_reader.answer("Where did Kim fly after the reunion?").to_json()
    path = Path(fresh_home.corpus) / f"{EDITED}.txt"
    anchor = "All in all: the two have"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(anchor, f"The barn was painted green.\n\n{anchor}"), "utf-8")

    report = run_index(fresh_home)

    after = load_snapshot(fresh_home.snapshots_dir)
    assert report.updated == [EDITED]
    assert after.segments[0].id == before.segments[0].id  # the big one stays
    assert len(after.segments) == 2 and len(after.segments[1].articles) == 1
    assert after.chunk_count < len(after.live)  # the old version's rows are masked, not gone
    assert sorted(a.id for a in after.articles) == sorted(a.id for a in before.articles)
    new = Engine(fresh_home).answer("What colour was the barn painted?")
    assert new.answered and "painted green" in new.text
    # The reader that loaded the old generation still answers from it, unchanged.
    got = old_reader.answer("Where did Kim fly after the reunion?").to_json()
    assert {k: v for k, v in got.items() if k != "elapsed_ms"} == {
        k: v for k, v in old_answer.items() if k != "elapsed_ms"
    }
    # BM25 statistics count current versions only: exactly bm25s over the live chunks.
    from bot.core.retrieve import query_terms

    for q in [*_questions()[:20], "barn painted green"]:
        terms = query_terms(q)
        np.testing.assert_allclose(
            after.bm25.get_scores(terms), _bm25s_scores(after, terms), rtol=1e-6
        )


def test_many_small_publishes_are_merged_and_answer_like_one(fresh_home) -> None:  # type: ignore[no-untyped-def]
    from index.indexer import run_index
    from index.publish import MAX_SEGMENTS
    from index.snapshot import load_snapshot

    corpus = Path(fresh_home.corpus)
    for n in range(MAX_SEGMENTS + 3):
        (corpus / f"note_{n}.txt").write_text(
            f"Note {n}\n\nThe harbour crane number {n} was inspected on a Monday by the port.\n",
            encoding="utf-8",
        )
        run_index(fresh_home)
    snap = load_snapshot(fresh_home.snapshots_dir)
    assert len(snap.segments) <= MAX_SEGMENTS
    assert len(snap.articles) == 4 + MAX_SEGMENTS + 3
    ids = [a.id for a in snap.articles]
    assert len(ids) == len(set(ids))
    (corpus / "note_0.txt").unlink()
    run_index(fresh_home)
    snap = load_snapshot(fresh_home.snapshots_dir)
    assert "note_0" not in {a.id for a in snap.articles}
    assert {a.id for a in snap.articles} == {p.stem for p in corpus.glob("*.txt")}
    for i in np.flatnonzero(snap.live):  # every live chunk quotes its own article's text
        art = snap.articles[int(snap.chunk_article[i])]
        assert snap.chunk_text(i) and snap.chunk_text(i) in art.text


def test_sentence_vectors_are_half_precision_copies_of_the_stored_ones(indexed) -> None:  # type: ignore[no-untyped-def]
    from index.snapshot import load_snapshot
    from index.store import Store

    snap = load_snapshot(indexed.snapshots_dir)
    with Store(indexed) as store:
        stored = {r.id: r.vector for r in store.records("sentences", vectors=True)}
    art = {a.id: i for i, a in enumerate(snap.articles)}
    checked = 0
    for rid, vec in stored.items():
        aid, _, idx = rid.rsplit(":", 2)[0], None, int(rid.rsplit(":", 1)[1])
        first = int(np.flatnonzero(snap.sent_article == art[aid])[0])
        assert np.abs(snap.sent_vecs[first + idx] - vec).max() < 2e-3
        checked += 1
    assert checked == len(snap.sent_start)


@pytest.fixture()
def big_segment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A snapshot whose one segment is large enough to get its ANN index (threshold lowered
    so the test writes 3,000 chunks, not 20,000)."""
    import index.segments
    from index.publish import publish
    from index.segments import ArticleData
    from index.shared.article import Article

    monkeypatch.setattr(index.segments, "ANN_MIN_CHUNKS", 1000)
    rng = np.random.default_rng(3)
    topics = rng.standard_normal((60, 384)).astype(np.float32)
    words = "river bridge council school harbour market station orchard mill court".split()
    pick = random.Random(3)

    def unit(v: np.ndarray) -> np.ndarray:
        return (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)

    def articles():  # type: ignore[no-untyped-def]
        for a in range(600):
            sents = [" ".join(pick.choices(words, k=8)) + "." for _ in range(5)]
            text = " ".join(sents)
            spans, pos = [], 0
            for s in sents:
                start = text.index(s, pos)
                spans.append((start, start + len(s)))
                pos = start + len(s)
            svecs = unit(topics[a % 60] + 0.5 * rng.standard_normal((5, 384)).astype(np.float32))
            chunks = np.asarray([(spans[i][0], spans[i][1], i, i + 1) for i in range(5)])
            yield ArticleData(
                Article(id=f"a{a:04d}", title=f"Article {a}", text=text, content_hash=f"h{a}"),
                [f"a{a:04d}:c{i}" for i in range(5)],
                chunks,
                np.asarray(spans),
                svecs,
                svecs,
            )

    snapshots = tmp_path / "snapshots"
    publish(snapshots, "sig", articles(), set())
    return snapshots, topics


def test_ann_segment_finds_what_an_exact_scan_finds(big_segment) -> None:  # type: ignore[no-untyped-def]
    from index.snapshot import load_snapshot

    snapshots, topics = big_segment
    snap = load_snapshot(snapshots)
    assert not snap.exact and snap.segments[0].ann is not None
    vecs = snap.chunk_vecs[np.arange(len(snap.live))]
    rng = np.random.default_rng(9)
    queries = topics[rng.integers(0, 60, 50)] + 0.8 * rng.standard_normal((50, 384))
    queries = (queries / np.linalg.norm(queries, axis=1, keepdims=True)).astype(np.float32)
    hits = 0
    for q in queries:
        exact = set(np.argsort(-(vecs @ q))[:10].tolist())
        got, scores = snap.dense_top(q, 10, snap.live)
        assert np.all(np.diff(scores) <= 0)  # best first, exact scores
        np.testing.assert_allclose(scores, vecs[got] @ q, rtol=1e-5)
        hits += len(exact & set(got.tolist()))
    assert hits / (10 * len(queries)) >= 0.98
    # A filter (e.g. one outlet) is honoured inside the index, not after it.
    allowed = np.zeros(len(snap.live), dtype=bool)
    allowed[::7] = True
    got, _ = snap.dense_top(queries[0], 10, allowed)
    assert len(got) == 10 and allowed[got].all()
    exact = np.flatnonzero(allowed)[np.argsort(-(vecs[allowed] @ queries[0]))[:10]]
    assert len(set(got.tolist()) & set(exact.tolist())) >= 9

"""index/lexical.py and index/bm25.py score without bm25s: they must give bm25s' exact results."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.conftest import DEV_QUESTIONS, OWN_QUESTIONS, ROOT


def _bm25s_tokenize(texts: list[str], as_strings: bool = False):  # type: ignore[no-untyped-def]
    import bm25s
    from bm25s.stopwords import STOPWORDS_EN_PLUS

    from index.lexical import stemmer

    return bm25s.tokenize(
        texts,
        stopwords=STOPWORDS_EN_PLUS,
        stemmer=stemmer(),
        return_ids=not as_strings,
        show_progress=False,
    )


def _bm25s_tokens(text: str) -> list[str]:
    return _bm25s_tokenize([text], as_strings=True)[0]


def _questions() -> list[str]:
    out = []
    for path in (OWN_QUESTIONS, DEV_QUESTIONS):
        if path.exists():
            out += [json.loads(line)["q"] for line in path.read_text().splitlines() if line]
    return out


def test_tokenizer_matches_bm25s_on_corpus_and_questions(indexed) -> None:  # type: ignore[no-untyped-def]
    from index.lexical import tokenize
    from index.snapshot import load_snapshot

    snap = load_snapshot(indexed.snapshots_dir)
    texts = [snap.sentence_text(j) for j in range(len(snap.sent_start))] + _questions()
    texts += ["", "a the of", "Kim's 39th — Cody, WY; 2020-07-19!", "ÉCOLE naïve Straße"]
    for text in texts:
        assert tokenize(text) == _bm25s_tokens(text), text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_tokenizer_matches_bm25s_on_any_text(text: str) -> None:
    from index.language import has_cjk
    from index.lexical import tokenize

    # As English, any text but scripts without spaces (those become character pairs:
    # tests/test_languages.py) tokenizes exactly as bm25s does.
    assume(not has_cjk(text.lower()))
    assert tokenize(text, "en") == _bm25s_tokens(text)


def test_scores_match_bm25s_exactly(indexed) -> None:  # type: ignore[no-untyped-def]
    import bm25s

    from bot.core.retrieve import query_terms
    from index.segments import lexical_doc
    from index.snapshot import load_snapshot

    snap = load_snapshot(indexed.snapshots_dir)
    # bm25s over the very documents the snapshot's segment postings were built from.
    docs = [
        lexical_doc(snap.articles[int(snap.chunk_article[i])], snap.chunk_text(i))
        for i in range(snap.chunk_count)
    ]
    theirs = bm25s.BM25()
    theirs.index(_bm25s_tokenize(docs), show_progress=False)
    ours = snap.bm25
    assert set(ours.vocab_dict) == set(theirs.vocab_dict) - {""}  # bm25s keeps "" for empty docs
    checked = 0
    for q in [*_questions(), "kanye kanye wyoming", "zzzunknownword ranch"]:
        terms = query_terms(q)
        known = [t for t in terms if t in theirs.vocab_dict]
        if not known:
            continue
        np.testing.assert_array_equal(ours.get_scores(terms), theirs.get_scores(known))
        checked += 1
    assert checked > 40
    assert not ours.get_scores(["zzzunknownword"]).any()


def test_answering_imports_neither_torch_nor_scipy(indexed) -> None:  # type: ignore[no-untyped-def]
    """The cold path's budget: a fresh process answers without the heavy libraries."""
    code = (
        "import sys\n"
        "from bot.cli.app import main\n"
        "sys.argv = ['citebot', 'ask', '--json', 'Where is the ranch?']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in ('torch', 'scipy', 'bm25s', 'chromadb', 'transformers',"
        " 'sentence_transformers') if m in sys.modules)\n"
        "print('HEAVY', heavy)\n"
    )
    env = {"CITEBOT_HOME": str(indexed.home), "CITEBOT_CORPUS": str(indexed.corpus)}
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**_base_env(), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert '"answered"' in out.stdout
    assert "HEAVY []" in out.stdout, out.stdout[-300:]


def _base_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("CITEBOT_")} | {
        "PYTHONPATH": str(Path(ROOT))
    }


def test_cached_passage_terms_equal_tokenising_the_passage(engine) -> None:  # type: ignore[no-untyped-def]
    """Scoring reads memoised term sets; they must be what tokenising the text gives."""
    from bot.core.passages import passage_around
    from bot.core.retrieve import query_terms
    from bot.core.scoring import Reader

    snap = engine.snapshot
    for limit in (120, 220, 400, 1000):
        reader = Reader(snap, engine.encoder, limit)
        for j in range(len(snap.sent_start)):
            want = frozenset(query_terms(passage_around(snap, j, limit).text))
            assert reader.passage_terms(j) == want, (j, limit)
            assert reader.sentence_terms(j) == frozenset(query_terms(snap.sentence_text(j)))


def test_common_terms_kept_as_rows_score_as_their_postings(indexed, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A term in many chunks is scored into one row-aligned array; the sums must be the very
    float32 values its postings give, also when some rows are replaced versions."""
    import index.bm25 as bm25
    from bot.core.retrieve import query_terms
    from index.snapshot import load_snapshot

    snap = load_snapshot(indexed.snapshots_dir)
    rng = np.random.default_rng(7)
    live = [m & (rng.random(len(m)) < 0.8) for m in snap._live_parts]  # a fifth replaced
    questions = [*_questions(), "kanye kanye wyoming", "the and said"]

    def scores(dense_share: int) -> list[np.ndarray]:
        monkeypatch.setattr(bm25, "DENSE", dense_share)
        ours = bm25.SegmentedBM25(snap.segments, snap._chunk_bases, live, len(snap.live))
        return [ours.get_scores(query_terms(q)) for q in questions]

    as_rows, as_postings = scores(1), scores(10**9)  # every term dense / none
    for q, a, b in zip(questions, as_rows, as_postings, strict=True):
        np.testing.assert_array_equal(a, b, err_msg=q)
        assert not a[~np.concatenate(live)].any(), "replaced versions score nothing"
    assert sum(a.any() for a in as_rows) > 40


@given(
    seed=st.integers(0, 2**32 - 1),
    levels=st.sampled_from([3, 50, 10**6]),  # many ties, some, almost none
    share=st.sampled_from([0.001, 0.05, 0.9]),
    n=st.integers(1, 40),
)
@settings(max_examples=60, deadline=None)
def test_the_sampled_floor_finds_the_rows_a_full_ranking_finds(
    seed: int, levels: int, share: float, n: int
) -> None:
    from bot.core.retrieve import _top, _top_touched

    rng = np.random.default_rng(seed)
    rows = 200_000  # more than the sample, so it is strided
    scores = np.where(rng.random(rows) < share, rng.integers(1, levels + 1, rows), 0)
    scores = (scores / levels).astype(np.float32)
    allowed = rng.random(rows) < 0.7
    touched = np.flatnonzero((scores > 0) & allowed)
    expected = touched[_top(scores[touched], n)] if len(touched) else touched
    np.testing.assert_array_equal(_top_touched(scores, allowed, n), expected)

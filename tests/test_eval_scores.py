"""Answer quality is a contract: the tuning sets must not regress.

The shared dev set is asserted exactly in test_answering; these guard the larger tuning
sets at the scores in the README: our own seed-corpus set (37 answerable, 12 unanswerable
of which 8 near-domain) and eval/general's tuning questions over its 32 articles. The
held-out sets (eval/heldout.jsonl, eval/general/heldout.jsonl) are deliberately not here:
they are run once at the end of a round and reported, never used to choose anything, and a
failing guard would be exactly such a use.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import OWN_QUESTIONS, ROOT, make_settings

from bot.evaluate import load_cases, run_eval

GENERAL = ROOT / "eval" / "general"


@pytest.fixture(scope="module")
def general_engine(tmp_path_factory):  # type: ignore[no-untyped-def]
    from bot.engine import Engine
    from index.indexer import run_index

    base = tmp_path_factory.mktemp("general")
    shutil.copytree(GENERAL / "corpus", base / "corpus")
    settings = make_settings(base / "home", base / "corpus")
    run_index(settings)
    return Engine(settings)


@pytest.mark.parametrize(
    ("which", "path", "sizes", "min_answered", "min_refused"),
    [
        ("seed", OWN_QUESTIONS, (37, 12), 33, 10),
        ("general", GENERAL / "tune.jsonl", (64, 32), 50, 4),
    ],
    ids=["own", "general-tune"],
)
def test_tuning_set_scores_hold(  # type: ignore[no-untyped-def]
    request,
    which: str,
    path: Path,
    sizes: tuple[int, int],
    min_answered: int,
    min_refused: int,
) -> None:
    engine = request.getfixturevalue("engine" if which == "seed" else "general_engine")
    report = run_eval(engine, load_cases(path))
    (answered, answerable), (refused, unanswerable) = report.answerable, report.refused
    misses = [r.case.q for r in report.results if not r.hit]
    assert (answerable, unanswerable) == sizes
    assert answered >= min_answered, misses
    assert refused >= min_refused, misses

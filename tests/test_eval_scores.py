"""Answer quality is a contract: our question sets must not regress.

The shared dev set is asserted exactly in test_answering; these guard the larger sets at
the scores in the README: our own (37 answerable, 12 unanswerable of which 8 near-domain)
and a held-out set written by someone who never saw the code (30 answerable, 10 not).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import HELDOUT_QUESTIONS, OWN_QUESTIONS

from bot.evaluate import load_cases, run_eval


@pytest.mark.parametrize(
    ("path", "sizes", "min_answered", "min_refused"),
    [(OWN_QUESTIONS, (37, 12), 32, 10), (HELDOUT_QUESTIONS, (30, 10), 25, 7)],
    ids=["own", "heldout"],
)
def test_question_set_scores_hold(  # type: ignore[no-untyped-def]
    engine, path: Path, sizes: tuple[int, int], min_answered: int, min_refused: int
) -> None:
    report = run_eval(engine, load_cases(path))
    (answered, answerable), (refused, unanswerable) = report.answerable, report.refused
    misses = [r.case.q for r in report.results if not r.hit]
    assert (answerable, unanswerable) == sizes
    assert answered >= min_answered, misses
    assert refused >= min_refused, misses

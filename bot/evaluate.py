"""Scoring a question file (format: ../shared/eval/README.md) against the engine."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from bot.core.models import Answer
from index.shared.errors import CitebotError


class Answerer(Protocol):
    """What evaluation needs of the engine (so this module never imports it)."""

    def answer(self, question: str, k: int | None = None) -> Answer: ...


@dataclass(frozen=True)
class EvalCase:
    q: str
    doc: str | None
    expect: list[str]


@dataclass
class EvalResult:
    case: EvalCase
    hit: bool
    answered: bool
    cited: list[str]
    answer: str


@dataclass
class EvalReport:
    results: list[EvalResult] = field(default_factory=list)

    def _count(self, answerable: bool) -> tuple[int, int]:
        rows = [r for r in self.results if (r.case.doc is not None) == answerable]
        return sum(r.hit for r in rows), len(rows)

    @property
    def answerable(self) -> tuple[int, int]:
        return self._count(True)

    @property
    def refused(self) -> tuple[int, int]:
        return self._count(False)

    def to_json(self) -> dict[str, Any]:
        (ah, an), (rh, rn) = self.answerable, self.refused
        return {
            "answerable_hits": ah,
            "answerable": an,
            "refusal_hits": rh,
            "unanswerable": rn,
            "results": [
                {**asdict(r.case), **{k: v for k, v in asdict(r).items() if k != "case"}}
                for r in self.results
            ],
        }


def fold(text: str) -> str:
    """Case- and accent-insensitive comparison form."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def load_cases(path: Path) -> list[EvalCase]:
    cases = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CitebotError(f"cannot read question file {path}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            cases.append(EvalCase(str(row["q"]), row.get("doc"), list(row.get("expect") or [])))
        except (ValueError, KeyError, TypeError) as exc:
            raise CitebotError(f"{path}:{number}: not a question line ({exc})") from exc
    if not cases:
        raise CitebotError(f"{path} has no questions")
    return cases


def is_hit(case: EvalCase, answer: Answer) -> bool:
    if case.doc is None:
        return not answer.answered and not answer.citations
    if not answer.answered:
        return False
    if case.doc != "*" and case.doc not in answer.article_ids:
        return False
    haystack = fold(answer.text + "\n" + "\n".join(c.passage for c in answer.citations[:3]))
    return any(fold(phrase) in haystack for phrase in case.expect)


def run_eval(engine: Answerer, cases: list[EvalCase], k: int | None = None) -> EvalReport:
    report = EvalReport()
    for case in cases:
        answer = engine.answer(case.q, k=k)
        report.results.append(
            EvalResult(case, is_hit(case, answer), answer.answered, answer.article_ids, answer.text)
        )
    return report

"""Scoring a question file (format: ../shared/eval/README.md) against the engine."""

from __future__ import annotations

import json
import re
import string
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from bot.core.models import Answer
from index.shared.errors import CitebotError

SHORT_RIGHT_F1 = 0.5  # a short answer is right at token F1 >= 0.5 (SQuAD normalisation)
_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = frozenset(string.punctuation)


def fold(text: str) -> str:
    """Case- and accent-insensitive comparison form."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def squad_normalize(text: str) -> str:
    """SQuAD's evaluation normalisation: lower case, no punctuation, no a/an/the, one space."""
    text = "".join(ch for ch in text.lower() if ch not in _PUNCT)
    return " ".join(_ARTICLES.sub(" ", text).split())


def token_f1(prediction: str, gold: str) -> float:
    pred, ref = squad_normalize(prediction).split(), squad_normalize(gold).split()
    common = sum((Counter(pred) & Counter(ref)).values())
    if not common:
        return 0.0
    precision, recall = common / len(pred), common / len(ref)
    return 2 * precision * recall / (precision + recall)


def best_f1(prediction: str | None, golds: list[str]) -> float:
    if not prediction or not golds:
        return 0.0
    return max(token_f1(prediction, g) for g in golds)


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
    first_hit: bool = False  # an expected phrase is in the first sentence of the answer
    short_answer: str | None = None
    short_f1: float = 0.0


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

    @property
    def _answerable_rows(self) -> list[EvalResult]:
        return [r for r in self.results if r.case.doc is not None]

    @property
    def first_sentence(self) -> tuple[int, int]:
        rows = self._answerable_rows
        return sum(r.first_hit for r in rows), len(rows)

    @property
    def short_right(self) -> tuple[int, int]:
        rows = self._answerable_rows
        return sum(r.short_f1 >= SHORT_RIGHT_F1 for r in rows), len(rows)

    @property
    def short_shown(self) -> int:
        """Answerable questions answered with a short answer (right or not): with
        short_right, how often a bold answer can be trusted."""
        return sum(r.answered and r.short_answer is not None for r in self._answerable_rows)

    @property
    def mean_answer_chars(self) -> float:
        lengths = [len(r.answer) for r in self.results if r.answered]
        return sum(lengths) / len(lengths) if lengths else 0.0

    def to_json(self) -> dict[str, Any]:
        (ah, an), (rh, rn) = self.answerable, self.refused
        return {
            "answerable_hits": ah,
            "answerable": an,
            "refusal_hits": rh,
            "unanswerable": rn,
            "first_sentence_hits": self.first_sentence[0],
            "short_answers_right": self.short_right[0],
            "short_answers_shown": self.short_shown,
            "mean_answer_chars": round(self.mean_answer_chars, 1),
            "results": [
                {**asdict(r.case), **{k: v for k, v in asdict(r).items() if k != "case"}}
                for r in self.results
            ],
        }


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


def first_sentence(answer: Answer) -> str:
    """The first verbatim sentence the answer shows (a metadata lead is not one)."""
    return next((s.text for s in answer.sentences if s.text in answer.text), "")


def run_eval(engine: Answerer, cases: list[EvalCase], k: int | None = None) -> EvalReport:
    report = EvalReport()
    for case in cases:
        answer = engine.answer(case.q, k=k)
        answerable = case.doc is not None and answer.answered
        first = fold(first_sentence(answer))
        short = answer.short_answer.text if answer.short_answer else None
        report.results.append(
            EvalResult(
                case,
                is_hit(case, answer),
                answer.answered,
                answer.article_ids,
                answer.text,
                first_hit=answerable and any(fold(p) in first for p in case.expect),
                short_answer=short,
                short_f1=best_f1(short, case.expect) if answerable else 0.0,
            )
        )
    return report

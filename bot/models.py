"""Typed results: what the answering function returns and the front ends render."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Citation:
    n: int
    article_id: str
    title: str
    outlet: str | None
    date: str | None
    url: str | None
    passage: str  # verbatim cleaned article text
    score: float
    start: int = 0  # character offsets of the passage in the cleaned article text
    end: int = 0
    author: str | None = None


@dataclass(frozen=True)
class AnswerSentence:
    text: str  # verbatim, a substring of its citation's passage
    n: int


@dataclass(frozen=True)
class Answer:
    question: str
    answered: bool
    text: str
    citations: list[Citation] = field(default_factory=list)
    sentences: list[AnswerSentence] = field(default_factory=list)
    searched: int = 0  # passages in the index that were searched
    elapsed_ms: float = 0.0
    kind: str = "passages"  # "passages", "metadata" or "refusal"

    @property
    def article_ids(self) -> list[str]:
        return list(dict.fromkeys(c.article_id for c in self.citations))

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answered": self.answered,
            "answer": self.text,
            "citations": [asdict(c) for c in self.citations],
            "kind": self.kind,
            "searched": self.searched,
            "elapsed_ms": round(self.elapsed_ms, 2),
        }

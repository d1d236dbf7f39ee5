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
    # News-desk annotations (bot/newsdesk.py): extra keys in `ask --json`, none renamed.
    date_label: str | None = None  # "2020-07-30", "2020?" (inferred) or "undated"
    attribution: str | None = None  # "an insider (unnamed), via PEOPLE Magazine"
    link: str | None = None  # url with a #:~:text= fragment at the quoted sentence


@dataclass(frozen=True)
class AnswerSentence:
    text: str  # verbatim, a substring of its citation's passage
    n: int


@dataclass(frozen=True)
class Difference:
    """Two cited passages from different articles that contradict each other."""

    first: int  # citation numbers, the older article's first
    second: int
    about: str  # the words both sides talk about, e.g. "live/apart"
    first_quote: str = ""  # the contradicting sentences, verbatim
    second_quote: str = ""


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
    differences: list[Difference] = field(default_factory=list)
    chronological: bool = False  # citations were put in date order (a "how did … develop" question)

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
            "differences": [asdict(d) for d in self.differences],
            "chronological": self.chronological,
        }

"""Typed results that flow one way through the answer pipeline.

`Evidence` (what retrieval and sentence scoring found) → `Draft` (what each stage adds:
quotes, sources, contrasts) → `Answer` (numbered citations and the answer text, built once
by `finalize`). Stages never renumber: a source is known by its key until `finalize`
numbers them in their final order.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from index.shared.article import ArticleMeta

if TYPE_CHECKING:
    from bot.core.passages import Window
    from bot.core.retrieve import Hit
    from index.snapshot import Snapshot


@dataclass(frozen=True)
class ScoredSentence:
    sentence: int  # snapshot sentence id
    score: float
    dense: float
    coverage: float
    hit: Hit
    typed: bool = False  # offers the kind of answer asked for (a date for "when", ...)
    evidence: float = 0.0  # the score without the answer-type bonus: what the gate judges


@dataclass(frozen=True)
class Evidence:
    """One question against one snapshot generation: the chunks found and their sentences
    scored, best first. Every later stage reads this; none recomputes it."""

    question: str  # cleaned
    snapshot: Snapshot
    hits: list[Hit]
    sentences: list[ScoredSentence]
    corrected: str | None = None  # the question as searched, when spelling correction changed it

    @property
    def candidates(self) -> list[int]:
        return [s.sentence for s in self.sentences]

    @property
    def asked(self) -> str:
        """The question as answering reads it: with its typos corrected."""
        return self.corrected or self.question


SourceKey = tuple[str, int]  # (article id, passage start): one citation, whatever its number


@dataclass(frozen=True)
class Source:
    """A passage to cite, before numbering."""

    window: Window
    score: float
    date_label: str | None = None
    attribution: str | None = None
    link: str | None = None

    @property
    def key(self) -> SourceKey:
        return (self.window.article.id, self.window.start)


@dataclass(frozen=True)
class Quote:
    """One sentence of the answer and the source that backs it."""

    text: str
    source: SourceKey
    sentence: int | None  # snapshot sentence id; None for a sentence citebot wrote (metadata)
    shown: bool = True  # False: kept as evidence for later stages, not in the answer text


@dataclass(frozen=True)
class Contrast:
    """Two sources from different articles that contradict each other (older first)."""

    first: SourceKey
    second: SourceKey
    about: str
    first_quote: str = ""
    second_quote: str = ""


@dataclass(frozen=True)
class Span:
    """A verbatim stretch of an article's cleaned text: `text == article.text[start:end]`."""

    text: str
    source: SourceKey  # the source whose first quoted sentence holds it
    start: int
    end: int


@dataclass(frozen=True)
class Closest:
    """A refusal's pointer: the passage nearest the question, which does not answer it."""

    article_id: str
    passage: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Draft:
    evidence: Evidence
    answered: bool
    kind: str = "passages"  # "passages", "metadata" or "refusal"
    quotes: list[Quote] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)  # in citation order
    contrasts: list[Contrast] = field(default_factory=list)
    chronological: bool = False
    short: Span | None = None  # the short answer: a span of the first quoted sentence
    closest: Closest | None = None  # a refusal's nearest passage
    as_of: str | None = None  # a question about the present: the date of the newest evidence

    def source(self, key: SourceKey) -> Source:
        return next(s for s in self.sources if s.key == key)


# -- what the front ends get ------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    n: int
    article: ArticleMeta
    passage: str  # verbatim cleaned article text
    score: float
    start: int = 0  # character offsets of the passage in the cleaned article text
    end: int = 0
    # News-desk annotations (bot/newsdesk/annotate.py)
    date_label: str | None = None  # "2020-07-30", "2020?" (inferred) or "undated"
    attribution: str | None = None  # "an insider (unnamed), via PEOPLE Magazine"
    link: str | None = None  # url with a #:~:text= fragment at the quoted sentence

    @property
    def article_id(self) -> str:
        return self.article.id

    @property
    def title(self) -> str:
        return self.article.title

    @property
    def outlet(self) -> str | None:
        return self.article.outlet

    @property
    def date(self) -> str | None:
        return self.article.date

    @property
    def url(self) -> str | None:
        return self.article.url

    @property
    def author(self) -> str | None:
        return self.article.author

    def to_json(self) -> dict[str, Any]:
        meta = self.article.meta()
        return {
            "n": self.n,
            "article_id": meta.pop("id"),
            **{k: meta[k] for k in ("title", "outlet", "date", "url")},
            "passage": self.passage,
            "score": self.score,
            "start": self.start,
            "end": self.end,
            "author": meta["author"],
            "date_label": self.date_label,
            "attribution": self.attribution,
            "link": self.link,
        }


@dataclass(frozen=True)
class AnswerSentence:
    text: str  # verbatim, a substring of its citation's passage
    n: int
    sentence: int | None = None  # snapshot sentence id


@dataclass(frozen=True)
class Difference:
    """Two cited passages from different articles that contradict each other."""

    first: int  # citation numbers, the older article's first
    second: int
    about: str  # the words both sides talk about, e.g. "live/apart"
    first_quote: str = ""  # the contradicting sentences, verbatim
    second_quote: str = ""


@dataclass(frozen=True)
class ShortAnswer:
    """`text == citation n's article text[start:end]`, inside the first answer sentence."""

    text: str
    n: int
    start: int
    end: int


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
    short_answer: ShortAnswer | None = None
    closest: Closest | None = None  # a refusal: where to look, though it does not answer
    as_of: str | None = None  # a question about the present: the newest evidence's date

    @property
    def article_ids(self) -> list[str]:
        return list(dict.fromkeys(c.article_id for c in self.citations))

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answered": self.answered,
            "answer": self.text,
            "citations": [c.to_json() for c in self.citations],
            "kind": self.kind,
            "searched": self.searched,
            "elapsed_ms": round(self.elapsed_ms, 2),
            "differences": [asdict(d) for d in self.differences],
            "chronological": self.chronological,
            "short_answer": asdict(self.short_answer) if self.short_answer else None,
            "as_of": self.as_of,
            "closest": (
                {"article_id": self.closest.article_id, "passage": self.closest.passage}
                if self.closest
                else None
            ),
        }


def byline(item: Citation | ArticleMeta) -> str:
    """ "outlet · date" for a citation (its date label may be a guess, "2020?") or an article."""
    label = item.date_label if isinstance(item, Citation) else None
    return " · ".join((item.outlet or "unknown outlet", label or item.date or "undated"))

"""The short answer: the few words of the answering sentence that say what was asked.

No trained reader: typed candidate spans of the sentence (dates and years, numbers with
their unit, capitalised names, short noun phrases) are scored by
- the answer type the question asks for (a year for "what year", a number for "how many");
- closeness to the question's words in the sentence (idf-weighted: rare words anchor it);
- sitting next to the noun the question names ("what river ..." -> "the river Deabolis");
- word order: "who led X" is answered before the verb, "who did X lead" after it;
- not repeating the question, and being short.
The span is verbatim: (start, end) offsets into the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from index.lexical import tokenize

from .english import AUX as _AUX
from .english import CONNECT as _CONNECT
from .english import FUNCTION as _FUNCTION
from .english import HOW_MANY, PHONE, YEAR
from .english import MONTHS as _MONTHS
from .english import NUMBER_WORDS as _NUMBER_WORDS
from .english import WEEKDAYS as _WEEKDAYS
from .measures import asked_measures, best_measure
from .span_tokens import TOKEN as _TOKEN
from .span_tokens import Tok as _Tok
from .span_tokens import breaks as _breaks
from .span_tokens import date_part as _date_part
from .span_tokens import function as _function
from .span_tokens import month as _month
from .span_tokens import name_goes_on as _name_goes_on
from .span_tokens import tokens as _tokens
from .span_tokens import year as _year

_NUMBER = re.compile(r"^\d[\d,.]*(%|[a-z]{1,3})?$")
_CLOCK = re.compile(r"\d:\d\d(?!\d)")  # "03:45" beside the number (a "2.25" is a decimal)
_WH = re.compile(r"\b(what|which|who|whom|whose|when|where|why|how)\b", re.I)
_NAMING = frozenset("called named dubbed nicknamed as titled".split())
_UNIT_NOUNS = frozenset({"year", "centuri", "decad", "date", "day", "month"})


@dataclass(frozen=True)
class Asked:
    """What a question asks for, as far as picking a span goes."""

    kind: str | None  # "time", "number", "person", "place", "thing"; None: why/how (no span)
    target: tuple[str, ...]  # stems of the noun after what/which/how many ("river")
    terms: frozenset[str]  # the question's content stems
    subject: bool = False  # "who led ..." (the answer comes before the verb)
    object: bool = False  # "who did X lead" (after it)
    naming: bool = False  # "what is it called", "what was the name of ..."


@lru_cache(maxsize=1024)
def analyse(question: str, kind: str | None) -> Asked:
    """`kind` is answer_types.question_kind's answer for the question."""
    low = question.strip().lower()
    # Word by word, as the sentence's tokens are: a whole question could be stemmed as
    # another language.
    terms = frozenset(t for w in _TOKEN.findall(low) for t in tokenize(w))
    m = _WH.search(low)
    wh = m.group(1) if m else None
    if wh == "why" or (wh == "how" and kind != "number"):
        return Asked(None, (), terms)
    target: tuple[str, ...] = ()
    counted = re.search(r"\bhow (many|much)\b", low)
    anchor = counted or (m if wh in ("what", "which") else None)
    if anchor is not None:
        nouns = []
        for w in re.findall(r"[a-z'’]+", low[anchor.end() :])[:3]:
            if w in _FUNCTION:
                break
            nouns.append(re.sub(r"['’]s$", "", w))
        target = tuple(tokenize(" ".join(nouns)))
    if kind is None:  # "To where did ...", "And who ...": the wh-word decides
        kind = {"who": "person", "whom": "person", "whose": "person", "where": "place"}.get(
            wh or "", "time" if wh == "when" else "thing"
        )
    if _UNIT_NOUNS & set(target):  # "what century did ...": a time, whatever else it reads as
        kind = "time"
    rest = re.findall(r"[a-z'’]+", low[m.end() :]) if m else []
    subject = bool(rest) and rest[0] not in _AUX and rest[0] not in _FUNCTION and not target
    obj = bool(rest) and rest[0] in ("did", "does", "do")
    naming = bool(re.search(r"\b(called|named|known as|dubbed|nicknamed|the name of|name)\b", low))
    return Asked(kind, target, terms, subject, obj, naming=naming)


def best_span(
    question: str,
    sentence: str,
    kind: str | None,
    idf: Callable[[str], float],
    common: Callable[[str], bool] | None = None,
) -> tuple[int, int] | None:
    """(start, end) of the short answer in `sentence`, or None when no span is good enough.
    `common(word)`: the articles also write this word in lower case."""
    found = scored_span(question, sentence, kind, idf, common)
    return found[:2] if found else None


@lru_cache(maxsize=4096)  # the lead's choice, its check and the answer's span ask alike
def scored_span(
    question: str,
    sentence: str,
    kind: str | None,
    idf: Callable[[str], float],
    common: Callable[[str], bool] | None = None,
) -> tuple[int, int, float] | None:
    """`best_span` with its score: how well the sentence gives what was asked."""
    asked = analyse(question, kind)
    if asked.kind is None or (asked.kind == "thing" and asked.object and not asked.target):
        return None  # why, how; "what did X say / do": a clause answers, not a phrase
    toks = _tokens(sentence, common)
    anchors = [i for i, t in enumerate(toks) if t.low not in _FUNCTION and _near(t.stem, asked)]
    weight = {i: idf(toks[i].stem) for i in anchors}
    total = sum(weight.values()) or 1.0
    targets = [i for i, t in enumerate(toks) if t.stem in asked.target]
    measures = asked_measures(question) if asked.kind in ("number", "time") else ()
    spots = [(toks[a].start, toks[a].end, weight[a]) for a in anchors]
    if found := best_measure(measures, sentence, spots):  # "how long": the length, with its unit
        return found[0], found[1], 1.5 + found[2]
    unmeasured = 0.7 if measures else 0.0  # a number, but not of the measure asked for
    counting = asked.kind == "number" and not measures and HOW_MANY.search(question) is not None
    phones = tuple(m.span() for m in PHONE.finditer(sentence)) if asked.kind == "number" else ()
    best: tuple[float, int, int] | None = None
    for i in range(len(toks)):
        if _function(toks, i):
            continue
        for j in range(i, min(len(toks), i + 7)):
            if j > i and _breaks(sentence, toks[j - 1], toks[j]):
                break
            if _function(toks, j):
                continue
            span = _Span(toks, i, j, sentence, counting, phones)
            score = span.score(asked, anchors, weight, total, targets)
            if score is not None and (best is None or score > best[0]):
                best = (score, i, j)
    if best is None or best[0] - unmeasured <= 0:
        return None
    _, i, j = best
    end = toks[j].end
    if sentence[end - 2 : end] in ("'s", "’s"):
        end -= 2  # "Edgar's sister": the name is Edgar
    start = toks[i].start
    if start > 0 and sentence[start - 1] in "$£€¥":
        start -= 1  # "£3.8m": the currency belongs to the amount
    if sentence[end : end + 1] == "%":
        end += 1  # "34.6%": so does the per cent sign
    return start, end, best[0] - unmeasured


def _near(stem: str, asked: Asked) -> bool:
    """The question has this word: exactly, or by a shared 5-letter stem (marry/marriage)."""
    if stem in asked.terms:
        return True
    return len(stem) >= 5 and any(len(t) >= 5 and t[:5] == stem[:5] for t in asked.terms)


@dataclass(frozen=True)
class _Span:
    toks: Sequence[_Tok]
    i: int
    j: int
    sentence: str
    counting: bool = False  # "how many" with no unit: a count, never a year
    phones: tuple[tuple[int, int], ...] = ()  # where the sentence gives telephone numbers

    def score(
        self,
        asked: Asked,
        anchors: list[int],
        weight: dict[int, float],
        total: float,
        targets: list[int],
    ) -> float | None:
        toks, i, j = self.toks, self.i, self.j
        span = toks[i : j + 1]
        content = [
            t
            for k, t in enumerate(span)
            if (t.low not in _CONNECT and not _function(toks, i + k)) or _month(toks, i + k)
        ]
        if not content:
            return None
        repeated = sum(1 for t in content if _near(t.stem, asked))
        if repeated == len(content):
            return None  # nothing the question does not already say
        allcap = all(t.cap for t in content)
        inner = [(i + 1 + k, t) for k, t in enumerate(span[1:-1]) if _function(toks, i + 1 + k)]
        if any(t.low not in _CONNECT and not _month(toks, k) for k, t in inner):
            return None  # a phrase, not a clause: only name connectors inside
        if inner and not allcap:
            return None
        if allcap and (
            _name_goes_on(toks, i, -1, self.sentence) or _name_goes_on(toks, j, 1, self.sentence)
        ):
            return None  # part of a longer name
        if any(t.low.endswith("ly") and not t.cap for t in (span[0], span[-1])):
            return None  # an adverb does not answer
        label = i == 0 and self.sentence[span[-1].end :].lstrip().startswith(":")
        if label and asked.kind in ("person", "place", "thing"):
            return None  # "Product: Hollin Farm Granola": the label (a timeline's "1984:" dates)
        typed = self._typed(asked.kind, span, content, allcap)
        if typed is None:
            return None
        if asked.kind in ("person", "place") and any(_month(toks, k) for k in range(i, j + 1)):
            return None  # "1 May 1191" is a date, not who or where (Theresa May still is)
        if asked.kind == "number" and targets and not any(i <= a <= j + 3 for a in targets):
            return None  # "how many kids": the number that counts them, not an age nearby
        s = typed
        for a in anchors:  # closeness to the question's words, the rare ones most
            d = i - a if a < i else (a - j if a > j else 0)
            if d:
                s += weight[a] / (1 + 0.3 * max(d - 1, 0)) / total
        if anchors and (asked.subject or asked.object):
            before = sum(weight[a] for a in anchors if a > j)  # the span comes before them
            after = sum(weight[a] for a in anchors if a < i)
            s += 0.25 * ((before - after) if asked.subject else (after - before)) / total
        before_span = toks[i - 1].low if i > 0 else ""
        if asked.kind == "person" and before_span == "by":
            s += 0.2  # the agent of a passive: "was stopped by X"
        if asked.kind == "place" and before_span in ("in", "at", "to", "from", "near", "into"):
            s += 0.2  # a place follows its preposition: "fled to Normandy"
        if any(a in (i - 1, j + 1) or i <= a <= j for a in targets):
            s += 0.5
        if asked.naming and before_span in _NAMING:
            s += 0.5  # "What is the starter called?": "a starter called Agnes"
        s -= 0.5 * repeated / len(content)
        # Longer spans say more than was asked; the parts of a date are one fact.
        words = [t for t in content if not (asked.kind == "time" and _date_part(t))]
        s -= 0.06 * max(0, len(words) - (3 if allcap else 2))
        return s

    def _typed(
        self, kind: str | None, span: Sequence[_Tok], content: Sequence[_Tok], allcap: bool
    ) -> float | None:
        """The answer-type part of the score; None when the span is of the wrong type."""
        if kind == "time":
            ok = any(
                _year(self.toks, self.i + k) or (t.low in _MONTHS and t.cap)
                for k, t in enumerate(span)
            )
            whole = 0.05 * any(re.fullmatch(r"\d{4}", t.low) for t in span)  # with its year
            return 1.0 + whole if ok else None
        if kind == "number":
            first = span[0]
            if any(a <= first.start < b for a, b in self.phones):
                return None  # a telephone number counts nothing
            if _CLOCK.search(self.sentence[max(0, first.start - 3) : first.end + 3]):
                return None  # nor does a clock time ("03:45 - Meet Dr Brisco")
            if self.counting and YEAR.fullmatch(first.low):
                return None  # "How many spills in 2022?": not "2019"
            return 1.0 if _NUMBER.match(first.low) or first.low in _NUMBER_WORDS else None
        if kind in ("person", "place"):
            if any(t.low[:1].isdigit() or t.low in _WEEKDAYS for t in content):
                return None  # who or where is not "Saturday"
            if len(content) == 1 and content[0].low in _MONTHS:
                return None  # nor "April"
            return 1.0 if allcap else -0.3  # a name answers who and where; "internal" does not
        return 0.3 if allcap else 0.0

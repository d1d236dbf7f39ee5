"""Is the date a sentence gives attached to the event a "when" question asks about?

A near miss of "when" questions: the sentence has a date, but the date belongs to another
event told in another clause ("When did the viaduct collapse?" over "The viaduct, completed
in 1862, carries the line"; "What year did Smith join the board?" over "Smith, who left the
firm in 2015, now chairs the board"). Read from clause grammar alone, English only:

- **Clauses.** A sentence is cut into main clauses (split at ";" and at "but", "while",
  "whereas") and subordinate ones: a parenthesis; a relative clause after a comma ("...,
  which/who/whose/where/when ..."); a participial clause opening the sentence or after a
  comma ("built in 1932,", ", handing down her judgment on ..."); "after/before/until/since"
  with a verb of its own ("after the council had voted"). A date fronted before the first
  main clause's verb ("In 1018, X travelled ..., but failed") dates every main clause.
- **The asked event** is the question's verb (or its noun form: "invade"/"invasion") and,
  when the question has no verb to read, its other lowercase content words.
- **Another event's date.** The sentence is refused as dating the asked event when (a) the
  asked verb is in a clause with no date while every date is in another clause telling of
  another verb; or (b) the asked event is nowhere in the sentence and every date is in a
  subordinate clause with a verb of its own, the main clauses giving none (a main clause's
  date may be a paraphrase of the asked verb: "the storm hit the fleet" / "the fleet
  arrived on 1 May", so it is never judged).
A dated clause with no verb of its own (a parenthesis of life dates after a name) tells of
no other event; an aspectual verb ("began", "ended", "continued") dates a phase of any event
and may restate the asked one; either keeps the sentence. A sentence of the passage whose
dated clause does tell of the asked event keeps it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.lexical import stemmer, stopwords_en

from .english import same_family
from .near_miss import _DO, inflections, same, tokens
from .near_miss import _subject_verb as subject_verb

# A date an answer can give: a year or decade, a month or weekday, a clock time, an ordinal
# century, or a day named relative to the report ("yesterday", "two weeks ago")
_DATE = re.compile(
    r"\b(?:1\d{3}|20\d{2})(?:s|['’]s)?\b|\b\d{1,2}(?:st|nd|rd|th)\s+century\b"
    r"|\b(?:january|february|march|april|june|july|august|september|october|november|december"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow"
    r"|tonight)\b|\bmay\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+may\b|\b\d{1,2}(?:[.:]\d{2})?\s?[ap]\.?m\b|\b\d{1,2}[.:]\d{2}\b|\bago\b"
    r"|\b(?:last|next|this|earlier this|later this)\s+(?:week|month|year|spring|summer|autumn"
    r"|winter)\b",
    re.I,
)
_RELATIVE = re.compile(r",\s+(?:who|whom|whose|which|where|when)\b", re.I)
_APPOSITION = re.compile(r",\s+(?:the|a|an|his|her|its|their)\s[^,;()]*,", re.I)
_COORDINATE = re.compile(r";|,?\s+\b(?:but|while|whereas)\b", re.I)
# Past participles English spells without -ed/-en
_IRREGULAR = frozenset(
    "born built held made sold won led paid kept sent spent left lost found set put begun"
    " run shut cut bought brought caught taught thought told sung hung struck".split()
)
_AUXILIARY = frozenset("is are was were be been being has have had will would can could".split())
_ADVERB = re.compile(r"^(?:\w+ly|first|once|later|since|then|now|still|also)$", re.I)
_LINKERS = re.compile(r"\b(?:after|before|until|since)\b", re.I)
# Aspectual verbs date a phase of whatever event: they may restate the asked one
_ASPECT = re.compile(
    r"^(?:begin\w*|began|begun|start\w*|end|ends|ended|ending|finish\w*|stop\w*|ceas\w*"
    r"|continu\w*|resum\w*)$",
    re.I,
)
# Light verbs name no event of their own ("When did the robbery happen?"): the nouns do
_MODAL = frozenset("will would can could shall should may might must".split())
_LIGHT = frozenset("happen occur take get go come have make do be".split())
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_PRONOUNS = frozenset("i we you he she it they who which".split())


@dataclass(frozen=True)
class Clause:
    text: str
    main: bool


def _verbish(word: str) -> bool:
    w = word.casefold()
    return (
        w in _IRREGULAR
        or (w.startswith("re") and w[2:] in _IRREGULAR)  # "rebuilt", "resold"
        or w in _AUXILIARY
        or (len(w) > 4 and w.endswith(("ed", "ing")))
        or (len(w) > 4 and w.endswith("en") and w not in ("often", "women", "children"))
    )


def _participle_at(text: str, at: int) -> bool:
    """A participial clause opens at `at`: a participle, perhaps after one adverb."""
    words = _WORD.findall(text[at : at + 40])[:2]
    if not words:
        return False
    if _ADVERB.match(words[0]) and len(words) > 1:
        words = words[1:]
    w = words[0].casefold()
    return w in _IRREGULAR or (len(w) > 4 and w.endswith(("ed", "ing")))


def _next_break(text: str, at: int) -> int:
    found = re.search(r"[,;]", text[at:])
    return at + found.start() if found else len(text)


def clauses(sentence: str) -> list[Clause]:
    """The sentence's main and subordinate clauses (see the module's rule)."""
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"\([^()]*\)", sentence):
        spans.append((m.start(), m.end()))
    for m in _RELATIVE.finditer(sentence):
        spans.append((m.start() + 1, _next_break(sentence, m.end())))
    for m in _APPOSITION.finditer(sentence):  # ", the maker of crisps,": no verb, no event
        if not any(_verbish(w) for w in _WORD.findall(m.group(0))):
            spans.append((m.start() + 1, m.end() - 1))
    if _participle_at(sentence, 0):
        spans.append((0, _next_break(sentence, 0)))
    for m in re.finditer(r",\s+", sentence):
        if not _participle_at(sentence, m.end()) or any(b == m.start() for _, b in spans):
            continue  # the comma closing an interruption is followed by the main verb
        end = _next_break(sentence, m.end())
        before = _main_text(sentence[: m.start()], spans)
        # A participle is the main verb unless one came before it, or the commas around it
        # set it between a subject and its verb ("The viaduct, completed in 1862, carries")
        if any(_verbish(w) for w in _WORD.findall(before)) or sentence[end : end + 1] == ",":
            spans.append((m.start() + 1, end))
    for m in _LINKERS.finditer(sentence):
        end = _next_break(sentence, m.end())
        # "until the light was automated": a clause; "until 1968 and employed": a date's
        # phrase, its verb another clause's
        head = re.split(r"\b(?:and|or)\b|\d", sentence[m.end() : end], maxsplit=1)[0]
        if _has_verb(_WORD.findall(head)[:5]):
            spans.append((m.start(), end))
    spans = _outer(spans)
    out: list[Clause] = []
    last = 0
    rest: list[str] = []
    for a, b in spans:
        rest.append(sentence[last:a])
        out.append(Clause(sentence[a:b], False))
        last = b
    rest.append(sentence[last:])
    main = " ".join(rest)
    out += [Clause(part, True) for part in _COORDINATE.split(main) if part.strip()]
    return out


def _main_text(text: str, spans: list[tuple[int, int]]) -> str:
    keep = [ch for i, ch in enumerate(text) if not any(a <= i < b for a, b in spans)]
    return "".join(keep)


def _outer(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in order, one inside another kept as the outer one."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans, key=lambda s: (s[0], -s[1])):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _dated(text: str, question: str) -> bool:
    asked = question.casefold()
    return any(m.group(0).casefold() not in asked for m in _DATE.finditer(text))


def _fronted(sentence: str, question: str) -> bool:
    """A date before the sentence's first verb ("In 1018, ...", "On 1 May, ...")."""
    head = re.split(r",", sentence, maxsplit=1)[0]
    words = _WORD.findall(head)
    return _dated(head, question) and not any(_verbish(w) for w in words) and "," in sentence


def asked_event(question: str) -> tuple[str | None, frozenset[str]]:
    """The question's verb (its stem, None when none can be read) and the stems of its
    other lowercase content words."""
    q = tokens(question)
    stop = stopwords_en()
    words = frozenset(
        t.stem
        for t in q
        if t.content
        and not t.cap
        and t.word not in stop
        and not _DATE.search(t.word)
        and t.word not in ("year", "date", "day", "time", "month", "century", "decade")
    )
    verb = None
    aux = next((k for k, t in enumerate(q[:6]) if t.word in _DO | _AUXILIARY), None)
    if aux is not None and q[aux].word in _DO | _MODAL:  # "did X VERB", "will X VERB"
        k = subject_verb(q, aux + 1)[1]
        # "did the Leddon Viaduct collapse" reads as one noun phrase there: then the first
        # lowercase content word after the name
        later = (t.word for t in q[aux + 1 :] if t.content and not t.cap)
        verb = q[k].word if k is not None else next(later, None)
    elif aux is not None:  # "was X VERBed": the participle after the subject
        verb = next(
            (t.word for t in q[aux + 1 :] if not t.cap and t.content and _verbish(t.word)), None
        )
    if verb is not None and (verb in _LIGHT or any(verb in inflections(v) for v in _LIGHT)):
        verb = None
    return verb, words


def _tells(clause: str, verb: str | None, words: frozenset[str]) -> bool:
    """The clause tells of the asked verb: by stem, inflection or family, or its noun form
    ("invasion": a stem sharing all but the last letter of the shorter); or, `words` given,
    of any of the question's other words."""
    toks = tokens(clause)
    if verb is not None:
        stem = stemmer().stemWord(verb)
        forms = inflections(verb)
        if any(
            t.word in forms
            or same(stem, t.stem)
            or same_family(stem, t.stem)
            or _noun_of(stem, t.stem)
            for t in toks
        ):
            return True
    return any(same(w, t.stem) or same_family(w, t.stem) for t in toks for w in words)


def _noun_of(a: str, b: str) -> bool:
    n = min(len(a), len(b))
    return n >= 5 and a[: n - 1] == b[: n - 1]


def _own_verb(clause: Clause) -> bool:
    words = [w.casefold() for w in _WORD.findall(clause.text)]
    if any(_ASPECT.match(w) for w in words):
        return False
    return _has_verb(words)


def _has_verb(words: list[str]) -> bool:
    """A verb among the words: a participle or auxiliary, or a word after a subject pronoun
    ("before it reaches")."""
    folded = [w.casefold() for w in words]
    return any(_verbish(w) for w in folded) or any(w in _PRONOUNS for w in folded[:-1])


def other_event(question: str, sentence: str, passage: str = "") -> str | None:
    """What the sentence dates instead of the asked event (the refusal's reason), or None."""
    verb, words = asked_event(question)
    if verb is None and not words:
        return None
    parts = clauses(sentence)
    dated = [c for c in parts if _dated(c.text, question)]
    if not dated:
        return None
    fronted = _fronted(sentence, question)
    if fronted:
        dated += [c for c in parts if c.main and c not in dated]
    if any(_tells(c.text, verb, words) for c in dated):
        return None  # a dated clause mentions the asked event, or the question's things
    if not all(_own_verb(c) for c in dated if not (fronted and c.main)):
        return None
    told = [c for c in parts if c not in dated and _tells(c.text, verb, frozenset())]
    another = (verb is not None and told) or (not told and not any(c.main for c in dated))
    if not another or _dated_elsewhere(question, sentence, passage, verb, words):
        return None
    return dated[0].text.strip(" ,")


def _dated_elsewhere(
    question: str, sentence: str, passage: str, verb: str | None, words: frozenset[str]
) -> bool:
    for other in re.split(r"(?<=[.!?])\s+", passage):
        if not other.strip() or other.strip() in sentence or sentence in other:
            continue
        about = frozenset() if verb else words
        if any(_dated(c.text, question) and _tells(c.text, verb, about) for c in clauses(other)):
            return True
    return False

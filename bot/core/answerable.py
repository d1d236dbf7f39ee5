"""Does the answering passage give the kind of detail the question asks for, or does it only
mention what the question is about?

A near miss of another kind than premise.py's: the question's entity is in the passage, but
the detail asked for is not ("How much did X earn?" over a sentence about X's career with no
sum of money in it; "Who founded Y?" over a passage that names nobody but Y). Each test
looks for any value of the asked type, beyond those the question itself gives, and refuses
only when there is none: it never judges whether a value is the right one (that is the
scoring's job), so recall is what matters and each detector is deliberately broad.

Measured on the tuning sets only (dev, eval/questions.jsonl, ../shared/eval/external,
eval/general/tune.jsonl, eval/blind, eval/blind2), as refusals gained / answerable hits lost:
- money asked, no sum in the lead sentence: 3 / 0 (in its whole passage instead: 2 / 0);
- a name asked ("who", "which company", "what is the name of"), no name in the passage
  beyond the question's: 2 / 0 (the lead sentence only: 3 / 2, one of them on dev); and for
  "which company/team/...", that noun nowhere in the article (by stem, 5-letter family or
  a likely typo): 2 more / 0 (and "who is the ROLE (of X)", "who was X's ROLE": the role
  in the passage, by stem, 5-letter family, initials ("CEO") or word vector: 5 / 2 on the
  eleven tuning sets; with three sets, before the vectors: 3 / 2);
- a date asked, no time word of any kind in the lead sentence: 2 / 0 (narrower date
  detectors, or the passage, lost dev and own-set hits: "from the time they exchanged vows");
  "on what date", "in what year" asked too: 1 more / 0; a date there, but only another
  event's, told in another clause (event_dates.py): 2 more / 0 (gtune, blind3); and a date
  whose sentence does not say the asked event's verb ("When was the terminal built?" over
  "out of service since January 9"; asked_event.py): 22 more / 5 on the eleven tuning sets
  (the verb anywhere in the passage instead: 21 / 5; without the light-verb and life-span
  exemptions: 26 / 11; leading with another candidate that says it: 19 / 5);
- "who VERBed", the passage does not say the verb (as for "when", asked_event.who_verb):
  18 / 6 on the eleven tuning sets, with light verbs ("got", "took"), verbs of being in
  charge ("runs", "heads": a title says them) and the doer's noun ("ruler") exempt (without
  them: 22 / 23);
- "how much" before a noun for a sum of money ("how much rent"): 1 more / 0;
- "what did X VERB" (decide, find, diagnose), the passage does not say the verb (verbs of
  saying aside, which reported speech varies: "admitted", "referred to X as"): 6 / 0 on the
  eleven tuning sets (with them: 6 / 3);
- a cause of death asked ("What did X die of?"), none in the passage (no "died of / after",
  no illness or injury named): 3 / 0 on the eleven tuning sets;
- "how many" (no unit asked), no number in the passage that can count (a year, ordinal or
  the question's own number cannot): 1 / 0 (the lead sentence only: the same).
  An amount of another measure (money, a weight, a duration, a percentage) counts nothing:
  2 more / 0 on the ten tuning sets (the lead sentence only instead: 4 / 1).
Tried and rejected (same measure): the asked attribute word ("how many copies", "what is
the capacity", "who founded") missing from the passage, by stem, 5-letter family or a word
vector >= 0.45: how many 3 / 5, what is the X 3 / 6 (missing from the whole article
instead: 3 / 3, 2 / 1); no number at all for "how many" (digits
or number words, years included, sentence or passage): 0 / 0; "how many X" with no number
next to X: 4 / 7;
no number of the asked measure for "how old/far/long/big" (sentence or passage): 1 / 4.
"""

from __future__ import annotations

import re

from index.lexical import stopwords_en, tokenize

from .answer_types import question_kind
from .asked_event import SAYING, SAYS_VERB, event_verb, tells, who_verb
from .english import FUNCTION, HOW_MANY, MONTHS, NUMBER_WORDS, POSSESSIVE, YEAR
from .event_dates import other_event
from .measures import asked_measures, measure_spans
from .near_miss import english, tokens
from .premise import supported
from .short_answer import analyse
from .word_vectors import similarity

# Anything that can say when: a year, decade, ordinal ("11th" century), clock time, or an
# English word for a date, a span of time or an order in time. General English, broad on
# purpose: a "when" question is answered by an event ("after the war") too.
_WHEN_NUMBER = re.compile(
    r"\b(\d{3,4}(?:s|['’]s)?|\d{1,2}(?:st|nd|rd|th)|\d{1,2}(?:[.:]\d{2})?\s?[ap]\.?m\b\.?"
    r"|\d{1,2}[.:]\d{2})(?!\w)",
    re.I,
)
_WHEN_WORD = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|weekend|today|tonight|yesterday|tomorrow|ago|century|centuries|decades?"
    r"|spring|summer|autumn|winter|morning|afternoon|evening|night|overnight|noon|midnight|am|pm"
    r"|a\.m|p\.m|recently|earlier|later|soon|now|currently|since|until|till|after|before|during"
    r"|following|when|while|once|first|last|next|weeks?|months?|years?|days?|daily|annually"
    r"|season|christmas|easter|era|period|age|reign|times?)\b",
    re.I,
)
# "How much rent ...": nouns that are sums of money in general English, which the measure
# wording (measures.py) reads only after "what is the" ("what is the rent")
_MONEY_NOUN = re.compile(
    r"\bhow much (?:\w+ ){0,2}?(rent|funding|revenue|profits?|tax(?:es)?|debt|income|wages?"
    r"|salary|pay|fees?|money|cash|grants?|subsid(?:y|ies)|compensation|turnover|investment)\b",
    re.I,
)
# "Who was Margaret Ng?" asks what she is (a description), not for a name
_IDENTITY = re.compile(
    r"^\W*[Ww]hom?(?:['’]s| is| was| are| were)\s+[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*\W*$"
)
_COUNT = re.compile(
    r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)(?!\s?(?:st|nd|rd|th)\b)(?![\w.:]?\d)"
    rf"|\b({'|'.join(sorted(NUMBER_WORDS))}|a few|several|dozens|hundreds|thousands|twice)\b",
    re.I,
)
# A number of these measures ("£186 million", "7.5 tonnes", "three weeks") is an amount, not
# a count of the things a "how many" question names
_NOT_COUNTS = ("money", "percent", "length", "duration", "weight", "speed", "area", "temperature")
# "What did X die of?" asks for a cause; "who has died aged 90" gives none. The cause is
# said after the verb ("died of", "died after a short illness") or named as one.
_ASKS_CAUSE_OF_DEATH = re.compile(r"\bdie[ds]?\s+(?:of|from)\W*$|\bcause of (?:\w+ )?death\b", re.I)
_CAUSE_OF_DEATH = re.compile(
    r"\b(?:died|dies|die|dying|death)\s+(?:[\w'’]+\s+){0,3}?(?:of|from|after|following|due to"
    r"|as a result of)\b|\bcause of (?:\w+ )?death\b|\bkilled\b|\b(?:illness|disease|cancer"
    r"|stroke|heart attack|injuries|complications|overdose|infection)\b",
    re.I,
)
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
# "Who is the managing director of X?", "Who was Y's coach?": a role the passage must name
_ROLE = re.compile(
    r"^\W*[Ww]ho(?:['’]s| is| was| are| were)\s+(?:the\s+|(?:[A-Z][\w'’\-]*\s+)*[A-Z][\w\-]*['’]s?\s+)"
    r"((?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)(?=\s+(?:of|at|for|in|on|to|with)\b|\W*$)"
)


def _says_role(role: str, passage: str) -> bool:
    want = tokenize(role)
    if not want:
        return True
    toks = tokens(passage)
    words = [t.word for t in toks]
    # "CEO" for "chief executive (officer)": its letters begin consecutive words
    if 2 <= len(role) <= 4 and any(
        "".join(w[0] for w in words[k : k + n]) == role.lower()[:n]
        for n in (len(role), len(role) - 1)
        for k in range(len(words))
        if n >= 2
    ):
        return True
    if supported(want[-1], {t.stem for t in toks}):
        return True
    return any(t.content and similarity(role, t.word) >= SAYS_VERB for t in toks)


_WHAT_DID = re.compile(r"^\W*what (?:did|does|do|will|would)\b", re.I)
_CLAUSE = re.compile(r"(?<=[.!?:;\"“”])\s+|\n")  # a new sentence or quote starts capitalised


def missing(question: str, sentence: str, passage: str, article: str = "") -> str | None:
    """The kind of detail asked for ("a sum of money", "a name", "a date") that neither the
    answering sentence nor (for a name) its passage gives; None when it is given, or when the
    question asks for nothing of these kinds. `article`: the passage's whole article, where
    the kind of thing a "which"/"what" name question asks for ("which company") must be
    mentioned somewhere."""
    measures = asked_measures(question)
    money_noun = not measures and _MONEY_NOUN.search(question)
    if (measures and measures[0] == "money") or money_noun:
        return None if _gives_money(question, sentence) else "a sum of money"
    if not english(question):
        return None  # the name and date tests read English capitals and time words
    if _ASKS_CAUSE_OF_DEATH.search(question) and not _CAUSE_OF_DEATH.search(passage):
        return "a cause of death"
    kind = question_kind(question)
    asked = analyse(question, kind)
    if (asked.kind == "person" or asked.naming) and not _IDENTITY.match(question):
        if not _names_another(question, passage):
            return "a name"
        # "Which company built ...?": the article names no company if it never says one
        role = asked.target[0] if asked.target and kind == "person" else None
        if article and role and not supported(role, set(tokenize(article))):
            return f"a name (no {role!r} in the article)"
        held = _ROLE.match(question)
        if held and not _says_role(held.group(1).split()[-1], passage):
            return f"a name (no {held.group(1)!r} in the passage)"
        deed = who_verb(question)
        if deed is not None and not tells(deed, passage):
            return f"a name of who did it (no {deed.word!r})"
        return None
    if HOW_MANY.search(question) and not measures and not _counts(question, passage):
        return "a count"
    if _WHAT_DID.match(question):
        deed = event_verb(question)
        if deed is not None and deed.stem not in SAYING and not tells(deed, passage):
            return f"what was done (no {deed.word!r})"
    # "On what date ...", "In what year ...": a date too, though not opening with its wh-word
    dated = kind == "time" or (asked.kind == "time" and not measures)
    # The time words are English: a sentence in another language ("el 4 de marzo") is not
    # read for them, as a question in another language is not
    if dated and english(sentence):
        if not _says_when(question, sentence):
            return "a date"
        other = other_event(question, sentence, passage)  # the date is another event's
        if other:
            return f"a date of the asked event (the sentence dates {other!r})"
        verb = event_verb(question)
        if verb is not None and not tells(verb, sentence):
            return f"a date of the asked event (no {verb.word!r} in the sentence)"
    return None


def _counts(question: str, passage: str) -> bool:
    """A number that can count things: digits or a number word, not a year, an ordinal, part
    of a date or time, or a number the question gives."""
    asked = question.casefold()
    measured = measure_spans(_NOT_COUNTS, passage)
    for m in _COUNT.finditer(passage):
        value = m.group(0)
        if m.group(1) and YEAR.fullmatch(value.replace(",", "")):
            continue
        if any(a <= m.start() < b for a, b in measured):
            continue
        if not re.search(rf"\b{re.escape(value.casefold())}\b", asked):
            return True
    return False


def _gives_money(question: str, sentence: str) -> bool:
    asked = question.casefold()
    return any(
        sentence[a:b].casefold() not in asked for a, b in measure_spans(("money",), sentence)
    )


def _says_when(question: str, sentence: str) -> bool:
    asked = question.casefold()
    if any(m.group(0).casefold() not in asked for m in _WHEN_NUMBER.finditer(sentence)):
        return True
    return any(
        not re.search(rf"\b{re.escape(m.group(0).casefold())}\b", asked)
        for m in _WHEN_WORD.finditer(sentence)
    )


def names(text: str) -> list[str]:
    """Capitalised words that are not merely a sentence's first function word, a month or a
    stopword: the words a name is made of."""
    stop = stopwords_en()
    out = []
    for clause in _CLAUSE.split(text):
        for k, m in enumerate(_WORD.finditer(clause)):
            w = m.group(0)
            low = w.lower()
            if not w[:1].isupper() or low in MONTHS or low in stop or (k == 0 and low in FUNCTION):
                continue
            out.append(w)
    return out


def _names_another(question: str, passage: str) -> bool:
    """Does the passage name anything the question does not (by word, possessives aside)?"""
    asked = {POSSESSIVE.sub("", w) for w in re.findall(r"[\w'’\-]+", question.casefold())}
    return any(POSSESSIVE.sub("", n.casefold()) not in asked for n in names(passage))

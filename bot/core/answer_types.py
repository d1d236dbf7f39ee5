"""What kind of thing a question asks for, and whether a sentence offers one.

A "when" question is answered by a sentence with a date in it, a "where" question by a
place, "how many" by a number, "who" or "which company" by a name the question does not
already mention. This is evidence MiniLM's similarity misses: to it, "The mayor flew back
to Lisbon" and "The mayor was upset" are about equally close to "Where did the mayor go?".
The nouns that mark each kind are general ones (roles, kinds of organisation or place),
never the people or words of any one corpus.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from index.lexical import tokenize

from .english import CONNECT, PHONE
from .measures import asked_measures
from .names import named, people
from .near_miss import same

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand"
    "|million|billion|first|second|third|fourth|fifth|half"
)

_PEOPLE = (
    "person|man|woman|people|official|leader|minister|president|chief|executive|manager"
    "|player|coach|author|writer|reporter|spokes(?:person|man|woman)|scientist|researcher"
    "|director|founder|owner|member|candidate|judge|teacher|relative|family member|mother"
    "|father|sister|brother|daughter|son|wife|husband|friend"
)
# an organisation is answered by a name too
_ORGANISATIONS = (
    "company|firm|business|organi[sz]ation|group|agency|team|club|party|union|council"
    "|university|bank|school|court|ministry|department|charity|airline|operator"
    "|manufacturer|maker|supplier|contractor|publication|newspaper|outlet"
)

_KINDS = [
    (
        "time",
        re.compile(
            r"^\s*((in|by|since|from|until) )?(when|since when|what (day|date|year|month|time)"
            r"|which (day|date|year|month))\b",
            re.I,
        ),
    ),
    (
        "number",
        re.compile(
            r"\bhow (many|much|old|long|often|far)\b|\bwhat (age|amount|number|percentage)\b"
            # "what was the (overall) turnout": nouns whose value is a number in any story
            r"|\bwhat (is|was|were|are|'s) the (\w+ )?(turnout|attendance|crowd|population"
            r"|majority|score|scoreline|total|percentage|rate|price|cost|fare|salary|budget"
            r"|capacity)\b",
            re.I,
        ),
    ),
    (
        "place",
        re.compile(
            r"^\s*where\b|\b(which|what) (town|city|village|state|county|province|region|district"
            r"|country|place|location|venue|street|road|site|building|station|stadium|port|island"
            r"|restaurant|resort|neighbou?rhood)\b|\bin which (town|city|state|country|region)\b",
            re.I,
        ),
    ),
    (
        "person",
        re.compile(
            rf"^\s*(who|whom|whose)\b|\b(which|what) ([a-z'’]+ )?({_PEOPLE}|{_ORGANISATIONS})\b"
            # "Which <noun> told / won / will build ...": whoever did it is named
            r"|^\s*(which|what) [a-z]+ (told|said|did|won|lost|led|made|built|bought|sold|gave|took"
            r"|wrote|ran|owns|runs)\b",
            re.I,
        ),
    ),
]
# "Who ...?" and "which player ...?" ask for a person; "which company" for any name.
_ASKS_PERSON = re.compile(
    rf"^\W*(who|whom|whose)\b|\b(which|what) ([a-z'’]+ )?({_PEOPLE})\b"
    r"|^\W*(qui[eé]n(es)?|wer|wem|wen|chi|quem)\b",
    re.I,
)

# The months of the other languages the indexer reads ("3 de noviembre", "3 novembre", "3.
# November"): their articles are asked about in them.
_OTHER_MONTHS = (
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    "|noviembre|diciembre|janvier|f[eé]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre"
    "|octobre|novembre|d[eé]cembre|januar|februar|m[aä]rz|juni|juli|oktober|dezember"
)
_TIME = re.compile(
    rf"\b(({_MONTHS})\.? \d{{1,2}}|\d{{1,2}} ({_MONTHS})|(19|20)\d\d|\d{{4}}-\d\d-\d\d"
    rf"|\d{{1,2}}\.? (de )?({_OTHER_MONTHS})"
    r"|(mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|last (week|month|year)"
    r"|\d+ (days?|weeks?|months?|years?) ago|since|until|from the time|over the summer|this year)\b",
    re.I,
)
_NUMBER = re.compile(rf"(\$\s?\d|\b\d+(\.\d+)?\b|\b({_NUMBER_WORDS})\b)", re.I)
_PLACE = re.compile(r"\b(in|at|to|near|from|outside|across) (the )?((?:[A-Z][\w.'’-]+ ?){1,3})")


# Question words of the other languages the indexer reads most (Spanish, French, German,
# Italian, Portuguese, Dutch, Chinese): an article in them is asked about in them. Chinese has no
# spaces, so no \b.
_OTHER_KINDS = [
    (
        "time",
        re.compile(
            r"^\W*(cu[aá]ndo|quand|wann|quando|wanneer)\b|什么时候|何时|哪一?年|哪一?天|几月|几号",
            re.I,
        ),
    ),
    (
        "number",
        re.compile(
            r"\b(cu[aá]nt[oa]s?|combien|wie ?viele?|quant[oaie]|quant[oa]s|hoeveel)\b|多少|几[个位名座次年]",
            re.I,
        ),
    ),
    (
        "place",
        re.compile(
            r"^\W*(d[oó]nde|ad[oó]nde|o[uù]|wo|wohin|dove|onde|waar)\b|哪里|哪儿|在哪|何处", re.I
        ),
    ),
    ("person", re.compile(r"^\W*(qui[eé]n(es)?|qui|wer|wem|wen|chi|quem)\b|谁", re.I)),
]


def question_kind(question: str) -> str | None:
    for kind, pattern in _KINDS + _OTHER_KINDS:
        if pattern.search(question):
            return kind
    measures = asked_measures(question)  # "how high", "how big", "how fast" ...
    if measures:
        return "time" if measures == ("clock",) else "number"
    return None


def asks_person(question: str) -> bool:
    """Does the question ask for a person ("who", "which player") rather than any name?"""
    return bool(_ASKS_PERSON.search(question))


def offered(
    kind: str | None, sentence: str, question: str, common: Callable[[str], bool] | None = None
) -> tuple[bool, bool]:
    """(does the sentence offer an answer of the kind asked, does it name a person in the
    role or deed a who-question asks about: names.people)."""
    if kind == "person" and asks_person(question):
        return people(sentence, question, common)
    if kind == "number" and (noun := counted_noun(question)):
        return offers(kind, sentence, question, common), counts(noun, sentence)
    return offers(kind, sentence, question, common), False


# "how many [new] stops will ...": the noun counted is the first plural after "how many"
_HOW_MANY_NOUN = re.compile(r"\bhow many((?: [\w'’\-]+){1,4})", re.I)
_PLURALS = frozenset("people children men women police staff feet teeth".split())
_COUNT_WORD = re.compile(rf"^(?:\d[\d,.]*|{_NUMBER_WORDS})$", re.I)


@lru_cache(maxsize=256)  # asked once per scored sentence of one question
def counted_noun(question: str) -> str | None:
    m = _HOW_MANY_NOUN.search(question)
    words = m.group(1).lower().split() if m else []
    return next((w for w in words if w in _PLURALS or (len(w) > 3 and w.endswith("s"))), None)


def counts(noun: str, sentence: str) -> bool:
    """A number with the counted noun right after it ("62 hives", "five grandchildren"; a
    word or two between: "nine new stops"), by stem or a shared 5-letter stem."""
    want = tokenize(noun)
    if not want:
        return False
    words = re.findall(r"[\w'’\-]+", sentence)
    for k, w in enumerate(words):
        if _COUNT_WORD.match(w):
            after = [t for x in words[k + 1 : k + 4] for t in tokenize(x)]
            if any(same(want[-1], t) for t in after):
                return True
    return False


def offers(
    kind: str | None, sentence: str, question: str, common: Callable[[str], bool] | None = None
) -> bool:
    """Does the sentence contain an answer of the kind asked, not already in the question?
    `common(word)`: the articles write the word in lower case (a sentence's first word is
    a name only when it is not such a word)."""
    if kind is None:
        return False
    asked = question.casefold()
    if kind == "time":
        return any(m.group(0).casefold() not in asked for m in _TIME.finditer(sentence))
    if kind == "number":
        numbers = _NUMBER.finditer(PHONE.sub(" ", sentence))
        return any(m.group(0).casefold() not in asked for m in numbers)
    if kind == "place":
        return any(m.group(3).strip().casefold() not in asked for m in _PLACE.finditer(sentence))
    if asks_person(question):
        return people(sentence, question, common)[0]
    return any(
        sum(t.low not in CONNECT for t in n.name) >= 2 for n in named(sentence, question, common)
    )

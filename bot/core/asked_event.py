"""Does the answering sentence tell the event a "when" (or "who did") question asks about?

"When was the ferry terminal built?" over "The ferry has been out of service since January
9": the sentence has a date, and the terminal, but nobody builds anything in it. A date
question names its event by one verb after its subject ("When did X open Y?", "In what
year was X founded?"); the sentence must say that verb, by stem or a regular inflection,
a 5-letter family ("elected" / "election"), or a word the embedding model's own word table
holds for the same idea ("founded" / "established"). English only: the subject and verb
are read from English word order (near_miss.py). Light verbs ("start the business", "take
place") name no event of their own and are not checked: the words after them are said in
too many ways (on the tuning sets they lost more answers than they refused near misses).
"Who founded Greystone Foods?" names its deed the same way, by the verb after "who"; its
passage (a doer is often named a sentence away) must say it, or the doer's noun ("founder").
"""

from __future__ import annotations

import re

from .near_miss import AUX, Tok, inflections, same, tokens
from .word_vectors import similarity

# "When ...", "In what year ...", "What year ...", "On which date ...": the words before
# the auxiliary that only ask for a time
_ASKS_TIME = frozenset("when what which year date day month in on at by since until".split())
_BE = frozenset("is was were are".split())
# "expected to", "due to": the deed is the verb they lead to
_LEADS_TO = frozenset("expected scheduled supposed planned set due".split())
# Past participles of common English verbs that do not end in -ed ("-en" and "-wn" alone
# would take "garden", "seven", "town" for verbs)
_IRREGULAR = frozenset(
    "born built held made won sold set put run shut hit cut lost found told said paid laid led"
    " left sent spent brought bought taught caught fought thought begun done gone met kept"
    " read struck sung rung sunk hung dug stuck taken given written chosen broken spoken"
    " stolen frozen driven eaten fallen forgotten hidden ridden risen beaten bitten woken"
    " proven shaken sworn torn worn grown shown drawn known thrown flown blown withdrawn"
    " sown sewn seen arisen undertaken overtaken".split()
)
# Simple past tenses that are no participle ("wrote", not "written")
_PAST = frozenset(
    "wrote ran saw sang drove rode began broke chose fell flew grew knew threw spoke stole swam"
    " tore wore gave took came became went did had got struck".split()
)
# Adverb particles of phrasal verbs ("bring ... back", "go up"): no noun after a verb
_PARTICLES = frozenset("up down back out off away over again".split())
# Light and aspectual verbs ("start the business", "take place", "get patches", "go up
# against"): the event is what follows them, said in too many ways to check one word
_LIGHT = frozenset("start begin go get come take have make do happen occur keep become".split())
_LIGHT_PAST = frozenset("got came made became gave took had did went kept began started".split())
# "Who runs / heads / leads X?": being in charge, which a title says ("X's director Y")
_IN_CHARGE = frozenset("run head lead chair manag direct own".split())
# Verbs of saying: news reports speech with dozens of them ("admitted", "revealed",
# "declared", "referred to X as"), so what was said is not looked for by its verb
SAYING = frozenset("say tell claim admit call reveal announc declar insist state describ".split())
# "Ada Lovelace (10 December 1815 - 27 November 1852)": a life's span tells birth and death
_SPAN = re.compile(r"\([^()]*\d{3,4}\s*[-\u2013\u2014]\s*[^()]*\d{3,4}\s*\)")
_LIFE = frozenset("born die died".split())
# Word-table similarity at or above which a sentence word says the question's verb
# another way (see word_vectors.py for what general English pairs score)
SAYS_VERB = 0.45


def event_verb(question: str) -> Tok | None:
    """The verb naming the event a date question asks about, or None when its shape is
    not "WHEN-WORDS AUX SUBJECT VERB ...". After "was"/"were" it is the first participle
    ("When was the ferry terminal built?"); after "did"/"will", the first word after the
    subject's first that is not followed by another content word, since in a noun
    compound each word but the last is ("When did the parish council meet?")."""
    q = tokens(question)
    aux = next((k for k, t in enumerate(q[:5]) if t.word in AUX), None)
    if aux is None or aux == 0 or any(t.word not in _ASKS_TIME for t in q[:aux]):
        return None
    if any(t.word in _LIGHT for t in q[aux + 1 :]):
        return None
    rest = range(aux + 2, len(q))
    if q[aux].word in _BE:
        verb = next((k for k in rest if _participle(q[k])), None)
        while verb is not None and q[verb].word in _LEADS_TO and verb + 1 < len(q):
            # "When is the sale expected to be completed?": the deed is the later verb
            verb = next((k for k in range(verb + 1, len(q)) if _participle(q[k])), None)
        return q[verb] if verb is not None else None
    for k in rest:
        t = q[k]
        if t.content and not t.cap and (k + 1 == len(q) or not _noun_follows(q[k + 1])):
            return t
    return None


def _participle(t: Tok) -> bool:
    regular = len(t.word) >= 5 and t.word.endswith("ed") and not t.word.endswith("eed")
    return t.content and not t.cap and (regular or t.word in _IRREGULAR)


def _noun_follows(t: Tok) -> bool:
    return t.content and not t.cap and t.word not in _PARTICLES


def _finite(t: Tok) -> bool:
    """Past or present tense as a subject's verb is written: "founded", "coaches", "won"."""
    if not t.content or t.cap or t.word in AUX:
        return False
    w = t.word
    present = len(w) >= 4 and w.endswith("s") and not w.endswith(("ss", "us", "is"))
    return _participle(t) or present or w in _PAST


def tells(verb: Tok, sentence: str) -> bool:
    if verb.word in _LIFE and _SPAN.search(sentence):
        return True
    forms = inflections(verb.word)
    # the doer's noun: "ruled" / "ruler", "founded" / "founder", "directed" / "director"
    forms |= {verb.stem + end for end in ("r", "er", "or")}
    for t in tokens(sentence):
        if t.word in forms or same(verb.stem, t.stem):
            return True
        if t.content and similarity(verb.word, t.word) >= SAYS_VERB:
            return True
    return False


def who_verb(question: str) -> Tok | None:
    """ "Who founded X?": the deed whose doer is asked, the verb right after "who"; None for
    a light verb or one of being in charge, which a title says as often ("Who runs X?" over
    "X's director, Y")."""
    q = tokens(question)
    if len(q) < 3 or q[0].word != "who" or q[0].poss or not _finite(q[1]):
        return None  # "Who's X": whose, or who is
    if q[1].word in _LIGHT_PAST or q[1].stem in _LIGHT or q[1].stem in _IN_CHARGE:
        return None
    return q[1]

"""Who a sentence names: the capitalised runs that read as a person's name, and whether one
is named in the role or deed the question asks about.

"Who runs the library?" is answered by "library director Priya Raman", not by "the main
library on Center Street": a run of capitalised words is a person's name when it has two
words or more of its own (titles and the question's words aside), and its head, the word
before any "of", is not a word that heads the name of a place or an organisation ("Street",
"Council", "Labs", "University of ..."). The head words are general English, never one
corpus's names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from index.lexical import tokenize

from .english import CONNECT, FUNCTION, MONTHS, same_family
from .span_tokens import Tok, tokens

# Words that head the name of a place, an organisation, an event or a work, not a person.
ORG_HEADS = frozenset(
    "street st road rd lane avenue ave way drive square place park bridge station airport"
    " port harbour stadium ground arena hall theatre theater cinema museum gallery library"
    " school college university academy institute hospital clinic centre center church"
    " cathedral abbey chapel court council parliament assembly congress senate party"
    " government ministry department office agency authority commission committee board"
    " bureau service services trust foundation association society union federation league"
    " championship championships cup trophy club team company group holdings labs"
    " laboratories industries corporation corp inc ltd plc llc co bank press news times post"
    " gazette herald journal magazine wire records books media radio television tv network"
    " buses railway railways airline airlines airways water energy partners securities"
    " capital fund funds river lake sea ocean mountain mountains valley hill hills county"
    " city town village district region province state island islands coast market hotel"
    " restaurant cafe pub festival awards prize act bill report review project programme"
    " program stores store brewery bakery farm estate gardens garden women men"
    " empire kingdom republic dynasty crusade war conquest revolution east west north south"
    " monday tuesday wednesday thursday friday saturday sunday".split()
)
# Words that come before a name without being part of it ("Dr", "Judge", "Professor").
TITLES = frozenset(
    "mr mrs ms miss mx dr prof professor sir dame lord lady rev revd fr cllr councillor judge"
    " justice sen senator rep gov governor mayor president king queen prince princess duke"
    " duchess earl countess baron saint sheikh chancellor minister secretary".split()
)
# "Who runs / leads / heads X?" is answered by whoever holds a leading role in X.
LEADER_NOUNS = frozenset(
    "director head chief leader chair chairman chairwoman chairperson president executive"
    " manager superintendent principal boss captain lead commander governor ceo".split()
)
_LEADING = frozenset(
    "run runs running ran lead leads leading led head heads heading headed charge chair"
    " chairs chaired manage manages managed boss bosses helm helms".split()
)
# Words that end a role title written before a name ("Finance Director Gwen Okonjo", "Police
# Commissioner Ray Holt"): with the words before them they are the person's role, not their name.
_ROLES = "officer commissioner inspector coach editor correspondent spokesman spokeswoman"
_ROLES += " spokesperson curator treasurer constable sergeant detective"
ROLE_ENDS = TITLES | LEADER_NOUNS | frozenset(_ROLES.split())
_ABBREVIATED = {"ceo": "chief executive", "cfo": "chief financial officer"}
# The closed-class words an apposition may hold: ", chief executive of the ...", ", a
# scientist at ...".
_APPOSITION = frozenset("a an the of at for in on with from".split())
_WH = frozenset("who whom whose which what when where why how".split())
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Named:
    """A capitalised run: its tokens, which of them are its name (titles and the question's
    own words stripped from its front), and where it lies among the sentence's tokens."""

    first: int  # index of the run's first token
    last: int  # ... and of its last
    titled: tuple[Tok, ...]  # the titles or question words in front ("Judge", "Superintendent")
    name: tuple[Tok, ...]  # the rest, connectors ("of", "de") included


def _bare(t: Tok) -> str:
    return _POSSESSIVE.sub("", t.low)


def _joins(sentence: str, a: Tok, b: Tok) -> bool:
    """Do tokens a and b sit in one name: only spaces between, or the full stop of an
    initial or a title ("J. Smith", "Dr. Liu")?"""
    gap = sentence[a.end : b.start]
    if not gap.strip():
        return True
    return gap.strip() == "." and (len(a.text) == 1 or a.low in TITLES)


def runs(sentence: str, common: Callable[[str], bool] | None = None) -> list[tuple[int, int]]:
    """(first, last) token indexes of each capitalised run, connectors inside ("William
    of Volpiano", "Office of the Mayor"), the sentence's first word only when it is a name."""
    toks = tokens(sentence, common)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if not toks[i].cap or toks[i].low in FUNCTION:
            i += 1
            continue
        j = i
        while True:
            k = j + 1
            while k < len(toks) and toks[k].low in CONNECT and not toks[k].cap:
                k += 1  # "of the": a connector run inside a name
            if (
                k < len(toks)
                and toks[k].cap
                and all(_joins(sentence, toks[m], toks[m + 1]) for m in range(j, k))
            ):
                j = k
                continue
            break
        out.append((i, j))
        i = j + 1
    return out


@lru_cache(maxsize=256)  # read for every candidate sentence of one question
def _question_words(question: str) -> frozenset[str]:
    """The question's own words (lower case, their stems too), abbreviations spelled out."""
    low = question.lower()
    for short, long in _ABBREVIATED.items():
        low = re.sub(rf"\b{short}\b", f"{short} {long}", low)
    words = {_POSSESSIVE.sub("", w) for w in re.findall(r"[^\W_]+(?:['’\-][^\W_]+)*", low)}
    return frozenset(words | {s for w in words for s in tokenize(w)})


def named(sentence: str, question: str, common: Callable[[str], bool] | None = None) -> list[Named]:
    """The capitalised runs of the sentence that name something the question does not."""
    toks = tokens(sentence, common)
    asked = _question_words(question)
    out = []
    for first, last in runs(sentence, common):
        run = toks[first : last + 1]
        k = 0
        # "Judge Martin Fairclough", "Superintendent Karen Liu": a title or a role word of
        # the question in front; a name of the question ("Ethelred II") is no title
        while k < len(run) - 1 and (
            _bare(run[k]) in TITLES
            or (_bare(run[k]) in asked and (common is None or common(_bare(run[k]))))
        ):
            k += 1
        k = _role_title(run, k)
        name = tuple(run[k:])
        own = [t for t in name if t.low not in CONNECT]
        if any(_bare(t) in asked or t.stem in asked for t in own):
            continue  # a name the question already gives
        if any(t.low[:1].isdigit() for t in own):
            continue
        out.append(Named(first, last, tuple(run[:k]), name))
    return out


def _role_title(run: Sequence[Tok], k: int) -> int:
    """Where the name starts after a capitalised role title ending in a role word ("Finance
    Director", "Deputy Chief Constable"), when two words of a name or more follow it."""
    for r in range(len(run) - 3, k - 1, -1):  # two tokens at least after the role word
        rest = [t for t in run[r + 1 :] if t.low not in CONNECT]
        ends = _bare(run[r]) in ROLE_ENDS and run[r + 1].low not in CONNECT
        if ends and len(rest) >= 2 and not any(t.low in CONNECT for t in run[k : r + 1]):
            return r + 1
    return k


def person_like(n: Named) -> bool:
    """Two words or more of its own, none a month, headed by no place or organisation word."""
    own = [t for t in n.name if t.low not in CONNECT]
    if len(own) < 2 or any(t.low in MONTHS for t in own):
        return False
    head = next((n.name[k - 1] for k, t in enumerate(n.name) if k and t.low in CONNECT), own[-1])
    return _bare(head) not in ORG_HEADS


def _lone(n: Named, common: Callable[[str], bool] | None) -> bool:
    """A one-word name ("his half-brother Harthacnut"): a person only when named in the
    role asked about, and never a word the articles also write in lower case."""
    own = [t for t in n.name if t.low not in CONNECT]
    if len(own) != 1 or own[0].low in MONTHS or _bare(own[0]) in ORG_HEADS:
        return False
    return not (common and common(_bare(own[0])))


def people(
    sentence: str, question: str, common: Callable[[str], bool] | None = None
) -> tuple[bool, bool]:
    """(does the sentence name a person the question does not, is one named in the role or
    deed the question asks about): "Who runs the library?" is answered in role by "library
    director Priya Raman"; "Which judge ...?" by "Judge Martin Fairclough"; "Who directed
    it?" by "directed by Ines Valcourt" or "Ruairí Cole's direction"."""
    found = named(sentence, question, common)
    full = [n for n in found if person_like(n)]
    lone = [n for n in found if _lone(n, common)]
    if not full and not lone:
        return False, False
    toks = tokens(sentence, common)
    asked = _question_words(question)
    leads = bool(asked & _LEADING) or bool(asked & {"head", "leader", "boss", "chief"})
    after_who = re.match(r"\W*who\s+([^\W\d_]+)", question.lower())
    verb = None
    if after_who and after_who.group(1) not in FUNCTION:
        verb = (tokenize(after_who.group(1)) or [after_who.group(1)])[0]

    def in_role(n: Named) -> bool:
        context = _context(sentence, toks, n)
        return any(_relates(t, asked, leads) for t in context) or _deed(sentence, toks, n, verb)

    def lone_role(n: Named) -> bool:
        """A one-word name's role: a title, a lower-case noun right after a determiner
        ("his half-brother Harthacnut", not "to enter Italy" or "the project's GitHub"),
        an apposition after it ("Bohemond, Robert's son") or the question's verb."""
        k = n.first - 1
        role_noun = (
            k >= 1
            and not toks[k].cap
            and not _POSSESSIVE.search(toks[k].low)
            and toks[k - 1].low in _DETERMINERS
            and not sentence[toks[k].end : toks[n.first].start].strip()
        )
        context = [*n.titled, *([toks[k]] if role_noun else []), *_after(sentence, toks, n)]
        return any(_relates(t, asked, leads) for t in context) or _deed(sentence, toks, n, verb)

    role = any(in_role(n) for n in full) or any(lone_role(n) for n in lone)
    return bool(full) or role, role


def _context(sentence: str, toks: Sequence[Tok], n: Named) -> list[Tok]:
    """The words that say who the named person is or what they did: a title in front, the
    words right before the name ("library director", "whose leader,", "Director:", "directed
    by"), an apposition after it (", the project's lead"), what they own ("X's direction")
    and the verb they are the subject of ("X took")."""
    out = list(n.titled)
    k = n.first - 1
    crossed = False  # one comma or colon between a role and its name: "leader, Tom Reyes"
    while k >= 0 and n.first - k <= 3:
        gap = sentence[toks[k].end : toks[k + 1].start].strip()
        if gap in (",", ":") and not crossed and k == n.first - 1:
            crossed = True
        elif gap:
            break
        if toks[k].low in FUNCTION and toks[k].low != "by":
            break
        out.append(toks[k])
        if toks[k].low == "by":  # "directed by X": the deed before the agent
            if k > 0 and not sentence[toks[k - 1].end : toks[k].start].strip():
                out.append(toks[k - 1])
            break
        k -= 1
    return out + _after(sentence, toks, n)


def _after(sentence: str, toks: Sequence[Tok], n: Named) -> list[Tok]:
    """What follows the name: an apposition (", chief executive of ...") or what the name
    owns ("X's direction")."""
    out: list[Tok] = []
    after = sentence[toks[n.last].end : toks[n.last + 1].start] if n.last + 1 < len(toks) else ""
    if n.name[-1].low.endswith(("'s", "’s")):
        out += [t for t in toks[n.last + 1 : n.last + 3] if t.low not in FUNCTION]
    elif after.strip() == ",":
        for m in range(n.last + 1, min(len(toks), n.last + 9)):
            if m > n.last + 1 and sentence[toks[m - 1].end : toks[m].start].strip():
                break  # the apposition ends at the next comma
            opens = m == n.last + 1
            if toks[m].low in FUNCTION and toks[m].low not in _APPOSITION:
                if opens or toks[m].low not in ("and", "or"):
                    break  # ", and ...", ", who ...": another clause, not an apposition
                continue
            if toks[m].low not in FUNCTION:
                out.append(toks[m])
    return out


_DETERMINERS = frozenset("the a an his her its their our my your whose".split())


def _deed(sentence: str, toks: Sequence[Tok], n: Named, verb: str | None) -> bool:
    """The name is the subject of the question's verb ("Who took ...?": "Yusuf Kaleem
    took ..."); only the word right after "who" is read as that verb, not any question
    word ("south Italian churches" answers nothing about a church)."""
    k = n.last + 1
    if verb is None or k >= len(toks) or sentence[toks[n.last].end : toks[k].start].strip():
        return False
    return toks[k].stem == verb


def _relates(t: Tok, asked: frozenset[str], leads: bool) -> bool:
    w, stem = _bare(t), t.stem
    if w in FUNCTION or w in _WH:
        return False
    if w in asked or stem in asked:
        return True
    if leads and (w in LEADER_NOUNS or w in _LEADING):
        return True
    return any(same_family(stem, a) for a in asked)

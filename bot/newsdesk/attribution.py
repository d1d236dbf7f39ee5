"""Who a sentence says a claim comes from: an unnamed source or official, and via which outlet.

News reporting stacks hearsay: "a source told <Outlet>", "an official told Reuters",
"the <Outlet> source said", "according to this insider", "a new report from <Outlet>". A
reader should see whether a cited sentence is the outlet's own report or an unnamed
person's claim, so citations carry the attribution found in the quoted text. Only unnamed
sources, officials, spokespeople and reports count; a named person speaking ("Smith says
…") is left to the quote itself.

Outlets are not looked up in a list: whatever capitalised name a source "told" or a report
came "from" is the outlet, as the text spells it. An initialism ("ET") that spells the
initials of a name the article gave earlier is that name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A capitalised name of one to five words, small joining words allowed inside it.
_NAME = (
    r"(?:[A-Z][\w!&'’.-]*(?:\s+(?:of|the|de|du|&|and)\s+[A-Z][\w!&'’.-]*|\s+[A-Z][\w!&'’.-]*){0,4})"
)
_GENERIC = r"the (?:outlet|magazine|site|publication|paper|newspaper|tabloid|broadcaster|network|agency|station)"
_OUTLET = rf"(?:(?:the|The)\s+(?=[A-Z]))?(?P<outlet>{_NAME}|{_GENERIC})"

_DET = (
    r"(?i:(?:a|an|the|this|that|another|one|a separate|a second|a third|a fourth|two|three"
    r"|several|multiple|other)\s+)"
)
_NOUN = (
    r"(?i:sources?|insiders?|officials?|spokes(?:person|woman|man|people)s?|representatives?"
    r"|reps?|aides?|advisers?|advisors?|people|persons?|witness(?:es)?|employees?|staffers?"
    r"|executives?|diplomats?|analysts?)"
)
_CLOSE = (
    r"(?:\s+(?:close to|near to|familiar with|briefed on|with knowledge of|involved in|inside)"
    r"\s+(?:the\s+|a\s+|an\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?"
)
# Capitalised words that start a sentence rather than name whose source it is.
_NOT_NAME = (
    r"(?:But|And|So|Yet|Now|However|Meanwhile|Still|Other|Some|Many|Most|Two|Several|The|A|An)\b"
)
_SPEAKER = rf"(?P<who>{_DET}?(?:(?!{_NOT_NAME})[A-Z][\w'’-]+\s+){{0,3}}(?:senior\s+|government\s+|company\s+|police\s+)?{_NOUN}{_CLOSE})"
# After the speaker only unambiguous verbs: "comments insiders made" is not an attribution.
_VERB_BEFORE = r"(?i:says|said|adds|added|explains|explained|tells|told|shared|revealed|continued|insisted|claimed)"
_VERB = (
    r"(?i:tells?|told|says?|said|adds?|added|discloses?|disclosed|explains?|explained|shares?|shared"
    r"|comments?|commented|reveals?|revealed|claims?|claimed|notes?|noted|confirms?|confirmed"
    r"|insists?|insisted|continues|continued|warns?|warned|admits?|admitted)"
)
_ADV = r"(?:\s+(?:exclusively|only|also|previously|recently|later|separately))?"

_PATTERNS = [
    # "The <Outlet> source said": the outlet owns the source.
    re.compile(rf"\b(?P<who>(?i:the\s+|a\s+)?(?P<outlet>{_NAME})\s+{_NOUN})\s+{_VERB}\b"),
    # "a source told <Outlet> exclusively", "an official told Reuters", "the insider adds"
    re.compile(rf"(?<![\w'’]){_SPEAKER}{_ADV}\s+{_VERB}{_ADV}(?:\s+{_OUTLET})?"),
    # "says a company source", "adds an insider", "said the source"
    re.compile(rf"\b{_VERB_BEFORE}\s+{_SPEAKER}\b"),
    # "according to this insider", "according to <Outlet>"
    re.compile(rf"\b[Aa]ccording to\s+(?:{_SPEAKER}|{_OUTLET})"),
    # "a new report from <Outlet> indicates"
    re.compile(
        rf"\b(?P<who>(?:a|an|the)\s+(?:new\s+|recent\s+|separate\s+|earlier\s+)?report)\s+(?:from|by|in)\s+{_OUTLET}"
    ),
]
# Outlets named anywhere earlier: who "the outlet" and an initialism refer back to.
_NAMED_OUTLET = re.compile(
    rf"\b(?:told|tells|report (?:from|by|in)|according to|issue of|reported by|(?i:the)\s+(?={_NAME}\s+{_NOUN}))\s+(?P<outlet>{_NAME})"
)


@dataclass(frozen=True)
class Attribution:
    who: str | None  # "an insider", "a company source"; None for an outlet's own report
    outlet: str | None  # the outlet the claim was told to or reported by, when named
    phrase: str  # the words that attribute, verbatim

    @property
    def anonymous(self) -> bool:
        return self.who is not None and "report" not in self.who

    @property
    def label(self) -> str:
        if not self.anonymous:
            return f"report by {self.outlet}" if self.outlet else "a report"
        who = f"{self.who} (unnamed)"
        return f"{who}, via {self.outlet}" if self.outlet else who


def find_attribution(
    text: str, before: str = "", own_outlet: str | None = None
) -> Attribution | None:
    """The first attribution in `text`, or None.

    `before` is the article text preceding it: "a source tells the outlet" names the
    outlet last mentioned there. `own_outlet` resolves "told us".
    """
    found: list[tuple[int, re.Match[str]]] = []
    for index, pattern in enumerate(_PATTERNS):
        for m in pattern.finditer(text):
            if _speaker_ok(m, index):
                found.append((m.start(), m))
                break
    if not found:
        return None
    m = min(found, key=lambda pair: pair[0])[1]
    groups = m.groupdict()
    who = _tidy(groups.get("who"))
    outlet = _outlet_name(groups.get("outlet"), before + text[: m.start()], own_outlet)
    if who and outlet and who.lower().startswith(("the " + outlet.lower(), outlet.lower())):
        who = "a source" if "source" in who.lower() else "an insider"
    return Attribution(who=who, outlet=outlet, phrase=m.group(0).rstrip())


def _speaker_ok(m: re.Match[str], index: int) -> bool:
    """A bare "people said" is too vague to be a source. Where only the name's position says
    it is an outlet ("the <Name> source said", "according to <Name>"), it must look like
    one: an initialism, a nameplate word at its end ("… Mail", "… Times"), or "Magazine"."""
    who = (m.groupdict().get("who") or "").strip()
    if who and re.fullmatch(r"(?i:people|persons?)", who):
        return False
    outlet = m.groupdict().get("outlet")
    if index in (0, 3) and outlet and not re.fullmatch(_GENERIC, outlet, re.I):
        return outlet_shaped(outlet)
    return bool(who) or bool(outlet)


def outlet_shaped(name: str) -> bool:
    # Imported here: the nameplate words live with the page-reading rules, whose regexes
    # cost an answer's start-up 50 ms; most answers never ask whether a name is an outlet.
    from index.outlets import NAMEPLATE

    last = name.split()[-1]
    return bool(re.fullmatch(r"[A-Z]{2,6}!?", last)) or last.lower() in NAMEPLATE


def _outlet_name(raw: str | None, before: str, own: str | None) -> str | None:
    if not raw:
        return None
    raw = raw.strip().rstrip(".,")
    if re.fullmatch(_GENERIC, raw, re.I):
        named = [m.group("outlet") for m in _NAMED_OUTLET.finditer(before)]
        return _expand(named[-1], before) if named else own
    return _expand(raw, before)


def _expand(name: str, before: str) -> str:
    """ "NT" after "National Tribune" was named: the initialism is that name."""
    if not re.fullmatch(r"[A-Z]{2,5}", name):
        return name
    for m in re.finditer(_NAME, before):
        words = [w for w in m.group(0).split() if w[0].isupper()]
        if len(words) == len(name) and "".join(w[0] for w in words) == name:
            return m.group(0)
    return name


def _tidy(who: str | None) -> str | None:
    if not who:
        return None
    who = " ".join(who.split())
    first = who.split()[0].lower()
    if first in _DETERMINERS or re.match(_NOUN, first):
        return who[0].lower() + who[1:]
    return who


_DETERMINERS = {
    "a",
    "an",
    "the",
    "this",
    "that",
    "another",
    "one",
    "two",
    "three",
    "several",
    "multiple",
    "other",
}

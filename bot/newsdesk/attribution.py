"""Who a sentence says a claim comes from: an anonymous source or insider, and via which outlet.

Gossip reporting stacks hearsay: "a source tells In Touch", "an insider told PEOPLE
Magazine", "The Daily Mail source said", "according to this insider". A reader should see
whether a cited sentence is the outlet's own report or an unnamed person's claim, so
citations carry the attribution found in the quoted text. Only sources, insiders and
reports count; a named person speaking ("West says …") is left to the quote itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.outlets import KNOWN_SITES

# Outlet names as prose spells them; the aliases are how articles cite each other.
_ALIASES = {
    "ET": "Entertainment Tonight",
    "People": "PEOPLE",
    "The Daily Mail": "Daily Mail",
    "Us": "Us Weekly",
}
_NAMES = sorted({*KNOWN_SITES.values(), *(k for k in _ALIASES if k != "Us")}, key=len, reverse=True)
_OUTLET = (
    r"(?P<outlet>(?:"
    + "|".join(re.escape(n) for n in _NAMES)
    + r")(?: Magazine)?|the (?:outlet|magazine|site|publication|paper|tabloid))"
)
_OUTLET_NAME = re.compile(r"(?:" + "|".join(re.escape(n) for n in _NAMES) + r")(?: Magazine)?")

_DET = r"(?i:(?:a|an|the|this|that|another|one|a separate|a second|a third|a fourth|one|two|several|multiple)\s+)"
_NOUN = r"(?i:sources?|insiders?|family friends?|friends? of the couple|pals?|spokesperson|rep)"
_CLOSE = r"(?:\s+(?:close to|near to|familiar with)\s+(?:the\s+)?[\w'’-]+(?:\s+(?:family|couple|star|situation))?)?"
# Capitalised words that start a sentence rather than name whose source it is.
_NOT_NAME = r"(?:But|And|So|Yet|Now|However|Meanwhile|Still|Other|Some|Many|Most|Two|Several)\b"
_SPEAKER = rf"(?P<who>{_DET}?(?:(?!{_NOT_NAME})[A-Z][\w'’-]+\s+)?{_NOUN}{_CLOSE})"
# After the speaker only unambiguous verbs: "comments insiders made" is not an attribution.
_VERB_BEFORE = r"(?i:says|said|adds|added|explains|explained|tells|told|shared|revealed|continued|insisted|claimed|dished)"
_VERB = (
    r"(?i:tells?|told|says?|said|adds?|added|discloses?|disclosed|explains?|explained|shares?|shared"
    r"|comments?|commented|reveals?|revealed|claims?|claimed|notes?|noted|confirms?|confirmed"
    r"|insists?|insisted|continues|continued|dishes|dished|spills|spilled)"
)
_ADV = r"(?:\s+(?:exclusively|only|also|previously|recently|later))?"

_PATTERNS = [
    # "The Daily Mail source said": the outlet owns the source.
    re.compile(rf"\b(?P<who>(?i:the\s+|a\s+)?{_OUTLET}\s+{_NOUN})\s+{_VERB}\b"),
    # "a source tells In Touch exclusively", "an insider told PEOPLE Magazine", "the insider adds"
    re.compile(rf"(?<![\w'’]){_SPEAKER}{_ADV}\s+{_VERB}{_ADV}(?:\s+{_OUTLET})?\b"),
    # "says a Kardashian source", "adds an insider", "said the source"
    re.compile(rf"\b{_VERB_BEFORE}\s+{_SPEAKER}\b"),
    # "according to this insider", "according to PEOPLE"
    re.compile(rf"\b[Aa]ccording to\s+(?:{_SPEAKER}|{_OUTLET})"),
    # "a new report from Entertainment Tonight indicates"
    re.compile(
        rf"\b(?P<who>(?:a|an|the)\s+(?:new\s+|recent\s+|separate\s+)?report)\s+(?:from|by|in)\s+{_OUTLET}"
    ),
]


@dataclass(frozen=True)
class Attribution:
    who: str | None  # "an insider", "a Kardashian source"; None for an outlet's own report
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
    for pattern in _PATTERNS:
        if m := pattern.search(text):
            found.append((m.start(), m))
    if not found:
        return None
    m = min(found, key=lambda pair: pair[0])[1]
    groups = m.groupdict()
    who = _tidy(groups.get("who"))
    outlet = _outlet_name(groups.get("outlet"), before + text[: m.start()], own_outlet)
    if who and outlet and who.lower().startswith(("the " + outlet.lower(), outlet.lower())):
        who = "a source" if "source" in who.lower() else "an insider"
    return Attribution(who=who, outlet=outlet, phrase=m.group(0))


def _outlet_name(raw: str | None, before: str, own: str | None) -> str | None:
    if not raw:
        return None
    if raw.lower().startswith("the ") and not _OUTLET_NAME.fullmatch(raw):
        # "the outlet": whichever outlet the text named last.
        named = _OUTLET_NAME.findall(before)
        return _canonical(named[-1]) if named else own
    return _canonical(raw)


def _canonical(name: str) -> str:
    return _ALIASES.get(name.removesuffix(" Magazine"), name)


def _tidy(who: str | None) -> str | None:
    if not who:
        return None
    who = " ".join(who.split())
    first = who.split()[0].lower()
    if first in _DETERMINERS or first.startswith(("source", "insider")):
        return who[0].lower() + who[1:]
    return who


_DETERMINERS = {"a", "an", "the", "this", "that", "another", "one", "two", "several", "multiple"}

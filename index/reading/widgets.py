"""Page widgets a scrape leaves as lines of text, in the shapes any site gives them.

- a prompt with its buttons: "Turn on breaking news alerts? [Yes please] [Not now]" — a
  scrape keeps a button's label in brackets; two of them (or one that is a control of the
  page, "[Subscribe]") end a prompt to the reader, never a sentence of a story;
- a line of nothing but buttons ("[ DONATE NOW ]", "[Play episode] [Download MP3]");
- a newsletter sign-up in any language ("Inscrivez-vous à notre newsletter", "Jetzt
  anmelden!"): the word newsletter with a sign-up verb;
- a note that the story is old: "This article is more than 5 years old";
- a licence footer: "Text is available under the Creative Commons … License";
- a table of contents: "Contents" over numbered items that are the page's own subheads.
A wiki's "History [edit]" is a subhead with one link, not a prompt, and stays.
"""

from __future__ import annotations

import re

from . import lines as L

# A button's label in brackets: a few words, no digits (a "[1]" is a footnote mark), no colon
# (an "[Image: …]" is a caption).
_BUTTONS = re.compile(r"(?:\s*\[[^\[\]\d:]{1,30}\])+\s*$")
_BUTTON = re.compile(r"\[([^\[\]]+)\]")
_CONTROL = re.compile(
    r"^(?:ok|okay|got it|accept|accept all|agree|i agree|close|dismiss|subscribe|sign up|sign in"
    r"|log in|register|continue|allow|allow all|reject|reject all|settings|manage settings|"
    r"alle akzeptieren|akzeptieren|j['’]accepte|accepter|aceptar|acepto)$",
    re.I,
)
_NEWSLETTER = re.compile(r"\b(?:newsletters?|infolettre|boletín)\b", re.I)
_SIGN_UP = re.compile(
    r"\b(?:sign up|subscribe|register|join|get it|anmelden|abonnieren|registrieren|inscrivez-vous"
    r"|abonnez-vous|s['’]inscrire|suscr[ií]bete|reg[ií]strate|iscriviti)\b",
    re.I,
)
_LICENCE = re.compile(
    r"^(?:the )?(?:text|content|all content|this (?:work|page|article|text))\b.{0,30}?"
    r"\b(?:is |are )?(?:available|licensed|published|released) under\b.{0,80}\blicen[cs]e",
    re.I,
)
_CONTENTS_LABEL = re.compile(
    r"^(?:contents|table of contents|on this page|in this article|inhalt|inhaltsverzeichnis"
    r"|sommaire|table des matières|contenido|índice|indice)$",
    re.I,
)
_NUMBERED = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?P<item>\S.{0,60})$")
# A site's note that a story is old: "This article is more than 5 years old", "This story
# was published over two years ago".
_ARCHIVED = re.compile(
    r"^(?:this|the) (?:article|story|page|post|content|report) (?:is|was (?:first )?published)"
    r" (?:more than|over|at least|almost|nearly) [\w-]+ (?:years?|months?)(?: old| ago)\.?$",
    re.I,
)
_EDIT_LINK = re.compile(r"\s*\[[^\[\]]{1,20}\]\s*$")


def widget_reason(line: str) -> str | None:
    """Why a single line is one of a page's widgets, or None."""
    if L.units(line) <= 40 and (m := _BUTTONS.search(line)):
        labels = _BUTTON.findall(m.group(0))
        if m.start() == 0:
            return "buttons"  # "[ DONATE NOW ]", "[Play] [Download]": nothing but controls
        if len(labels) >= 2 or _CONTROL.match(labels[0].strip()):
            return "prompt with buttons"
    if _ARCHIVED.match(line):
        return "archive notice"
    if L.units(line) <= 30 and _NEWSLETTER.search(line) and _SIGN_UP.search(line):
        return "call to action"
    if L.units(line) <= 40 and _LICENCE.match(line):
        return "licence"
    return None


def table_of_contents(body: list[str]) -> set[int]:
    """The lines of a table of contents: a "Contents" label, then three or more numbered
    items each of which opens a later line of the page (its subhead, edit link aside)."""
    out: set[int] = set()
    heads = {L.squash(_EDIT_LINK.sub("", x)) for x in body if L.units(x) <= 8}
    for i, line in enumerate(body):
        if not _CONTENTS_LABEL.match(line.strip(" :")):
            continue
        items = []
        for k in range(i + 1, len(body)):
            m = _NUMBERED.match(body[k])
            if not m or L.squash(m.group("item")) not in heads - {""}:
                break
            items.append(k)
        if len(items) >= 3:
            out |= {i, *items}
    return out

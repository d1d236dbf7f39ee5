"""Site chrome in an article's body: what a page wraps around every story, never the story.

Each rule is a signal any site shows: a line repeated across the corpus or inside one page,
a menu, a share/subscribe/comment prompt, a copyright line, an advertisement slot, a
"Related:" or "Read more:" teaser and the list of links under it, a photo caption with its
credit, the tags under a post. Everything else is kept: a one-word reply ("No."), a short
quote, a subhead, a list item. Each dropped line is returned with its reason so an
operator can check what cleaning took (`citebot sources ID`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from . import bylines as B
from . import lines as L
from . import sitelines as S
from .tail import is_box_label, read_tail
from .widgets import table_of_contents, widget_reason

# A whole short line that is a control or a prompt of the page, not a sentence about news.
_PROMPT = re.compile(
    r"^(?:(?:(?:skip|jump) to (?:main )?(?:content|navigation|search)\s*)+|main menu|skip advertisement|advertisement|advertising|supported by"
    r"|advertisement feature|sponsored(?: content)?|ad"
    r"|share(?: this)?(?: article| story| post| page)?|share on \w+|print(?: this)?(?: article)?"
    r"|e-?mail(?: this)?(?: article)?|save(?: article)?|comments?|\d+\s+(?:comments?|replies|responses)"
    r"|leave a (?:reply|comment)|post a comment|add a comment|reply|menu|search|sign in|log in|login"
    r"|register|subscribe(?: now)?|close|back to top|top of page"
    r"|(?:show|load) more|view comments|listen to this article|\d+ min(?:ute)?s? read"
    r"|(?:(?:updated|published|posted) )?\d+ (?:seconds?|minutes?|hours?|days?|weeks?) ago"
    r"|for immediate release|press release"
    r"|cookie settings|accept(?: all)?(?: cookies)?|publicidad|anuncio|compartir|广告|分享)"
    r"[\s.:!]*$",
    re.I,
)
# A call to action: an imperative to the reader about the site itself.
_CALL = re.compile(
    r"^(?:get|sign up|subscribe|join|follow|download|click|tap|share|save|like us|register|support"
    r"|become a (?:member|subscriber)|don't miss|never miss|want more|sign in)\b",
    re.I,
)
_CALL_OBJECT = re.compile(
    r"\b(?:our|your|us|newsletters?|inbox|app|alerts?|updates|free trial|subscription|reading list"
    r"|on (?:x|twitter"
    r"|facebook|instagram|tiktok|youtube|whatsapp|telegram))\b",
    re.I,
)
# A teaser label: what follows (on the line or as a list under it) is another story.
_TEASER = re.compile(
    r"^(?:related(?: coverage| stories| articles| content| posts| reading| links| topics)?|read more|read next"
    r"|read also|also read|see also|more from [^:]{1,30}|more on this(?: story)?|more stories"
    r"|most (?:read|popular|viewed|shared)|recommended(?: for you)?|trending(?: now)?|popular(?: now)?"
    r"|recent posts|latest(?: news| stories)?|you (?:may|might) also like|further reading"
    r"|check also|up next|watch|listen|previous post|next post|lee también|leer más"
    r"|te puede interesar|à lire aussi|lire aussi|sur le même sujet|mehr zum thema|weitere artikel(?: zum thema)?"
    r"|das könnte sie auch interessieren|相关阅读|相关新闻|延伸阅读)"
    # "Most read in Health", "Latest from Sport": a section may follow the label
    r"(?:\s+(?:in|on|from)\s+[^:：]{1,30}?)?"
    r"\s*(?:[:：»›]\s*(?P<rest>.*))?$",
    re.I,
)
_COMMENTS = re.compile(
    r"^(?:leave a (?:reply|comment)|post a comment|add a comment"
    r"|\d+ (?:replies|responses)|(?:\d+ )?(?:comments?|commentaires|comentarios|kommentare)(?: \(\d+\))?"
    r"|join the (?:conversation|discussion)|deja un comentario|laisser un commentaire|评论)[\s.:!]*$",
    re.I,
)
_ARROW_LINK = re.compile(
    r"^(?:[←→«»‹›<>]\s*)?(?:previous|next|older|newer)(?: post| article| story)?\s*[:：]", re.I
)
_TAGS = re.compile(
    r"^(?:tags?|tagged|filed under|categories|category|topics?|labels?|posted in|keywords|etiquetas"
    r"|temas|标签|关键词)\s*[:：]",
    re.I,
)
# A caption: a picture's label with its credit.
_CAPTION = re.compile(
    r"^\[?(?:photo|photograph|picture|image|illustration|video|caption|pictured|file photo|gallery"
    r"|foto|imagen|图|图片|照片)\s*[:：]"
    r"|\b(?:photo|photograph|picture|image|illustration)(?:\s+credit)?\s*[:：]\s*\S.{0,60}$"
    r"|^(?:image|photo|picture|video) (?:source|caption|copyright|credit)s?\b"
    r"|\((?:photo|image|picture)?\s*(?:credit\s*:?\s*)?(?:getty(?: images)?|ap(?: photo)?|afp|reuters"
    r"|epa|pa(?: media| wire)?|shutterstock|alamy|istock)[^)]*\)\s*$"
    r"|^credit\s*[:：]",
    re.I,
)
# A metered paywall's prompt: a count of free articles, an offer of unlimited access.
_PAYWALL = re.compile(
    r"\byou(?:['’]ve| have) (?:\d+|one|two|three|four|five) free (?:articles?|stories|reads)"
    r"|\bfree (?:articles?|stories) (?:left|remaining)\b|^subscribe (?:now )?for unlimited\b"
    r"|\bfor unlimited (?:digital )?access\b.{0,40}$|^already a subscriber\?",
    re.I,
)
# A print plug or a house ad for the publication.
_PLUG = re.compile(
    r"\bpick up (?:the|this week's|a copy of the) (?:new |latest )?issue of\b|\bon (?:news)?stands now\b",
    re.I,
)
# "Reporting by A; Editing by B": the credits under a wire story.
_CREDITS = re.compile(
    r"^\(?(?:reporting|writing|additional reporting|editing|edited|compiled|translated) by\b"
    r"|^[(（]\s*(?:编辑|责任编辑|责编|记者|edición|redacción)\s*[:：]",
    re.I,
)
# A cookie-consent banner: the site asking leave to store cookies, with its buttons. It speaks
# of the site itself ("we use", "this site uses", "by continuing to browse"), which a story
# about cookies quotes only inside a sentence of its own.
_CONSENT = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site|our partners) (?:uses?|and our partners use) cookies\b"
    r"|\bcookies?\b.{0,120}\b(?:by continuing to (?:browse|use)|you (?:agree|consent) to|accept all"
    r"|manage (?:preferences|cookies|settings)|cookie (?:policy|settings))\b"
    r"|\b(?:nous utilisons|wir verwenden|utilizamos|usamos|utilizziamo) (?:des |)cookies\b",
    re.I,
)
# "News provided by <Company>": a wire service's line naming who issued the release it carries
_PROVIDED = re.compile(
    r"^(?:(?:news|content|story|article|information|press release|release)\s+)?"
    r"(?:is\s+)?(?:provided|supplied|distributed)\s+by\s+(?P<name>.+?)"
    r"(?:,?\s+(?:inc|ltd|llc|plc|corp|co|gmbh|ag|s\.?a)\.?)?$",
    re.I,
)
_ABOUT = re.compile(r"^about\s+(?P<name>\S.{0,40})$", re.I)
_PRONOUNS = {"us", "me", "him", "her", "them", "you", "this", "the author", "the site"}
_FULL_STOP = re.compile(r"[.。]['\"”’»)\]）」]*\s*$")
# "More obituaries", "More from Sport": a teaser label when a list of links follows it.
_MORE = re.compile(r"^more(?:\s+[^\W\d_][\w'’&-]*){1,3}\s*:?$", re.I)
_BULLET = re.compile(r"^(?:[-*•·–]\s|\d{1,2}[.)]\s)")


SHARED = "repeated across the corpus"  # the reason for a corpus-wide boilerplate line


@dataclass(frozen=True)
class Dropped:
    line: str
    reason: str


@dataclass
class BodyResult:
    kept: list[str]
    dropped: list[Dropped]
    outlets: list[tuple[str, str]]  # (evidence kind, name), strongest kinds first
    authors: list[str]
    copyright_years: list[int]
    urls: list[str]  # the page's address printed in the body (scrapes often end with it)


def chrome_reason(line: str) -> str | None:
    """Why a single line is chrome on any site, or None."""
    if _PROMPT.match(line):
        return "page control"
    if L.units(line) <= 20 and _CALL.match(line) and _CALL_OBJECT.search(line):
        return "call to action"
    if _TAGS.match(line) or _ARROW_LINK.match(line):
        return "tags or post navigation"
    if L.units(line) <= 40 and _CAPTION.search(line):
        return "photo caption"
    if L.menu_items(line) and len(L.menu_items(line) or []) >= 3:
        return "navigation"
    if _CREDITS.match(line):
        return "credits"
    if L.units(line) <= 12 and (m := _PROVIDED.match(line)) and L.is_name(m.group("name"), 8):
        return "issuer's credit"
    if L.units(line) <= 30 and _PAYWALL.search(line):
        return "paywall prompt"
    if L.units(line) <= 80 and _CONSENT.search(line):
        return "cookie notice"
    return widget_reason(line)


def clean_body(
    body: list[str], shared: frozenset[str] = frozenset(), author: str | None = None
) -> BodyResult:
    """Split body lines into article text and chrome. `shared` holds the short lines that
    appear in more than one article of the corpus (a site's boilerplate); `author` is the
    writer the head names, if it does."""
    res = BodyResult([], [], [], [], [], [])
    counts = Counter(line for line in body if not L.ends_sentence(line))
    reasons: list[str | None] = []
    in_teaser = False
    seen: set[str] = set()
    for i, line in enumerate(body):
        reason = _harvest(line, res)
        if reason is None:
            if m := _TEASER.match(line):
                reason = "teaser"
                in_teaser = not (m.group("rest") or "").strip()
            elif _MORE.match(line) and i + 1 < len(body) and _BULLET.match(body[i + 1]):
                reason, in_teaser = "teaser", True  # "More obituaries" over a list of links
            elif in_teaser and _teaser_item(line) and not is_box_label(line):
                reason = "teaser"  # the list of links under a teaser label
            else:
                in_teaser = False
        reason = reason or chrome_reason(line)
        if reason is None and counts[line] > 1:
            reason = "repeated in this article"
        if reason is None and line in shared:
            reason = SHARED
        if reason is None and line in seen:
            reason = "duplicate"
        seen.add(line)
        reasons.append(reason)
    # A comment section, once it opens in the last third of the page, runs to its end.
    opened = next(
        (i for i, x in enumerate(body) if 3 * i >= 2 * len(body) and _COMMENTS.match(x)), None
    )
    if opened is not None:
        reasons[opened:] = [r or "comments" for r in reasons[opened:]]
    # A wire story's credits ("Reporting by A; Editing by B") close it: when no paragraph
    # follows them, the short lines after them are the agency's notes and links (a bracketed
    # "($1 = 0.79 pounds)" is the story's own note and stays).
    closed = max((i for i, r in enumerate(reasons) if r == "credits"), default=-1)
    after = [i for i in range(closed + 1, len(body)) if reasons[i] is None]
    floor = -1  # what stands above the credits is the story's, however short
    if 2 * closed >= len(body) > 0 and not any(L.is_prose(body[i]) for i in after):
        floor = closed
        for i in range(closed + 1, len(body)):
            short = L.units(body[i]) <= 12 and not body[i].startswith("(")
            reasons[i] = reasons[i] or ("below the story" if short else None)
    for i in table_of_contents(body):
        reasons[i] = reasons[i] or "table of contents"
    # Below the story's last sentence: author boxes, image tags, link labels.
    last = max(_last_sentence(body, reasons), floor)
    tail = read_tail(body, reasons, last, author)
    for i, why in tail.reasons.items():
        reasons[i] = why
    if tail.author:
        res.authors.append(tail.author)
    res.outlets += tail.outlets
    last = max(_last_sentence(body, reasons), floor)
    for i, line in enumerate(body):
        if reasons[i] is None and i > last and (name := _author_box(line)):
            res.authors.append(name)
            reasons[i] = "author box"
        if reasons[i] is None and i > last and (name := L.source_label(line)):
            res.outlets.append(("source", name))  # "Source: <Outlet> and agencies" under it
            reasons[i] = "site name"
        if reasons[i] is None and i > last and not _BULLET.match(line) and L.units(line) <= 10:
            reasons[i] = "below the story"
        if reasons[i]:
            res.dropped.append(Dropped(line, reasons[i] or ""))
        else:
            res.kept.append(line)
    return res


def _last_sentence(body: list[str], reasons: list[str | None]) -> int:
    found = (i for i, r in enumerate(reasons) if r is None and L.ends_sentence(body[i]))
    return max(found, default=-1)


def _teaser_item(line: str) -> bool:
    """A linked headline (no full stop at its end) or a snippet cut off with an ellipsis;
    a sentence that ends with a full stop is the story going on."""
    if line.endswith(("…", "...")):
        return True
    return L.units(line) <= 20 and not _FULL_STOP.search(line)


def _author_box(line: str) -> str | None:
    """ "About <Name>": the box under a post that introduces its writer."""
    m = _ABOUT.match(line)
    if m and L.is_name(m.group("name"), 4) and m.group("name").lower() not in _PRONOUNS:
        return m.group("name")
    return None


def _harvest(line: str, res: BodyResult) -> str | None:
    """Lines that carry metadata: dropped from the text, remembered as evidence."""
    if L.is_url(line):
        res.urls.append(L.url_of(line))
        return "address"
    if (held := L.copyright_holder(line)) is not None:
        holder, year = held
        if holder:
            res.outlets.append((S.copyright_kind(line), holder))
        if year:
            res.copyright_years.append(year)
        return "copyright"
    if name := L.logo_name(line):
        res.outlets.append(("logo", name))
        return "logo"
    if _PLUG.search(line) and L.units(line) <= 25:
        return "print plug"
    if _CREDITS.match(line):
        m = re.match(r"^\(?reporting by\s+([^;()]+)", line, re.I) or re.match(
            r"^compiled by\s+([^;()]+)$", line, re.I
        )
        # "Reporting by A and B in <Place>": the reporters, and where they reported from;
        # "Compiled by A" alone on its line: a roundup's writer
        where = re.sub(r"\s+(?:in|from|at)\s+[A-Z][^,]*$", "", m.group(1).strip()) if m else ""
        if names := B.names_of(where):
            res.authors.append(names)
        return "credits"
    return None

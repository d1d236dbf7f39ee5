"""Lines in which a site names or describes itself, not the story.

Every site prints the same few shapes around its stories, whatever it is called:
- a reference site's strapline under the article's title: "From <Site>, the free
  encyclopedia" (and the same in other languages): the title is the line above it, the
  outlet is <Site>;
- its name with the section it files the page under: "<Site> | <Section>",
  "<Site> › <Section>", "<Section> | <Site>";
- its name with its slogan: "<Site> — <a phrase that names nothing>";
- a slogan on its own: words about the site or its readers ("news", "stories", "your",
  "since") that name no one and nothing in the story;
- a call to action or a colophon that names it: "Subscribe to <Site>", "Sign up for the
  <Site> newsletter", "Support <Site>", "Thank you for reading <Site>", "<Site> is part of
  <Group>", "<Site> is published by <Company>".
Each recogniser reads one line and returns the site's name (or True for a bare slogan).
"""

from __future__ import annotations

import re

from . import lines as L

# Words newspapers and magazines are named with: the last word of most mastheads.
NAMEPLATE = frozenset((
    "herald", "times", "post", "tribune", "gazette", "courier", "chronicle", "observer",
    "ledger", "review", "news", "journal", "standard", "star", "mirror", "express",
    "telegraph", "guardian", "independent", "record", "echo", "argus", "sentinel",
    "examiner", "inquirer", "bulletin", "dispatch", "advertiser", "press", "mail", "sun",
    "register", "monitor", "wire", "daily", "weekly", "magazine", "report", "reporter",
    "today", "digest", "sport", "sports", "live", "online", "tonight", "network", "radio",
    "television", "tv", "agency", "quarterly", "monthly",
))  # fmt: skip
# Labels a site files a page under ("Local News", "Arts & Culture", "Home"), in the
# languages the stopword lists cover.
SECTIONS = frozenset({
    "home", "news", "sport", "sports", "business", "politics", "world", "local", "opinion",
    "science", "technology", "tech", "culture", "lifestyle", "entertainment", "health",
    "weather", "travel", "markets", "money", "education", "features", "latest", "video",
    "live", "uk", "us", "national", "international", "economy", "arts", "life", "blog",
    "newsroom", "press", "press releases", "press room", "media", "media centre", "media center",
    "startseite", "accueil", "inicio", "portada", "início", "home page", "homepage", "главная",
    "首页", "ホーム", "hjem", "hem", "anasayfa",
})  # fmt: skip
HOME = frozenset({
    "home", "startseite", "accueil", "inicio", "portada", "início", "home page", "homepage",
    "главная", "首页", "ホーム", "hjem", "hem", "anasayfa",
})  # fmt: skip
_SECTION_GLUE = {"and", "&", "the", "breaking", "top", "more", "all", "regional", "city"}
# The words of a reference work's description of itself, in the languages covered.
_REFERENCE_WORK = re.compile(
    r"encyclop|enzyklop|enciclop|encyklop|dictionar|dictionnaire|wörterbuch|diccionario|"
    r"dizionario|travel guide|reiseführer|knowledge base|wiki\b|百科",
    re.I,
)
_REFERENCE = re.compile(
    r"^(?:from|aus|de|da|van|fra|från|z|uit)\s+(?P<site>[^,，]{2,40})[,，]\s*(?P<what>.{3,60})$"
    r"|^(?P<bare>[^,，]{2,40})[,，]\s*(?P<what2>(?:l['’]|la |el |a |the |自由的).{2,50})$",
    re.I,
)
# A capitalised run: a site's name as it is written in a sentence ("The Example Post"). A
# full stop ends it ("… for The Post. Contact her"); one inside a word does not.
WORD = r"[A-Z0-9][\w'’&!-]*(?:\.[\w'’&-]+)*"
NAME_RUN = rf"(?:[Tt]he\s+)?{WORD}(?:\s+(?:of|and|&|on|{WORD})){{0,5}}"
_NAME = rf"(?P<name>{NAME_RUN})"
_END = r"(?=\s*(?:$|[.,:;!|—–-])|\s+(?:for|today|now|and|to|from|at|on)\b)"
_SELF_NAMING = [
    re.compile(rf"^(?i:subscribe|subscribing) to\s+{_NAME}{_END}"),
    re.compile(
        rf"^(?i:sign up|register|subscribe) (?i:for|to)\s+(?i:the\s+)?{_NAME}\s+(?i:newsletters?)\b"
    ),
    re.compile(
        rf"^(?i:support|donate to|become a member of)\s+{_NAME}"
        r"(?=['’]s\s+(?:\w+\s+)?journalism|\s+today\b|\s*[.!]?$)"
    ),
    re.compile(rf"^(?i:thank you|thanks) for reading\s+{_NAME}{_END}"),
    re.compile(rf"^(?i:follow|like)\s+{_NAME}\s+on\s+[A-Z]"),
    re.compile(
        rf"^{_NAME}\s+is\s+(?:(?:a\s+)?part of|published by|owned by|a member of|operated by|"
        r"brought to you by|a (?:brand|publication|title|division|trading name|product) of)\b"
    ),
    re.compile(
        rf"^{_NAME}\s+is\s+an?\s+(?:[\w-]+\s+){{0,3}}(?:newspaper|magazine|news (?:site|website|"
        r"service|organi[sz]ation|outlet|publication)|newsroom|publication|news agency)\b"
    ),
]
# "Press release — <Organisation>, <Department>": the organisation issues the page (and may
# be named like a person: "University of <Place>").
_ISSUER = re.compile(
    rf"^(?i:press release|news release|media release|communiqué de presse|pressemitteilung"
    rf"|nota de prensa|comunicado de prensa)\s*(?:[—–:|]|-)\s*{_NAME}{_END}"
)
# Words a site's slogan uses about itself or its readers.
_SLOGAN = re.compile(
    r"\b(?:news|stories|journalism|reporting|coverage|voice|your|our|you|since|trusted|"
    r"independent|community|every (?:day|week|morning)|daily|weekly|guide|blog|magazine)\b",
    re.I,
)
_SLOGAN_SEP = re.compile(r"\s+[-–—|:·•]\s+|:\s+")


# The controls a site's header bar puts beside its name: a menu button, search, sign-in,
# subscribe. Two of them on one short line make it the page's bar, not a headline.
_CONTROL = re.compile(
    r"(?<![\w-])(?:menu|menü|☰|≡|search|sign in|sign up|sign out|log ?in|log out|register|subscribe"
    r"|my account|account|e-edition|newsletters?|donate|help|abonnieren|anmelden|suche"
    r"|s['’]abonner|se connecter|rechercher|suscríbete|buscar|iniciar sesión)(?![\w-])",
    re.I,
)


def control_bar(line: str) -> str | None:
    """ "Menu ☰ <Site> Sign in | Subscribe": a header bar. Returns the site's name, "" for a
    bar naming none, None for any other line."""
    if L.units(line) > 14 or L.ends_sentence(line):
        return None
    controls = _CONTROL.findall(line)
    if len(controls) < 2:
        return None
    rest = re.sub(r"\s+", " ", re.sub(r"[|›»•·/\\]+", " ", _CONTROL.sub(" ", line))).strip()
    if not rest:
        return ""
    return rest if L.is_name(rest, 6) and not is_section(rest) else None


def reference_site(line: str) -> str | None:
    """ "From <Site>, the free encyclopedia" -> <Site>: a reference work's strapline."""
    if L.units(line) > 12 or not (m := _REFERENCE.match(line)):
        return None
    site = (m.group("site") or m.group("bare") or "").strip()
    what = m.group("what") or m.group("what2") or ""
    if _REFERENCE_WORK.search(what) and (L.is_name(site, 4) or L.has_cjk(site)):
        return site
    return None


def is_section(item: str) -> bool:
    """ "Local News", "Arts & Culture", "Home": a label a site files pages under."""
    words = item.lower().split()
    return bool(words) and (
        item.lower() in SECTIONS
        or (
            all(w in SECTIONS or w in _SECTION_GLUE for w in words)
            and any(w in SECTIONS for w in words)
        )
    )


def section_run(line: str) -> bool:
    """ "Menu News Health Sports Business Weather": a run of capitalised words, most of them
    section labels, with no small word between them: a menu whose separators were lost."""
    words = re.findall(r"[^\W\d_][\w'’]*", line)
    if len(words) < 4 or not all(w[0].isupper() for w in words):
        return False
    sections = sum(is_section(w) for w in words)
    return sections >= 3 and 2 * sections >= len(words)


def site_and_section(line: str, nameplates: frozenset[str] = NAMEPLATE) -> str | None:
    """ "<Site> | <Section>", "<Site> › <Section>", "<Section> | <Site>": the site's name
    beside the section(s) it files the page under. A person-shaped name ("Wandering Boots")
    counts only when it ends in a word papers are named with ("Daily", "Times"): "A Name |
    Section" is the shape of a byline. A breadcrumb that starts at "Home" names no site."""
    items = L.menu_items(line)
    if not items or len(items) > 4 or items[0].lower() in HOME:
        return None

    def plate(name: str) -> bool:
        return name.split()[-1].lower() in nameplates

    def site(name: str) -> bool:
        return L.is_name(name, 6) and not is_section(name) and not any(c.isdigit() for c in name)

    first, last = items[0], items[-1]
    rest_sections = all(is_section(x) for x in items[1:])
    if site(first) and (plate(first) or (not L.is_person(first) and rest_sections)):
        return first
    if not (site(last) and all(is_section(x) for x in items[:-1])):
        return None
    return last if plate(last) or (len(last.split()) >= 2 and not L.is_person(last)) else None


def site_and_column(line: str) -> str | None:
    """ "<Site> — <Column>": a name ending in a word papers are named with, a dash, and the
    one to three capitalised words of the column or section the page belongs to."""
    parts = re.split(r"\s+[-–—]\s+", line)
    if (
        len(parts) != 2
        or not L.is_name(parts[0], 6)
        or parts[0].split()[-1].lower() not in NAMEPLATE
    ):
        return None
    return parts[0] if L.is_name(parts[1], 3) and not L.is_person(parts[1]) else None


def site_and_slogan(line: str) -> tuple[str, str] | None:
    """ "<Site> — <slogan>": (site, slogan) when the part after the separator is a slogan
    (names nothing, speaks of the site or its readers) at least three words long."""
    parts = _SLOGAN_SEP.split(line, maxsplit=1)
    if len(parts) != 2:
        return None
    site, slogan = parts[0].strip(), parts[1].strip()
    if not L.is_name(site, 6) or site.lower() in SECTIONS or L.units(slogan) < 3:
        return None
    return (site, slogan) if names_nothing(slogan) and _SLOGAN.search(slogan) else None


def site_and_tagline(line: str) -> tuple[str, str] | None:
    """ "<Site> — <a lowercase phrase>": a blog's name with its tagline ("… a small garden in
    a wet valley"), which need not speak of the site. The shape of a headline too ("Brexit —
    a deal in the balance"), so callers take it as the site's only above a headline that
    shares more with the story."""
    parts = re.split(r"\s+[-–—|·•~]\s+", line, maxsplit=1)
    if len(parts) != 2:
        return None
    site, tagline = parts[0].strip(), parts[1].strip()
    if not L.is_name(site, 6) or is_section(site) or L.units(tagline) < 3:
        return None
    if not tagline[:1].islower() or L.ends_sentence(tagline) or not names_nothing(tagline):
        return None
    return site, tagline


def names_nothing(text: str) -> bool:
    """No digit and no capitalised word after the first: a slogan, not a story's headline."""
    return not any(c.isdigit() for c in text) and not any(w[:1].isupper() for w in text.split()[1:])


# A site's motto about whom it serves or how old it is: "Serving <Town> since 1911", "Est.
# 1887", "<Town>'s paper since 1902", "Founded in 1850"; its capitals are place names, so
# it need not name nothing as a slogan does.
_MOTTO = re.compile(
    r"^serving\s+\S|\b(?:since|est\.?|established|founded)(?:\s+in)?\s+(?:1[5-9]|20)\d\d$", re.I
)


def is_motto(text: str) -> bool:
    """ "Serving <Town> and <Town> since 1911": a site's words about itself, not a headline."""
    return L.units(text) <= 10 and not L.ends_sentence(text) and bool(_MOTTO.search(text))


def is_slogan(text: str) -> bool:
    """A line that names nothing and speaks of the site or its readers."""
    return names_nothing(text) and bool(_SLOGAN.search(text)) and not L.ends_sentence(text)


def self_named(line: str) -> str | None:
    """The site named by a call to action or a colophon ("Subscribe to <Site>", "<Site> is
    part of <Group>"); None for "Subscribe to our newsletter"."""
    if L.units(line) > 30:
        return None
    if (m := _ISSUER.match(line)) and L.is_name(m.group("name"), 8):
        return m.group("name")
    for pattern in _SELF_NAMING:
        if m := pattern.match(line):
            name = re.sub(r"['’]s$", "", m.group("name").strip(" .,!"))
            name = re.sub(r"\s+(?:of|and|&|on|the)$", "", name)
            name = name.removeprefix(
                "the "
            )  # "subscribe to the Post": the article is the sentence's
            if not L.is_name(name, 6) or name.lower() in ("the", "us", "our"):
                continue
            if L.is_person(name) and name.split()[-1].lower() not in NAMEPLATE:
                continue  # "Jane Doe is a member of …": a person, not the site
            return name
    return None


def copyright_kind(line: str) -> str:
    """A copyright line's evidence kind. A company's copyright ("<Place> Newspapers Ltd",
    "<Brand> Publishing") names the publisher, weaker evidence of the publication's name
    than its masthead, unless the company is named after a paper ("<Town> Standard Media
    Ltd"); a bare name's copyright is as strong as any."""
    held = L.copyright_holder(line)
    if held and held[0] and L.copyright_company(line):
        return "copyright" if held[0].split()[-1].lower() in NAMEPLATE else "publisher"
    return "copyright"

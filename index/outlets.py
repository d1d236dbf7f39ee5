"""Naming the outlet: from the URL's site, or from how the text names its own publication."""

from __future__ import annotations

import re
from urllib.parse import urlparse

# Sites whose brand is not simply their domain spelled out.
KNOWN_SITES = {
    "intouchweekly.com": "In Touch",
    "thehollywoodgossip.com": "The Hollywood Gossip",
    "people.com": "PEOPLE",
    "usmagazine.com": "Us Weekly",
    "etonline.com": "Entertainment Tonight",
    "tmz.com": "TMZ",
    "dailymail.co.uk": "Daily Mail",
    "eonline.com": "E! News",
    "pagesix.com": "Page Six",
    "nytimes.com": "The New York Times",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "theguardian.com": "The Guardian",
    "cnn.com": "CNN",
    "lifeandstylemag.com": "Life & Style",
    "okmagazine.com": "OK!",
    "hollywoodlife.com": "HollywoodLife",
}

# "a source tells In Touch exclusively", "exclusively told In Touch", "the new issue of
# In Touch magazine": an exclusive or a print plug names the publisher itself. A plain
# "an insider told PEOPLE" names a cited outlet, so it does not count.
_SELF_NAMING = [
    re.compile(r"\b(?:tells?|told)\s+((?:[A-Z][\w!&'-]*\s?){1,4}?)\s*exclusively\b"),
    re.compile(r"\bexclusively\s+(?:tells?|told)\s+((?:[A-Z][\w!&'-]*\s?){1,4})"),
    re.compile(r"\bissue of\s+((?:[A-Z][\w!&'-]*\s?){1,4}?)\s*magazine\b", re.I),
]


def outlet_from_domain(url: str) -> str | None:
    host = urlparse(url if "//" in url else f"//{url}").hostname or ""
    host = host.removeprefix("www.").lower()
    if not host:
        return None
    for site, name in KNOWN_SITES.items():
        if host == site or host.endswith("." + site):
            return name
    return host


def outlet_from_text(text: str) -> str | None:
    for pattern in _SELF_NAMING:
        if m := pattern.search(text):
            name = m.group(1).strip()
            if name and name[0].isupper():
                return name
    return None

"""Links that open the article at the quoted words: URL text fragments (`#:~:text=`).

A fragment `#:~:text=start,end` makes the browser scroll to and highlight the first range
running from `start` to `end`. A whole long sentence would break on any difference between
our cleaned text and the live page (curly quotes, an edited typo), so the link names a few
words at each end. The directive's own syntax characters ('-', '&', ',') must be
percent-encoded inside the terms, which `urllib.parse.quote` leaves alone for '-'.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote, urldefrag

EDGE_WORDS = (
    4  # words at each end of a long quote: enough to be unique, few enough to survive edits
)
_EXACT_WORDS = 8  # quotes up to this long are linked whole
# Quote marks and brackets at the edges are often typeset differently on the live page.
_EDGE = "\"'“”‘’«»()[]{}…:;,.!?—–-"


def encode_term(text: str) -> str:
    return quote(text, safe="").replace("-", "%2D")


def fragment_terms(quote_text: str, edge_words: int = EDGE_WORDS) -> tuple[str, str | None] | None:
    """(textStart, textEnd) for a quote, or (text, None) when it is short; None if no words."""
    words = [w for w in (_strip(w) for w in quote_text.split()) if w]
    if not words:
        return None
    # Inner punctuation stays (it is on the page); only the outer edges are trimmed.
    raw = quote_text.split()
    first = next(i for i, w in enumerate(raw) if _strip(w))
    last = max(i for i, w in enumerate(raw) if _strip(w))
    raw = raw[first : last + 1]
    raw[0], raw[-1] = raw[0].lstrip(_EDGE), raw[-1].rstrip(_EDGE)
    if len(raw) <= max(_EXACT_WORDS, 2 * edge_words):
        return " ".join(raw), None
    start = " ".join(raw[:edge_words]).rstrip(_EDGE)
    end = " ".join(raw[-edge_words:]).lstrip(_EDGE)
    return start, end


def text_fragment(quote_text: str, edge_words: int = EDGE_WORDS) -> str | None:
    terms = fragment_terms(quote_text, edge_words)
    if terms is None:
        return None
    start, end = terms
    encoded = encode_term(start) + ("," + encode_term(end) if end else "")
    return f":~:text={encoded}"


def quote_link(url: str | None, quote_text: str) -> str | None:
    """The article URL with a fragment that highlights `quote_text`; None without a URL."""
    if not url:
        return None
    fragment = text_fragment(quote_text)
    base, _ = urldefrag(url)
    return f"{base}#{fragment}" if fragment else base


def decode_fragment(link: str) -> tuple[str, str | None]:
    """The (start, end) terms of a `#:~:text=` link, decoded. For tests and debugging."""
    _, frag = urldefrag(link)
    m = re.match(r":~:text=([^&]*)", frag)
    if not m:
        raise ValueError(f"no text fragment in {link!r}")
    parts = m.group(1).split(",")
    terms = [unquote(p) for p in parts if not p.endswith("-") and not p.startswith("-")]
    return terms[0], (terms[1] if len(terms) > 1 else None)


def _strip(word: str) -> str:
    return word.strip(_EDGE)

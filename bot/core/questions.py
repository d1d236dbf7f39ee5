"""Making a user's question safe to search: printable, bounded, not empty."""

from __future__ import annotations

import re
import unicodedata

from index.shared.errors import BadQuestion

_SPACES = re.compile(r"\s+")


def clean_question(question: str, max_chars: int = 2000) -> str:
    """Strip control, format and unpaired surrogate characters; collapse whitespace.

    Raises BadQuestion for an empty or over-long question (the message is for the user).
    """
    if not isinstance(question, str):
        raise BadQuestion("the question must be text")
    if len(question) > max_chars:
        raise BadQuestion(
            f"the question is too long ({len(question):,} characters; the limit is {max_chars:,})"
        )
    kept = []
    for ch in question:
        cat = unicodedata.category(ch)
        if ch.isspace():
            kept.append(" ")
        elif cat in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue  # NUL, RTL marks, zero-width joiners, lone surrogates, unassigned
        else:
            kept.append(ch)
    cleaned = _SPACES.sub(" ", "".join(kept)).strip()
    if not any(ch.isalnum() for ch in cleaned):
        raise BadQuestion("the question is empty: ask something about the articles")
    return cleaned

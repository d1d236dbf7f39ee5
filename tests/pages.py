"""A story written as a page's body, and the reader run on it: what the metadata tests
build their pages around (a head of chrome above, a foot below)."""

from __future__ import annotations

from index.articles import parse_article

HEAD = "Council backs plan to rebuild the town pool"
STORY = [
    "The council voted on Monday to rebuild the old swimming pool on the same site, after a long debate.",
    "Councillors said the new pool would open in the spring of 2025 and cost about £3.8m in total.",
    "The opposition leader said the vote had been rushed and that residents were not consulted.",
]
BODY = "\n\n".join(STORY)


def read(source: str, suffix: str = ".txt"):  # type: ignore[no-untyped-def]
    return parse_article(source.encode(), "t", suffix)


def meta(a) -> tuple[str | None, ...]:  # type: ignore[no-untyped-def]
    return (a.title, a.outlet, a.date, a.author)


def keeps_story(a, paragraphs: list[str] = STORY) -> bool:  # type: ignore[no-untyped-def]
    """Cleaning was lossless: every story paragraph is still in the text."""
    return all(p in a.text.split("\n\n") for p in paragraphs)

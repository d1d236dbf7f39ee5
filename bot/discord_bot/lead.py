"""What goes around an answer's quotes in its embed: the short answer in bold and "As of
<date>:" before them; after a refusal, the closest passage, which does not answer it."""

from __future__ import annotations

from discord.utils import escape_markdown, escape_mentions

from bot.core.compose import CLOSEST
from bot.core.models import Answer


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    text = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return escape_markdown(escape_mentions(text))


def around_quotes(answer: Answer) -> tuple[str, str]:
    """(before, after) the quoted sentences, markdown-escaped."""
    if not answer.answered:
        near = answer.closest
        return "", (f"\n\n*{CLOSEST}*\n> {_cut(near.passage, 700)}" if near else "")
    short = answer.short_answer
    before = f"**{_cut(short.text, 200)}**\n" if short else ""
    return before + (f"As of {_cut(answer.as_of, 40)}: " if answer.as_of else ""), ""

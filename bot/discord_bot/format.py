"""Answers as Discord embeds, always inside Discord's limits. Pure functions, no I/O.

Text is trimmed *before* it is escaped or wrapped in markdown, and the escaped result is
measured again, so a cut never lands inside `**bold**`, a `\\*` escape or a `[link](url)`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass

import discord

from bot.core.models import Answer, Citation, Difference, byline
from bot.discord_bot.lead import around_quotes
from bot.newsdesk.timeline import TimelineEntry, fit_lines
from index.shared.article import Article

# Discord's documented limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
CONTENT_MAX = 2000
TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELDS_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
EMBED_TOTAL_MAX = 6000

ELLIPSIS = "…"
ANSWER_COLOUR = discord.Colour.blurple()
REFUSAL_COLOUR = discord.Colour.light_grey()
SOURCES_PER_PAGE = 10
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s")
_ESCAPES = re.compile(r"\\(.)")
_MIN_FIELD = 160  # a citation field shorter than this is not worth showing

NO_MENTIONS = discord.AllowedMentions.none()


def escape(text: str) -> str:
    """Discord markdown escaped, and mentions defused even if allowed mentions were lost."""
    return discord.utils.escape_markdown(discord.utils.escape_mentions(text))


def trim(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a sentence end, else a word boundary."""
    text = text.strip()
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return ELLIPSIS[:limit] if limit > 0 else ""
    room = limit - len(ELLIPSIS)
    head = text[: room + 1]
    ends = [m.end() for m in _SENTENCE_END.finditer(head) if m.end() <= room + 1]
    if ends and ends[-1] >= room * 0.6:
        return head[: ends[-1]].rstrip()
    cut = head.rfind(" ")
    if cut < room * 0.5:  # one giant word: cut it rather than lose most of the room
        cut = room
    return head[:cut].rstrip(" ,;:-—") + ELLIPSIS


def trim_escaped(text: str, limit: int) -> str:
    """Trim plain text so that its *escaped* form fits in `limit`."""
    budget = limit
    while budget > 0:
        out = escape(trim(text, budget))
        if len(out) <= limit:
            return out
        budget -= max(1, len(out) - limit)
    return ""


def content_safe(text: str) -> str:
    """A plain message body: escaped and within the 2,000-character content limit."""
    return trim_escaped(text, CONTENT_MAX)


def embed_size(embed: discord.Embed) -> int:
    """The characters Discord counts toward the 6,000 limit (same as `len(embed)`)."""
    return len(embed)


def _description(answer: Answer, limit: int) -> str:
    lead, tail = around_quotes(answer)  # the short answer in bold; a refusal's closest passage
    limit -= len(lead) + len(tail)
    # A metadata answer leads with citebot's own sentence ("… was written by …"), which is
    # in the text but not among the verbatim sentences.
    if not answer.sentences or answer.kind == "metadata":
        return lead + trim_escaped(answer.text, limit) + tail
    parts: list[str] = []
    used = 0
    for s in (s for s in answer.sentences if f"{s.text} [{s.n}]" in answer.text):  # shown ones
        sep = 1 if parts else 0
        marker = f" [{s.n}]"
        room = limit - used - sep - len(marker)
        if room < 40:
            break
        text = trim_escaped(s.text, room)
        parts.append(text + marker)
        used += sep + len(text) + len(marker)
        if len(escape(s.text.strip())) > room:
            break  # a trimmed sentence is the last one shown
    return lead + (" ".join(parts) or trim_escaped(answer.text, limit)) + tail


def _link(c: Citation) -> str:
    """The article opened at the quote when that link is known and short, else the article."""
    for url in (c.link, c.url):
        if url and len(url) < 400:
            return f"\n[Read the article]({url})"
    return ""


def _field(c: Citation, limit: int) -> tuple[str, str]:
    name = trim_escaped(f"[{c.n}] {c.title}", min(FIELD_NAME_MAX, max(24, limit // 3)))
    head = f"{escape(byline(c))}\n"
    value_max = min(FIELD_VALUE_MAX, limit - len(name))
    said = trim_escaped(f"attributed to {c.attribution}", 200) if c.attribution else ""
    said = f"\n*{said}*" if said else ""
    link = _link(c)
    room = value_max - len(head) - len(said) - len(link) - 4  # "> “" + "”"
    if room < 20:
        said, link = "", ""
        room = value_max - len(head) - 4
    quote = trim_escaped(c.passage.replace("\n", " "), max(room, 0))
    value = f"{head}> “{quote}”{said}{link}" if quote else head.rstrip()
    return name, value


DIFFER_TITLE = "Sources differ"
_DIFFER_QUOTE = 220  # "short quotes": each side's sentence, trimmed


def differences_value(answer: Answer, limit: int = FIELD_VALUE_MAX) -> str:
    """Contradicting passages side by side, each as `[n] outlet · date: “quote”`, within `limit`."""
    by_n = {c.n: c for c in answer.citations}
    blocks: list[str] = []
    used = 0
    for d in answer.differences:
        block = _difference(d, by_n, min(limit - used - 2, 2 * _DIFFER_QUOTE + 200))
        if not block:
            break
        blocks.append(block)
        used += len(block) + 2
    return "\n\n".join(blocks)


def _difference(d: Difference, by_n: dict[int, Citation], limit: int) -> str:
    head = f"on *{escape(d.about)}*" if d.about else ""
    sides = []
    for n, quote in ((d.first, d.first_quote), (d.second, d.second_quote)):
        c = by_n.get(n)
        who = f"[{n}] {escape(byline(c)) if c else ''}".rstrip()
        sides.append((f"{who}: “", quote or (c.passage if c else ""), "”"))
    fixed = len(head) + 2 + sum(len(a) + len(b) for a, _, b in sides)
    room = min(_DIFFER_QUOTE, (limit - fixed) // 2)
    if room < 20:
        return ""
    lines = [f"{a}{trim_escaped(q.replace(chr(10), ' '), room)}{b}" for a, q, b in sides]
    return "\n".join([head, *lines] if head else lines)


def footer_text(answer: Answer, hidden: int = 0) -> str:
    text = f"{answer.searched:,} passages searched · {answer.elapsed_ms:,.0f} ms"
    if hidden:
        text += f" · {hidden} more source{'s' if hidden != 1 else ''} not shown"
    return text


def answer_embed(answer: Answer) -> discord.Embed:
    """The embed for one answer: text with [n] markers, one field per citation, a footer."""
    title = trim_escaped(answer.question, TITLE_MAX)
    colour = ANSWER_COLOUR if answer.answered else REFUSAL_COLOUR
    cits = answer.citations if answer.answered else []
    differ = differences_value(answer, 700) if answer.answered else ""
    shown = min(len(cits), FIELDS_MAX - (1 if differ else 0))
    footer_reserve = len(footer_text(answer, hidden=len(cits)))
    fixed = len(title) + footer_reserve + (len(DIFFER_TITLE) + len(differ) if differ else 0)
    # Leave every shown citation at least _MIN_FIELD; show fewer if that cannot be done.
    while shown and fixed + 600 + shown * _MIN_FIELD > EMBED_TOTAL_MAX:
        shown -= 1
    desc_limit = min(DESCRIPTION_MAX, EMBED_TOTAL_MAX - fixed - shown * _MIN_FIELD)
    embed = discord.Embed(title=title, description=_description(answer, desc_limit), colour=colour)
    if differ:  # right under the answer: the reader sees the disagreement before the sources
        embed.add_field(name=DIFFER_TITLE, value=differ, inline=False)
    remaining = EMBED_TOTAL_MAX - fixed - len(embed.description or "")
    for i, c in enumerate(cits[:shown]):
        per_field = remaining // (shown - i)
        name, value = _field(c, min(per_field, FIELD_NAME_MAX + FIELD_VALUE_MAX))
        embed.add_field(name=name, value=value, inline=False)
        remaining -= len(name) + len(value)
    while len(embed.fields) > 1 and len(embed) + footer_reserve > EMBED_TOTAL_MAX:
        embed.remove_field(-1)  # safety net: never observed, but a limit is a limit
    cited = sum(1 for f in embed.fields if f.name != DIFFER_TITLE)
    embed.set_footer(text=footer_text(answer, hidden=len(cits) - cited))
    return embed


_TIMELINE_MARKDOWN = re.compile(r"([\\*_~`|\[\]>#-])")


def timeline_markdown(entries: list[TimelineEntry], limit: int = 4000) -> str:
    """The timeline as Discord markdown within `limit` characters: quotes escaped and linked
    to the passage when the article has a URL."""
    if not entries:
        return "No passages about that topic."
    lines = []
    for e in entries:
        quote = _TIMELINE_MARKDOWN.sub(r"\\\1", e.quote)
        quote = f"[“{quote}”]({e.link})" if e.link else f"“{quote}”"
        outlet = _TIMELINE_MARKDOWN.sub(r"\\\1", e.outlet or "unknown outlet")
        lines.append(f"**{e.date_label}** · {outlet} · {quote}")
    return fit_lines(lines, limit)


def timeline_embed(topic: str, entries: list[TimelineEntry]) -> discord.Embed:
    """/timeline: one line per dated passage, oldest first, quotes linked to the passage."""
    title = trim_escaped(f"Timeline: {topic}", TITLE_MAX)
    limit = 4000
    while True:  # mentions are defused after timeline_markdown measured: re-measure
        text = discord.utils.escape_mentions(timeline_markdown(entries, limit=limit))
        if len(text) <= DESCRIPTION_MAX or limit < 200:
            break
        limit -= len(text) - DESCRIPTION_MAX
    embed = discord.Embed(title=title, description=text[:DESCRIPTION_MAX], colour=ANSWER_COLOUR)
    if entries:
        dated = sum(1 for e in entries if e.date_label != "undated")
        embed.set_footer(text=f"{len(entries)} passages, {dated} dated · oldest first")
    return embed


def answer_question(embed: discord.Embed) -> str | None:
    """The question an answer embed was for (its title, unescaped), as follow-up context."""
    if not embed.title:
        return None
    return _ESCAPES.sub(r"\1", embed.title).replace("@\u200b", "@")


def error_embed(message: str) -> discord.Embed:
    return discord.Embed(description=trim_escaped(message, DESCRIPTION_MAX), colour=REFUSAL_COLOUR)


def source_pages(articles: Sequence[Article]) -> list[discord.Embed]:
    """The indexed articles, SOURCES_PER_PAGE to a page (at least one page)."""
    total = len(articles)
    pages: list[discord.Embed] = []
    count = max(1, -(-total // SOURCES_PER_PAGE))
    for p in range(count):
        lines = []
        for a in articles[p * SOURCES_PER_PAGE : (p + 1) * SOURCES_PER_PAGE]:
            title = trim_escaped(a.title, 200)
            if a.url and len(a.url) < 300:
                title = f"[{title}]({a.url})"
            lines.append(f"**{title}**\n{escape(byline(a))}")
        embed = discord.Embed(
            title=f"{total} indexed article{'s' if total != 1 else ''}",
            description="\n\n".join(lines) or "No articles are indexed yet.",
            colour=ANSWER_COLOUR,
        )
        embed.set_footer(text=f"Page {p + 1} of {count}")
        pages.append(embed)
    return pages


@dataclass(frozen=True)
class Stats:
    articles: int
    chunks: int
    model: str
    index_created: float  # unix time of the published snapshot
    answered: int
    generation: str


def stats_embed(stats: Stats, now: float | None = None) -> discord.Embed:
    age = max(0.0, (now or time.time()) - stats.index_created)
    embed = discord.Embed(title="citebot stats", colour=ANSWER_COLOUR)
    embed.add_field(name="Articles", value=f"{stats.articles:,}")
    embed.add_field(name="Passages", value=f"{stats.chunks:,}")
    embed.add_field(name="Model", value=escape(stats.model))
    embed.add_field(
        name="Index age", value=f"{human_duration(age)} (<t:{int(stats.index_created)}:f>)"
    )
    embed.add_field(name="Questions answered since start", value=f"{stats.answered:,}")
    embed.set_footer(text=f"generation {stats.generation}")
    return embed


def human_duration(seconds: float) -> str:
    seconds = int(seconds)
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = seconds // size
            return f"{n} {unit}{'s' if n != 1 else ''}"
    return f"{seconds} second{'s' if seconds != 1 else ''}"

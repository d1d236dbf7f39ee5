"""Discord UI pieces of citebot: feedback buttons, source pages, answer memory, and the
one app-command error handler."""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.discord_bot.format import NO_MENTIONS, content_safe
from index.shared.errors import CitebotError

if TYPE_CHECKING:
    from bot.core.models import Answer

log = logging.getLogger("citebot.discord")

# What a vote button calls: (the click, "up" or "down").
VoteHandler = Callable[[discord.Interaction, str], Awaitable[None]]

APOLOGY = "Sorry, something went wrong while handling that. It has been logged."

_FLAG = re.compile(r"--(since|until|outlet)\b")  # Filters speaks CLI; Discord has options


FILTER_OPTIONS = {
    "since": "Only articles dated on or after this: YYYY, YYYY-MM or YYYY-MM-DD",
    "until": "Only articles dated on or before this: YYYY, YYYY-MM or YYYY-MM-DD",
    "outlet": "Only articles from this outlet, e.g. People",
}


def polite(exc: CitebotError) -> str:
    return "I can't answer that: " + _FLAG.sub(r"\1:", str(exc)) + "."


@dataclass(frozen=True)
class AnswerRecord:
    question: str
    article_ids: list[str]


class AnswerMemory:
    """Recent answers by message id: for feedback and follow-ups (bounded; the embed is
    the fallback after a restart)."""

    def __init__(self, size: int = 5000) -> None:
        self.size = size
        self._items: OrderedDict[int, AnswerRecord] = OrderedDict()

    def add(self, message_id: int, answer: Answer) -> None:
        self._items[message_id] = AnswerRecord(answer.question, answer.article_ids)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def get(self, message_id: int) -> AnswerRecord | None:
        return self._items.get(message_id)


def parse_admin_ids(raw: str) -> set[int]:
    return {int(p) for p in re.split(r"[,\s]+", raw or "") if p.strip().isdigit()}


class FeedbackView(discord.ui.View):
    """👍/👎 under every answer. Persistent (fixed custom ids) so clicks work after restarts."""

    def __init__(self, on_vote: VoteHandler) -> None:
        super().__init__(timeout=None)
        self.on_vote = on_vote

    @discord.ui.button(emoji="👍", style=discord.ButtonStyle.secondary, custom_id="citebot:vote:up")
    async def up(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
        await self.on_vote(interaction, "up")

    @discord.ui.button(
        emoji="👎", style=discord.ButtonStyle.secondary, custom_id="citebot:vote:down"
    )
    async def down(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
        await self.on_vote(interaction, "down")


class SourcesView(discord.ui.View):
    def __init__(self, pages: list[discord.Embed], owner_id: int) -> None:
        super().__init__(timeout=300)
        self.pages = pages
        self.owner_id = owner_id
        self.page = 0
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        self.previous.disabled = self.page == 0
        self.next.disabled = self.page >= len(self.pages) - 1

    async def _show(self, interaction: discord.Interaction, page: int) -> None:
        self.page = max(0, min(page, len(self.pages) - 1))
        self._sync_buttons()
        await interaction.response.edit_message(embed=self.pages[self.page], view=self)

    @discord.ui.button(label="◀ Previous", style=discord.ButtonStyle.secondary)
    async def previous(
        self, interaction: discord.Interaction, button: discord.ui.Button[Any]
    ) -> None:
        await self._show(interaction, self.page - 1)

    @discord.ui.button(label="Next ▶", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
        await self._show(interaction, self.page + 1)


async def on_app_command_error(
    interaction: discord.Interaction, error: app_commands.AppCommandError
) -> None:
    """The one app-command error handler: a short apology for the user, the traceback for the log."""
    original = getattr(error, "original", error)
    if isinstance(original, CitebotError):
        message = content_safe(f"Sorry: {original}")
    else:
        log.error(
            "app command %r failed", getattr(interaction.command, "name", None), exc_info=original
        )
        message = APOLOGY
    try:
        if interaction.response.is_done():
            await interaction.followup.send(message, ephemeral=True, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(
                message, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
    except discord.HTTPException:
        log.warning("could not deliver the error message for interaction %s", interaction.id)

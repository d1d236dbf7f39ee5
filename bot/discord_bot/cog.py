"""The citebot cog: /ask, /timeline, /sources, /stats, plus the admin commands and the
message handling mixed in. Each command parses, calls the engine off the loop, formats."""

from __future__ import annotations

from functools import partial

import discord
from discord import app_commands

from bot.discord_bot.admin import AdminCommands
from bot.discord_bot.format import (
    NO_MENTIONS,
    Stats,
    answer_embed,
    source_pages,
    stats_embed,
    timeline_embed,
)
from bot.discord_bot.messages import MessageHandling
from bot.discord_bot.views import FILTER_OPTIONS, SourcesView, polite
from index.shared.errors import CitebotError
from index.shared.settings import MODEL_NAME


class CitebotCog(AdminCommands, MessageHandling):
    async def cog_unload(self) -> None:
        await self.close()

    @app_commands.command(
        name="ask", description="Ask a question; get cited passages from the articles."
    )
    @app_commands.describe(
        question="Your question about the news articles",
        private="Only you see the answer (default: everyone in the channel)",
        **FILTER_OPTIONS,
    )
    async def ask(
        self,
        interaction: discord.Interaction,
        question: str,
        private: bool = False,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
    ) -> None:
        refusal = self._check(question, interaction.user.id, since, until, outlet)
        if refusal:
            await self._refuse(interaction, refusal)
            return
        await interaction.response.defer(ephemeral=private, thinking=True)
        try:
            answer = await self.compute(question, None, since, until, outlet)
        except CitebotError as exc:  # e.g. no indexed article matches the filters
            await self._refuse(interaction, polite(exc), deferred=True)
            return
        sent = await interaction.followup.send(
            embed=answer_embed(answer),
            view=self.feedback_view,
            ephemeral=private,
            allowed_mentions=NO_MENTIONS,
            wait=True,
        )
        self.memory.add(sent.id, answer)

    @app_commands.command(
        name="timeline", description="Dated passages about a topic, oldest first."
    )
    @app_commands.describe(
        topic="What to follow through time: a name, a place, a word like divorce", **FILTER_OPTIONS
    )
    async def timeline(
        self,
        interaction: discord.Interaction,
        topic: str,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
    ) -> None:
        refusal = self._check(topic, interaction.user.id, since, until, outlet)
        if refusal:
            await self._refuse(interaction, refusal)
            return
        await interaction.response.defer(thinking=True)
        try:
            entries = await self._run(partial(self._timeline_sync, topic, since, until, outlet))
        except CitebotError as exc:
            await self._refuse(interaction, polite(exc), deferred=True)
            return
        await interaction.followup.send(
            embed=timeline_embed(topic, entries), allowed_mentions=NO_MENTIONS
        )

    @app_commands.command(name="sources", description="List the indexed articles.")
    async def sources(self, interaction: discord.Interaction) -> None:
        pages = source_pages(self.engine.snapshot.articles)
        if len(pages) == 1:
            await interaction.response.send_message(embed=pages[0], allowed_mentions=NO_MENTIONS)
            return
        view = SourcesView(pages, interaction.user.id)
        await interaction.response.send_message(
            embed=pages[0], view=view, allowed_mentions=NO_MENTIONS
        )

    @app_commands.command(
        name="stats", description="Articles, passages, model, index age, questions answered."
    )
    async def stats(self, interaction: discord.Interaction) -> None:
        snap = self.engine.snapshot
        info = Stats(
            articles=len(snap.articles),
            chunks=snap.chunk_count,
            model=MODEL_NAME,
            index_created=snap.created,
            answered=self.answered,
            generation=snap.generation,
        )
        await interaction.response.send_message(
            embed=stats_embed(info), allowed_mentions=NO_MENTIONS
        )

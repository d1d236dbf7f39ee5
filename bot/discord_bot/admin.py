"""Admin commands: who counts as an admin, and /reindex."""

from __future__ import annotations

import asyncio
import logging

import discord
from discord import app_commands

from bot.discord_bot.desk import Desk
from bot.discord_bot.format import NO_MENTIONS, content_safe
from index.shared.errors import CitebotError, IndexBusy

log = logging.getLogger("citebot.discord")

REFUSAL = "Only members with **Manage Server** (or configured admins) can reindex."


class AdminCommands(Desk):
    def is_admin(self, interaction: discord.Interaction) -> bool:
        perms = interaction.permissions
        return interaction.user.id in self.admin_ids or bool(perms and perms.manage_guild)

    @app_commands.command(
        name="reindex", description="Re-read the corpus and index what changed (admins)."
    )
    async def reindex(self, interaction: discord.Interaction) -> None:
        if not self.is_admin(interaction):
            await interaction.response.send_message(
                REFUSAL, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        from index.indexer import run_index

        try:
            report = await asyncio.to_thread(run_index, self.settings)
        except IndexBusy:
            await interaction.followup.send(
                "An index run is already in progress; answers keep working. Try again in a minute.",
                ephemeral=True,
                allowed_mentions=NO_MENTIONS,
            )
            return
        except CitebotError as exc:
            await interaction.followup.send(
                content_safe(f"Reindex failed: {exc}"), ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        await asyncio.to_thread(self.engine.reload_if_changed, 0)
        summary = (
            f"Reindexed: {len(report.added)} added, {len(report.updated)} updated, "
            f"{len(report.deleted)} deleted, {report.unchanged} unchanged "
            f"({report.articles} articles, {report.chunks} passages)."
        )
        if report.skipped:
            summary += f" {len(report.skipped)} file(s) could not be read and were skipped."
        log.info("reindex by %s: %s", interaction.user.id, summary)
        await interaction.followup.send(
            content_safe(summary), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    # --- mentions, DMs and follow-ups ------------------------------------------------

"""Admin commands and jobs: who counts as an admin, /reindex, /add, and the feed poll.

Everything that indexes runs the indexer in a child process (index/isolated.py), so torch
and the embedding model never load into the bot, and its memory stays where it was.
Fetching runs on a worker thread: it waits on the network, not on the GIL.
"""

from __future__ import annotations

import asyncio
import logging
from functools import cached_property
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import tasks

from bot.discord_bot.desk import Desk
from bot.discord_bot.format import CONTENT_MAX, NO_MENTIONS, content_safe, trim_escaped
from index.shared.errors import CitebotError, IndexBusy

if TYPE_CHECKING:
    from index.feeds import FeedResult
    from index.fetch import Fetcher
    from index.indexer import IndexReport
    from index.ingest import Saved

log = logging.getLogger("citebot.discord")

REFUSAL = "Only members with **Manage Server** (or configured admins) can reindex."
ADD_REFUSAL = "Only members with **Manage Server** (or configured admins) can add articles."
BUSY = "An index run is already in progress; answers keep working. Try again in a minute."
_ANNOUNCE_MAX = 10  # articles named in one announcement; the rest are counted


def article_line(saved: Saved) -> str:
    """**Title** — outlet, date and the link on its own line (markdown built here, so
    the parts are escaped one by one and the markup itself is not)."""
    art = saved.article
    where = ", ".join(x for x in (art.outlet, art.date) if x)
    line = f"**{trim_escaped(art.title, 250)}**"
    if where:
        line += f" — {trim_escaped(where, 120)}"
    if len(art.url) <= 500 and not any(c.isspace() or c == ">" for c in art.url):
        line += f"\n<{art.url}>"  # <...> keeps Discord from unfurling a preview
    return line


class AdminCommands(Desk):
    def is_admin(self, interaction: discord.Interaction) -> bool:
        perms = interaction.permissions
        return interaction.user.id in self.admin_ids or bool(perms and perms.manage_guild)

    @cached_property
    def fetcher(self) -> Fetcher:
        """One for the bot's lifetime: it remembers each host's last request and robots.txt."""
        from index.fetch import Fetcher, policy_from

        return Fetcher(policy_from(self.settings))

    @cached_property
    def _index_lock(self) -> asyncio.Lock:
        return asyncio.Lock()

    async def index_and_reload(self) -> IndexReport:
        """Run the indexer in a child process, then let the engine see the new snapshot."""
        from index.isolated import run_index_in_child

        async with self._index_lock:  # one child at a time; a second caller waits its turn
            run = await asyncio.to_thread(run_index_in_child, self.settings)
        await asyncio.to_thread(self.engine.reload_if_changed, 0)
        return run.report

    async def _reply(self, interaction: discord.Interaction, text: str, markdown: str = "") -> None:
        """`text` is escaped; `markdown` (from article_line) is sent as it is."""
        body = (content_safe(text) + (" " + markdown if markdown else ""))[:CONTENT_MAX]
        await interaction.followup.send(body, ephemeral=True, allowed_mentions=NO_MENTIONS)

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
        try:
            report = await self.index_and_reload()
        except IndexBusy:
            await self._reply(interaction, BUSY)
            return
        except CitebotError as exc:
            await self._reply(interaction, f"Reindex failed: {exc}")
            return
        summary = (
            f"Reindexed: {len(report.added)} added, {len(report.updated)} updated, "
            f"{len(report.deleted)} deleted, {report.unchanged} unchanged "
            f"({report.articles} articles, {report.chunks} passages)."
        )
        if report.skipped:
            summary += f" {len(report.skipped)} file(s) could not be read and were skipped."
        log.info("reindex by %s: %s", interaction.user.id, summary)
        await self._reply(interaction, summary)

    @app_commands.command(
        name="add", description="Fetch a news article from its link and index it (admins)."
    )
    @app_commands.describe(url="The article's address (http or https)")
    async def add(self, interaction: discord.Interaction, url: str) -> None:
        if not self.is_admin(interaction):
            await interaction.response.send_message(
                ADD_REFUSAL, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        from index.ingest import fetch_article

        fetcher = self.fetcher  # created here, on the loop, before the worker thread uses it
        try:
            saved = await asyncio.to_thread(fetch_article, fetcher, self.settings.corpus, url)
        except CitebotError as exc:
            await self._reply(interaction, f"Could not add it: {exc}")
            return
        indexed = self.engine.snapshot.article_index  # ids only: no metadata parsed
        if not saved.changed and saved.article_id in indexed:
            await self._reply(interaction, "Already indexed:", article_line(saved))
            return
        try:  # an unchanged file that is not indexed yet: an earlier run failed after saving
            await self.index_and_reload()
        except IndexBusy:
            await self._reply(
                interaction,
                "Saved; another index run is in progress, so it becomes answerable after "
                "the next /reindex:",
                article_line(saved),
            )
            return
        except CitebotError as exc:
            await self._reply(interaction, f"Saved, but indexing failed: {exc}")
            return
        verb = "Updated:" if saved.status == "updated" else "Added:"
        log.info("/add by %s: %s %s", interaction.user.id, saved.status, saved.article.url)
        await self._reply(interaction, verb, article_line(saved))

    # --- the feed poll -----------------------------------------------------------------

    async def cog_load(self) -> None:
        from index.shared.settings import parse_duration

        every = self.settings.feeds_every
        if every:
            self.feed_poll.change_interval(seconds=parse_duration(every))
            self.feed_poll.start()

    async def close(self) -> None:
        self.feed_poll.cancel()
        if "fetcher" in self.__dict__:
            self.fetcher.close()
        await super().close()

    def _poll_sync(self) -> list[FeedResult]:
        from index.feeds import FeedStore, poll_all

        return poll_all(self.fetcher, FeedStore(self.settings.feeds_path), self.settings.corpus)

    @tasks.loop(minutes=30)  # the interval is CITEBOT_FEEDS_EVERY, set when the cog loads
    async def feed_poll(self) -> None:
        await self.poll_feeds_once()

    @cached_property
    def _unindexed(self) -> list[Saved]:
        """Articles a poll saved but could not index (another indexer held the lock): the
        next round indexes and announces them even if the feeds bring nothing new."""
        return []

    async def poll_feeds_once(self) -> list[Saved]:
        """One round: poll every feed, index what is new, announce it. Never raises: a
        failed round is logged and the schedule goes on."""
        _ = self.fetcher  # created on the loop, before the worker thread uses it
        try:
            results = await asyncio.to_thread(self._poll_sync)
            for result in results:
                for warning in result.warnings:
                    log.warning("feed %s: %s", result.feed, warning)
            new = self._unindexed + [s for r in results for s in r.saved if s.changed]
            if new:
                try:
                    await self.index_and_reload()
                except IndexBusy:
                    self._unindexed[:] = new
                    log.warning(
                        "feed poll: index busy; %d new articles wait for the next round", len(new)
                    )
                    return []
                self._unindexed.clear()
                await self.announce(new)
            return new
        except CitebotError as exc:
            log.warning("feed poll: %s", exc)
        except Exception:  # the loop stops for good on an exception it does not catch
            log.exception("feed poll failed")
        return []

    async def announce(self, saved: list[Saved]) -> None:
        channel_id = self.settings.feeds_channel
        if not channel_id:
            return
        channel = self.bot.get_channel(channel_id)
        if not isinstance(channel, discord.abc.Messageable):
            log.warning("CITEBOT_FEEDS_CHANNEL %s is not a channel the bot can see", channel_id)
            return
        lines = [article_line(s) for s in saved[:_ANNOUNCE_MAX]]
        if len(saved) > _ANNOUNCE_MAX:
            lines.append(f"…and {len(saved) - _ANNOUNCE_MAX} more.")
        head = "New article" if len(saved) == 1 else f"{len(saved)} new articles"
        text = f"{head} from the feeds:\n" + "\n".join(lines)
        try:
            await channel.send(text[:CONTENT_MAX], allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as exc:  # no permission to post there, or Discord down
            log.warning("could not announce new articles in %s: %s", channel_id, exc)

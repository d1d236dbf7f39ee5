"""citebot on Discord: slash commands, mentions, DMs and follow-up replies.

Answers are computed on a worker thread so the gateway heartbeat and every other
interaction keep flowing; the engine reads immutable snapshots, so a /reindex running
in another thread never disturbs them.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import TYPE_CHECKING, TypeVar

import discord
from discord import app_commands
from discord.ext import commands

from index.config import MODEL_NAME, Settings, get_settings
from index.errors import CitebotError, IndexBusy

from .cooldown import Cooldown, wait_message
from .discord_format import (
    NO_MENTIONS,
    Stats,
    answer_embed,
    answer_question,
    content_safe,
    source_pages,
    stats_embed,
    timeline_embed,
)
from .discord_views import (
    APOLOGY,
    FILTER_OPTIONS,
    AnswerMemory,
    AnswerRecord,
    FeedbackView,
    SourcesView,
    on_app_command_error,
    parse_admin_ids,
    polite,
)
from .feedback import FeedbackLog
from .filters import Filters
from .questions import clean_question
from .timeline import TimelineEntry, timeline

if TYPE_CHECKING:
    from .answer import Engine
    from .models import Answer

log = logging.getLogger("citebot.discord")
T = TypeVar("T")

REFUSAL = "Only members with **Manage Server** (or configured admins) can reindex."
_FIELD_TITLE = re.compile(r"^\[\d+\] ")


class CitebotCog(commands.Cog):
    def __init__(self, bot: commands.Bot, engine: Engine, settings: Settings) -> None:
        self.bot = bot
        self.engine = engine
        self.settings = settings
        self.cooldown = Cooldown(settings.cooldown_seconds)
        self.feedback = FeedbackLog(settings.feedback_path)
        self.memory = AnswerMemory()
        self.admin_ids = parse_admin_ids(settings.admin_ids)
        self.answered = 0
        self.feedback_view = FeedbackView(self)
        # One worker: ONNX already spreads each query over the cores, and a second Python
        # thread only adds GIL contention that the event loop feels (measured: more
        # 60-130 ms heartbeat stalls, no more throughput).
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="citebot-answer")

    async def cog_unload(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)

    # --- answering -------------------------------------------------------------------

    def _answer_sync(self, question: str, context: str | None, *bounds: str | None) -> Answer:
        self.engine.reload_if_changed()
        mask = Filters.parse(*bounds).mask(self.engine.snapshot)  # None when no filter is set
        return self.engine.answer(question, context=context, mask=mask)

    def _timeline_sync(
        self, topic: str, since: str | None, until: str | None, outlet: str | None
    ) -> list[TimelineEntry]:
        self.engine.reload_if_changed()
        return timeline(self.engine, topic, since, until, outlet)

    async def _run(self, work: Callable[[], T]) -> T:
        """`work` on the answer thread, off the event loop."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, work)

    async def warm_up(self) -> None:
        """Answer once before going online: first-use loading (lazy indexes, the ONNX
        session's first run) holds the GIL for up to a second, which would stall the loop."""
        await self._run(partial(self.engine.answer, "What do the articles say?"))

    async def compute(
        self, question: str, context: str | None = None, *bounds: str | None
    ) -> Answer:
        answer = await self._run(partial(self._answer_sync, question, context, *bounds))
        self.answered += 1
        return answer

    def _check(self, question: str, user_id: int, *bounds: str | None) -> str | None:
        """A polite reason not to answer now, or None to go ahead. `bounds` are the
        since/until/outlet options: a malformed date is refused before anything is deferred."""
        try:
            clean_question(question, self.settings.max_question_chars)
            Filters.parse(*bounds)
        except CitebotError as exc:
            return polite(exc)
        wait = self.cooldown.try_acquire(user_id)
        return wait_message(wait) if wait else None

    async def _refuse(
        self, interaction: discord.Interaction, text: str, deferred: bool = False
    ) -> None:
        if deferred:  # the follow-up replaces "thinking…"
            await interaction.followup.send(
                content_safe(text), ephemeral=True, allowed_mentions=NO_MENTIONS
            )
        else:
            await interaction.response.send_message(
                content_safe(text), ephemeral=True, allowed_mentions=NO_MENTIONS
            )

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
        topic="What to follow through time, e.g. Wyoming or divorce", **FILTER_OPTIONS
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

    async def _earlier_question(self, message: discord.Message, may_fetch: bool) -> str | None:
        """The question of the bot answer this message replies to, if it replies to one.
        Discord usually sends the replied-to message along; fetching it costs a request, so
        only messages addressed to the bot may do that."""
        ref = message.reference
        if ref is None or ref.message_id is None or self.bot.user is None:
            return None
        record = self.memory.get(ref.message_id)
        if record is not None:
            return record.question
        earlier = ref.resolved if isinstance(ref.resolved, discord.Message) else None
        if earlier is None and not may_fetch:
            return None
        if earlier is None:
            try:
                earlier = await message.channel.fetch_message(ref.message_id)
            except discord.HTTPException:
                return None
        if earlier.author.id != self.bot.user.id or not earlier.embeds:
            return None
        return answer_question(earlier.embeds[0])

    def _question_text(self, message: discord.Message) -> str:
        assert self.bot.user is not None
        return re.sub(rf"<@!?{self.bot.user.id}>", " ", message.content).strip()

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        me = self.bot.user
        if me is None or message.author.bot:
            return
        direct = message.guild is None or any(u.id == me.id for u in message.mentions)
        context = await self._earlier_question(message, may_fetch=direct)
        question = self._question_text(message)
        if not direct and (context is None or not question):
            return  # not for us (or content we may not read without the Message Content intent)
        try:
            await self._answer_message(message, question, context)
        except Exception:
            log.exception("failed to answer message %s", message.id)
            await message.reply(APOLOGY, allowed_mentions=NO_MENTIONS, mention_author=False)

    async def _answer_message(
        self, message: discord.Message, question: str, context: str | None
    ) -> None:
        refusal = self._check(question, message.author.id)
        if refusal:
            await message.reply(
                content_safe(refusal), allowed_mentions=NO_MENTIONS, mention_author=False
            )
            return
        async with message.channel.typing():
            answer = await self.compute(question, context=context)
        sent = await message.reply(
            embed=answer_embed(answer),
            view=self.feedback_view,
            allowed_mentions=NO_MENTIONS,
            mention_author=False,
        )
        self.memory.add(sent.id, answer)

    # --- feedback --------------------------------------------------------------------

    def _record_for(self, message: discord.Message | None) -> AnswerRecord | None:
        if message is None:
            return None
        record = self.memory.get(message.id)
        if record is not None or not message.embeds:
            return record
        embed = message.embeds[0]
        question = answer_question(embed)
        if question is None:
            return None
        # After a restart: map the cited titles back to article ids through the snapshot.
        by_title = {a.title: a.id for a in self.engine.snapshot.articles}
        ids = [
            by_title[t]
            for f in embed.fields
            if (t := _FIELD_TITLE.sub("", f.name or "")) in by_title
        ]
        return AnswerRecord(question, list(dict.fromkeys(ids)))

    async def record_vote(self, interaction: discord.Interaction, vote: str) -> None:
        record = self._record_for(interaction.message)
        if record is None:
            await interaction.response.send_message(
                "I can't find the answer this vote is for.",
                ephemeral=True,
                allowed_mentions=NO_MENTIONS,
            )
            return
        await asyncio.to_thread(
            self.feedback.record, record.question, record.article_ids, vote, interaction.user.id
        )
        thanks = "Thanks, glad it helped!" if vote == "up" else "Thanks, noted: this answer missed."
        await interaction.response.send_message(
            thanks, ephemeral=True, allowed_mentions=NO_MENTIONS
        )


class CitebotBot(commands.Bot):
    def __init__(
        self, engine: Engine, settings: Settings, intents: discord.Intents, sync: bool
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,  # no text commands; mentions are questions
            intents=intents,
            allowed_mentions=NO_MENTIONS,
            help_command=None,
        )
        self.settings = settings
        self.sync_on_start = sync
        self.citebot = CitebotCog(self, engine, settings)
        self.tree.error(on_app_command_error)

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: the cog's listener treats mentions and DMs as questions."""

    async def setup_hook(self) -> None:
        if self.get_cog(self.citebot.qualified_name) is None:
            await self.add_cog(self.citebot)
            self.add_view(self.citebot.feedback_view)
            await self.citebot.warm_up()
        if self.sync_on_start:
            await self.sync_commands()

    async def sync_commands(self) -> None:
        gid = self.settings.guild_id
        if gid:
            guild = discord.Object(id=gid)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to guild %s", len(synced), gid)
        else:
            synced = await self.tree.sync()
            log.info("synced %d global commands (may take up to an hour to appear)", len(synced))

    async def on_ready(self) -> None:
        log.info(
            "connected as %s (id %s) to %d servers",
            self.user,
            getattr(self.user, "id", "?"),
            len(self.guilds),
        )


def default_intents(message_content: bool = False) -> discord.Intents:
    """Slash commands, mentions and DMs need no privileged intent: Discord delivers the text
    of messages that mention the bot and of DMs without it. Message Content (privileged) is
    only for follow-up replies that do not ping the bot."""
    intents = discord.Intents.default()
    intents.message_content = message_content
    return intents


def create_bot(
    engine: Engine | None = None,
    settings: Settings | None = None,
    *,
    intents: discord.Intents | None = None,
    message_content: bool = False,
    sync: bool = True,
) -> commands.Bot:
    """The citebot Discord bot, ready for `bot.run(token)` or a test driver."""
    settings = settings or (engine.settings if engine is not None else get_settings())
    if engine is None:
        from .answer import Engine

        engine = Engine(settings)
    return CitebotBot(engine, settings, intents or default_intents(message_content), sync)

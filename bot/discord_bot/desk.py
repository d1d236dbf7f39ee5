"""What every citebot cog shares: the engine, the answer thread, cooldowns, answer memory.

Answers are computed on one worker thread so the gateway heartbeat and every other
interaction keep flowing; the engine reads immutable snapshots, so an index run in
another thread or process never disturbs them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import TYPE_CHECKING, TypeVar

import discord
from discord.ext import commands

from bot.core.questions import clean_question
from bot.discord_bot.cooldown import Cooldown, wait_message
from bot.discord_bot.feedback import FeedbackLog
from bot.discord_bot.format import NO_MENTIONS, content_safe
from bot.discord_bot.views import AnswerMemory, FeedbackView, parse_admin_ids, polite
from bot.newsdesk.filters import Filters
from bot.newsdesk.timeline import TimelineEntry, timeline
from index.shared.errors import CitebotError
from index.shared.settings import Settings

if TYPE_CHECKING:
    from bot.core.models import Answer
    from bot.engine import Engine

T = TypeVar("T")


class Desk(commands.Cog):
    """State and helpers the command mixins use; the cog class combines them."""

    def __init__(self, bot: commands.Bot, engine: Engine, settings: Settings) -> None:
        self.bot = bot
        self.engine = engine
        self.settings = settings
        self.cooldown = Cooldown(settings.cooldown_seconds)
        self.feedback = FeedbackLog(settings.feedback_path)
        self.memory = AnswerMemory()
        self.admin_ids = parse_admin_ids(settings.admin_ids)
        self.answered = 0
        self.feedback_view = FeedbackView(self.record_vote)
        # One worker: ONNX already spreads each query over the cores, and a second Python
        # thread only adds GIL contention that the event loop feels (measured: more
        # 60-130 ms heartbeat stalls, no more throughput).
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="citebot-answer")

    async def close(self) -> None:
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
        return timeline(
            self.engine.reader, topic, since, until, outlet,
            max_chars=self.settings.max_question_chars,
        )  # fmt: skip

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

    async def record_vote(self, interaction: discord.Interaction, vote: str) -> None:
        raise NotImplementedError  # provided by the feedback mixin

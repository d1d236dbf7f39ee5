"""Mentions, DMs and follow-up replies as questions; 👍/👎 votes on answers."""

from __future__ import annotations

import asyncio
import logging
import re

import discord
from discord.ext import commands

from bot.discord_bot.desk import Desk
from bot.discord_bot.format import NO_MENTIONS, answer_embed, answer_question, content_safe
from bot.discord_bot.views import APOLOGY, AnswerRecord

log = logging.getLogger("citebot.discord")
_FIELD_TITLE = re.compile(r"^\[\d+\] ")


class MessageHandling(Desk):
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

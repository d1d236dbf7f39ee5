"""citebot on Discord: the bot, its intents, and `create_bot` (what `citebot discord` runs)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot.discord_bot.cog import CitebotCog
from bot.discord_bot.format import NO_MENTIONS
from bot.discord_bot.views import on_app_command_error
from index.shared.settings import Settings, get_settings

if TYPE_CHECKING:
    from bot.engine import Engine

log = logging.getLogger("citebot.discord")


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
        from bot.engine import Engine

        engine = Engine(settings)
    return CitebotBot(engine, settings, intents or default_intents(message_content), sync)

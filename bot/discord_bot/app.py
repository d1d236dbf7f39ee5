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
        self.synced: str = "commands not synced (sync=False)"
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
            self.synced = f"synced {len(synced)} commands to server {gid}"
        else:
            synced = await self.tree.sync()
            self.synced = (
                f"synced {len(synced)} global commands (they may take up to an hour to appear)"
            )

    def ready_line(self) -> str:
        servers = len(self.guilds)
        return (
            f"connected as {self.user} (id {getattr(self.user, 'id', '?')}) to {servers} "
            f"server{'' if servers == 1 else 's'}; {self.synced}"
        )

    async def on_ready(self) -> None:
        # One line an operator can read in the journal (INFO is shown by `citebot discord`).
        # on_ready fires again after a reconnect that needed a new session, so it may repeat.
        log.info("%s", self.ready_line())


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

"""`citebot discord`: run the bot with the token from the environment or .env."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.cli.common import load_engine, load_settings
from index.shared.errors import CitebotError


def discord_bot(
    message_content: Annotated[
        bool,
        typer.Option(
            "--message-content",
            help="Request the privileged Message Content intent (enable it in the Developer Portal first): lets replies that do not ping the bot count as follow-ups.",
        ),
    ] = False,
) -> None:
    """Run citebot on Discord. Token from DISCORD_TOKEN (environment or .env)."""
    settings = load_settings()
    token = settings.discord_token.get_secret_value().strip() if settings.discord_token else ""
    if not token:
        raise CitebotError(
            "DISCORD_TOKEN is not set: put the bot token in the environment or in .env"
        )
    import asyncio

    import discord

    from bot.cli import logs
    from bot.discord_bot.app import create_bot
    from bot.discord_bot.startup import silence_voice_warnings, start

    # A service: its INFO lines (connected, synced, reindexed) show unless -q, with times.
    logs.configure(logs.verbosity(), service=True)
    silence_voice_warnings()
    bot = create_bot(load_engine(settings), settings, message_content=message_content)
    try:
        asyncio.run(start(bot, token))
    except discord.LoginFailure:
        raise CitebotError(
            "Discord rejected DISCORD_TOKEN: check the bot token in the Developer Portal"
        ) from None
    except discord.PrivilegedIntentsRequired:
        raise CitebotError(
            "--message-content needs the Message Content intent enabled for the bot in the Developer Portal"
        ) from None
    except discord.HTTPException as exc:  # a 4xx at start-up: retrying would not help
        where = f" to server {settings.guild_id}" if settings.guild_id else ""
        raise CitebotError(
            f"Discord refused a start-up request ({exc.status} {exc.text or exc.__class__.__name__}): "
            f"is the bot invited{where} with the applications.commands scope?"
        ) from None

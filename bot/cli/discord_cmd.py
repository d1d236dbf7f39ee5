"""`citebot discord`: run the bot with the token from the environment or .env."""

from __future__ import annotations

import logging
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
    import discord

    from bot.discord_bot.app import create_bot

    bot = create_bot(load_engine(settings), settings, message_content=message_content)
    logging.getLogger("citebot").setLevel(logging.INFO)
    try:
        # log_handler=None: keep our logging setup; discord.py never logs the token itself.
        bot.run(token, log_handler=None)
    except discord.LoginFailure:
        raise CitebotError(
            "Discord rejected DISCORD_TOKEN: check the bot token in the Developer Portal"
        ) from None
    except (discord.GatewayNotFound, OSError) as exc:  # aiohttp's connection errors are OSErrors
        raise CitebotError(f"cannot reach Discord ({type(exc).__name__})") from None
    except discord.PrivilegedIntentsRequired:
        raise CitebotError(
            "--message-content needs the Message Content intent enabled for the bot in the Developer Portal"
        ) from None

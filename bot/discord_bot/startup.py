"""Running the bot for real: no voice noise, and a start-up that rides out network trouble
(Discord or the network down when the service starts) but never retries a rejected token.

Once logged in, discord.py's own `connect(reconnect=True)` loop handles dropped gateway
connections with its own backoff; what it does not cover is the login itself (the first
HTTP calls and `setup_hook`), which is what `start` retries.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass

import aiohttp
import discord
from discord.ext import commands

log = logging.getLogger("citebot.discord")

# Worth another try: the network, DNS, a timeout, or Discord's own 5xx. A 401 is LoginFailure
# and a missing privileged intent is PrivilegedIntentsRequired: neither is in this list.
NETWORK_ERRORS: tuple[type[BaseException], ...] = (
    OSError,  # aiohttp's connection and DNS errors, TimeoutError
    aiohttp.ClientError,
    discord.GatewayNotFound,
    discord.DiscordServerError,
)


@dataclass(frozen=True)
class Backoff:
    first: float = 2.0
    factor: float = 2.0
    cap: float = 60.0

    def delays(self) -> Iterator[float]:
        delay = self.first
        while True:
            yield delay
            delay = min(self.cap, delay * self.factor)


def silence_voice_warnings() -> None:
    """citebot never joins a voice channel: discord.py's "PyNaCl/davey is not installed"
    warnings (printed when a client is created) say nothing an operator can act on."""
    from discord.voice_client import VoiceClient

    VoiceClient.warn_nacl = False
    VoiceClient.warn_dave = False


async def _forget_session(bot: commands.Bot) -> None:
    # A failed login leaves discord.py's HTTP session open; closing it also closes its
    # connector, so the next login must build a new one.
    await bot.http.close()
    bot.http.connector = discord.utils.MISSING


async def start(
    bot: commands.Bot,
    token: str,
    backoff: Backoff = Backoff(),
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> None:
    """Log in (retrying network errors forever, with backoff) and stay connected."""
    delays = backoff.delays()
    async with bot:  # closes the bot however this ends
        while True:
            log.info("logging in to Discord…")
            try:
                await bot.login(token)
                break
            except discord.LoginFailure:
                raise
            except NETWORK_ERRORS as exc:
                delay = next(delays)
                log.warning(
                    "cannot reach Discord (%s); retrying in %.0f s", type(exc).__name__, delay
                )
                await _forget_session(bot)
                await sleep(delay)
        await bot.connect(reconnect=True)

"""`citebot discord` start-up: network errors are retried with backoff, a rejected token
never is; one readable line on connect; no voice warnings. Discord is a real HTTP server on
127.0.0.1 (discord.py's API base pointed at it), so discord.py's own client code runs."""

from __future__ import annotations

import asyncio
import http.server
import json
import logging
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from unittest.mock import AsyncMock, patch

import discord
import discord.ext.test as dpytest
import pytest
from discord.ext import commands
from discord.ext.test import backend as back
from discord.http import Route
from small_corpus import clean_env

from bot.discord_bot.startup import Backoff, silence_voice_warnings, start


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Rejects(http.server.BaseHTTPRequestHandler):
    """Discord's answer to a bad token: 401 on GET /users/@me."""

    def do_GET(self) -> None:
        body = json.dumps({"message": "401: Unauthorized", "code": 0}).encode()
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


class FakeDiscord:
    def __init__(self, port: int) -> None:
        self.port = port
        self.server: http.server.ThreadingHTTPServer | None = None

    def up(self) -> None:
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Rejects)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def down(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


@pytest.fixture
def discord_api(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDiscord]:
    fake = FakeDiscord(free_port())
    monkeypatch.setattr(Route, "BASE", f"http://127.0.0.1:{fake.port}/api/v10")
    yield fake
    fake.down()


def plain_bot() -> commands.Bot:
    return commands.Bot(command_prefix=commands.when_mentioned, intents=discord.Intents.none())


async def test_network_errors_are_retried_until_discord_answers_and_a_rejected_token_stops(
    discord_api: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 3:  # Discord comes back after three refused connections
            discord_api.up()

    caplog.set_level(logging.INFO, logger="citebot.discord")
    with pytest.raises(discord.LoginFailure):
        await start(plain_bot(), "not.a.token", Backoff(first=1, factor=2, cap=3), sleep)
    assert waits == [1, 2, 3]  # exponential, capped
    retries = [r for r in caplog.records if "cannot reach Discord" in r.getMessage()]
    assert len(retries) == 3 and all(r.levelno == logging.WARNING for r in retries)


async def test_a_rejected_token_is_never_retried(discord_api: FakeDiscord) -> None:
    discord_api.up()
    sleep = AsyncMock()
    with pytest.raises(discord.LoginFailure):
        await start(plain_bot(), "not.a.token", Backoff(), sleep)
    sleep.assert_not_awaited()


def test_backoff_doubles_up_to_its_cap() -> None:
    delays = Backoff(first=2, factor=2, cap=60).delays()
    assert [next(delays) for _ in range(8)] == [2, 4, 8, 16, 32, 60, 60, 60]


def test_voice_warnings_are_silenced(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from discord.voice_client import VoiceClient

    def voice_warnings() -> list[str]:
        return [r.getMessage() for r in caplog.records if "voice" in r.getMessage()]

    monkeypatch.setattr(VoiceClient, "warn_nacl", True)
    monkeypatch.setattr(VoiceClient, "warn_dave", True)
    discord.Client(intents=discord.Intents.none())
    assert len(voice_warnings()) == 2, "discord.py no longer warns: this test checks nothing"
    caplog.clear()
    monkeypatch.setattr(VoiceClient, "warn_nacl", True)
    monkeypatch.setattr(VoiceClient, "warn_dave", True)
    silence_voice_warnings()
    discord.Client(intents=discord.Intents.none())
    assert voice_warnings() == []


async def test_one_line_on_connect_names_the_bot_servers_and_synced_commands(
    engine,  # type: ignore[no-untyped-def]
    tmp_path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from bot.discord_bot.app import create_bot

    settings = engine.settings.model_copy(update={"home": tmp_path / "home", "guild_id": 1234})
    bot = create_bot(engine, settings, intents=discord.Intents.default(), sync=False)
    await bot._async_setup_hook()
    dpytest.configure(bot)  # one fake server
    back.get_state().loop = asyncio.get_running_loop()
    fake_commands = [object()] * 6
    with patch.object(bot.tree, "sync", new=AsyncMock(return_value=fake_commands)):
        await bot.sync_commands()  # type: ignore[attr-defined]
    caplog.set_level(logging.INFO, logger="citebot.discord")
    await bot.on_ready()
    lines = [r.getMessage() for r in caplog.records if r.name == "citebot.discord"]
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"connected as {bot.user} (id {bot.user.id}) to 1 server;")
    assert "synced 6 commands to server 1234" in lines[0]
    await dpytest.empty_queue()
    bot.citebot.executor.shutdown(wait=True)  # type: ignore[attr-defined]


def test_the_service_logging_shows_citebot_info_lines_and_hides_library_info() -> None:
    snippet = (
        "import logging\n"
        "from bot.cli import logs\n"
        "logs.configure(logs.NORMAL, service=True)\n"
        "logging.getLogger('citebot.discord').info('connected as citebot#0001')\n"
        "logging.getLogger('discord.gateway').info('library chatter')\n"
        "logs.configure(logs.QUIET, service=True)\n"
        "logging.getLogger('citebot.discord').info('hidden by -q')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", snippet], env=clean_env(), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].endswith("info: connected as citebot#0001"), lines

"""Discord /add, the feed poll job and /reindex: real pages from a 127.0.0.1 server, the
real engine, indexing in a real child process; only Discord's side is a spec'd double."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from unittest.mock import AsyncMock, MagicMock, patch

import discord
import pytest
from conftest import ROOT
from test_discord_slash import interaction, make_cog
from test_feeds import FEED_ITEMS, serve_site
from test_fetch import article_page
from web_server import WebServer, web_fixture  # noqa: F401 - the `web` fixture

import index.isolated
from bot.discord_bot.admin import ADD_REFUSAL
from index.feeds import Feed, FeedStore
from index.snapshot import current_generation

QUESTION = "How many cable anchors did the engineers replace?"


@pytest.fixture()
def settings(fresh_home):  # type: ignore[no-untyped-def]
    return fresh_home.model_copy(
        update={"allow_private_urls": True, "fetch_host_delay": 0.0, "fetch_timeout": 1.0}
    )


@pytest.fixture()
def cog(settings):  # type: ignore[no-untyped-def]
    from bot.engine import Engine

    c = make_cog(Engine(settings), settings)
    yield c
    c.executor.shutdown(wait=True)
    if "fetcher" in c.__dict__:
        c.fetcher.close()


def reply(inter: MagicMock) -> str:
    assert inter.followup.send.await_count == 1, inter.followup.send.await_args_list
    kwargs = inter.followup.send.await_args.kwargs
    assert kwargs["ephemeral"] is True and kwargs["allowed_mentions"].everyone is False
    return str(inter.followup.send.await_args.args[0])


def untouched(settings) -> tuple[list[str], str | None]:  # type: ignore[no-untyped-def]
    return sorted(p.name for p in Path(settings.corpus).iterdir()), current_generation(
        settings.snapshots_dir
    )


async def test_add_is_for_admins_only(cog, web: WebServer) -> None:  # type: ignore[no-untyped-def]
    url = web.page("/story", article_page())
    inter = interaction(user_id=5, manage_guild=False)
    await cog.add.callback(cog, inter, url=url)
    inter.response.defer.assert_not_awaited()
    assert inter.response.send_message.await_args.args[0] == ADD_REFUSAL
    assert web.hits == []


async def test_add_fetches_indexes_in_a_child_and_replies_with_title_outlet_date(
    cog, settings, web: WebServer
) -> None:  # type: ignore[no-untyped-def]
    # The page takes a while to arrive: the event loop must not wait for it.
    url = web.page("/story", article_page(), delay=0.3)
    children: list[int] = []
    real = index.isolated.run_index_in_child

    def spy(s):  # type: ignore[no-untyped-def]
        run = real(s)
        children.append(run.pid)
        return run

    before = cog.engine.answer(QUESTION)
    inter = interaction(manage_guild=True)
    finished: list[str] = []

    async def add() -> None:
        await cog.add.callback(cog, inter, url=url)
        finished.append("add")

    async def meanwhile() -> None:
        await asyncio.sleep(0.05)
        finished.append("other")

    with patch.object(index.isolated, "run_index_in_child", spy):
        await asyncio.gather(add(), meanwhile())
    assert finished == ["other", "add"], "the event loop kept running during /add"
    assert inter.response.defer.await_args.kwargs == {"ephemeral": True, "thinking": True}
    text = reply(inter)
    assert text.startswith("Added: **Harbour bridge reopens after repairs** — ")
    assert (
        "The Coastal Ledger, 2025-03-14" in text and web.url("/news/2025/03/harbour-bridge") in text
    )
    assert children and children[0] != os.getpid(), "indexing ran in a child process"
    after = cog.engine.answer(QUESTION)
    assert "forty-two" in after.text and "forty-two" not in before.text

    again = interaction(manage_guild=True)
    generation = current_generation(settings.snapshots_dir)
    await cog.add.callback(cog, again, url=url)
    assert reply(again).startswith("Already indexed: **Harbour bridge")
    assert current_generation(settings.snapshots_dir) == generation


@pytest.mark.parametrize(
    ("path", "reason"),
    [("/missing", "not found (HTTP 404)"), ("/loop", "redirect loop"), ("/doc", "application/pdf")],
)
async def test_add_of_a_bad_url_is_one_polite_line_and_changes_nothing(
    cog, settings, web: WebServer, path: str, reason: str
) -> None:  # type: ignore[no-untyped-def]
    web.page("/loop", "", status=302, headers={"Location": "/loop"})
    web.page("/doc", b"%PDF-1.7", content_type="application/pdf")
    before = untouched(settings)
    inter = interaction(manage_guild=True)
    await cog.add.callback(cog, inter, url=web.url(path))
    text = reply(inter)
    assert text.startswith("Could not add it: ") and reason in text and "\n" not in text
    assert untouched(settings) == before


async def test_add_refuses_loopback_when_private_urls_are_not_allowed(
    fresh_home, web: WebServer
) -> None:  # type: ignore[no-untyped-def]
    from bot.engine import Engine

    c = make_cog(Engine(fresh_home), fresh_home)
    try:
        inter = interaction(manage_guild=True)
        await c.add.callback(c, inter, url=web.page("/story", article_page()))
        assert "loopback" in reply(inter) and web.hits == []
    finally:
        c.executor.shutdown(wait=True)


def feed_cog(settings, web: WebServer):  # type: ignore[no-untyped-def]
    """A cog over a real engine with the test site's feed configured, and a spec'd channel
    that records announcements."""
    from bot.engine import Engine

    serve_site(web)
    FeedStore(settings.feeds_path).save([Feed(url=web.url("/feed.xml"))])
    channel = MagicMock(spec=discord.TextChannel)
    channel.send = AsyncMock()
    return make_cog(Engine(settings), settings), channel


async def test_the_feed_poll_indexes_new_items_and_announces_them_once(
    settings, web: WebServer
) -> None:  # type: ignore[no-untyped-def]
    settings = settings.model_copy(update={"feeds_channel": 4242})
    c, channel = feed_cog(settings, web)
    try:
        with patch.object(c.bot, "get_channel", return_value=channel) as get_channel:
            new = await c.poll_feeds_once()
            assert len(new) == 3
            get_channel.assert_called_with(4242)
            channel.send.assert_awaited_once()
            text = channel.send.await_args.args[0]
            assert text.startswith("3 new articles from the feeds:")
            for title, _ in FEED_ITEMS.values():
                assert f"**{title}**" in text
            answer = c.engine.answer("How late will the central library stay open?")
            assert "ten in the evening" in answer.text

            generation = current_generation(settings.snapshots_dir)
            assert await c.poll_feeds_once() == []  # nothing new: no index run, no message
            channel.send.assert_awaited_once()
            assert current_generation(settings.snapshots_dir) == generation
    finally:
        c.executor.shutdown(wait=True)
        c.fetcher.close()


async def test_the_feed_job_runs_on_the_configured_schedule(settings) -> None:  # type: ignore[no-untyped-def]
    from bot.engine import Engine

    settings = settings.model_copy(update={"feeds_every": "45m"})
    c = make_cog(Engine(settings), settings)
    try:
        await c.cog_load()
        assert c.feed_poll.is_running() and c.feed_poll.seconds == 45 * 60
        task = c.feed_poll.get_task()
    finally:
        await c.close()
    assert task is not None
    with contextlib.suppress(asyncio.CancelledError):
        await task
    assert not c.feed_poll.is_running()
    idle = make_cog(c.engine, settings.model_copy(update={"feeds_every": None}))
    await idle.cog_load()
    assert not idle.feed_poll.is_running()
    idle.executor.shutdown(wait=True)


def test_reindex_never_loads_torch_into_the_bot_process(fresh_home) -> None:  # type: ignore[no-untyped-def]
    """The bot's own process after a /reindex that embedded a new article: no torch."""
    (Path(fresh_home.corpus) / "zz_new.txt").write_text(
        "Tram line extended\n\nThe tram line was extended by four stops on Monday, the "
        "transit authority said, adding service to the northern suburbs.\n",
        encoding="utf-8",
    )
    script = textwrap.dedent(
        f"""
        import asyncio, json, sys
        sys.path[:0] = [{str(ROOT / "tests")!r}, {str(ROOT)!r}]
        from test_discord_slash import interaction, make_cog
        from bot.engine import Engine
        from index.shared.settings import get_settings

        async def main():
            s = get_settings(home={str(fresh_home.home)!r}, corpus={str(fresh_home.corpus)!r})
            cog = make_cog(Engine(s), s)
            inter = interaction(manage_guild=True)
            await cog.reindex.callback(cog, inter)
            cog.executor.shutdown(wait=True)
            print(json.dumps({{"reply": inter.followup.send.await_args.args[0],
                               "torch": "torch" in sys.modules}}))

        asyncio.run(main())
        """
    )
    env = {k: v for k, v in os.environ.items() if k == "CITEBOT_CONFIG" or "CITEBOT_" not in k}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, env=env
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["reply"].startswith("Reindexed: 1 added"), result
    assert result["torch"] is False


async def test_a_poll_that_finds_the_index_busy_indexes_and_announces_next_round(
    settings, web: WebServer
) -> None:  # type: ignore[no-untyped-def]
    from index.indexer import writer_lock

    settings = settings.model_copy(update={"feeds_channel": 7})
    c, channel = feed_cog(settings, web)
    try:
        with patch.object(c.bot, "get_channel", return_value=channel):
            with writer_lock(settings):  # another indexer holds the index
                assert await c.poll_feeds_once() == []
            channel.send.assert_not_awaited()
            assert len(await c.poll_feeds_once()) == 3  # the feed is unchanged (304) now
            channel.send.assert_awaited_once()
        assert "ten in the evening" in c.engine.answer("How late does the library open?").text
    finally:
        c.executor.shutdown(wait=True)
        c.fetcher.close()

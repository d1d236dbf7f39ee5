"""Mentions, DMs and follow-up replies through discord.py's real event flow (dpytest fakes
only Discord's network), answered by the real engine."""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path
from typing import Any
from unittest.mock import patch

import discord
import discord.ext.test as dpytest
import pytest
from discord.ext.test import backend as back
from discord.ext.test import factories as facts

from bot.discord_bot.app import create_bot
from bot.discord_bot.format import answer_embed

QUESTION = "Where were Kim and Kanye spotted crying in a car?"
# dpytest keeps members only in a member cache, which needs the members intent; the bot
# itself needs no privileged intent (see default_intents).
TEST_INTENTS = discord.Intents(guilds=True, guild_messages=True, dm_messages=True, members=True)


def capture_payloads(bot: discord.Client) -> list[dict[str, Any]]:
    """Record what would go over the wire for each message (allowed_mentions, reference)."""
    http: Any = bot.http
    original = http.send_message
    payloads: list[dict[str, Any]] = []

    async def send_message(channel_id: int, *, params: Any) -> Any:
        payloads.append(params.payload)
        channel = sys._getframe(1).f_locals.get("channel")  # noqa: F841 - dpytest reads its caller's locals
        return await original(channel_id, params=params)

    http.send_message = send_message
    return payloads


async def start(engine, settings):  # type: ignore[no-untyped-def]
    bot = create_bot(engine, settings, intents=TEST_INTENTS, sync=False)
    await bot._async_setup_hook()
    dpytest.configure(bot)
    # dpytest 0.7 swaps in its state after discord.py 2.7 gave the old one the loop
    back.get_state().loop = asyncio.get_running_loop()
    await bot.setup_hook()
    return bot, capture_payloads(bot)


@pytest.fixture()
async def running(engine, tmp_path: Path):  # type: ignore[no-untyped-def]
    settings = engine.settings.model_copy(
        update={"home": tmp_path / "home", "cooldown_seconds": 0.0}
    )
    bot, payloads = await start(engine, settings)
    yield bot, payloads
    await dpytest.empty_queue()
    bot.citebot.executor.shutdown(wait=True)  # type: ignore[attr-defined]


async def post(
    content: str,
    author: Any,
    channel: Any,
    mentions: list[Any] = (),
    reply_to: discord.Message | None = None,
    send_referenced: bool = True,
) -> int:  # type: ignore[assignment]
    """A user's message arriving from the gateway, as Discord would send it."""
    extra: dict[str, Any] = {}
    if getattr(channel, "guild", None) is not None:
        extra["guild_id"] = channel.guild.id
    data = facts.make_message_dict(
        channel, author, content=content, mentions=list(mentions), **extra
    )
    if reply_to is not None:
        raw = next(m for m in back._cur_config.messages[channel.id] if m["id"] == reply_to.id)  # type: ignore[union-attr]
        data["type"] = 19
        data["message_reference"] = {"message_id": reply_to.id, "channel_id": channel.id, **extra}
        if send_referenced:
            data["referenced_message"] = raw
    back._cur_config.messages.setdefault(channel.id, []).append(data)  # type: ignore[union-attr]
    back.get_state().parse_message_create(data)
    await dpytest.run_all_events()
    return int(data["id"])


def fields(embed: discord.Embed) -> list[tuple[str | None, str | None]]:
    return [(f.name, f.value) for f in embed.fields]


def assert_pings_nobody(payload: dict[str, Any]) -> None:
    mentions = payload["allowed_mentions"]
    assert mentions["parse"] == []
    assert not mentions.get("users") and not mentions.get("roles")
    assert not mentions.get("replied_user")


async def test_mention_is_answered_as_a_reply_with_the_engines_citations(running, engine) -> None:  # type: ignore[no-untyped-def]
    bot, payloads = running
    cfg = dpytest.get_config()
    asked = await post(
        f"<@{bot.user.id}> {QUESTION}", cfg.members[0], cfg.channels[0], mentions=[bot.user]
    )
    reply = dpytest.get_message()
    expected = answer_embed(engine.answer(QUESTION))
    assert reply.embeds and fields(reply.embeds[0]) == fields(expected)
    assert reply.embeds[0].description == expected.description and expected.fields
    assert payloads[-1]["message_reference"]["message_id"] == asked
    assert_pings_nobody(payloads[-1])
    assert payloads[-1]["components"], "feedback buttons are attached"
    assert dpytest.verify().message().nothing()


async def test_everyone_in_a_question_pings_nobody(running) -> None:  # type: ignore[no-untyped-def]
    bot, payloads = running
    cfg = dpytest.get_config()
    role = cfg.guilds[0].roles[0]
    await post(
        f"<@{bot.user.id}> @everyone @here <@&{role.id}> {QUESTION}",
        cfg.members[0],
        cfg.channels[0],
        mentions=[bot.user],
    )
    reply = dpytest.get_message()
    assert not reply.mention_everyone and not reply.role_mentions
    assert "@everyone" not in (reply.embeds[0].title or "")
    assert_pings_nobody(payloads[-1])


async def test_plain_guild_messages_are_ignored(running) -> None:  # type: ignore[no-untyped-def]
    cfg = dpytest.get_config()
    await post(QUESTION, cfg.members[0], cfg.channels[0])
    await post(f"@everyone {QUESTION}", cfg.members[0], cfg.channels[0])
    assert dpytest.verify().message().nothing()


async def test_direct_messages_are_answered(running, engine) -> None:  # type: ignore[no-untyped-def]
    _, payloads = running
    member = dpytest.get_config().members[0]
    dm = await member.create_dm()
    await post(QUESTION, member._user, dm)
    reply = dpytest.get_message()
    assert isinstance(reply.channel, discord.DMChannel)
    assert fields(reply.embeds[0]) == fields(answer_embed(engine.answer(QUESTION)))
    assert_pings_nobody(payloads[-1])


async def test_reply_to_an_answer_is_a_follow_up_with_context(running, engine) -> None:  # type: ignore[no-untyped-def]
    bot, _ = running
    cfg = dpytest.get_config()
    await post(f"<@{bot.user.id}> {QUESTION}", cfg.members[0], cfg.channels[0], mentions=[bot.user])
    first = dpytest.get_message()
    follow_up = "What did the source say about North?"
    real = engine.answer
    with patch.object(engine, "answer", side_effect=real) as spy:
        # a reply that pings the bot
        await post(follow_up, cfg.members[0], cfg.channels[0], mentions=[bot.user], reply_to=first)
        assert spy.call_args.kwargs["context"] == QUESTION
        second = dpytest.get_message()
        # after a restart the memory is empty: the context comes from the answer's embed
        bot.citebot.memory = type(bot.citebot.memory)()
        await post(follow_up, cfg.members[0], cfg.channels[0], reply_to=first)  # ping turned off
        assert spy.call_args.kwargs["context"] == QUESTION
        third = dpytest.get_message()
    expected = answer_embed(real(follow_up, context=QUESTION))
    assert fields(second.embeds[0]) == fields(expected) == fields(third.embeds[0])


async def test_follow_up_fetches_the_answer_when_discord_does_not_send_it(running, engine) -> None:  # type: ignore[no-untyped-def]
    bot, _ = running
    cfg = dpytest.get_config()
    await post(f"<@{bot.user.id}> {QUESTION}", cfg.members[0], cfg.channels[0], mentions=[bot.user])
    first = dpytest.get_message()
    bot.citebot.memory = type(bot.citebot.memory)()
    real = engine.answer
    with patch.object(engine, "answer", side_effect=real) as spy:
        await post(
            f"<@{bot.user.id}> and Kim?",
            cfg.members[0],
            cfg.channels[0],
            mentions=[bot.user],
            reply_to=first,
            send_referenced=False,
        )
    assert spy.call_args.kwargs["context"] == QUESTION
    assert dpytest.get_message().embeds


async def test_reply_to_someone_else_is_not_a_follow_up(running) -> None:  # type: ignore[no-untyped-def]
    cfg = dpytest.get_config()
    other = await post("Kanye is in Wyoming", cfg.members[0], cfg.channels[0])
    other_msg = back.get_state()._get_message(other)
    assert other_msg is not None
    await post("why?", cfg.members[0], cfg.channels[0], reply_to=other_msg)
    assert dpytest.verify().message().nothing()


async def test_empty_mention_and_cooldown_get_polite_replies(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = engine.settings.model_copy(
        update={"home": tmp_path / "home", "cooldown_seconds": 30.0}
    )
    bot, payloads = await start(engine, settings)
    try:
        cfg = dpytest.get_config()
        await post(f"<@{bot.user.id}>", cfg.members[0], cfg.channels[0], mentions=[bot.user])
        assert "empty" in dpytest.get_message().content
        await post(
            f"<@{bot.user.id}> {QUESTION}", cfg.members[0], cfg.channels[0], mentions=[bot.user]
        )
        assert dpytest.get_message().embeds
        await post(
            f"<@{bot.user.id}> {QUESTION}", cfg.members[0], cfg.channels[0], mentions=[bot.user]
        )
        wait = dpytest.get_message()
        assert "ask again in 30 seconds" in wait.content
        assert_pings_nobody(payloads[-1])
    finally:
        await dpytest.empty_queue()
        bot.citebot.executor.shutdown(wait=True)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def everyone_home(indexed, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The seed index plus one article whose text contains @everyone and markdown."""
    from index.indexer import run_index

    base = tmp_path_factory.mktemp("everyone")
    shutil.copytree(indexed.home, base / "home")
    shutil.copytree(indexed.corpus, base / "corpus")
    (base / "corpus" / "zz_notice.txt").write_text(
        "Library posts a notice to @everyone about the flood\n\n"
        "The Millbrook library told @everyone on its server that the basement flood ruined "
        "**four hundred** rare maps on Sunday. Librarian Jo Pike said the maps_were_irreplaceable.\n",
        encoding="utf-8",
    )
    settings = indexed.model_copy(update={"home": base / "home", "corpus": base / "corpus"})
    report = run_index(settings)
    assert report.added == ["zz_notice"]
    return settings


async def test_everyone_in_a_passage_pings_nobody_and_markdown_is_escaped(
    everyone_home, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from bot.engine import Engine

    engine = Engine(everyone_home)
    settings = everyone_home.model_copy(update={"home": tmp_path / "home", "cooldown_seconds": 0.0})
    bot, payloads = await start(engine, settings)
    try:
        cfg = dpytest.get_config()
        question = "How many rare maps did the Millbrook library flood ruin?"
        await post(
            f"<@{bot.user.id}> {question}", cfg.members[0], cfg.channels[0], mentions=[bot.user]
        )
        embed = dpytest.get_message().embeds[0]
        text = " ".join([embed.description or ""] + [f.value or "" for f in embed.fields])
        assert "Millbrook" in text
        assert "@everyone" not in text and "@\u200beveryone" in text
        assert "\\*\\*four hundred\\*\\*" in text
        assert_pings_nobody(payloads[-1])
    finally:
        await dpytest.empty_queue()
        bot.citebot.executor.shutdown(wait=True)  # type: ignore[attr-defined]

"""Slash-command callbacks driven with spec'd interaction doubles and the real engine."""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import json
import logging
import time
from pathlib import Path
from unittest.mock import MagicMock, patch

import discord
import pytest
from discord import app_commands
from test_discord_format import assert_within_limits, big_answer

from bot.core.compose import NOT_COVERED
from bot.discord_bot.admin import REFUSAL
from bot.discord_bot.app import create_bot
from bot.discord_bot.cog import CitebotCog
from bot.discord_bot.format import NO_MENTIONS, answer_embed, source_pages
from bot.discord_bot.views import APOLOGY, SourcesView, on_app_command_error
from index.shared.article import Article

QUESTION = "Where were Kim and Kanye spotted crying in a car?"
_ids = itertools.count(10_000)


def interaction(user_id: int = 1, manage_guild: bool = False) -> MagicMock:
    inter = MagicMock(spec=discord.Interaction)
    inter.id = next(_ids)
    inter.user = MagicMock(spec=discord.Member)
    inter.user.id = user_id
    inter.permissions = discord.Permissions(manage_guild=manage_guild)
    inter.response = MagicMock(spec=discord.InteractionResponse)  # its coroutines are AsyncMocks
    inter.response.is_done.return_value = False
    inter.followup = MagicMock(spec=discord.Webhook)
    inter.followup.send.side_effect = lambda *a, **k: MagicMock(
        spec=discord.WebhookMessage, id=next(_ids)
    )
    return inter


def make_cog(engine, settings) -> CitebotCog:  # type: ignore[no-untyped-def]
    bot = create_bot(engine, settings, sync=False)
    return bot.citebot  # type: ignore[attr-defined, no-any-return]


@pytest.fixture()
def settings(engine, tmp_path: Path):  # type: ignore[no-untyped-def]
    # the shared index stays read-only: feedback goes to a private home
    return engine.settings.model_copy(update={"home": tmp_path / "home", "cooldown_seconds": 0.0})


@pytest.fixture()
def cog(engine, settings):  # type: ignore[no-untyped-def]
    c = make_cog(engine, settings)
    yield c
    c.executor.shutdown(wait=True)


def sent_kwargs(mock: MagicMock) -> dict:  # type: ignore[type-arg]
    assert mock.await_count == 1, mock.await_args_list
    return dict(mock.await_args.kwargs)


async def test_ask_defers_before_answering_and_sends_the_engine_answer(cog, engine) -> None:  # type: ignore[no-untyped-def]
    order: list[str] = []
    inter = interaction()
    inter.response.defer.side_effect = lambda *a, **k: order.append("defer")
    real = engine.answer

    def spy(*a, **k):  # type: ignore[no-untyped-def]
        order.append("answer")
        return real(*a, **k)

    with patch.object(engine, "answer", side_effect=spy):
        await cog.ask.callback(cog, inter, question=QUESTION)
    assert order == ["defer", "answer"]
    assert inter.response.defer.await_args.kwargs == {"ephemeral": False, "thinking": True}
    kw = sent_kwargs(inter.followup.send)
    expected = answer_embed(engine.answer(QUESTION))
    embed = kw["embed"]
    assert embed.description == expected.description
    assert [(f.name, f.value) for f in embed.fields] == [(f.name, f.value) for f in expected.fields]
    assert embed.fields, "the seed corpus answers this question"
    assert "passages searched" in (embed.footer.text or "") and " ms" in (embed.footer.text or "")
    assert kw["allowed_mentions"] is NO_MENTIONS and kw["ephemeral"] is False
    assert kw["view"] is cog.feedback_view
    assert cog.answered == 1


async def test_private_answers_are_ephemeral(cog) -> None:  # type: ignore[no-untyped-def]
    inter = interaction()
    await cog.ask.callback(cog, inter, question=QUESTION, private=True)
    assert inter.response.defer.await_args.kwargs["ephemeral"] is True
    assert sent_kwargs(inter.followup.send)["ephemeral"] is True


async def test_answer_with_long_passages_and_many_citations_respects_limits(cog, engine) -> None:  # type: ignore[no-untyped-def]
    huge = big_answer(40, passage_words=3000, question="Why? " * 300)  # real Answer, not a mock
    inter = interaction()
    with patch.object(engine, "answer", return_value=huge):
        await cog.ask.callback(cog, inter, question="Why?")
    embed = sent_kwargs(inter.followup.send)["embed"]
    assert_within_limits(embed)
    assert len(embed.fields) <= 25 and len(huge.citations) > 25


async def test_cooldown_reply_carries_the_wait(engine, settings) -> None:  # type: ignore[no-untyped-def]
    cog = make_cog(engine, settings.model_copy(update={"cooldown_seconds": 5.0}))
    try:
        first, second = interaction(user_id=7), interaction(user_id=7)
        await cog.ask.callback(cog, first, question=QUESTION)
        await cog.ask.callback(cog, second, question=QUESTION)
        second.response.defer.assert_not_awaited()
        msg = second.response.send_message.await_args
        assert "ask again in 5 seconds" in msg.args[0]
        assert msg.kwargs["ephemeral"] is True
        other = interaction(user_id=8)  # per user: someone else is not held back
        await cog.ask.callback(cog, other, question=QUESTION)
        other.response.defer.assert_awaited_once()
    finally:
        cog.executor.shutdown(wait=True)


@pytest.mark.parametrize(
    ("question", "says"), [("", "empty"), ("   ", "empty"), ("why " * 600, "too long")]
)
async def test_empty_or_long_questions_get_a_polite_reply(cog, question: str, says: str) -> None:  # type: ignore[no-untyped-def]
    inter = interaction()
    await cog.ask.callback(cog, inter, question=question)
    inter.response.defer.assert_not_awaited()
    reply = inter.response.send_message.await_args
    assert says in reply.args[0] and reply.args[0].startswith("I can't answer that")
    assert len(reply.args[0]) <= 2000


async def test_reindex_refuses_non_admins(cog) -> None:  # type: ignore[no-untyped-def]
    inter = interaction(user_id=5, manage_guild=False)
    with patch("index.indexer.run_index") as run:
        await cog.reindex.callback(cog, inter)
    run.assert_not_called()
    inter.response.defer.assert_not_awaited()
    assert inter.response.send_message.await_args.args[0] == REFUSAL
    assert inter.response.send_message.await_args.kwargs["ephemeral"] is True


async def test_reindex_for_admin_reports_counts_and_engine_sees_new_articles(fresh_home) -> None:  # type: ignore[no-untyped-def]
    from bot.engine import Engine

    corpus = Path(fresh_home.corpus)
    victim = sorted(corpus.iterdir())[0]
    kept = len(list(corpus.iterdir())) - 1
    victim.unlink()
    (corpus / "zz_lighthouse.txt").write_text(
        "Harbor town restores its lighthouse\n\nThe Port Wren lighthouse was relit on Saturday after a "
        "three-year restoration paid for by a bake sale and a county grant. Keeper Ada Morrow said "
        "the new lens can be seen forty kilometres out to sea.\n",
        encoding="utf-8",
    )
    engine = Engine(fresh_home)
    cog = make_cog(engine, fresh_home)
    try:
        before = engine.answer("How far can the Port Wren lighthouse lens be seen?")
        inter = interaction(manage_guild=True)
        finished: list[str] = []

        async def reindex() -> None:
            await cog.reindex.callback(cog, inter)
            finished.append("reindex")

        async def ask_meanwhile() -> None:
            await asyncio.sleep(0.05)  # the reindex is under way in its thread
            asker = interaction(user_id=77)
            await cog.ask.callback(cog, asker, question=QUESTION)
            assert sent_kwargs(asker.followup.send)["embed"].fields
            finished.append("ask")

        await asyncio.gather(reindex(), ask_meanwhile())
        assert finished == ["ask", "reindex"], "answers keep flowing while the index is rebuilt"
        assert inter.response.defer.await_args.kwargs["ephemeral"] is True
        sent_kwargs(inter.followup.send)
        text = inter.followup.send.await_args.args[0]
        assert f"1 added, 0 updated, 1 deleted, {kept} unchanged" in text
        after = engine.answer("How far can the Port Wren lighthouse lens be seen?")
        assert not before.answered or "zz_lighthouse" not in before.article_ids
        assert after.answered and "zz_lighthouse" in after.article_ids
        assert len(engine.snapshot.articles) == kept + 1
    finally:
        cog.executor.shutdown(wait=True)


async def test_reindex_while_another_indexer_runs_is_polite(fresh_home) -> None:  # type: ignore[no-untyped-def]
    from bot.engine import Engine
    from index.indexer import writer_lock

    settings = fresh_home.model_copy(update={"admin_ids": "99, 100"})
    cog = make_cog(Engine(settings), settings)
    try:
        inter = interaction(user_id=100)  # admin by id, no Manage Server
        with writer_lock(settings):
            await cog.reindex.callback(cog, inter)
        msg = inter.followup.send.await_args.args[0]
        assert "already in progress" in msg
        # answers keep working meanwhile
        assert cog.engine.answer(QUESTION).answered
    finally:
        cog.executor.shutdown(wait=True)


async def test_error_handler_apologises_and_logs_the_traceback(
    cog, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    assert cog.bot.tree.on_error is on_app_command_error
    try:
        raise RuntimeError("boom in the engine")
    except RuntimeError as exc:
        error = app_commands.CommandInvokeError(cog.ask, exc)
    fresh, deferred = interaction(), interaction()
    deferred.response.is_done.return_value = True
    with caplog.at_level(logging.ERROR, logger="citebot.discord"):
        await on_app_command_error(fresh, error)
        await on_app_command_error(deferred, error)
    assert fresh.response.send_message.await_args.args[0] == APOLOGY
    assert fresh.response.send_message.await_args.kwargs["ephemeral"] is True
    assert deferred.followup.send.await_args.args[0] == APOLOGY
    assert "boom in the engine" not in fresh.response.send_message.await_args.args[0]
    assert any(r.exc_info and "boom in the engine" in str(r.exc_info[1]) for r in caplog.records)


async def test_feedback_buttons_record_votes(cog, engine, settings) -> None:  # type: ignore[no-untyped-def]
    answer = engine.answer(QUESTION)
    assert answer.article_ids
    message = MagicMock(spec=discord.Message)
    message.id = 555
    message.embeds = [answer_embed(answer)]
    cog.memory.add(555, answer)
    up = interaction(user_id=4242)
    up.message = message
    await cog.feedback_view.up.callback(up)
    assert "Thanks" in up.response.send_message.await_args.args[0]
    assert up.response.send_message.await_args.kwargs["ephemeral"] is True
    # after a restart the memory is empty: the vote is rebuilt from the embed itself
    other = make_cog(engine, settings)
    down = interaction(user_id=4243)
    down.message = message
    await other.feedback_view.down.callback(down)
    other.executor.shutdown(wait=True)
    rows = [json.loads(line) for line in settings.feedback_path.read_text().splitlines()]
    assert [r["vote"] for r in rows] == ["up", "down"]
    for row in rows:
        assert row["question"] == answer.question
        assert row["article_ids"] == answer.article_ids
        assert abs(row["time"] - time.time()) < 60
    assert rows[0]["user"] == hashlib.sha256(b"4242").hexdigest()
    assert "4242" not in settings.feedback_path.read_text()


async def test_sources_and_stats(cog, engine) -> None:  # type: ignore[no-untyped-def]
    inter = interaction()
    await cog.sources.callback(cog, inter)
    embed = inter.response.send_message.await_args.kwargs["embed"]
    assert embed.title == f"{len(engine.snapshot.articles)} indexed articles"
    for a in engine.snapshot.articles:
        assert (a.outlet or "unknown outlet") in (embed.description or "")
    await cog.ask.callback(cog, interaction(), question=QUESTION)
    stats = interaction()
    await cog.stats.callback(cog, stats)
    fields = {
        f.name: f.value for f in stats.response.send_message.await_args.kwargs["embed"].fields
    }
    assert fields["Articles"] == str(len(engine.snapshot.articles))
    assert fields["Passages"] == f"{engine.snapshot.chunk_count:,}"
    assert fields["Model"] == "all-MiniLM-L6-v2"
    assert fields["Questions answered since start"] == "1"


async def test_sources_pagination_buttons() -> None:
    arts = [Article(id=f"a{i}", title=f"Story {i}") for i in range(25)]
    view = SourcesView(source_pages(arts), owner_id=1)
    assert view.previous.disabled and not view.next.disabled
    inter = interaction()
    await view.next.callback(inter)
    await view.next.callback(inter)
    assert view.page == 2 and view.next.disabled
    assert inter.response.edit_message.await_args.kwargs["embed"].footer.text == "Page 3 of 3"


@pytest.mark.timeout(300)
async def test_fifty_concurrent_asks_complete_and_the_loop_stays_responsive(cog) -> None:  # type: ignore[no-untyped-def]
    questions = [
        json.loads(line)["q"]
        for line in (Path(__file__).parent.parent / "eval" / "questions.jsonl")
        .read_text()
        .splitlines()
        if line.strip()
    ]
    inters = [interaction(user_id=1000 + i) for i in range(50)]

    in_flight = 0
    most_in_flight = 0

    async def deferred(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal in_flight, most_in_flight
        await asyncio.sleep(0)  # a real defer is an HTTP request: it yields to the loop
        in_flight += 1
        most_in_flight = max(most_in_flight, in_flight)

    def followed_up(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal in_flight
        in_flight -= 1
        return MagicMock(spec=discord.WebhookMessage, id=next(_ids))

    for inter in inters:
        inter.response.defer.side_effect = deferred
        inter.followup.send.side_effect = followed_up
    worst = 0.0
    running = True

    async def heartbeat() -> None:
        nonlocal worst
        while running:
            before = time.perf_counter()
            await asyncio.sleep(0.01)
            worst = max(worst, time.perf_counter() - before - 0.01)

    await cog.warm_up()  # as setup_hook does before the bot connects
    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.05)
    started = time.perf_counter()
    tasks = []
    for i in range(50):
        ask = cog.ask.callback(cog, inters[i], question=questions[i % len(questions)])
        tasks.append(asyncio.create_task(ask))
        await asyncio.sleep(0)  # gateway events arrive one per loop iteration, not in one batch
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - started
    running = False
    await beat
    for inter in inters:
        inter.response.defer.assert_awaited_once()
        assert isinstance(sent_kwargs(inter.followup.send)["embed"], discord.Embed)
    assert cog.answered == 50
    assert most_in_flight >= 25, f"only {most_in_flight} asks were in flight together"
    print(
        f"50 concurrent /ask: {elapsed:.2f} s, {most_in_flight} in flight at once, "
        f"worst heartbeat stall {worst * 1000:.1f} ms"
    )
    assert worst < 0.1, f"event loop stalled {worst * 1000:.0f} ms"


async def test_guild_id_syncs_to_one_guild_else_global(engine, settings) -> None:  # type: ignore[no-untyped-def]
    from unittest.mock import AsyncMock

    for guild_id, expect_guild in ((1234, True), (None, False)):
        bot = create_bot(engine, settings.model_copy(update={"guild_id": guild_id}), sync=False)
        with patch.object(bot.tree, "sync", new=AsyncMock(return_value=[])) as sync:
            await bot.sync_commands()  # type: ignore[attr-defined]
        guild = sync.await_args.kwargs.get("guild")
        assert (guild is not None and guild.id == 1234) if expect_guild else guild is None
        bot.citebot.executor.shutdown(wait=True)  # type: ignore[attr-defined]


def test_slash_commands_are_described() -> None:
    from bot.discord_bot.app import CitebotCog

    commands = {c.name: c for c in CitebotCog.__cog_app_commands__}
    assert set(commands) == {"ask", "sources", "stats", "reindex", "timeline", "add"}
    ask = commands["ask"]
    params = {p.name: p for p in ask.parameters}
    assert (
        params["question"].required
        and params["question"].type is discord.AppCommandOptionType.string
    )
    assert (
        not params["private"].required
        and params["private"].type is discord.AppCommandOptionType.boolean
    )
    assert all(p.description and p.description != "…" for p in params.values())
    assert all(c.description for c in commands.values())


async def test_uncovered_questions_are_refused_plainly(cog, engine) -> None:  # type: ignore[no-untyped-def]
    question = "What is the boiling point of liquid nitrogen in kelvin?"
    expected = engine.answer(question)
    assert not expected.answered, "the seed corpus is about celebrities, not chemistry"
    inter = interaction()
    await cog.ask.callback(cog, inter, question=question)
    embed = sent_kwargs(inter.followup.send)["embed"]
    assert embed.description == expected.text == NOT_COVERED
    assert embed.fields == []


def test_create_bot_without_an_engine_answers_from_the_configured_index(engine) -> None:  # type: ignore[no-untyped-def]
    bot = create_bot(settings=engine.settings, sync=False)
    own = bot.citebot.engine  # type: ignore[attr-defined]
    assert own is not engine
    assert own.snapshot.generation == engine.snapshot.generation
    assert bot.intents.message_content is False and bot.intents.members is False
    assert bot.allowed_mentions is not None and bot.allowed_mentions.to_dict()["parse"] == []
    bot.citebot.executor.shutdown(wait=True)  # type: ignore[attr-defined]


async def test_a_metadata_answer_shows_its_lead_on_discord(cog, engine) -> None:  # type: ignore[no-untyped-def]
    inter = interaction()
    question = "Who wrote “Kanye West Leaves Kim Kardashian After Massive Fight”?"
    await cog.ask.callback(cog, inter, question=question)
    embed = sent_kwargs(inter.followup.send)["embed"]
    expected = engine.answer(question)
    assert expected.kind == "metadata"
    assert (embed.description or "").startswith("“Kanye West Leaves Kim")
    assert "was written by In Touch Staff" in (embed.description or "")

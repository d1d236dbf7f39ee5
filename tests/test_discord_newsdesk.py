"""News desk on Discord: /timeline, /ask's since/until/outlet options, and answer embeds with
dates, attributions, quote links and "Sources differ" — real engine, spec'd interaction doubles."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from unittest.mock import patch

import discord
import pytest
from test_discord_slash import interaction, make_cog, sent_kwargs

import bot.discord_bot.desk as desk
from bot.discord_bot.cog import CitebotCog
from bot.discord_bot.format import DIFFER_TITLE, NO_MENTIONS, answer_embed, timeline_markdown
from bot.newsdesk.timeline import timeline

GOSSIP = "003_ab80ad7370848eac"
LIVING_APART = "Are Kim and Kanye living apart?"
_LINE_DATE = re.compile(r"^\*\*([^*]+)\*\* · ")


@pytest.fixture()
def cog(engine, tmp_path: Path):  # type: ignore[no-untyped-def]
    # the shared index stays read-only: feedback goes to a private home
    settings = engine.settings.model_copy(
        update={"home": tmp_path / "home", "cooldown_seconds": 0.0}
    )
    c = make_cog(engine, settings)
    yield c
    c.executor.shutdown(wait=True)


async def test_timeline_defers_then_lists_dated_entries_in_date_order(cog, engine) -> None:  # type: ignore[no-untyped-def]
    order: list[str] = []
    threads: list[str] = []
    inter = interaction()
    inter.response.defer.side_effect = lambda *a, **k: order.append("defer")

    def spy(*a, **k):  # type: ignore[no-untyped-def]
        order.append("timeline")
        threads.append(threading.current_thread().name)
        return timeline(*a, **k)

    with patch.object(desk, "timeline", side_effect=spy):
        await cog.timeline.callback(cog, inter, topic="Wyoming")
    assert order == ["defer", "timeline"]
    assert threads[0].startswith("citebot-answer"), "computed off the event loop"
    kw = sent_kwargs(inter.followup.send)
    assert kw["allowed_mentions"] is NO_MENTIONS
    embed = kw["embed"]
    entries = timeline(engine.reader, "Wyoming")
    assert embed.description == timeline_markdown(entries, limit=4000)
    labels = [m.group(1) for ln in embed.description.splitlines() if (m := _LINE_DATE.match(ln))]
    assert len(labels) == len(entries) >= 4
    assert labels == [e.date_label for e in entries]
    assert [e.sort_key for e in entries] == sorted(e.sort_key for e in entries)
    dated = [label for label in labels if label != "undated"]
    years = [label[:4] for label in dated]
    # One seed states its date; the others are undated (no year is guessed from the text).
    assert dated and years == sorted(years), labels
    assert labels[len(dated) :] == ["undated"] * (len(labels) - len(dated))  # undated last
    assert all("Wyoming" in ln for ln in embed.description.splitlines())
    assert len(embed) <= 6000 and len(embed.description) <= 4096


@pytest.mark.parametrize(
    ("options", "says"),
    [
        ({"since": "2020-13"}, "since: '2020-13' is not a date"),
        ({"until": "last week"}, "until: 'last week' is not a date"),
        ({"since": "2021", "until": "2019"}, "is after"),
    ],
)
async def test_bad_dates_get_a_polite_ephemeral_reply(cog, options, says: str) -> None:  # type: ignore[no-untyped-def]
    for command, text in ((cog.timeline, {"topic": "Wyoming"}), (cog.ask, {"question": "Why?"})):
        inter = interaction()
        await command.callback(cog, inter, **text, **options)
        inter.response.defer.assert_not_awaited()
        reply = inter.response.send_message.await_args
        assert reply.args[0].startswith("I can't answer that: ") and says in reply.args[0]
        assert reply.kwargs["ephemeral"] is True and reply.kwargs["allowed_mentions"] is NO_MENTIONS
        assert "Traceback" not in reply.args[0] and "--" not in reply.args[0]


async def test_filters_no_article_passes_are_answered_politely(cog) -> None:  # type: ignore[no-untyped-def]
    for command, text in ((cog.timeline, {"topic": "Wyoming"}), (cog.ask, {"question": "Why?"})):
        inter = interaction()
        await command.callback(cog, inter, **text, outlet="The New Yorker")
        inter.response.defer.assert_awaited_once()  # the mask needs the snapshot: found late
        sent = inter.followup.send.await_args
        assert (
            sent.args[0]
            == "I can't answer that: no indexed article matches outlet: 'The New Yorker'."
        )
        assert sent.kwargs["ephemeral"] is True and "embed" not in sent.kwargs


async def test_ask_with_outlet_cites_only_that_outlet(cog, engine) -> None:  # type: ignore[no-untyped-def]
    unfiltered = engine.answer(LIVING_APART)
    assert set(unfiltered.article_ids) - {GOSSIP}, "without the filter other outlets are cited"
    answers = []
    real = engine.answer

    def spy(*a, **k):  # type: ignore[no-untyped-def]
        answers.append((k.get("mask"), real(*a, **k)))
        return answers[-1][1]

    inter = interaction()
    with patch.object(engine, "answer", side_effect=spy):
        await cog.ask.callback(cog, inter, question=LIVING_APART, outlet="gossip")
    mask, answer = answers[0]
    assert mask is not None and mask.sum() < len(mask)
    assert answer.answered and answer.article_ids == [GOSSIP]
    embed = sent_kwargs(inter.followup.send)["embed"]
    gossip = engine.snapshot.articles[engine.snapshot.article_index[GOSSIP]]
    cited = [f for f in embed.fields if f.name != DIFFER_TITLE]
    assert cited and all(gossip.title[:20] in (f.name or "") for f in cited)
    assert all("The Hollywood Gossip" in (f.value or "") for f in cited)


async def test_living_apart_embed_shows_sources_differ_with_both_sides(cog, engine) -> None:  # type: ignore[no-untyped-def]
    inter = interaction()
    await cog.ask.callback(cog, inter, question=LIVING_APART)
    embed = sent_kwargs(inter.followup.send)["embed"]
    answer = engine.answer(LIVING_APART)
    assert answer.differences
    differ = [f for f in embed.fields if f.name == DIFFER_TITLE]
    assert len(differ) == 1 and embed.fields[0].name == DIFFER_TITLE
    value = differ[0].value or ""
    by_n = {c.n: c for c in answer.citations}
    d = answer.differences[0]
    for n in (d.first, d.second):  # each side: its number, outlet and date
        c = by_n[n]
        assert f"[{n}] {c.outlet or 'unknown outlet'} · {c.date_label}" in value
    assert "The Hollywood Gossip · undated" in value and "unknown outlet · undated" in value
    assert "never living apart" in value and "living in different states" in value
    assert len(value) <= 1024 and len(embed) <= 6000
    # citation fields carry the date label and link to the quoted passage
    for f in embed.fields[1:]:
        c = by_n[int((f.name or "")[1 : (f.name or "").index("]")])]
        assert f"· {c.date_label}" in (f.value or "")
        if c.link and len(c.link) < 400:
            assert f"[Read the article]({c.link})" in (f.value or "")
    assert embed.fields[1:] == answer_embed(answer).fields[1:]


def _field_for(embed: discord.Embed, n: int) -> str:
    return next(f.value or "" for f in embed.fields if (f.name or "").startswith(f"[{n}] "))


@pytest.mark.parametrize("question", [LIVING_APART, "What did an insider tell PEOPLE about Kim?"])
def test_citation_fields_carry_attribution_and_quote_links(engine, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = engine.answer(question)
    embed = answer_embed(answer)
    attributed = [c for c in answer.citations if c.attribution]
    assert attributed, "the seed corpus attributes these claims to sources"
    for c in answer.citations:
        value = _field_for(embed, c.n)
        said = f"attributed to {discord.utils.escape_markdown(c.attribution or '')}"
        assert (said in value) == bool(c.attribution), (c.attribution, value)
        assert f"· {c.date_label}" in value
        if c.link:  # opens the article at the quote, not just the article
            assert "#:~:text=" in c.link and f"[Read the article]({c.link})" in value
        elif c.url:
            assert f"[Read the article]({c.url})" in value
    if question != LIVING_APART:
        assert any(c.link for c in answer.citations), "article 001 has a URL"


def test_timeline_and_filter_options_are_described() -> None:
    commands = {c.name: c for c in CitebotCog.__cog_app_commands__}
    tl = {p.name: p for p in commands["timeline"].parameters}
    assert list(tl) == ["topic", "since", "until", "outlet"] and tl["topic"].required
    ask = {p.name: p for p in commands["ask"].parameters}
    for params in (tl, ask):
        for name in ("since", "until", "outlet"):
            assert not params[name].required
            assert params[name].type is discord.AppCommandOptionType.string
            assert params[name].description and params[name].description != "…"

"""Discord front end under load: N concurrent /ask calls against the real engine.

Measures wall time, per-call latency (defer → follow-up sent) and the worst event-loop
stall seen by a 10 ms heartbeat. Interactions are spec'd doubles whose defer/send yield
to the loop like the real HTTP calls; only Discord's network is fake.

    .venv/bin/python bench/discord_load.py            # uses CITEBOT_HOME (indexes if needed)
    .venv/bin/python bench/discord_load.py --calls 200
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any
from unittest.mock import MagicMock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import discord  # noqa: E402

_ids = itertools.count(1)


def interaction(user_id: int, done: dict[int, float]) -> Any:
    inter = MagicMock(spec=discord.Interaction)
    inter.id = next(_ids)
    inter.user = MagicMock(spec=discord.Member)
    inter.user.id = user_id
    inter.response = MagicMock(spec=discord.InteractionResponse)

    async def network(*args: Any, **kwargs: Any) -> Any:
        await asyncio.sleep(0)
        done[user_id] = time.perf_counter()
        return MagicMock(spec=discord.WebhookMessage, id=next(_ids))

    inter.response.defer.side_effect = network
    inter.followup = MagicMock(spec=discord.Webhook)
    inter.followup.send.side_effect = network
    return inter


async def main(calls: int) -> dict[str, Any]:
    from bot.answer import Engine
    from bot.discord_app import create_bot
    from index.config import get_settings
    from index.errors import IndexMissing
    from index.indexer import run_index

    settings = get_settings(cooldown_seconds=0.0)
    try:
        engine = Engine(settings)
    except IndexMissing:
        run_index(settings)
        engine = Engine(settings)
    bot = create_bot(engine, settings, sync=False)
    cog: Any = bot.citebot  # type: ignore[attr-defined]
    await cog.warm_up()
    questions = [
        json.loads(line)["q"]
        for line in (ROOT / "eval" / "questions.jsonl").read_text().splitlines()
        if line.strip()
    ]
    worst = 0.0
    running = True
    stalls: list[tuple[float, int]] = []
    t0 = time.perf_counter()

    async def heartbeat() -> None:
        nonlocal worst
        while running:
            before = time.perf_counter()
            await asyncio.sleep(0.01)
            stall = time.perf_counter() - before - 0.01
            worst = max(worst, stall)
            if stall > 0.05:
                stalls.append((round(before - t0, 2), round(stall * 1000)))

    beat = asyncio.create_task(heartbeat())
    done: dict[int, float] = {}
    inters = [interaction(i, done) for i in range(calls)]
    latencies: list[float] = []

    async def one(i: int) -> None:
        started = time.perf_counter()
        await cog.ask.callback(cog, inters[i], question=questions[i % len(questions)])
        latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(calls)))
    wall = time.perf_counter() - started
    running = False
    await beat
    cog.executor.shutdown(wait=True)
    latencies.sort()
    return {
        "calls": calls,
        "wall_s": round(wall, 2),
        "answers_per_s": round(calls / wall, 1),
        "latency_p50_ms": round(statistics.median(latencies) * 1000),
        "latency_p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))] * 1000),
        "worst_loop_stall_ms": round(worst * 1000, 1),
        "stalls_over_50ms": stalls,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=50)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(main(args.calls)), indent=2))

"""Discord front end under load: N concurrent /ask calls against the real engine.

Measures wall time, per-call latency (defer → follow-up sent) and the worst event-loop
stall seen by a 10 ms heartbeat. Interactions are minimal stand-ins whose defer/send yield
to the loop like the real HTTP calls; only Discord's network is fake.

    .venv/bin/python bench/discord_load.py            # uses CITEBOT_HOME (indexes if needed)
    .venv/bin/python bench/discord_load.py --calls 200
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


_ids = itertools.count(1)


class _Sent:
    def __init__(self) -> None:
        self.id = next(_ids)


class _Channel:
    """Just the coroutines /ask awaits. Plain objects, not mocks: a spec'd AsyncMock costs
    ~1 ms a call, which would dwarf the bot's own ~0.2 ms of loop work per question."""

    def __init__(self, done: dict[int, float], user_id: int) -> None:
        self.done = done
        self.user_id = user_id

    async def _network(self) -> _Sent:
        await asyncio.sleep(0)  # a real call is an HTTP request: it yields to the loop
        self.done[self.user_id] = time.perf_counter()
        return _Sent()

    async def defer(self, **kwargs: Any) -> None:
        await self._network()

    async def send_message(self, *args: Any, **kwargs: Any) -> None:
        await self._network()

    async def send(self, *args: Any, **kwargs: Any) -> _Sent:
        return await self._network()

    def is_done(self) -> bool:
        return False


class _User:
    def __init__(self, user_id: int) -> None:
        self.id = user_id


class _Interaction:
    def __init__(self, user_id: int, done: dict[int, float]) -> None:
        self.id = next(_ids)
        self.user = _User(user_id)
        self.response = self.followup = _Channel(done, user_id)


def interaction(user_id: int, done: dict[int, float]) -> Any:
    return _Interaction(user_id, done)


async def main(calls: int) -> dict[str, Any]:
    from bot.discord_bot.app import create_bot
    from bot.engine import Engine
    from index.indexer import run_index
    from index.shared.errors import IndexMissing
    from index.shared.settings import get_settings

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

    gc_pauses: list[float] = []
    gc_started = [0.0]

    def gc_timer(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            gc_started[0] = time.perf_counter()
        else:
            gc_pauses.append(time.perf_counter() - gc_started[0])

    gc.callbacks.append(gc_timer)
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
    gc.callbacks.remove(gc_timer)
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
        # the interaction doubles are mocks full of reference cycles: a full collection
        # of them is a pause a real bot (no mocks) does not have
        "worst_gc_pause_ms": round(max(gc_pauses, default=0.0) * 1000, 1),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=50)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(main(args.calls)), indent=2))

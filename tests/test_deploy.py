"""The deploy files (deploy/: Dockerfile, compose.yaml, citebot.service) stay in step with
the code. No Docker daemon runs here or on CI, so nothing is built or started: these checks
read the files, run the commands they name, and let systemd-analyze verify the unit."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from small_corpus import ROOT, citebot

DEPLOY = ROOT / "deploy"


def dockerfile() -> str:
    return (DEPLOY / "Dockerfile").read_text("utf-8")


def compose() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text("utf-8"))


def test_the_image_copies_files_that_exist_and_pins_the_tested_torch(tmp_path: Path) -> None:
    text = dockerfile()
    for line in re.findall(r"^COPY (.+)$", text, re.M):
        *sources, _target = line.split()
        for source in sources:
            assert (ROOT / source).exists(), f"COPY {source}: no such file in the repository"
    pinned = re.search(r"^torch==(\S+)$", (ROOT / "constraints.txt").read_text("utf-8"), re.M)
    assert pinned and f"torch=={pinned.group(1)} --index-url" in text
    assert "pip install -c constraints.txt ." in text


def test_every_citebot_command_the_deploy_files_run_exists(tmp_path: Path) -> None:
    text = dockerfile()
    health = re.search(r'CMD \["citebot", "(\w+)"\]', text)
    default = re.search(r'^CMD \["(\w+)"\]', text, re.M)
    assert re.search(r'^ENTRYPOINT \["citebot"\]', text, re.M)
    assert health and default
    commands = {health.group(1), default.group(1)}
    services = compose()["services"]
    for name in ("bot", "indexer"):
        commands.add(services[name]["command"][0])
    unit = (DEPLOY / "citebot.service").read_text("utf-8")
    exec_start = re.search(r"^ExecStart=\S+/citebot (\w+)$", unit, re.M)
    assert exec_start
    commands.add(exec_start.group(1))
    assert commands == {"health", "discord", "index"}
    for command in commands:
        assert citebot(tmp_path, command, "-h").returncode == 0, command


def test_compose_runs_bot_chroma_and_indexer_from_one_image() -> None:
    services = compose()["services"]
    assert set(services) == {"bot", "chroma", "indexer"}
    assert {s["image"] for s in services.values()} == {"citebot:local"}
    assert services["chroma"]["entrypoint"] == ["chroma"]
    port = services["chroma"]["command"][services["chroma"]["command"].index("--port") + 1]
    for name in ("bot", "indexer"):
        assert services[name]["environment"]["CITEBOT_CHROMA_URL"] == f"http://chroma:{port}"
        assert "citebot-home:/data" in services[name]["volumes"]
    assert services["bot"]["depends_on"]["indexer"]["condition"] == (
        "service_completed_successfully"
    )
    assert services["bot"]["restart"] == "unless-stopped"
    # The bot's health check is the image's `citebot health`; the one-shot job has none.
    assert "healthcheck" not in services["bot"]
    assert services["indexer"]["healthcheck"] == {"disable": True}


def test_the_chroma_server_command_exists_in_the_venv() -> None:
    from chroma_server import chroma_executable

    done = subprocess.run(
        [chroma_executable(), *compose()["services"]["chroma"]["command"][:1], "--help"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    for flag in ("--path", "--host", "--port"):
        assert flag in done.stdout


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_the_systemd_unit_verifies(tmp_path: Path) -> None:
    from index.shared.errors import CitebotError

    unit = (DEPLOY / "citebot.service").read_text("utf-8")
    assert f"RestartPreventExitStatus={CitebotError.exit_code}" in unit
    # As installed from this clone: systemd checks that ExecStart names an executable.
    local = tmp_path / "citebot.service"
    local.write_text(unit.replace("/opt/citebot", str(ROOT)), "utf-8")
    done = subprocess.run(
        ["systemd-analyze", "verify", str(local)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr

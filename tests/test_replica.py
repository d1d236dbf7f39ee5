"""Replicas: host B (empty home, no corpus, CITEBOT_CHROMA_URL) answers from one real
`chroma run` on 127.0.0.1, picks up what host A indexes, answers through a server restart
and catches up after it. Both hosts are data directories on this machine."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from chroma_server import free_port, start_chroma
from conftest import SEED_CORPUS, make_settings
from test_server_mode import cli_env, run_cli

FACTS = (
    (
        "quarvel_bridge",
        "The Quarvel Bridge over the Lindmoor river reopened on Tuesday after a two-year "
        "rebuild, the county engineer said.",
        "When did the Quarvel Bridge reopen?",
        "Quarvel Bridge",
    ),
    (
        "tessaly_orchard",
        "The Tessaly orchard cooperative won the regional cider prize for its dry perry, "
        "judges announced on Friday.",
        "Which prize did the Tessaly orchard cooperative win?",
        "cider prize",
    ),
)


def _add(corpus: Path, fact: tuple[str, str, str, str]) -> None:
    stem, body, _, _ = fact
    (corpus / f"{stem}.txt").write_text(f"{stem.replace('_', ' ').title()}\n\n{body}\n", "utf-8")


def _until(engine, question: str, marker: str, seconds: float = 60) -> float:  # type: ignore[no-untyped-def]
    """Seconds until the long-running reader answers with the marker (the bot's loop:
    reload_if_changed before each question)."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        engine.reload_if_changed(0)
        answer = engine.answer(question)
        if answer.answered and marker in answer.text:
            return time.monotonic() - started
        time.sleep(0.5)
    raise AssertionError(f"not answered within {seconds:.0f} s: {question}")


def test_replica_answers_from_the_server_alone_and_follows_it(tmp_path: Path) -> None:
    from bot.engine import Engine
    from index.indexer import run_index

    port = free_port()
    server = start_chroma(tmp_path / "server", tmp_path / "server.log", port=port)
    try:
        corpus = tmp_path / "corpus"
        shutil.copytree(SEED_CORPUS, corpus)
        host_a = make_settings(tmp_path / "a", corpus, chroma_url=server.url)
        host_b = make_settings(
            tmp_path / "b", tmp_path / "no-corpus", chroma_url=server.url, sync_seconds=1
        )
        assert run_index(host_a).added

        # B: a fresh CLI process, empty home, no corpus: answers from the server alone.
        # (Its first start also exports the query model: minutes on a loaded machine.)
        question = "Where did Kim fly after the reunion?"
        got = run_cli(["ask", "--json", question], cli_env(host_b), timeout=900)
        assert got.returncode == 0, got.stderr
        assert json.loads(got.stdout)["answered"]
        assert not (tmp_path / "no-corpus").exists()

        bot = Engine(host_b)  # B as a long-running bot
        _add(corpus, FACTS[0])
        assert run_index(host_a).added == [FACTS[0][0]]
        assert _until(bot, FACTS[0][2], FACTS[0][3]) < 60

        server.stop()
        # The server is down: the bot and a fresh CLI process both answer from B's copy.
        assert _until(bot, FACTS[0][2], FACTS[0][3], seconds=5) < 5
        down = run_cli(["ask", "--json", FACTS[0][2]], cli_env(host_b, CITEBOT_CHROMA_TIMEOUT="5"))
        assert down.returncode == 0, down.stderr
        assert json.loads(down.stdout)["answered"] and FACTS[0][3] in down.stdout

        server = start_chroma(tmp_path / "server", tmp_path / "server.log", port=port)
        _add(corpus, FACTS[1])
        assert run_index(host_a).added == [FACTS[1][0]]
        assert _until(bot, FACTS[1][2], FACTS[1][3]) < 60
        # And B's snapshot holds exactly A's articles.
        assert {a.id for a in bot.snapshot.articles} == {p.stem for p in corpus.glob("*.txt")}
    finally:
        server.stop()

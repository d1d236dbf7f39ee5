"""The `citebot` command end to end, in subprocesses, on private copies of the indexed home."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DEV_QUESTIONS, SEED_CORPUS

QUESTION = "Where did Kim fly after the reunion?"
COMMANDS = ("index", "ask", "chat", "sources", "eval")


def run(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m bot.cli ARGS` with a clean environment: only what the test sets."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("CITEBOT_", "DISCORD"))}
    base.update(HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False", COLUMNS="1000", NO_COLOR="1")
    base.update(env)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=cwd,  # no stray .env from the developer's checkout
        env=base,
        capture_output=True,
        text=True,
        timeout=300,  # a hang, not a speed bound
    )


def one_line_error(result: subprocess.CompletedProcess[str], *phrases: str) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("citebot: error: ")
    for phrase in phrases:
        assert phrase in lines[0], lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def home(tmp_path_factory, indexed):  # type: ignore[no-untyped-def]
    """One indexed data directory and corpus shared by this module's tests (copied once)."""
    base = tmp_path_factory.mktemp("cli")
    shutil.copytree(indexed.home, base / "home")
    shutil.copytree(indexed.corpus, base / "corpus")
    return base


def env_of(base: Path) -> dict[str, str]:
    return {"CITEBOT_HOME": str(base / "home"), "CITEBOT_CORPUS": str(base / "corpus")}


def test_help_lists_every_command(tmp_path: Path) -> None:
    result = run(tmp_path, "--help")
    assert result.returncode == 0, result.stderr
    for command in COMMANDS:
        assert command in result.stdout
    ask = run(tmp_path, "ask", "--help")
    assert ask.returncode == 0 and "--json" in ask.stdout and "-k" in ask.stdout
    index = run(tmp_path, "index", "--help")
    assert "--corpus" in index.stdout and "--rebuild" in index.stdout


def test_index_unchanged_corpus_embeds_nothing(home: Path) -> None:
    result = run(home, "index", **env_of(home))
    assert result.returncode == 0, result.stderr
    assert "4 articles" in result.stdout and "0 embeddings computed" in result.stdout
    assert "4 unchanged" in result.stdout


def test_ask_json_contract_matches_the_engine(home: Path, engine) -> None:  # type: ignore[no-untyped-def]
    result = run(home, "ask", QUESTION, "--json", **env_of(home))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert {"question", "answered", "answer", "citations"} <= set(out)
    assert out["question"] == QUESTION and out["answered"] is True
    assert isinstance(out["answer"], str) and out["citations"]
    for i, c in enumerate(out["citations"], 1):
        assert c["n"] == i and isinstance(c["n"], int)
        for key in ("article_id", "title", "passage"):
            assert isinstance(c[key], str) and c[key]
        for key in ("outlet", "date", "url"):
            assert c[key] is None or isinstance(c[key], str)
        assert isinstance(c["score"], float)
    # The answer quotes the first citation; every marker in it names a citation (the others
    # are evidence cited after it, not quoted: compose's slots)
    assert "[1]" in out["answer"]
    cited = {str(c["n"]) for c in out["citations"]}
    assert set(re.findall(r"\[(\d+)\]", out["answer"])) <= cited
    # The CLI is a thin edge over the one answering function.
    same = engine.answer(QUESTION).to_json()
    assert (out["answer"], out["citations"]) == (same["answer"], same["citations"])


def test_ask_text_shows_answer_and_sources(home: Path, engine) -> None:  # type: ignore[no-untyped-def]
    result = run(home, "ask", QUESTION, **env_of(home))
    assert result.returncode == 0, result.stderr
    answer = engine.answer(QUESTION)
    for s in answer.sentences:
        assert s.text in result.stdout
    for c in answer.citations:
        assert f"[{c.n}] {c.title}" in result.stdout
        assert c.passage in result.stdout


def test_ask_refuses_out_of_corpus(home: Path) -> None:
    result = run(home, "ask", "What is the population of Tokyo?", "--json", **env_of(home))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["answered"] is False and out["citations"] == []


def test_sources_lists_indexed_articles(home: Path, indexed) -> None:  # type: ignore[no-untyped-def]
    from index.snapshot import load_snapshot

    result = run(home, "sources", **env_of(home))
    assert result.returncode == 0, result.stderr
    for a in load_snapshot(indexed.snapshots_dir).articles:
        row = next(line for line in result.stdout.splitlines() if a.id in line)
        assert a.title in row and str(a.chunk_count) in row
        assert (a.outlet or "—") in row
        # A stated date as is; otherwise "undated" or a year inferred from the text ("2020?").
        assert (a.date in row) if a.date else ("undated" in row or "?" in row)


def test_eval_dev_set(home: Path) -> None:
    result = run(home, "eval", str(DEV_QUESTIONS), "--json", **env_of(home))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    failed = [r["q"] for r in out["results"] if not r["hit"]]
    assert (out["answerable_hits"], out["answerable"]) == (12, 12), failed
    assert (out["refusal_hits"], out["unanswerable"]) == (3, 3), failed
    text = run(home, "eval", str(DEV_QUESTIONS), **env_of(home))
    assert text.returncode == 0 and "12/12" in text.stdout and "3/3" in text.stdout


def test_ask_builds_the_index_first_and_rebuild_repairs(tmp_path: Path, indexed) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED_CORPUS / "000_3ba337d3c1581c61.txt", corpus)
    env = {"CITEBOT_HOME": str(tmp_path / "home"), "CITEBOT_CORPUS": str(corpus)}
    # The exported query model only (no index): the export itself is exercised by `indexed`.
    shutil.copytree(indexed.onnx_path.parent, tmp_path / "home" / "model")
    result = run(tmp_path, "ask", QUESTION, "--json", **env)
    assert result.returncode == 0, result.stderr
    # The notice and the embedding summary, nothing else: no progress residue, no library
    # debug logging.
    notice = result.stderr.splitlines()
    assert len(notice) == 2 and notice[0].startswith("No index yet: indexing"), result.stderr
    assert notice[1].startswith("embedded ") and "texts/s" in notice[1], result.stderr
    out = json.loads(result.stdout)
    assert out["answered"] and out["citations"][0]["article_id"] == "000_3ba337d3c1581c61"
    again = run(tmp_path, "ask", QUESTION, "--json", **env)
    assert again.returncode == 0 and "No index yet" not in again.stderr
    assert json.loads(again.stdout)["citations"] == out["citations"]
    # A broken query model is one line that says how to repair it ...
    (tmp_path / "home" / "model" / indexed.onnx_path.name).write_bytes(b"not a model")
    one_line_error(run(tmp_path, "ask", QUESTION, **env), "query model", "--rebuild")
    # ... and --rebuild starts over (model and embeddings), then nothing is left to do.
    rebuilt = run(tmp_path, "index", "--rebuild", **env)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "1 added" in rebuilt.stdout and "0 embeddings computed" not in rebuilt.stdout
    assert "0 embeddings computed" in run(tmp_path, "index", **env).stdout
    after = run(tmp_path, "ask", QUESTION, "--json", **env)
    assert json.loads(after.stdout)["citations"] == out["citations"]


@pytest.mark.parametrize(
    ("question", "phrase"),
    [("", "empty"), ("   \t\n  ", "empty"), ("x" * 2001, "too long")],
    ids=["empty", "whitespace", "too-long"],
)
def test_bad_question_is_one_line(tmp_path: Path, question: str, phrase: str) -> None:
    # Refused before anything is loaded: no index is needed to say so.
    result = run(tmp_path, "ask", question, CITEBOT_HOME=str(tmp_path / "home"))
    one_line_error(result, phrase)
    assert result.stdout == ""
    assert not (tmp_path / "home").exists()


def test_failed_runs_keep_the_index(home: Path, tmp_path: Path) -> None:
    env = env_of(home)
    before = json.loads(run(home, "ask", QUESTION, "--json", **env).stdout)
    empty = tmp_path / "empty"
    empty.mkdir()
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "a.txt").write_bytes(b"\x00\x01binary\x00")

    one_line_error(run(home, "index", "--corpus", str(tmp_path / "nope"), **env), "nope")
    one_line_error(run(home, "index", "--corpus", str(empty), **env), "empty", "no .txt")
    one_line_error(run(home, "index", "--corpus", str(junk), **env), "no readable articles")
    one_line_error(run(home, "index", **env, CITEBOT_CHUNK_TOKENS="120"), "--rebuild")
    missing_home = {**env, "CITEBOT_CORPUS": str(tmp_path / "nope")}
    one_line_error(run(tmp_path, "eval", str(tmp_path / "q.jsonl"), **missing_home), "q.jsonl")

    after = json.loads(run(home, "ask", QUESTION, "--json", **env).stdout)
    assert (after["answer"], after["citations"]) == (before["answer"], before["citations"])
    result = run(home, "index", **env)
    assert result.returncode == 0 and "0 embeddings computed" in result.stdout


def test_unwritable_data_dir_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("", encoding="utf-8")
    env = {"CITEBOT_HOME": str(blocker / "home"), "CITEBOT_CORPUS": str(SEED_CORPUS)}
    one_line_error(run(tmp_path, "index", **env), "not writable")
    one_line_error(run(tmp_path, "ask", QUESTION, **env), "not writable")


def test_bad_files_are_skipped_with_a_warning_each(home: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(home / "corpus", corpus)
    (corpus / "scan.txt").write_bytes(b"%PDF-1.7\x00\x01\x02" * 100)
    (corpus / "latin1.md").write_bytes(
        "Le maire a déclaré que le café était fermé.".encode("latin-1")
    )
    (corpus / "dangling.txt").symlink_to(corpus / "missing.txt")
    (corpus / "folder.html").mkdir()

    result = run(home, "index", "--corpus", str(corpus), **env_of(home))

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "4 articles" in result.stdout and "0 embeddings computed" in result.stdout
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(warnings) == 4, result.stderr
    for name in ("scan.txt", "latin1.md", "dangling.txt", "folder.html"):
        assert sum(name in line for line in warnings) == 1, (name, result.stderr)


def test_ask_without_index_or_corpus_is_one_line(tmp_path: Path) -> None:
    env = {"CITEBOT_HOME": str(tmp_path / "home"), "CITEBOT_CORPUS": str(tmp_path / "none")}
    one_line_error(run(tmp_path, "ask", QUESTION, **env), "does not exist")
    (tmp_path / "none").mkdir()
    one_line_error(run(tmp_path, "ask", QUESTION, **env), "no .txt")


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (("ask", "-k", "0", QUESTION), "-k"),
        (("ask",), "Missing argument"),
        (("ask", "--jsn", QUESTION), "--jsn"),
        (("frobnicate",), "No such command"),
    ],
    ids=["k-out-of-range", "no-question", "unknown-option", "unknown-command"],
)
def test_usage_errors_are_one_line(tmp_path: Path, args: tuple[str, ...], phrase: str) -> None:
    one_line_error(run(tmp_path, *args, CITEBOT_HOME=str(tmp_path / "home")), phrase, "--help")


def test_bare_command_prints_help(tmp_path: Path) -> None:
    result = run(tmp_path)
    assert "Traceback" not in result.stdout + result.stderr
    assert all(command in result.stdout for command in COMMANDS)

"""CLI manners, in subprocesses as a user meets them: help and completion, -v/-q, output
that survives a pipe, one warning line per problem, settings checked at start, and the
commands working from any directory (options, config file, `make install`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
from small_corpus import (  # noqa: F401 - small_home is a session fixture
    LONG_URL,
    MUSEUM_Q,
    ROOT,
    Home,
    citebot,
    clean_env,
    small_home,
)

COMMANDS = ("index", "ask", "timeline", "chat", "sources", "eval", "discord", "health")


@pytest.fixture
def home(small_home: Home, tmp_path: Path) -> Home:  # noqa: F811 - the fixture imported above
    return small_home.copy(tmp_path)


def stderr_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


# --- help, completion ------------------------------------------------------------------


def test_short_help_and_flags_that_read_as_flags(tmp_path: Path) -> None:
    top = citebot(tmp_path, "-h")
    assert top.returncode == 0, top.stderr
    for name in (*COMMANDS, "--home", "--corpus", "--verbose", "--quiet", "--version"):
        assert name in top.stdout, name
    for command in COMMANDS:
        shown = citebot(tmp_path, command, "-h")
        assert shown.returncode == 0, (command, shown.stderr)
        assert "<bool>" not in shown.stdout, (command, shown.stdout)
        assert "\x1b[" not in shown.stdout and "╭" not in shown.stdout  # plain text in a pipe
    ask = citebot(tmp_path, "ask", "-h").stdout
    assert any(line.split()[:1] == ["--json"] for line in ask.splitlines()), ask


def test_shell_completion(tmp_path: Path) -> None:
    done = citebot(
        tmp_path, _CITEBOT_COMPLETE="complete_bash", COMP_WORDS="citebot hea", COMP_CWORD="1"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["health"]
    script = citebot(tmp_path, "--show-completion", "bash")
    assert script.returncode == 0 and "_citebot_completion" in script.stdout


# --- verbosity --------------------------------------------------------------------------


def test_verbose_says_where_it_reads_and_quiet_says_nothing(home: Home, tmp_path: Path) -> None:
    (home.corpus / "scan.pdf").write_bytes(b"%PDF-1.7 not an article")
    normal = citebot(tmp_path, "index", **home.env())
    assert normal.returncode == 0, normal.stderr
    assert [line for line in stderr_lines(normal) if "info:" in line] == []
    assert any("scan.pdf" in line for line in stderr_lines(normal))

    loud = citebot(tmp_path, "-v", "index", **home.env())
    assert any(
        line.startswith("info: home ") and str(home.home) in line for line in stderr_lines(loud)
    ), loud.stderr

    quiet = citebot(tmp_path, "-q", "index", **home.env())
    assert quiet.returncode == 0 and quiet.stderr == "", quiet.stderr
    assert "articles" in quiet.stdout  # the result is still printed


# --- output in a pipe --------------------------------------------------------------------


def test_piped_answer_is_unwrapped_with_the_url_whole_and_dates_apart(home: Home) -> None:
    done = citebot(home.home.parent, "ask", MUSEUM_Q, **home.env())
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert LONG_URL in lines[-2] or any(line.strip() == LONG_URL for line in lines), done.stdout
    assert any(len(line) > 100 for line in lines), "a long passage stays on one line"
    # The date sits inside the citation mark, not after it like the next sentence's first word.
    assert "[1 · 2024-03-02]" in lines[0], lines[0]
    assert "\x1b[" not in done.stdout


# --- one warning line per problem --------------------------------------------------------


def test_one_warning_line_per_skipped_file_type(home: Home, tmp_path: Path) -> None:
    for name in ("scan.pdf", "report.PDF", "slides.pdf", "notes.json"):
        (home.corpus / name).write_bytes(b"{}")
    (home.corpus / "images").mkdir()  # a folder is not a file to warn about
    done = citebot(tmp_path, "index", **home.env())
    assert done.returncode == 0, done.stderr
    lines = stderr_lines(done)
    pdf = [line for line in lines if ".pdf" in line]
    json_lines = [line for line in lines if ".json" in line]
    assert len(pdf) == 1 and "3 .pdf files" in pdf[0], lines
    assert len(json_lines) == 1 and "notes.json" in json_lines[0], lines
    assert all(line.startswith("warning: ") for line in lines), lines
    assert len(lines) == 2, lines


def test_invalid_front_matter_is_one_warning_and_the_article_is_kept(
    home: Home, tmp_path: Path
) -> None:
    (home.corpus / "undated.md").write_text(
        "---\ntitle: Ferry timetable changes\ndate: not-a-date\n---\n"
        "The island ferry will leave at seven instead of eight from the first of May.\n",
        encoding="utf-8",
    )
    done = citebot(tmp_path, "index", **home.env())
    assert done.returncode == 0, done.stderr
    lines = stderr_lines(done)
    named = [line for line in lines if "undated.md" in line]
    assert len(named) == 1 and "not-a-date" in named[0] and "date" in named[0], lines
    assert "1 added" in done.stdout, done.stdout


@pytest.mark.parametrize("command", [("ask", MUSEUM_Q), ("discord",), ("index",)])
def test_an_invalid_setting_is_rejected_at_start_by_name(
    home: Home, tmp_path: Path, command: tuple[str, ...]
) -> None:
    done = citebot(tmp_path, *command, **home.env(), CITEBOT_COOLDOWN_SECONDS="-3")
    assert done.returncode == 2, (done.stdout, done.stderr)
    lines = stderr_lines(done)
    assert len(lines) == 1 and "CITEBOT_COOLDOWN_SECONDS" in lines[0], lines
    assert "Traceback" not in done.stderr


def test_a_mistyped_setting_is_one_warning_naming_the_likely_one(
    home: Home, tmp_path: Path
) -> None:
    done = citebot(tmp_path, "sources", **home.env(), CITEBOT_COOLDOWN_SECOND="3")
    assert done.returncode == 0, done.stderr
    lines = stderr_lines(done)
    assert len(lines) == 1 and "CITEBOT_COOLDOWN_SECOND," in lines[0], lines
    assert "did you mean CITEBOT_COOLDOWN_SECONDS?" in lines[0]


def test_ask_says_when_the_corpus_folder_is_missing(home: Home, tmp_path: Path) -> None:
    import shutil

    shutil.rmtree(home.corpus)
    done = citebot(tmp_path, "ask", MUSEUM_Q, **home.env())
    assert done.returncode == 0, done.stderr
    assert "opened its new glass wing" in done.stdout
    lines = stderr_lines(done)
    assert len(lines) == 1 and "missing" in lines[0] and str(home.corpus) in lines[0], lines
    assert "3 articles" in lines[0]


# --- from any directory -------------------------------------------------------------------


def test_global_options_work_from_any_directory(home: Home, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = citebot(
        elsewhere, "--home", str(home.home), "--corpus", str(home.corpus), "ask", MUSEUM_Q
    )
    assert done.returncode == 0, done.stderr
    assert "opened its new glass wing" in done.stdout
    assert list(elsewhere.iterdir()) == [], "nothing written where the command ran"


def test_config_file_is_read_and_the_environment_wins(home: Home, tmp_path: Path) -> None:
    config = tmp_path / "config.env"
    config.write_text(f"CITEBOT_HOME={home.home}\nCITEBOT_CORPUS={home.corpus}\n", "utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = citebot(elsewhere, "ask", MUSEUM_Q, CITEBOT_CONFIG=str(config))
    assert done.returncode == 0, done.stderr
    assert "opened its new glass wing" in done.stdout
    empty = tmp_path / "empty-home"
    other = citebot(elsewhere, "-q", "sources", CITEBOT_CONFIG=str(config), CITEBOT_HOME=str(empty))
    assert other.returncode == 2 and "no index" in other.stderr, other.stderr


def test_a_missing_corpus_leaves_no_empty_data_dir(tmp_path: Path) -> None:
    done = citebot(tmp_path, "ask", MUSEUM_Q)
    assert done.returncode == 2 and "does not exist" in done.stderr, done.stderr
    assert not (tmp_path / ".citebot").exists()


def test_make_install_puts_citebot_on_path_and_it_answers_from_another_directory(
    home: Home, tmp_path: Path
) -> None:
    bindir, config = tmp_path / "bin", tmp_path / "config" / "citebot" / "config.env"
    made = subprocess.run(
        ["make", "-s", "-C", str(ROOT), "install", f"BINDIR={bindir}", f"CONFIG_FILE={config}",
         f"INSTALL_HOME={home.home}", f"INSTALL_CORPUS={home.corpus}"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert made.returncode == 0, made.stdout + made.stderr
    launcher = bindir / "citebot"
    assert launcher.is_symlink() and os.access(launcher, os.X_OK)
    assert os.path.realpath(launcher) == os.path.realpath(Path(sys.executable).with_name("citebot"))
    assert f"CITEBOT_HOME={home.home}" in config.read_text("utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = clean_env(CITEBOT_CONFIG=str(config), PATH=f"{bindir}{os.pathsep}/usr/bin:/bin")
    env.pop("PYTHONPATH")  # the installed command, not this checkout's source on the path
    done = subprocess.run(
        ["citebot", "ask", MUSEUM_Q], cwd=elsewhere, env=env, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "opened its new glass wing" in done.stdout
    again = subprocess.run(
        ["make", "-s", "-C", str(ROOT), "install", f"BINDIR={bindir}", f"CONFIG_FILE={config}",
         "INSTALL_HOME=/elsewhere", "INSTALL_CORPUS=/elsewhere"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert again.returncode == 0 and f"CITEBOT_HOME={home.home}" in config.read_text("utf-8")


# --- progress -----------------------------------------------------------------------------


def test_piped_indexing_prints_one_summary_line(home: Home, tmp_path: Path) -> None:
    done = citebot(tmp_path, "index", "--rebuild", **home.env())
    assert done.returncode == 0, done.stderr
    lines = stderr_lines(done)
    assert len(lines) == 1 and lines[0].startswith("embedded "), lines
    assert "texts/s" in lines[0] and "\r" not in done.stderr and "\x1b[" not in done.stderr


def test_terminal_indexing_shows_the_model_loading_then_rate_and_eta(
    home: Home, tmp_path: Path
) -> None:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "bot.cli", "index", "--rebuild"],
        cwd=str(tmp_path),
        env=clean_env(**home.env(), TERM="xterm"),
        encoding="utf-8",
        dimensions=(24, 200),
        timeout=300,
    )
    child.expect(pexpect.EOF)
    child.close()
    out = child.before
    assert child.exitstatus == 0, out
    assert "loading the model…" in out
    assert "embedding" in out and "texts/s" in out and "eta" in out, out
    assert "embedded " in out  # the summary line stays when the live line is cleared


def test_a_wait_is_named_even_when_it_is_short() -> None:
    """The first report names the wait ("loading the model…") at once: a model that loads
    within the bar's own refresh interval is still said to be loading."""
    import io

    from rich.console import Console

    from bot.cli.progress import IndexProgress

    out = io.StringIO()
    with IndexProgress(Console(file=out, force_terminal=True, width=120)) as progress:
        progress(0, 10)
        progress(10, 10)  # the first batch, well within 0.1 s
    assert "loading the model…" in out.getvalue()

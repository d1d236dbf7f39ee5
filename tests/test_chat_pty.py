"""`citebot chat` driven through a pseudo-terminal, keys and all, as a person would use it:
readline history (within a session and across sessions), follow-up questions asked with
the previous question as context, and /commands that are not questions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
from small_corpus import FOLLOW_UP, MUSEUM_Q, Home, citebot, clean_env, small_home  # noqa: F401

UP = "\x1b[A"
PROMPT = "? "
SEARCHED = "passages searched"


def spawn(home: Home, cwd: Path) -> pexpect.spawn:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "bot.cli", "chat"],
        cwd=str(cwd),
        env=clean_env(**home.env(), TERM="xterm"),
        encoding="utf-8",
        dimensions=(40, 600),  # wide: passages are matched unwrapped
        timeout=180,  # loading the engine on a busy machine; a hang, not a speed bound
    )
    child.expect_exact("/help lists the commands")
    child.expect_exact(PROMPT)
    return child


def ask(child: pexpect.spawn, line: str) -> str:
    """Type a line, return everything printed until the next prompt."""
    child.sendline(line)
    child.expect_exact(SEARCHED)
    out = child.before
    child.expect_exact(PROMPT)
    return str(out)


def leave(child: pexpect.spawn) -> None:
    child.sendeof()  # Ctrl-D
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before


@pytest.fixture
def home(small_home: Home, tmp_path: Path) -> Home:  # noqa: F811 - the fixture imported above
    return small_home.copy(tmp_path)


def test_up_arrow_recalls_questions_in_the_session_and_the_next_one(
    home: Home, tmp_path: Path
) -> None:
    child = spawn(home, tmp_path)
    first = ask(child, MUSEUM_Q)
    assert "opened its new glass wing" in first
    child.send(UP)
    child.expect_exact(MUSEUM_Q)  # readline redraws the recalled line
    child.send("\r")
    child.expect_exact(SEARCHED)
    assert "opened its new glass wing" in child.before
    child.expect_exact(PROMPT)
    # Line editing: Left moves the cursor, so the typed letter lands inside the word.
    child.send("/hel\x1b[Dx\r")
    child.expect_exact("Unknown command /hexl")
    child.expect_exact(PROMPT)
    leave(child)

    history = (home.home / "chat_history").read_text(encoding="utf-8")
    assert MUSEUM_Q in history
    child = spawn(home, tmp_path)
    child.send(UP + UP)  # the newest entry is /hexl, the one before it the question
    child.expect_exact(MUSEUM_Q)
    child.send("\r")
    child.expect_exact(SEARCHED)
    assert "opened its new glass wing" in child.before
    child.expect_exact(PROMPT)
    leave(child)


def _lead(answer: object) -> str:
    """The answer's opening sentence, without its citation mark."""
    return answer.text.split(" [1]")[0]  # type: ignore[attr-defined]


def _first(out: str, lead: str, other: str) -> bool:
    """`lead` is shown, and before `other` if that is shown at all."""
    return lead in out and out.index(lead) < (out.index(other) if other in out else len(out))


def test_a_follow_up_is_asked_with_the_previous_question_as_context(
    home: Home, tmp_path: Path
) -> None:
    from bot.engine import Engine
    from index.shared.settings import get_settings

    engine = Engine(get_settings(home=home.home, corpus=home.corpus))
    followed = engine.answer(FOLLOW_UP, context=MUSEUM_Q)
    alone = engine.answer(FOLLOW_UP)
    # "How much did it cost?" after the museum question is the museum's cost; alone, any cost.
    assert "18 million euros" in _lead(followed), followed.text
    assert _lead(followed) != _lead(alone), alone.text

    child = spawn(home, tmp_path)
    ask(child, MUSEUM_Q)
    out = ask(child, FOLLOW_UP)
    assert _first(out, _lead(followed), _lead(alone)), out

    child.sendline("/new")
    child.expect_exact("New subject")
    child.expect_exact(PROMPT)
    out = ask(child, FOLLOW_UP)
    assert _first(out, _lead(alone), _lead(followed)), out
    leave(child)


def test_unknown_commands_get_help_not_an_answer(home: Home, tmp_path: Path) -> None:
    child = spawn(home, tmp_path)
    child.sendline("/frobnicate")
    child.expect_exact("Unknown command /frobnicate.")
    child.expect_exact("/help lists the commands")
    child.expect_exact(PROMPT)
    assert SEARCHED not in child.before

    child.sendline("/hlep")
    child.expect_exact("Did you mean /help?")
    child.expect_exact(PROMPT)

    child.sendline("/help")
    child.expect_exact(PROMPT)
    listed = child.before
    for name in ("/help", "/sources", "/new", "/quit"):
        assert name in listed, listed
    assert SEARCHED not in listed

    child.sendline("/sources")
    child.expect_exact("3 indexed articles")
    child.expect_exact(PROMPT)
    child.sendline("/quit")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_tab_completes_a_command(home: Home, tmp_path: Path) -> None:
    child = spawn(home, tmp_path)
    child.send("/sou\t\r")
    child.expect_exact("3 indexed articles")
    child.expect_exact(PROMPT)
    leave(child)


def test_piped_chat_reads_plain_lines(home: Home, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat"],
        cwd=tmp_path,
        env=clean_env(**home.env()),
        input=f"{MUSEUM_Q}\n/nope\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "opened its new glass wing" in done.stdout
    assert "Unknown command /nope" in done.stdout
    assert "\x1b[" not in done.stdout  # no terminal codes in a pipe
    assert not (home.home / "chat_history").exists()  # history is for people at a terminal

"""`citebot chat`: a small REPL over the engine.

On a terminal, readline gives line editing, Up/Down history (kept in CITEBOT_HOME across
sessions) and Tab completion of /commands; piped input is read as plain lines. Each
question after the first is asked with the previous one as context, the way a Discord reply
follows up on the question it answers; /new drops that context.
"""

from __future__ import annotations

import contextlib
import difflib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from rich.markup import escape

from index.shared.errors import CitebotError

if TYPE_CHECKING:
    from rich.console import Console

    from bot.engine import Engine

HISTORY_LINES = 1000

# name -> what it does, in the order /help lists them.
COMMANDS: dict[str, str] = {
    "/help": "list these commands",
    "/sources": "list the indexed articles",
    "/new": "change the subject: the next question is not read as a follow-up",
    "/quit": "leave (also /exit, or Ctrl-D)",
}
ALIASES = {"/exit": "/quit", "/q": "/quit", "/?": "/help", "/h": "/help"}


class LineReader:
    """input() with readline's editing, history and completion when on a terminal."""

    def __init__(self, history: Path | None, interactive: bool) -> None:
        self.history = history
        self.readline: ModuleType | None = None
        if not interactive:
            return  # piped input: plain lines, no escape sequences
        try:
            import readline
        except ImportError:  # a Python built without it still gets a working chat
            return
        self.readline = readline
        readline.set_history_length(HISTORY_LINES)
        readline.set_completer(self._complete)
        readline.set_completer_delims(" \t")
        readline.parse_and_bind("tab: complete")
        if history is not None:
            # The first session, or an unreadable file: start without history.
            with contextlib.suppress(OSError):
                readline.read_history_file(history)

    def _complete(self, text: str, state: int) -> str | None:
        names = [n for n in (*COMMANDS, *ALIASES) if text.startswith("/") and n.startswith(text)]
        return names[state] if state < len(names) else None

    def read(self, prompt: str) -> str:
        return input(prompt)

    def save(self) -> None:
        if self.readline is None or self.history is None:
            return
        with contextlib.suppress(OSError):  # a read-only home loses the history, not the chat
            self.history.parent.mkdir(parents=True, exist_ok=True)
            self.readline.write_history_file(self.history)


def unknown_command(name: str) -> str:
    close = difflib.get_close_matches(name, [*COMMANDS, *ALIASES], n=1)
    hint = f" Did you mean {close[0]}?" if close else ""
    return f"Unknown command {name}.{hint} /help lists the commands."


def help_lines() -> list[str]:
    width = max(len(n) for n in COMMANDS)
    return [
        "Type a question and press Enter. A question after the first is read as a follow-up",
        "to the one before it; /new changes the subject.",
        "Up and Down recall earlier questions, Tab completes a /command.",
        *(f"  {name:<{width}}  {what}" for name, what in COMMANDS.items()),
    ]


def _prompt(console: Console) -> str:
    if not console.is_terminal or console.no_color or console.color_system is None:
        return "? "
    # \001 and \002 fence off the colour codes so readline knows they take no columns.
    return "\001\x1b[1;32m\002?\001\x1b[0m\002 "


def run_chat(
    console: Console, engine: Engine, reader: LineReader, show_sources: Callable[[], None]
) -> None:
    from bot.cli.render import render_answer

    previous: str | None = None
    console.print("[bold]citebot[/bold] — ask about the articles. /help lists the commands.")
    prompt = _prompt(console)
    try:
        while True:
            try:
                line = reader.read(prompt).strip()
            except KeyboardInterrupt:  # Ctrl-C drops the line being typed, as in a shell
                console.print()
                continue
            except EOFError:
                console.print()
                return
            if not line:
                continue
            if line.startswith("/"):
                word = line.split()[0].lower()
                name = ALIASES.get(word, word)
                if name == "/quit":
                    return
                if name == "/help":
                    for text in help_lines():
                        console.print(text, markup=False, highlight=False)
                elif name == "/sources":
                    show_sources()
                elif name == "/new":
                    previous = None
                    console.print("[dim]New subject: the next question stands on its own.[/dim]")
                else:
                    console.print(f"[yellow]{escape(unknown_command(word))}[/yellow]")
                continue
            try:
                engine.reload_if_changed()
                answer = engine.answer(line, context=previous)
            except CitebotError as exc:
                console.print(f"[red]{escape(str(exc))}[/red]")
                continue
            except KeyboardInterrupt:
                console.print("[dim](interrupted)[/dim]")
                continue
            render_answer(console, answer)
            previous = line
    finally:
        reader.save()

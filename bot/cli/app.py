"""`citebot`: the typer app. Commands live in their own modules; this one registers them,
answers --version, and turns every CitebotError or usage error into one line on stderr."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from bot.cli import commands, discord_cmd, health, logs
from bot.cli.common import ENGINE_COMMANDS, collector_on
from bot.cli.ingest import register as register_ingest
from index.shared.errors import CitebotError

app = typer.Typer(
    help="citebot answers questions from news articles with verbatim, cited passages. Offline.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # Shell completion: `citebot --install-completion` (bash, zsh, fish, PowerShell).
    add_completion=True,
    # Plain click help: flags read as flags (`--json`, not `--json <bool>`), and help that
    # is piped or saved is plain text.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command()(commands.index)
app.command()(commands.ask)
app.command()(commands.timeline)
app.command()(commands.chat)
app.command()(commands.sources)
app.command("eval")(commands.evaluate)
app.command("discord")(discord_cmd.discord_bot)
register_ingest(app)  # add, feeds
app.command("health")(health.health)


def citebot_version() -> str:
    # importlib.metadata costs a cold start 0.1 s (email, zipfile): only --version needs it.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("citebot")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _print_version(value: bool) -> None:
    if value:
        print(f"citebot {citebot_version()}")
        raise typer.Exit()


@app.callback()
def _global(
    ctx: typer.Context,
    show_version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    home: Annotated[
        Path | None,
        typer.Option(
            "--home",
            help="Where the index lives [default: CITEBOT_HOME, else ./.citebot].",
            show_default=False,
        ),
    ] = None,
    corpus: Annotated[
        Path | None,
        typer.Option(
            "--corpus",
            help="The articles folder [default: CITEBOT_CORPUS, else ./corpus].",
            show_default=False,
        ),
    ] = None,
    verbose: Annotated[
        int,
        typer.Option(
            "-v",
            "--verbose",
            count=True,
            show_default=False,
            help="Say more (-vv: debug lines, libraries too).",
        ),
    ] = 0,
    quiet: Annotated[
        bool, typer.Option("-q", "--quiet", help="Errors only: no progress, notices or warnings.")
    ] = False,
) -> None:
    """citebot answers questions from news articles with verbatim, cited passages. Offline.

    Settings come from the options, then CITEBOT_* environment variables, then ./.env, then
    the user config file (CITEBOT_CONFIG, else ~/.config/citebot/config.env).
    """
    # Through the environment, so that every later read of the settings, child processes
    # included, sees the same place; absolute, so a child with another cwd does too.
    for name, path in (("CITEBOT_HOME", home), ("CITEBOT_CORPUS", corpus)):
        if path is not None:
            os.environ[name] = str(path.expanduser().resolve())
    logs.configure(logs.QUIET if quiet else min(verbose, logs.DEBUG))
    if ctx.invoked_subcommand not in ENGINE_COMMANDS:
        collector_on()  # the engine's commands turn it on once the engine is loaded


def main() -> None:
    # Start-up builds a million objects that live as long as the process (modules, regexes,
    # pydantic's validators, the snapshot): the collector's passes over them are 0.1 s of
    # a cold answer's CPU and free nothing. It is back on, with all of them put aside for
    # good (gc.freeze), once the engine is loaded, or before any other command runs.
    gc.disable()
    logs.configure()  # the global options may raise or lower it
    from typer._click import exceptions as click_errors  # typer >= 0.29 vendors click

    try:
        # standalone_mode=False: usage errors come here as exceptions instead of a boxed panel.
        code = app(prog_name="citebot", standalone_mode=False)
    except CitebotError as exc:
        print(f"citebot: error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except click_errors.NoArgsIsHelpError as exc:
        print(exc.format_message())  # bare `citebot`: the help, as for -h
        sys.exit(exc.exit_code)
    except click_errors.ClickException as exc:
        # A bad option or a missing argument: one line, like every other bad input.
        message = " ".join(exc.format_message().split())
        ctx = getattr(exc, "ctx", None)
        where = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
        print(f"citebot: error: {message}{where}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()

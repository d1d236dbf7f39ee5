"""`citebot`: the typer app. Commands live in their own modules; this one registers them,
answers --version, and turns every CitebotError or usage error into one line on stderr."""

from __future__ import annotations

import logging
import sys
from importlib.metadata import PackageNotFoundError, version
from typing import Annotated

import typer

from bot.cli import commands, discord_cmd
from bot.cli.ingest import register as register_ingest
from index.shared.errors import CitebotError

app = typer.Typer(
    help="citebot answers questions from news articles with verbatim, cited passages. Offline.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.command()(commands.index)
app.command()(commands.ask)
app.command()(commands.timeline)
app.command()(commands.chat)
app.command()(commands.sources)
app.command("eval")(commands.evaluate)
app.command("discord")(discord_cmd.discord_bot)
register_ingest(app)  # add, feeds


def citebot_version() -> str:
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
    show_version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """citebot answers questions from news articles with verbatim, cited passages. Offline."""


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # On the handler, not the logger: bm25s sets its own logger to DEBUG when it is imported
    # (lazily, after this line), which leaked "DEBUG bm25s: Building index…" onto stderr.
    for handler in logging.getLogger().handlers:
        handler.setLevel(logging.WARNING)
    from typer._click import exceptions as click_errors  # typer >= 0.29 vendors click

    try:
        # standalone_mode=False: usage errors come here as exceptions instead of a boxed panel.
        code = app(standalone_mode=False)
    except CitebotError as exc:
        print(f"citebot: error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except click_errors.NoArgsIsHelpError as exc:
        sys.exit(exc.exit_code)  # bare `citebot`: typer has already printed the help
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

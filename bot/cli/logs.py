"""What the CLI prints besides its results: log lines on stderr at the level -v/-q chose.

Default: warnings and errors, as `warning: …` lines. `-v` adds citebot's progress notes
(INFO), `-vv` everything at DEBUG, libraries included; `-q` keeps errors only and turns
off the progress bar and notices. `citebot discord` is a service: it shows citebot's INFO
lines (connected, synced, reindexed) by default, with timestamps.
"""

from __future__ import annotations

import logging
import sys

QUIET, NORMAL, VERBOSE, DEBUG = -1, 0, 1, 2

_verbosity = NORMAL


def verbosity() -> int:
    return _verbosity


def quiet() -> bool:
    return _verbosity <= QUIET


def _ours(name: str) -> bool:
    return name == "citebot" or name.startswith("citebot.")


class _Threshold(logging.Filter):
    """Levels checked on the handler, per family: a library that sets its own logger to
    DEBUG (bm25s does when it is imported) still prints nothing below the threshold."""

    def __init__(self, ours: int, theirs: int) -> None:
        super().__init__()
        self.ours, self.theirs = ours, theirs

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= (self.ours if _ours(record.name) else self.theirs)


class _Lines(logging.Formatter):
    """`warning: message` for citebot's own records, `warning: library: message` for others."""

    def __init__(self, timestamps: bool) -> None:
        super().__init__("%(asctime)s " if timestamps else "", datefmt="%Y-%m-%d %H:%M:%S")
        self.timestamps = timestamps

    def format(self, record: logging.LogRecord) -> str:
        stamp = f"{self.formatTime(record, self.datefmt)} " if self.timestamps else ""
        who = "" if _ours(record.name) else f"{record.name}: "
        line = f"{stamp}{record.levelname.lower()}: {who}{record.getMessage()}"
        if record.exc_info and _verbosity >= DEBUG:  # tracebacks only when asked for
            line += "\n" + self.formatException(record.exc_info)
        return line


def configure(level: int = NORMAL, service: bool = False) -> None:
    """(Re)install the one stderr handler. `service`: a long-running process (discord)."""
    global _verbosity
    _verbosity = level
    if level <= QUIET:
        ours, theirs = logging.ERROR, logging.ERROR
    elif level >= DEBUG:
        ours, theirs = logging.DEBUG, logging.DEBUG
    elif level >= VERBOSE or service:
        ours, theirs = logging.INFO, logging.WARNING
    else:
        ours, theirs = logging.WARNING, logging.WARNING
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(_Threshold(ours, theirs))
    handler.setFormatter(_Lines(timestamps=service))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(theirs)
    logging.getLogger("citebot").setLevel(ours)

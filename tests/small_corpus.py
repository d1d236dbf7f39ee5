"""A small corpus in three formats (Markdown with front matter, plain text, HTML), indexed
once per session, and a way to run `python -m bot.cli` on it the way a user would.

Written for the CLI manners, chat and health tests: the articles are invented, and one
question has a follow-up ("How much did it cost?") whose answer depends on the question
asked before it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LONG_URL = (
    "https://news.example.org/culture/2024/03/02/"
    "harbour-museum-opens-a-glass-wing-after-four-years-of-building-work-in-porthaven"
)
MUSEUM_Q = "When did the harbour museum open its glass wing?"
FOLLOW_UP = "How much did it cost?"

ARTICLES = {
    "harbour-museum.md": f"""---
title: Harbour museum opens a glass wing
outlet: Coastal Ledger
date: 2024-03-02
url: {LONG_URL}
---
The harbour museum in Porthaven opened its new glass wing on Saturday after four years of building work.

The wing was designed by the architect Mira Okafor, who also planned the town's ferry terminal. The project cost 18 million euros, most of it paid by a regional culture fund.

Visitors queued along the quay before the doors opened at nine, and the first exhibition shows boats built in the town over two centuries.
""",
    "striker.txt": """Riverside United sign striker from Lisbon

Riverside United completed the signing of the striker Tomas Varga on Friday. The transfer cost 40 million euros, a record fee for the club.

Varga scored 22 goals in the league last season. The deal cost the club more than any signing before it, the chairman said, and it will be paid over three years.

The manager said the new striker would start on Sunday against Northfield.
""",
    "flood.html": """<html><head><title>Heavy rain closes the valley road</title>
<meta name="date" content="2024-02-11"></head>
<body><article><h1>Heavy rain closes the valley road</h1>
<p>Heavy rain closed the valley road between Ashby and Molton on Sunday, and the river rose above its banks for the first time in a decade.</p>
<p>Farmers moved their sheep to higher fields, and the county council sent pumps to the lower village. The road is expected to reopen on Wednesday.</p>
</article></body></html>
""",
}


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@dataclass(frozen=True)
class Home:
    """An indexed data directory and its corpus."""

    home: Path
    corpus: Path

    def env(self) -> dict[str, str]:
        return {"CITEBOT_HOME": str(self.home), "CITEBOT_CORPUS": str(self.corpus)}

    def copy(self, to: Path) -> Home:
        shutil.copytree(self.home, to / "home")
        shutil.copytree(self.corpus, to / "corpus")
        return Home(to / "home", to / "corpus")


def clean_env(**extra: str) -> dict[str, str]:
    """The environment a user's shell would give: no CITEBOT_* or Discord settings of ours,
    the code under test importable from any directory, offline, no colour."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CITEBOT_", "DISCORD"))}
    env.update(
        HF_HUB_OFFLINE="1",
        ANONYMIZED_TELEMETRY="False",
        NO_COLOR="1",
        PYTHONPATH=str(ROOT),
        CITEBOT_CONFIG=str(ROOT / "tests" / "no-user-config.env"),
        INPUTRC=os.devnull,  # a developer's ~/.inputrc must not change the keys
    )
    env.pop("COLUMNS", None)
    env.update(extra)
    return env


def citebot(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m bot.cli ARGS` in `cwd`, output piped (not a terminal)."""
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=cwd,
        env=clean_env(**env),
        capture_output=True,
        text=True,
        timeout=300,  # a hang, not a speed bound
    )


@pytest.fixture(scope="session")
def small_home(tmp_path_factory: pytest.TempPathFactory) -> Home:
    """The small corpus indexed once (read-only: `.copy()` it before changing anything)."""
    from index.indexer import run_index
    from index.shared.settings import get_settings

    base = tmp_path_factory.mktemp("small")
    corpus = write_corpus(base / "corpus")
    report = run_index(get_settings(home=base / "home", corpus=corpus))
    assert report.articles == len(ARTICLES) and report.embeddings > 0
    return Home(base / "home", corpus)

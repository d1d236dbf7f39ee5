"""Shared fixtures: the real model, a real Chroma in a temp dir, the real seed corpus."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from chroma_server import chroma_server  # noqa: F401 - a real `chroma run` server, session fixture

ROOT = Path(__file__).resolve().parent.parent
SEED_CORPUS = ROOT / "corpus"
DEV_QUESTIONS = ROOT.parent / "shared" / "eval" / "dev_questions.jsonl"
OWN_QUESTIONS = ROOT / "eval" / "questions.jsonl"
HELDOUT_QUESTIONS = ROOT / "eval" / "heldout.jsonl"
GENERAL = ROOT / "eval" / "general"
EXTERNAL = ROOT.parent / "shared" / "eval" / "external"  # Wikipedia + SQuAD 2.0 (tuning)

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
# A developer's ~/.config/citebot/config.env must not steer the tests (subprocesses inherit this).
os.environ["CITEBOT_CONFIG"] = str(ROOT / "tests" / "no-user-config.env")


def make_settings(home: Path, corpus: Path, **extra: object):  # type: ignore[no-untyped-def]
    from index.shared.settings import get_settings

    return get_settings(home=home, corpus=corpus, **extra)


@pytest.fixture(scope="session")
def indexed(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The seed corpus indexed once per session (read-only: copy it before changing)."""
    from index.indexer import run_index

    base = tmp_path_factory.mktemp("indexed")
    corpus = base / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    settings = make_settings(base / "home", corpus)
    report = run_index(settings)
    assert report.articles == 4 and report.embeddings > 0
    return settings


@pytest.fixture(scope="session")
def engine(indexed):  # type: ignore[no-untyped-def]
    from bot.engine import Engine

    return Engine(indexed)


@pytest.fixture()
def fresh_home(tmp_path: Path, indexed) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A private, writable copy of the indexed data directory and corpus."""
    home = tmp_path / "home"
    corpus = tmp_path / "corpus"
    shutil.copytree(indexed.home, home)
    shutil.copytree(indexed.corpus, corpus)
    yield make_settings(home, corpus)


def _indexed_engine(tmp_path_factory: pytest.TempPathFactory, corpus: Path):  # type: ignore[no-untyped-def]
    from bot.engine import Engine
    from index.indexer import run_index

    base = tmp_path_factory.mktemp(corpus.parent.name)
    shutil.copytree(corpus, base / "corpus")
    settings = make_settings(base / "home", base / "corpus")
    run_index(settings)
    return Engine(settings)


def written_engine(tmp_path_factory: pytest.TempPathFactory, label: str, articles: dict[str, str]):  # type: ignore[no-untyped-def]
    """An engine over articles a test writes itself (file name -> text), indexed for real."""
    from bot.engine import Engine
    from index.indexer import run_index

    base = tmp_path_factory.mktemp(label)
    corpus = base / "corpus"
    corpus.mkdir()
    for name, text in articles.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = make_settings(base / "home", corpus)
    assert run_index(settings).articles == len(articles)
    return Engine(settings)


@pytest.fixture(scope="session")
def general_engine(tmp_path_factory):  # type: ignore[no-untyped-def]
    """eval/general's 32 articles indexed once per session (answer with it, change nothing)."""
    return _indexed_engine(tmp_path_factory, GENERAL / "corpus")


@pytest.fixture(scope="session")
def external_engine(tmp_path_factory):  # type: ignore[no-untyped-def]
    """The shared external article indexed once per session (answer with it, change nothing)."""
    return _indexed_engine(tmp_path_factory, EXTERNAL / "corpus")

"""Index, ask and eval against a real `chroma run` server as well as the embedded store."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from chroma_server import ChromaServer, free_port
from conftest import OWN_QUESTIONS, SEED_CORPUS, make_settings

CITEBOT = str(Path(sys.executable).with_name("citebot"))


def cli_env(settings, **extra: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if not k.startswith("CITEBOT_")}
    env.update(
        HF_HUB_OFFLINE="1",
        ANONYMIZED_TELEMETRY="False",
        CITEBOT_HOME=str(settings.home),
        CITEBOT_CORPUS=str(settings.corpus),
        CITEBOT_COLLECTION_PREFIX=settings.collection_prefix,
        CITEBOT_SYNC_SECONDS=str(settings.sync_seconds),
    )
    if settings.chroma_url:
        env["CITEBOT_CHROMA_URL"] = settings.chroma_url
    env.update(extra)
    return env


def run_cli(
    args: list[str], env: dict[str, str], timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CITEBOT, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


@pytest.fixture(scope="module")
def server_indexed(tmp_path_factory, chroma_server: ChromaServer):  # type: ignore[no-untyped-def]
    from index.indexer import run_index

    base = tmp_path_factory.mktemp("server-indexed")
    shutil.copytree(SEED_CORPUS, base / "corpus")
    # This home does not follow the server (a replica would: index/replica.py), since
    # test_incremental_index_on_backend edits the shared collections from a copy of it.
    settings = make_settings(
        base / "home", base / "corpus", chroma_url=chroma_server.url, sync_seconds=float("inf")
    )
    report = run_index(settings)
    assert report.articles == 4 and report.embeddings > 0
    return settings


@pytest.fixture(scope="module", params=["embedded", "server"])
def backend(request):  # type: ignore[no-untyped-def]
    """The seed corpus indexed into one backend (read-only: copy it before changing)."""
    if request.param == "embedded":
        return request.getfixturevalue("indexed")
    return request.getfixturevalue("server_indexed")


def test_index_lands_in_the_chosen_backend(backend) -> None:  # type: ignore[no-untyped-def]
    from index.snapshot import load_snapshot
    from index.store import Store

    store = Store(backend)
    snap = load_snapshot(backend.snapshots_dir)
    assert store.count("articles") == 4
    assert store.count("chunks") == snap.chunk_count > 0
    assert store.count("sentences") == len(snap.sent_start)
    # Server mode keeps no embedded Chroma files in the data directory.
    assert backend.chroma_dir.exists() == (backend.chroma_url is None)


def test_backends_answer_identically(indexed, server_indexed) -> None:  # type: ignore[no-untyped-def]
    """Same corpus, same model: the read model exported from either store is the same."""
    from bot.engine import Engine
    from bot.evaluate import load_cases, run_eval

    cases = load_cases(OWN_QUESTIONS)
    embedded = run_eval(Engine(indexed), cases).to_json()
    served = run_eval(Engine(server_indexed), cases).to_json()
    for row in (*embedded["results"], *served["results"]):
        row.pop("elapsed_ms", None)
    assert served["answerable_hits"] == embedded["answerable_hits"] > 0
    assert served["refusal_hits"] == embedded["refusal_hits"]
    assert served["results"] == embedded["results"]


def test_ask_and_eval_cli(backend, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    env = cli_env(backend)
    asked = run_cli(["ask", "--json", "Where did Kim fly after the reunion in Wyoming?"], env)
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert answer["answered"] and answer["citations"]
    cases = tmp_path / "few.jsonl"
    cases.write_text("\n".join(OWN_QUESTIONS.read_text().splitlines()[:5]) + "\n")
    evaluated = run_cli(["eval", "--json", str(cases)], env)
    assert evaluated.returncode == 0, evaluated.stderr
    assert json.loads(evaluated.stdout)["answerable"] == 5


def test_incremental_index_on_backend(backend, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Unchanged → nothing embedded; edit → exactly that article replaced; delete → gone.

    Runs last for each backend: in server mode it changes the shared collections.
    """
    from index.indexer import run_index
    from index.snapshot import load_snapshot
    from index.store import Store

    home, corpus = tmp_path / "home", tmp_path / "corpus"
    shutil.copytree(backend.home, home)
    shutil.copytree(backend.corpus, corpus)
    settings = make_settings(home, corpus, chroma_url=backend.chroma_url)
    assert run_index(settings).embeddings == 0
    files = sorted(corpus.glob("*.txt"))
    edited, deleted = files[0], files[1]
    edited.write_text(
        edited.read_text() + "\n\nThe zebra committee approved the plan on Tuesday.\n"
    )
    deleted.unlink()
    report = run_index(settings)
    assert report.updated == [edited.stem] and report.deleted == [deleted.stem]
    assert 0 < report.embeddings <= 3  # the new sentence and the chunk(s) holding it
    store = Store(settings)
    assert sorted(store.article_versions()) == sorted(p.stem for p in corpus.glob("*.txt"))
    snap = load_snapshot(settings.snapshots_dir)
    assert store.count("chunks") == snap.chunk_count == report.chunks
    assert "zebra committee" in next(a.text for a in snap.articles if a.id == edited.stem)


def test_unreachable_server_is_one_line(tmp_path: Path) -> None:
    shutil.copytree(SEED_CORPUS, tmp_path / "corpus")
    url = f"http://127.0.0.1:{free_port()}"
    settings = make_settings(tmp_path / "home", tmp_path / "corpus", chroma_url=url)
    done = run_cli(["index"], cli_env(settings), timeout=120)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("citebot: error: ") and url in lines[0]
    assert "Traceback" not in done.stderr


def test_collection_from_another_model_is_one_line(
    tmp_path: Path, chroma_server: ChromaServer
) -> None:
    import chromadb

    client = chromadb.HttpClient(host="127.0.0.1", port=int(chroma_server.url.rsplit(":", 1)[1]))
    for kind in ("articles", "chunks", "sentences"):
        client.create_collection(
            f"othermodel_{kind}",
            metadata={
                "hnsw:space": "cosine",
                "citebot_signature": "paraphrase-MiniLM-L3-v2|tokens=128|v1",
            },
            embedding_function=None,
        )
    shutil.copytree(SEED_CORPUS, tmp_path / "corpus")
    settings = make_settings(
        tmp_path / "home",
        tmp_path / "corpus",
        chroma_url=chroma_server.url,
        collection_prefix="othermodel",
    )
    done = run_cli(["index"], cli_env(settings), timeout=120)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "other settings" in lines[0] and "citebot index --rebuild" in lines[0]
    # Nothing was written into the foreign collections.
    assert client.get_collection("othermodel_chunks").count() == 0


def test_hung_server_is_one_line_not_a_hang(tmp_path: Path) -> None:
    """A port that accepts connections but never answers (a stopped or wedged server)."""
    import socket
    import time

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    shutil.copytree(SEED_CORPUS, tmp_path / "corpus")
    settings = make_settings(tmp_path / "home", tmp_path / "corpus", chroma_url=url)
    try:
        started = time.monotonic()
        done = run_cli(["index"], cli_env(settings, CITEBOT_CHROMA_TIMEOUT="2"), timeout=120)
    finally:
        listener.close()
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and url in lines[0] and "timed out" in lines[0], done.stderr
    assert time.monotonic() - started < 60


def test_server_gone_mid_run_is_a_store_error(tmp_path: Path) -> None:
    """Every store call after the server dies is one StoreError line, bounded in time."""
    import numpy as np
    from chroma_server import start_chroma

    from index.shared.errors import StoreError
    from index.store import Record, Store

    server = start_chroma(tmp_path / "data", tmp_path / "server.log")
    try:
        settings = make_settings(
            tmp_path / "home", SEED_CORPUS, chroma_url=server.url, chroma_timeout=5
        )
        store = Store(settings)
        assert store.count("chunks") == 0
    finally:
        server.stop()
    record = Record("x", "text", {"article_id": "a", "article_hash": "h"}, np.ones(384, np.float32))
    for call in (
        lambda: store.count("chunks"),
        lambda: store.upsert("chunks", [record]),
        lambda: list(store.records("chunks")),
        lambda: store.delete_article("a"),
    ):
        with pytest.raises(StoreError) as caught:
            call()
        assert "\n" not in str(caught.value) and str(caught.value).startswith("Chroma store error")


def test_switching_a_home_to_a_new_server_fills_it(
    indexed, chroma_server: ChromaServer, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The local snapshot is current, but the server has never seen this corpus: index it."""
    from index.indexer import run_index
    from index.store import Store

    shutil.copytree(indexed.home, tmp_path / "home")
    shutil.copytree(indexed.corpus, tmp_path / "corpus")
    settings = make_settings(
        tmp_path / "home",
        tmp_path / "corpus",
        chroma_url=chroma_server.url,
        collection_prefix="switched",
    )
    report = run_index(settings)
    assert len(report.added) == 4 and report.unchanged == 0
    assert Store(settings).count("chunks") == report.chunks > 0
    again = run_index(settings)
    assert again.unchanged == 4 and again.embeddings == 0 and not again.changed

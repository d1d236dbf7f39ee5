"""`citebot health`: what it reports and when it exits non-zero (1, Docker's "unhealthy")."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from small_corpus import Home, citebot, small_home  # noqa: F401 - small_home is a fixture


@pytest.fixture
def home(small_home: Home, tmp_path: Path) -> Home:  # noqa: F811 - the fixture imported above
    return small_home.copy(tmp_path)


def stamp(ago: timedelta) -> str:
    return (datetime.now(UTC) - ago).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_feeds(home: Home, *polls: timedelta | None) -> None:
    feeds = [
        {"url": f"https://example.org/feed{i}.xml", "added": stamp(timedelta(days=2)),
         "last_poll": stamp(p) if p is not None else None, "seen": {}}
        for i, p in enumerate(polls)
    ]  # fmt: skip
    (home.home / "feeds.json").write_text(json.dumps({"feeds": feeds}), "utf-8")


def test_a_healthy_home_reports_generation_articles_and_exit_0(home: Home, tmp_path: Path) -> None:
    done = citebot(tmp_path, "health", **home.env())
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1] == "healthy"
    from index.snapshot import current_generation

    generation = current_generation(home.home / "snapshots")
    assert generation and f"generation {generation}: 3 articles" in done.stdout
    report = json.loads(citebot(tmp_path, "health", "--json", **home.env()).stdout)
    assert report["healthy"] is True and report["articles"] == 3
    assert report["generation"] == generation and report["last_feed_poll"] is None


def test_no_index_is_unhealthy(tmp_path: Path) -> None:
    done = citebot(tmp_path, "health", CITEBOT_HOME=str(tmp_path / "nothing"))
    assert done.returncode == 1
    assert "index" in done.stdout and "FAIL" in done.stdout and "no index" in done.stdout
    assert done.stdout.splitlines()[-1] == "unhealthy"
    assert not (tmp_path / "nothing").exists(), "a health check writes nothing"


def test_a_missing_query_model_is_unhealthy(home: Home, tmp_path: Path) -> None:
    # the export itself, not the optimized graph kept beside it (minilm.opt-<key>.onnx)
    model = next(p for p in (home.home / "model").glob("*.onnx") if ".opt-" not in p.name)
    model.unlink()
    done = citebot(tmp_path, "health", **home.env())
    assert done.returncode == 1 and "query model" in done.stdout, done.stdout


def test_the_last_feed_poll_is_reported_and_a_stale_one_is_unhealthy(
    home: Home, tmp_path: Path
) -> None:
    write_feeds(home, timedelta(hours=5), timedelta(minutes=20))
    done = citebot(tmp_path, "health", **home.env())
    assert done.returncode == 0, done.stdout
    assert "2 feeds, last poll 20 min ago" in done.stdout
    report = json.loads(citebot(tmp_path, "health", "--json", **home.env()).stdout)
    assert report["feeds"] == 2 and report["last_feed_poll"] is not None

    stale = citebot(tmp_path, "health", "--feeds-within", "10m", **home.env())
    assert stale.returncode == 1 and "none within 10 min" in stale.stdout, stale.stdout
    # A bot that polls every 5 minutes has missed three polls after 20 minutes.
    polling = citebot(tmp_path, "health", **home.env(), CITEBOT_FEEDS_EVERY="5m")
    assert polling.returncode == 1, polling.stdout
    assert citebot(tmp_path, "health", **home.env(), CITEBOT_FEEDS_EVERY="30m").returncode == 0


def test_a_broken_feed_file_and_a_bad_setting_are_unhealthy_not_a_crash(
    home: Home, tmp_path: Path
) -> None:
    (home.home / "feeds.json").write_text("{not json", "utf-8")
    done = citebot(tmp_path, "health", **home.env())
    assert done.returncode == 1 and "feeds" in done.stdout and "cannot be read" in done.stdout
    bad = citebot(tmp_path, "health", **home.env(), CITEBOT_TOP_K="0")
    assert bad.returncode == 1 and "CITEBOT_TOP_K" in bad.stdout, bad.stdout
    assert "Traceback" not in done.stderr + bad.stderr


def test_an_unreachable_chroma_server_is_unhealthy(home: Home, tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    done = citebot(tmp_path, "health", **home.env(), CITEBOT_CHROMA_URL=url)
    assert done.returncode == 1 and "chroma" in done.stdout and "unreachable" in done.stdout

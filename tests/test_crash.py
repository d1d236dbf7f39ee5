"""`kill -9` during `citebot index` at several moments: answers stay, a rerun finishes the job.

Kill points are found by watching observable state of the real process (lock file, Chroma's
files, the snapshot directory), not by hooks in production code.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from conftest import OWN_QUESTIONS

CITEBOT = str(Path(sys.executable).with_name("citebot"))
QUESTIONS = [line for line in OWN_QUESTIONS.read_text().splitlines() if line.strip()][:12]


def _env(settings) -> dict[str, str]:  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if not k.startswith("CITEBOT_")}
    env.update(
        CITEBOT_HOME=str(settings.home), CITEBOT_CORPUS=str(settings.corpus), HF_HUB_OFFLINE="1"
    )
    return env


def _answers(settings) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    import json

    from bot.engine import Engine

    engine = Engine(settings)
    out = []
    for line in QUESTIONS:
        got = engine.answer(json.loads(line)["q"]).to_json()
        got.pop("elapsed_ms")
        out.append(got)
    return out


def _newest_mtime(directory: Path) -> float:
    return max((p.stat().st_mtime for p in directory.rglob("*") if p.is_file()), default=0.0)


def _expected_chunks(settings) -> int:  # type: ignore[no-untyped-def]
    """Chunk count computed from the corpus alone, independent of the store."""
    from index.articles import find_article_files, read_article, shared_lines
    from index.chunking import chunk_article
    from index.encoder import TokenCounter

    counter = TokenCounter(settings.model_dir)
    total = 0
    files = find_article_files(settings.corpus)
    shared = shared_lines(files)  # as the indexer reads them: the corpus's boilerplate
    for path in files:
        _, chunks = chunk_article(
            read_article(path, shared), counter, settings.chunk_tokens, settings.overlap_sentences
        )
        total += len(chunks)
    return total


def _grow_corpus(corpus: Path, step: int, seeds: list[Path], count: int) -> None:
    """Give the next run real work: `count` new articles and one edited article. Each copy's
    lines are made unique, so none of its chunks or sentences is already embedded."""
    for i in range(count):
        src = seeds[(step + i) % len(seeds)]
        lines = src.read_text(encoding="utf-8").splitlines()
        marked = [f"{line} (Archive {step}.{i}.)" if len(line) > 40 else line for line in lines]
        (corpus / f"crash_{step}_{i}.txt").write_text(
            "\n".join(marked)
            + f"\n\nCrash step {step} copy {i}: the archive was updated on day {step * 7 + i}.\n",
            encoding="utf-8",
        )
    edited = seeds[step % len(seeds)]
    with open(corpus / edited.name, "a", encoding="utf-8") as fh:
        fh.write(f"\n\nEditors revised this story during crash test step {step}.\n")


def _kill_when(
    proc: subprocess.Popen[bytes], ready: Callable[[], bool], timeout: float = 400
) -> bool:
    """SIGKILL proc as soon as ready() holds; False if the run finished first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if ready():
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            return True
        time.sleep(0.005)
    proc.kill()
    proc.wait(timeout=30)
    raise AssertionError("the kill point was never reached")


def test_sigkill_at_many_points_keeps_answers_and_rerun_finishes(fresh_home) -> None:  # type: ignore[no-untyped-def]
    settings = fresh_home
    seeds = sorted(Path(settings.corpus).glob("*.txt"))
    chroma, snapshots = settings.chroma_dir, settings.snapshots_dir
    rng = random.Random(5)
    survived: list[str] = []
    baseline = _answers(settings)
    generation = (snapshots / "CURRENT").read_text()

    def lock_taken() -> bool:
        return settings.lock_path.exists() and settings.lock_path.read_text().startswith("pid")

    def store_opened(after: float, delay: float) -> Callable[[], bool]:
        """Chroma touches its files when it opens; embedding follows, then the commits."""
        state: dict[str, float] = {}

        def check() -> bool:
            if "at" not in state and _newest_mtime(chroma) > after:
                state["at"] = time.monotonic()
            return "at" in state and time.monotonic() - state["at"] >= delay

        return check

    def committing(after: float) -> Callable[[], bool]:
        """Inside a Chroma write transaction of the commit phase, not of opening the store."""
        opened = store_opened(after, 0.0)
        state: dict[str, float] = {}

        def check() -> bool:
            if "opened" not in state and opened():
                state["opened"] = time.time()
            if "opened" not in state:
                return False
            # SQLite's rollback journal exists only while a write transaction is open; one
            # left by an earlier kill is older, and embedding takes over a second after open.
            try:
                born = (chroma / "chroma.sqlite3-journal").stat().st_mtime
            except FileNotFoundError:
                return False
            return born > state["opened"] + 1.0

        return check

    def exporting() -> bool:  # a segment being written (snapshots/segments/.tmp-*)
        return any(p.name.startswith(".tmp-") for p in snapshots.glob("*/*"))

    def after(seconds: float) -> Callable[[], bool]:
        start = time.monotonic()
        return lambda: time.monotonic() - start >= seconds

    points: list[tuple[str, Callable[[float], Callable[[], bool]]]] = [
        ("lock just taken", lambda t: lock_taken),
        ("store just opened", lambda t: store_opened(t, 0.0)),
        ("store open + 1.5 s (model load / embedding batch)", lambda t: store_opened(t, 1.5)),
        ("inside a Chroma write transaction (mid-commit)", committing),
        ("snapshot export", lambda t: exporting),
        ("random delay", lambda t: after(rng.uniform(1.0, 8.0))),
    ]
    step = 0
    for name, make_ready in points:
        # A run that publishes before its kill point comes is retried with more work: how
        # fast the indexer is depends on the machine, not on what this test checks.
        for count in (5, 12, 30):
            step += 1
            _grow_corpus(Path(settings.corpus), step, seeds, count)
            started = time.time()
            time.sleep(0.01)  # mtime granularity: writes of this run are strictly newer
            proc = subprocess.Popen(
                [CITEBOT, "index"],
                env=_env(settings),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            killed = _kill_when(proc, make_ready(started))
            now = (snapshots / "CURRENT").read_text()
            if not killed:
                assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
            if proc.stderr:
                proc.stderr.close()
            if now == generation:
                # The previous generation still answers, exactly as before.
                assert _answers(settings) == baseline, f"answers changed after kill at {name}"
                if killed:
                    survived.append(name)
                    print(f"killed at {name} after {time.time() - started:.1f} s ({count} new)")
                    break
            else:
                generation, baseline = now, _answers(settings)
            if killed:
                break
    assert len(survived) >= 5, survived
    assert any("mid-commit" in name for name in survived), survived

    done = subprocess.run(
        [CITEBOT, "index"],
        env=_env(settings),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    from index.snapshot import load_snapshot
    from index.store import Store

    expected = _expected_chunks(settings)
    snap = load_snapshot(snapshots)
    store = Store(settings)
    assert snap.chunk_count == store.count("chunks") == expected
    assert f"{expected} chunks" in done.stdout
    ids = {p.stem for p in Path(settings.corpus).glob("*.txt")}
    assert {a.id for a in snap.articles} == ids == set(store.article_versions())
    # Every published article is the current file version, and nothing half-written is left.
    from index.articles import find_article_files, read_article, shared_lines

    shared = shared_lines(find_article_files(Path(settings.corpus)))
    for art in snap.articles:
        path = Path(settings.corpus) / f"{art.id}.txt"
        assert art.content_hash == read_article(path, shared).content_hash
    assert not [p for p in snapshots.rglob(".tmp-*")]
    assert _answers(settings)  # the new generation answers

"""`make bench` parts for issue 12: ANN recall, one-article publishing, first-index
throughput, and the replica scenario (one indexer, one bot host, one `chroma run`).

Each `part_*` runs in a fresh child process of bench/run.py and returns a JSON dict.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CITEBOT = Path(sys.executable).with_name("citebot")


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def part_recall(questions_file: str) -> dict[str, Any]:
    """Dense top-10 through the published index vs an exact scan of every live chunk."""
    from index.encoder import OnnxEncoder
    from index.shared.settings import get_settings
    from index.snapshot import load_snapshot

    settings = get_settings()
    snap = load_snapshot(settings.snapshots_dir)
    questions = json.loads(Path(questions_file).read_text())[:200]
    queries = OnnxEncoder(settings.onnx_path, settings.model_dir).encode(questions)
    exact = np.full((len(queries), 10), -1, dtype=np.int64)
    best = np.full((len(queries), 10), -np.inf, dtype=np.float32)
    vecs = snap.chunk_vecs
    for lo in range(0, len(vecs), 100_000):  # blocks: the vectors are memory-mapped
        block = vecs[lo : lo + 100_000]
        scores = queries @ block.T
        scores[:, ~snap.live[lo : lo + len(block)]] = -np.inf
        both = np.concatenate([best, scores], axis=1)
        ids = np.concatenate(
            [exact, np.arange(lo, lo + len(block))[None].repeat(len(queries), 0)], 1
        )
        top = np.argsort(-both, axis=1)[:, :10]
        best, exact = np.take_along_axis(both, top, 1), np.take_along_axis(ids, top, 1)
    recalls, times = [], []
    for qi, q in enumerate(queries):
        started = time.perf_counter()
        got, _ = snap.dense_top(q, 10, snap.live)
        times.append((time.perf_counter() - started) * 1000)
        recalls.append(len(set(got.tolist()) & set(exact[qi].tolist())) / 10)
    return {
        "queries": len(queries),
        "recall_at_10": statistics.fmean(recalls),
        "min_recall": min(recalls),
        "dense_p50_ms": _pct(times, 50),
        "dense_p95_ms": _pct(times, 95),
        "ann_segments": sum(seg.ann is not None for seg in snap.segments),
        "ann": sorted({seg.ann.kind for seg in snap.segments if seg.ann is not None}),
    }


def part_publish(seed_home: str) -> dict[str, Any]:
    """Add, edit and delete one article of the published snapshot, three times each: the
    wall time of each publish (segment + manifest + CURRENT) and of a reader picking it up."""
    import synth

    from index.encoder import OnnxEncoder, TokenCounter
    from index.publish import publish
    from index.shared.settings import get_settings
    from index.snapshot import load_snapshot

    settings = get_settings()
    seed = synth.load_seed()
    seed_settings = get_settings(home=Path(seed_home))
    synth.embed(seed, OnnxEncoder(seed_settings.onnx_path, settings.model_dir))
    counter = TokenCounter(settings.model_dir)
    reader = load_snapshot(settings.snapshots_dir)
    reader.bm25.df("said")  # a warm reader, as a running bot has
    fresh = synth.stream(seed, counter, settings, 10_000, seed_value=11, start=9_000_000)
    timings: dict[str, list[float]] = {"add": [], "edit": [], "delete": []}
    reload_ms: list[float] = []
    for _ in range(3):
        new = next(fresh)
        edited = next(fresh)
        edited = type(edited)(  # same id as `new`, other text: an edit
            type(new.article)(
                **{
                    **new.article.to_json(),
                    "text": edited.article.text,
                    "content_hash": edited.article.content_hash,
                }
            ),
            [c.replace(edited.article.id, new.article.id) for c in edited.chunk_ids],
            edited.chunks,
            edited.sentences,
            edited.chunk_vecs,
            edited.sent_vecs,
        )
        for kind, added, gone in (
            ("add", [new], set()),
            ("edit", [edited], set()),
            ("delete", [], {new.article.id}),
        ):
            started = time.perf_counter()
            publish(settings.snapshots_dir, settings.signature, added, gone)
            timings[kind].append(time.perf_counter() - started)
            started = time.perf_counter()
            reader = load_snapshot(settings.snapshots_dir)
            reload_ms.append((time.perf_counter() - started) * 1000)
            ids = {a.id for a in reader.articles}
            assert (new.article.id in ids) == (kind != "delete"), kind
    out: dict[str, Any] = {f"{k}_s": max(v) for k, v in timings.items()}
    out["max_s"] = max(max(v) for v in timings.values())
    out["reader_reload_ms_max"] = max(reload_ms)
    out["segments_after"] = len(reader.segments)
    return out


def part_first_index(articles: str, seed_home: str) -> dict[str, Any]:
    """The first `citebot index` of a synthetic corpus: text embedded per second, against
    the previous indexer's embedding loop (torch, one article's texts at a time) on the
    very same texts."""
    import synth

    from index.chunking import chunk_article
    from index.encoder import TokenCounter, TorchEncoder
    from index.indexer import IndexReport, read_corpus, run_index
    from index.shared.settings import get_settings

    settings = get_settings()
    corpus = settings.home / "corpus"
    synth.write_corpus(corpus, int(articles), seed_value=21)
    model = settings.onnx_path.parent
    model.mkdir(parents=True, exist_ok=True)
    for f in get_settings(home=Path(seed_home)).onnx_path.parent.iterdir():
        (model / f.name).symlink_to(f)
    seen: list[float] = []
    started, cpu = time.perf_counter(), time.process_time()
    report = run_index(
        settings, corpus, progress=lambda done, total: seen.append(time.perf_counter())
    )
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    embed_wall = seen[-1] - seen[0] if len(seen) > 1 else wall
    # The previous loop, same texts: per article, sorted set of its missing texts.
    counter = TokenCounter(settings.model_dir)
    torch_enc = TorchEncoder(settings.model_dir, settings.embed_batch)
    torch_enc.encode(["warm up"] * 8)
    texts_per_article = []
    for art in read_corpus(corpus, IndexReport()).values():
        sentences, chunks = chunk_article(
            art, counter, settings.chunk_tokens, settings.overlap_sentences
        )
        texts = [c.text for c in chunks] + [art.text[s.start : s.end] for s in sentences]
        texts_per_article.append(sorted(set(texts)))
    t0, c0 = time.perf_counter(), time.process_time()
    for texts in texts_per_article:
        for lo in range(0, len(texts), settings.embed_batch * 4):
            torch_enc.encode(texts[lo : lo + settings.embed_batch * 4])
    legacy_wall, legacy_cpu = time.perf_counter() - t0, time.process_time() - c0
    legacy_tokens = sum(sum(counter(t)) for t in texts_per_article)
    return {
        "articles": report.articles,
        "embeddings": report.embeddings,
        "tokens": report.tokens_embedded,
        "index_wall_s": wall,
        "embed_wall_s": embed_wall,
        "tokens_per_s": report.tokens_embedded / embed_wall,
        "tokens_per_cpu_s": report.tokens_embedded / cpu,
        "index_tokens_per_s": report.tokens_embedded / wall,
        "legacy_tokens_per_s": legacy_tokens / legacy_wall,
        "legacy_tokens_per_cpu_s": legacy_tokens / legacy_cpu,
        "speedup": (report.tokens_embedded / embed_wall) / (legacy_tokens / legacy_wall),
        "progress_calls": len(seen),
    }


NEW_FACTS = (
    (
        "quarvel_bridge",
        "Quarvel Bridge Reopens",
        "The Quarvel Bridge over the Lindmoor river reopened on Tuesday after a two-year rebuild, "
        "the county engineer Osk Talvin said. Traffic was light on the first morning.",
        "When did the Quarvel Bridge reopen?",
        "Quarvel",
    ),
    (
        "tessaly_orchard",
        "Tessaly Orchard Wins Prize",
        "The Tessaly orchard cooperative won the regional cider prize for its dry perry, judges "
        "announced on Friday. The cooperative has forty members.",
        "Which prize did the Tessaly orchard cooperative win?",
        "Tessaly",
    ),
)


def _write_article(corpus: Path, fact: tuple[str, str, str, str, str]) -> None:
    stem, title, body, _, _ = fact
    (corpus / f"{stem}.txt").write_text(f"---\ntitle: {title}\noutlet: Bench Wire\n---\n{body}\n")


def _env(home: Path, corpus: Path, url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CITEBOT_")}
    env.update(
        CITEBOT_HOME=str(home),
        CITEBOT_CORPUS=str(corpus),
        CITEBOT_CHROMA_URL=url,
        CITEBOT_CHROMA_TIMEOUT="10",
        HF_HUB_OFFLINE="1",
        ANONYMIZED_TELEMETRY="False",
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return env


def _run(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    out = subprocess.run(
        [str(CITEBOT), *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    if out.returncode != 0:
        raise RuntimeError(f"citebot {args[0]} failed: {out.stderr[-800:]}")
    return time.perf_counter() - started, out.stdout


def _until_answered(env: dict[str, str], question: str, marker: str, limit: float = 120) -> float:
    """Seconds until a fresh `citebot ask` on this host quotes the marker."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        _, out = _run(["ask", "--json", question], env)
        if marker in out:
            return time.perf_counter() - started
        time.sleep(1)
    raise RuntimeError(f"not answered within {limit:.0f} s: {question}")


def part_replica(questions_file: str) -> dict[str, Any]:
    """Host A indexes into one `chroma run` on 127.0.0.1; host B (empty home, no corpus)
    answers from the server, picks up A's new article, answers through a server restart
    and catches up after it."""
    sys.path.insert(0, str(ROOT))
    from tests.chroma_server import free_port, start_chroma

    work = Path(tempfile.mkdtemp(prefix="citebot-replica-"))
    port = free_port()
    server = start_chroma(work / "server", work / "server.log", port=port)
    res: dict[str, Any] = {"tested": "one `chroma run` on 127.0.0.1, two homes on one machine"}
    try:
        corpus = work / "corpus"
        shutil.copytree(ROOT / "corpus", corpus)
        host_a = _env(work / "a", corpus, server.url)
        host_b = _env(work / "b", work / "no-corpus", server.url, CITEBOT_SYNC_SECONDS="5")
        res["a_first_index_s"], _ = _run(["index"], host_a)
        res["b_first_answer_s"], out = _run(
            ["ask", "--json", "Where did Kim fly after the reunion?"], host_b
        )
        res["b_first_answered"] = '"answered": true' in out
        res["b_second_ask_s"], _ = _run(["ask", "--json", "Where is the ranch?"], host_b)
        _write_article(corpus, NEW_FACTS[0])
        res["a_add_one_index_s"], _ = _run(["index"], host_a)
        res["b_pickup_s"] = _until_answered(host_b, NEW_FACTS[0][3], NEW_FACTS[0][4])
        warm = subprocess.run(
            [sys.executable, str(BENCH / "run.py"), "--part", "warm", questions_file],
            env=host_b,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=900,
        )
        res["b_warm"] = json.loads(warm.stdout.strip().splitlines()[-1])
        server.stop()
        res["b_server_down_ask_s"], out = _run(["ask", "--json", NEW_FACTS[0][3]], host_b)
        res["b_answers_while_down"] = NEW_FACTS[0][4] in out
        server = start_chroma(work / "server", work / "server.log", port=port)
        _write_article(corpus, NEW_FACTS[1])
        _run(["index"], host_a)
        res["b_catch_up_s"] = _until_answered(host_b, NEW_FACTS[1][3], NEW_FACTS[1][4])
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    return res

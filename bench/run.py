"""`make bench`: cold and warm answer latency, memory, indexing throughput, at scale.

Every measurement runs in a fresh process (this script re-invokes itself with a `--part`),
so one part's imports and memory never leak into another's numbers. Prints a table and
writes bench/results/bench-<time>.json and bench/results/latest.json.

    .venv/bin/python bench/run.py                  # everything (a few minutes on 2 cores)
    .venv/bin/python bench/run.py --sizes 10000    # skip the 100k-chunk corpus
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
CITEBOT = Path(sys.executable).with_name("citebot")
QUESTION = "Where did Kim fly after the reunion in Wyoming?"
EVAL_FILES = (
    ROOT / "eval" / "questions.jsonl",
    ROOT.parent / "shared" / "eval" / "dev_questions.jsonl",
)
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

import scale  # noqa: E402 - bench/ is on the path only from here
import throughput  # noqa: E402

# ---------------------------------------------------------------- process helpers


def run_rss(cmd: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB and stdout of one fresh process (wait4 rusage)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text = out.read().decode()
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd[:4])}… failed: {err.read().decode()[-800:]}")
    return wall, usage.ru_maxrss / 1024, text


def children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def env_for(home: Path, corpus: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CITEBOT_")}
    env.update(CITEBOT_HOME=str(home), HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False")
    env["PYTHONPATH"] = str(ROOT)
    if corpus:
        env["CITEBOT_CORPUS"] = str(corpus)
    return env


def part(name: str, *args: str, env: dict[str, str]) -> tuple[dict[str, Any], float]:
    _, rss, out = run_rss([sys.executable, __file__, "--part", name, *args], env)
    return json.loads(out.strip().splitlines()[-1]), rss


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


# ---------------------------------------------------------------- questions


def eval_questions() -> list[str]:
    out = []
    for path in EVAL_FILES:
        if path.exists():
            out += [json.loads(line)["q"] for line in path.read_text().splitlines() if line.strip()]
    return out


def varied(questions: list[str], count: int, seed: int = 4) -> list[str]:
    """The eval questions, then rephrasings of them, `count` in all."""
    rng = random.Random(seed)
    forms = (
        lambda q: q.lower().rstrip("?"),
        lambda q: f"According to the articles, {q[0].lower()}{q[1:]}",
        lambda q: f"Tell me: {q}",
        lambda q: f"{q} Please cite the source.",
        lambda q: " ".join(w for w in q.split() if len(w) > 3) + "?",
        lambda q: q.upper(),
    )
    out = list(questions[:count])
    while len(out) < count:
        out.append(rng.choice(forms)(rng.choice(questions)))
    return out


# ---------------------------------------------------------------- parts (child processes)


def part_warm(questions_file: str) -> dict[str, Any]:
    """Full cited answers from one warm Engine: latency percentiles and memory."""
    import resource

    from bot.engine import Engine
    from index.shared.settings import get_settings

    questions = json.loads(Path(questions_file).read_text())
    engine = Engine(get_settings())
    for q in questions[:10]:  # warm-up: first-use costs belong to the cold numbers
        engine.answer(q)
    times, answered = [], 0
    cpu_started = time.process_time()  # CPU time: the honest number on a shared machine
    for q in questions:
        started = time.perf_counter()
        answered += engine.answer(q).answered
        times.append((time.perf_counter() - started) * 1000)
    cpu_ms = (time.process_time() - cpu_started) * 1000 / len(questions)
    status = Path("/proc/self/status").read_text()

    def kb(field: str) -> float:
        return int(re.search(rf"{field}:\s+(\d+)", status).group(1)) / 1024  # type: ignore[union-attr]

    rss_now = kb("VmRSS")
    return {
        "questions": len(questions),
        "answered": answered,
        "chunks": engine.snapshot.chunk_count,
        "p50_ms": pct(times, 50),
        "p95_ms": pct(times, 95),
        "p99_ms": pct(times, 99),
        "mean_ms": statistics.fmean(times),
        "cpu_ms_per_answer": cpu_ms,
        "rss_mb": rss_now,
        # File-backed pages of the memory-mapped segment files count in RSS but are page
        # cache the kernel can drop; anonymous memory is what the process itself holds.
        "rss_anon_mb": kb("RssAnon"),
        "rss_file_mb": kb("RssFile"),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "loadavg_at_end": [round(x, 2) for x in os.getloadavg()],
    }


def _packed_chunks(count: int) -> tuple[list[str], list[int]]:
    """About-160-token chunks of synthetic text, packed like index/chunking.py packs them."""
    import synth

    from index.encoder import TokenCounter
    from index.shared.settings import get_settings

    settings = get_settings()
    counter = TokenCounter(settings.model_dir)
    stream = synth.articles(synth.load_seed(), random.Random(7))
    chunks: list[str] = []
    while len(chunks) < count:
        sents = next(stream).sentences
        lens = counter(sents)
        cur, used = [], 0
        for s, n in zip(sents, lens, strict=True):
            if cur and used + n > settings.chunk_tokens - 2:
                chunks.append(" ".join(cur))
                cur, used = [], 0
            cur.append(s)
            used += n
    chunks = [c for c in chunks if counter([c])[0] >= 100][:count]
    return chunks, [n + 2 for n in counter(chunks)]  # + [CLS] and [SEP]: the model sees them


def part_throughput(count: str) -> dict[str, Any]:
    """Embedding throughput of the indexing encoder (and the ONNX one, for comparison)."""
    import torch

    from index.encoder import OnnxEncoder, TorchEncoder
    from index.shared.settings import get_settings

    settings = get_settings()
    texts, tokens = _packed_chunks(int(count))
    result: dict[str, Any] = {
        "chunks": len(texts),
        "mean_tokens": sum(tokens) / len(texts),
        "torch_threads": torch.get_num_threads(),
    }
    encoders = {
        "torch": TorchEncoder(settings.model_dir, settings.embed_batch),
        "onnx": OnnxEncoder(settings.onnx_path, settings.model_dir),
    }
    for name, enc in encoders.items():
        enc.encode(texts[:32])  # warm-up: first-batch allocation is not throughput
        started, cpu = time.perf_counter(), time.process_time()
        enc.encode(texts)
        secs = time.perf_counter() - started
        result[f"{name}_tokens_per_s"] = sum(tokens) / secs
        # Per CPU-second over all threads: what contention from other processes cannot hide.
        result[f"{name}_tokens_per_cpu_s"] = sum(tokens) / (time.process_time() - cpu)
        result[f"{name}_chunks_per_s"] = len(texts) / secs
    return result


def part_build(chunks: str, seed_home: str) -> dict[str, Any]:
    import synth

    from index.encoder import OnnxEncoder, TokenCounter
    from index.shared.settings import get_settings

    settings = get_settings()
    model = settings.onnx_path.parent
    model.mkdir(parents=True, exist_ok=True)
    seed_model = get_settings(home=Path(seed_home)).onnx_path.parent
    for f in seed_model.iterdir():  # share the exported model; it is read-only
        if not (model / f.name).exists():
            (model / f.name).symlink_to(f)
    started = time.perf_counter()
    seed = synth.load_seed()
    synth.embed(seed, OnnxEncoder(settings.onnx_path, settings.model_dir))
    counts = synth.build_snapshot(settings, seed, TokenCounter(settings.model_dir), int(chunks))
    counts["build_s"] = time.perf_counter() - started  # type: ignore[assignment]
    return counts


def part_synth_questions(out: str, count: str) -> dict[str, Any]:
    import synth

    seed = synth.load_seed()
    n = int(count)
    qs = synth.questions(seed, n - n // 4) + varied(eval_questions(), n // 4, seed=9)
    random.Random(5).shuffle(qs)
    Path(out).write_text(json.dumps(qs))
    return {"questions": len(qs)}


PARTS = {
    "warm": part_warm,
    "throughput": part_throughput,
    "build": part_build,
    "synth-questions": part_synth_questions,
    "recall": scale.part_recall,
    "publish": scale.part_publish,
    "first-index": scale.part_first_index,
    "replica": scale.part_replica,
}


# ---------------------------------------------------------------- the benchmark


def reference_ms() -> float:
    """A fixed pure-Python workload, best of 3: how fast this machine is right now. The same
    code measured 2x apart on two sessions' machines (shared hosts); this puts a number on it,
    so results from different runs can be compared."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for i in range(2_000_000):
            total += i % 7
        best = min(best, time.perf_counter() - started)
    return round(best * 1000, 1)


def machine() -> dict[str, Any]:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    load = os.getloadavg()
    return {
        "cpu": cpu,
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "loadavg_at_start": [round(x, 2) for x in load],
        "reference_ms_at_start": reference_ms(),
    }


def bench(sizes: list[int], work: Path, replica: bool = True) -> dict[str, Any]:
    res: dict[str, Any] = {
        "machine": machine(),
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    corpus = work / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    home = work / "seed"
    env = env_for(home, corpus)

    step("index the seed corpus (fresh data dir)")
    wall, rss, out = run_rss([str(CITEBOT), "index"], env)
    res["index_fresh"] = {"wall_s": wall, "peak_rss_mb": rss, "report": out.strip()}

    step("re-index the unchanged corpus (x3)")
    runs = [run_rss([str(CITEBOT), "index"], env) for _ in range(3)]
    embedded = [int(m.group(1)) for _, _, o in runs if (m := re.search(r"(\d+) embeddings", o))]
    res["reindex_unchanged"] = {
        "wall_s": statistics.median(w for w, _, _ in runs),
        "embeddings": max(embedded) if embedded else None,
        "report": runs[-1][2].strip(),
    }

    step("cold `citebot ask --json` (x5, new process each)")
    cold, cpu = [], []
    for _ in range(5):
        before = children_cpu()
        cold.append(run_rss([str(CITEBOT), "ask", "--json", QUESTION], env))
        cpu.append(children_cpu() - before)
    assert all('"answered"' in o for _, _, o in cold)
    res["cold_ask"] = {
        "wall_s": statistics.median(w for w, _, _ in cold),
        "cpu_s": statistics.median(cpu),  # user + system, all threads
        "peak_rss_mb": statistics.median(r for _, r, _ in cold),
        "runs_wall_s": [round(w, 3) for w, _, _ in cold],
    }
    res["cold_help_s"] = statistics.median(
        run_rss([str(CITEBOT), "--help"], env)[0] for _ in range(3)
    )

    step("warm answers on the seed corpus (200 questions)")
    qfile = work / "seed-questions.json"
    qfile.write_text(json.dumps(varied(eval_questions(), 200)))
    res["warm_seed"], _ = part("warm", str(qfile), env=env)

    step("embedding throughput on ~160-token chunks")
    res["throughput"], _ = part("throughput", "256", env=env)

    step("first index of a 120-article synthetic corpus, and the old embedding loop on it")
    res["first_index"], _ = part("first-index", "120", str(home), env=env_for(work / "first"))
    step("first index of the real corpora: article text per second, against the older indexers")
    res["first_index_text"] = throughput.run(work, home, env_for(work / "text"))

    if replica:
        step("replica: host A indexes into `chroma run`, host B answers from the server")
        res["replica"], _ = part("replica", str(work / "seed-questions.json"), env=env)

    res["scale"] = {}
    for size in sizes:
        big = work / f"synth-{size}"
        big_env = env_for(big)
        step(f"build a {size:,}-chunk synthetic snapshot")
        built, build_rss = part("build", str(size), str(home), env=big_env)
        built["build_peak_rss_mb"] = build_rss
        # A bot answers from an index written long before, not while the kernel writes back
        # the gigabytes just built. (At 1M, p95 was 98 ms right after the build and 60-68 ms
        # on the same tree minutes later; that writeback is the cause is a guess.)
        started = time.perf_counter()
        os.sync()
        built["sync_s"] = time.perf_counter() - started
        qfile = work / f"questions-{size}.json"
        part("synth-questions", str(qfile), "200", env=big_env)
        step(f"warm answers at {built['chunks']:,} chunks (200 questions)")
        warm, _ = part("warm", str(qfile), env=big_env)
        step(f"dense recall@10 against an exact scan at {built['chunks']:,} chunks")
        recall, _ = part("recall", str(qfile), env=big_env)
        step(f"publish one article (add, edit, delete; x3) into {built['chunks']:,} chunks")
        published, _ = part("publish", str(home), env=big_env)
        res["scale"][str(size)] = {
            "build": built,
            "warm": warm,
            "recall": recall,
            "publish": published,
        }
        shutil.rmtree(big, ignore_errors=True)
    res["machine"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    res["machine"]["reference_ms_at_end"] = reference_ms()
    return res


TARGETS = (
    ("cold ask wall (median of 5)", "cold_ask.wall_s", "s", 1.0),
    ("cold ask CPU time (user+sys)", "cold_ask.cpu_s", "s", None),
    ("cold ask peak RSS", "cold_ask.peak_rss_mb", "MB", 400),
    ("cold `citebot --help` wall", "cold_help_s", "s", None),
    ("warm p50, seed corpus", "warm_seed.p50_ms", "ms", None),
    ("warm p95, seed corpus", "warm_seed.p95_ms", "ms", 25),
    ("warm p99, seed corpus", "warm_seed.p99_ms", "ms", None),
    ("CPU per answer, seed corpus", "warm_seed.cpu_ms_per_answer", "ms", None),
    ("embedding, torch", "throughput.torch_tokens_per_s", "tok/s", None),
    ("embedding, torch chunks/s", "throughput.torch_chunks_per_s", "chunks/s", None),
    ("embedding, torch per CPU-second", "throughput.torch_tokens_per_cpu_s", "tok/s", None),
    ("embedding, onnx (indexer and queries)", "throughput.onnx_tokens_per_s", "tok/s", None),
    ("re-index unchanged, wall", "reindex_unchanged.wall_s", "s", 2.0),
    ("re-index unchanged, embeddings", "reindex_unchanged.embeddings", "", 0),
    ("warm p50 @10k chunks", "scale.10000.warm.p50_ms", "ms", None),
    ("warm p95 @10k chunks", "scale.10000.warm.p95_ms", "ms", 50),
    ("warm p99 @10k chunks", "scale.10000.warm.p99_ms", "ms", None),
    ("CPU per answer @10k chunks", "scale.10000.warm.cpu_ms_per_answer", "ms", None),
    ("RSS @10k chunks", "scale.10000.warm.rss_mb", "MB", None),
    ("warm p50 @100k chunks", "scale.100000.warm.p50_ms", "ms", None),
    ("warm p95 @100k chunks", "scale.100000.warm.p95_ms", "ms", 30),
    ("warm p99 @100k chunks", "scale.100000.warm.p99_ms", "ms", None),
    ("CPU per answer @100k chunks", "scale.100000.warm.cpu_ms_per_answer", "ms", None),
    ("RSS @100k chunks (peak)", "scale.100000.warm.peak_rss_mb", "MB", 1536),
    ("  of it anonymous @100k (end)", "scale.100000.warm.rss_anon_mb", "MB", None),
    ("  of it mapped files @100k (end)", "scale.100000.warm.rss_file_mb", "MB", None),
    ("dense recall@10 @100k chunks", "scale.100000.recall.recall_at_10", "", -0.98),
    ("publish one article @100k (worst of 9)", "scale.100000.publish.max_s", "s", 10),
    ("warm p50 @1M chunks", "scale.1000000.warm.p50_ms", "ms", None),
    ("warm p95 @1M chunks", "scale.1000000.warm.p95_ms", "ms", 60),
    ("warm p99 @1M chunks", "scale.1000000.warm.p99_ms", "ms", None),
    ("CPU per answer @1M chunks", "scale.1000000.warm.cpu_ms_per_answer", "ms", None),
    ("bot RSS @1M chunks (peak)", "scale.1000000.warm.peak_rss_mb", "MB", 1536),
    ("  of it anonymous @1M (end)", "scale.1000000.warm.rss_anon_mb", "MB", None),
    ("  of it mapped files @1M (end)", "scale.1000000.warm.rss_file_mb", "MB", None),
    ("dense recall@10 @1M chunks", "scale.1000000.recall.recall_at_10", "", -0.98),
    ("dense search p95 @1M chunks", "scale.1000000.recall.dense_p95_ms", "ms", None),
    ("publish one article @1M (worst of 9)", "scale.1000000.publish.max_s", "s", 10),
    (
        "reader picks up a publish @1M (worst)",
        "scale.1000000.publish.reader_reload_ms_max",
        "ms",
        None,
    ),
    ("build 1M-chunk snapshot (peak RSS)", "scale.1000000.build.build_peak_rss_mb", "MB", None),
    ("first index: tokens/s embedded", "first_index.tokens_per_s", "tok/s", None),
    ("first index: old loop, same texts", "first_index.legacy_tokens_per_s", "tok/s", None),
    ("first index: speed-up over the old loop", "first_index.speedup", "x", -2),
    ("first index: tokens per CPU-second", "first_index.tokens_per_cpu_s", "tok/s", None),
    ("replica: first answer, empty home", "replica.b_first_answer_s", "s", None),
    ("replica: picks up A's new article", "replica.b_pickup_s", "s", 60),
    ("replica: ask while the server is down", "replica.b_server_down_ask_s", "s", None),
    ("replica: catches up after restart", "replica.b_catch_up_s", "s", 60),
    ("replica: warm p95", "replica.b_warm.p95_ms", "ms", None),
)
TARGETS += throughput.ROWS


def lookup(res: dict[str, Any], dotted: str) -> Any:
    cur: Any = res
    for key in dotted.split("."):
        if not isinstance(cur, dict) or key not in cur:
            return None
        cur = cur[key]
    return cur


def table(res: dict[str, Any]) -> str:
    rows = ["| measure | value | target | ok |", "|---|---:|---:|:-:|"]
    for label, key, unit, target in TARGETS:
        value = lookup(res, key)
        if value is None:
            continue
        if isinstance(value, int) or abs(value) >= 100:
            shown = f"{value:,.0f}"
        else:
            shown = f"{value:.2f}" if unit in ("s", "x") else f"{value:.1f}"
            if unit == "":
                shown = f"{value:.3f}"
        if target is None:
            goal, ok = "", ""
        elif target < 0:  # a floor
            goal, ok = f"≥ {-target:,}", "yes" if value >= -target else "NO"
        else:
            goal, ok = f"≤ {target:,}", "yes" if value <= target else "NO"
        rows.append(f"| {label} | {shown} {unit} | {goal} {unit if goal else ''} | {ok} |")
    m = res["machine"]
    rows.append("")
    rows.append(
        f"Machine: {m['cpu']}, {m['nproc']} CPUs, Python {m['python']}; load average at start {m['loadavg_at_start']}, at end {m.get('loadavg_at_end')}; "
        f"reference Python workload {m.get('reference_ms_at_start')} ms at start, {m.get('reference_ms_at_end')} ms at end (lower is a faster machine)."
    )
    return "\n".join(rows)


def step(msg: str) -> None:
    print(f"… {msg}", file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="10000,100000,1000000", help="synthetic corpus sizes, in chunks"
    )
    parser.add_argument("--no-replica", action="store_true", help="skip the Chroma server scenario")
    parser.add_argument(
        "--record", action="store_true", help="also write bench/RESULTS.md (committed)"
    )
    parser.add_argument("--part", choices=sorted(PARTS), help=argparse.SUPPRESS)
    parser.add_argument("args", nargs="*", help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.part:
        print(json.dumps(PARTS[opts.part](*opts.args)))
        return
    sizes = [int(s) for s in opts.sizes.split(",") if s]
    work = Path(tempfile.mkdtemp(prefix="citebot-bench-"))
    try:
        res = bench(sizes, work, replica=not opts.no_replica)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    RESULTS.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    for path in (RESULTS / f"bench-{stamp}.json", RESULTS / "latest.json"):
        path.write_text(json.dumps(res, indent=2))
    print(table(res))
    if opts.record:
        (BENCH / "RESULTS.md").write_text(
            "# Benchmark results\n\nWritten by `python bench/run.py --record` "
            f"({res['started']}).\n\n{table(res)}\n\n```json\n{json.dumps(res, indent=2)}\n```\n"
        )
    print(f"\nwritten: {RESULTS / f'bench-{stamp}.json'}")


if __name__ == "__main__":
    main()

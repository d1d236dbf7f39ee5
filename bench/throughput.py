"""First-index throughput: cleaned article text indexed per second by a first `run_index`,
against the indexer's previous behaviours on the same articles, in the same process (so
the ratios hold on a loaded machine even when the absolute numbers do not).

Every variant is a complete first index (read, chunk, embed, write Chroma, publish) of the
same corpus into a fresh home; only the embed-and-commit step differs:

- now: `index.indexer` as it is.
- previous: the round's starting point: the query encoder (each batch split over two
  threads) in length-sorted batches across articles, three Chroma writes per article.
- old loop: the indexer the issue measured: sentence-transformers on torch, one article's
  texts at a time, three Chroma writes per article.

Also torch's rate on ~160-token chunks alone (the issue's "5,713 tokens/s at this CPU's
fp32 limit"): embedding every text at that rate, with nothing else costing time, is the
best the torch indexer could have done ("torch limit" below).

Article tokens are word pieces of the cleaned article texts, what the indexer is for;
embedded tokens count each chunk and each sentence, so one article token is embedded about
twice (once in a chunk or two, once in its sentence).

    .venv/bin/python bench/throughput.py            # prints a table and the JSON
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

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
# Real articles of three kinds (seed news, a Wikipedia article, general news): synthetic
# text repeats seed sentences, which embedding-once-per-text would flatter.
CORPORA = (
    ROOT / "corpus",
    ROOT.parent / "shared" / "eval" / "external" / "corpus",
    ROOT / "eval" / "general" / "corpus",
)
ROWS = (
    ("first index: article tok/s (wall)", "first_index_text.now.article_tokens_per_s", "tok/s", None),
    ("first index: article tok per CPU-s", "first_index_text.now.article_tokens_per_cpu_s", "tok/s", None),
    ("first index: embedded tok/s (embedding phase)", "first_index_text.now.embedded_tokens_per_s", "tok/s", None),
    ("first index: embeddings per chunk", "first_index_text.now.embeddings_per_chunk", "", None),
    ("first index: x previous (wall)", "first_index_text.ratio.now_vs_previous_wall", "x", None),
    ("first index: x old loop (wall)", "first_index_text.ratio.now_vs_old_loop_wall", "x", -2),
    ("first index: x old loop (CPU)", "first_index_text.ratio.now_vs_old_loop_cpu", "x", None),
    ("first index: x torch limit (wall)", "first_index_text.ratio.now_vs_torch_limit_wall", "x", None),
)  # fmt: skip


def build_corpus(out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    for n, corpus in enumerate(c for c in CORPORA if c.is_dir()):
        for f in sorted(corpus.iterdir()):
            if f.is_file():
                shutil.copy(f, out / f"c{n}-{f.name}")
    return out


def _previous(settings: Any, store: Any, todo: list[Any], versions: dict[str, str],
              report: Any, encoder: Any, progress: Any, torch_loop: bool = False) -> None:  # fmt: skip
    """The round's starting `_index_articles` (or, torch_loop, the issue's), verbatim in
    what it computes: same texts, same records."""
    from index.chunking import chunk_article, text_hash
    from index.encoder import OnnxEncoder, TokenCounter, TorchEncoder
    from index.indexer import _WINDOW, _records

    counter = TokenCounter(settings.model_dir)
    plans = []
    for article in todo:
        sentences, chunks = chunk_article(
            article, counter, settings.chunk_tokens, settings.overlap_sentences
        )
        texts = [c.text for c in chunks] + [article.text[s.start : s.end] for s in sentences]
        plans.append((article, sentences, chunks, {}, sorted(set(texts))))
    step = settings.embed_batch
    if torch_loop:
        enc = TorchEncoder(settings.model_dir, step)
        for article, sentences, chunks, known, texts in plans:
            for lo in range(0, len(texts), step * 4):
                part = texts[lo : lo + step * 4]
                known.update(zip(map(text_hash, part), enc.encode(part), strict=True))
            report.embeddings += len(texts)
            report.tokens_embedded += sum(counter(texts))
            store.commit_article(*_records(article, sentences, chunks, known))
        return
    onnx = OnnxEncoder(settings.onnx_path, settings.model_dir)
    lo = 0
    while lo < len(plans):
        hi, size = lo, 0
        while hi < len(plans) and (hi == lo or size + len(plans[hi][4]) <= _WINDOW):
            size, hi = size + len(plans[hi][4]), hi + 1
        window = plans[lo:hi]
        texts = sorted({t for p in window for t in p[4]})
        lengths = counter(texts)
        order = sorted(range(len(texts)), key=lambda i: lengths[i])
        vectors: dict[str, Any] = {}
        for b in range(0, len(order), step):
            batch = [texts[i] for i in order[b : b + step]]
            vectors.update(zip(batch, onnx.encode(batch), strict=True))
            if progress:
                progress(b + len(batch), len(texts))
        for plan in window:
            plan[3].update((text_hash(t), vectors[t]) for t in plan[4])
        report.embeddings += len(texts)
        report.tokens_embedded += sum(lengths)
        for article, sentences, chunks, known, _ in window:
            store.commit_article(*_records(article, sentences, chunks, known))
        lo = hi


def first_index(
    corpus: Path, model: Path, variant: str, article_tokens: int, only: int | None = None
) -> dict[str, Any]:
    """One complete first index of `corpus` (its first `only` files) into a fresh home, timed."""
    import index.indexer as indexer
    from index.shared.settings import get_settings

    home = Path(tempfile.mkdtemp(prefix=f"citebot-tp-{variant}-"))
    if only is not None:
        (home / "corpus").mkdir()
        for f in sorted(corpus.iterdir())[:only]:
            shutil.copy(f, home / "corpus" / f.name)
        corpus = home / "corpus"
    (home / "model").mkdir()
    for f in model.iterdir():  # the exported graph is shared and read-only
        (home / "model" / f.name).symlink_to(f)
    settings = get_settings(home=home)
    original = indexer._index_articles
    if variant != "now":
        loop = variant == "old-loop"

        def replaced(*args: Any) -> None:
            _previous(*args, torch_loop=loop)

        indexer._index_articles = replaced  # type: ignore[assignment]
    seen: list[float] = []
    try:
        started, cpu = time.perf_counter(), time.process_time()
        report = indexer.run_index(settings, corpus, progress=lambda d, t: seen.append(time.perf_counter()))  # fmt: skip
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        indexer._index_articles = original  # type: ignore[assignment]
        shutil.rmtree(home, ignore_errors=True)
    embed_wall = seen[-1] - seen[0] if len(seen) > 1 else None
    return {
        "wall_s": wall,
        "cpu_s": cpu,  # user + system, every thread of this process
        "article_tokens_per_s": article_tokens / wall,
        "article_tokens_per_cpu_s": article_tokens / cpu,
        "embeddings": report.embeddings,
        "embedded_tokens": report.tokens_embedded,
        "embedded_tokens_per_s": report.tokens_embedded / embed_wall if embed_wall else None,
        "embeddings_per_chunk": report.embeddings / max(report.chunks, 1),
        "chunks": report.chunks,
    }


def torch_chunk_rate(chunks: list[str]) -> dict[str, float]:
    from index.encoder import TokenCounter, TorchEncoder
    from index.shared.settings import get_settings

    settings = get_settings()
    tokens = sum(n + 2 for n in TokenCounter(settings.model_dir)(chunks))  # + [CLS], [SEP]
    enc = TorchEncoder(settings.model_dir, settings.embed_batch)
    enc.encode(chunks[:32])  # first-batch allocation is not throughput
    started, cpu = time.perf_counter(), time.process_time()
    enc.encode(chunks)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"tokens_per_s": tokens / wall, "tokens_per_cpu_s": tokens / cpu}


def measure(corpus: Path, model: Path, rounds: int = 2, old_loop: bool = True) -> dict[str, Any]:
    from index.chunking import chunk_article
    from index.encoder import TokenCounter
    from index.indexer import IndexReport, read_corpus
    from index.shared.settings import get_settings

    settings = get_settings()
    counter = TokenCounter(settings.model_dir)
    articles = list(read_corpus(corpus, IndexReport()).values())
    article_tokens = sum(counter([a.text for a in articles]))
    chunks, sentences = [], 0
    for a in articles:
        spans, cs = chunk_article(a, counter, settings.chunk_tokens, settings.overlap_sentences)
        chunks += [c.text for c in cs]
        sentences += len(spans)
    out: dict[str, Any] = {
        "articles": len(articles),
        "article_tokens": article_tokens,
        "chunks": len(chunks),
        "sentences": sentences,
        "rounds": rounds,
    }
    # A first index of one article, not counted: imports (Chroma's take seconds) and the first
    # session would otherwise be charged to whichever variant runs first.
    first_index(corpus, model, "now", article_tokens, only=1)
    runs: dict[str, list[dict[str, Any]]] = {"now": [], "previous": []}
    for _ in range(rounds):  # interleaved: both see the same load, round by round
        for variant in runs:
            runs[variant].append(first_index(corpus, model, variant, article_tokens))
    if old_loop:  # torch last: importing it changes the process's threading for good
        runs["old-loop"] = [first_index(corpus, model, "old-loop", article_tokens)]
        out["torch_chunks"] = torch_chunk_rate([c for c in chunks if counter([c])[0] >= 100])
    for variant, got in runs.items():
        out[variant.replace("-", "_")] = {
            k: statistics.median(r[k] for r in got) if got[0][k] is not None else None
            for k in got[0]
        }
    now, prev = out["now"], out["previous"]
    ratio = {
        "now_vs_previous_wall": statistics.median(
            a["article_tokens_per_s"] / b["article_tokens_per_s"]
            for a, b in zip(runs["now"], runs["previous"], strict=True)
        ),
        "now_vs_previous_cpu": now["article_tokens_per_cpu_s"] / prev["article_tokens_per_cpu_s"],
    }
    if old_loop:
        old, torch_rate = out["old_loop"], out["torch_chunks"]
        # All embedded tokens at torch's chunk rate and nothing else: the torch indexer's best.
        limit = article_tokens * torch_rate["tokens_per_s"] / old["embedded_tokens"]
        limit_cpu = article_tokens * torch_rate["tokens_per_cpu_s"] / old["embedded_tokens"]
        out["torch_limit"] = {"article_tokens_per_s": limit, "article_tokens_per_cpu_s": limit_cpu}
        ratio |= {
            "now_vs_old_loop_wall": now["article_tokens_per_s"] / old["article_tokens_per_s"],
            "now_vs_old_loop_cpu": now["article_tokens_per_cpu_s"] / old["article_tokens_per_cpu_s"],
            "now_vs_torch_limit_wall": now["article_tokens_per_s"] / limit,
            "now_vs_torch_limit_cpu": now["article_tokens_per_cpu_s"] / limit_cpu,
        }  # fmt: skip
    out["ratio"] = ratio
    out["loadavg"] = [round(x, 2) for x in os.getloadavg()]
    return out


def run(work: Path, seed_home: Path, env: dict[str, str]) -> dict[str, Any]:
    """`make bench`'s entry: a fresh process over a copy of the real corpora."""
    corpus = build_corpus(work / "throughput-corpus")
    model = seed_home / "model"
    cmd = [sys.executable, str(Path(__file__)), str(corpus), str(model)]
    done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _table(res: dict[str, Any]) -> str:
    rows = [f"{res['articles']} articles, {res['article_tokens']:,} article tokens, "
            f"{res['chunks']} chunks, {res['sentences']} sentences; load {res['loadavg']}",
            "variant     article tok/s  per CPU-s  embedded tok/s  embeddings  wall s  CPU s"]  # fmt: skip
    for name in ("now", "previous", "old_loop"):
        if r := res.get(name):
            emb = r["embedded_tokens_per_s"] or 0
            rows.append(f"{name:10s} {r['article_tokens_per_s']:13,.0f} {r['article_tokens_per_cpu_s']:10,.0f} "
                        f"{emb:15,.0f} {r['embeddings']:11} {r['wall_s']:7.1f} {r['cpu_s']:6.1f}")  # fmt: skip
    if lim := res.get("torch_limit"):
        rows.append(f"torch limit {lim['article_tokens_per_s']:12,.0f} {lim['article_tokens_per_cpu_s']:10,.0f}"
                    f"   (torch on chunks: {res['torch_chunks']['tokens_per_s']:,.0f} tok/s)")  # fmt: skip
    rows += [f"{k}: {v:.2f}x" for k, v in res["ratio"].items()]
    return "\n".join(rows)


def main(argv: list[str]) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    sys.path.insert(0, str(ROOT))
    if len(argv) >= 2:
        corpus, model = Path(argv[0]), Path(argv[1])
        flags = argv[2:]
    else:  # standalone: export the graph once, in another process (it imports torch)
        work = Path(tempfile.mkdtemp(prefix="citebot-tp-"))
        corpus, model, flags = build_corpus(work / "corpus"), work / "model", argv
        export = "from index.encoder import export_onnx; from index.shared.settings import get_settings; "
        export += f"export_onnx(get_settings().model_dir, __import__('pathlib').Path({str(model / 'minilm.onnx')!r}))"
        subprocess.run([sys.executable, "-c", export], cwd=ROOT, check=True)
    rounds = next((int(f.split("=")[1]) for f in flags if f.startswith("--rounds=")), 2)
    res = measure(corpus, model, rounds=rounds, old_loop="--no-old-loop" not in flags)
    print(_table(res), file=sys.stderr)
    print(json.dumps(res))


if __name__ == "__main__":
    main(sys.argv[1:])

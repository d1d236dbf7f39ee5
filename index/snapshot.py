"""The read model: an immutable, atomically published export of the committed index.

Answering never opens Chroma: importing chromadb alone costs over a second, and two
processes opening one persistent path can block each other. After every index run
that changed something, the indexer exports the current version of every article to
`snapshots/<generation>/` and then flips `snapshots/CURRENT` with one rename. Readers
load whichever generation CURRENT names, so they see the old or the new corpus, never
a mix, and a crash mid-index leaves the previous generation in place.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from .lexical import Lexical, stemmer
from .shared.article import Article
from .shared.errors import IndexMissing, StoreError
from .store import Store

_ARRAYS = (
    "chunk_article",
    "chunk_start",
    "chunk_end",
    "chunk_s0",
    "chunk_s1",
    "sent_article",
    "sent_start",
    "sent_end",
)


def bm25_tokenize(texts: list[str], as_strings: bool = False) -> Any:
    import bm25s
    from bm25s.stopwords import STOPWORDS_EN_PLUS

    # The plus list: the 33-word default keeps "where", "did", "from" and friends.
    return bm25s.tokenize(
        texts,
        stopwords=STOPWORDS_EN_PLUS,
        stemmer=stemmer(),
        return_ids=not as_strings,
        show_progress=False,
    )


class Snapshot:
    def __init__(self, path: Path) -> None:
        self.path = path
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        self.generation: str = meta["generation"]
        self.signature: str = meta["signature"]
        self.created: float = meta["created"]
        self.articles = [Article.from_json(a) for a in meta["articles"]]
        self.chunk_ids: list[str] = meta["chunk_ids"]
        self.article_index = {a.id: i for i, a in enumerate(self.articles)}
        arrays = np.load(path / "spans.npz")
        for name in _ARRAYS:
            setattr(self, name, arrays[name])
        # mmap: a 100k-chunk corpus costs page cache, not process memory, until touched.
        self.chunk_vecs = np.load(path / "chunk_vecs.npy", mmap_mode="r")
        self.sent_vecs = np.load(path / "sent_vecs.npy", mmap_mode="r")

    chunk_article: np.ndarray
    chunk_start: np.ndarray
    chunk_end: np.ndarray
    chunk_s0: np.ndarray
    chunk_s1: np.ndarray
    sent_article: np.ndarray
    sent_start: np.ndarray
    sent_end: np.ndarray

    @property
    def chunk_count(self) -> int:
        return len(self.chunk_ids)

    def chunk_text(self, i: int) -> str:
        art = self.articles[int(self.chunk_article[i])]
        return art.text[int(self.chunk_start[i]) : int(self.chunk_end[i])]

    def sentence_text(self, j: int) -> str:
        art = self.articles[int(self.sent_article[j])]
        return art.text[int(self.sent_start[j]) : int(self.sent_end[j])]

    @cached_property
    def bm25(self) -> Lexical:
        # Loaded once per snapshot; reading it ourselves keeps scipy out of the query path.
        return Lexical(self.path / "bm25")


def current_generation(snapshots_dir: Path) -> str | None:
    try:
        return (snapshots_dir / "CURRENT").read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def load_snapshot(snapshots_dir: Path) -> Snapshot:
    gen = current_generation(snapshots_dir)
    if gen is None:
        raise IndexMissing("no index yet: run `citebot index` first")
    try:
        return Snapshot(snapshots_dir / gen)
    except (OSError, ValueError, KeyError) as exc:
        raise IndexMissing(
            f"the index at {snapshots_dir} is unreadable; run `citebot index`"
        ) from exc


def export_snapshot(store: Store, snapshots_dir: Path, signature: str) -> Path:
    """Write the store's current versions as a new generation and publish it."""
    read = [Article.from_record(r.id, r.document, r.metadata) for r in store.records("articles")]
    read.sort(key=lambda a: a.id)
    versions = {a.id: a.content_hash for a in read}
    index_of = {a.id: i for i, a in enumerate(read)}

    def current(kind: str) -> list[Any]:
        recs = [
            r
            for r in store.records(kind, vectors=True)
            if versions.get(str(r.metadata.get("article_id"))) == r.metadata.get("article_hash")
        ]
        return sorted(recs, key=lambda r: (index_of[r.metadata["article_id"]], r.metadata["start"]))

    sentences, chunks = current("sentences"), current("chunks")
    first_sentence: dict[str, int] = {}
    for j, s in enumerate(sentences):
        first_sentence.setdefault(s.metadata["article_id"], j)
    counts: dict[str, int] = {}
    for c in chunks:
        counts[c.metadata["article_id"]] = counts.get(c.metadata["article_id"], 0) + 1
    articles = [replace(a, chunk_count=counts.get(a.id, 0)) for a in read]

    def column(recs: list[Any], key: str, offset: bool = False) -> np.ndarray:
        vals = [
            int(r.metadata[key])
            + (first_sentence.get(r.metadata["article_id"], 0) if offset else 0)
            for r in recs
        ]
        return np.asarray(vals, dtype=np.int64)

    def vectors(recs: list[Any]) -> np.ndarray:
        if not recs:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([r.vector for r in recs]).astype(np.float32)

    generation = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    tmp = snapshots_dir / f".tmp-{generation}"
    try:
        tmp.mkdir(parents=True)
        np.savez(
            tmp / "spans.npz",
            chunk_article=np.asarray(
                [index_of[c.metadata["article_id"]] for c in chunks], np.int64
            ),
            chunk_start=column(chunks, "start"),
            chunk_end=column(chunks, "end"),
            chunk_s0=column(chunks, "first_sentence", offset=True),
            chunk_s1=column(chunks, "last_sentence", offset=True),
            sent_article=np.asarray(
                [index_of[s.metadata["article_id"]] for s in sentences], np.int64
            ),
            sent_start=column(sentences, "start"),
            sent_end=column(sentences, "end"),
        )
        np.save(tmp / "chunk_vecs.npy", vectors(chunks))
        np.save(tmp / "sent_vecs.npy", vectors(sentences))
        _write_bm25(tmp / "bm25", articles, chunks, index_of)
        meta = {
            "generation": generation,
            "signature": signature,
            "created": time.time(),
            "articles": [a.to_json() for a in articles],
            "chunk_ids": [c.id for c in chunks],
        }
        (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        os.replace(tmp, snapshots_dir / generation)
        _publish(snapshots_dir, generation)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise StoreError(
            f"cannot write the index snapshot in {snapshots_dir}: {exc.strerror}"
        ) from exc
    _prune(snapshots_dir, keep={generation})
    return snapshots_dir / generation


def _write_bm25(
    path: Path, articles: list[Article], chunks: list[Any], index_of: dict[str, int]
) -> None:
    import bm25s

    # Headline, outlet and author ride along with every chunk: questions name them.
    docs = []
    for c in chunks:
        a = articles[index_of[c.metadata["article_id"]]]
        head = " ".join(str(v or "") for v in (a.title, a.outlet, a.author))
        docs.append(f"{head}\n{c.document}")
    retriever = bm25s.BM25()
    if docs:
        retriever.index(bm25_tokenize(docs), show_progress=False)
    retriever.save(str(path), show_progress=False)


def _publish(snapshots_dir: Path, generation: str) -> None:
    tmp = snapshots_dir / f".CURRENT.{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(generation)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, snapshots_dir / "CURRENT")


def _prune(snapshots_dir: Path, keep: set[str], grace_seconds: float = 600) -> None:
    """Drop old generations; recent ones stay a while for readers that just loaded them."""
    now = time.time()
    for child in snapshots_dir.iterdir():
        if child.name in keep or child.name == "CURRENT" or not child.is_dir():
            continue
        if now - child.stat().st_mtime > grace_seconds or child.name.startswith(".tmp-"):
            shutil.rmtree(child, ignore_errors=True)

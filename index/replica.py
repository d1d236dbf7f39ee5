"""From the store to the read model, for the indexer and for replicas.

`sync` is the one way a snapshot learns what the Chroma store holds: it compares the
store's article versions with the published ones and publishes only the difference,
reading those articles back with their vectors (no re-embedding). The indexer calls it
after committing; a replica — a bot or CLI with CITEBOT_CHROMA_URL, an empty home and
no corpus — calls `refresh`, which first asks the server for its epoch (one small read,
bumped by every index run that changed something) and syncs only when it moved.
A replica whose server is down keeps answering from its last snapshot.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from .locking import writer_lock
from .publish import publish
from .segments import ArticleData
from .shared.article import Article
from .shared.errors import IndexBusy, IndexMissing, StoreError
from .shared.settings import Settings
from .snapshot import Snapshot, current_generation, load_snapshot
from .store import Record, Store

log = logging.getLogger("citebot.replica")
_PULL = 100  # articles per round trip when reading back from the store


@dataclass(frozen=True)
class SyncReport:
    published: int  # article versions written to the new segment
    removed: int  # articles that stopped answering
    generation: str | None  # None when nothing changed


def sync(store: Store, settings: Settings, full: bool = False) -> SyncReport:
    """Publish the store's article versions that the snapshot does not have yet."""
    published: dict[str, str] = {}
    if not full:
        try:
            snap = load_snapshot(settings.snapshots_dir)
            if snap.signature == settings.signature:
                published = snap.versions()
        except IndexMissing:
            pass
    stored = store.article_versions()
    changed = sorted(i for i, h in stored.items() if published.get(i) != h)
    removed = set(published) - set(stored)
    if not changed and not removed and (current_generation(settings.snapshots_dir) or not stored):
        # An empty server publishes nothing: "no index yet" stays true, and says so.
        return SyncReport(0, 0, None)
    count = [0]

    def counted() -> Iterator[ArticleData]:
        for data in _pull(store, changed):
            count[0] += 1
            yield data

    replaced = removed | set(changed)
    gen = publish(settings.snapshots_dir, settings.signature, counted(), replaced, full=full)
    return SyncReport(count[0], len(removed), gen)


def _pull(store: Store, ids: list[str]) -> Iterator[ArticleData]:
    for lo in range(0, len(ids), _PULL):
        batch = ids[lo : lo + _PULL]
        # The article record is written last: chunks and sentences of its version exist.
        articles = {r.id: r for r in store.get("articles", batch)}
        where = {"article_id": {"$in": batch}} if len(batch) > 1 else {"article_id": batch[0]}
        parts: dict[str, dict[str, list[Record]]] = {
            i: {"chunks": [], "sentences": []} for i in batch
        }
        for kind in ("chunks", "sentences"):
            for rec in store.records(kind, where=where, vectors=True):
                aid = str(rec.metadata.get("article_id"))
                art = articles.get(aid)
                if art is not None and rec.metadata.get("article_hash") == art.metadata.get(
                    "article_hash"
                ):
                    parts[aid][kind].append(rec)
        for aid in batch:
            found = articles.get(aid)
            if found is None:
                continue  # deleted meanwhile: the next sync sees it gone
            data = _article_data(found, parts[aid]["chunks"], parts[aid]["sentences"])
            if data is not None:
                yield data


def _article_data(rec: Record, chunks: list[Record], sentences: list[Record]) -> ArticleData | None:
    article = Article.from_record(rec.id, rec.document, rec.metadata)
    if not chunks and article.text.strip():
        return None  # replaced while we read: the next sync takes the newer version
    chunks.sort(key=lambda r: int(r.metadata["start"]))
    sentences.sort(key=lambda r: int(r.metadata["start"]))

    def vecs(recs: list[Record]) -> np.ndarray:
        rows = [r.vector for r in recs if r.vector is not None]
        return np.stack(rows).astype(np.float32) if rows else np.zeros((0, 384), np.float32)

    spans = [
        [int(r.metadata[k]) for k in ("start", "end", "first_sentence", "last_sentence")]
        for r in chunks
    ]
    sents = [[int(r.metadata["start"]), int(r.metadata["end"])] for r in sentences]
    return ArticleData(
        article,
        [r.id for r in chunks],
        np.asarray(spans, dtype=np.int64).reshape(-1, 4),
        np.asarray(sents, dtype=np.int64).reshape(-1, 2),
        vecs(chunks),
        vecs(sentences),
    )


# ---------------------------------------------------------------- replicas


def _state_path(settings: Settings) -> Any:
    return settings.data_dir / "replica.json"


def _state(settings: Settings) -> dict[str, Any]:
    try:
        return dict(json.loads(_state_path(settings).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def refresh(settings: Settings, force: bool = False) -> bool:
    """Pull what the server gained since the last refresh; True when a generation was published.

    Raises StoreError (server unreachable) and IndexBusy (a local index run holds the lock).
    """
    from .encoder import export_onnx

    state = _state(settings)
    with writer_lock(settings), Store(settings) as store:
        epoch = store.epoch()
        fresh = current_generation(settings.snapshots_dir) is not None
        if fresh and not force and epoch is not None and epoch == state.get("epoch"):
            _save_state(settings, epoch)
            return False
        store.check_signature()
        if not settings.onnx_path.exists():  # an empty home has no query model yet
            export_onnx(settings.model_dir, settings.onnx_path)
        report = sync(store, settings)
        _save_state(settings, epoch)
        return report.generation is not None


def _save_state(settings: Settings, epoch: str | None) -> None:
    tmp = _state_path(settings).with_suffix(".tmp")
    tmp.write_text(json.dumps({"epoch": epoch, "checked": time.time()}), encoding="utf-8")
    tmp.replace(_state_path(settings))


def due(settings: Settings) -> bool:
    return time.time() - float(_state(settings).get("checked", 0)) >= settings.sync_seconds


def open_snapshot(settings: Settings) -> Snapshot:
    """The snapshot to answer from; a replica refreshes it first when it is due.

    With a local snapshot, a server that is down (or a local index run) only delays the
    refresh: answers go on from what this host has.
    """
    if settings.chroma_url and (
        current_generation(settings.snapshots_dir) is None or due(settings)
    ):
        try:
            refresh(settings)
        except (StoreError, IndexBusy) as exc:
            if current_generation(settings.snapshots_dir) is None:
                raise
            log.warning("answering from the local snapshot: %s", exc)
    return load_snapshot(settings.snapshots_dir)


class Refresher:
    """Background refreshes for a long-running reader (the bot): never on the answer path."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._thread: threading.Thread | None = None
        self._last = time.monotonic()
        self.last_error: str | None = None

    def poke(self) -> None:
        if (
            not self.settings.chroma_url
            or time.monotonic() - self._last < self.settings.sync_seconds
        ):
            return
        if self._thread is not None and self._thread.is_alive():
            return
        self._last = time.monotonic()
        self._thread = threading.Thread(target=self._run, name="citebot-refresh", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            refresh(self.settings)
            self.last_error = None
        except (StoreError, IndexBusy) as exc:
            self.last_error = str(exc)
            log.warning("replica refresh failed, answering from the local snapshot: %s", exc)

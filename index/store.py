"""The Chroma store: the system of record for articles, chunks and sentence vectors.

Three collections: `<prefix>_articles` (one record per article, its cleaned text and a
mean vector), `<prefix>_chunks` and `<prefix>_sentences`. Every chunk and sentence
carries the `article_hash` of the version it belongs to; the article record names the
current version. Writing an edit adds the new version's records first and flips the
article record last, so a crash at any point leaves a consistent current version.
Chroma's list-of-lists results are unwrapped here and nowhere else.
"""

from __future__ import annotations

import contextlib
import os
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import numpy as np

from .shared.errors import IndexMismatch, StoreError
from .shared.settings import Settings

_PAGE = 2000


@dataclass(frozen=True)
class Record:
    id: str
    document: str
    metadata: dict[str, Any]
    vector: np.ndarray | None = None


def clean_metadata(meta: dict[str, Any]) -> dict[str, Any]:
    """Chroma rejects None values; an absent key means 'unknown'."""
    return {k: v for k, v in meta.items() if v is not None}


def open_client(settings: Settings) -> Any:
    os.environ["ANONYMIZED_TELEMETRY"] = "False"
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    try:
        if settings.chroma_url:
            url = urlparse(settings.chroma_url)
            _probe(settings.chroma_url.rstrip("/"), settings.chroma_timeout)
            client = chromadb.HttpClient(
                host=url.hostname or "127.0.0.1",
                port=url.port or 8000,
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
            _bound_timeout(client, settings.chroma_timeout)
            client.heartbeat()
            return client
        settings.chroma_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)
    except Exception as exc:
        where = settings.chroma_url or str(settings.chroma_dir)
        raise StoreError(f"cannot open the Chroma store at {where}: {_first_line(exc)}") from exc


def _probe(url: str, seconds: float) -> None:
    """chromadb's HTTP client waits forever: find a dead or hung server first, with a deadline."""
    import httpx

    with httpx.Client(timeout=seconds) as http:
        http.get(f"{url}/api/v2/heartbeat").raise_for_status()


def _bound_timeout(client: Any, seconds: float) -> None:
    """A server that stops answering mid-run must end the run with an error, not hang it."""
    import httpx

    session = getattr(getattr(client, "_server", None), "_session", None)
    if isinstance(session, httpx.Client):
        session.timeout = httpx.Timeout(seconds)


@contextmanager
def _guard(action: str) -> Iterator[None]:
    """Chroma and HTTP failures become one StoreError line at the edges."""
    try:
        yield
    except StoreError:
        raise
    except Exception as exc:
        raise StoreError(f"Chroma store error while {action}: {_first_line(exc)}") from exc


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


class Store:
    def __init__(self, settings: Settings, client: Any | None = None) -> None:
        self.settings = settings
        self._owns_client = client is None
        self.client = client or open_client(settings)
        prefix = settings.collection_prefix
        kinds = ("articles", "chunks", "sentences", "state")
        self.names = {kind: f"{prefix}_{kind}" for kind in kinds}
        self._collections: dict[str, Any] = {}

    def _col(self, kind: str) -> Any:
        if kind not in self._collections:
            try:
                self._collections[kind] = self.client.get_or_create_collection(
                    self.names[kind],
                    metadata={"hnsw:space": "cosine", "citebot_signature": self.settings.signature},
                    embedding_function=None,
                )
            except Exception as exc:
                raise StoreError(f"Chroma store error: {_first_line(exc)}") from exc
        return self._collections[kind]

    def close(self) -> None:
        """Release the embedded store's SQLite handles (a long-lived bot reindexes often).

        A server client stays open: chromadb shares one HTTP session per server within a
        process and has no way to close it, so stopping it only strands its sockets.
        """
        if self._owns_client and not self.settings.chroma_url:
            self._owns_client = False
            self._collections.clear()
            with suppress(Exception):  # closing is best effort; the work is already committed
                self.client.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def check_signature(self) -> None:
        found = (self._col("chunks").metadata or {}).get("citebot_signature")
        if found and found != self.settings.signature:
            raise IndexMismatch(
                f"the index was built with other settings ({found}); run `citebot index --rebuild`"
            )

    def reset(self) -> None:
        for name in self.names.values():
            # An absent collection is the goal anyway.
            with contextlib.suppress(Exception):
                self.client.delete_collection(name)
        self._collections.clear()

    def count(self, kind: str) -> int:
        with _guard("counting records"):
            return int(self._col(kind).count())

    # -- reading -------------------------------------------------------------------
    def records(
        self,
        kind: str,
        where: dict[str, Any] | None = None,
        vectors: bool = False,
        documents: bool = True,
    ) -> Iterator[Record]:
        include = ["metadatas"] + (["documents"] if documents else [])
        include += ["embeddings"] if vectors else []
        col = self._col(kind)
        offset = 0
        while True:
            with _guard("reading records"):
                got = col.get(where=where, include=include, limit=_PAGE, offset=offset)
            ids = got["ids"]
            embeddings = got.get("embeddings") if vectors else None
            for i, rid in enumerate(ids):
                vec = (
                    np.asarray(embeddings[i], dtype=np.float32) if embeddings is not None else None
                )
                doc = (got["documents"][i] or "") if documents else ""
                yield Record(rid, doc, dict(got["metadatas"][i] or {}), vec)
            if len(ids) < _PAGE:
                return
            offset += _PAGE

    def article_versions(self) -> dict[str, str]:
        recs = self.records("articles", documents=False)
        return {r.id: str(r.metadata.get("article_hash", "")) for r in recs}

    def get(self, kind: str, ids: Sequence[str]) -> list[Record]:
        """Records by id, with documents and vectors; absent ids are left out."""
        if not ids:
            return []
        with _guard("reading records"):
            got = self._col(kind).get(
                ids=list(ids), include=["documents", "metadatas", "embeddings"]
            )
        embeddings = got.get("embeddings")
        return [
            Record(
                rid,
                got["documents"][i] or "",
                dict(got["metadatas"][i] or {}),
                None if embeddings is None else np.asarray(embeddings[i], dtype=np.float32),
            )
            for i, rid in enumerate(got["ids"])
        ]

    # -- the epoch: one record that changes whenever an index run changed anything --
    def epoch(self) -> str | None:
        with _guard("reading the epoch"):
            got = self._col("state").get(ids=["epoch"], include=["metadatas"])
        metas = got.get("metadatas") or []
        return str(metas[0].get("epoch")) if metas and metas[0] else None

    def bump_epoch(self) -> None:
        token = f"{time.time():.6f}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        with _guard("writing the epoch"):
            self._col("state").upsert(
                ids=["epoch"], metadatas=[{"epoch": token}], embeddings=[[1.0]], documents=[""]
            )

    def known_vectors(self, article_id: str) -> dict[str, np.ndarray]:
        """Vectors already computed for this article's texts, keyed by text hash."""
        known: dict[str, np.ndarray] = {}
        for kind in ("chunks", "sentences"):
            for rec in self.records(kind, where={"article_id": article_id}, vectors=True):
                if rec.vector is not None:
                    known[str(rec.metadata.get("text_hash"))] = rec.vector
        return known

    # -- writing -------------------------------------------------------------------
    def upsert(self, kind: str, records: Sequence[Record]) -> None:
        col = self._col(kind)
        with _guard("writing records"):
            step = max(1, min(1000, int(self.client.get_max_batch_size())))
        for lo in range(0, len(records), step):
            part = records[lo : lo + step]
            vectors = np.stack([r.vector for r in part if r.vector is not None])
            with _guard("writing records"):
                col.upsert(
                    ids=[r.id for r in part],
                    documents=[r.document for r in part],
                    metadatas=[clean_metadata(r.metadata) for r in part],
                    embeddings=vectors,
                )

    def commit_article(
        self, article: Record, chunks: Sequence[Record], sentences: Sequence[Record]
    ) -> None:
        self.upsert("chunks", chunks)
        self.upsert("sentences", sentences)
        self.upsert("articles", [article])  # the commit point: readers follow this record
        self.drop_stale(article.id, str(article.metadata["article_hash"]))

    def drop_stale(self, article_id: str, current: str) -> None:
        for kind in ("chunks", "sentences"):
            col = self._col(kind)
            with _guard("deleting records"):
                col.delete(
                    where={"$and": [{"article_id": article_id}, {"article_hash": {"$ne": current}}]}
                )

    def delete_article(self, article_id: str) -> None:
        articles = self._col("articles")
        with _guard("deleting records"):
            articles.delete(ids=[article_id])
        for kind in ("chunks", "sentences"):
            col = self._col(kind)
            with _guard("deleting records"):
                col.delete(where={"article_id": article_id})

    def collect_orphans(self, versions: dict[str, str]) -> None:
        """Remove records left by a crash: unknown articles or versions not current."""
        for kind in ("chunks", "sentences"):
            stale = [
                r.id
                for r in self.records(kind)
                if versions.get(str(r.metadata.get("article_id"))) != r.metadata.get("article_hash")
            ]
            col = self._col(kind)
            for lo in range(0, len(stale), 1000):
                with _guard("deleting records"):
                    col.delete(ids=stale[lo : lo + 1000])

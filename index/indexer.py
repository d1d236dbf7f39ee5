"""Incremental indexing: embed only what changed, commit a window of articles at a time, publish."""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .articles import article_id, find_article_files, read_article, shared_lines
from .bulk import BulkEmbedder, Pending
from .chunking import Chunk, Span, chunk_article, text_hash
from .encoder import Encoder, TokenCounter, export_onnx
from .locking import ensure_writable, writer_lock
from .replica import sync
from .shared.article import Article
from .shared.errors import CorpusError, UnreadableArticle
from .shared.settings import Settings
from .snapshot import current_generation, load_snapshot
from .store import Record, Store

log = logging.getLogger("citebot.index")
_WINDOW = 512  # texts embedded, then committed: as fast per token as 2048, and starts sooner
_IN_FLIGHT = 2  # windows queued for the embedding workers (vectors wait in memory)


@dataclass
class IndexReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)  # one message per unreadable file
    # Ids of files present but unreadable this run: their last indexed version is kept.
    unreadable: set[str] = field(default_factory=set)
    embeddings: int = 0
    tokens_embedded: int = 0
    chunks: int = 0
    articles: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.deleted)


def corpus_files(corpus: Path) -> list[Path]:
    if not corpus.is_dir():
        raise CorpusError(f"corpus directory {corpus} does not exist")
    files = find_article_files(corpus)
    if not files:
        raise CorpusError(f"corpus directory {corpus} has no .txt, .md or .html articles")
    return files


def preflight(settings: Settings, corpus: Path | None = None) -> None:
    """The cheap reasons an index run would fail, checked before telling the user it starts."""
    ensure_writable(settings.data_dir)
    corpus_files(corpus or settings.corpus)


def read_corpus(corpus: Path, report: IndexReport) -> dict[str, Article]:
    files = corpus_files(corpus)
    shared = shared_lines(files)  # boilerplate repeated across the corpus's articles
    articles: dict[str, Article] = {}
    for path in files:
        try:
            article = read_article(path, shared)
        except UnreadableArticle as exc:
            report.skipped.append(str(exc))
            report.unreadable.add(article_id(path))
            log.info("%s", exc)
            continue
        if article.id in articles:
            report.skipped.append(f"{path.name}: duplicate article id {article.id}, skipped")
            continue
        articles[article.id] = article
    if not articles:
        raise CorpusError(f"no readable articles in {corpus}")
    return articles


def _unchanged_since_snapshot(
    settings: Settings, articles: dict[str, Article], unreadable: set[str]
) -> bool:
    if current_generation(settings.snapshots_dir) is None:
        return False
    try:
        snap = load_snapshot(settings.snapshots_dir)
    except Exception:
        return False
    versions = snap.versions()  # ids and hashes from the catalogs: no metadata parsed
    if snap.signature != settings.signature or {
        aid: h for aid, h in versions.items() if aid not in unreadable
    } != {a.id: a.content_hash for a in articles.values()}:
        return False
    if settings.chroma_url:
        # A server outlives this data directory (new server path, wiped, written from
        # another home): the local snapshot proves nothing about it, so ask the server.
        with Store(settings) as store:
            return store.article_versions() == versions
    return True


def run_index(
    settings: Settings,
    corpus: Path | None = None,
    rebuild: bool = False,
    encoder: Encoder | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> IndexReport:
    """Bring the index in line with the corpus. `progress(done, total)` gets embedding counts."""
    report = IndexReport()
    corpus = corpus or settings.corpus
    with writer_lock(settings), ExitStack() as cleanup:
        articles = read_corpus(corpus, report)
        report.articles = len(articles)
        if not rebuild and _unchanged_since_snapshot(settings, articles, report.unreadable):
            # The published snapshot records exactly these file versions: no store needed.
            report.unchanged = len(articles)
            report.chunks = load_snapshot(settings.snapshots_dir).chunk_count
            return report
        store = Store(settings)
        cleanup.callback(store.close)
        if rebuild:
            store.reset()
        else:
            store.check_signature()
        versions = store.article_versions()
        dirty = settings.data_dir / "index.incomplete"
        dirty.touch()  # removed once the run has published; a crash leaves it
        todo = [a for a in articles.values() if versions.get(a.id) != a.content_hash]
        report.unchanged = len(articles) - len(todo)
        # --rebuild re-exports the query model too: "starts over" must repair a broken export.
        if todo and (rebuild or not settings.onnx_path.exists()):
            export_onnx(settings.model_dir, settings.onnx_path)
        _index_articles(settings, store, todo, versions, report, encoder, progress)
        # A file that is there but unreadable (mid-copy, wrong encoding) is not a deletion.
        for gone in sorted(set(versions) - set(articles) - report.unreadable):
            store.delete_article(gone)
            report.deleted.append(gone)
            versions.pop(gone)
        if dirty.exists() or rebuild:
            # A run that died between writing records and dropping stale ones left orphans.
            store.collect_orphans(versions)
        report.chunks = store.count("chunks")
        published = sync(store, settings, full=rebuild)
        if report.changed or published.generation:
            store.bump_epoch()  # replicas poll this one record, not the article list
        dirty.unlink(missing_ok=True)
    return report


def _index_articles(
    settings: Settings,
    store: Store,
    todo: list[Article],
    versions: dict[str, str],
    report: IndexReport,
    encoder: Encoder | None,
    progress: Callable[[int, int], None] | None,
) -> None:
    """Embed what is missing, in batches of similar length across articles, and commit a
    window of articles at a time.

    Batches are drawn from a window of articles: one article's texts are a few chunks of
    ~160 tokens and many sentences of ~25, so batching per article padded most sentences
    to chunk length (measured: 3.5x fewer tokens/s than length-sorted batches).
    """
    if not todo:
        return
    counter = TokenCounter(settings.model_dir)
    windows: list[_Window] = [_Window()]
    embedder: BulkEmbedder | None = None

    def submit_up_to(last: int) -> None:
        nonlocal embedder
        for w in windows[: last + 1]:
            if w.pending is None and w.texts:
                embedder = embedder or BulkEmbedder.for_index(
                    settings.onnx_path, settings.model_dir, settings.embed_batch, encoder
                )
                w.pending = embedder.submit(w.texts, w.lengths)

    try:
        for article in todo:
            sentences, chunks = chunk_article(
                article, counter, settings.chunk_tokens, settings.overlap_sentences
            )
            known = store.known_vectors(article.id) if article.id in versions else {}
            texts = [c.text for c in chunks] + [article.text[s.start : s.end] for s in sentences]
            missing = sorted({t for t in texts if text_hash(t) not in known})
            queued = sum(len(p[4]) for p in windows[-1].plans)
            if windows[-1].plans and queued + len(missing) > _WINDOW:
                windows[-1].close(counter)
                submit_up_to(min(len(windows), _IN_FLIGHT) - 1)
                windows.append(_Window())
            windows[-1].plans.append((article, sentences, chunks, known, missing))
        windows[-1].close(counter)
        # The total is known once every article is chunked; the first windows are being
        # embedded meanwhile, so the bar starts part-way.
        total, done = sum(len(w.texts) for w in windows), 0
        if progress:
            progress(0, total)

        def advance(n: int) -> None:
            nonlocal done
            done += n
            if progress:
                progress(done, total)

        for i, window in enumerate(windows):
            submit_up_to(i + _IN_FLIGHT - 1)
            if window.pending is not None and embedder is not None:
                vectors = embedder.collect(window.pending, advance)
                for plan in window.plans:
                    plan[3].update((text_hash(t), vectors[t]) for t in plan[4])
                report.embeddings += len(window.texts)
                report.tokens_embedded += sum(window.lengths)
            # Written while the workers embed the next window (Chroma waits on the disk).
            _commit(store, [_records(a, s, c, k) for a, s, c, k, _ in window.plans], versions)
            for article, *_ in window.plans:
                (report.updated if article.id in versions else report.added).append(article.id)
                versions[article.id] = article.content_hash
            windows[i] = _Window()  # its vectors are in the store now
    finally:
        if embedder is not None:
            embedder.close()


_Plan = tuple[Article, list[Span], list[Chunk], dict[str, Any], list[str]]


@dataclass
class _Window:
    """Articles whose missing texts are embedded together (up to _WINDOW texts)."""

    plans: list[_Plan] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # distinct missing texts, once closed
    lengths: list[int] = field(default_factory=list)
    pending: Pending | None = None

    def close(self, counter: TokenCounter) -> None:
        self.texts = sorted({t for p in self.plans for t in p[4]})
        self.lengths = counter(self.texts) if self.texts else []


def _commit(
    store: Store,
    records: list[tuple[Record, list[Record], list[Record]]],
    versions: dict[str, str],
) -> None:
    """A window of articles in three writes instead of three per article (each write costs
    Chroma a transaction: ~75 ms, mostly waiting for the disk). An article's record still
    goes in after all its chunks and sentences, so a reader that finds it finds them; a
    crash in between leaves orphans that the next run collects (index.incomplete)."""
    store.upsert("chunks", [c for _, chunks, _ in records for c in chunks])
    store.upsert("sentences", [s for _, _, sents in records for s in sents])
    store.upsert("articles", [article for article, _, _ in records])  # the commit point
    for article, _, _ in records:
        if article.id in versions:  # a new article has no older version to drop
            store.drop_stale(article.id, str(article.metadata["article_hash"]))


def _records(
    article: Article, sentences: list[Span], chunks: list[Chunk], known: dict[str, Any]
) -> tuple[Record, list[Record], list[Record]]:
    base = {"article_id": article.id, "article_hash": article.content_hash}
    chunk_recs = [
        Record(
            c.id,
            c.text,
            {
                **base,
                "start": c.start,
                "end": c.end,
                "first_sentence": c.first_sentence,
                "last_sentence": c.last_sentence,
                "text_hash": text_hash(c.text),
                "date": article.date,
                "outlet": article.outlet,
            },
            known[text_hash(c.text)],
        )
        for c in chunks
    ]
    sent_recs = []
    for i, s in enumerate(sentences):
        text = article.text[s.start : s.end]
        rid = f"{article.id}:{article.content_hash}:{i}"
        meta = {**base, "start": s.start, "end": s.end, "index": i, "text_hash": text_hash(text)}
        sent_recs.append(Record(rid, text, meta, known[text_hash(text)]))
    vectors = [r.vector for r in chunk_recs if r.vector is not None]
    doc_vec = np.mean(vectors, axis=0) if vectors else np.zeros(384)
    doc_vec = (doc_vec / max(float(np.linalg.norm(doc_vec)), 1e-9)).astype(np.float32)
    record = Record(article.id, article.text, article.store_metadata(), doc_vec)
    return record, chunk_recs, sent_recs

"""Segments: the immutable on-disk pieces a snapshot is made of.

A segment holds whole articles: their texts (one UTF-8 blob), chunk and sentence spans,
chunk vectors (float32, memory-mapped: the exact re-ranking reads a few rows), sentence
vectors (float16, memory-mapped: scoring reads only the candidate chunks' sentences), the
BM25 postings of its chunks and, when it is large, an ANN graph (index/ann.py). Nothing
in a segment is ever rewritten: publishing adds a segment and says, in the manifest,
which older articles it replaces (index/snapshot.py).

The writer streams: vectors go straight to their files and spans to compact arrays, so
a million-chunk segment is written without holding it in Python objects.
"""

from __future__ import annotations

import json
import os
import shutil
from array import array
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from .ann import ANN_MIN_CHUNKS, AnnIndex, build_ann
from .catalog import Catalog, CatalogWriter, SegmentArticles
from .filearray import FileArray
from .lexical import tokenize
from .shared.article import Article
from .topics import topic_terms
from .words import WordCounter

DIM = 384
SENT_DTYPE = np.float16  # rounding error ~1e-3 of a cosine; half the disk and page cache
TEXT_CACHE = 512  # article texts kept per segment


@dataclass(frozen=True)
class ArticleData:
    """One article as a segment stores it; sentence indices are local to the article."""

    article: Article  # with its text and content_hash
    chunk_ids: list[str]
    chunks: np.ndarray  # (n, 4) int: start, end, first_sentence, last_sentence
    sentences: np.ndarray  # (m, 2) int: start, end
    chunk_vecs: np.ndarray  # (n, DIM)
    sent_vecs: np.ndarray  # (m, DIM)


def lexical_doc(article: Article, chunk_text: str) -> str:
    # Headline, outlet and author ride along with every chunk: questions name them.
    head = " ".join(str(v or "") for v in (article.title, article.outlet, article.author))
    return f"{head}\n{chunk_text}"


class SegmentWriter:
    """Write articles into `path` (a temporary directory the caller renames when done)."""

    def __init__(self, path: Path) -> None:
        path.mkdir(parents=True)
        self.path = path
        # Open for the writer's life; finish() or abort() closes them.
        self._files: dict[str, BinaryIO] = {
            name: open(path / name, "wb")  # noqa: SIM115
            for name in ("text.bin", "chunk_vecs.f32", "sent_vecs.f16")
        }
        self.articles = CatalogWriter()
        self.words = WordCounter()
        self.chunk_ids: list[str] = []
        self._text_off = array("q", [0])
        self._cols = {
            k: array("i") for k in ("c_art", "c0", "c1", "cs0", "cs1", "s_art", "s0", "s1")
        }
        self._vocab: dict[str, int] = {}
        self._post_term, self._post_doc, self._post_tf = array("i"), array("i"), array("f")
        self._doc_len = array("f")
        self._sentences = 0

    def add(self, data: ArticleData) -> None:
        art, a = data.article, len(self.articles)
        blob = art.text.encode("utf-8")
        self._files["text.bin"].write(blob)
        self._text_off.append(self._text_off[-1] + len(blob))
        self.words.add(art.title, art.text)
        meta = art.meta()
        sentences = (art.text[s0:s1] for s0, s1 in data.sentences.tolist())
        self.articles.add(
            {
                **meta,
                "content_hash": art.content_hash,
                "path": art.path,
                "chunk_count": len(data.chunk_ids),
                "topic_terms": topic_terms(art, sentences),
            }
        )
        cols, base = self._cols, self._sentences
        for start, end, s0, s1 in data.chunks.tolist():
            doc = len(cols["c_art"])
            cols["c_art"].append(a)
            cols["c0"].append(start)
            cols["c1"].append(end)
            cols["cs0"].append(base + s0)
            cols["cs1"].append(base + s1)
            self._add_doc(doc, lexical_doc(art, art.text[start:end]), art.language)
        self.chunk_ids.extend(data.chunk_ids)
        for start, end in data.sentences.tolist():
            cols["s_art"].append(a)
            cols["s0"].append(start)
            cols["s1"].append(end)
        self._sentences += len(data.sentences)
        self._files["chunk_vecs.f32"].write(
            np.ascontiguousarray(data.chunk_vecs, np.float32).tobytes()
        )
        self._files["sent_vecs.f16"].write(
            np.ascontiguousarray(data.sent_vecs, SENT_DTYPE).tobytes()
        )

    def _add_doc(self, doc: int, text: str, language: str) -> None:
        counts = Counter(tokenize(text, language))
        self._doc_len.append(sum(counts.values()))
        vocab = self._vocab
        self._post_term.extend([vocab.setdefault(t, len(vocab)) for t in counts])
        self._post_doc.extend([doc] * len(counts))
        self._post_tf.extend(counts.values())

    def finish(self, ann: bool = True) -> None:
        for fh in self._files.values():
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
        c = {
            k: np.frombuffer(v, dtype=np.int32) if len(v) else np.zeros(0, np.int32)
            for k, v in self._cols.items()
        }
        np.savez(
            self.path / "spans.npz",
            text_off=np.frombuffer(self._text_off, dtype=np.int64),
            chunk_article=c["c_art"],
            chunk_start=c["c0"],
            chunk_end=c["c1"],
            chunk_s0=c["cs0"],
            chunk_s1=c["cs1"],
            sent_article=c["s_art"],
            sent_start=c["s0"],
            sent_end=c["s1"],
        )
        self._finish_postings()
        n = len(self.chunk_ids)
        self.articles.write(self.path)
        self.words.write(self.path)
        meta = {"catalog": True, "chunks": n, "sentences": self._sentences}
        (self.path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        (self.path / "chunk_ids.json").write_text(json.dumps(self.chunk_ids), encoding="utf-8")
        if ann and n >= ANN_MIN_CHUNKS:
            vecs = np.memmap(
                self.path / "chunk_vecs.f32", dtype=np.float32, mode="r", shape=(n, DIM)
            )
            build_ann(vecs, self.path / "ann.faiss")

    def _finish_postings(self) -> None:
        terms = (
            np.frombuffer(self._post_term, dtype=np.int32)
            if len(self._post_term)
            else np.zeros(0, np.int32)
        )
        order = np.argsort(terms, kind="stable")  # documents stay ascending within a term
        ptr = np.zeros(len(self._vocab) + 1, dtype=np.int64)
        np.cumsum(np.bincount(terms, minlength=len(self._vocab)), out=ptr[1:])
        lex = self.path / "lexical"
        lex.mkdir()
        np.save(lex / "ptr.npy", ptr)
        np.save(
            lex / "doc.npy",
            np.frombuffer(self._post_doc, dtype=np.int32)[order]
            if len(order)
            else np.zeros(0, np.int32),
        )
        np.save(
            lex / "tf.npy",
            np.frombuffer(self._post_tf, dtype=np.float32)[order]
            if len(order)
            else np.zeros(0, np.float32),
        )
        np.save(
            lex / "doc_len.npy",
            np.frombuffer(self._doc_len, dtype=np.float32)
            if len(self._doc_len)
            else np.zeros(0, np.float32),
        )
        (lex / "vocab.json").write_text(json.dumps(self._vocab), encoding="utf-8")

    def abort(self) -> None:
        for fh in self._files.values():
            fh.close()
        shutil.rmtree(self.path, ignore_errors=True)


class Segment:
    """A written segment, read-only; vectors, postings and texts are read on demand."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.id = path.name
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        self.chunk_count: int = meta["chunks"]
        self.sentence_count: int = meta["sentences"]
        arrays = np.load(path / "spans.npz")
        self.arrays = {k: arrays[k] for k in arrays.files}
        self.text_off = self.arrays.pop("text_off")
        old = meta.get("articles")  # segments written before the catalog
        self.catalog = Catalog.from_dicts(old) if old is not None else Catalog(path)
        self.articles = SegmentArticles(self)
        self.chunk_vecs = _vectors(path / "chunk_vecs.f32", np.float32, self.chunk_count)
        self.sent_vecs = _vectors(path / "sent_vecs.f16", SENT_DTYPE, self.sentence_count)
        self._text = (
            FileArray(path / "text.bin", np.uint8, (int(self.text_off[-1]),))
            if self.text_off[-1]
            else None
        )

        # A sentence's text is cut from its article's: an answer reads a few articles'
        # sentences over and over, so their texts are kept (bounded; thread-safe).
        self.article_text = lru_cache(maxsize=TEXT_CACHE)(self._article_text)

    def _article_text(self, local: int) -> str:
        if self._text is None:
            return ""
        lo, hi = int(self.text_off[local]), int(self.text_off[local + 1])
        return self._text[lo:hi].tobytes().decode("utf-8")

    @cached_property
    def chunk_ids(self) -> list[str]:
        return list(json.loads((self.path / "chunk_ids.json").read_text(encoding="utf-8")))

    @cached_property
    def lexical(self) -> dict[str, Any]:
        lex = self.path / "lexical"
        # Postings are read per term (FileArray): a common term's are megabytes.
        out: dict[str, Any] = {k: FileArray.npy(lex / f"{k}.npy") for k in ("doc", "tf")}
        out["ptr"] = np.load(lex / "ptr.npy")
        out["doc_len"] = np.load(lex / "doc_len.npy")
        out["vocab"] = json.loads((lex / "vocab.json").read_text(encoding="utf-8"))
        return out

    @cached_property
    def ann(self) -> AnnIndex | None:
        path = self.path / "ann.faiss"
        return AnnIndex(path) if path.exists() else None

    def article_data(self, local: int) -> ArticleData:
        """One article back out of the segment (merging segments re-writes articles)."""
        a = self.arrays
        cs = np.flatnonzero(a["chunk_article"] == local)
        ss = np.flatnonzero(a["sent_article"] == local)
        base = int(ss[0]) if len(ss) else 0
        chunks = np.stack(
            [
                a["chunk_start"][cs],
                a["chunk_end"][cs],
                a["chunk_s0"][cs] - base,
                a["chunk_s1"][cs] - base,
            ],
            axis=1,
        )
        art = self.articles[local]
        plain = Article(
            **{**art.meta(), "text": art.text, "content_hash": art.content_hash, "path": art.path}
        )
        ids = self.chunk_ids
        return ArticleData(
            plain,
            [ids[i] for i in cs],
            chunks,
            np.stack([a["sent_start"][ss], a["sent_end"][ss]], axis=1),
            np.asarray(self.chunk_vecs[cs], np.float32),
            np.asarray(self.sent_vecs[ss], np.float32),
        )


def _vectors(path: Path, dtype: Any, rows: int) -> Any:
    if rows == 0:
        return np.zeros((0, DIM), dtype=dtype)
    return FileArray(path, dtype, (rows, DIM))

"""A segment's article catalog: metadata read on demand, versions, headline terms.

At a million chunks a segment holds ~330,000 articles; as Python objects their metadata
took ~400 MB of the bot's memory and 8 s to load, while an answer reads a handful of
them. The catalog keeps one JSON line per article on disk (read with pread when asked
for), the ids and content hashes in one small file (publishing and
replicas compare versions without parsing every line), and the headline terms inverted
(term -> articles), so a "who wrote the … article" question reads its own terms' lists
instead of tokenizing every headline.

Files: catalog.jsonl (the lines), catalog.npz (line offsets, headline postings, term
counts and the coded columns), catalog.json (ids, hashes), catalog_terms.json (the headline
vocabulary), catalog_values.json (the columns' distinct values). Segments written before
the catalog keep their metadata in meta.json; `Catalog.from_dicts` serves them the same way.

Columns: a field every article has few distinct values of (its date, its outlet) is kept as
one int32 code per article plus the distinct values, so a `--since`/`--outlet` filter tests
each distinct value once instead of parsing every article's line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Protocol, overload

import numpy as np

from .filearray import FileArray
from .lexical import tokenize
from .shared.article import Article

ARTICLES_KEPT = 4096  # article objects kept per segment
COLUMNS = ("date", "outlet", "url")  # "url": only whether one is set (a date may come from it)


def title_terms(title: str | None) -> list[str]:
    """The headline's distinct terms, as a question naming the headline is tokenized."""
    return list(dict.fromkeys(tokenize(title or "")))


class CatalogWriter:
    def __init__(self) -> None:
        self.lines: list[bytes] = []
        self.ids: list[str] = []
        self.hashes: list[str] = []
        self.chunks: list[int] = []
        self._terms: dict[str, list[int]] = {}
        self._sizes: list[int] = []
        self._columns = {name: _Column(name) for name in COLUMNS}

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, fields: dict[str, Any]) -> None:
        local = len(self.ids)
        self.lines.append(json.dumps(fields).encode("utf-8") + b"\n")
        self.ids.append(str(fields["id"]))
        self.hashes.append(str(fields.get("content_hash", "")))
        self.chunks.append(int(fields.get("chunk_count", 0)))
        words = title_terms(fields.get("title"))
        self._sizes.append(len(words))
        for w in words:
            self._terms.setdefault(w, []).append(local)
        for name, column in self._columns.items():
            column.add(fields.get(name))

    def write(self, path: Path) -> None:
        with open(path / "catalog.jsonl", "wb") as fh:
            fh.writelines(self.lines)
        off = np.zeros(len(self.lines) + 1, dtype=np.int64)
        np.cumsum([len(b) for b in self.lines], out=off[1:])
        vocab = list(self._terms)
        ptr = np.zeros(len(vocab) + 1, dtype=np.int64)
        np.cumsum([len(self._terms[t]) for t in vocab], out=ptr[1:])
        rows = [i for t in vocab for i in self._terms[t]]
        arrays: dict[str, Any] = {
            f"col_{n}": np.asarray(c.codes, dtype=np.int32) for n, c in self._columns.items()
        }
        np.savez(
            path / "catalog.npz",
            **arrays,
            line_off=off,
            title_ptr=ptr,
            title_art=np.asarray(rows, dtype=np.int32),
            title_size=np.asarray(self._sizes, dtype=np.int32),
            chunks=np.asarray(self.chunks, dtype=np.int32),
        )
        values = {n: list(c.values) for n, c in self._columns.items()}
        (path / "catalog_values.json").write_text(json.dumps(values), encoding="utf-8")
        keys = {"ids": self.ids, "hashes": self.hashes}
        (path / "catalog.json").write_text(json.dumps(keys), encoding="utf-8")
        (path / "catalog_terms.json").write_text(json.dumps(vocab), encoding="utf-8")


class Catalog:
    """Read side; `fields(i)` is article i's metadata dict (id, title, …, chunk_count)."""

    def __init__(self, path: Path | None, dicts: list[dict[str, Any]] | None = None) -> None:
        self._path, self._dicts = path, dicts
        self._column_cache: dict[str, tuple[np.ndarray, list[str]]] = {}
        if dicts is not None:
            self._count = len(dicts)
        else:
            assert path is not None
            arrays = np.load(path / "catalog.npz")
            self._off = arrays["line_off"]
            self._title_ptr, self._title_art = arrays["title_ptr"], arrays["title_art"]
            self.title_sizes: np.ndarray = arrays["title_size"]
            self.chunk_counts: np.ndarray = arrays["chunks"]
            self._count = len(self._off) - 1
            self._lines = FileArray(path / "catalog.jsonl", np.uint8, (int(self._off[-1]),))

    @classmethod
    def from_dicts(cls, dicts: list[dict[str, Any]]) -> Catalog:
        cat = cls(None, dicts)
        terms: dict[str, list[int]] = {}
        sizes = []
        for i, d in enumerate(dicts):
            words = title_terms(d.get("title"))
            sizes.append(len(words))
            for w in words:
                terms.setdefault(w, []).append(i)
        cat._index_titles(terms)
        cat.title_sizes = np.asarray(sizes, dtype=np.int32)
        cat.chunk_counts = np.asarray([int(d.get("chunk_count", 0)) for d in dicts], np.int32)
        return cat

    def _index_titles(self, terms: dict[str, list[int]]) -> None:
        vocab = list(terms)
        self._title_ptr = np.zeros(len(vocab) + 1, dtype=np.int64)
        np.cumsum([len(terms[t]) for t in vocab], out=self._title_ptr[1:])
        self._title_art = np.asarray([i for t in vocab for i in terms[t]], dtype=np.int32)
        self.__dict__["_title_vocab"] = {t: i for i, t in enumerate(vocab)}

    def __len__(self) -> int:
        return self._count

    def fields(self, local: int) -> dict[str, Any]:
        if self._dicts is not None:
            return self._dicts[local]
        lo, hi = int(self._off[local]), int(self._off[local + 1])
        return dict(json.loads(self._lines[lo:hi].tobytes()))

    def all_fields(self) -> Iterable[dict[str, Any]]:
        """Every article's metadata in order, without filling the kept lines."""
        if self._dicts is not None:
            yield from self._dicts
            return
        blob = self._lines[0 : int(self._off[-1])].tobytes()
        # One parse of the whole file as a JSON array: a third of the time of a parse per
        # line (json.dumps escapes newlines, so each article is exactly one line).
        yield from json.loads(b"[" + blob.rstrip(b"\n").replace(b"\n", b",") + b"]")

    @cached_property
    def _keys(self) -> dict[str, list[str]]:
        if self._dicts is not None:
            return {
                "ids": [str(d["id"]) for d in self._dicts],
                "hashes": [str(d.get("content_hash", "")) for d in self._dicts],
            }
        assert self._path is not None
        return dict(json.loads((self._path / "catalog.json").read_text(encoding="utf-8")))

    @property
    def ids(self) -> list[str]:
        return self._keys["ids"]

    @property
    def hashes(self) -> list[str]:
        return self._keys["hashes"]

    @cached_property
    def _title_vocab(self) -> dict[str, int]:
        assert self._path is not None
        vocab = json.loads((self._path / "catalog_terms.json").read_text(encoding="utf-8"))
        return {t: i for i, t in enumerate(vocab)}

    def column(self, name: str) -> tuple[np.ndarray, list[str]]:
        """One code per article into the field's distinct values (-1: not set)."""
        if name not in self._column_cache:
            self._column_cache[name] = self._read_column(name)
        return self._column_cache[name]

    def _read_column(self, name: str) -> tuple[np.ndarray, list[str]]:
        if self._path is not None and (self._path / "catalog_values.json").exists():
            values = json.loads((self._path / "catalog_values.json").read_text(encoding="utf-8"))
            return np.load(self._path / "catalog.npz")[f"col_{name}"], list(values[name])
        column = _Column(name)  # a segment written before the columns: read every line once
        for fields in self.all_fields():
            column.add(fields.get(name))
        return np.asarray(column.codes, dtype=np.int32), list(column.values)

    def title_rows(self, term: str) -> np.ndarray:
        """Articles (local, ascending) whose headline has the term."""
        i = self._title_vocab.get(term)
        if i is None:
            return np.zeros(0, dtype=np.int32)
        return self._title_art[int(self._title_ptr[i]) : int(self._title_ptr[i + 1])]


class _Column:
    def __init__(self, name: str) -> None:
        self.present_only = name == "url"  # see COLUMNS
        self.values: dict[str, int] = {}
        self.codes: list[int] = []

    def add(self, value: Any) -> None:
        if not value:
            self.codes.append(-1)
            return
        key = "" if self.present_only else str(value)
        self.codes.append(self.values.setdefault(key, len(self.values)))


class _Source(Protocol):
    """What an article needs of its segment (index/segments.Segment)."""

    catalog: Catalog

    def article_text(self, local: int) -> str: ...


class SegmentArticle(Article):
    """An article whose text stays on disk until someone reads it (a million-chunk corpus
    holds gigabytes of text; answering reads a few articles)."""

    def __init__(self, segment: _Source, local: int, fields: dict[str, Any]) -> None:
        # A frozen dataclass: fill the instance dict directly (cheaper than a setattr per
        # field, and iterating a 326k-article catalog makes one object per article).
        self.__dict__.update(fields)
        self.__dict__["extra"] = {}
        self.__dict__["_where"] = (segment, local)

    @property
    def text(self) -> str:
        segment, local = self.__dict__["_where"]
        return segment.article_text(local)


class SegmentArticles(Sequence[SegmentArticle]):
    """A segment's articles, made from its catalog when asked for (recent ones kept)."""

    def __init__(self, segment: _Source) -> None:
        self._segment = segment
        self._get = lru_cache(maxsize=ARTICLES_KEPT)(self._make)

    def _make(self, local: int) -> SegmentArticle:
        return SegmentArticle(self._segment, local, self._segment.catalog.fields(local))

    def __len__(self) -> int:
        return len(self._segment.catalog)

    @overload
    def __getitem__(self, i: int) -> SegmentArticle: ...
    @overload
    def __getitem__(self, i: slice) -> list[SegmentArticle]: ...
    def __getitem__(self, i: int | slice) -> SegmentArticle | list[SegmentArticle]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        n = len(self)
        j = int(i) + (n if int(i) < 0 else 0)
        if not 0 <= j < n:
            raise IndexError(f"article {i} out of range for {n}")
        return self._get(j)

    def __iter__(self) -> Iterator[SegmentArticle]:
        seg = self._segment
        for local, fields in enumerate(seg.catalog.all_fields()):
            yield SegmentArticle(seg, local, fields)

"""The one article type: what reading produces, the store records, the snapshot holds and
citations point at.

`ArticleMeta` is the metadata a reader sees (title, outlet, date, link, author); `Article`
adds the cleaned text and what indexing tracks. Conversions to the store's flat metadata
and to the snapshot's JSON live here and nowhere else.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class ArticleMeta:
    id: str
    title: str
    outlet: str | None = None
    date: str | None = None  # ISO "YYYY-MM-DD" as the article states it, else None
    url: str | None = None
    author: str | None = None
    language: str = (
        "en"  # ISO 639-1, detected or from front matter: how its text is split and stemmed
    )
    date_text: str | None = None  # the date as the article writes it ("June 30, 2021"), if it does

    def meta(self) -> dict[str, Any]:
        """The metadata fields only (never the text), e.g. for JSON output."""
        return {f.name: getattr(self, f.name) for f in fields(ArticleMeta)}


@dataclass(frozen=True)
class Article(ArticleMeta):
    text: str = ""  # the cleaned text: every citation quotes a slice of it
    content_hash: str = ""  # of the file's bytes: an unchanged file is not re-indexed
    path: str = ""
    extra: dict[str, str] = field(default_factory=dict)  # front-matter keys citebot does not use
    chunk_count: int = 0  # known once indexed
    # The lines cleaning took out, each with its reason ("navigation", "byline", ...), so an
    # operator can check what was dropped (`citebot sources ID`).
    dropped: tuple[tuple[str, str], ...] = ()

    def store_metadata(self) -> dict[str, Any]:
        """The article record's metadata in the store (the text is the record's document)."""
        # article_id and article_hash as on every chunk and sentence record, so one filter
        # finds an article's records in any collection.
        meta = self.meta()
        return {**meta, "article_id": meta.pop("id"), "article_hash": self.content_hash,
                "path": self.path}  # fmt: skip

    @classmethod
    def from_record(cls, id: str, document: str, metadata: dict[str, Any]) -> Article:
        return cls(
            id=id,
            title=str(metadata.get("title") or id),
            outlet=metadata.get("outlet"),
            date=metadata.get("date"),
            url=metadata.get("url"),
            author=metadata.get("author"),
            language=str(metadata.get("language") or "en"),
            date_text=metadata.get("date_text"),
            text=document,
            content_hash=str(metadata.get("article_hash", "")),
            path=str(metadata.get("path") or ""),
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        dropped = tuple(tuple(pair) for pair in data.get("dropped", ()))
        return cls(**{**data, "dropped": dropped})


def outlet_key(name: str) -> str:
    """An outlet's name as people write it either way: case, a leading "the", spacing and
    "&" for "and" aside ("the harbour  ledger" is The Harbour Ledger, "B&N" is "B and N")."""
    words = name.casefold().replace("&", " and ").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)

"""Publishing: a new segment and manifest, then one rename of CURRENT (see snapshot.py).

Adding, editing or deleting one article writes a segment of one article and a manifest
that marks its older version dead: the cost does not depend on the corpus. Segments are
merged when there are more than MAX_SEGMENTS, all but the largest, so a long-running
index stays a few segments without ever rewriting the big one for a small change.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from .segments import ArticleData, SegmentWriter
from .shared.errors import StoreError
from .snapshot import current_generation, open_segment, read_manifest

MAX_SEGMENTS = 8


def publish(
    snapshots_dir: Path,
    signature: str,
    added: Iterable[ArticleData],
    replaced: set[str],
    full: bool = False,
) -> str:
    """Publish `added` as one new segment; `replaced` (ids) stop answering from older ones.

    `full`: `added` is the whole corpus (nothing older answers). Returns the new
    generation. Every file is written and synced before CURRENT moves.
    """
    base = [] if full else _current_entries(snapshots_dir, signature)
    stamp = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**9}"
    segments_dir = snapshots_dir / "segments"
    try:
        segments_dir.mkdir(parents=True, exist_ok=True)
        new = _write_segment(segments_dir, f"s{stamp}", added)
        if new is not None:
            replaced = replaced | set(open_segment(segments_dir / new).catalog.ids)
        kept = (_replace(segments_dir, e, replaced) for e in base)
        entries = [e for e in kept if e is not None]
        if new is not None:
            entries.append({"id": new, "dead": []})
        entries = _compact(segments_dir, entries, stamp)
        manifest = {
            "generation": stamp,
            "signature": signature,
            "created": time.time(),
            "segments": entries,
        }
        _atomic_write(snapshots_dir / "manifests" / f"{stamp}.json", json.dumps(manifest))
        _atomic_write(snapshots_dir / "CURRENT", stamp)
    except OSError as exc:
        raise StoreError(
            f"cannot write the index snapshot in {snapshots_dir}: {exc.strerror}"
        ) from exc
    prune(snapshots_dir)
    return stamp


def _current_entries(snapshots_dir: Path, signature: str) -> list[dict[str, Any]]:
    gen = current_generation(snapshots_dir)
    if gen is None:
        return []
    try:
        manifest = read_manifest(snapshots_dir, gen)
    except (OSError, ValueError):
        return []  # an older layout or a damaged manifest: start over from what is added
    return list(manifest["segments"]) if manifest.get("signature") == signature else []


def _replace(segments_dir: Path, entry: dict[str, Any], ids: set[str]) -> dict[str, Any] | None:
    seg = open_segment(segments_dir / entry["id"])
    # Ids from the catalog: parsing every article's metadata would cost seconds at 1M chunks.
    dead = set(entry.get("dead", [])) | {i for i, a in enumerate(seg.catalog.ids) if a in ids}
    if len(dead) == len(seg.articles):
        return None
    return {"id": entry["id"], "dead": sorted(dead)}


def _write_segment(segments_dir: Path, name: str, articles: Iterable[ArticleData]) -> str | None:
    tmp = segments_dir / f".tmp-{name}"
    writer = SegmentWriter(tmp)
    try:
        for data in articles:
            writer.add(data)
        if not writer.articles:
            writer.abort()
            return None
        writer.finish()
        _fsync_dir(tmp)
        os.replace(tmp, segments_dir / name)
    except BaseException:
        writer.abort()
        raise
    return name


def _compact(segments_dir: Path, entries: list[dict[str, Any]], stamp: str) -> list[dict[str, Any]]:
    """Keep the segment count bounded: merge every segment but the largest."""
    if len(entries) <= MAX_SEGMENTS:
        return entries
    sizes = [open_segment(segments_dir / e["id"]).chunk_count for e in entries]
    big = int(np.argmax(sizes))
    merged = [e for i, e in enumerate(entries) if i != big]

    def articles() -> Iterable[ArticleData]:
        for e in merged:
            seg, dead = open_segment(segments_dir / e["id"]), set(e.get("dead", []))
            for i in range(len(seg.articles)):
                if i not in dead:
                    yield seg.article_data(i)

    name = _write_segment(segments_dir, f"m{stamp}", articles())
    return [entries[big]] + ([{"id": name, "dead": []}] if name else [])


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def prune(snapshots_dir: Path, grace_seconds: float = 600) -> None:
    """Drop manifests older than the grace period (readers may have just loaded one) and
    every segment no remaining manifest names; the current manifest always stays."""
    now, current = time.time(), current_generation(snapshots_dir)
    keep: set[str] = set()
    manifests = snapshots_dir / "manifests"
    for path in sorted(manifests.glob("*.json")) if manifests.is_dir() else []:
        if path.stem != current and now - path.stat().st_mtime > grace_seconds:
            path.unlink(missing_ok=True)
            continue
        try:
            keep.update(e["id"] for e in json.loads(path.read_text(encoding="utf-8"))["segments"])
        except (OSError, ValueError, KeyError):
            continue
    for parent in (snapshots_dir / "segments", snapshots_dir):
        if not parent.is_dir():
            continue
        for child in parent.iterdir():
            if not child.is_dir() or child.name in keep or child.name in ("segments", "manifests"):
                continue
            if child.name.startswith(".tmp-") or now - child.stat().st_mtime > grace_seconds:
                shutil.rmtree(child, ignore_errors=True)  # includes the pre-segment layout

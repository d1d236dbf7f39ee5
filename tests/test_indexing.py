"""Incremental indexing against the real model and a real Chroma in a temp dir."""

from __future__ import annotations

import os
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import make_settings

from index.articles import read_article
from index.chunking import chunk_article, text_hash
from index.encoder import TokenCounter
from index.indexer import run_index, writer_lock
from index.shared.errors import CorpusError, IndexBusy, IndexMismatch, StoreError
from index.snapshot import current_generation, load_snapshot
from index.store import Store

EDITED = "002_b1f3a68a7abbe948"
DELETED = "001_597ced425cf51d30"
NEW_SENTENCE = (
    "Kanye West told reporters in Cody that his next album will be called Yandhi Forever "
    "and will come out in the winter."
)


def stored_ids(settings, kind: str = "chunks") -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    """Record ids per article id, straight from Chroma (the system of record)."""
    by_article: dict[str, set[str]] = defaultdict(set)
    for rec in Store(settings).records(kind):
        by_article[str(rec.metadata["article_id"])].add(rec.id)
    return dict(by_article)


def snapshot_chunk_ids(settings) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    snap = load_snapshot(settings.snapshots_dir)
    by_article: dict[str, set[str]] = defaultdict(set)
    for i, cid in enumerate(snap.chunk_ids):
        if snap.live[i]:  # rows of replaced versions stay in a segment, masked
            by_article[snap.articles[int(snap.chunk_article[i])].id].add(cid)
    return dict(by_article)


def expected_chunk_ids(settings, path: Path) -> set[str]:  # type: ignore[no-untyped-def]
    article = read_article(path)
    _, chunks = chunk_article(
        article, TokenCounter(settings.model_dir), settings.chunk_tokens, settings.overlap_sentences
    )
    return {c.id for c in chunks}


def unique_texts(settings) -> int:  # type: ignore[no-untyped-def]
    """How many distinct texts (chunks and sentences) a full index of the corpus embeds."""
    counter = TokenCounter(settings.model_dir)
    total = 0
    for path in sorted(settings.corpus.glob("*.txt")):
        article = read_article(path)
        sentences, chunks = chunk_article(
            article, counter, settings.chunk_tokens, settings.overlap_sentences
        )
        texts = [c.text for c in chunks] + [article.text[s.start : s.end] for s in sentences]
        total += len({text_hash(t) for t in texts})
    return total


def test_unchanged_corpus_computes_no_embeddings(fresh_home) -> None:  # type: ignore[no-untyped-def]
    before = current_generation(fresh_home.snapshots_dir)
    report = run_index(fresh_home)
    assert report.embeddings == 0 and report.tokens_embedded == 0
    assert (report.added, report.updated, report.deleted) == ([], [], [])
    assert report.unchanged == report.articles == 4 and not report.changed
    assert current_generation(fresh_home.snapshots_dir) == before  # nothing to republish


def test_new_reading_code_rereads_every_article_without_embedding(  # type: ignore[no-untyped-def]
    fresh_home, monkeypatch
) -> None:
    """An upgrade that reads files differently refreshes what the index knows of them
    (metadata, cleaning) on the next `citebot index`; the unchanged text is not re-embedded."""
    import index.articles

    monkeypatch.setattr(index.articles, "reader_version", lambda: b"a newer reader")
    report = run_index(fresh_home)
    assert sorted(report.updated) == sorted(a for a in stored_ids(fresh_home))
    assert report.embeddings == 0 and report.unchanged == 0
    assert run_index(fresh_home).updated == []  # and once read, it is current


def test_lost_snapshot_is_rebuilt_from_chroma_without_embedding(fresh_home) -> None:  # type: ignore[no-untyped-def]
    chunks_before = snapshot_chunk_ids(fresh_home)
    shutil.rmtree(fresh_home.snapshots_dir)
    report = run_index(fresh_home)
    assert report.embeddings == 0 and report.unchanged == 4
    assert snapshot_chunk_ids(fresh_home) == chunks_before


def test_edit_replaces_exactly_that_articles_chunks(fresh_home) -> None:  # type: ignore[no-untyped-def]
    from bot.engine import Engine

    chunks_before = stored_ids(fresh_home)
    sentences_before = stored_ids(fresh_home, "sentences")
    assert snapshot_chunk_ids(fresh_home) == chunks_before
    path = fresh_home.corpus / f"{EDITED}.txt"
    text = path.read_text(encoding="utf-8")
    anchor = "All in all: the two have"
    assert anchor in text
    path.write_text(text.replace(anchor, f"{NEW_SENTENCE}\n\n{anchor}"), encoding="utf-8")

    report = run_index(fresh_home)

    assert report.updated == [EDITED] and report.added == [] and report.deleted == []
    assert report.unchanged == 3
    # Unchanged sentences keep their vectors: only the new sentence and the chunks whose
    # text changed are embedded, far fewer than the article's texts.
    assert 1 <= report.embeddings < len(chunks_before[EDITED]) + len(sentences_before[EDITED])
    chunks_after = stored_ids(fresh_home)
    for aid, ids in chunks_before.items():
        if aid != EDITED:
            assert chunks_after[aid] == ids, aid  # other articles untouched
    assert chunks_after[EDITED] == expected_chunk_ids(fresh_home, path)
    assert not chunks_after[EDITED] & chunks_before[EDITED]  # no old chunk left behind
    sentences_after = stored_ids(fresh_home, "sentences")
    assert not sentences_after[EDITED] & sentences_before[EDITED]
    assert Store(fresh_home).count("articles") == 4
    # Readers see the new version: the snapshot, and an answer quoting the new sentence.
    assert snapshot_chunk_ids(fresh_home) == chunks_after
    answer = Engine(fresh_home).answer("What will Kanye's next album be called?")
    assert answer.answered and NEW_SENTENCE in answer.text
    assert answer.citations[0].article_id == EDITED


def test_deleted_file_loses_its_chunks_and_new_md_file_is_added(fresh_home) -> None:  # type: ignore[no-untyped-def]
    chunks_before = stored_ids(fresh_home)
    (fresh_home.corpus / f"{DELETED}.txt").unlink()
    added = fresh_home.corpus / "court_report.md"
    added.write_text(
        "---\ntitle: Judge Delays Hearing in Water Rights Case\noutlet: Valley Courier\n"
        "date: 2021-05-02\n---\n"
        "A county judge on Friday postponed the hearing in the long-running water rights "
        "dispute between the Harlan irrigation district and three farming families.\n\n"
        "The hearing will now take place on June 14, the court clerk said.\n",
        encoding="utf-8",
    )

    report = run_index(fresh_home)

    assert report.deleted == [DELETED] and report.added == ["court_report"]
    assert report.updated == [] and report.unchanged == 3 and report.articles == 4
    for kind in ("articles", "chunks", "sentences"):
        assert DELETED not in stored_ids(fresh_home, kind), kind
    chunks_after = stored_ids(fresh_home)
    for aid in set(chunks_before) - {DELETED}:
        assert chunks_after[aid] == chunks_before[aid]
    assert chunks_after["court_report"] == expected_chunk_ids(fresh_home, added)
    snap = load_snapshot(fresh_home.snapshots_dir)
    info = {a.id: a for a in snap.articles}
    assert DELETED not in info
    assert (info["court_report"].title, info["court_report"].outlet) == (
        "Judge Delays Hearing in Water Rights Case",
        "Valley Courier",
    )


def test_changed_chunk_settings_need_rebuild_then_rebuild_works(  # type: ignore[no-untyped-def]
    fresh_home, monkeypatch
) -> None:
    from bot.engine import Engine

    question = "Where did Kim fly after the reunion?"
    before = Engine(fresh_home).answer(question)
    generation = current_generation(fresh_home.snapshots_dir)
    monkeypatch.setenv("CITEBOT_CHUNK_TOKENS", "120")
    changed = make_settings(fresh_home.home, fresh_home.corpus)
    assert changed.chunk_tokens == 120

    with pytest.raises(IndexMismatch, match="rebuild"):
        run_index(changed)
    # The failed run lost nothing: same generation, same answer.
    assert current_generation(fresh_home.snapshots_dir) == generation
    assert (
        Engine(fresh_home).answer(question).to_json()["citations"]
        == (before.to_json()["citations"])
    )

    report = run_index(changed, rebuild=True)
    assert sorted(report.added) == sorted(p.stem for p in fresh_home.corpus.glob("*.txt"))
    assert report.embeddings == unique_texts(changed)
    chunks = stored_ids(changed)
    for path in sorted(changed.corpus.glob("*.txt")):
        assert chunks[path.stem] == expected_chunk_ids(changed, path)
    assert run_index(changed).embeddings == 0
    # And now the old settings are the mismatch.
    monkeypatch.delenv("CITEBOT_CHUNK_TOKENS")
    with pytest.raises(IndexMismatch, match="rebuild"):
        run_index(make_settings(fresh_home.home, fresh_home.corpus))


def test_bad_files_are_skipped_by_name_and_the_rest_indexed(fresh_home) -> None:  # type: ignore[no-untyped-def]
    corpus = fresh_home.corpus
    (corpus / "scan.txt").write_bytes(b"%PDF-1.7\x00\x01\x02binary" * 50)
    (corpus / "latin1.txt").write_bytes("Déclaration du maire à propos du café.".encode("latin-1"))
    (corpus / "dangling.md").symlink_to(corpus / "nowhere.md")
    (corpus / "folder.html").mkdir()
    os.mkfifo(corpus / "pipe.txt")

    report = run_index(fresh_home)

    assert report.articles == 4 and report.embeddings == 0
    assert len(report.skipped) == 5
    for name in ("scan.txt", "latin1.txt", "dangling.md", "folder.html", "pipe.txt"):
        assert sum(name in message for message in report.skipped) == 1, name
    assert all("\n" not in message for message in report.skipped)


def test_missing_empty_or_unreadable_corpus_fails_and_keeps_the_index(  # type: ignore[no-untyped-def]
    fresh_home, tmp_path
) -> None:
    generation = current_generation(fresh_home.snapshots_dir)
    empty = tmp_path / "empty"
    empty.mkdir()
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "a.txt").write_bytes(b"\x00\x01\x02")
    (junk / "notes.pdf").write_text("not an article", encoding="utf-8")
    for corpus, message in (
        (tmp_path / "missing", "does not exist"),
        (empty, "no .txt, .md or .html"),
        (junk, "no readable articles"),
    ):
        with pytest.raises(CorpusError, match=message):
            run_index(fresh_home, corpus=corpus)
    assert current_generation(fresh_home.snapshots_dir) == generation
    assert Store(fresh_home).count("articles") == 4


def test_unwritable_data_dir_is_one_clear_error(tmp_path: Path, indexed) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    settings = make_settings(blocker / "home", indexed.corpus)
    with pytest.raises(StoreError, match="not writable") as info:
        run_index(settings)
    assert "\n" not in str(info.value)


def test_second_writer_is_told_the_index_is_busy(fresh_home) -> None:  # type: ignore[no-untyped-def]
    with writer_lock(fresh_home), pytest.raises(IndexBusy, match="busy"):
        run_index(fresh_home)
    assert run_index(fresh_home).embeddings == 0  # the lock is released afterwards


def test_file_that_turns_unreadable_keeps_its_indexed_version(fresh_home) -> None:  # type: ignore[no-untyped-def]
    # A file caught mid-copy or re-saved in another encoding is skipped, not deleted.
    chunks_before = stored_ids(fresh_home)
    path = fresh_home.corpus / "003_ab80ad7370848eac.txt"
    original = path.read_bytes()
    path.write_bytes(original.decode("utf-8").encode("utf-16"))

    report = run_index(fresh_home)

    assert report.deleted == [] and report.embeddings == 0
    assert len(report.skipped) == 1 and path.name in report.skipped[0]
    assert stored_ids(fresh_home) == chunks_before
    assert snapshot_chunk_ids(fresh_home) == chunks_before
    path.write_bytes(original)
    assert run_index(fresh_home).embeddings == 0


def test_metadata_only_edit_embeds_nothing(fresh_home) -> None:  # type: ignore[no-untyped-def]
    path = fresh_home.corpus / f"{EDITED}.txt"
    path.write_text(
        "---\noutlet: The Source\ndate: 2020-09-14\n---\n" + path.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    report = run_index(fresh_home)
    assert report.updated == [EDITED] and report.embeddings == 0  # same texts, same vectors
    info = {a.id: a for a in load_snapshot(fresh_home.snapshots_dir).articles}
    assert (info[EDITED].outlet, info[EDITED].date) == ("The Source", "2020-09-14")

"""An answer cites up to k distinct passages: candidates sharing a passage leave slots that
the next candidates' own passages fill (never quoted in the answer text), and a passage that
starts where an earlier one does but reaches further is cited in its place."""

from __future__ import annotations

import pytest
from conftest import written_engine

from bot.core.models import Answer

# A wire story (plain text) and a blog post (markdown with front matter), worded apart.
WIRE = """Harbour council approves new ferry terminal

PORTHAVEN, March 3 (Coastwire) - Portharbour council on Tuesday approved a new ferry terminal on the east quay, ending a planning dispute that had run for six years and divided the town's fishing families from its hotel owners.

The terminal will cost £41 million and is due to open in the spring of 2028.

Councillors voted 19 to 6 in favour after a debate of almost four hours.

The harbour master, Elin Rowe, said the old slipway could no longer take the larger vessels now used on the island routes.

Fishing crews will keep the west quay, where a new ice plant is planned.

Opponents said the terminal's car park would take land used for the Saturday market.
"""

BLOG = """---
title: Three days on the Coppergate canal
author: Sam Ives
date: 2024-05-02
---

# Three days on the Coppergate canal

We hired a narrowboat from the yard at Millford, which the owners have run for more than forty years with the same green paint on every boat and the same list of rules pinned to every galley door, and set off north on a grey Friday morning with a cool box, two bikes strapped to the roof and no real plan at all. It took us to Ashby Locks by nightfall.

The second day was all tunnels. The longest, at Hatherton, is 2,670 metres and has no towpath.

On the third morning a heron followed the boat for a mile.

The hire cost £640 for three nights, fuel included.

We moored for the last night below the church at Ferrybridge.
"""


@pytest.fixture(scope="module")
def slots_engine(tmp_path_factory):  # type: ignore[no-untyped-def]
    return written_engine(tmp_path_factory, "citation_slots", {"ferry.txt": WIRE, "canal.md": BLOG})


def _overlap(a: Answer) -> bool:
    cs = a.citations
    return any(
        x.article.id == y.article.id and x.start < y.end and y.start < x.end
        for i, x in enumerate(cs)
        for y in cs[i + 1 :]
    )


@pytest.mark.parametrize(
    "question",
    ["How much will the new ferry terminal cost?", "what did the narrowboat hire cost"],
)
def test_answers_fill_k_distinct_passages_and_quote_only_the_answer(slots_engine, question) -> None:  # type: ignore[no-untyped-def]
    a = slots_engine.answer(question, k=3)
    assert a.answered
    assert len(a.citations) == 3, [c.passage for c in a.citations]
    assert not _overlap(a)
    # the slots filled beyond the close candidates are evidence, not answer text
    assert a.text.count("[") == len([s for s in a.sentences if s.text in a.text])
    for s in a.sentences:
        assert s.text in a.citations[s.n - 1].passage


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("Where had the narrowboat got to by nightfall?", "Ashby Locks"),
        ("which locks did the hired boat reach by nightfall", "Ashby Locks"),
        # the long sentence leads, the short one after it ranks next (dropped before)
        ("how far did the millford narrowboat get by nightfall on friday", "Ashby Locks"),
    ],
)
def test_a_longer_passage_from_the_same_start_is_cited_whole(
    slots_engine, question, phrase
) -> None:  # type: ignore[no-untyped-def]
    """The long opening sentence and the short one after it start the same passage: the
    passage cited is the one that holds both."""
    a = slots_engine.answer(question, k=3)
    assert a.answered
    assert any(phrase in c.passage for c in a.citations[:3]), [c.passage for c in a.citations]
    assert not _overlap(a)


def test_the_tuning_case_modern_english_is_cited(external_engine) -> None:  # type: ignore[no-untyped-def]
    a = external_engine.answer("What was the Anglo-Norman language's final form?", k=3)
    assert any("Modern English" in c.passage for c in a.citations[:3])

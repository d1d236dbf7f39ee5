""" "Who reviewed X for <outlet>?" asks for the page's maker when the outlet named is the
answering article's own; the same verb "for" a team or a cause is a content question. Two
differently formatted pages (front matter, HTML byline), a real index and the real model."""

from __future__ import annotations

import pytest
from conftest import written_engine

REVIEW = """---
title: "Harbour Lights review: a slow-burning second album"
author: Ines Calloway
site_name: Needle & Groove
date: 2024-03-02
---
# Harbour Lights review: a slow-burning second album

The Tideline Four's second album, Harbour Lights, takes its time, and rewards patience.

Recorded in a disused boathouse, it leans on fiddle and pedal steel more than their debut.

The closing track, a seven-minute waltz, is the best thing the band has made.
"""

GADGET = """<!doctype html><html><head><title>Corvo V2 review</title>
<meta property="og:site_name" content="Circuit Weekly"></head><body>
<article><h1>Corvo V2 review: a quiet robot vacuum that maps fast</h1>
<p class="byline">By Tomasz Wren</p>
<p>The Corvo V2 mapped our three-bedroom test flat in 14 minutes, faster than any rival this year.</p>
<p>It struggles with thick rugs, and its app nags you to buy replacement brushes.</p>
</article></body></html>
"""

MATCH = """County cricket: Harlow thrash Dunmere
By Petra Lowe

Harlow beat Dunmere by an innings on Saturday, with Amir Qureshi taking 7 wickets for Harlow in the second innings.

Dunmere were bowled out for 96 before lunch on the final day.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):  # type: ignore[no-untyped-def]
    return written_engine(
        tmp_path_factory,
        "credit_for",
        {"review.md": REVIEW, "gadget.html": GADGET, "match.txt": MATCH},
    )


@pytest.mark.parametrize(
    ("question", "author"),
    [
        ("Who reviewed Harbour Lights for Needle & Groove?", "Ines Calloway"),
        ("who reviewed the corvo v2 for circuit weekly", "Tomasz Wren"),
        # readers shorten a paper's name to its last words
        ("Who reviewed Harbour Lights for the Groove?", "Ines Calloway"),
        ("who reviewed the corvo v2 for the weekly", "Tomasz Wren"),
    ],
)
def test_a_credit_for_the_pages_outlet_is_its_author(engine, question: str, author: str) -> None:  # type: ignore[no-untyped-def]
    answer = engine.answer(question)
    assert answer.answered and author in answer.text, answer.text


def test_the_same_verb_for_a_team_is_a_content_question(engine) -> None:  # type: ignore[no-untyped-def]
    answer = engine.answer("Who took 7 wickets for Harlow?")
    assert answer.answered and "Qureshi" in answer.text, answer.text
    assert "Petra Lowe" not in answer.text.split("[1]")[0]

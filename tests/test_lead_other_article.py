"""A lead taken from another article than the passage that supports the question's
premise must itself name what the question names: a sentence of the asked kind (how
often, a count of floors) about something else is no answer, end to end with the real
model and a real index over differently formatted articles."""

from __future__ import annotations

import pytest
from conftest import written_engine

HIKE = """Three days on the Harrow Way
By Iona Marsh

The bothy was warm by the time we arrived, and the stove had already been lit.

There were four of us in there: a retired couple from Carlisle and a Dutch student called Pieter who was walking the Harrow Way alone.

We shared our whisky and Pieter shared his maps, which were far better than ours.
"""

BUS = """<!doctype html><html><head><title>New bus link</title></head><body>
<article><h1>New bus link to Kellmouth opens</h1>
<p>A new bus service between Ardley station and Kellmouth started on Monday.</p>
<p>The journey to Kellmouth takes about 22 minutes, and buses run every half hour.</p>
</article></body></html>
"""

BREVA = """---
title: Breva X2 review
---
# Breva X2 review: quiet and quick

The Breva X2 maps a room quickly and cleans hard floors very well.

Verdict: the Breva X2 is one of the quietest robot vacuums we have tested this year.
"""

ORLO = """Orlo S9 review
By Sam Okafor

The Orlo S9 is heavier than most robot vacuums, and its dock is large.

You have to carry it upstairs for the top floor; it can store maps of up to four floors.
"""

FILLER = {
    "bakery.txt": "Oven fire closes Hillside bakery\n\nA fire in the bread oven closed the"
    " Hillside bakery on Sunday. No one was hurt, the fire service said.\n",
    "cricket.md": "# Colts win the cup\n\nThe Weyford colts beat Ashby by four wickets in"
    " the county cup final on Saturday.\n",
    "library.txt": "Library hours cut\n\nThe Eastgate library will close at 5pm on weekdays"
    " from next month to save money, the council said.\n",
    "bridge.md": "# Bridge repairs begin\n\nRepairs to the Old Mill bridge began on Monday"
    " and will take six weeks, engineers said.\n",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):  # type: ignore[no-untyped-def]
    articles = {"hike.txt": HIKE, "bus.html": BUS, "breva.md": BREVA, "orlo.txt": ORLO}
    return written_engine(tmp_path_factory, "other_article", {**articles, **FILLER})


@pytest.mark.parametrize(
    "question",
    [
        "How often do buses run to the Eastgate library?",
        "How many floors can the Breva X2 store maps for?",
    ],
)
def test_a_lead_about_something_else_is_refused(engine, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = engine.answer(question)
    assert not answer.answered, answer.text


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("How many floors can the Orlo S9 store maps for?", "four floors"),
        ("How long is the bus journey to Kellmouth?", "22 minutes"),
    ],
)
def test_the_article_that_names_it_still_answers(engine, question: str, words: str) -> None:  # type: ignore[no-untyped-def]
    answer = engine.answer(question)
    assert answer.answered and words in answer.text, answer.text

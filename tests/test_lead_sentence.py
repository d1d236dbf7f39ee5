"""Which sentence leads, end to end with the real model and a real index over differently
formatted articles: a lead that ends in a colon brings the sentence it introduces, a
question's word counts in a sentence that has another of its family ("directed" /
"Director", "opposition" / "opposed"), the passage holding the question's year leads, and
a sentence opening with a pronoun is read with the sentence before it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_settings

BLOG = """---
title: Up the ridge at last
author: Clara Moss
---
# Up the ridge at last

We set off from the car park at 7.10am, with the cloud still sitting on the tops.

The first steep section took us an hour, and Jess did not say a word the whole way.

When I pointed up at the stone cairn and told Jess that was the summit, she stared at me and said:

"You promised me a gentle stroll."

We ate our sandwiches in the lee of the cairn and watched the cloud lift.
"""

HTML = """<!doctype html><html><head><title>Harbour vote</title></head><body>
<article><h1>Harbour vote goes to the wire</h1>
<p>The harbour board met on Thursday to decide the future of the old fish market.</p>
<p>Asked whether the market would close, the board's chairman paused and replied:</p>
<p>"Not while I am in this chair."</p>
<p>The board will meet again in the spring.</p>
</article></body></html>
"""

REVIEW = """The Salt Road review: a quiet, patient film about a family of salt farmers
By Ana Ruiz
12 March 2024

The Salt Road follows three generations of a family who rake salt from the marshes of a small island.

Director: Maren Holt
Running time: 104 minutes

The Salt Road never hurries, and its long takes of wind on the pans are its best moments.

The film's score, by the island's brass band, swells only once.
"""

COUNCIL = """<!doctype html><html><head><title>Bypass approved</title></head><body>
<article><h1>Bypass approved despite objections</h1>
<p>Kellford council approved the town's long-awaited bypass on Monday after a four-hour meeting.</p>
<p>Supporters of the Kellford bypass say it will take lorries out of the high street.</p>
<p>The plan was opposed by the residents' association, whose leader, Tomas Reyes, called it "a road to nowhere".</p>
<p>Building work on the Kellford bypass starts in May.</p>
</article></body></html>
"""


SCHOOL = """Home > Education > Local schools
Village school rated Outstanding by inspectors
By Priya Shah, Education Reporter
Published 9 October 2023

Fernley Primary School has been given the top rating in every category after its latest inspection, its headteacher said on Monday.

Inspectors praised the reading programme at Fernley Primary and its work with families.

In 2016, Fernley Primary was judged Requires Improvement, with inspectors criticising weak maths teaching.

Share this article: Facebook | Twitter | Email
"""

MUSEUM = """---
title: Harbour Museum reopens after refurbishment
outlet: The Coastal Times
---
The Harbour Museum reopened on Saturday after a two-year refurbishment paid for by the town council.

Visitors queued along the quay for the first look at the new galleries of the Harbour Museum.

The museum first opened in 1958 in the old customs house on Dock Street.

Entry to the Harbour Museum stays free for residents.
"""


TAPESTRY = """Harlow Tapestry

The Harlow Tapestry is an embroidered cloth nearly 40 metres long that shows the founding of the town of Harlow.
It was commissioned by Bishop Aldous Fenn, who paid for the wool and the needlework.
The Harlow Tapestry is kept in a darkened room of the town museum to protect its colours.
Copies of the Harlow Tapestry have been made for schools across the county.
"""

BRIDGE = """<!doctype html><html><head><title>Kelby Bridge at 100</title></head><body>
<article><h1>Kelby Bridge turns 100</h1>
<p>The Kelby Bridge, the town's best-known landmark, celebrates its hundredth birthday this week.</p>
<p>It was designed by Marta Lind, an engineer who had never built a bridge before.</p>
<p>Crowds are expected on the Kelby Bridge for fireworks on Saturday night.</p>
<p>The council will close the Kelby Bridge to traffic for the celebrations.</p>
</article></body></html>
"""


@pytest.fixture(scope="module")
def engine4(tmp_path_factory):  # type: ignore[no-untyped-def]
    from bot.engine import Engine
    from index.indexer import run_index

    base: Path = tmp_path_factory.mktemp("lead")
    corpus = base / "corpus"
    corpus.mkdir()
    (corpus / "ridge.md").write_text(BLOG, encoding="utf-8")
    (corpus / "harbour.html").write_text(HTML, encoding="utf-8")
    (corpus / "saltroad.txt").write_text(REVIEW, encoding="utf-8")
    (corpus / "bypass.html").write_text(COUNCIL, encoding="utf-8")
    (corpus / "school.txt").write_text(SCHOOL, encoding="utf-8")
    (corpus / "museum.md").write_text(MUSEUM, encoding="utf-8")
    (corpus / "tapestry.txt").write_text(TAPESTRY, encoding="utf-8")
    (corpus / "kelby.html").write_text(BRIDGE, encoding="utf-8")
    settings = make_settings(base / "home", corpus)
    run_index(settings)
    return Engine(settings)


@pytest.mark.parametrize(
    ("question", "article", "said"),
    [
        ("What did Jess say when told the stone cairn was the summit?", "ridge", "gentle stroll"),
        ("What did the harbour board chairman reply about the market closing?", "harbour",
         "Not while I am in this chair"),
    ],
)  # fmt: skip
def test_a_lead_ending_in_a_colon_brings_what_it_introduces(
    engine4, question, article, said
) -> None:  # type: ignore[no-untyped-def]
    a = engine4.answer(question)
    assert a.answered and a.citations[0].article_id == article
    assert a.sentences[0].text.rstrip().endswith(":"), a.text
    assert said in a.sentences[1].text and said in a.text
    for s in a.sentences:  # still verbatim in its own cited passage
        assert s.text in a.citations[s.n - 1].passage


def test_a_word_of_the_same_family_counts(engine4) -> None:  # type: ignore[no-untyped-def]
    from index.lexical import tokenize

    reader, snap = engine4.reader, engine4.snapshot
    rows = {snap.sentence_text(j): j for j in range(len(snap.sent_start))}
    director = rows["Director: Maren Holt"]
    opposed = next(j for t, j in rows.items() if t.startswith("The plan was opposed by"))
    (directed,) = tokenize("directed")  # the stemmer keeps "direct" and "director" apart
    (opposition,) = tokenize("opposition")
    assert directed not in reader.sentence_terms(director)
    assert reader.related(directed, director) and reader.related(opposition, opposed)
    assert not reader.related(opposition, director) and not reader.related("part", opposed)


@pytest.mark.parametrize(
    ("question", "article", "said"),
    [
        ("What rating did Fernley Primary get at its 2016 inspection?", "school", "Requires Improvement"),
        ("Where did the Harbour Museum first open in 1958?", "museum", "old customs house"),
    ],
)  # fmt: skip
def test_the_passage_with_the_questions_year_leads(engine4, question, article, said) -> None:  # type: ignore[no-untyped-def]
    a = engine4.answer(question)
    assert a.answered and a.citations[0].article_id == article, a.text
    assert said in a.sentences[0].text, a.text


@pytest.mark.parametrize(
    ("question", "article", "name"),
    [
        ("Who commissioned the Harlow Tapestry?", "tapestry", "Aldous Fenn"),
        ("Who designed the Kelby Bridge?", "kelby", "Marta Lind"),
    ],
)
def test_a_sentence_opening_with_a_pronoun_is_read_with_the_one_before(
    engine4, question, article, name
) -> None:  # type: ignore[no-untyped-def]
    a = engine4.answer(question)
    assert a.answered and a.citations[0].article_id == article, a.text
    assert name in a.sentences[0].text and a.sentences[0].text.startswith("It "), a.text
    assert a.short_answer is not None and name in a.short_answer.text


def test_an_articles_topic_follows_its_newest_version(tmp_path: Path) -> None:
    from bot.core.vocabulary import _article_rows, topic_terms
    from index import topics
    from index.indexer import run_index
    from index.lexical import tokenize
    from index.snapshot import load_snapshot

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "kelby.html").write_text(BRIDGE, encoding="utf-8")
    (corpus / "tapestry.txt").write_text(TAPESTRY, encoding="utf-8")
    settings = make_settings(tmp_path / "home", corpus)
    run_index(settings)
    (corpus / "kelby.html").write_text(
        BRIDGE.replace("Kelby Bridge", "Orwell Viaduct"), encoding="utf-8"
    )
    run_index(settings)  # the old version's rows stay in the arrays, dead
    snap = load_snapshot(settings.snapshots_dir)
    kelby = snap.article_index["kelby"]
    assert (snap.sent_article == -1).any()  # the replaced version is there, masked
    (orwell,) = tokenize("Orwell")
    (harlow,) = tokenize("Harlow")
    assert orwell in topic_terms(snap, kelby) and "kelbi" not in topic_terms(snap, kelby)
    assert harlow in topic_terms(snap, snap.article_index["tapestry"])
    # What the segment stored is what counting the live article's sentences gives
    for i in (kelby, snap.article_index["tapestry"]):
        art = snap.articles[i]
        lo, hi = _article_rows(snap, i)
        counted = topics.topic_terms(art, (snap.sentence_text(j) for j in range(lo, hi)))
        assert art.topic_terms == counted and counted

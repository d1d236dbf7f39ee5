"""A headline's fact, cited through the body sentence that restates it (issue 11).

The headline is metadata (no citation can quote it), but it states the story's main fact;
when it answers the question better than the sentences found, the body sentence giving the
same figure is quoted. Real model, a real index of pages written in several formats.
"""

from __future__ import annotations

import pytest
from conftest import written_engine

from bot.core.headline import headline_restated
from bot.core.scoring import gather_evidence

ARTICLES = {
    "bakery.txt": "Northgate Foods opens bakery in Leeds, creating 210 jobs\n\n"
    "LEEDS, England, 3 May 2024 — Northgate Foods today opened its new bakery in Leeds, "
    "its first plant in Yorkshire.\n\n"
    "The 9,000 m² site will employ 210 people when fully running, most of them bakers and drivers.\n\n"
    "The company said the bakery would supply its shops across the north from the summer.\n",
    "seawall.md": "# Harbour council to spend £4.2m on new sea wall at Porthkerry\n\n"
    "*By Ellen Price*\n\n"
    "Porthkerry harbour council has approved the new sea wall after two winters of flooding.\n\n"
    "Councillors agreed to put £4.2m towards the work, which will begin in the spring.\n\n"
    "Residents said the old wall had been patched too many times.\n",
    "fines.txt": "Regulator fines Oakbrook Water £2.5 million over sewage spills\n\n"
    "The regulator found that Oakbrook Water had under-reported its discharges for years.\n\n"
    "The company must pay £2.5 million, the largest penalty of its kind this year.\n\n"
    "Its own monitors were switched off at dozens of sites for months at a time.\n",
    # the body names the ferry often, its price only beside "the vessel": the headline ties
    "ferry.txt": "New £9.8m ferry Kestrel Star makes first crossing to Inchmore\n\n"
    "Crowds lined the quay at Inchmore on Monday as the Kestrel Star arrived on her first crossing.\n\n"
    "The £9.8m vessel, built at a yard in Glenport, left the mainland at 7am.\n\n"
    "Under the new timetable the Kestrel Star will make six return sailings a day.\n\n"
    "The Kestrel Star was paid for by the regional transport board with help from the island trust.\n",
    "stores.html": "<html><head><title>Marlow Stores to spend on new tills as profits jump 18%</title>"
    "</head><body><article><h1>Marlow Stores to spend on new tills as profits jump 18%</h1>"
    "<p>Marlow Stores will put new tills in all of its shops, the company said on Monday.</p>"
    "<p>Profits rose 18% last year as food sales grew.</p>"
    "<p>Its chief executive said trading since Christmas had been steady.</p></article></body></html>",
}


@pytest.fixture(scope="module")
def headline_engine(tmp_path_factory):  # type: ignore[no-untyped-def]
    return written_engine(tmp_path_factory, "headlines", ARTICLES)


@pytest.mark.parametrize(
    ("question", "doc", "figure"),
    [
        ("how many jobs will the northgate bakery in leeds create", "bakery", "210"),
        (
            "How much is the harbour council spending on the Porthkerry sea wall?",
            "seawall",
            "£4.2m",
        ),
        ("how much did the kestrel star cost", "ferry", "£9.8m"),
    ],
)
def test_the_body_sentence_giving_the_headline_s_figure_leads(  # type: ignore[no-untyped-def]
    headline_engine, question, doc, figure
) -> None:
    reader = headline_engine.reader
    snap = reader.snapshot
    raw = gather_evidence(reader, question)
    moved = headline_restated(raw, reader)
    top = moved.sentences[0].sentence
    assert snap.articles[int(snap.sent_article[top])].id == doc
    assert figure in snap.sentence_text(top)
    # only reordered: the same candidates, nothing made up
    assert sorted(moved.candidates) == sorted(raw.candidates)
    answer = headline_engine.answer(question)
    assert answer.answered and figure in answer.sentences[0].text, answer.text
    assert answer.sentences[0].text in answer.citations[0].passage  # quoted verbatim


@pytest.mark.parametrize(
    "question",
    [
        # the headline's "18%" covers the question's words but is not an amount spent
        "How much did Marlow Stores spend on new tills?",
        # its "£2.5 million" is a sum, not a count of spills
        "how many sewage spills did Oakbrook Water have",
    ],
)
def test_a_headline_figure_of_another_measure_moves_nothing(headline_engine, question) -> None:  # type: ignore[no-untyped-def]
    reader = headline_engine.reader
    raw = gather_evidence(reader, question)
    assert headline_restated(raw, reader) is raw

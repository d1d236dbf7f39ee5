"""When an article was published, answered in the article's own words (issue 11).

Reading keeps the date as ISO and, when the page writes it, the words it uses
(ArticleMeta.date_text); a metadata answer quotes those and cites the passage that states
them when it is still in the text. Tried on dates written in several ways, in several file
formats, with a real index and the real model.
"""

from __future__ import annotations

import pytest
from conftest import written_engine

from bot.core.metadata import metadata_intent
from index.articles import parse_article
from index.reading.stated import stated_date

FILLER = (
    "The committee met twice before the vote and heard from residents on both sides.\n\n"
    "Officials said the work would take most of the year to finish.\n"
)


@pytest.mark.parametrize(
    ("iso", "line", "language", "stated"),
    [
        ("2021-06-30", "June 30, 2021", "en", "June 30, 2021"),
        ("2021-06-30", "By Ana Ruiz | 30 June 2021", "en", "30 June 2021"),
        ("2021-06-30", "Posted 2021-06-30T09:15:00Z", "en", "2021-06-30"),
        ("2021-06-30", "Veröffentlicht am 30. Juni 2021", "de", "30. Juni 2021"),
        (
            "2025-09-12",
            "Letters to the editor, Friday 12 September 2025",
            "en",
            "Friday 12 September 2025",
        ),
        ("2021-06-30", "June 29, 2021", "en", None),  # another day is not this date
        (None, "June 30, 2021", "en", None),
    ],
)
def test_stated_date_is_the_span_that_writes_the_date(  # type: ignore[no-untyped-def]
    iso, line, language, stated
) -> None:
    assert stated_date(iso, ["Nothing dated here.", line], language) == stated


@pytest.mark.parametrize(
    ("source", "suffix", "iso", "stated"),
    [
        ("Harbour ferry timetable to change\n\nJune 30, 2021\n\n" + FILLER, ".txt", "2021-06-30", "June 30, 2021"),
        ("# Harbour ferry timetable to change\n\n*30 June 2021*\n\n" + FILLER, ".md", "2021-06-30", "30 June 2021"),
        (
            "<html><body><article><h1>Harbour ferry timetable to change</h1><p>2021-06-30</p>"
            "<p>The committee met twice before the vote and heard from residents on both sides.</p>"
            "<p>Officials said the work would take most of the year to finish.</p></article></body></html>",
            ".html", "2021-06-30", "2021-06-30",
        ),
        ("---\ntitle: Harbour ferry timetable to change\ndate: 2021-06-30\n---\n" + FILLER, ".md", "2021-06-30", None),
    ],
)  # fmt: skip
def test_reading_keeps_the_date_as_the_page_writes_it(source, suffix, iso, stated) -> None:  # type: ignore[no-untyped-def]
    a = parse_article(source.encode(), "t", suffix)
    assert (a.date, a.date_text) == (iso, stated)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("What date did the Fenland Courier letters page come out?", "date"),
        ("when did the weekend edition come out", "date"),
        ("What day did the parish newsletter go out?", "date"),
        ("When did the new phone come out?", None),  # a product, not a page of the outlet
        ("When did the band's album come out?", None),
    ],
)
def test_a_page_or_issue_coming_out_asks_for_its_date(question: str, intent: str | None) -> None:
    assert metadata_intent(question) == intent


ARTICLES = {
    # a dateline reading takes out of the text: quoted, the opening passage cited
    "ferry.txt": "THE BAY HERALD\n\nHarbour ferry timetable to change from August\n\nBy Ana Ruiz\nJune 30, 2021\n\n"
    "The harbour ferry will run every 20 minutes instead of every 30 from August, the operator said.\n\n"
    "Evening sailings will end at 11pm rather than midnight, to allow for repairs to the pier.\n",
    # a wire dateline that stays in the story: the passage stating it is cited
    "mill.txt": "Old paper mill to become 140 flats\n\n"
    "KESWICK, England, 14 March 2023 — Developers will turn the old paper mill into 140 flats after "
    "the planning board approved the scheme on Tuesday.\n\n"
    "Work on the mill is due to start on 2 May and the first flats are expected to be ready next spring.\n",
    # German, a dateline in its own words
    "tram.md": "# Neue Straßenbahnlinie für die Altstadt\n\n30. Juni 2021\n\n"
    "Die neue Straßenbahnlinie soll ab dem Herbst alle zehn Minuten durch die Altstadt fahren. "
    "Der Stadtrat hat den Plan am Montag mit großer Mehrheit beschlossen.\n\n"
    "Die Bauarbeiten an den Gleisen beginnen im August und dauern rund ein Jahr.\n",
    # a front-matter date the page never writes: spelled in the order of its other dates
    "orchard.md": "---\ntitle: Community orchard planted at Hill Farm\ndate: 2022-11-05\n---\n"
    "Volunteers planted sixty apple and pear trees at Hill Farm, the first of the community orchard.\n\n"
    "The next planting day is on 3 December, and the orchard will open to visitors on 1 April.\n",
}


@pytest.fixture(scope="module")
def dated_engine(tmp_path_factory):  # type: ignore[no-untyped-def]
    return written_engine(tmp_path_factory, "dated", ARTICLES)


@pytest.mark.parametrize(
    ("question", "doc", "stated", "cited"),
    [
        ("When was the harbour ferry timetable story published?", "ferry", "June 30, 2021", None),
        ("when was the article about the old paper mill flats published", "mill", "14 March 2023", "14 March 2023"),
        ("When was the article on the new Straßenbahnlinie published?", "tram", "30. Juni 2021", None),
        ("When was the community orchard story published?", "orchard", "5 November 2022", None),
    ],
)  # fmt: skip
def test_a_date_answer_quotes_the_article_s_own_words(  # type: ignore[no-untyped-def]
    dated_engine, question, doc, stated, cited
) -> None:
    answer = dated_engine.answer(question)
    assert answer.answered and answer.citations[0].article.id == doc, answer.text
    lead = answer.text.split("[")[0]
    assert f"is dated {stated}." in lead, answer.text
    passage = answer.citations[0].passage
    assert (
        passage
        in dated_engine.snapshot.articles[  # verbatim, as every citation
            dated_engine.snapshot.article_index[doc]
        ].text
    )
    if cited is not None:  # the date is still in the text: the passage shown states it
        assert cited in passage, passage

"""Reading any news article (issue 11): metadata from general evidence, lossless cleaning.

The eval/general corpus is checked against its truth file; every rule is also exercised on
small articles written here in other shapes, so no rule holds for one file's lines only.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, make_settings

from index.articles import find_article_files, parse_article, read_article, shared_lines

GENERAL = ROOT / "eval" / "general" / "corpus"
TRUTH = [
    json.loads(line)
    for line in (ROOT / "eval" / "general" / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.fixture(scope="module")
def general() -> dict[str, object]:
    files = find_article_files(GENERAL)
    shared = shared_lines(files)
    return {p.stem: read_article(p, shared) for p in files}


def _bare(url: str | None) -> str | None:
    return re.sub(r"^https?://", "", url).rstrip("/") if url else None


@pytest.mark.parametrize("row", TRUTH, ids=[r["id"] for r in TRUTH])
def test_general_corpus_metadata_is_the_truth(general, row) -> None:  # type: ignore[no-untyped-def]
    a = general[row["id"]]
    got = (a.title, a.outlet, a.date, a.author)
    assert got == (row["title"], row["outlet"], row["date"], row["author"])
    if row["url"]:
        assert _bare(a.url) == _bare(row["url"])


def test_every_general_article_is_read(general) -> None:  # type: ignore[no-untyped-def]
    assert {r["id"] for r in TRUTH} <= set(general)
    assert all(a.text.strip() for a in general.values())


def text_of(source: str, suffix: str = ".txt", aid: str = "t"):  # type: ignore[no-untyped-def]
    return parse_article(source.encode(), aid, suffix)


def paragraphs(article) -> list[str]:  # type: ignore[no-untyped-def]
    return article.text.split("\n\n")


STORY = (
    "The council voted on Monday to rebuild the old swimming pool on the same site, after a long debate.\n\n"
    '"No."\n\n'
    "That was the answer when the leader was asked whether the vote could be delayed.\n"
)


@pytest.mark.parametrize(
    ("head", "author"),
    [
        ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("By Jane Doe, Science Correspondent", "Jane Doe"),
        ("By JANE DOE and JOHN ROE", "Jane Doe and John Roe"),
        ("Words by Jane Doe", "Jane Doe"),
        ("Jane Doe, Transport Reporter", "Jane Doe"),
        ("Jane Doe | Education", "Jane Doe"),
        ("Posted by Jane Doe on April 2, 2019", "Jane Doe"),
        ("Por Lucía Ferrández", "Lucía Ferrández"),
        ("Von Hans Müller", "Hans Müller"),
        ("记者 王晓雯", "王晓雯"),
    ],
)
def test_bylines_in_their_many_forms(head: str, author: str) -> None:
    a = text_of(f"Council backs plan to rebuild the town pool\n\n{head}\n\n{STORY}")
    assert a.author == author
    assert a.title == "Council backs plan to rebuild the town pool"
    assert head not in a.text and a.title not in a.text  # both are metadata, not quotes


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Published 14 March 2023", "2023-03-14"),
        ("Updated: 2024-02-05 09:30 GMT", "2024-02-05"),  # only the update is stated
        ("Monday, November 6, 2023 - 12:05", "2023-11-06"),
        ("Posted: Tue 14 Nov 2023 | 07:12", "2023-11-14"),
        ("Jane Doe | September 12, 2023, 10:00 AM ET", "2023-09-12"),
        ("29/04/2022", "2022-04-29"),
        ("04/05/2022", None),  # day and month could be either: not guessed
        ("Updated 2 hours ago", None),  # relative: says nothing about the day
        ("Publié le 3 mars 2020", "2020-03-03"),
        ("12. März 2021, 14:30 Uhr", "2021-03-12"),
        ("2022年9月1日 10:00", "2022-09-01"),
    ],
)
def test_datelines_parsed_by_a_date_library(line: str, date: str | None) -> None:
    a = text_of(f"Council backs plan to rebuild the town pool\n\n{line}\n\n{STORY}")
    assert a.date == date
    assert line not in a.text


def test_a_publication_note_under_the_story_dates_it() -> None:
    for note in ("This article was first published on 2 February 2020", "Published: 2020-02-02"):
        a = text_of(f"Council backs plan to rebuild the pool\n\n{STORY}\n{note}\n")
        assert a.date == "2020-02-02" and note not in a.text


def test_dates_in_the_story_are_not_its_date() -> None:
    a = text_of(
        "Conductor dies aged 90\n\nMargaret Corran, conductor; born 3 June 1931, died 17 January 2022\n\n"
        + STORY
    )
    assert a.date is None
    assert "born 3 June 1931" in a.text  # a standfirst under the headline is article text


@pytest.mark.parametrize(
    ("page", "outlet"),
    [
        ("{h}\n\n{s}\n© 2019 The Example Tribune. All rights reserved.\n", "The Example Tribune"),
        (
            "{h}\n\n{s}\nCopyright 2021 Business Pulse Media Ltd. All Rights Reserved.\n",
            "Business Pulse",
        ),
        ("THE HARBOURTON TRIBUNE\n\n{h}\n\n{s}", "The Harbourton Tribune"),
        ("The Riverside Gazette\nHome > News > Local\n\n{h}\n\n{s}", "The Riverside Gazette"),
        ("TechFold › Gadgets › Tablets\n\n{h}\n\n{s}", "TechFold"),
        ("Startseite > Politik\n\n{h}\n\n{s}", None),  # "home" is no site's name
        ("{h}\n\nExample Weekly Staff\n\n{s}", "Example Weekly"),
        ("{h}\n\nLONDON, Oct 3 (Meridian Wire) - {s}", "Meridian Wire"),
        ("https://www.coastalherald.com/science/2022/06/09/reef\n\n{h}\n\n{s}", "Coastal Herald"),
        ("www.ridgeandrucksack.com\n\n{h}\n\n{s}", "ridgeandrucksack.com"),
        ("{h}\n\n{s}\nThe Example Post Logo\n", "The Example Post"),
        ("{h}\n\n{s}", None),
    ],
)
def test_outlet_from_the_page_own_evidence(page: str, outlet: str | None) -> None:
    a = text_of(page.format(h="Council backs plan to rebuild the town pool", s=STORY))
    assert a.outlet == outlet
    assert a.title == "Council backs plan to rebuild the town pool"


def test_a_url_line_dates_and_links_the_article() -> None:
    a = text_of(
        f"https://www.coastalherald.com/science/2022/06/09/reef\n\nReefs recover\n\n{STORY}"
    )
    assert a.url == "https://www.coastalherald.com/science/2022/06/09/reef"
    assert a.date == "2022-06-09"


@pytest.mark.parametrize(
    "menu", ["Home | News | Sport | Weather | Contact", "Home > News > Local", "Skip to content"]
)
def test_navigation_above_the_headline_is_never_the_title(menu: str) -> None:
    a = text_of(f"{menu}\n\nCouncil backs plan to rebuild the town pool\n\n{STORY}")
    assert a.title == "Council backs plan to rebuild the town pool"
    assert menu not in a.text


@pytest.mark.parametrize("title", ["Normans", "Trenbathite", "Mount Keralt"])
def test_a_reference_article_one_word_first_line_is_its_title(title: str) -> None:
    a = text_of(
        f"{title}\n\n{title} are a people who gave their name to a region of France in the tenth century.\n"
    )
    assert a.title == title
    assert paragraphs(a)[0].startswith(title + " are a people")


def test_a_site_tagline_under_its_name_is_not_the_headline() -> None:
    for site, tagline in (
        ("Wandering Boots", "Stories from the trail, one blister at a time"),
        ("Notes From The Allotment", "A blog about growing food in small places"),
    ):
        a = text_of(
            f"{site}\n{tagline}\n\nWhy my onions bolted this year\n\nWritten by Sam Carter\n\n"
            "Every spring I plant two rows of onion sets, and every summer half of them bolt.\n"
        )
        assert (a.title, a.outlet, a.author) == (
            "Why my onions bolted this year",
            site,
            "Sam Carter",
        )


CHROME = [
    "Share this article",
    "Share: Facebook | X | WhatsApp | Email",
    "Advertisement",
    "Sign up for our newsletter: the week's news, every Friday.",
    "Get the Tribune in your inbox every morning",
    "12 Comments",
    "Leave a reply",
    "Photo: The new pool at night (Getty)",
    "[Image: The library reading room. Photograph: Lena Hart]",
    "Tags: council, pools",
    "Read more: Council tax to rise by 4.9%",
    "Related: Why pools cost so much to run",
    "Most read in Local News",
    "https://www.example-tribune.com/news/2023/03/14/pool-vote",
]


@pytest.mark.parametrize("chrome", CHROME)
def test_chrome_lines_dropped_story_kept(chrome: str) -> None:
    story = STORY.replace('"No."', f'"No."\n\n{chrome}')
    a = text_of(f"Council backs plan to rebuild the town pool\n\n{story}")
    assert chrome not in a.text
    assert '"No."' in paragraphs(a)  # a one-word reply is article text
    assert paragraphs(a)[-1].startswith("That was the answer")
    assert any(d[0] == chrome for d in a.dropped)  # and the operator can see it went


def test_teaser_lists_go_lists_subheads_and_short_quotes_stay() -> None:
    a = text_of(
        "Council backs plan to rebuild the town pool\n\n" + STORY + "\nWhat happens next\n\n"
        "The council listed three steps:\n\n- Appoint a contractor by June.\n- Demolish the old hall.\n"
        "* Open in spring 2025\n\nReally?\n\nRelated stories\nPool closure: what it means\n"
        "Depot sale approved\n\n© 2023 The Harbourton Tribune\n"
    )
    paras = paragraphs(a)
    for kept in (
        "What happens next",
        "- Appoint a contractor by June.",
        "* Open in spring 2025",
        "Really?",
    ):
        assert kept in paras, kept
    for gone in ("Related stories", "Pool closure: what it means", "Depot sale approved"):
        assert gone not in a.text, gone


def test_lines_repeated_across_the_corpus_are_chrome(tmp_path: Path) -> None:
    for name, topic in (("a", "pool"), ("b", "library"), ("c", "bridge")):
        extra = "Sponsored by Acme Bank\n" if name != "c" else "Opening times\n"
        (tmp_path / f"{name}.txt").write_text(
            f"Council backs plan for the {topic}\n\n{extra}\n"
            f"The council voted on Monday to rebuild the {topic} after a long debate.\n\n"
            "Opening times\n\nIt will open in the spring, the council said in a statement.\n"
        )
    files = find_article_files(tmp_path)
    shared = shared_lines(files)
    texts = {p.stem: read_article(p, shared).text for p in files}
    assert all("Sponsored by Acme Bank" not in t for t in texts.values())
    # "Opening times" is in every article: a subhead repeated that widely is a site's label
    assert "Opening times" not in texts["a"]
    assert read_article(files[0]).content_hash != read_article(files[0], shared).content_hash


def test_html_without_metadata_uses_title_tag_and_footer() -> None:
    html = (
        "<html><head><title>Ferry returns after repairs | Lakeside Courier</title></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>"
        "<h1>Ferry returns after repairs</h1><p class='byline'>By Helen Marsh</p><span>March 3, 2022</span>"
        "<p>Residents of Crane Island will get their car ferry back later this month, after repairs.</p>"
        "<p>The repairs cost $1.3 million, most of it covered by an emergency grant.</p>"
        "<footer><p>&copy; 2022 Lakeside Courier</p></footer></body></html>"
    )
    a = text_of(html, ".html")
    assert (a.title, a.outlet, a.date, a.author) == (
        "Ferry returns after repairs",
        "Lakeside Courier",
        "2022-03-03",
        "Helen Marsh",
    )
    assert paragraphs(a)[0].startswith("Residents of Crane Island")
    assert "March 3, 2022" not in a.text and "Ferry returns after repairs" not in a.text


# ---- citebot sources: what an operator sees ------------------------------------------------


def _cli(settings, *args: str) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    env = {**os.environ, "CITEBOT_HOME": str(settings.home), "CITEBOT_CORPUS": str(settings.corpus)}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def general_index(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.indexer import run_index

    base = tmp_path_factory.mktemp("general")
    shutil.copytree(GENERAL, base / "corpus")
    settings = make_settings(base / "home", base / "corpus")
    report = run_index(settings)
    assert report.articles == len(TRUTH) and not report.skipped
    return settings


def test_sources_json_gives_every_article_its_true_metadata(general_index) -> None:  # type: ignore[no-untyped-def]
    out = _cli(general_index, "sources", "--json")
    assert out.returncode == 0, out.stderr
    rows = {r["id"]: r for r in json.loads(out.stdout)}
    assert set(rows) == {t["id"] for t in TRUTH}
    for t in TRUTH:
        r = rows[t["id"]]
        assert (r["title"], r["outlet"], r["date"], r["author"]) == (
            t["title"], t["outlet"], t["date"], t["author"],
        ), t["id"]  # fmt: skip
        assert r["date_label"] == (t["date"] or "undated") and r["chunks"] > 0
        assert {"url", "language"} <= set(r)


def test_sources_id_shows_the_lines_cleaning_dropped(general_index) -> None:  # type: ignore[no-untyped-def]
    out = _cli(general_index, "sources", "g01_local_council", "--json")
    assert out.returncode == 0, out.stderr
    row = json.loads(out.stdout)
    dropped = {d["line"]: d["reason"] for d in row["dropped"]}
    assert dropped["Home | News | Sport | Weather | What's On | Property | Contact"] == "navigation"
    assert dropped["By Megan Hartley and Tom Ashworth"] == "byline"
    assert dropped["© 2023 The Harbourton Tribune. All rights reserved."] == "copyright"
    text = _cli(general_index, "sources", "g01_local_council")
    assert text.returncode == 0 and "lines dropped by cleaning" in text.stdout
    missing = _cli(general_index, "sources", "no_such_article")
    assert missing.returncode == 2 and missing.stderr.strip().count("\n") == 0


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        (
            "Who wrote 'Corbel to close Wrexford plant with loss of 870 jobs'?",
            "was written by Priya Nair.",
        ),
        (
            "Which site published the article on the Orrin Slate 5 launch?",
            "was published by TechFold.",
        ),
        (
            "When was the article about the copper strike at Cerro Alto published?",
            "is dated October 3, 2022.",  # as the page writes it
        ),
    ],
)
def test_questions_about_an_article_find_it_by_its_headline(general_index, question, lead) -> None:  # type: ignore[no-untyped-def]
    from bot.engine import Engine

    answer = Engine(general_index).answer(question)
    assert answer.answered and answer.kind == "metadata" and lead in answer.text, answer.text


def test_a_byline_with_published_and_updated_dates_on_one_line() -> None:
    for line in (
        "By Aisha Khan and Pedro Alves | Published March 12, 2024, 6:30 a.m. ET | Updated March 13, 2024",
        "Aisha Khan and Pedro Alves · Published 12 March 2024 · Updated 13 March 2024",
    ):
        a = text_of(f"Floods force 12,000 from homes\n\n{line}\n\n{STORY}")
        assert (a.author, a.date) == ("Aisha Khan and Pedro Alves", "2024-03-12"), line


def test_a_comment_section_at_the_end_of_the_page_is_not_the_story() -> None:
    story = "\n\n".join(
        f"Paragraph {n} of the story says what the council decided on Monday evening."
        for n in range(6)
    )
    for prompt in ("Leave a Reply", "3 Comments"):
        a = text_of(
            f"Council backs plan\n\n{story}\n\n{prompt}\n\nYour email address will not be published.\n\n"
            "Great news for the town, I swam there as a child and cannot wait to go back.\n"
        )
        assert a.text.split("\n\n")[-1].startswith("Paragraph 5")
        assert "email address" not in a.text and "swam there as a child" not in a.text


FORMATS = {
    # a menu one item a line, a relative time, a two-line byline, captions with "Image ...,"
    "vertical_menu.txt": (
        "Home\nNews\nSport\nWeather\n\nHarbour tunnel to close for six weeks of repairs\n\n2 hours ago\n\n"
        "Share\n\nJane Doe\nCity News, Bristol\n\nImage source, Getty Images\n"
        "Image caption, The tunnel carries 40,000 vehicles a day\n\n"
        "The harbour tunnel will close for six weeks from 1 June so that its fans can be replaced.\n\n"
        "Diversions will add up to 20 minutes to journeys, the council warned.\n",
        ("Harbour tunnel to close for six weeks of repairs", None, None, "Jane Doe"),
    ),
    # the byline and its role above the headline, times with a dot, "Last modified on"
    "byline_first.txt": (
        "Jane Doe Political correspondent\nMon 3 Apr 2023 18.00 BST\n\n"
        "Minister resigns over housing targets row\n\n"
        "The housing minister has resigned after a row over the government's building targets.\n\n"
        "Last modified on Mon 3 Apr 2023 19.00 BST\n",
        ("Minister resigns over housing targets row", None, "2023-04-03", "Jane Doe"),
    ),
    # a press release: its dateline gives the full date and the wire in slashes
    "press_release.txt": (
        "FOR IMMEDIATE RELEASE\n\nAcme Robotics Opens New Factory in Ohio\n\n"
        "SPRINGFIELD, Ohio, May 2, 2022 /PRNewswire/ -- Acme Robotics today opened a factory "
        'that will employ 350 people.\n\n"This is a proud day," said CEO Linda Park.\n',
        ("Acme Robotics Opens New Factory in Ohio", "PRNewswire", "2022-05-02", None),
    ),
    # ad slots above the headline, a standfirst, then the byline and where it was reported from
    "reported_from.txt": (
        "Advertisement\nSKIP ADVERTISEMENT\nSupported by\n\nTown Says It Repelled Attack Near Key Road\n\n"
        "The fighting around the town has become one of the longest battles of the war.\n\n"
        "By Jane Doe and John Roe\nReporting from Kyiv, Ukraine\n\nMarch 3, 2023\n\n"
        "Forces said on Friday that they had repelled an attack near the eastern town.\n\n"
        "Here are three things to know:\n\n1. The town has been under attack since August.\n"
        "2. Most residents have left.\n",
        ("Town Says It Repelled Attack Near Key Road", None, "2023-03-03", "Jane Doe and John Roe"),
    ),
    # a garbled "Published On" line, a save-for-later prompt, the source under the story
    "source_below.txt": (
        "News|Climate Crisis\n\nHeatwave grips southern Europe as temperatures pass 45C\n\n"
        "Spain and Italy have issued red alerts as a heatwave grips the region.\n\n"
        "Published On 18 Jul 202318 Jul 2023\n\n"
        "Save articles to read later and create your own reading list.\n\n"
        "Temperatures passed 45C in parts of Sicily on Tuesday, the weather service said.\n\n"
        "Source: Example Wire and news agencies\n",
        ("Heatwave grips southern Europe as temperatures pass 45C", "Example Wire", None, None),
    ),
    # HTML whose metadata has no author: the byline is read from the page's own lines
    "byline_in_page.html": (
        "<html><head><title>Bridge reopens | Valley Times</title></head><body>"
        "<div><a href='/'>Home</a> <a href='/news'>News</a></div><h1>Bridge reopens after two-year closure</h1>"
        "<div class='meta'>By Jane Doe, Valley Times | Published: 5 March 2019</div>"
        "<p>The Old Mill bridge reopened to traffic on Tuesday after a two-year restoration, the council said.</p>"
        "<p>The bridge was built in 1834 and carries 9,000 vehicles a day.</p>"
        "<footer>All content &copy; Valley Times Media Group 2019</footer></body></html>",
        ("Bridge reopens after two-year closure", "Valley Times", "2019-03-05", "Jane Doe"),
    ),
    # a short HTML page written on one line: its paragraphs stay paragraphs
    "one_line.html": (
        '<html lang="es"><head><meta property="og:site_name" content="Diario del Sur">'
        '<meta property="og:title" content="El ayuntamiento aprueba el nuevo parque"></head><body>'
        "<article><h1>El ayuntamiento aprueba el nuevo parque</h1><time datetime='2022-05-10'>10 de mayo"
        " de 2022</time><p>El pleno aprobó este martes la construcción de un parque de cuatro hectáreas.</p>"
        "<p>La obra costará 2,5 millones de euros, según el alcalde.</p></article></body></html>",
        ("El ayuntamiento aprueba el nuevo parque", "Diario del Sur", "2022-05-10", None),
    ),
    # Markdown with underlined (setext) headings and an italic staff byline
    "setext.md": (
        "Library reopens after flood\n===========================\n\n*Staff reporter*\n\n"
        "The central library reopened on Monday after six months of repairs.\n\n"
        "Opening times\n-------------\n\nThe library will open from 9am to 7pm.\n",
        ("Library reopens after flood", None, None, "Staff reporter"),
    ),
}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_other_page_shapes(name: str) -> None:
    source, (title, outlet, date, author) = FORMATS[name]
    a = text_of(source, Path(name).suffix)
    assert (a.title, a.outlet, a.date, a.author) == (title, outlet, date, author)
    paras = paragraphs(a)
    assert all(p in source for p in paras if not name.endswith(".md"))
    for chrome in (
        "2 hours ago", "City News, Bristol", "Image caption", "FOR IMMEDIATE", "=====",
        "ADVERTISEMENT", "Supported by", "Reporting from", "Published On", "reading list", "Source:",
    ):  # fmt: skip
        assert chrome not in a.text
    assert "2. Most residents have left." in paras or name != "reported_from.txt"
    if name == "one_line.html":
        assert paras == [
            "El pleno aprobó este martes la construcción de un parque de cuatro hectáreas.",
            "La obra costará 2,5 millones de euros, según el alcalde.",
        ]


def test_front_matter_under_other_generators_names() -> None:
    a = text_of(
        "---\nheadline: Pool to reopen in spring\npublished: 2023-03-14T09:00:00Z\n"
        "authors: [Megan Hartley, Tom Ashworth]\ncanonical: https://example.org/pool\n"
        "site_name: Example Tribune\nlayout: post\n---\n\n" + STORY,
        ".md",
    )
    assert (a.title, a.date, a.author, a.url, a.outlet) == (
        "Pool to reopen in spring", "2023-03-14", "Megan Hartley and Tom Ashworth",
        "https://example.org/pool", "Example Tribune",
    )  # fmt: skip
    assert a.extra == {"layout": "post"}


@pytest.mark.parametrize("top", ["", "THE HARBOUR LEDGER\n\n", "Home | News | Local\n\n"])
def test_a_headline_in_capitals_is_the_headline_not_a_masthead(top: str) -> None:
    a = text_of(f"{top}POOL TO REOPEN IN MAY\n\n{STORY}")
    assert a.title == "POOL TO REOPEN IN MAY"
    assert a.outlet == ("The Harbour Ledger" if "LEDGER" in top else None)

"""Page shapes the blind6 and blind7 tuning sets brought that the reader got wrong on their
first runs, each rule tried on differently written pages (the sets' truth files are checked
in test_reading_pages.py).

A breadcrumb whose first item has "&" ("Food & Drink > Restaurant reviews") or long items
("Home > News and alerts > Product recalls"); a capitalised kicker under the site's name
("ALLERGY ALERT"); a line of buttons ("[ DONATE NOW ]"); an archive banner ("This article is
more than 5 years old"); "Released <date>" and "Issued <date>" labels; "Compiled by A" and
"Show notes by A"; a one-word subhead under the headline ("Summary") that is no byline;
another event's labelled date ("Election date: 1 May 2025"); an organisation's name with
"for" ("Department for Roads"); a masthead "The X" over a copyright "X Ltd" (in capitals:
"THE X", written as a name); an acronym masthead spelling its name out ("TAWU - Transit &
Allied Workers' Union"); "Compiled by A, readers' editor" under the headline.
"""

from __future__ import annotations

import pytest
from pages import BODY, HEAD, STORY, keeps_story, read


@pytest.mark.parametrize(
    "crumb",
    [
        "Food & Drink > Restaurant reviews",
        "Arts & Culture › Theatre",
        "Home > News and alerts > Product recalls and allergy alerts",
        "Home » Your council » Elections and voting » Election results",
    ],
)
def test_a_breadcrumb_trail_is_navigation_not_the_headline(crumb: str) -> None:
    a = read(f"The Marsh Courier\n\n{crumb}\n\n{HEAD}\n\n{BODY}\n")
    assert a.title == HEAD and crumb not in a.text and keeps_story(a)


@pytest.mark.parametrize(
    ("top", "outlet"),
    [
        (
            "Skip to main content\nNordmere Food Safety Agency\n\nALLERGY ALERT\n",
            "Nordmere Food Safety Agency",
        ),
        ("Riverbend Daily\nHome | News | Sport\n\nEXCLUSIVE\n", "Riverbend Daily"),
    ],
)
def test_capitals_under_the_sites_name_are_a_kicker_not_the_outlet(top: str, outlet: str) -> None:
    a = read(f"{top}\n{HEAD}\n\n{BODY}\n")
    assert (a.title, a.outlet) == (HEAD, outlet) and keeps_story(a)


def test_a_masthead_in_capitals_at_the_top_still_names_the_site() -> None:
    a = read(f"THE MARSH COURIER\n\n{HEAD}\n\n{BODY}\n")
    assert a.outlet == "The Marsh Courier"


@pytest.mark.parametrize("line", ["[ DONATE NOW ]", "[ ▶ Play episode ]   [ Download MP3 ]"])
def test_a_line_of_buttons_is_chrome_and_names_no_site(line: str) -> None:
    a = read(
        f"Harbour Lights Food Network\nAbout us | Get help | Donate\n{line}\n\n{HEAD}\n\n{BODY}\n"
    )
    assert a.outlet == "Harbour Lights Food Network" and line not in a.text


def test_a_story_line_in_brackets_with_a_colon_or_digits_stays() -> None:
    body = f"{BODY}\n\n[Pictured: the old pool in 1972]\n\nThe pool closed in 2019 [1]."
    a = read(f"{HEAD}\n\n{body}\n")
    assert "The pool closed in 2019 [1]." in a.text


@pytest.mark.parametrize(
    "banner",
    ["This article is more than 5 years old", "This story was published over two years ago."],
)
def test_an_archive_banner_is_no_headline(banner: str) -> None:
    a = read(f"The Westmarch Herald\nNews | Politics | Sport\n\n{banner}\n\n{HEAD}\n\n{BODY}\n")
    assert a.title == HEAD and banner not in a.text


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Released 9 April 2025 · 52 min", "2025-04-09"),
        ("Issued: 28 April 2025", "2025-04-28"),
    ],
)
def test_released_and_issued_label_a_publication_date(line: str, date: str) -> None:
    a = read(f"{HEAD}\n\n{line}\nShow notes by Lucy Tarrant\n\n{BODY}\n")
    assert (a.date, a.author) == (date, "Lucy Tarrant") and keeps_story(a)


def test_compiled_by_alone_at_the_end_names_the_writer() -> None:
    a = read(f"{HEAD}\n\n{BODY}\n\nCompiled by Jamie Rennard\n\nMOST READ\n1. Roadworks go on\n")
    assert a.author == "Jamie Rennard" and keeps_story(a)
    wire = read(f"{HEAD}\n\n{BODY}\n\nCompiled by Bengaluru newsroom; Editing by Jan Hart\n")
    assert wire.author is None  # a wire story's credits name no writer


@pytest.mark.parametrize("word", ["Summary", "Background"])
def test_a_one_word_subhead_under_the_headline_is_no_byline(word: str) -> None:
    a = read(f"{HEAD}\n\nPosted: 3 February 2025\n\n{word}\n\n{BODY}\n")
    assert (a.author, a.date) == (None, "2025-02-03")
    named = read(f"{HEAD}\n\nMegan Hartley\n\n{BODY}\n")
    assert named.author == "Megan Hartley"  # a person's full name under it still is


@pytest.mark.parametrize(
    "line", ["Election date: Thursday 1 May 2025", "Closing date: 14 June 2024"]
)
def test_another_events_labelled_date_does_not_date_the_page(line: str) -> None:
    a = read(f"{HEAD}\n\n{line}\n\n{BODY}\n")
    assert (a.date, a.author) == (None, None)


def test_a_name_with_for_heading_a_breadcrumb_names_the_site() -> None:
    html = (
        "<html><head><title>Press release: pool to be rebuilt</title></head><body>"
        '<p><a href="/">Department for Roads and Regional Growth</a> &gt; <a href="/news">News</a>'
        f" &gt; Press releases</p><h1>{HEAD}</h1>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + "</body></html>"
    )
    assert read(html, ".html").outlet == "Department for Roads and Regional Growth"


@pytest.mark.parametrize(
    ("top", "foot"),
    [
        ("The Pellingford Courier\n", "(c) 2025 Pellingford Courier Ltd. All rights reserved."),
        ("The Marsh Courier\nHome | News\n", "© Marsh Courier Media 2024"),
    ],
)
def test_the_mastheads_full_form_of_the_copyright_holders_name(top: str, foot: str) -> None:
    a = read(f"{top}\n{HEAD}\n\n{BODY}\n\n{foot}\n")
    assert a.outlet == top.splitlines()[0]


@pytest.mark.parametrize(
    ("top", "foot", "outlet"),
    [
        (
            "THE HALBROOK EVENING POST\nNews | Sport\n",
            "© Halbrook Evening Post 2025",
            "The Halbrook Evening Post",
        ),
        (
            "THE MARSH COURIER\n",
            "(c) 2024 Marsh Courier Ltd. All rights reserved.",
            "The Marsh Courier",
        ),
    ],
)
def test_a_masthead_in_capitals_over_its_copyright_is_written_as_a_name(
    top: str, foot: str, outlet: str
) -> None:
    assert read(f"{top}\n{HEAD}\n\n{BODY}\n\n{foot}\n").outlet == outlet


@pytest.mark.parametrize(
    ("top", "outlet"),
    [
        (
            "TAWU - Transit & Allied Workers' Union\nJoin us | News\n",
            "Transit & Allied Workers' Union",
        ),
        ("RNLI | Royal National Lifeboat Institution\n", "Royal National Lifeboat Institution"),
        ("BBC - Home\n", "BBC"),  # "Home" is no name the letters begin
    ],
)
def test_an_acronym_masthead_is_the_name_it_spells_out(top: str, outlet: str) -> None:
    assert read(f"{top}\n{HEAD}\n\n{BODY}\n").outlet == outlet


@pytest.mark.parametrize(
    "line",
    ["Compiled by Hamish Corrigan, readers' editor", "Compiled by Hamish Corrigan"],
)
def test_compiled_by_under_the_headline_is_its_byline(line: str) -> None:
    a = read(f"THE MARLBURY STANDARD\n\n{HEAD}\n\n{line}\nThu 26 June 2025 06:00 BST\n\n{BODY}\n")
    assert (a.author, a.date) == ("Hamish Corrigan", "2025-06-26") and keeps_story(a)

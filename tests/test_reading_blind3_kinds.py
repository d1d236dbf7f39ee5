"""Page widgets and chrome of further shapes (issue 11, third round), each tried on pages
written here in different formats: a prompt ending in bracketed buttons (above the headline
too), a newsletter sign-up or a licence footer in any language, a wiki's table of contents,
a teaser list that ends at an author box, "More <section>" over a list of links, a comment
section opened by a count ("Kommentare (62)"), a wire story's notes after its credits.
Story text always stays: subheads, footnote marks, a short paragraph after the credits.
"""

from __future__ import annotations

import pytest

from index.articles import parse_article
from index.reading.chrome import chrome_reason
from index.reading.widgets import table_of_contents, widget_reason

HEAD = "Ferry operator cancels winter timetable after second engine failure"
STORY = [
    "The island ferry will not run its winter timetable after a second engine failed on Monday, the operator said.",
    "Passengers were told that a replacement boat would be chartered from the mainland by the end of the month.",
    "Islanders said the cancellations had left them unable to reach hospital appointments on time.",
]
BODY = "\n\n".join(STORY)


def read(source: str, suffix: str = ".txt"):  # type: ignore[no-untyped-def]
    return parse_article(source.encode(), "t", suffix)


def keeps_story(a) -> bool:  # type: ignore[no-untyped-def]
    paragraphs = a.text.split("\n\n")
    return all(p in paragraphs for p in STORY)


def dropped(a) -> set[str]:  # type: ignore[no-untyped-def]
    return {line for line, _ in a.dropped}


# ---- prompts with buttons, newsletter sign-ups, licence footers ---------------------------


@pytest.mark.parametrize(
    "prompt",
    [
        "🔔 Turn on breaking news alerts?  [Yes please] [Not now]",
        "En poursuivant votre navigation, vous acceptez l'utilisation de cookies. [J'accepte] [Personnaliser]",
        "Get our morning briefing in your inbox [Subscribe]",
    ],
)
def test_a_prompt_with_buttons_is_not_the_headline(prompt: str) -> None:
    a = read(f"THE ISLAND TIMES\n{prompt}\n\n{HEAD}\n\nBy Mairi Strachan\n\n{BODY}\n")
    assert (a.title, a.author) == (HEAD, "Mairi Strachan")
    assert prompt.replace("  ", " ") in dropped(a) and keeps_story(a)


def test_a_prompt_with_buttons_in_markdown() -> None:
    a = read(f"Allow notifications from this site? [Allow] [Block]\n\n# {HEAD}\n\n{BODY}\n", ".md")
    assert a.title == HEAD and keeps_story(a)
    assert "Allow notifications from this site? [Allow] [Block]" not in a.text


@pytest.mark.parametrize(
    "line",
    [
        "History [edit]",  # a wiki's subhead with its one edit link
        "The council voted 7-4 [1] [2]",  # footnote marks
        "[Image: The ferry at the pier. Photograph: Ann Roe]",  # a caption, read as one
        "Will the ferry run in spring? [Editor's note]",
    ],
)
def test_a_subhead_a_footnote_or_one_bracket_is_no_prompt(line: str) -> None:
    assert widget_reason(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Newsletter: Die wichtigsten Nachrichten aus der Region jeden Morgen in Ihrem Postfach. Jetzt anmelden!",
        "Recevez chaque matin l'essentiel de l'actualité. Inscrivez-vous à notre newsletter.",
        "Suscríbete a nuestro boletín y recibe cada mañana las noticias.",
    ],
)
def test_a_newsletter_sign_up_in_any_language_is_chrome(line: str) -> None:
    assert chrome_reason(line) == "call to action"
    a = read(f"{HEAD}\n\nBy Mairi Strachan\n\n{BODY}\n\n{line}\n")
    assert line not in a.text and keeps_story(a)


def test_a_story_about_a_newsletter_is_kept() -> None:
    said = "The council's newsletter, which 4,000 residents receive, will print the new timetable."
    a = read(f"{HEAD}\n\nBy Mairi Strachan\n\n{BODY}\n\n{said}\n\n{STORY[0]} Again.\n")
    assert said in a.text


@pytest.mark.parametrize(
    ("page", "suffix"),
    [
        (
            "Text is available under the Creative Commons Attribution-ShareAlike License; additional terms may apply.",
            ".txt",
        ),
        ("Content is licensed under a Creative Commons BY 4.0 licence.", ".md"),
    ],
)
def test_a_licence_footer_is_chrome(page: str, suffix: str) -> None:
    a = read(f"{HEAD}\n\n{BODY}\n\n{page}\n", suffix)
    assert page not in a.text and keeps_story(a)


# ---- a table of contents --------------------------------------------------------------------

WIKI_TXT = """Harrowby
From Openwiki, the free encyclopedia

Harrowby is a fishing village on the east coast, with a population of 2,140 at the last census.

Contents
1 History
2 Harbour
3 Notable people

History [edit]
The village grew around a herring fishery in the 18th century and had 60 boats by 1850.

Harbour [edit]
The stone harbour was rebuilt in 1932 after a storm destroyed the old pier.

Notable people [edit]
- Agnes Lowrie (1890–1961), lifeboat crew member
"""

WIKI_MD = """# Harrowby

Harrowby is a fishing village on the east coast, with a population of 2,140 at the last census.

Table of contents

1. History
2. Harbour
3. Notable people

## History

The village grew around a herring fishery in the 18th century and had 60 boats by 1850.

## Harbour

The stone harbour was rebuilt in 1932 after a storm destroyed the old pier.

## Notable people

- Agnes Lowrie (1890–1961), lifeboat crew member
"""


@pytest.mark.parametrize(("page", "suffix"), [(WIKI_TXT, ".txt"), (WIKI_MD, ".md")])
def test_a_table_of_contents_is_chrome_and_the_subheads_stay(page: str, suffix: str) -> None:
    a = read(page, suffix)
    lines = a.text.split("\n\n")
    assert not any(x in lines for x in ("Contents", "Table of contents", "1 History", "1. History"))
    assert any(x.startswith("History") for x in lines) and any(
        x.startswith("Harbour") for x in lines
    )
    assert "- Agnes Lowrie (1890–1961), lifeboat crew member" in lines


def test_a_numbered_list_that_is_not_the_pages_subheads_stays() -> None:
    body = [
        "Contents",
        "1 Two ferries",
        "2 One lifeboat",
        "3 A harbour crane",
        "The harbour holds these.",
    ]
    assert table_of_contents(body) == set()


# ---- lists of links and author boxes under the story ------------------------------------


@pytest.mark.parametrize(
    ("teaser", "box"),
    [
        ("Read more:\n> Island school to close early\n> Harbour dues to rise", "ABOUT THE AUTHOR"),
        (
            "Related stories\n- Island school to close early\n- Harbour dues to rise",
            "About the writer",
        ),
    ],
)
def test_a_teaser_list_ends_at_the_author_box(teaser: str, box: str) -> None:
    bio = "Mairi Strachan covers the islands for The Island Times. Contact: mairi@example.org"
    a = read(f"THE ISLAND TIMES\n\n{HEAD}\n\n{BODY}\n\n{teaser}\n\n{box}\n{bio}\n")
    assert a.author == "Mairi Strachan"
    assert bio not in a.text and "Island school to close early" not in a.text and keeps_story(a)


@pytest.mark.parametrize(
    "more",
    [
        "More obituaries\n• Harold Petrosyan, pharmacist, 88\n• Denise Okoro, librarian, 67",
        "More from Sport\n- Island side win the cup\n- Rowing club gets new boat",
    ],
)
def test_more_section_over_a_list_of_links_is_a_teaser(more: str) -> None:
    a = read(f"{HEAD}\n\nBy Mairi Strachan\n\n{BODY}\n\n{more}\n\n© 2024 The Island Times\n")
    assert not any(x in a.text for x in more.splitlines()) and keeps_story(a)


def test_a_more_subhead_over_prose_stays() -> None:
    a = read(f"{HEAD}\n\nBy Mairi Strachan\n\n{BODY}\n\nMore delays\n\n{STORY[0]} Again.\n")
    assert "More delays" in a.text


@pytest.mark.parametrize(
    ("count", "after"),
    [
        ("Kommentare (62)", "Jo: Wann fährt die Fähre wieder?"),
        ("12 commentaires", "Luc : Quelle honte pour les îliens."),
    ],
)
def test_a_counted_comment_label_opens_the_comment_section(count: str, after: str) -> None:
    more = "\n\n".join(f"{p[:-1]}, a resident said." for p in STORY)
    a = read(f"{HEAD}\n\nBy Mairi Strachan\n\n{BODY}\n\n{more}\n\n{count}\n{after}\n")
    assert count not in a.text and after not in a.text and keeps_story(a)


# ---- a wire story's notes after its credits ------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_short_lines_after_wire_credits_are_chrome(suffix: str) -> None:
    credits = "(Reporting by Mairi Strachan; Editing by Paul Roe)"
    note = "Our Standards: The Islandwire Trust Principles."
    a = read(f"{HEAD}\n\n{BODY}\n\n($1 = 0.79 pounds)\n\n{credits}\n\n{note}\n", suffix)
    # the story's own note above the credits stays; the agency's below them goes
    assert note not in a.text and credits not in a.text and "($1 = 0.79 pounds)" in a.text
    assert keeps_story(a)


def test_a_paragraph_after_credits_keeps_them_from_closing_the_story() -> None:
    credits = "(Reporting by Mairi Strachan; Editing by Paul Roe)"
    short = "Ferries resume."
    a = read(f"{HEAD}\n\n{BODY}\n\n{credits}\n\n{short}\n\n{STORY[2]} Again, they said.\n")
    assert short in a.text

"""Page shapes the blind8 tuning set brought that the reader got wrong on its first run,
each rule tried on differently written pages (not the set's own files).

"Copyright" written out, with or without ©, a year or "(c)"; TOML front matter between
`+++` lines (Hugo's); a newsletter saved as an email, its headers naming the headline, the
sender and the day, its writer signing at the end; a first sentence that ends inside a
closing quote; a byline label that is only the start of a word ("DIÁRIO …", "BYWATER …");
"Answered by" and a courtesy title ("Dr", "Prof.") before the writer's name.
"""

from __future__ import annotations

import pytest
from pages import BODY, HEAD, keeps_story, meta, read


@pytest.mark.parametrize(
    "line",
    [
        "Copyright 2024 The Marsh Courier",
        "© Copyright The Marsh Courier 2024. All rights reserved.",
        "Copyright (c) The Marsh Courier | Terms | Privacy",
        "Copyright © 2019-2024 The Marsh Courier.",
    ],
)
def test_copyright_written_out_names_the_holder(line: str) -> None:
    a = read(f"{HEAD}\n\n{BODY}\n\n{line}\n")
    assert a.outlet == "The Marsh Courier" and line not in a.text and keeps_story(a)


@pytest.mark.parametrize(
    ("front", "date", "author"),
    [
        (
            f'title = "{HEAD}"\ndate = 2024-03-05\nauthor = "Jane Doe"\ntags = ["pools"]',
            "2024-03-05",
            "Jane Doe",
        ),
        (
            f"title = '{HEAD}'\npublishDate = 2024-03-05T09:30:00+01:00\n"
            'authors = ["Jane Doe", "John Roe"]\n\n[params]\nsection = "News"',
            "2024-03-05",
            "Jane Doe and John Roe",
        ),
    ],
)
def test_toml_front_matter_is_read_like_yaml(front: str, date: str, author: str) -> None:
    a = read(f"+++\n{front}\n+++\n\n# {HEAD}\n\n{BODY}\n", ".md")
    assert (a.title, a.date, a.author) == (HEAD, date, author)
    assert "+++" not in a.text and "title =" not in a.text and keeps_story(a)


def test_toml_front_matter_that_does_not_parse_is_read_line_by_line() -> None:
    a = read(f'+++\ntitle = "{HEAD}"\nauthor = Jane Doe\n+++\n\n{BODY}\n', ".md")
    assert (a.title, a.author) == (HEAD, "Jane Doe") and keeps_story(a)


@pytest.mark.parametrize(
    ("headers", "sign", "outlet", "date"),
    [
        (
            "From: The Valley Grower <news@valleygrower.example>\nTo: reader@mail.example\n"
            f"Date: Tue, 04 Mar 2025 07:00:00 +0000\nSubject: {HEAD}\n",
            "Best wishes,\nJane Doe\nEditor, The Valley Grower",
            "The Valley Grower",
            "2025-03-04",
        ),
        (
            f'Subject: {HEAD}\nFrom: "Harbour Weekly" <hello@harbourweekly.example>\n'
            "Date: Sun, 6 Jul 2025 18:45:10 -0500\nList-Unsubscribe:\n <https://x.example/u>\n",
            "That is all for this week.\n\nJane Doe",
            "Harbour Weekly",
            "2025-07-06",
        ),
    ],
)
def test_an_emailed_newsletter_is_read_from_its_headers(
    headers: str, sign: str, outlet: str, date: str
) -> None:
    a = read(f"{headers}\nView this email in your browser\n\n{BODY}\n\n{sign}\n")
    assert meta(a) == (HEAD, outlet, date, "Jane Doe")
    assert "Subject:" not in a.text and keeps_story(a)


def test_a_from_line_without_an_address_is_no_email() -> None:
    a = read(f"From: our correspondent\nDate: today\n\n{HEAD}\n\n{BODY}\n")
    assert a.outlet is None and a.title == HEAD


@pytest.mark.parametrize(
    "first",
    [
        'Ask the Gardener: "Why are the leaves on my tomato plants curling at the edges?"',
        "The minister said the plan would go ahead (whatever the council decided.)",
        "«Nous ne reculerons pas», a déclaré la maire devant le conseil municipal hier soir.",
    ],
)
def test_a_first_sentence_keeps_its_closing_quote_as_the_title(first: str) -> None:
    a = read(f"{first}\n\n{BODY}\n")
    assert a.title == first


@pytest.mark.parametrize(
    ("masthead", "byline", "outlet", "author"),
    [
        ("DIÁRIO DA SERRA", "Por Ana Sousa", "Diário da Serra", "Ana Sousa"),
        ("BYWATER GAZETTE", "By Jane Doe", "Bywater Gazette", "Jane Doe"),
        ("PARKSIDE TIMES", "", "Parkside Times", None),
    ],
)
def test_a_byline_label_is_a_whole_word(
    masthead: str, byline: str, outlet: str, author: str | None
) -> None:
    a = read(f"{masthead}\n\n{HEAD}\n\n{byline}\n\n{BODY}\n")
    assert (a.title, a.outlet, a.author) == (HEAD, outlet, author) and keeps_story(a)


@pytest.mark.parametrize(
    "line",
    [
        "Answered by Dr Jane Doe, veterinary surgeon",
        "Questions answered by Jane Doe",
        "By Prof. Jane Doe",
        "By DR JANE DOE, Health Editor",
    ],
)
def test_answered_by_and_a_courtesy_title_name_the_writer(line: str) -> None:
    a = read(f"{HEAD}\n\n{line}\n\n{BODY}\n")
    assert (a.title, a.author) == (HEAD, "Jane Doe") and line not in a.text and keeps_story(a)


def test_an_email_nobody_signs_has_no_author() -> None:
    a = read(
        "From: Harbour Weekly <hello@harbourweekly.example>\n"
        f"Subject: {HEAD}\n\n{BODY}\n\nUnsubscribe | Preferences\nHarbour Weekly Ltd, Mill Lane\n"
    )
    assert (a.title, a.outlet, a.author) == (HEAD, "Harbour Weekly", None) and keeps_story(a)

"""Reading articles: the seed files' true metadata and boilerplate, front matter, .md/.html, bad files."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import SEED_CORPUS

from index.articles import find_article_files, parse_article, read_article
from index.shared.errors import UnreadableArticle


def seed(aid: str):  # type: ignore[no-untyped-def]
    return read_article(SEED_CORPUS / f"{aid}.txt")


def source_lines(aid: str) -> list[str]:
    raw = (SEED_CORPUS / f"{aid}.txt").read_text(encoding="utf-8")
    return [re.sub(r"\s+", " ", line).strip() for line in raw.splitlines() if line.strip()]


def paragraphs(article) -> list[str]:  # type: ignore[no-untyped-def]
    return article.text.split("\n\n")


# (id, title, outlet, date, url, author, true year): the truth of each seed file. Only 000
# states its date; the others are undated, whatever years their text mentions (001 is from
# 2018 though it names 2016; 003 says "the events of 2020").
SEED_TRUTH = [
    (
        "000_3ba337d3c1581c61",
        "Exclusive Kanye West Feels ‘Much Happier’ in Wyoming Amid Marriage Drama With Kim: "
        "He’s ‘Refusing’ to ‘Move Back’",
        "In Touch",  # "a source tells In Touch exclusively"
        "2020-07-30",
        None,
        None,
        "2020",
    ),
    (
        "001_597ced425cf51d30",
        "Kanye West Leaves Kim Kardashian After Massive Fight – See Details",
        "In Touch",  # the staff byline "In Touch Staff" names the publication
        None,
        "https://www.intouchweekly.com/posts/kanye-west-leaves-kim-kardashian-159645",
        "In Touch Staff",
        "2018",
    ),
    (
        "002_b1f3a68a7abbe948",
        "Source Says Kim Kardashian Is Being ‘Incredibly Patient’ With Kanye West’s "
        "Presidential Run; Marriage ‘Still Needs Work’",
        None,  # it only names outlets it quotes (PEOPLE, the Daily Mail), not itself
        None,
        None,
        "RaquelHarris",  # from the "About RaquelHarris" author box under the story
        "2020",
    ),
    (
        "003_ab80ad7370848eac",
        # no headline stated: the first sentence stands in as a label
        "We think it’s safe to say it’s been a tumultuous year for just about everyone.",
        "The Hollywood Gossip",  # from the repeated "The Hollywood Gossip Logo" lines
        None,
        None,
        None,
        "2020",
    ),
]
SEED_METADATA = [row[:6] for row in SEED_TRUTH]


@pytest.mark.parametrize(("aid", "title", "outlet", "date", "url", "author", "year"), SEED_TRUTH)
def test_seed_metadata_is_the_truth(aid, title, outlet, date, url, author, year):  # type: ignore[no-untyped-def]
    from bot.newsdesk.dates import article_date

    article = seed(aid)
    assert article.id == aid
    assert (article.title, article.outlet, article.date, article.url, article.author) == (
        title,
        outlet,
        date,
        url,
        author,
    )
    assert article.content_hash and article.path.endswith(f"{aid}.txt")
    # A label is the stated date or "undated": never a wrong year (001 was "2016?").
    label = article_date(article).label
    assert label == "undated" or label.startswith(year)


@pytest.mark.parametrize("aid", [row[0] for row in SEED_METADATA])
def test_cleaning_only_removes_whole_lines(aid: str) -> None:
    """Citations quote the cleaned text, so every kept paragraph is a source line verbatim,
    and every line that left is listed with its reason."""
    lines = source_lines(aid)
    article = seed(aid)
    for para in paragraphs(article):
        assert para in lines, para
    assert "\n\n\n" not in article.text and article.text == article.text.strip()
    assert sorted(paragraphs(article) + [line for line, _ in article.dropped]) == sorted(lines)


def test_000_date_head_is_metadata_and_every_sentence_kept() -> None:
    article = seed("000_3ba337d3c1581c61")
    paras = paragraphs(article)
    assert "date 2020-07-30" not in article.text
    assert article.title not in article.text  # the headline is metadata, not a quote
    assert paras[0].startswith("Rocky ground. Kanye West is “refusing")
    assert paras[-1].endswith("give Kim and her kids a “sense of normality.”")
    # Nothing but the head line was dropped: the 10 paragraphs of prose stay.
    assert len(paras) == len(source_lines("000_3ba337d3c1581c61")) - 1
    assert article.dropped == ((source_lines("000_3ba337d3c1581c61")[0], "dateline"),)


def test_001_url_and_author_lines_are_metadata_and_promo_dropped() -> None:
    article = seed("001_597ced425cf51d30")
    paras = paragraphs(article)
    assert "intouchweekly.com" not in article.text
    assert "In Touch Staff" not in article.text
    assert article.title not in article.text
    assert paras[0].startswith("Just when it seemed things couldn’t get any worse.")
    assert "pick up the new issue of In Touch magazine" not in article.text
    # The last article sentence, right before the magazine plug, stays.
    assert paras[-1].endswith('to make it offcial and divorce him."')
    assert (
        dict(article.dropped)[
            "For more on this, pick up the new issue of In Touch magazine, on stands now!"
        ]
        == "print plug"
    )


def test_002_author_box_teaser_and_comment_prompt_dropped() -> None:
    article = seed("002_b1f3a68a7abbe948")
    for chrome in (
        "About RaquelHarris",
        "Check Also",
        "COVid Vaccine",
        "Trump Administration Lied",
        "reserved amount of second vaccine doses",
        "Leave a Reply",
        "Kim Kardashian on Kanye",  # image tag line under the story
    ):
        assert chrome not in article.text, chrome
    paras = paragraphs(article)
    assert paras[0].startswith("Kim Kardashian is reportedly being")
    # The article's own last sentence, just above the tag line and author box, stays.
    assert paras[-1].endswith("He’s saying it’s a higher calling,” said an insider.")
    assert "$6 million of his own money" in article.text
    assert len(paras) == 5  # five paragraphs of prose; the headline is metadata


def test_003_navigation_logos_and_captions_dropped_neighbours_kept() -> None:
    article = seed("003_ab80ad7370848eac")
    for chrome in ("Skip to Content", "The Hollywood Gossip Logo", "Logo"):
        assert chrome not in article.text, chrome
    paras = paragraphs(article)
    # A short line between paragraphs with no sign of being a caption (no credit, no
    # "Photo:") could as well be a subhead: article text is never dropped on a guess.
    before = paras.index(
        '"Kim is exhausted from continually trying but keeps their vows in mind when making any '
        "pertinent decisions. And Kanye is working on his psychological health and mental "
        'state," a source tells the outlet.'
    )
    assert paras[before + 1] == "The Kanye Stare"
    assert paras[before + 2].startswith('"The family and Kanye are still in contact')
    # Sentences on either side of a logo line stay too.
    i = paras.index(
        "And it seems that the events of 2020 have been particularly damaging to the marriage "
        "of Kim Kardashian and Kanye West."
    )
    assert paras[i + 1].startswith("The relationship has been showing signs of strain")
    assert (
        paras[0] == "We think it’s safe to say it’s been a tumultuous year for just about everyone."
    )
    assert paras[-1] == (
        "With any luck, she’ll soon deprive him of the opportunity by blind-siding him with a "
        "filing of her own."
    )
    chrome_lines = {"Skip to Content", "The Hollywood Gossip Logo"}
    prose = [line for line in source_lines("003_ab80ad7370848eac") if line not in chrome_lines]
    assert paras == prose


def test_front_matter_overrides_guesses(tmp_path: Path) -> None:
    body = (SEED_CORPUS / "003_ab80ad7370848eac.txt").read_text(encoding="utf-8")
    path = tmp_path / "thg.md"
    path.write_text(
        "---\n"
        "title: Kim Kardashian and Kanye West: Marriage Remains in Peril\n"
        "date: 2020-12-02\n"
        "url: https://www.thehollywoodgossip.com/2020/12/kim-kardashian-kanye-west/\n"
        "author: Tyler Johnson\n"
        "section: celebrity\n"
        "---\n" + body,
        encoding="utf-8",
    )
    article = read_article(path)
    assert article.id == "thg"
    assert article.title == "Kim Kardashian and Kanye West: Marriage Remains in Peril"
    assert article.date == "2020-12-02"
    assert article.url == "https://www.thehollywoodgossip.com/2020/12/kim-kardashian-kanye-west/"
    assert article.author == "Tyler Johnson"
    assert article.outlet == "The Hollywood Gossip"
    assert article.extra == {"section": "celebrity"}
    # The front matter is metadata, not article text; the body is cleaned as before.
    assert "---" not in article.text and "Tyler Johnson" not in article.text
    assert article.text == seed("003_ab80ad7370848eac").text


def test_front_matter_outlet_wins_and_bad_date_is_ignored(tmp_path: Path) -> None:
    body = (SEED_CORPUS / "002_b1f3a68a7abbe948.txt").read_text(encoding="utf-8")
    raw = f"---\noutlet: The Source\ndate: last tuesday\n---\n{body}".encode()
    article = parse_article(raw, "002_copy")
    assert article.outlet == "The Source"
    assert article.date is None  # not a date: the (absent) guess stands
    assert article.author == "RaquelHarris"


def test_md_is_read_like_txt(tmp_path: Path) -> None:
    src = SEED_CORPUS / "001_597ced425cf51d30.txt"
    md = tmp_path / "001_597ced425cf51d30.md"
    md.write_bytes(src.read_bytes())
    a, b = read_article(md), read_article(src)
    assert (a.id, a.title, a.text, a.url, a.author) == (b.id, b.title, b.text, b.url, b.author)


HTML = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>City Council Approves New Riverside Park | Riverton Daily</title>
<meta property="og:title" content="City Council Approves New Riverside Park">
<meta property="og:site_name" content="Riverton Daily">
<meta property="og:url" content="https://www.rivertondaily.example/news/riverside-park">
<meta name="author" content="Dana Whitfield">
<meta property="article:published_time" content="2021-03-14T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sports">Sports</a></nav>
<article>
<h1>City Council Approves New Riverside Park</h1>
<p>The Riverton city council voted seven to two on Tuesday to build a twelve-acre park along
the east bank of the river.</p>
<p>Construction is expected to begin in the spring of 2022 and will cost about 4.5 million
dollars, according to the parks department.</p>
<p>Mayor Elena Ruiz said the park would give families in the east side neighbourhoods their
first large green space within walking distance.</p>
</article>
<footer>Copyright 2021 Riverton Daily. All rights reserved. Privacy policy.</footer>
</body></html>
"""


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "riverside.html"
    path.write_text(HTML, encoding="utf-8")
    article = read_article(path)
    assert article.id == "riverside"
    assert article.title == "City Council Approves New Riverside Park"
    assert article.outlet == "Riverton Daily"
    assert article.date == "2021-03-14"
    assert article.url == "https://www.rivertondaily.example/news/riverside-park"
    assert article.author == "Dana Whitfield"
    assert "voted seven to two on Tuesday to build a twelve-acre park" in article.text
    assert "first large green space within walking distance." in article.text
    for chrome in ("Sports", "Copyright", "Privacy policy"):
        assert chrome not in article.text


def test_find_article_files_accepts_txt_md_html_only(tmp_path: Path) -> None:
    for name in ("a.txt", "b.md", "c.html", "sub/d.TXT", "e.pdf", "f.json", ".hidden.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Some article text here.", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in find_article_files(tmp_path)]
    assert found == ["a.txt", "b.md", "c.html", "sub/d.TXT"]


def test_binary_file_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(UnreadableArticle, match=r"photo\.txt.*binary"):
        read_article(path)


def test_non_utf8_file_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Le café était fermé à Noël, a déclaré le propriétaire.".encode("latin-1"))
    with pytest.raises(UnreadableArticle, match=r"latin\.txt.*UTF-8"):
        read_article(path)


def test_unreadable_paths_are_refused_by_name(tmp_path: Path) -> None:
    # Tests run as root, where chmod 000 blocks nothing: a dangling symlink and a
    # directory with an article's name are unreadable for everyone.
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "missing-target.txt")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert {p.name for p in find_article_files(tmp_path)} == {"gone.txt", "folder.txt"}
    for path in (dangling, folder):
        with pytest.raises(UnreadableArticle, match=re.escape(path.name)) as info:
            read_article(path)
        assert "\n" not in str(info.value)


def test_file_without_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blank.md"
    path.write_text("---\ntitle: Only a title\n---\n\n   \n", encoding="utf-8")
    with pytest.raises(UnreadableArticle, match=r"blank\.md"):
        read_article(path)


def test_fifo_is_refused_instead_of_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # reading it would wait forever for a writer
    assert [p.name for p in find_article_files(tmp_path)] == ["pipe.txt"]
    with pytest.raises(UnreadableArticle, match=r"pipe\.txt: not a regular file"):
        read_article(fifo)


def test_markdown_headings_and_byline(tmp_path: Path) -> None:
    path = tmp_path / "storm.md"
    path.write_text(
        "# Storm Hits Coast\n\nBy Jane Doe\n\n"
        "A powerful storm hit the northern coast on Sunday, cutting power to 40,000 homes.\n\n"
        "## Damage assessed ##\n\n"
        "Officials said repairs would take at least a week, according to the utility.\n",
        encoding="utf-8",
    )
    article = read_article(path)
    assert article.title == "Storm Hits Coast"  # a first-line heading is the title, short or not
    assert article.author == "Jane Doe"
    assert "#" not in article.text and "By Jane Doe" not in article.text
    assert paragraphs(article) == [
        "A powerful storm hit the northern coast on Sunday, cutting power to 40,000 homes.",
        "Damage assessed",  # a subhead is article text
        "Officials said repairs would take at least a week, according to the utility.",
    ]


def test_html_without_title_gets_one_from_its_first_sentence() -> None:
    html = (
        "<html><body><article><p>The bridge over the Elk River reopened on Monday after six "
        "months of repairs, the state transport agency said.</p><p>Traffic was light in the "
        "morning but picked up by noon, officials said.</p></article></body></html>"
    )
    article = parse_article(html.encode(), "bridge", ".html")
    assert article.title.startswith("The bridge over the Elk River reopened on Monday")
    assert article.title != "bridge" and len(article.title) <= 91
    assert "picked up by noon" in article.text


def test_sources_json_lists_the_seeds_true_metadata(indexed) -> None:  # type: ignore[no-untyped-def]
    import json
    import subprocess
    import sys

    env = {**os.environ, "CITEBOT_HOME": str(indexed.home), "CITEBOT_CORPUS": str(indexed.corpus)}
    out = subprocess.run(
        [sys.executable, "-m", "bot.cli", "sources", "--json"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    rows = {r["id"]: r for r in json.loads(out.stdout)}
    for aid, title, outlet, date, url, author, _year in SEED_TRUTH:
        r = rows[aid]
        assert (r["title"], r["outlet"], r["date"], r["url"], r["author"]) == (
            title, outlet, date, url, author,
        )  # fmt: skip
        assert r["date_label"] == (date or "undated") and r["chunks"] > 0

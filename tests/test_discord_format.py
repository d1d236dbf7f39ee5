"""Answers as Discord embeds: every limit holds, trims land on boundaries, markdown escaped."""

from __future__ import annotations

from dataclasses import replace

import discord
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.models import Answer, AnswerSentence, Citation, Difference
from bot.discord_bot import format as fmt
from index.shared.article import Article, ArticleMeta

WORDS = "Officials said the **council** vote_on Tuesday ~~was~~ `final` and @everyone cheered. "


def big_answer(
    n_citations: int = 40, passage_words: int = 400, question: str = "What happened?"
) -> Answer:
    passage = (WORDS * (passage_words // 12 + 1)).strip()
    cits = [
        Citation(
            n=i + 1,
            article=ArticleMeta(
                id=f"art-{i}",
                title=f"Title number {i} with *stars* and a long tail " * 3,
                outlet="Example Gazette",
                date="2020-07-30",
                url=f"https://example.org/news/{i}",
            ),
            passage=passage,
            score=0.5,
        )
        for i in range(n_citations)
    ]
    sentences = [AnswerSentence(passage[: 300 + i], i + 1) for i in range(n_citations)]
    text = " ".join(f"{s.text} [{s.n}]" for s in sentences)
    return Answer(question, True, text, cits, sentences, searched=1234, elapsed_ms=87.6)


def assert_within_limits(embed: discord.Embed) -> None:
    assert len(embed.title or "") <= fmt.TITLE_MAX
    assert len(embed.description or "") <= fmt.DESCRIPTION_MAX
    assert len(embed.fields) <= fmt.FIELDS_MAX
    for f in embed.fields:
        assert 0 < len(f.name or "") <= fmt.FIELD_NAME_MAX
        assert 0 < len(f.value or "") <= fmt.FIELD_VALUE_MAX
    assert len(embed.footer.text or "") <= fmt.FOOTER_MAX
    assert len(embed) <= fmt.EMBED_TOTAL_MAX


def test_answer_with_long_passages_and_40_citations_fits_every_limit() -> None:
    answer = big_answer(40, passage_words=2000, question="Why? " * 600)
    embed = fmt.answer_embed(answer)
    assert_within_limits(embed)
    assert len(embed.fields) >= 10  # trimmed, but most sources still shown
    assert "more sources not shown" in (embed.footer.text or "")
    assert embed.description and embed.description.rstrip().endswith("]")
    # the payload Discord receives is what was measured
    payload = embed.to_dict()
    assert len(payload["fields"]) <= 25


@pytest.mark.parametrize("n", [0, 1, 3, 10, 25, 26])
def test_limits_for_any_citation_count(n: int) -> None:
    embed = fmt.answer_embed(big_answer(n, passage_words=600))
    assert_within_limits(embed)
    assert len(embed.fields) == min(n, len(embed.fields))


def with_differences(answer: Answer, count: int = 5, quote_words: int = 300) -> Answer:
    """The answer with news-desk annotations at their longest: inferred dates, attributions,
    long quote links, and `count` disagreements quoting long sentences."""
    quote = (WORDS * (quote_words // 12 + 1)).strip()
    cits = [
        replace(
            c,
            date_label="2020?",
            attribution="an insider (unnamed), via *PEOPLE* Magazine " * 3,
            link=f"{c.url}#:~:text={'x%20' * 90}",
        )
        for c in answer.citations
    ]
    n = max(len(cits), 1)
    diffs = [
        Difference(i % n + 1, (i + 1) % n + 1, "live/apart " * 10, quote, "never " + quote)
        for i in range(count)
    ]
    return replace(answer, citations=cits, differences=diffs)


@pytest.mark.parametrize("n", [1, 2, 10, 24, 25, 40])
def test_limits_hold_with_sources_differ_and_annotations(n: int) -> None:
    answer = with_differences(big_answer(n, passage_words=2000, question="Why? " * 600))
    embed = fmt.answer_embed(answer)
    assert_within_limits(embed)
    assert embed.fields[0].name == fmt.DIFFER_TITLE
    differ = embed.fields[0].value or ""
    assert "[1] Example Gazette · 2020?: “" in differ and "never" in differ
    assert sum(f.name == fmt.DIFFER_TITLE for f in embed.fields) == 1
    cited = embed.fields[1:]
    assert cited, "sources are still shown next to the disagreement"
    for f in cited:
        assert "Example Gazette · 2020?" in (f.value or "")
    hidden = n - len(cited)
    assert (f"{hidden} more source" in (embed.footer.text or "")) == (hidden > 0)


def test_citation_field_shows_date_label_attribution_and_quote_link() -> None:
    cit = Citation(
        1, ArticleMeta("a1", "Split", "PEOPLE", None, "https://x.org/a"), "They are fine.", 0.9,
        date_label="2020?", attribution="an insider (unnamed), via PEOPLE",
        link="https://x.org/a#:~:text=They%20are%20fine.",
    )  # fmt: skip
    answer = Answer(
        "Fine?", True, "They are fine. [1]", [cit], [AnswerSentence("They are fine.", 1)]
    )
    value = fmt.answer_embed(answer).fields[0].value or ""
    assert value.startswith("PEOPLE · 2020?\n")
    assert "*attributed to an insider (unnamed), via PEOPLE*" in value
    assert value.endswith("[Read the article](https://x.org/a#:~:text=They%20are%20fine.)")
    plain = fmt.answer_embed(
        replace(answer, citations=[replace(cit, date_label=None, attribution=None, link=None)])
    )
    value = plain.fields[0].value or ""
    assert value.startswith("PEOPLE · undated\n") and "attributed" not in value
    assert value.endswith("[Read the article](https://x.org/a)")


def test_short_answer_keeps_everything_and_footer_counts() -> None:
    cit = Citation(
        1,
        ArticleMeta("a1", "Budget passes", "Gazette", "2021-01-02", "https://x.org/a"),
        "The budget passed 5-4.",
        0.9,
    )
    answer = Answer(
        "Did it pass?",
        True,
        "The budget passed 5-4. [1]",
        [cit],
        [AnswerSentence("The budget passed 5-4.", 1)],
        searched=42,
        elapsed_ms=12.3,
    )
    embed = fmt.answer_embed(answer)
    assert embed.description == "The budget passed 5-4. [1]"
    assert embed.fields[0].name == "[1] Budget passes"
    assert "Gazette · 2021-01-02" in embed.fields[0].value
    assert "> “The budget passed 5-4.”" in embed.fields[0].value
    assert "[Read the article](https://x.org/a)" in embed.fields[0].value
    assert embed.footer.text == "42 passages searched · 12 ms"


def test_refusal_says_so_plainly_without_fields() -> None:
    answer = Answer(
        "Who won the 1930 World Cup?", False, "The articles do not cover this.", kind="refusal"
    )
    embed = fmt.answer_embed(answer)
    assert embed.description == "The articles do not cover this."
    assert embed.fields == []


def test_markdown_and_mentions_in_passages_are_escaped() -> None:
    cit = Citation(
        1,
        ArticleMeta("a", "T"),
        "Hi @everyone and <@&123456789012345678>, **bold** _it_ ||spoiler||",
        0.5,
    )
    answer = Answer("q", True, "x [1]", [cit], [AnswerSentence("Hi @everyone **bold**", 1)])
    embed = fmt.answer_embed(answer)
    value = embed.fields[0].value
    assert "@everyone" not in value and "@\u200beveryone" in value
    assert "<@&123456789012345678>" not in value
    assert "\\*\\*bold\\*\\*" in value and "\\|\\|spoiler\\|\\|" in value
    assert "@everyone" not in (embed.description or "")
    assert "unknown outlet · undated" in value


def test_trim_prefers_sentence_then_word_boundary() -> None:
    text = "First sentence here. Second sentence is longer than the first one."
    assert fmt.trim(text, 30) == "First sentence here."
    cut = fmt.trim("alpha beta gamma delta epsilon", 18)
    assert cut == "alpha beta gamma…" and len(cut) <= 18
    assert fmt.trim("short", 100) == "short"


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab *_~`|>#-[]()@\\.! \n")), max_size=3000),
    st.integers(1, 1100),
)
def test_trimmed_escaped_text_never_breaks_markdown(text: str, limit: int) -> None:
    out = fmt.trim_escaped(text, limit)
    assert len(out) <= limit
    # every markdown character in the output is escaped: no dangling or half escapes
    i = 0
    while i < len(out):
        if out[i] == "\\":
            i += 2
            continue
        assert out[i] not in "*_~`|", out
        i += 1


def test_content_safe_fits_a_message() -> None:
    assert len(fmt.content_safe("x " * 5000)) <= fmt.CONTENT_MAX


def test_source_pages_paginate_and_link() -> None:
    arts = [
        Article(
            id=f"a{i}",
            title=f"Story *{i}*",
            outlet="Gazette",
            date="2020-01-01",
            url=f"https://x.org/{i}",
        )
        for i in range(23)
    ]
    pages = fmt.source_pages(arts)
    assert len(pages) == 3
    assert pages[0].title == "23 indexed articles"
    assert "[Story \\*0\\*](https://x.org/0)" in (pages[0].description or "")
    assert pages[2].footer.text == "Page 3 of 3"
    for p in pages:
        assert len(p) <= fmt.EMBED_TOTAL_MAX
    assert fmt.source_pages([])[0].description == "No articles are indexed yet."


def test_stats_embed_fields() -> None:
    embed = fmt.stats_embed(
        fmt.Stats(4, 31, "all-MiniLM-L6-v2", 1000.0, 7, "gen1"), now=1000.0 + 7300
    )
    values = {f.name: f.value for f in embed.fields}
    assert values["Articles"] == "4" and values["Passages"] == "31"
    assert values["Index age"].startswith("2 hours")
    assert values["Questions answered since start"] == "7"


def test_question_round_trips_through_the_title() -> None:
    q = "what did *Kanye* say about @everyone?"
    embed = fmt.answer_embed(Answer(q, False, "The articles do not cover this."))
    assert fmt.answer_question(embed) == q

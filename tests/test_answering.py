"""Answers quote the articles: verbatim sentences, verbatim short passages, honest refusals."""

from __future__ import annotations

import json
import re

import pytest
from conftest import DEV_QUESTIONS, OWN_QUESTIONS

from bot.core.models import Answer
from bot.evaluate import load_cases, run_eval
from index.articles import read_article
from index.shared.errors import BadQuestion

_MARKER = re.compile(r" \[(\d+)\](?: |$)")


def segments(text: str) -> list[tuple[str, str]]:
    """'First. [1] Second. [2]' -> [('First.', '1'), ('Second.', '2')]; nothing unmarked."""
    parts = _MARKER.split(text)
    assert parts[-1] == "", f"text after the last citation marker: {parts[-1]!r}"
    return list(zip(parts[0:-1:2], parts[1::2], strict=True))


# Out-of-corpus questions not in any eval file: the corpus is four celebrity stories.
OFF_TOPIC = [
    "What is the boiling point of water at sea level in Fahrenheit?",
    "Who won the 2018 FIFA World Cup final?",
    "How do I make sourdough bread at home?",
    "What is the capital city of Australia?",
    "Explain how photosynthesis works in plants.",
]


def questions(path) -> list[str]:  # type: ignore[no-untyped-def]
    return [json.loads(line)["q"] for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def answers(engine) -> list[Answer]:  # type: ignore[no-untyped-def]
    asked = questions(DEV_QUESTIONS) + questions(OWN_QUESTIONS) + OFF_TOPIC
    return [engine.answer(q) for q in asked]


@pytest.fixture(scope="module")
def cleaned(indexed) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The cleaned text of every corpus article, read afresh from the files."""
    return {p.stem: read_article(p) for p in sorted(indexed.corpus.glob("*.txt"))}


def test_every_answer_sentence_is_verbatim_in_its_cited_passage(answers) -> None:  # type: ignore[no-untyped-def]
    answered = [a for a in answers if a.answered]
    assert len(answered) >= 40  # the dev and own sets are mostly answerable
    for a in answered:
        # A metadata answer may rest on its article's metadata alone (no content quote).
        assert a.sentences or a.kind == "metadata", a.question
        for s in a.sentences:
            assert 1 <= s.n <= len(a.citations), a.question
            assert s.text and s.text in a.citations[s.n - 1].passage, (a.question, s.text)
        # What the user reads: every "sentence [n]" of the answer text quotes passage n.
        marked = segments(a.text)
        for i, (text, n) in enumerate(marked):
            c = a.citations[int(n) - 1]
            if a.kind == "metadata" and i == 0:
                # The one composed sentence: the cited article's own metadata, stated.
                stated = [v for v in (c.author, c.outlet, c.date) if v and v in text]
                assert stated and c.title in text, a.question
                continue
            assert text in c.passage, (a.question, text)
        # No idle citation: each is quoted in the text, in a "sources differ" note, or by one
        # of the answer's verbatim sentences (the close candidates cited after the answer).
        cited = {int(n) for _, n in marked} | {s.n for s in a.sentences}
        for d in a.differences:
            assert d.first_quote in a.citations[d.first - 1].passage, a.question
            assert d.second_quote in a.citations[d.second - 1].passage, a.question
            cited |= {d.first, d.second}
        assert cited == set(range(1, len(a.citations) + 1)), a.question


def test_every_passage_is_short_verbatim_article_text(answers, cleaned, indexed) -> None:  # type: ignore[no-untyped-def]
    for a in answers:
        for c in a.citations:
            article = cleaned[c.article_id]
            assert article.text[c.start : c.end] == c.passage, a.question  # type: ignore[attr-defined]
            assert c.passage.strip() == c.passage and c.passage, a.question
            assert len(c.passage) <= indexed.passage_chars, (a.question, len(c.passage))
            meta = (article.title, article.outlet, article.date, article.url)  # type: ignore[attr-defined]
            assert (c.title, c.outlet, c.date, c.url) == meta, a.question


def test_citations_are_numbered_in_rank_order(answers) -> None:  # type: ignore[no-untyped-def]
    for a in answers:
        assert [c.n for c in a.citations] == list(range(1, len(a.citations) + 1))
        if a.answered and not a.chronological and a.kind == "passages":
            # The answering sentence's passage first (it may be the best date, or the
            # newest word on the present, rather than the best score), then rank order.
            scores = [c.score for c in a.citations[1:]]
            assert scores == sorted(scores, reverse=True), a.question
        # Not near-duplicates: no passage is cited twice.
        spans = [(c.article_id, c.start) for c in a.citations]
        assert len(spans) == len(set(spans)), a.question


@pytest.mark.parametrize("question", OFF_TOPIC)
def test_out_of_corpus_questions_are_refused(engine, question: str) -> None:  # type: ignore[no-untyped-def]
    a = engine.answer(question)
    assert not a.answered, (question, a.text)
    assert a.citations == [] and a.sentences == []
    assert "do not cover" in a.text


def test_dev_set_scores_12_of_12_and_3_of_3(engine) -> None:  # type: ignore[no-untyped-def]
    report = run_eval(engine, load_cases(DEV_QUESTIONS))
    failed = [r.case.q for r in report.results if not r.hit]
    assert report.answerable == (12, 12), failed
    assert report.refused == (3, 3), failed


def test_k_bounds_the_answer_length(engine) -> None:  # type: ignore[no-untyped-def]
    q = "What did Kanye say about Kim and their marriage?"
    assert len(engine.answer(q, k=1).sentences) == 1
    assert 1 <= len(engine.answer(q, k=5).sentences) <= 5


def test_json_contract_types(engine) -> None:  # type: ignore[no-untyped-def]
    for q in ("Where did Kim fly after the reunion?", OFF_TOPIC[0]):
        out = json.loads(json.dumps(engine.answer(q).to_json()))
        assert isinstance(out["question"], str) and isinstance(out["answered"], bool)
        assert isinstance(out["answer"], str) and isinstance(out["citations"], list)
        for c in out["citations"]:
            assert isinstance(c["n"], int) and isinstance(c["score"], float)
            for key in ("article_id", "title", "passage"):
                assert isinstance(c[key], str)
            for key in ("outlet", "date", "url"):
                assert c[key] is None or isinstance(c[key], str)


@pytest.mark.parametrize("question", ["", "   \n\t ", "?!", "\u200b\u200b", "x" * 2001], ids=repr)
def test_unusable_questions_raise_bad_question(engine, question: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BadQuestion) as info:
        engine.answer(question)
    assert "\n" not in str(info.value)


def test_a_question_in_another_language_is_not_spelled_into_english() -> None:
    from bot.core.spelling import Vocabulary

    vocab = Vocabulary(["Il mulino di Valdorsa produce farina.", "The mill was restored in 1742."])
    for question in (
        "Quanti chili di farina al giorno produce il mulino?",
        "Quanto è costato il restauro del mulino?",
        "¿Cuánto cobra de media un conductor de autobús?",
    ):
        assert vocab.correct(question) == question
    assert vocab.correct("when was the mill restord") == "when was the mill restored"

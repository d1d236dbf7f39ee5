"""Articles in other languages are read, split, tokenised and found (issue 11).

Scripts without spaces are split at their own sentence marks and indexed as character
pairs; other languages are stemmed in their own language. The embedding model is
English-only, so it is lexical search that finds these articles.
"""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT, make_settings

from index.articles import parse_article
from index.chunking import split_sentences
from index.language import detect_language
from index.lexical import tokenize

GENERAL = ROOT / "eval" / "general" / "corpus"
JA = (
    "東京都、新しい防災計画を発表\n2022年9月1日 10:00\n記者 山田太郎\n\n"
    "東京都は1日、首都直下地震に備えた新しい防災計画を発表した。計画では、避難所の数を約二割増やすとしている。\n\n"
    "都の担当者は「住民の命を守るため、できることはすべてやる」と述べた。\n\n新しい計画は来年4月から実施される。\n"
)
DE = (
    "Startseite > Politik\n\nBundestag beschließt neues Mietgesetz für Großstädte\n\nVon Hans Müller\n"
    "12. März 2021, 14:30 Uhr\n\nDer Bundestag hat am Donnerstag ein neues Gesetz beschlossen, das die "
    "Mieten in den großen Städten begrenzen soll. Die Opposition kritisierte den Entwurf scharf.\n\n"
    "Die Regierung rechnet damit, dass das Gesetz im Sommer in Kraft tritt.\n"
)
FR = (
    "Lyon inaugure sa nouvelle ligne de tramway\n\nPar Marie Dupont\nPublié le 3 mars 2020\n\n"
    "La ville de Lyon a inauguré mardi une nouvelle ligne de tramway qui relie le centre-ville à "
    "l'aéroport en trente minutes. Elle a coûté 250 millions d'euros.\n"
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ((GENERAL / "g25_zh_news.txt").read_text(encoding="utf-8"), "zh"),
        (JA, "ja"),
        ((GENERAL / "g26_es_news.txt").read_text(encoding="utf-8"), "es"),
        (DE, "de"),
        (FR, "fr"),
        ((GENERAL / "g01_local_council.txt").read_text(encoding="utf-8"), "en"),
    ],
)
def test_language_detected_from_script_and_function_words(text: str, language: str) -> None:
    assert detect_language(text) == language
    assert parse_article(text.encode(), "x").language == language


def test_articles_without_spaces_are_read_with_their_metadata() -> None:
    a = parse_article(JA.encode(), "ja")
    assert (a.title, a.date, a.author) == ("東京都、新しい防災計画を発表", "2022-09-01", "山田太郎")
    assert a.text.startswith("東京都は1日")


def test_sentences_split_at_their_own_marks() -> None:
    text = "東京都は1日、新しい計画を発表した。計画では避難所を増やす。「できることはすべてやる」と述べた。"
    spans = [text[s.start : s.end] for s in split_sentences(text, "ja")]
    assert spans == [
        "東京都は1日、新しい計画を発表した。",
        "計画では避難所を増やす。",
        "「できることはすべてやる」と述べた。",
    ]
    es = "La Sra. García inauguró la planta. El acto duró dos horas."
    assert [es[s.start : s.end] for s in split_sentences(es, "es")] == [
        "La Sra. García inauguró la planta.",
        "El acto duró dos horas.",
    ]


def test_tokens_are_character_pairs_for_cjk_and_stems_in_the_article_language() -> None:
    assert tokenize("云川地铁开通") == ["云川", "川地", "地铁", "铁开", "开通"]
    assert tokenize("东京 Metro 3号线") == ["东京", "metro", "号线"]
    # Spanish is stemmed as Spanish: inflected forms meet at one stem, function words go.
    assert tokenize("las cooperativas nuevas", "es") == tokenize("la cooperativa nueva", "es")
    assert "la" not in tokenize("la cooperativa nueva", "es")
    # English text is tokenised as before (tests/test_lexical.py pins it to bm25s).
    assert tokenize("The ferries were running") == tokenize("The ferries were running", "en")
    assert tokenize("The ferries were running") == ["ferri", "run"]


def test_a_question_is_stemmed_in_its_own_language() -> None:
    # Detected from its function words, so it meets the article's stems.
    assert tokenize("¿Cuántos socios tiene la cooperativa?") == tokenize(
        "¿Cuántos socios tiene la cooperativa?", "es"
    )
    assert "soci" in tokenize("¿Cuántos socios tiene la cooperativa?")
    # An English question stays English, however few its words.
    for q in ("How many members?", "Who won?", "Where did the mayor go after the vote?"):
        assert tokenize(q) == tokenize(q, "en")


@pytest.fixture(scope="module")
def multilingual(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from index.indexer import run_index

    base = tmp_path_factory.mktemp("languages")
    corpus = base / "corpus"
    corpus.mkdir()
    for name in (
        "g25_zh_news.txt",
        "g26_es_news.txt",
        "g01_local_council.txt",
        "g22_wiki_volcano.txt",
    ):
        shutil.copy(GENERAL / name, corpus / name)
    (corpus / "ja_bousai.txt").write_text(JA, encoding="utf-8")
    (corpus / "de_miete.txt").write_text(DE, encoding="utf-8")
    settings = make_settings(base / "home", corpus)
    report = run_index(settings)
    assert report.articles == 6 and not report.skipped  # none skipped for its script
    return settings


@pytest.mark.parametrize(
    ("question", "doc", "phrase"),
    [
        ("云川地铁3号线全长多少公里？", "g25_zh_news", "28.6公里"),
        ("東京都の防災計画では避難所をどうするのか", "ja_bousai", "避難所"),
        (
            "¿Cuántos paneles solares se han instalado en la almazara?",
            "g26_es_news",
            "3.100 paneles",
        ),
        ("Wer hat das neue Mietgesetz beschlossen?", "de_miete", "Bundestag"),
        ("How many votes did the council scheme get?", "g01_local_council", "27 votes"),
    ],
)
def test_each_language_is_found_by_its_own_words(multilingual, question, doc, phrase) -> None:  # type: ignore[no-untyped-def]
    from bot.engine import Engine

    answer = Engine(multilingual).answer(question)
    cited = [c.article_id for c in answer.citations]
    assert cited and cited[0] == doc, (question, answer.text)
    assert phrase in answer.text or any(phrase in c.passage for c in answer.citations)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Quanto è costato il restauro del mulino?", "number"),
        ("Quanti chili di farina produce al giorno?", "number"),
        ("Quando sarà inaugurato il mulino?", "time"),
        ("Dove si trova il mulino?", "place"),
        ("Chi è la sindaca del paese?", "person"),
        ("Quantos passageiros usam a linha?", "number"),
        ("Onde fica a nova estação?", "place"),
        ("Quem construiu a ponte?", "person"),
    ],
)
def test_italian_and_portuguese_questions_ask_for_a_kind(question: str, kind: str) -> None:
    from bot.core.answer_types import question_kind

    assert question_kind(question) == kind


def test_a_stories_dateline_place_is_what_it_is_about() -> None:
    from index.shared.article import Article
    from index.topics import topic_terms

    art = Article(id="t", title="Torna a girare la ruota del mulino", text="")
    sentences = [
        "Restaurato lo storico mulino ad acqua del 1742.",
        "BORGO VALDORSA - Dopo quarant'anni di silenzio, la grande ruota tornerà a girare.",
        "La sindaca ha detto che il paese aspettava da una vita.",
    ]
    terms = topic_terms(art, sentences)
    assert {"borg", "valdors"} <= set(terms) or {"borgo", "valdorsa"} <= set(terms)
    # a capitalised opening that is no dateline names no place
    plain = topic_terms(art, ["Paris, the mayor said, will host the games."])
    assert "paris" not in plain and "pari" not in plain

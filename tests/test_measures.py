"""Number questions that name a measure ("how long is", "how much did it cost", "what
time") are answered by a number of that measure: read from the question, found in
differently written sentences, and, end to end with the real model and a real index, the
sentence that gives it leads over an article's lead that only names the topic."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_settings

from bot.core.measures import asked_measures, best_measure, gives_measure


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("How much will the new pool cost?", "money"),
        ("how much cash did the robbers take", "money"),
        ("What was the price of the tickets?", "money"),
        ("By how much did shares rise?", "percent"),
        ("What percentage of voters turned out?", "percent"),
        ("How long is the new tram line?", "length"),
        ("How long did the meeting last?", "duration"),
        ("how long has she been mayor", "duration"),
        ("How high is the mountain?", "length"),
        ("How many kilos of apples were picked?", "weight"),
        ("How many miles did he run?", "length"),
        ("How fast can the train go?", "speed"),
        ("How strong were the gusts?", "speed"),
        ("What time did the fire start?", "clock"),
        ("How old was the driver?", "age"),
        # the measure's noun after its own modifier, owner or "is the"
        ("What oven temperature does the recipe use?", "temperature"),
        ("Which water temperature is best for the bread?", "temperature"),
        ("What was Orvane Therapeutics' revenue in 2024?", "money"),
        ("what is the club's annual turnover", "money"),
        ("What is the average rent for a flat in La Solana?", "money"),
        ("What is the height of the new tower?", "length"),
        ("What top speed can the scooter reach?", "speed"),
        ("What is the retirement age in France?", "age"),
    ],
)
def test_the_measure_a_question_asks_for(question: str, first: str) -> None:
    assert asked_measures(question)[0] == first


@pytest.mark.parametrize(
    "question",
    [
        "Who built the bridge?",
        "How many people came?",
        "Why did the plant close?",
        "When?",
        # the noun too far from what/which to be what is asked
        "What did the council decide about the rent?",
        "What happened at the stage?",
    ],
)
def test_no_measure_when_none_is_named(question: str) -> None:
    assert asked_measures(question) == ()


@pytest.mark.parametrize(
    ("kinds", "sentence", "expected"),
    [
        (
            ("money",),
            "Councillors backed the £3.8 million scheme by 27 votes to 9.",
            "£3.8 million",
        ),
        (("money",), "It sold for $1,250 at auction, twice the estimate.", "$1,250"),
        (("money",), "The fine was 4,000 euros, the court said.", "4,000 euros"),
        (("percent", "money"), "Copper rose 2.4% to $9,215 a tonne.", "2.4%"),
        (("percent",), "Turnout was 61 per cent, up from 55.", "61 per cent"),
        (("length", "duration"), "The 42 km line opened nine months late.", "42 km"),
        (
            ("length",),
            "At 3,412 metres (11,194 ft) it is the highest peak.",
            "3,412 metres (11,194 ft)",
        ),
        (
            ("duration", "length"),
            "Total time: 6 hours 20 minutes, with a 14.5 km walk.",
            "6 hours 20 minutes",
        ),
        (("speed",), "Gusts of up to 94mph hit the coast.", "94mph"),
        (("clock",), "Police were called at about 11.40pm on Saturday.", "11.40pm"),
        (("age",), "The driver, who has died aged 90, was a conductor.", "aged 90"),
        (("weight",), "The harvest came to 11.4 kg in all.", "11.4 kg"),
    ],
)
def test_the_measure_in_a_sentence(kinds: tuple[str, ...], sentence: str, expected: str) -> None:
    found = best_measure(kinds, sentence, [])
    assert found is not None and sentence[found[0] : found[1]] == expected
    assert gives_measure(kinds, sentence) == 1.0


def test_a_number_of_another_measure_is_not_the_one_asked_for() -> None:
    assert gives_measure(("money",), "The meeting ran for three hours and 27 votes were cast.") == 0
    assert gives_measure(("length",), "The £3.8m scheme was approved.") == 0  # not metres
    # "how long is the line": a duration is allowed, a length is preferred
    assert gives_measure(("length", "duration"), "It opened nine months late.") == 0.5
    assert gives_measure(("age",), "The shop opened at 3pm, at 3,412 metres.") == 0  # no ages
    assert gives_measure(("age",), "She retired at 65, the club said.") == 1.0


PLAIN = """Home | News | Sport | Weather
Riverside trail reopens after flood repairs
By Sam Tully
Published 4 May 2023

The Millbrook Riverside Trail reopened to walkers on Saturday after months of flood repairs, the district council said.

The council spent the winter rebuilding two footbridges on the Millbrook Riverside Trail and resurfacing its gravel path.

The full route is 23 km and most walkers finish it in a day.

Volunteers will lead guided walks on the Millbrook Riverside Trail every Sunday in June.
"""

HTML = """<!doctype html><html><head><title>Harbour bridge approved</title>
<meta property="og:site_name" content="The Coastal Times"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour bridge approved after long debate</h1>
<p>Councillors in Port Arlen approved the new Harbour Bridge on Tuesday after a long debate about seafront traffic.</p>
<p>Supporters of the Harbour Bridge packed the public gallery for the vote.</p>
<p>The scheme will be paid for with £12.5 million from a government grant and council borrowing.</p>
<p>Work on the Harbour Bridge is due to begin next spring.</p>
</article></body></html>
"""


ES = """Inauguran el nuevo puente de Robledo
Por Lucía Marín | 3 de mayo de 2023

El nuevo puente de Robledo se abrió al tráfico este lunes tras dos años de obras, según informó el ayuntamiento.

Al acto asistieron la alcaldesa de Robledo y varios vecinos del barrio.

La obra ha costado 4,2 millones de euros, financiados en parte con fondos europeos.

El puente de Robledo tiene dos carriles y un paseo para peatones.
"""

ZH = """---
title: 临江市新建跨江大桥通车
date: 2023-06-01
---
本报讯 6月1日上午，临江市新建跨江大桥正式通车，市民过江时间大大缩短。

大桥全长3.6公里，双向六车道，设计时速80公里。

据市交通局介绍，大桥总投资约42亿元，于2019年开工建设。
"""


@pytest.mark.parametrize(
    ("question", "kind", "measure"),
    [
        ("¿Cuánto ha costado el nuevo puente?", "number", "money"),
        ("¿Cuándo se abrió el puente?", "time", None),
        ("大桥总投资是多少钱？", "number", "money"),
        ("大桥全长多少公里？", "number", "length"),
        ("大桥是什么时候通车的？", "time", None),
        ("Quanto è costato il restauro del mulino?", "number", "money"),
        ("Hoeveel kost de fietstunnel bij Oostmolen?", "number", "money"),
        ("Hoeveel fietsers reden over de brug?", "number", None),
        ("Wanneer gaat de brug open?", "time", None),
        ("Waar ligt de nieuwe brug?", "place", None),
        ("hoe lang is de nieuwe brug over het kanaal", "number", "length"),
        ("Wie lang ist die neue Strecke?", "number", "length"),
        ("Quanto custou a nova ponte?", "number", "money"),
        # what a thing costs, in English too; "how much is left" is no price
        ("how much is the varenne solace? the cheapest version", "number", "money"),
        ("How much are tickets for the play?", "number", "money"),
    ],
)
def test_questions_in_other_languages(question: str, kind: str, measure: str | None) -> None:
    from bot.core.answer_types import question_kind

    assert question_kind(question) == kind
    assert asked_measures(question)[:1] == ((measure,) if measure else ())


@pytest.fixture(scope="module")
def two_formats(tmp_path_factory):  # type: ignore[no-untyped-def]
    from bot.engine import Engine
    from index.indexer import run_index

    base: Path = tmp_path_factory.mktemp("measures")
    corpus = base / "corpus"
    corpus.mkdir()
    (corpus / "trail.txt").write_text(PLAIN, encoding="utf-8")
    (corpus / "bridge.html").write_text(HTML, encoding="utf-8")
    (corpus / "puente.txt").write_text(ES, encoding="utf-8")
    (corpus / "daqiao.md").write_text(ZH, encoding="utf-8")
    settings = make_settings(base / "home", corpus)
    run_index(settings)
    return Engine(settings)


@pytest.mark.parametrize(
    ("question", "article", "expected"),
    [
        ("How long is the Millbrook Riverside Trail?", "trail", "23 km"),
        ("How much will the Harbour Bridge cost?", "bridge", "£12.5 million"),
        ("¿Cuánto ha costado el puente de Robledo?", "puente", "4,2 millones de euros"),
        ("跨江大桥总投资是多少钱？", "daqiao", "42亿元"),
    ],
)
def test_the_sentence_with_the_measure_leads(two_formats, question, article, expected) -> None:  # type: ignore[no-untyped-def]
    a = two_formats.answer(question)
    assert a.answered and a.citations[0].article_id == article
    assert expected in a.sentences[0].text, a.text
    assert a.short_answer is not None and a.short_answer.text == expected

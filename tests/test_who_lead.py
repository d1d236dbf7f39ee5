"""Who-questions lead with a sentence that names a person, the one named in the role the
question asks about: pure tests of bot/core/names.py on sentences written here in several
shapes, and end to end with the real model and a real index over articles of different
formats, where an article's dateline lead is closer to the question than the answer
(the sentences before this change led with those datelines)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_settings

from bot.core.answer_types import asks_person, offers, question_kind
from bot.core.names import named, people, person_like

# Words these sentences also use in lower case (what the articles' vocabulary tells scoring).
LOWER = frozenset("asked the questions harbour superintendent chief lessons".split())


def common(word: str) -> bool:
    return word in LOWER


@pytest.mark.parametrize(
    ("question", "sentence", "person"),
    [
        ("Who runs the harbour?", "Asked about the delays, harbour master Tomasz Wierzbicki said the cranes were old.", "Tomasz Wierzbicki"),
        ("Which judge heard the appeal?", "Dismissing the appeal, Judge Eleanor Okafor-Reyes said the evidence was thin.", "Eleanor Okafor-Reyes"),
        ("who is the museum's chief curator", "Wendell Ashby, the museum's chief curator, said the loan was a coup.", "Wendell Ashby"),
        ("who conducted the orchestra", "Conductor: Mireille Dufort", "Mireille Dufort"),
        ("Who designed the footbridge?", "The footbridge was designed by Hal Brennan in 1931.", "Hal Brennan"),
        ("who designed the footbridge", "Osei Mensah's design won praise from the panel.", "Osei Mensah"),
        ("who scored twice for the visitors", "Kwame Boateng scored twice before half-time.", "Kwame Boateng"),
        ("Who is the CEO of Brightwell?", "Chief executive Dana Ilves told staff on Friday.", "Dana Ilves"),
        ("who leads the tenants' union", "The tenants' union, whose chair, Rosa Quintero, called the rise unfair, will appeal.", "Rosa Quintero"),
        ("Who was Pieter's daughter?", "He left the mill to his daughter Ilse when he died.", "Ilse"),
        # a capitalised role title before the name, sharing the question's words
        ("Who runs the city's finances?", "The gap is wider, according to Finance Director Gwen Okonjo.", "Gwen Okonjo"),
        ("who is in charge of policing in Kellan", "Police Commissioner Ray Holt said the force would recruit.", "Ray Holt"),
    ],
)  # fmt: skip
def test_a_person_named_in_the_role_asked(question: str, sentence: str, person: str) -> None:
    assert question_kind(question) == "person" and asks_person(question)
    offered, role = people(sentence, question, common)
    assert offered and role, (question, sentence)
    names = [" ".join(t.text for t in n.name) for n in named(sentence, question, common)]
    assert any(person in n or n.rstrip("'s") == person for n in names), names


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # places, organisations, a dateline and a phone line name no person
        ("Who runs the harbour?", "BRISTOL, England — The harbour on Quay Road will close, the City Council said on Monday."),
        ("who is the superintendent", "Questions may be sent to the Office of the Superintendent at 555-0100."),
        ("Who runs the college?", "The University of Thornbury and Kellan Borough Council signed the deal."),
        # a role title before an organisation's name, not a person's
        ("Who runs the harbour?", "The dredging contract went to Harbour Master Marine Services Ltd on Monday."),
        ("Who is the chief executive?", "Questions go to the Chief Executive Office of Kellan Council."),
        # a name the question already gives is no answer to it
        ("Who is Mira Kovac's agent?", "Mira Kovac signed for the club on Tuesday."),
    ],
)  # fmt: skip
def test_no_person_where_none_is_named(question: str, sentence: str) -> None:
    assert people(sentence, question, common) == (False, False)
    assert not offers(question_kind(question), sentence, question, common)


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # a person is named, but not in the role or deed asked
        ("Which judge heard the appeal?", "The appeal was brought by Carla Mendes, a baker from Hull."),
        ("Who expelled Osric?", "The pact joined Ada, niece of Count Berold, and Prince Osric of Wend."),
        ("Who used the mill to grind corn?", "Many old Flemish mills still grind corn for bakers."),
        ("Who runs the harbour?", "Fishermen cheered as Lena Park landed the first catch."),
    ],
)  # fmt: skip
def test_a_person_not_in_the_role_asked(question: str, sentence: str) -> None:
    assert not people(sentence, question, common)[1], (question, sentence)


def test_question_kinds() -> None:
    assert question_kind("In what year did the mill close?") == "time"
    assert question_kind("which rovers player was booked") == "person"
    assert asks_person("which rovers player was booked")
    assert question_kind("Which company built the dam?") == "person"
    assert not asks_person("Which company built the dam?")  # any name answers it
    # a company's name answers "which company", a person's name alone does not answer "who"
    s = "The dam was built by Corran Engineering Group."
    assert offers("person", s, "Which company built the dam?", common)
    assert not offers("person", s, "Who built the dam?", common)
    found = named("Sentencing, Judge Ana Ruiz spoke.", "Which judge spoke?", common)
    run = next(n for n in found if "Ana" in [t.text for t in n.name])
    assert person_like(run) and [t.text for t in run.titled] == ["Judge"]


@pytest.mark.parametrize(
    ("question", "sentence", "dated"),
    [
        ("¿cuándo abre el mercado?", "El mercado abrirá sus puertas el martes 14 de marzo, según el ayuntamiento.", True),
        ("quand ouvre la piscine ?", "La piscine rouvrira le 2 juin après six mois de travaux.", True),
        ("wann beginnt der Streik?", "Der Streik beginnt am 5. Oktober um Mitternacht.", True),
        ("¿cuándo abre el mercado?", "3. El mercado cierra por obras", False),  # a list number
    ],
)  # fmt: skip
def test_a_date_in_another_language_answers_when(question: str, sentence: str, dated: bool) -> None:
    """The other languages' "when" is answered by their dates, as English is by its own."""
    assert question_kind(question) == "time"
    assert offers("time", sentence, question) is dated


ROWING = """Kestrel Rowing Club celebrates centenary
By Hal Morgan
2 May 2024

FENWICK, Norfolk — Kestrel Rowing Club, which trains on the River Wend near Fenwick Bridge, marked its hundredth year on Saturday with a regatta.

More than 300 rowers from 14 clubs took part in the races.

The club's captain, Yusra Okonkwo-Hale, said the regatta was the biggest it had held.

The club will open a new boathouse in the autumn.
"""

ORCHESTRA = """<!doctype html><html><head><title>Dunmore Youth Orchestra wins national prize</title></head><body>
<article><h1>Dunmore Youth Orchestra wins national prize</h1>
<p>DUNMORE — The Dunmore Youth Orchestra has won the National Youth Music Prize, beating 40 other orchestras in the final at Leeds Town Hall on Saturday.</p>
<p>The orchestra, founded in 1987, rehearses every Thursday in the old corn exchange.</p>
<p>Its players, aged 12 to 19, performed a suite of folk tunes arranged by their own members.</p>
<p>The Dunmore Youth Orchestra's music director, Anselm Okoro, said the players had rehearsed through the summer.</p>
</article></body></html>
"""

LIBRARY = """---
title: Westcombe library reopens in old bank
outlet: Westcombe Weekly
---
WESTCOMBE — The Westcombe library has reopened in the former Lloyds bank on Market Street while the library's own building on Church Lane is rebuilt.

The temporary Westcombe library is open six days a week and keeps the full children's section.

"It has been a huge effort," library director Dorota Szymanska said of the move, which took three weeks.

The rebuilt library is due to open in 2026.
"""


@pytest.fixture(scope="module")
def who_engine(tmp_path_factory):  # type: ignore[no-untyped-def]
    from bot.engine import Engine
    from index.indexer import run_index

    base: Path = tmp_path_factory.mktemp("who")
    corpus = base / "corpus"
    corpus.mkdir()
    (corpus / "rowing.txt").write_text(ROWING, encoding="utf-8")
    (corpus / "orchestra.html").write_text(ORCHESTRA, encoding="utf-8")
    (corpus / "library.md").write_text(LIBRARY, encoding="utf-8")
    settings = make_settings(base / "home", corpus)
    run_index(settings)
    return Engine(settings)


@pytest.mark.parametrize(
    ("question", "article", "person"),
    [
        # the datelines' leads are closer to these questions than the answers are
        ("Who runs the Westcombe library?", "library", "Dorota Szymanska"),
        ("who leads kestrel rowing club", "rowing", "Yusra Okonkwo-Hale"),
        ("who leads the dunmore youth orchestra", "orchestra", "Anselm Okoro"),
    ],
)
def test_the_person_in_the_role_leads(who_engine, question, article, person) -> None:  # type: ignore[no-untyped-def]
    a = who_engine.answer(question)
    assert a.answered and a.citations[0].article_id == article, a.text
    assert person in a.sentences[0].text, a.text
    assert a.short_answer is not None and person in a.short_answer.text, a.short_answer

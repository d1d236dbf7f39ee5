"""A question asked in English over an article in another language shares none of its words,
so the gate's floor is lower by the term coverage it cannot earn (compose.FOREIGN); a
question in the article's own language is judged as before."""

from __future__ import annotations

import pytest
from conftest import written_engine

from bot.core import compose
from bot.core.scoring import gather_evidence

GERMAN = """---
title: Neue Stadtbahn nach Lindau eröffnet
author: Petra Vogt
date: 2024-09-12
language: de
---

Nach drei Jahren Bauzeit fährt die Stadtbahn wieder zwischen Ostheim und Lindau.

Der Ausbau der Strecke zwischen Ostheim und Lindau hat rund 36 Millionen Euro gekostet.

Ursprünglich waren 22 Millionen Euro veranschlagt worden, doch die Sanierung der alten Brücke über die Mahr trieb die Summe in die Höhe.

Der Regelbetrieb zwischen Ostheim und Lindau beginnt am 14. Dezember.

Die Züge fahren tagsüber im Halbstundentakt, am Wochenende stündlich.

Eine Einzelfahrt über die gesamte Strecke kostet 3,80 Euro.
"""

SPANISH = """Huelga de limpieza en Valdemora

VALDEMORA, 4 de marzo. La plantilla del servicio de limpieza urbana de Valdemora ha convocado una huelga indefinida a partir del 18 de marzo.

Los trabajadores reclaman una subida salarial del 7% y la contratación de 40 barrenderos más.

La empresa concesionaria ofrece un aumento del 2,5% y asegura que no puede asumir más costes.

El ayuntamiento ha pedido a ambas partes que vuelvan a negociar esta semana.
"""


@pytest.fixture(scope="module")
def foreign_engine(tmp_path_factory):  # type: ignore[no-untyped-def]
    return written_engine(
        tmp_path_factory, "foreign_gate", {"stadtbahn.md": GERMAN, "huelga.txt": SPANISH}
    )


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        # the cost sentence shares only the place names with the question
        (
            "How much did extending the Ostheim and Lindau line cost?",
            "36 Millionen",
        ),
        ("what was the bill for extending the Ostheim to Lindau tram", "36 Millionen"),
    ],
)
def test_an_english_question_over_another_language_is_answered(
    foreign_engine, question, phrase
) -> None:  # type: ignore[no-untyped-def]
    a = foreign_engine.answer(question, k=3)
    assert a.answered, question
    assert any(phrase in c.passage for c in a.citations[:3]), [c.passage for c in a.citations]


def test_the_floor_is_lower_only_across_languages(foreign_engine) -> None:  # type: ignore[no-untyped-def]
    reader = foreign_engine.reader
    across = gather_evidence(reader, "How much did the tram extension cost?")
    same = gather_evidence(reader, "Wie viel hat der Ausbau der Strecke gekostet?")
    assert compose._foreign(across, across.sentences[0])
    assert not compose._foreign(same, same.sentences[0])
    gate = compose.Gate()
    best = across.sentences[0]
    floor = gate.min_typed if best.typed else gate.min_score
    if floor - compose.FOREIGN <= best.evidence < floor and best.dense >= gate.min_dense:
        assert gate.answers(best, foreign=True) and not gate.answers(best)

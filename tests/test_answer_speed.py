"""Shortcuts on the answer path give exactly what the longer way gave (speed is bench/)."""

from __future__ import annotations

import numpy as np

# Question-like texts of very different lengths (a batch pads the shorter ones), a long
# one past the model's 256-piece window, and non-English and accented text.
TEXTS = [
    "name",
    "Who is mother",
    "What did the council decide about the new Quayside pool and its cost overrun?",
    "WHERE DID KIM FLY AFTER THE REUNION IN WYOMING?",
    "Wie viele Fahrgäste nutzten die Straßenbahn im Jahr 2019?",
    "café naïve résumé",
    " ".join(["the harbour authority approved the dredging plan"] * 40),
    "kids",
    "How much did the 10th-century expedition of George Maniaces cost, according to the sources?",
]


def test_a_batch_of_two_gives_each_text_its_own_vector(engine) -> None:  # type: ignore[no-untyped-def]
    """gather_evidence encodes the question and its focus in one run: each row must be the
    vector the text gets alone, bit for bit, or answers would move."""
    alone = {t: engine.encoder.encode([t])[0] for t in TEXTS}
    for a in TEXTS:
        for b in TEXTS:
            both = engine.encoder.encode([a, b])
            assert np.array_equal(both[0], alone[a]), (a, b)
            assert np.array_equal(both[1], alone[b]), (a, b)

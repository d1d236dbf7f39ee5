"""A sentence read with the one before it: what a pronoun or a short reply is about."""

from __future__ import annotations

import re

import numpy as np

from index.snapshot import Snapshot

# A sentence that opens with a pronoun is about what the sentence before it names: the
# question's words there count LEAN as much as its own ("Who commissioned the Tapestry?":
# "It was commissioned by Odo." after "... is the Bayeux Tapestry"). Tuning sets: 0.5-1.0
# alike; also blending the sentence's vector with the one before lost own-set leads.
LEAN = 0.8
_PRONOUN = re.compile(r"^\W*(it|its|he|his|she|her|they|their|them)\b", re.I)


def antecedent(snap: Snapshot, j: int, text: str) -> int | None:
    """The sentence before j when j opens with a pronoun and follows it in its article."""
    if j == 0 or snap.sent_article[j - 1] != snap.sent_article[j] or not _PRONOUN.match(text):
        return None
    return j - 1


SHORT_SENTENCE = 25  # "They did.": too short to say what it is about on its own


def in_context(
    snap: Snapshot, j: int, d: float, qvec: np.ndarray, coverage: float
) -> tuple[float, float]:
    """A short sentence read with the sentence before it (same article), which says what it
    is about: its similarity is the mean of the two, its coverage its passage's."""
    k = j - 1
    if k >= 0 and snap.sent_article[k] == snap.sent_article[j]:
        d = 0.5 * d + 0.5 * float(snap.sent_vecs[k] @ qvec)
    return d, d + coverage

"""Deeds a sentence does not report as done: denied, or only intended or attempted.

- **Denied.** The question's verb right after "not", "never", "no" in the sentence, and
  no negation in the question ("did the Normans have a rich tradition" over "the Normans
  did not have the rich traditions").
- **Only intended.** A deed the question takes as done ("How much has the trust raised?")
  that the sentence has after "aims to", "tried to", "plans to" ... or with "but failed":
  only for questions about the past ("did", "has", a verb in -ed); left alone when the
  question asks about the present or future, an expectation or the attempt.

Each rule returns what it found (the refusal's reason) or None.
"""

from __future__ import annotations

import re

from .near_miss import AUX, main_verb, tokens, verb_at

# Words that make a verb an intention or an attempt, not a deed ("aims to raise").
_INTENT = frozenset(
    "try tries tried attempt attempts attempted seek seeks sought plan plans planned aim aims"
    " aimed hope hopes hoped want wants wanted intend intends intended expect expects expected"
    " propose proposes proposed".split()
)
_NOT_DONE = re.compile(r"\bbut failed\b|\bwithout success\b|\bin vain\b|\bunsuccessful", re.I)
_DONE = frozenset("did has have had".split())  # a question about what was done
_MODAL = frozenset(
    "will would shall should could might may going can supposed scheduled due likely".split()
)


def not_done(question: str, sentence: str) -> str | None:
    """The question takes a deed as done ("How much has the trust raised?", "Who carved out
    a state?") where the sentence has it only intended or attempted ("aims to raise",
    "travelled there to carve out a state, but failed"). Questions about the future, or
    about the attempt itself, are left alone."""
    q, s = tokens(question), tokens(sentence)
    if any(t.word in _MODAL or t.word in _INTENT or t.stem == "fail" for t in q):
        return None
    verbs = [t for t in q if t.content and not t.cap and t.word not in AUX]
    past = any(t.word in _DONE for t in q) or any(t.word.endswith("ed") for t in verbs)
    if not past:
        return None  # "Where is she living now?" over "she wants to live there": not a deed
    for verb in verbs:
        found = verb_at(verb, s)
        if found is None:
            continue
        at = found[0]
        if at >= 2 and s[at - 1].word == "to" and s[at - 2].word in _INTENT:
            return f"{s[at - 2].word} to {s[at].word}"
        if s[at - 1].word == "to" and _NOT_DONE.search(sentence):
            return f"{s[at].word}, {_NOT_DONE.search(sentence).group(0)}"  # type: ignore[union-attr]
    return None


_NEGATIONS = frozenset("not never no nor neither without cannot".split())


def denied(question: str, sentence: str) -> str | None:
    """The sentence denies what the question takes for granted: the question's verb (as
    the roles rule reads it: "Who VERB ...", "What did X VERB") right after "not", "never",
    "no" (or a word ending in n't) in the sentence, and no negation in the question ("What
    art did the Normans have a rich tradition of?" over "the Normans did not have ...")."""
    q, s = tokens(question), tokens(sentence)
    if any(t.word in _NEGATIONS or t.word.endswith("n't") for t in q):
        return None
    verb = main_verb(q)
    found = verb_at(q[verb], s) if verb is not None else None
    if found is None:
        return None
    before = [u.word for u in s[max(0, found[0] - 2) : found[0]]]
    if any(w in _NEGATIONS or w.endswith("n't") for w in before):
        return f"not {s[found[0]].word}"
    return None

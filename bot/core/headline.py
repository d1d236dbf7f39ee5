"""A headline that answers the question, cited through the body sentence that restates it.

Reading keeps the headline as metadata, so it is not a passage a citation can quote. But a
headline is a sentence of the article that states its main fact ("… opens factory in
Porto, creating 320 jobs"): scored like a sentence, it can answer better than any body
sentence found, which then use the question's words without giving the fact. A story
restates its headline's fact in the body; the body sentence that gives the headline's own
answer is moved to the front of the evidence, so it is quoted and cited verbatim.
"""

from __future__ import annotations

import re
from dataclasses import replace

from index.lexical import tokenize

from .answer_types import offers, question_kind
from .lead import SPAN
from .measures import asked_measures, gives_measure
from .models import Evidence
from .retrieve import query_terms
from .scoring import Reader
from .short_answer import best_span
from .vocabulary import word_test

_COUNT = re.compile(r"\bhow many\b|\bnumber of\b", re.I)


def headline_restated(evidence: Evidence, reader: Reader) -> Evidence:
    sentences = evidence.sentences
    q = evidence.asked
    kind = question_kind(q)
    if not sentences or kind is None:  # only a headline giving an answer of the kind asked
        return evidence
    snap = evidence.snapshot
    top = sentences[0]
    article = int(snap.sent_article[top.sentence])
    title = snap.articles[article].title
    weights = reader.term_weights(query_terms(q))
    total = sum(weights.values()) or 1.0
    in_title = set(query_terms(title))
    in_top = set(query_terms(snap.sentence_text(top.sentence)))

    def covered(words: set[str]) -> float:
        return sum(v for t, v in weights.items() if t in words) / total

    # The headline must answer better than the best sentence does: an answer of the kind
    # asked, and more of the question's (idf-weighted) words, or as many when only it gives
    # the measure asked ("£14.5m" for "how much did X cost" over a sentence with no sum)
    common = word_test(snap, article)
    measures = asked_measures(q)
    if not offers(kind, title, q) or (measures and gives_measure(measures, title) < 1.0):
        return evidence  # "18%" does not answer "how much did it spend"
    top_text = snap.sentence_text(top.sentence)
    measured = bool(measures) and gives_measure(measures, top_text) < 1.0
    title_covers, top_covers = covered(in_title), covered(in_top)
    if title_covers < top_covers or (title_covers == top_covers and not measured):
        return evidence
    span = best_span(q, title, kind, snap.bm25.idf, common)
    # Only a figure: the same number in a body sentence restates the headline's fact, while
    # a name or word both use need not be the same fact.
    if span is None or not any(c.isdigit() for c in title[span[0] : span[1]]):
        return evidence
    # a count counts what was asked ("creating 320 jobs" for "how many jobs"), not a sum
    # of money the same headline gives
    after = re.match(r"\W*(\w+)", title[span[1] :])
    counted = tokenize(title[span[0] : span[1]] + " " + (after.group(1) if after else ""))
    if _COUNT.search(q) and not any(t in weights for t in counted):
        return evidence
    answer = set(tokenize(title[span[0] : span[1]])) - set(weights)
    if not answer or answer <= set(tokenize(snap.sentence_text(top.sentence))):
        return evidence  # the best sentence already gives the headline's answer
    for i, s in enumerate(sentences[1:], 1):
        if int(snap.sent_article[s.sentence]) != article or not s.typed:
            continue
        if answer <= set(tokenize(snap.sentence_text(s.sentence))):
            # it speaks for the headline, which answers better than the best sentence: it
            # leads even against that sentence's short-answer bonus (lead.SPAN)
            # (and the gate reads the evidence of the sentence it displaced)
            lead = replace(s, score=top.score + SPAN, evidence=max(s.evidence, top.evidence))
            return replace(evidence, sentences=[lead, *sentences[:i], *sentences[i + 1 :]])
    return evidence

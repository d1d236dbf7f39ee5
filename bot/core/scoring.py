"""Sentence evidence: retrieve chunks, then score each of their sentences for the question.

A sentence's score adds its vector similarity (to the question and to a "focus" version
without the words most chunks share), idf-weighted coverage of the question's terms in the
sentence, its citation passage and its article, the chunk's retrieval rank, and bonuses
when it offers the kind of answer asked for (a date, a name) and the measure asked for (a
length for "how long is ...", money for "how much did ... cost"). The result is an `Evidence`, which every later stage reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from index.encoder import Encoder
from index.snapshot import Snapshot

from .answer_types import offered, question_kind
from .antecedent import LEAN, SHORT_SENTENCE, antecedent, in_context
from .english import FAMILY_LETTERS, same_family
from .expansion import Expander, build_expander
from .measures import asked_measures, gives_measure
from .models import Evidence, ScoredSentence
from .passages import passage_around
from .retrieve import Hit, Retriever, query_terms
from .truecase import restore_case
from .vocabulary import topic_terms, vocabulary, word_test

_BETWEEN_WORDS = re.compile(r"\W+")  # a gap that cannot join or hold a token


@dataclass(frozen=True)
class Weights:
    coverage: float = 0.6
    chunk: float = 0.1
    kind: float = 0.12
    # ... a person named in the role or deed asked ("Who runs it?": "library director X",
    # names.people). Tuning, all six sets: 0.2 (0.1: 2 fewer hits, 1 fewer short answer;
    # 0.3: 1 fewer hit, 4 fewer first sentences and short answers); and, as much, a number
    # before the noun a "how many" question counts ("62 hives"; eleven sets: +2 answered,
    # 1 lost, +4 refused; half or 1.5 times the weight: 749, 752 against 752)
    role: float = 0.2
    measure: float = 0.3  # ... a number of the measure asked for ("how long": a length)
    specific: float = 0.15  # less: the passage lacks the question's numbers (tuning: 0.15-0.3)
    # How a sentence's coverage of the question's terms is read: in the sentence itself, in
    # its citation passage, and in its article (a term the article is about counts as
    # present: "How long is the X walk?" is answered by "The full route is 23 km" in the
    # article about the X walk, over the lead that names X). Tuning sets only (all ten):
    # in_article 0.35/0.45/0.55/0.6/0.65/0.7/0.8/1.0 -> hits + refusals summed 657/660/663/
    # 665/665/663/662/653, first-sentence hits 319 at 0.45 and 0.6, 321 at 0.65.
    in_passage: float = 0.1
    in_article: float = 0.65
    # A follow-up ("How much did it cost?") is about what the question before it named: the
    # earlier question's terms in a sentence's passage or article. No question set holds
    # follow-ups, so this is set by the chat tests, not tuned: 0.2 outweighs a closer vector
    # in another article, not a sentence that answers better in the same one.
    context: float = 0.2


class Reader:
    """One snapshot generation as answering reads it: chunk search plus per-sentence term
    sets, memoised so nothing is re-tokenised question after question. Bounded, so a bot
    that runs for weeks on a 100k-chunk corpus does not grow without limit."""

    def __init__(
        self,
        snapshot: Snapshot,
        encoder: Encoder,
        passage_chars: int = 400,
        word_vectors: Path | None = None,
    ) -> None:
        self.snapshot = snapshot
        self.word_vectors = word_vectors  # the file of single-word vectors (expansion.py)
        self.encoder = encoder
        self.passage_chars = passage_chars
        self.retriever = Retriever(snapshot, encoder)
        self.sentence_terms = lru_cache(maxsize=1 << 16)(self._sentence_terms)
        self.passage_terms = lru_cache(maxsize=1 << 16)(self._passage_terms)
        self.sentence_stems = lru_cache(maxsize=1 << 16)(self._sentence_stems)

    @cached_property
    def expander(self) -> Expander:
        return build_expander(self.snapshot, self.encoder, self.word_vectors)

    def term_weights(self, terms: list[str]) -> dict[str, float]:
        return {t: self.retriever.idf(t) for t in terms}

    def _sentence_terms(self, j: int) -> frozenset[str]:
        return frozenset(query_terms(self.snapshot.sentence_text(j)))

    def _sentence_stems(self, j: int) -> dict[str, tuple[str, ...]]:
        """Sentence j's longer terms by their first letters (see `related`)."""
        out: dict[str, tuple[str, ...]] = {}
        for t in self.sentence_terms(j):
            if len(t) >= RELATED_LETTERS:
                out[t[:RELATED_LETTERS]] = (*out.get(t[:RELATED_LETTERS], ()), t)
        return out

    def related(self, term: str, j: int) -> bool:
        """Does sentence j hold a word of the same family, one stem extending the other
        ("direct"/"director", "oppos"/"opposit")? The stemmer keeps these apart."""
        if len(term) < RELATED_LETTERS:
            return False
        near = self.sentence_stems(j).get(term[:RELATED_LETTERS], ())
        return any(same_family(term, s) for s in near)

    def _passage_terms(self, j: int) -> frozenset[str]:
        """Terms of the citation passage around sentence j (see passages.passage_around).

        A passage is a run of whole sentences; when only spaces and punctuation lie between
        them, its terms are exactly the union of theirs (already cached), so only the odd
        passage with words outside any sentence is tokenised again.
        """
        snap = self.snapshot
        window = passage_around(snap, j, self.passage_chars)
        art, lo, hi = snap.sent_article[j], j, j
        while (
            lo > 0 and snap.sent_article[lo - 1] == art and snap.sent_start[lo - 1] >= window.start
        ):
            lo -= 1
        last = len(snap.sent_start) - 1
        while (
            hi < last and snap.sent_article[hi + 1] == art and snap.sent_end[hi + 1] <= window.end
        ):
            hi += 1
        text = window.article.text
        exact = int(snap.sent_start[lo]) == window.start and int(snap.sent_end[hi]) == window.end
        if not exact or not all(
            _BETWEEN_WORDS.fullmatch(text[int(snap.sent_end[k]) : int(snap.sent_start[k + 1])])
            for k in range(lo, hi)
        ):
            return frozenset(query_terms(window.text))
        return frozenset().union(*(self.sentence_terms(k) for k in range(lo, hi + 1)))

    def focus_text(self, q: str, common: float = 0.25) -> str:
        """The question without words most chunks share (in a corpus about two people,
        their names): what is left says what the question is about."""
        kept = [
            word
            for word in re.findall(r"[\w'’-]+", q)
            if not any(self.retriever.doc_share(t) > common for t in query_terms(word))
        ]
        return " ".join(kept) or q


RELATED_LETTERS = FAMILY_LETTERS  # a sentence's terms are bucketed by a family's letters
RELATED = 0.6  # a related word counts this much of the word itself (tuning sets: 0.6-1.0 equal)


def _specifics(weights: dict[str, float]) -> list[str]:
    """The question's numbers and years: a near-miss changes them, and the passage that
    answers holds them. (Its names too, but penalising a passage without them moved
    answerable questions to the article's lead: tuning sets 59 -> 57/64.)"""
    return [t for t in weights if any(ch.isdigit() for ch in t)]


def gather_evidence(
    reader: Reader,
    q: str,
    context: str | None = None,
    mask: np.ndarray | None = None,
    weights: Weights | None = None,
) -> Evidence:
    """Retrieve chunks for the (cleaned) question, then score their sentences, best first.

    A word neither the articles nor English know is read as the closest word they do
    ("wher is the mayr livin" is searched as "where is the mayor living"); `Evidence.corrected`
    keeps that reading, `Evidence.question` what was asked.
    """
    asked = q
    q = vocabulary(reader.snapshot).correct(q)
    hits, searched, (qvec, fvec), terms = _search(reader, q, context, mask)
    # "where did jane smith study?": its words as the sentences found write them (truecase.py)
    found = _sentences(reader.snapshot, hits)
    cased = restore_case(reader.snapshot, asked, q, found, reader.expander.expand)
    if cased != q:
        q = cased
        hits, searched, (qvec, fvec), terms = _search(reader, q, context, mask)
    # a follow-up's own terms are scored in the sentence; the earlier question's only
    # in the sentence's passage or article
    own_terms = query_terms(searched) or terms
    earlier = [t for t in terms if t not in own_terms]
    scored = _score_sentences(
        reader,
        qvec,
        fvec,
        own_terms,
        earlier,
        hits[:8],
        question_kind(q),
        q,
        weights or Weights(),
    )
    return Evidence(asked, reader.snapshot, hits, scored, q if q != asked else None)


def _search(
    reader: Reader, q: str, context: str | None, mask: np.ndarray | None
) -> tuple[list[Hit], str, tuple[np.ndarray, np.ndarray], list[str]]:
    """The chunks found for the question: its hits, its searched text (with the words that
    join it), its vector and its focus's, and the search's terms."""
    # words the articles never use, joined by the article words that mean the same
    searched = " ".join([q, *reader.expander.expand(q)])
    query = f"{context} {searched}" if context else searched
    terms = query_terms(query)
    focus = reader.focus_text(q)
    # One encoder run for both texts: a batch of two costs less than two runs (~7 vs ~9 ms
    # on 2 cores), and each row is the vector its text gets alone (tests/test_answer_speed.py)
    vecs = reader.encoder.encode([query, focus] if focus != q else [query])
    hits = reader.retriever.search(vecs[0], terms, n=20, mask=mask)
    return hits, searched, (vecs[0], vecs[-1]), terms


def _sentences(snap: Snapshot, hits: list[Hit]) -> list[int]:
    return [
        j for h in hits for j in range(int(snap.chunk_s0[h.chunk]), int(snap.chunk_s1[h.chunk]))
    ]


def _score_sentences(
    reader: Reader,
    qvec: np.ndarray,
    fvec: np.ndarray,
    terms: list[str],
    context_terms: list[str],  # a follow-up's earlier question's, not its own
    hits: list[Hit],
    kind: str | None,
    question: str,
    w: Weights,
) -> list[ScoredSentence]:
    snap = reader.snapshot
    weights = reader.term_weights(terms)
    total = sum(weights.values()) or 1.0
    earlier = reader.term_weights(context_terms)
    earlier_total = sum(earlier.values()) or 1.0
    best: dict[int, ScoredSentence] = {}
    measures = asked_measures(question)
    specifics = _specifics(weights)
    own: dict[int, tuple[float, float, float, bool, float]] = {}  # not depending on the chunk
    top_fused = hits[0].fused if hits else 1.0
    for hit in hits:
        lo, hi = int(snap.chunk_s0[hit.chunk]), int(snap.chunk_s1[hit.chunk])
        if hi <= lo:
            continue
        vecs = snap.sent_vecs[lo:hi]
        dense = np.asarray(vecs @ qvec, dtype=np.float32)
        focus = np.asarray(vecs @ fvec, dtype=np.float32)
        for offset, j in enumerate(range(lo, hi)):
            if j not in own:  # overlapping chunks share sentences: score each once
                text = snap.sentence_text(j)
                in_sentence = reader.sentence_terms(j)
                in_window = reader.passage_terms(j)
                before = antecedent(snap, j, text)
                found = {
                    t: 1.0
                    if t in in_sentence
                    else max(
                        RELATED * reader.related(t, j),
                        LEAN if before is not None and t in reader.sentence_terms(before) else 0.0,
                    )
                    for t in weights
                }
                topic = topic_terms(snap, int(snap.sent_article[j]))
                cov_s = sum(v * found[t] for t, v in weights.items()) / total
                cov_w = sum(v for t, v in weights.items() if t in in_window) / total
                cov_t = (
                    sum(v * (1.0 if t in topic else found[t]) for t, v in weights.items()) / total
                )
                d = float(0.5 * dense[offset] + 0.5 * focus[offset])
                # The names every article shares dominate MiniLM's similarity, so the
                # question's rarer words (idf-weighted) weigh as much as the vector.
                in_s = 1.0 - w.in_passage - w.in_article
                base = d + w.coverage * (in_s * cov_s + w.in_passage * cov_w + w.in_article * cov_t)
                if earlier:
                    about = sum(v for t, v in earlier.items() if t in in_window or t in topic)
                    base += w.context * about / earlier_total
                if len(text) < SHORT_SENTENCE:
                    d, base = in_context(snap, j, d, qvec, w.coverage * cov_w)
                # what the answer should give, less what the passage leaves out: the
                # question's numbers ("at its 2016 inspection") are in the passage that answers
                gone = sum(1 for t in specifics if t not in in_window and t not in topic)
                fits = w.measure * gives_measure(measures, text) - w.specific * (
                    gone / len(specifics) if specifics else 0.0
                )
                common = word_test(snap, int(snap.sent_article[j]))
                typed, role = offered(kind, text, question, common)
                own[j] = (base, d, max(cov_s, cov_w), typed, fits + w.role * role)
            base, d, coverage, typed, fits = own[j]
            evidence = base + w.chunk * (hit.fused / top_fused)
            score = evidence + w.kind * typed + fits
            if j not in best or score > best[j].score:
                best[j] = ScoredSentence(j, score, d, coverage, hit, typed, evidence)
    return sorted(best.values(), key=lambda s: -s.score)

"""A question typed without normal capitals, written in the case the articles give its words.

Several stages find a question's names by their capitals (names.py, premise's name runs,
answerable's names, near_miss's tokens): "where did jane smith study?" and "WHERE DID JANE
SMITH STUDY?" read as questions that name no one, so a passage about someone else answers
them. When a question's casing says nothing about its names — all lower case, all upper
case, or no capital after its first word — each word is written as the retrieved sentences
write it where no sentence opens: a name's capitals, an acronym's letters ("nhs" -> "NHS"),
a many-word name as a whole ("court of appeals" -> "Court of Appeals", after "the Fourth
District Court of Appeals"). A word the articles mostly write in lower case ("council" beside
"Harbourton Council") stays lower case, as does a word seen capitalised only where a
sentence opens ("Engineers later advised ..."). In an English question typed all in one
case, a word neither the articles nor English know is a name they do not give ("who
founded zorblax?"): it is capitalised, as its asker would have written it, so the premise
check can find it missing. A normally cased question is returned as it came.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

from index.language import detect_language
from index.lexical import stopwords_en
from index.snapshot import Snapshot
from index.words import WORD

from .spelling import english

# Between two words, what ends a sentence or opens a quotation: the next word opens one.
_OPENS = re.compile(r"[.!?:;\"“”«»(\[\n|•—–]")
_JOINED = re.compile(r"\s+|-")  # two words of one name: "Fourth District", "Liu-Mbeki"
MAX_RUN = 6  # the longest many-word name matched whole
# A line whose words are mostly capitalised is a title-case headline or a list of names
# ("Council Votes To Close Pool"): its capitals say nothing about which words are names.
TITLED_SHARE = 0.75
TITLED_WORDS = 4
# Most of the articles' uses of a word in lower case make it a word, not a name: "council"
# (17 of 23 uses in lower case in a council story) beside "Harbourton Council".
LOWER_SHARE = 0.5
NAME_LETTERS = 4  # an unknown word this long or longer may be a name


def casing(question: str) -> str | None:
    """'lower', 'upper' or 'first' (no capital after the first word) when the question's case
    says nothing about its names; None for a normally cased one (or one word, or a script
    without case)."""
    words = WORD.findall(question)
    cased = [c for c in question if c.lower() != c.upper()]
    if len(words) < 2 or not cased:
        return None
    if not any(c.isupper() for c in cased):
        return "lower"
    if not any(c.islower() for c in cased):
        return "upper"
    first, rest = words[0], words[1:]
    if first[1:] == first[1:].lower() and all(w == w.lower() for w in rest):
        return "first"
    return None


@lru_cache(maxsize=4)  # the current generation and the one a reload just replaced
def _lower_counts(snapshot: Snapshot) -> tuple[Counter[str], Counter[str]]:
    return snapshot.word_counts()


class _Sentence:
    """How one sentence writes words where no sentence opens: each word's capitalised forms
    and its lower-case uses, and the capitalised runs of two words or more."""

    def __init__(self, text: str, lower: Counter[str]) -> None:
        self.forms: dict[str, Counter[str]] = {}
        self.alone: dict[str, Counter[str]] = {}  # capitalised with no capitalised neighbour
        self.low: Counter[str] = Counter()
        self.runs: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._read(text, lower)

    def _read(self, text: str, lower: Counter[str]) -> None:
        stop = stopwords_en()
        tokens = list(WORD.finditer(text))
        capped = [m.group(0)[:1].isupper() for m in tokens]
        if len(tokens) >= TITLED_WORDS and sum(capped) >= TITLED_SHARE * len(tokens):
            return
        run: list[tuple[str, bool]] = []
        end = 0
        for k, m in enumerate(tokens):
            word, gap = m.group(0), text[end : m.start()]
            end = m.end()
            opens = k == 0 or _OPENS.search(gap) is not None
            joined = not opens and _JOINED.fullmatch(gap) is not None
            if not joined:
                self._close(run)
                run = []
            if not capped[k]:
                self.low[word.casefold()] += 1
                if run and word in stop:  # "Court of Appeals": a name's small word
                    run.append((word, False))
                else:
                    self._close(run)
                    run = []
                continue
            # A capital where a sentence opens names only inside a run of capitals, when
            # the articles never write the word in lower case ("Doreen Marsh said ...").
            nxt = capped[k + 1] if k + 1 < len(tokens) else False
            if opens and (lower[word.casefold()] or not nxt):
                continue
            run.append((word, True))
        self._close(run)

    def _close(self, run: list[tuple[str, bool]]) -> None:
        while run and not run[-1][1]:
            run.pop()
        capitals = [w for w, capped in run if capped]
        for w in capitals:
            self.forms.setdefault(w.casefold(), Counter())[w] += 1
            if len(capitals) == 1:
                self.alone.setdefault(w.casefold(), Counter())[w] += 1
        for i in range(len(run)):
            for j in range(i + 2, min(len(run), i + MAX_RUN) + 1):
                part = run[i:j]
                if part[0][1] and part[-1][1]:
                    self.runs[tuple(w.casefold() for w, _ in part)] = tuple(w for w, _ in part)


class _Written:
    """How a set of sentences writes words, from each sentence's reading in order (a run
    two sentences write differently is written as the later one writes it)."""

    def __init__(self, sentences: Sequence[_Sentence]) -> None:
        self.sentences = sentences
        self.runs: dict[tuple[str, ...], tuple[str, ...]] = {}
        for one in sentences:
            self.runs.update(one.runs)

    def form(self, word: str) -> str | None:
        """The word's capitalised form, when the sentences write it so more often than in
        lower case. An English word ("count") counts only where it stands alone as a name
        ("said Marsh"): inside a longer name ("the Living Roofs Count project") it is a
        word of that name, which the question gives whole when it means the name."""
        alone = word in english()
        forms: Counter[str] = Counter()
        low = 0
        for one in self.sentences:
            written = (one.alone if alone else one.forms).get(word)
            if written:
                forms.update(written)
            low += one.low.get(word, 0)
        if not forms or sum(forms.values()) <= low:
            return None
        return forms.most_common(1)[0][0]


# Sentences read per snapshot: the same ones answer many questions, and reading one costs
# more than looking its reading up (a fifth of a lower-case question's time, measured).
_READ_LIMIT = 50_000


@lru_cache(maxsize=4)  # the current generation and the one a reload just replaced
def _readings(snapshot: Snapshot) -> tuple[dict[int, frozenset[str]], dict[int, _Sentence]]:
    return {}, {}  # each sentence's words (case folded), and its reading


def _written(
    snapshot: Snapshot, sentences: Sequence[int], lower: Counter[str], asked: frozenset[str]
) -> _Written:
    """The sentences' reading. A sentence with none of the `asked` words says nothing about
    how they are written, and is not read (most of the sentences found, at 100k chunks)."""
    words, read = _readings(snapshot)
    if len(words) > _READ_LIMIT:
        words.clear()
        read.clear()
    out = []
    for j in sentences:
        has, text = words.get(j), None
        if has is None:  # a sentence seen for the first time: its text read once
            text = snapshot.sentence_text(j)
            has = words[j] = frozenset(WORD.findall(text.casefold()))
        if asked.isdisjoint(has):
            continue
        one = read.get(j)
        if one is None:
            one = read[j] = _Sentence(snapshot.sentence_text(j) if text is None else text, lower)
        out.append(one)
    return _Written(out)


def restore_case(
    snapshot: Snapshot,
    asked: str,
    question: str,
    sentences: Sequence[int],
    paraphrase: Callable[[str], list[str]],
) -> str:
    """The question (`asked` as typed, `question` as searched) in the case the given
    sentences write its words, when `asked` is not normally cased; else `question`.
    `paraphrase` gives the article words meaning what a word no article uses means: a word
    they paraphrase ("grandkids": "grandchildren") is a word, not a name."""
    style = casing(asked)
    if style is None:
        return question
    counts, lower = _lower_counts(snapshot)
    stop = stopwords_en()
    tokens = list(WORD.finditer(question))
    low = [m.group(0).casefold() for m in tokens]
    # the words whose writing is looked up: a small word only inside a name ("of")
    written = _written(
        snapshot, sentences, lower, frozenset(w for w in low if w not in stop or w == "i")
    )
    out = [m.group(0) if style == "first" else m.group(0).lower() for m in tokens]
    unknown_names = style != "first" and detect_language(question.lower(), min_words=3) == "en"
    i = 1 if style == "first" else 0  # "first": the first word is as its asker wrote it
    while i < len(tokens):
        size = _run_at(question, tokens, low, i, written)
        if size:
            out[i : i + size] = written.runs[tuple(low[i : i + size])]
            i += size
            continue
        word = low[i]
        form = written.form(word)
        if form and (word not in stop or word == "i") and lower[word] < LOWER_SHARE * counts[word]:
            out[i] = form
        elif unknown_names and _unknown_name(word, counts, paraphrase):
            out[i] = word[:1].upper() + word[1:]
        i += 1
    if style != "first" and out:
        out[0] = out[0][:1].upper() + out[0][1:]
    pieces, last = [], 0
    for m, word in zip(tokens, out, strict=True):
        pieces += [question[last : m.start()], word]
        last = m.end()
    return "".join(pieces) + question[last:]


def _unknown_name(word: str, counts: Counter[str], paraphrase: Callable[[str], list[str]]) -> bool:
    """A word neither the articles nor English know, nor paraphrased by an article word.
    Shorter words stay as typed, as spelling leaves them ("ppl")."""
    if len(word) < NAME_LETTERS or counts[word] or word in english():
        return False
    return not paraphrase(word)


def _run_at(question: str, tokens: list[re.Match[str]], low: list[str], i: int, w: _Written) -> int:
    """The length of the longest capitalised run of the sentences that the question's words
    from i spell, joined as one name's words are; 0 when none does."""
    for size in range(min(MAX_RUN, len(tokens) - i), 1, -1):
        gaps = (question[tokens[k - 1].end() : tokens[k].start()] for k in range(i + 1, i + size))
        if tuple(low[i : i + size]) in w.runs and all(_JOINED.fullmatch(g) for g in gaps):
            return size
    return 0

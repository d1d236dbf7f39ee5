"""Does the cited passage support the question's premise, or only look like it does?

A near-miss question names something the passage does not: another person, a wrong year,
a number, a negation ("What expedition did X lead in the 10th century?" over a passage
about the 1038 expedition). Its specifics must be in the passage:
- every number, year, ordinal ("10th") and decade ("1100s") exactly (a count the passage
  spells out, "took seven", is the question's "7"; "last year" in a dated story, its year;
  "1 500" grouped by spaces, 1500);
- every name (a capitalised word after the first), by its stem, a shared 5-letter stem, a
  likely typo of it (rapidfuzz ratio >= 80) or as initials ("LA" for "Los Angeles"); in a
  multi-word name the rarest word decides ("Penhallow Point" against "Penhallow"), and a
  person's full name is the surname after an honorific ("Mr Atherton", "Dr. Raman") or alone
  when the article gives the full name and no other of that surname ("Keith Romney" over
  "Romney was jailed": news style's second mention; measured +2 answered, 2 near misses
  answered that the missing first name had refused by chance, over the 8 tuning sets). A name
  the article is about (in its title or byline, or in `topic` or more of its sentences)
  needs no repeating in every passage;
- a name's numeral ("Henry II") as written after that name, when the passage has the name;
- a code of letters and digits ("5G", "A380") as written, spaces and hyphens aside; a
  hyphenated one of a series ("STRIDE-2") unless the article gives it and the passage names
  no other of the series ("STRIDE-3": another trial);
- "not", "never" ... (asked in English of English text) only when the passage says something
  negative too;
- "the name of the N": an N the passage mentions, not one the sentence brings in as "a/an
  N" with no name beside it (name_asked.py);
- a unit the question names ("in feet", "how many kilograms"): a number in it
  (units_asked.py).
Given the sentence that would answer, it must not say the question's words in another
relation: roles reversed (near_miss.py), a deed denied or only intended (deeds.py), or a modifier, name,
owner, title or an opposite swapped in (swaps.py); English only.
Other words are left to the scoring: paraphrase is too common for a word list to judge
(measured: refusing on a question word the sentence lacks, even with single-word vectors as
paraphrase, refused as many answerable questions as near misses on every tuning set).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from index.language import detect_language
from index.lexical import stopwords_en, tokenize

from . import deeds, name_asked, near_miss, swaps
from .english import NUMBER_VALUES, POSSESSIVE
from .near_miss import HONORIFICS, fold
from .units_asked import unit_missing

_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_NUMBERISH = re.compile(r"^\d+(st|nd|rd|th|s|'s)?$|^\d[\d,.]*$")
_NEGATION = frozenset("not never no none nobody nothing neither nor without".split())
_NEGATIVE_TEXT = re.compile(
    r"\b(not|never|no|none|nobody|nothing|neither|nor|without|cannot|fail\w*|refus\w*|lack\w*)\b"
    r"|n[’']t\b",
    re.I,
)
_CODE = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]{2,12}$")  # letters and digits: "5G", "A380"
# ... or hyphenated with a capital: "STRIDE-2", "TOI-6094", "COVID-19" (not "20-year-old")
_HYPHEN_CODE = re.compile(r"^(?=.{3,16}$)(?=.*\d)(?=.*[A-Z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+$")
_ROMAN = re.compile(r"^[IVX]{1,4}$")
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}")
_CAPITAL_RUN = re.compile(r"(?:[A-Z][\w'’-]*\s+)+[A-Z][\w'’-]*")


@dataclass(frozen=True)
class Premise:
    missing: tuple[str, ...]  # the question's specifics the passage does not support
    contradicted: tuple[str, ...] = ()  # what the sentence says otherwise (near_miss.py)

    @property
    def holds(self) -> bool:
        return not self.missing and not self.contradicted


def check(
    question: str,
    passage: str,
    idf: Callable[[str], float],
    topical: Callable[[str], bool] = lambda stem: False,
    sentence: str = "",
    article: str = "",
    published: str | None = None,
) -> Premise:
    """`topical(stem)`: the article is about it (no passage need repeat it). `sentence`: the
    passage's sentence that would answer (of `article`), read for roles and modifiers;
    `published`: the article's ISO date, which makes "last year" a year."""
    missing: list[str] = []
    have = _numbers(_WORD.findall(passage)) | _number_words(passage)
    have |= _relative_years(passage, published) | _grouped(passage)
    missing += sorted(n for n in _numbers(_WORD.findall(question)) if n not in have)
    lang = detect_language(passage.lower(), min_words=3)  # stem both sides alike

    def terms(text: str) -> list[str]:
        return tokenize(fold(text), lang)

    stems = set(terms(passage))
    initials = {"".join(w[0] for w in run.split()) for run in _CAPITAL_RUN.findall(passage)}
    initials |= {a.replace(".", "") for a in _DOTTED.findall(passage)}  # "L.A."
    # a code the article is about (a product's "R7") need not be repeated in each passage,
    # as the article's topic words need not
    codes = _codes(question, passage, article or passage)
    missing += [c for c in codes if not (terms(c) and all(topical(t) for t in terms(c)))]
    for run in _name_runs(question):
        numeral = _regnal(run, passage)
        if numeral:
            missing.append(numeral)
            continue
        unsupported = []
        for word in run:
            if word.isupper() and 2 <= len(word) <= 5 and word in initials:
                continue
            parts = [s for s in terms(word) if not topical(s)]
            if parts and not all(supported(s, stems) for s in parts):
                unsupported.append(word)
        rarest = max(run, key=lambda w: max((idf(s) for s in terms(w)), default=0.0))
        if len(run) > 1 and _titled(run[-1], passage):
            continue  # "Geoffrey Atherton" over "Mr Atherton's death": the passage's way to say it
        if unsupported and len(run) > 1 and _surname_of(run, unsupported, passage, article):
            continue  # "Keith Romney" over "Romney was jailed": the article's only Romney
        if rarest in unsupported or 2 * len(unsupported) > len(run):
            missing += unsupported
    unnamed = name_asked.unnamed(question, sentence, passage)  # "the name of the N": a/an N
    unit = unit_missing(question, passage)  # "in feet" over a passage in metres
    missing += [m for m in (unnamed, unit) if m]
    # English negations, over English text: Portuguese "no" is "in the"
    english = lang == "en" and near_miss.english(question)
    asks_negative = english and any(fold(w) in _NEGATION for w in _WORD.findall(question))
    if asks_negative and not _NEGATIVE_TEXT.search(passage):
        missing.append("not")
    return Premise(tuple(dict.fromkeys(missing)), _contradicted(question, sentence, article))


def _contradicted(question: str, sentence: str, article: str) -> tuple[str, ...]:
    if not sentence or not near_miss.english(question) or not near_miss.english(sentence):
        return ()
    roles = near_miss.reversed_roles(question, sentence)
    found = [
        roles and f"roles of {roles!r}",
        swaps.swapped_modifier(question, sentence, article),
        swaps.swapped_name(question, sentence, article),
        swaps.swapped_owner(question, sentence, article),
        swaps.opposite(question, sentence),
        swaps.swapped_head(question, sentence),
        deeds.not_done(question, sentence),
        deeds.denied(question, sentence),
    ]
    return tuple(f for f in found if f)


def supported(stem: str, stems: set[str]) -> bool:
    """Exactly, by a shared 5-letter stem (marry/marriage), or as a likely typo (Issac/Isaac)."""
    if stem in stems:
        return True
    if len(stem) < 5:
        return False
    if any(len(s) >= 5 and s[:5] == stem[:5] for s in stems):
        return True
    from rapidfuzz import fuzz, process

    return process.extractOne(stem, stems, scorer=fuzz.ratio, score_cutoff=80) is not None


def _numbers(words: list[str]) -> set[str]:
    out = set()
    for w in words:
        w = fold(w).replace("’", "'")
        if _NUMBERISH.match(w):
            out.add(re.sub(r"('s|s)$", "", w).replace(",", ""))
    return out


# A count the passage spells out ("took seven for 58") is the digits a question gives ("7
# wickets"). Only the passage side: a question's "one of the ..." is no number to find.
_SPELLED = {w: str(n) for w, n in NUMBER_VALUES.items()}


def _number_words(text: str) -> set[str]:
    return {_SPELLED[w] for w in (fold(w) for w in _WORD.findall(text)) if w in _SPELLED}


# "1 500 meter", "12 000": thousands grouped by a space (Swedish, French, SI style)
_SPACE_GROUPED = re.compile(r"(?<![\d,.])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])")


def _grouped(passage: str) -> set[str]:
    return {re.sub(r"\D", "", m.group()) for m in _SPACE_GROUPED.finditer(passage)}


_RELATIVE_YEAR = re.compile(r"\b(last|this|next) year\b", re.I)


def _relative_years(passage: str, published: str | None) -> set[str]:
    """ "Last year they logged 1,140" in a story dated 2025 says 2024 ("this year" 2025,
    "next year" 2026); an undated story's "last year" is no year."""
    if not published or not published[:4].isdigit():
        return set()
    year = int(published[:4])
    shift = {"last": -1, "this": 0, "next": 1}
    return {str(year + shift[m.group(1).lower()]) for m in _RELATIVE_YEAR.finditer(passage)}


def _codes(question: str, passage: str, article: str = "") -> list[str]:
    """Words of letters and digits ("5G", "A380", "128GB") the passage lacks, spaces and
    hyphens aside. A hyphenated one ("STRIDE-2", "TOI-6094") names one of a series: missing
    when the passage names another of it ("STRIDE-1" over a passage on STRIDE-3) or the
    article never names it; a passage that names none of the series may still be about it."""
    squeezed = re.sub(r"[\s\-]", "", fold(passage))
    out = []
    for w in _WORD.findall(question):
        key = fold(w).replace("-", "")
        if _NUMBERISH.match(fold(w)) or key in squeezed:
            continue
        if _CODE.match(w):
            out.append(w)
        elif _HYPHEN_CODE.match(w):
            series = re.escape(fold(w).split("-")[0])
            sibling = re.search(rf"\b{series}-?\d", fold(passage))
            if sibling or key not in re.sub(r"[\s\-]", "", fold(article)):
                out.append(w)
    return out


def _titled(surname: str, passage: str) -> bool:
    """The passage names the person by an honorific and the surname ("Mr Atherton")."""
    titles = "|".join(HONORIFICS)
    name = re.escape(re.sub(r"['’]s$", "", surname))
    return re.search(rf"\b(?:{titles})\.?\s+{name}\b", passage, re.I) is not None


def _surname_of(run: list[str], unsupported: list[str], passage: str, article: str) -> bool:
    """The passage names the person by the surname alone, and the article gives the full name
    the question asks with and no other name ending in that surname (another "Romney" may be
    the one the passage means), nor writes the surname in lower case (a common noun)."""
    *given, last = [POSSESSIVE.sub("", w) for w in run]
    surname = re.escape(last)
    if any(POSSESSIVE.sub("", w) not in given for w in unsupported):
        return False
    if not re.search(rf"\b{surname}\b", passage):
        return False
    if re.search(rf"\b{re.escape(last.lower())}\b", article):
        return False  # a word the article also writes in lower case ("Harlow County") is no surname
    full = r"\s+".join(map(re.escape, [*given, last]))
    if not re.search(rf"\b{full}\b", article, re.I):
        return False
    stop = stopwords_en()
    before = re.findall(rf"\b([A-Z][\w'’\-]*)[ \t]+{surname}\b", article)
    others = {w for w in before if w.lower() not in stop and w.lower() not in HONORIFICS}
    return others <= set(given)


def _regnal(run: list[str], passage: str) -> str | None:
    """A name's numeral ("Henry II") the passage gives the name otherwise ("Henry III")."""
    for before, word in pairwise(run):
        named = _ROMAN.match(word) and re.search(rf"\b{re.escape(before)}\b", passage)
        if named and not re.search(rf"\b{re.escape(before)} {word}\b", passage):
            return f"{before} {word}"
    return None


def _name_runs(question: str) -> list[list[str]]:
    """Capitalised words after the first, grouped into runs ("Richard II", "Penhallow Point").
    No runs when most words are capitalised (a shouted or title-case question): then case
    says nothing about which words are names."""
    stop = stopwords_en()
    words = _WORD.findall(question)
    if sum(w[:1].isupper() for w in words) * 2 > len(words):
        return []
    runs: list[list[str]] = []
    prev_end = -2
    for k, m in enumerate(_WORD.finditer(question)):
        w = m.group(0)
        opens = k == 0 or re.search(r"[.!?:;]\s*$", question[: m.start()]) is not None
        if opens or not w[:1].isupper() or fold(w) in stop:  # a sentence's first word
            prev_end = -2
            continue
        if runs and prev_end >= 0 and not question[prev_end : m.start()].strip():
            runs[-1].append(w)
        else:
            runs.append([w])
        prev_end = m.end()
    return runs

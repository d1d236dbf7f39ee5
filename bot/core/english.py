"""English word classes the short answer reads spans with: months, number words, and the
closed-class words that never start or end an answer phrase (general English, no corpus's
words)."""

from __future__ import annotations

import re

from index.lexical import stopwords_en

MONTHS = frozenset(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# A telephone number ("01632 960 417", "+44 20 7946 0381", "555-0143"): digits, never an
# amount, a count or a date, though a contact line sits beside every kind of fact
PHONE = re.compile(
    r"(?<![\d,.])(?:\+\d{1,3}[ -]?\(?\d{1,4}\)?|\(?0\d{2,4}\)?)[ -]\d{3,4}(?:[ -]\d{3,4})?"
    r"(?!\d|[,.]\d)|(?<![\d,.-])\d{3}-\d{4}(?!\d|[,.]\d|-)"
)
# "How many ...?" (a count asked), a calendar year ("1998", "2022"), a possessive's "'s"
HOW_MANY = re.compile(r"\bhow many\b", re.I)
YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
POSSESSIVE = re.compile(r"['’]s$")
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# The counts English spells as one word, with their values ("seven": 7, "forty": 40)
_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen"
_UNITS += " fourteen fifteen sixteen seventeen eighteen nineteen twenty"
_TENS = "thirty forty fifty sixty seventy eighty ninety"
NUMBER_VALUES = {w: n for n, w in enumerate(_UNITS.split())} | {
    w: 10 * n for n, w in enumerate(_TENS.split(), 3)
}
NUMBER_WORDS = (frozenset(NUMBER_VALUES) - {"zero"}) | frozenset(
    "hundred thousand million billion trillion dozen half".split()
)
# Closed-class English words: they never start or end an answer phrase.
FUNCTION = (
    frozenset(
        "a an the this that these those its it their his her they he she we you i our my your"
        " and or but nor of in on at to for from by with as into onto over under between among"
        " through during before after since until against about within without upon via per"
        " is are was were be been being has have had do does did will would can could shall"
        " should may might must who whom whose which what when where why how than then there"
        " here also not no only even very such so some any each every all both either neither"
        " many much most few several more less however meanwhile although though soon later"
        " yet still already".split()
    )
    | stopwords_en()
)
CONNECT = frozenset("of de la le du von van der al bin da di del the".split())  # inside names
AUX = frozenset("did does do was were is are has have had will would can could".split())


FAMILY_LETTERS = 5  # shorter stems extend too many others ("part": "partner", "parti")


def same_family(a: str, b: str) -> bool:
    """One stem extends the other ("direct"/"director", "oppos"/"opposit"): a word family
    the stemmer keeps apart."""
    return (
        len(a) >= FAMILY_LETTERS
        and len(b) >= FAMILY_LETTERS
        and (a.startswith(b) or b.startswith(a))
    )

"""What a number question measures, and whether a sentence gives a number of that measure.

"How much did it cost?" wants an amount of money, "how long is the line?" a length (or a
duration), "how many kilos?" a weight, "what time?" a clock time. To MiniLM and to a bare
"has a digit" test, "£3.8 million" and "27 votes to 9" answer the cost question equally
well; a number with a unit of the asked measure is the evidence they miss. The units are
the general ones of any news or reference text (SI and imperial units, currencies, clock
times, ages), in English with the common symbols, plus the question words and units of
the other languages the indexer reads most (Spanish, French, German, Chinese); nothing names
a corpus's words.
"""

from __future__ import annotations

import re
from functools import lru_cache

_NUM = r"(?:\d[\d,]*(?:\.\d+)?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a dozen|dozens of|hundreds of|thousands of))"
_SCALE = (
    r"(?:\s?(?:thousand|million|billion|trillion|bn|m|k|mil millones de|millones de|millón de"
    r"|millions? d['’]|milliards? d['’]|millionen|milliarden|mio\.?|mrd\.?|万|亿))?"
)
_AFTER_NUMBER = (
    r"(?<![0-9A-Za-z.,$£€¥₹])"  # not inside a longer number or word (CJK text has no spaces)
)
# Units after a number, by measure. An amount of money is also a currency sign before it.
_UNITS = {
    "money": r"(?:dollars?|pounds? sterling|euros?|yen|yuan|rupees?|francs?|pesos?|cents?|pence"
    r"|p\b|dólares|dollars|元|美元|欧元|英镑|人民币)",
    "percent": r"(?:%|percent\b|per cent\b|percentage points?\b|por ciento|pour cent|prozent)",
    "length": r"(?:km|kilomet(?:re|er)s?|miles?|mi|met(?:re|er)s?|m|ft|feet|foot|cm|mm"
    r"|centimet(?:re|er)s?|millimet(?:re|er)s?|inch(?:es)?|yards?|yd|nautical miles"
    r"|kilómetros|metros|kilomètres|mètres|kilometer|公里|千米|米)(?![A-Za-z])",
    "duration": r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|nights?|weeks?|months?"
    r"|years?|yrs?|decades?|centuries)\b",
    "weight": r"(?:kg|kilos?|kilograms?|grams?|tonnes?|tons?|pounds?|lbs?|lb|ounces?|oz|stone)\b",
    "speed": r"(?:mph|km/h|kph|km per hour|miles (?:an|per) hour|knots?|m/s|metres per second)",
    "area": r"(?:sq(?:uare)? (?:km|kilomet(?:re|er)s|miles|met(?:re|er)s|feet|ft)|hectares?|ha|acres?"
    r"|km2|km²|m2|m²)\b",
    "capacity": r"(?:litres?|liters?|gallons?|ml|cl|gb|tb|mb|mah|kwh|mwh|gwh|kw|mw|gw|watts?"
    r"|horsepower|hp|seats?|beds?|pupils?|passengers?)\b",
    "temperature": r"(?:°\s?[cf]?|degrees?(?: celsius| fahrenheit| c| f)?)",
}
_CURRENCY_SIGN = r"[$£€¥₹]"
_CLOCK = re.compile(
    r"\b(?:\d{1,2}[.:]\d{2}\s?(?:am|pm|a\.m\.|p\.m\.|gmt|bst|utc|cet|et|pt)?|\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)"
    r"|noon|midday|midnight|\d{1,2} o'clock)",
    re.I,
)
_AGE = re.compile(
    r"\b(?:aged\s\d{1,3}|\d{1,3}-year-old|\d{1,3} years? old|age of \d{1,3}|at \d{1,3}(?![\w%]|[,.]\d|\s?[ap]\.?m\b))",
    re.I,
)

# "What is the price", "what oven temperature", "what was the firm's revenue": the measure's
# noun after what/which, its verb, "the" and up to two words of its own (a modifier, an owner)
_WHAT = r"\b(?:what|which) (?:(?:is|was|are|were) )?(?:the )?(?:[\w&.\-]+(?:['’]s?)? ){0,2}?"

# What the question measures, by its wording. Order matters only for readability: a question
# may ask for more than one measure ("how long": a length or a duration).
_ASKS = [
    (  # other languages first: their question words are unambiguous
        ("money",),
        r"\bcu[aá]nto\b.{0,40}\b(cuesta|cuestan|cost[oó]|costado|costar[aá]|vale|vali[oó]|pag[oó]"
        r"|pagado|invers\w*|gast\w*)|\bcu[aá]nto dinero\b|\bcombien\b.{0,40}\b(co[uû]t\w*|pay\w*)"
        r"|\bwie ?viel\b.{0,40}\b(kost\w*|bezahl\w*)|\bquant[oaie]\b.{0,40}\b(cost\w*|pag\w*|spes\w*)"
        r"|\bhoeveel\b.{0,40}\b(kost\w*|betaal\w*|betaald)|\bquanto\b.{0,40}\b(custa\w*|custou|pag\w*)"
        r"|多少钱|花了多少|多少.{0,4}(投资|费用|资金|元)"
        r"|(投资|造价|成本|费用).{0,6}多少",
    ),
    (
        ("length",),
        r"多少公里|多少米|多长|多远|多高|多深|全长多少|\bhoe (lang|ver|hoog|breed|diep)\b"
        r"|\bwie (lang|weit|hoch|tief|breit)\b",
    ),
    (("percent",), r"\bqu[eé] porcentaje\b|\bquel pourcentage\b|百分之多少|多少%"),
    (
        ("money",),
        r"\bhow much\b.{0,60}\b(cost|costs|costing|costed|pay|pays|paid|price|priced|spend|spent"
        r"|worth|charge|charged|fund|funded|invest|invested|raise|raised|budget|owe|owed|fine"
        r"|fined|sell|sold|money|cash|earn|earned|salary|bill|loan|lend|borrow|damages|compensation"
        r"|donat\w*|award\w*|bid)\b|\bhow much (money|cash)\b"
        # "how much is the ferry", "how much are tickets": what a thing costs
        r"|\bhow much (is|are|was|were) (a|an|the|one|each|tickets?)\b(?!.{0,40}\b(left|known|there)\b)"
        r"|\bwhat (will|would|does|did|do|is|was|could|might)\b.{0,60}\bcost\b"
        rf"|{_WHAT}(price|cost|fee|fine|salary|budget|value|bill|fare|rent|valuation|revenues?"
        r"|turnover|profits?|income|earnings|wages?)\b",
    ),
    (("percent", "money"), r"\bby how much\b"),
    (("percent",), r"\b(what|which) (percentage|percent|proportion|share|fraction|rate)\b"),
    (
        ("speed",),
        rf"\bhow fast\b|{_WHAT}speed\b|\bhow strong\b.{{0,40}}\b(wind|gust)",
    ),
    (
        ("duration",),
        r"\bhow long\b.{0,60}\b(take|took|taken|last|lasted|spend|spent|wait|waited|stay|stayed|serve|served|ago)\b",
    ),
    # "how long is the line": a length first; "how long has it been": a duration first
    (
        ("length", "duration"),
        r"\bhow long (is|was|are|were|will)\b(?!.{0,40}\b(been|take|last|ago)\b)",
    ),
    (("duration", "length"), r"\bhow long\b"),
    (
        ("length",),
        rf"\bhow (far|high|tall|deep|wide|thick|steep)\b|{_WHAT}(length|distance|height|depth|width"
        r"|altitude|elevation)\b",
    ),
    (("length", "area", "capacity", "weight"), rf"\bhow (big|large|small)\b|{_WHAT}size\b"),
    (("weight",), rf"\bhow heavy\b|\bhow much\b.{{0,40}}\bweigh|{_WHAT}weight\b"),
    (("temperature",), rf"\bhow (hot|cold|warm)\b|{_WHAT}temperature\b"),
    (("age",), rf"\bhow old\b|{_WHAT}age\b|\bat what age\b"),
    (("clock",), r"\b(what|which) time\b|\bat what time\b"),
]
# Where one measure is likelier than the other it allows; other lists are all equally good.
_RANKED = {("length", "duration"), ("duration", "length"), ("percent", "money")}
_ASKS_RE = [(kinds, re.compile(p, re.I)) for kinds, p in _ASKS]
_HOW_MANY = re.compile(r"\bhow many ([a-z]+)", re.I)


@lru_cache(maxsize=4096)
def _unit_class(word: str) -> str | None:
    """The measure a unit word belongs to ("kilos" -> weight), for "how many kilos"."""
    for kind, unit in _UNITS.items():
        if kind in ("money", "capacity"):
            continue  # "how many pounds" is rarely money in a question; seats are counted
        if re.fullmatch(unit, word, re.I):
            return kind
    return None


def asked_measures(question: str) -> tuple[str, ...]:
    """The measures the question asks for; () when it asks for none in particular."""
    m = _HOW_MANY.search(question)
    if m:
        kind = _unit_class(m.group(1).lower())
        return (kind,) if kind else ()
    for kinds, pattern in _ASKS_RE:
        if pattern.search(question):
            return kinds
    return ()


@lru_cache(maxsize=64)
def _measure_re(kind: str) -> re.Pattern[str]:
    if kind == "clock":
        return _CLOCK
    if kind == "age":
        return _AGE
    number = rf"{_NUM}{_SCALE}"
    if kind == "money":
        return re.compile(
            rf"{_CURRENCY_SIGN}\s?\d[\d,.]*{_SCALE}|{_AFTER_NUMBER}{number}\s?{_UNITS['money']}"
            r"|\b\d[\d,.]*\s?(?:usd|gbp|eur|jpy|cny)\b|\b(?:usd|gbp|eur)\s?\d",
            re.I,
        )
    unit = _UNITS[kind]
    if kind == "duration":  # "6 hours 20 minutes", "three years"
        return re.compile(rf"{_AFTER_NUMBER}{number}[\s-]?{unit}", re.I)
    return re.compile(rf"{_AFTER_NUMBER}{number}[\s-]?{unit}", re.I)


def measure_spans(kinds: tuple[str, ...], sentence: str) -> list[tuple[int, int]]:
    """Where the sentence gives a number of one of these measures: (start, end) offsets."""
    spans: list[tuple[int, int]] = []
    for kind in kinds:
        spans.extend(m.span() for m in _measure_re(kind).finditer(sentence))
    return sorted(spans)


def gives_measure(kinds: tuple[str, ...], sentence: str) -> float:
    """1 when the sentence gives the measure asked for first, 0.5 for another it allows
    ("how long is the line": a length, else a duration), else 0."""
    for rank, kind in enumerate(kinds):
        if _measure_re(kind).search(sentence):
            return 1.0 if rank == 0 or kinds not in _RANKED else 0.5
    return 0.0


_JOINS = re.compile(r"\s*(?:and\s+|,\s*)?")
_CONVERTED = re.compile(r"\s*\(")  # "3,412 metres (11,194 ft)": one amount, converted


def best_measure(
    kinds: tuple[str, ...], sentence: str, anchors: list[tuple[int, int, float]]
) -> tuple[int, int, float] | None:
    """The measure of the asked kind nearest the question's words in the sentence (anchors:
    their (start, end, weight)), as (start, end, closeness in [0, 1]); parts of one amount
    ("6 hours 20 minutes") are one span."""
    merged: list[list[int]] = []  # [start, end, preferred measure]
    for kind in kinds:
        for a, b in (m.span() for m in _measure_re(kind).finditer(sentence)):
            merged.append([a, b, kind == kinds[0] or kinds not in _RANKED])
    merged.sort()
    joined: list[list[int]] = []
    for span in merged:
        last = joined[-1] if joined else None
        if last is not None and (
            span[0] <= last[1] or _JOINS.fullmatch(sentence[last[1] : span[0]])
        ):
            last[1], last[2] = max(last[1], span[1]), last[2] or span[2]
        elif (
            last is not None
            and _CONVERTED.fullmatch(sentence[last[1] : span[0]])
            and sentence[span[1] : span[1] + 1] == ")"
        ):
            last[1] = span[1] + 1
        else:
            joined.append(list(span))
    merged = joined
    if not merged:
        return None
    total = sum(w for _, _, w in anchors) or 1.0

    def closeness(span: list[int]) -> float:
        near = 0.0
        for lo, hi, w in anchors:
            gap = span[0] - hi if hi <= span[0] else (lo - span[1] if lo >= span[1] else 0)
            near += w / (1 + max(gap, 0) / 25) / total
        return near + 0.15 * span[2]

    best = max(merged, key=closeness)
    return best[0], best[1], closeness(best)

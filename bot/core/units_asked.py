"""A unit the question names ("How high is it in feet?", "How many kilograms ...") that no
number in the passage is given in.

A passage giving the height in metres does not say it in feet: converting is not quoting, so
the question is a near miss of the passage's figure (the figure another measure names, or
another thing's: "45,000 tonnes a year" of carbon for "how many kilograms of hydrogen").
Units are read as general English spells them, written out or abbreviated ("km",
"kilometres", "47-mile"); only a unit after "in", "how many" or "how much" is one the
question names, so "a 5 km walk in Fife" asks for no unit.
"""

from __future__ import annotations

import re
from functools import cache

# General units of length, weight, area, volume, speed and temperature, each with its
# spellings. A one-letter abbreviation counts only in the passage ("887 m"), never as the
# question's word.
_UNITS = {
    "kilometres": r"km|kilomet(?:re|er)s?",
    "metres": r"m|met(?:re|er)s?",
    "feet": r"ft|feet|foot",
    "miles": r"mi|miles?",
    "centimetres": r"cm|centimet(?:re|er)s?",
    "millimetres": r"mm|millimet(?:re|er)s?",
    "inches": r"in|inch(?:es)?",
    "yards": r"yds?|yards?",
    "kilograms": r"kg|kilos?|kilograms?",
    "grams": r"g|grams?",
    "tonnes": r"t|tonnes?|tons?",
    "lb": r"lbs?",  # not "pounds": "in pounds" asks for money as often as for weight
    "ounces": r"oz|ounces?",
    "hectares": r"ha|hectares?",
    "acres": r"acres?",
    "litres": r"l|litres?|liters?",
    "gallons": r"gallons?",
    "mph": r"mph|miles (?:an|per) hour",
    "kilometres an hour": r"km/h|kph|kilomet(?:re|er)s (?:an|per) hour",
    "celsius": r"°\s?c|degrees? celsius|celsius|centigrade",
    "fahrenheit": r"°\s?f|degrees? fahrenheit|fahrenheit",
}
_NUMBER = r"\d[\d,]*(?:\.\d+)?"


def _spellings(name: str) -> str:
    """The unit's spellings a question may use: none of one letter ("in m" is no unit)."""
    return "|".join(s for s in _UNITS[name].split("|") if len(s.replace("?", "")) > 2)


@cache
def _asked(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:in|how many|how much)\s+(?:{_spellings(name)})\b", re.I)


@cache
def _given(name: str) -> re.Pattern[str]:
    return re.compile(rf"{_NUMBER}[\s\-]?(?:{_UNITS[name]})(?![A-Za-z])", re.I)


def unit_missing(question: str, passage: str) -> str | None:
    """The unit the question names that no number in the passage is given in, else None."""
    for name in _UNITS:
        if _asked(name).search(question) and not _given(name).search(passage):
            return f"a figure in {name}"
    return None

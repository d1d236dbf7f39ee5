"""Front matter: the fields a static-site generator writes above the article.

`---` / `key: value` / `---` (YAML, read line by line), or `+++` / `key = value` / `+++`
(TOML, Hugo's own). The names generators use for the same field ("published", "authors",
"canonical", "site_name", ...) are read as citebot's own.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable

_YAML = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_TOML = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)\r?\n\+\+\+[ \t]*(?:\r?\n|\Z)", re.S)
ALIASES = {
    "published": "date", "published_at": "date", "publishdate": "date", "pubdate": "date",
    "date_published": "date", "authors": "author", "byline": "author", "link": "url",
    "canonical": "url", "canonical_url": "url", "permalink": "url", "source_url": "url",
    "site_name": "outlet", "sitename": "outlet", "publication": "outlet", "publisher": "outlet",
    "headline": "title", "lang": "language",
}  # fmt: skip


def split_front_matter(source: str) -> tuple[dict[str, str], str]:
    """(fields, the text under them). Malformed lines are ignored, not fatal; TOML that does
    not parse as a whole is read line by line, as `key = value`."""
    if match := _YAML.match(source):
        pairs = [line.partition(":") for line in match.group(1).splitlines()]
        return _fields((k, v) for k, sep, v in pairs if sep), source[match.end() :]
    if match := _TOML.match(source):
        try:
            table = tomllib.loads(match.group(1))
        except tomllib.TOMLDecodeError:
            pairs = [line.partition("=") for line in match.group(1).splitlines()]
            return _fields((k, v) for k, sep, v in pairs if sep), source[match.end() :]
        tables = {k for k, v in table.items() if isinstance(v, dict)}  # "[params]": no field
        fields = _fields((k, _text(v)) for k, v in table.items() if k not in tables)
        return fields, source[match.end() :]
    return {}, source


def _text(value: object) -> str:
    """A TOML value as the text YAML front matter would give: a date as YYYY-MM-DD (a
    datetime keeps its time), a list of names as "A and B"."""
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, bool):  # "draft = false" as YAML writes it
        return str(value).lower()
    if isinstance(value, list):
        return " and ".join(str(v) for v in value if isinstance(v, (str, int, float)))
    return str(value)


def _fields(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for key, value in pairs:
        if not key.strip():
            continue
        name = ALIASES.get(key.strip().lower(), key.strip().lower())
        value = value.strip().strip("\"'")
        if value.startswith("[") and value.endswith("]"):  # authors: [A, B]
            value = " and ".join(v.strip(" \"'") for v in value[1:-1].split(",") if v.strip())
        if name not in fields or not fields[name]:
            fields[name] = value
    return fields

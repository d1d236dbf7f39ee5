"""A date line's label and what stands around its date: "Published 14 March 2023",
"Posted by A on <date>", "Publicado el 18 de octubre de 2024, 08:30 · Actualizado a las
12:15", "Pubblicato il 10/10/2024 alle 17:25".

A page says when it published or updated a story with the same few words in each language
(a publishing verb's participle or a "date" label, an optional "on"), then the date, then
maybe a clock time and a second, later date for the update. Those words are the line's
shape, not its content: they are read off so that what is left says whether the line is a
dateline, a byline with a date, or a date heading a headline.
"""

from __future__ import annotations

import re

from .datelines import find_dates, is_weekday

# The words a page labels its publication or update with, in the languages the corpus may
# hold: participles of "publish", "post", "release", "issue", "update", "modify" and labels
# meaning "date".
_PUBLISHED = (
    "published|posted|released|issued|edited|date|dated|publicado|publicada|publié|publiée|veröffentlicht"
    "|pubblicato|pubblicata|gepubliceerd|geplaatst|publisert|publicerad|publiceret"
    "|opublikowano|опубликовано|yayınlanma|yayınlandı"
)
_UPDATED_WORDS = (
    "updated|modified|actualizado|actualizada|mis à jour|aktualisiert|aggiornato|aggiornata"
    "|atualizado|atualizada|bijgewerkt|oppdatert|uppdaterad|opdateret|zaktualizowano"
    "|обновлено|güncellendi|güncelleme"
)
_CJK_LABELS = "发布时间|发布|更新时间|更新日|更新|日期|公開日"
_UPDATED = re.compile(rf"(?:{_UPDATED_WORDS}|更新)", re.I)
# The small word between the label and the date ("on", "el", "il", "em", "op", "den")
_ON = r"(?:\s+(?:on|at|el|le|am|il|em|op|den|в))?"
_DATE_LABEL = re.compile(
    r"^(?:(?:this (?:article|story|page) was )?(?:first |originally |last )?"
    rf"(?:{_PUBLISHED}|{_UPDATED_WORDS}|{_CJK_LABELS}){_ON})\s*[:：]?\s*",
    re.I,
)
# A clock time, a time zone, a reading time, and the word a language says a time with
# ("at", "um", "a las", "alle", "às", "om", "kl.")
_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?i:[ap]\.?\s?m\.?|uhr\b)?|\b\d{1,2}\s*(?i:[ap]\.?m\.?)(?!\w)"
    r"|\b(?:[A-Z]{2,4}|UTC[+-]\d+)\b(?=\W*$)|\b\d+\s+(?i:min(?:ute)?s?\s+read)\b"
    r"|\b(?i:at|on|um|a las|alle|às|om|kl)\b\.?"
)
_LABEL_AT_END = re.compile(
    rf"[\s|·•,—–-]*\b((?:first |originally |last )?(?:{_PUBLISHED}|{_UPDATED_WORDS})){_ON}\s*:?$",
    re.I,
)
# "· Updated 3 hours ago", "· Actualizado a las 12:15": a second, later label after the date
_LATER_DATE = re.compile(
    rf"\s*[|·•]\s*(?:last\s+)?(?:{_PUBLISHED}|{_UPDATED_WORDS})\b.*$",
    re.I,
)


def is_update_label(label: str) -> bool:
    """ "updated", "actualizado", "aggiornato il": the label dates a revision, not the story."""
    return bool(_UPDATED.search(label))


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def date_line(line: str, language: str) -> tuple[str, str, str, str] | None:
    """(iso date, label, before, after) for the first full date in the line: "Published 14
    March 2023" -> ("2023-03-14", "published", "", ""). `before` is what precedes the date
    and its label ("Posted by A on"), `after` what follows once times and separators are
    gone. Callers decide from those whether the line is a dateline at all."""
    if len(line) > 300:
        return None  # a dateline is short; a paragraph that mentions dates is not one
    found = find_dates(line, language)
    if not found:
        return None
    first = found[0]
    before, after = line[: first.start].strip(), line[first.end :]
    label = ""
    if label_m := _DATE_LABEL.match(before):
        label, before = label_m.group(0).strip().lower(), before[label_m.end() :]
    # "Published 3:14 p.m. ET March 2, 2021", "11:58, 24 MAY 2023": a time may come first
    before = _squeeze(_TIME.sub(" ", before)) if _TIME.search(before) else before
    before = re.sub(r"(?:^|\s+)(?:on|at|el|le|am|il|the)\s*$|[\s,|·•—–:-]+$", "", before).strip()
    if (wd := re.search(r"(?:^|\s)([^\W\d_]{3,})\.?,?$", before)) and is_weekday(
        wd.group(1), language
    ):
        before = before[: wd.start()].strip()  # "Thu 23.01.2025": the weekday is the date's
    # "By A | Published <date> | Updated <date>": the label may follow the byline, and a
    # second, later date (the update) may follow the first.
    if tail_m := _LABEL_AT_END.search(before):
        label, before = label or tail_m.group(1).lower(), before[: tail_m.start()].strip()
    after = _LATER_DATE.sub("", after)
    rest = _squeeze(_TIME.sub(" ", after))
    rest = re.sub(r"^[\s,|·•—–-]+|[\s,|·•—–-]+$", "", rest)
    return first.iso, label, before, rest

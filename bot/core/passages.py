"""Citation passages: a selected sentence plus its closest neighbours, verbatim."""

from __future__ import annotations

from dataclasses import dataclass

from index.shared.article import Article
from index.snapshot import Snapshot

# Long enough to carry the sentence's context (who said it), short enough to be precise.
TARGET_CHARS = 220


@dataclass(frozen=True)
class Window:
    article: Article
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.article.text[self.start : self.end]


def passage_around(snap: Snapshot, j: int, limit: int = 400) -> Window:
    art = snap.articles[int(snap.sent_article[j])]
    start, end = int(snap.sent_start[j]), int(snap.sent_end[j])
    lo = hi = j
    grew = True
    while grew and end - start < min(TARGET_CHARS, limit):
        grew = False
        for step in (-1, 1):  # the sentence before usually says who is speaking
            k = (lo if step < 0 else hi) + step
            if not _same_paragraph(snap, art.text, j, k):
                continue
            s, e = min(start, int(snap.sent_start[k])), max(end, int(snap.sent_end[k]))
            if e - s <= limit:
                start, end, grew = s, e, True
                lo, hi = min(lo, k), max(hi, k)
                if end - start >= TARGET_CHARS:
                    break
    return Window(art, start, end)


def _same_paragraph(snap: Snapshot, text: str, j: int, k: int) -> bool:
    if k < 0 or k >= len(snap.sent_start) or snap.sent_article[k] != snap.sent_article[j]:
        return False
    a, b = sorted((int(snap.sent_end[min(j, k)]), int(snap.sent_start[max(j, k)])))
    return "\n" not in text[a:b]

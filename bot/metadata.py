"""Questions about an article rather than its content: who wrote it, where, when."""

from __future__ import annotations

import re
from dataclasses import replace

from index.snapshot import Snapshot

from .models import Answer, AnswerSentence
from .passages import passage_around
from .retrieve import Hit

_INTENTS = {
    "author": re.compile(
        r"\b(who (wrote|authored|penned|writes)|author|written by|byline|whose (article|story))\b",
        re.I,
    ),
    "outlet": re.compile(
        r"\b((which|what) (outlet|publication|site|website|newspaper|paper|magazine|tabloid|news ?site)"
        r"\b.{0,40}\b(publish|ran|run|post|carr|print|put out)\w*"
        r"|(published|posted|printed|reported) (by|in|on) (which|what)|(which|what) (outlet|site|website)"
        r"\b.{0,30}\b(is|was) (it|this|that) (from|on))",
        re.I,
    ),
    "date": re.compile(
        r"\b(when was (it|this|that|the) ?(article|story|piece|report|post)? ?(published|written|posted|dated|out)"
        r"|(what|which) (date|day) was .{0,60}(published|written|posted)|publication date|dated"
        r"|(what|which) date is (on|of) (the|this|that)"
        r"|date of (the|this|that) (article|story|piece|report|post|exclusive))\b",
        re.I,
    ),
}


def metadata_intent(question: str) -> str | None:
    for name, pattern in _INTENTS.items():
        if pattern.search(question):
            return name
    return None


def metadata_answer(
    question: str, intent: str, snap: Snapshot, top: Hit, content: Answer
) -> Answer:
    """Answer from the best-matching article's metadata, cited by its matching passage."""
    art = snap.articles[int(snap.chunk_article[top.chunk])]
    value = {"author": art.author, "outlet": art.outlet, "date": art.date}[intent]
    if value is None:
        return content  # unknown metadata: the content answer (or refusal) stands
    lead = {
        "author": f"“{art.title}” was written by {value}.",
        "outlet": f"“{art.title}” was published by {value}.",
        "date": f"“{art.title}” is dated {value}.",
    }[intent]
    cited = [c for c in content.citations if c.article_id == art.id]
    if cited:
        first = cited[0]
    else:
        first = passage_around(snap, int(snap.chunk_s0[top.chunk])).cite(1, top.fused)
    others = [c for c in content.citations if c is not first]
    citations = [replace(first, n=1)] + [replace(c, n=i + 2) for i, c in enumerate(others)]
    renumber = {c.n: i + 1 for i, c in enumerate([first, *others])}
    sentences = [
        AnswerSentence(s.text, renumber[s.n]) for s in content.sentences if s.n in renumber
    ]
    rest = " ".join(f"{s.text} [{s.n}]" for s in sentences if s.n != 1)
    text = f"{lead} [1]" + (f" {rest}" if rest else "")
    return Answer(question, True, text, citations, sentences, kind="metadata")

"""Questions about an article rather than its content: who wrote it, where, when."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.core.dates_written import as_written, sentence_at
from bot.core.models import Closest, Draft, Quote, Source
from bot.core.passages import passage_around
from index.lexical import tokenize
from index.shared.article import outlet_key

if TYPE_CHECKING:
    from index.snapshot import Snapshot

# What a page calls itself ("report" only as "the report" itself: a story's report is
# usually one it reports on): a question about one of these is about the article, while "who
# wrote the novel" or "when was the treaty signed" asks about what the article reports.
_KIND = (
    r"(article|story|stories|piece|post|column|op-?ed|editorial|review|feature"
    r"|blog(?: post)?|coverage|write-?up|news item|press release|obituary|interview"
    r"|show notes|alert|notice|announcement|bulletin)"
)
_ASKED = r"(it|this|that|the|these|those|his|her|their)"
# A named person's own piece ("Ruth Alderidge's obituary") is the article too; "report" stays
# out, as "the council's audit report" is one the article reports on.
_OWNED = rf"({_ASKED}\b.{{0,60}}\b|[\w.-]+(?: [\w.-]+){{0,3}}['’]s )"
# The verbs a news page credits its makers with ("Reporting by", "Reviewed by", "Interview
# by"): authorship only when their object is the article kind itself ("who reported the
# story", not "who reviewed the planning application").
_CREDITS = r"(reported|reviewed|interviewed|covered|edited|filed|compiled)"
# Other languages' "who wrote the article": a writing verb with an article noun.
_FOREIGN_AUTHOR = (
    r"wer hat (den|die|das|diesen|diese|dieses) (artikel|bericht|beitrag|text|kommentar"
    r"|rezension|reportage|interview)\b.{0,60}\b(geschrieben|verfasst)"
    r"|wer (schrieb|verfasste) (den|die|das|diesen|diese|dieses) (artikel|bericht|beitrag|text)"
    r"|qui a (écrit|rédigé|signé) (l['’]|le |la |cet |cette )(article|reportage|papier"
    r"|chronique|critique|billet|interview|éditorial)"
    r"|qui est l['’]auteur (de l['’]|du |de la |de cet |de cette )(article|reportage"
    r"|papier|chronique|critique|billet)"
    r"|qui[eé]n (escribió|redactó|firmó|firma|escribe) (el|la|este|esta|ese|esa) (artículo"
    r"|reportaje|crónica|nota|columna|reseña|noticia|entrevista|texto|pieza)"
    r"|qui[eé]n es el autor (del|de la|de este|de esta) (artículo|reportaje|crónica|nota"
    r"|columna|reseña|noticia)"
)
_INTENTS = {
    "author": re.compile(
        rf"\b(who (wrote|authored|penned|writes)\b(?=\s*$|\s*\?|\s+{_ASKED}\b.{{0,60}}\b{_KIND}\b"
        rf"|\s+(it|this|that)\b|\s+[\u201c\u2018'\x22])|author of {_ASKED}\b.{{0,60}}\b{_KIND}\b|(article|story|piece)'?s? author"
        rf"|written by|byline|whose (article|story|piece|column)"
        rf"|who {_CREDITS} {_ASKED}\b.{{0,60}}\b{_KIND}\b|{_FOREIGN_AUTHOR})",
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
        rf"\b(when was (it|this|that|the)\b ?({_KIND}|report)? ?(published|written|posted|dated|out)"
        rf"|when was {_OWNED}{_KIND}\b.{{0,60}}\b(published|written|posted|put out|out)"
        rf"|when did .{{0,40}}\b(publish|run|post|print)\b.{{0,60}}\b{_KIND}\b"
        r"|(what|which) (date|day) was .{0,60}(published|written|posted)|publication date|dated"
        r"|(what|which) date is (on|of) (the|this|that)"
        # a page, issue or edition of an outlet "comes out" on the date it is dated
        rf"|(when|(what|which) (date|day)) (did|does|was|were) .{{0,60}}\b({_KIND}|page|issue|edition"
        r"|newsletter|bulletin)s? (come|came|go|went|appear)\w* out"
        # a story "runs" or "appears" on the day it is published
        rf"|(when|(what|which) (date|day)) (did|does|was|were) {_ASKED} ({_KIND}|report)s?"
        r" (run|ran|appear|appeared|publish|print|air|go up|went up)"
        rf"|date of {_ASKED} {_KIND})\b",
        re.I,
    ),
}


# A credit verb whose work was done "for" the page's own outlet ("who reviewed the R7 for
# Circuit & Home") asks for the page's maker whatever its object; the outlet is compared with
# the answering article's, so "who took 7 wickets for Somerset" stays a content question.
_CREDIT_FOR = re.compile(
    rf"\bwho (wrote|authored|penned|{_CREDITS[1:-1]})\b.{{0,80}}?\bfor (the )?(?P<outlet>[^?]+?)\s*\??\s*$",
    re.I,
)


def _outlet_named(named: str, outlet: str | None) -> bool:
    """The page's outlet by its name, or by the end of it ("the Courier" for "The
    Pellingford Courier", as readers shorten a paper's name)."""
    key, full = outlet_key(named), outlet_key(outlet or "")
    return bool(outlet and key) and (key == full or full.endswith(" " + key))


def metadata_intent(question: str) -> str | None:
    for name, pattern in _INTENTS.items():
        if pattern.search(question):
            return name
    return None


def metadata_stage(draft: Draft) -> Draft:
    """A question about the best-matching article itself is answered from its metadata,
    cited by its passage in the draft (or its opening passage); the content quotes stay."""
    evidence = draft.evidence
    intent = metadata_intent(evidence.question)
    credit = _CREDIT_FOR.search(evidence.question) if intent is None else None
    intent = intent or ("author" if credit else None)
    if intent is None:
        return draft
    snap = evidence.snapshot
    # The headline is metadata, not text: a question that names it is matched against the
    # titles themselves; otherwise the best evidence's article is the one asked about.
    named = _article_named(evidence.question, snap)
    if named is None and not evidence.sentences:
        return draft
    if named is not None:
        row = named
        score = evidence.sentences[0].hit.fused if evidence.sentences else 0.0
    else:
        top = evidence.sentences[0].hit
        row, score = int(snap.chunk_article[top.chunk]), top.fused
    art = snap.articles[row]
    if credit is not None and not _outlet_named(credit["outlet"], art.outlet):
        return draft
    s0 = snap.first_sentence(row) if named is not None else int(snap.chunk_s0[top.chunk])
    value = {"author": art.author, "outlet": art.outlet, "date": art.date}[intent]
    if value is None:
        # The page gives no such metadata: its sentences are about what it reports, not
        # about its own making, so a content answer would answer another question
        near = draft.sources[0].window if draft.sources else None
        closest = Closest(near.article.id, near.text, near.start, near.end) if near else None
        return Draft(evidence, False, kind="refusal", closest=closest or draft.closest)
    at = None
    if intent == "date":  # the date in the article's own words, cited where it says so
        value, at = as_written(art, value)
    lead = {
        "author": f"“{art.title}” was written by {value}.",
        "outlet": f"“{art.title}” was published by {value}.",
        "date": f"“{art.title}” is dated {value}.",
    }[intent]
    first = next((s for s in draft.sources if s.window.article.id == art.id), None)
    if at is not None:
        first = Source(passage_around(snap, sentence_at(snap, snap.first_sentence(row), at)), score)
    elif first is None:
        first = Source(passage_around(snap, s0), score)
    others = [s for s in draft.sources if s.key != first.key]
    # The lead speaks for the article's own passage; content quotes citing it would repeat it.
    quotes = [Quote(lead, first.key, None)] + [
        replace(q, shown=q.shown and q.source != first.key) for q in draft.quotes
    ]
    return replace(draft, answered=True, kind="metadata", sources=[first, *others], quotes=quotes)


def _article_named(question: str, snap: Snapshot) -> int | None:
    """The article whose title the question quotes: most of the title's words are in it.

    Headline terms are inverted when a segment is written (index/catalog.py), so this
    reads the question's terms' article lists, never every headline."""
    shared: dict[int, int] = {}
    for word in set(tokenize(question)):
        for i in snap.title_rows(word).tolist():
            shared[i] = shared.get(i, 0) + 1
    if not shared:
        return None
    sizes, chunks = snap.title_sizes, snap.article_chunks
    best, best_share = None, 0.0
    for i in sorted(shared):  # ties go to the first article, as a scan in order would
        if chunks[i] <= 0:  # nothing of it can be cited
            continue
        size = int(sizes[i])
        share = shared[i] / size if size >= 2 else 0.0
        if share > best_share:
            best, best_share = i, share
    return best if best_share >= 0.6 else None

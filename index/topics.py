"""The terms an article is about, found once when its segment is written.

A question may name what an article is about though the cited passage does not repeat it
("How long is the X walk?" over "The full route is 23 km"), so answering asks, for every
candidate sentence, which terms its article is about. Counting that at answer time
tokenised every sentence of every candidate article: at 100k chunks, most candidates are
articles no earlier question read, and it was a seventh of an answer. A segment stores
each article's list in its catalog line instead (bot/core/vocabulary.py reads it).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .lexical import tokenize
from .shared.article import Article

# The place a story is filed from, in capitals opening one of its first sentences (a standfirst
# may come first): "BORGO VALDORSA -",
# "ULAANBAATAR, June 30 (Agency) -": the story is about it as much as about its headline.
_DATELINE = re.compile(r"^\s*([^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_]+){0,4})\s*(?:,|[-–—]\s)")
# A term in this many of an article's sentences (or in its title, byline or outlet) is what the
# article is about.
TOPIC_SENTENCES = 3


def topic_terms(article: Article, sentences: Iterable[str]) -> list[str]:
    """The terms in TOPIC_SENTENCES or more of the sentences, or in the headline, byline,
    outlet or dateline place; sorted, so a segment's bytes depend on the article alone."""
    counts: Counter[str] = Counter()
    place = ""
    for k, sentence in enumerate(sentences):
        counts.update(set(tokenize(sentence)))
        if k < 3 and not place and (m := _DATELINE.match(sentence)) and m.group(1).isupper():
            place = m.group(1)
    head = " ".join(x or "" for x in (article.title, article.author, article.outlet, place))
    for term in tokenize(head):
        counts[term] += TOPIC_SENTENCES
    return sorted(t for t, n in counts.items() if n >= TOPIC_SENTENCES)

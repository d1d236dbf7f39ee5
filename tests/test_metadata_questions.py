"""Which questions ask about the article itself (its writer, outlet, date) and which ask
about what it reports: the article-kind noun decides, whatever the article is about."""

from __future__ import annotations

import pytest

from bot.core.metadata import metadata_intent


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Who wrote the article about the harbour strike?", "author"),
        ("who wrote the show notes for the hedgehog episode", "author"),
        ("When was the granola allergy alert posted?", "date"),
        ("when was the road closure notice published", "date"),
        ("who wrote the blog post on walking the coast path", "author"),
        ("Who wrote the Evening Post piece on the bus strike?", "author"),
        ("who wrote this?", "author"),
        ("Who wrote “Harbour strike ends after nine days”?", "author"),
        ("Who is the author of this review?", "author"),
        ("whose column was it?", "author"),
        ("When was the bike lanes column published?", "date"),
        ("when was the city hall story about the budget posted", "date"),
        ("When was it published?", "date"),
        ("when did the Gazette publish its story on the flood", "date"),
        ("What is the publication date?", "date"),
        ("Which newspaper published the report?", "outlet"),
        # the credits a page gives its makers, with the article kind as their object
        ("Who reported the Northwire story about the water ruling?", "author"),
        ("who covered the interview with the harbour master", "author"),
        ("who reviewed this piece", "author"),
        ("who's the byline on the flood story?", "author"),
        # "who wrote the article" in other languages
        ("Wer hat den Artikel über die Talbahn geschrieben?", "author"),
        ("wer hat diesen Bericht verfasst", "author"),
        ("Qui a écrit l'article ?", "author"),
        ("qui a rédigé cette chronique sur le marché", "author"),
        ("¿Quién escribió el artículo?", "author"),
        ("quien firmó la crónica del partido", "author"),
        # a named person's own piece, and the day a story ran
        ("When was Ruth Alderidge's obituary published?", "date"),
        ("when was the critic's review of the opera posted", "date"),
        ("What day did the story run?", "date"),
        ("when did the interview appear", "date"),
        # What the article reports, not the article:
        ("Who wrote the novel the film is adapted from?", None),
        ("Who wrote the letter to the mayor?", None),
        ("Who wrote in about the number 46 bus?", None),
        ("Who is the author of the study?", None),
        ("When was the council's audit report published?", None),
        ("When was the treaty signed?", None),
        ("What was authored in the 12th century?", None),
        ("Who reviewed the planning application?", None),
        ("Who reported the crash to the police?", None),
        ("Who reviewed the report into the fire?", None),
        ("Wer hat den Brief geschrieben?", None),
        ("¿Quién escribió la carta al alcalde?", None),
        ("What day did the council meeting run?", None),
        ("When did the festival run?", None),
    ],
)
def test_metadata_intent(question: str, intent: str | None) -> None:
    assert metadata_intent(question) == intent

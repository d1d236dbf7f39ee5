"""A question about an article's own making (who wrote it, when it was published) whose
page gives no such metadata is refused, not answered by a sentence about what the page
reports; where the page gives it, the metadata answers. Real index, real model."""

from __future__ import annotations

import pytest
from conftest import written_engine

ARTICLES = {
    # a police log: an outlet and a date, no author anywhere
    "log.txt": "THE FENLOW RECORD\n\nPolice log: a stolen bicycle and a loose pony on Mill Lane\n\n"
    "Posted: March 10, 2025\n\n"
    "The following incidents were reported to the Fenlow police between Monday and Sunday.\n\n"
    "A resident of Mill Lane reported that a pony had got loose and was eating hedges.\n\n"
    "A bicycle was stolen from the rack outside the library on Friday afternoon.\n",
    # a food feature: a writer's byline, no date anywhere
    "bakery.md": "# The plum tart that kept the Orchard Row bakery open\n\nBy Ines Calloway\n\n"
    "Every Saturday the queue outside the Orchard Row bakery reaches the corner by seven.\n\n"
    "The bakery sells about 200 plum tarts a week, and the recipe has not changed in years.\n",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):  # type: ignore[no-untyped-def]
    return written_engine(tmp_path_factory, "unknown_meta", ARTICLES)


@pytest.mark.parametrize(
    "question",
    [
        "Who wrote the story about the loose pony on Mill Lane?",
        "who is the author of the police log article about the stolen bicycle",
        "When was the article about the Orchard Row bakery plum tart published?",
        "what date was the story on the Orchard Row bakery written",
    ],
)
def test_metadata_the_page_does_not_give_is_refused(engine, question) -> None:  # type: ignore[no-untyped-def]
    answer = engine.answer(question)
    assert not answer.answered and not answer.citations, answer.text


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("Who wrote the story about the Orchard Row bakery plum tart?", "Ines Calloway"),
        ("When was the story about the loose pony published?", "March 10, 2025"),
    ],
)
def test_metadata_the_page_gives_answers(engine, question, value) -> None:  # type: ignore[no-untyped-def]
    answer = engine.answer(question)
    assert answer.answered and value in answer.text, answer.text

"""The asked detail must be in the answering passage: a sum for "how much ... cost", a name
for "who", a date for "when" (bot/core/answerable.py), and an answer that gives one stands."""

from __future__ import annotations

import pytest

from bot.core.answerable import missing, names


@pytest.mark.parametrize(
    "sentence",
    [
        "The upgrade will cost the county $3.5m over two years.",
        "Officials put the bill at £62 million, including debt.",
        "The plant cost 40 million euros to build.",
        "Tickets are priced at EUR 25 each.",
        "She was paid 1,200 dollars a month during the trial.",
    ],
)
def test_a_sum_in_any_format_answers_a_money_question(sentence: str) -> None:
    assert missing("How much did it cost?", sentence, sentence) is None


def test_no_sum_is_missing_money_and_the_questions_own_sum_does_not_count() -> None:
    career = "Ms Okoro joined the insurer from a rival bank in 2011 and now runs its Lagos office."
    assert missing("How much does Ms Okoro earn?", career, career) == "a sum of money"
    repeated = "The $20 pass went on sale in March."
    question = "How much more than the $20 pass does the annual pass cost?"
    assert missing(question, repeated, repeated) == "a sum of money"
    # a number that is no sum (a length, a count) is not one either
    bridge = "The viaduct, finished in 1974, is 412 metres long and carries two tracks."
    assert missing("What did the viaduct cost to build?", bridge, bridge) == "a sum of money"


def test_a_name_question_needs_a_name_the_question_does_not_give() -> None:
    q = "Who founded the Larkspur Mill?"
    about = "The Larkspur Mill employed most of the village for a century."
    assert missing(q, about, about) == "a name"
    named = "The Larkspur Mill was founded by brothers Amos and Eli Tarrant in 1851."
    assert missing(q, named, named) is None
    # the name may be in the passage around the sentence, and a single word
    passage = f"{about} It was founded by Tarrant, a weaver."
    assert missing(q, about, passage) is None
    naming = "What was the name of the ferry's captain?"
    crew = "the ferry's captain steered it back to port after the engine failed."
    assert missing(naming, crew, crew) == "a name"


def test_names_skip_sentence_openers_months_and_repeats_of_the_question() -> None:
    assert names("The council met in March. In May, Priya Raman spoke.") == ["Priya", "Raman"]
    q = "Who chairs Norway's fisheries board?"
    text = "A spokesperson for Norway said the board would meet again."
    assert missing(q, text, text) == "a name"


@pytest.mark.parametrize(
    "sentence",
    [
        "The bridge opened to traffic in 1932.",
        "Work started in the 1890s.",
        "The doors open at 7.30pm on weekdays.",
        "It was rebuilt on Tuesday after the storm.",
        "The abbey was rebuilt in the 12th century.",
        "The hall reopened after the war.",
    ],
)
def test_any_time_word_answers_a_when_question(sentence: str) -> None:
    # "happen" names no event of its own to look for (asked_event.py)
    assert missing("When did it happen?", sentence, sentence) is None


def test_a_sentence_that_says_nothing_of_time_is_missing_a_date() -> None:
    s = "Harriet Vale became chair of the trust, said a spokesman for the trust."
    assert missing("When did Harriet Vale become chair of the trust?", s, s) == "a date"
    hosted = "The Grange hosted weddings for the county's farmers."
    assert missing("What year did the Grange close?", hosted, f"{hosted} It was sold in 1998.") == (
        "a date"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "La huelga de autobuses empezará el 4 de marzo, según el sindicato.",
        "Der Streik beginnt am 4. März, teilte die Gewerkschaft mit.",
        "La grève commencera le 4 mars, selon le syndicat.",
    ],
)
def test_an_english_when_over_a_sentence_in_another_language_is_not_read_for_english_time_words(
    sentence: str,
) -> None:
    # the time words are English: "4 de marzo" is a date they cannot see
    assert missing("When does the bus strike start?", sentence, sentence) is None
    english = "The bus strike was called by the union over pay and conditions."
    assert missing("When does the bus strike start?", english, english) == "a date"


def test_questions_of_other_kinds_and_languages_are_left_alone() -> None:
    s = "The mayor was upset by the vote."
    assert missing("Why was the mayor upset?", s, s) is None
    assert (
        missing("¿Quién fundó la empresa?", "la empresa es grande.", "la empresa es grande.")
        is None
    )
    assert missing("How old is the mayor?", s, s) is None  # a measure other than money


def test_engine_refuses_a_sum_its_articles_never_give(general_engine) -> None:  # type: ignore[no-untyped-def]
    q = "How much did the Hollin Bank Bakery sourdough sell for?"
    answer = general_engine.answer(q)
    assert not answer.answered and not answer.citations
    assert answer.closest is not None and "sourdough" in answer.closest.passage
    assert missing(q, answer.closest.passage, answer.closest.passage) == "a sum of money"


def test_engine_refuses_a_when_the_passage_gives_no_time(general_engine) -> None:  # type: ignore[no-untyped-def]
    answer = general_engine.answer(
        "When did Dave Kerrigan start as the union's regional secretary?"
    )
    assert not answer.answered and not answer.citations
    assert answer.closest is not None and "Kerrigan" in answer.closest.passage


def test_engine_still_answers_when_the_detail_is_there(general_engine) -> None:  # type: ignore[no-untyped-def]
    price = general_engine.answer("How much does the Slate 5 cost?")
    assert price.answered and price.short_answer is not None
    assert "$449" in price.short_answer.text
    clock = general_engine.answer("When did the tree fall on the car in Lanmoor?")
    assert clock.answered and "1.30am" in clock.text


def test_a_sum_noun_after_how_much_asks_for_money_but_not_over_a_percentage() -> None:
    q = "How much rent did the housing trust collect last year?"
    plain = "The housing trust let out 140 flats across the estate last year."
    assert missing(q, plain, plain) == "a sum of money"
    paid = "Tenants paid the housing trust about £1.9m in rent last year."
    assert missing(q, paid, paid) is None
    rose = "Profits at the cooperative rose 12% on the year."
    assert missing("By how much did profits rise at the cooperative?", rose, rose) is None


def test_a_date_asked_without_opening_with_when() -> None:
    reopened = "The museum reopened with a new wing for its fossil collection."
    assert missing("On what date did the museum reopen?", reopened, reopened) == "a date"
    dated = "The museum reopened on 4 June with a new wing."
    assert missing("On what date did the museum reopen?", dated, dated) is None
    assert missing("In what year did the museum reopen?", "It reopened in 1987.", "") is None


def test_who_is_a_named_person_asks_for_a_description_not_a_name() -> None:
    s = "Tomasz Beck, who has died aged 81, ran the valley's only cinema for forty years."
    assert missing("Who was Tomasz Beck?", s, s) is None
    assert missing("who's Tomasz Beck", s, s) is None
    assert missing("Who was the cinema's projectionist?", s, s) is None  # Tomasz Beck names one
    alone = "The cinema closed in 1990 after forty years."
    assert missing("Who was the cinema's projectionist?", alone, alone) == "a name"


def test_engine_answers_who_was_with_the_description(general_engine) -> None:  # type: ignore[no-untyped-def]
    answer = general_engine.answer("Who is Tobias Wren?")
    assert answer.answered and "a researcher" in answer.text


def test_which_company_needs_a_company_somewhere_in_the_article() -> None:
    q = "Which company will run the new Harbour Baths?"
    s = "The council's cabinet member, Alun Pryce, said the Harbour Baths would open in 2027."
    assert missing(q, s, s) is None  # a name, and no article to look in
    article = f"{s} The old pool shut in 2019 after its roof failed."
    assert missing(q, s, s, article) == "a name (no 'compani' in the article)"
    told = f"{article} A leisure company, Tidewell, has been picked to operate it."
    assert missing(q, s, s, told) is None
    assert missing(q, s, s, f"{article} Two firms bid; the companies were not named.") is None


def test_who_was_a_persons_relative_still_asks_for_a_name() -> None:
    s = "Ralph spent his youth at the court, far from his family."
    assert missing("Who was Ralph's father?", s, s) == "a name"
    assert missing("Who was Ralph?", s, s) is None


def test_engine_refuses_which_company_when_its_article_names_none(general_engine) -> None:  # type: ignore[no-untyped-def]
    refused = general_engine.answer("Which company will run the new Quayside pool?")
    assert not refused.answered and not refused.citations
    assert refused.closest is not None and "Quayside" in refused.closest.passage
    named = general_engine.answer("Which company makes the Slate 5?")
    assert named.answered and "Orrin Labs" in named.text


def test_how_many_needs_a_number_that_can_count() -> None:
    q = "How many awards did the Tideline Players win?"
    dated = "The Tideline Players, founded in 1998, staged their 3rd revival of the play."
    assert missing(q, dated, dated) == "a count"
    for counted in [
        "The Tideline Players won three awards at the festival.",
        "Of 14 nominations, the Tideline Players took home 6.",
        "The Tideline Players have won dozens of regional prizes.",
    ]:
        assert missing(q, counted, counted) is None
    # the question's own number is no answer, and a unit asked is a measure, not a count
    repeat = "Only 2 of the players stayed on."
    assert missing("How many of the 2 players stayed on?", repeat, repeat) == "a count"
    assert missing("How many miles is the walk?", dated, dated) is None


def test_an_amount_of_another_measure_is_no_count() -> None:
    # money, a weight, a duration or a percentage measures something; it counts nothing
    for amounts in [
        "Work on the £186 million scheme will take three years.",
        "Lorries over 7.5 tonnes are banned for six months.",
        "Fares rose by 4% and the trip now takes 25 minutes.",
    ]:
        assert missing("How many homes will be demolished?", amounts, amounts) == "a count"
    counted = "Work on the £186 million scheme will demolish 12 homes."
    assert missing("How many homes will be demolished?", counted, counted) is None
    # a measure the question asks for is still the answer
    weighed = "Lorries over 7.5 tonnes are banned."
    assert missing("How many tonnes can the bridge carry?", weighed, weighed) is None


@pytest.mark.parametrize(
    ("question", "passage", "answers"),
    [
        ("What did Margaret Corran die of?", "Margaret Corran, who has died aged 90, sang.", False),
        ("What was the cause of death?", "He died on 2 February at his home in Leeds.", False),
        ("What did Ada Moss die from?", "Moss died in 2019, aged 71, in a hospice.", False),
        ("What did Ada Moss die of?", "Moss died of pneumonia on Friday, her son said.", True),
        ("What did he die from?", "He died last week after a short illness.", True),
        ("What was the cause of death?", "The cause of death was given as heart failure.", True),
    ],
)
def test_a_cause_of_death_must_be_given(question: str, passage: str, answers: bool) -> None:
    assert (missing(question, passage, passage) is None) is answers


@pytest.mark.parametrize(
    ("question", "passage", "answers"),
    [
        (
            "who is the managing director of Hollin Farm Foods",
            "Hollin Farm Foods Ltd is recalling its granola, its spokesman Ian Beck said.",
            False,
        ),
        (
            "Who is Kasia Wren's coach?",
            "Kasia Wren beat Mireille Dufresnoy 6-4 in the final.",
            False,
        ),
        (
            "Who is the interim CEO of Corvane?",
            "Ann Holt will serve as interim chief executive of Corvane from May.",
            True,
        ),
        (
            "Who was the skipper of the Mary Ann?",
            "The Mary Ann's skipper, Tom Reid, was lost.",
            True,
        ),
        ("Who is the new mayor?", "Ines Alves was sworn in as mayor on Monday.", True),
    ],
)
def test_a_role_asked_must_be_named_in_the_passage(
    question: str, passage: str, answers: bool
) -> None:
    assert (missing(question, passage, passage) is None) is answers

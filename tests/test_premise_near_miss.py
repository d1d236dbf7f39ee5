"""Near misses the answering sentence gives away (bot/core/near_miss.py, swaps.py and the
premise check that uses them): roles reversed, a modifier swapped, a name's numeral, a code like
"5G". Each rule on its own over two kinds of text (a reference article's sentence and a
news report's), then end to end with the real model over a real index in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_settings

from bot.core.deeds import denied, not_done
from bot.core.near_miss import reversed_roles
from bot.core.premise import check
from bot.core.swaps import (
    opposite,
    swapped_head,
    swapped_modifier,
    swapped_name,
    swapped_owner,
)
from bot.core.word_vectors import same_meaning, similarity

REFERENCE = "The invading Normans and their descendants replaced the Anglo-Saxons as the ruling class of England."
NEWS = (
    "In March the developer sued the council over the delayed planning decision, its lawyers said."
)


def idf(stem: str) -> float:
    return 1.0 + len(stem) / 10


@pytest.mark.parametrize(
    ("question", "sentence", "verb"),
    [
        ("Who replaced the Normans as the ruling class?", REFERENCE, "replaced"),
        ("Who sued the developer?", NEWS, "sued"),
        # "did" questions: the question's subject stands only after the verb
        ("Who did the council sue?", NEWS, "sue"),
        (
            "Who did Edgar marry?",
            "King Malcolm III of Scotland married Edgar's sister Margaret.",
            "marry",
        ),
        # a passive sentence: the "did" question's subject is what it was done to ...
        (
            "Who did the Normans encourage to come south?",
            "Norman mercenaries were first encouraged to come south by the Lombards.",
            "encourage",
        ),
        # ... and the object of "Who sued X?" is the one who did it, after "by"
        ("Who sued the developer?", "The council was sued by the developer in March.", "sued"),
        # a passive question: "into X" is not what was absorbed
        (
            "What was absorbed into the Anglo-Norman language?",
            "The Anglo-Norman language was eventually absorbed into the Anglo-Saxon language.",
            "absorbed",
        ),
        (
            "Which firm was taken over by Halvorsen?",
            "Halvorsen was taken over by the GreenLeaf group last year.",
            "taken",
        ),
        (
            "Who did the Irish culture have a profound effect on?",
            "The Normans had a profound effect on Irish culture after 1169.",
            "have",
        ),
        # the "did" question's subject is not there, and someone else did it
        (
            "Which character does Piet Verhoef play in the film?",
            "Hanna, played with coiled restraint by Rosa Lindqvist, climbs a ladder.",
            "play",
        ),
        # "What VERB the ...": the verb straight after "what"
        (
            "What precedes the period of Gothic architecture?",
            "In England, the period of Gothic architecture succeeds the Romanesque and precedes the Renaissance.",
            "precedes",
        ),
    ],
)
def test_roles_the_sentence_reverses(question: str, sentence: str, verb: str) -> None:
    assert reversed_roles(question, sentence) == verb


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("Who replaced the Anglo-Saxons as the ruling class?", REFERENCE),
        ("Who did the Normans replace as the ruling class?", REFERENCE),
        ("Who did the developer sue?", NEWS),
        # a passive sentence puts the object first: the roles are not reversed
        ("Who replaced the Normans?", "The Normans were replaced by the Angevins in 1154."),
        ("Who sued the council?", "The council was sued by the developer in March."),
        # a noun made from the verb says nothing about order
        ("Who did Emma marry?", "The marriage of Emma and King Ethelred brought the two closer."),
        ("Who was the ruling class of England?", REFERENCE),  # no verb to compare
        ("Who was Ralph in charge of?", "Edward had set up Ralph as earl and charged him."),
        # a speech verb after a comma or a quote puts its subject after it
        (
            "What did Tomas say about the club?",
            '"A rough year," says the insider, "and no coming back from Tomas\'s outburst."',
        ),
        ("Which part does Rosa play?", "Hanna, played with restraint by Rosa Lindqvist, climbs."),
        ("Which part does Rosa play?", "Hanna, played with restraint by her sister, climbs."),
        (
            "Which firm was taken over by Halvorsen?",
            "Halvorsen has taken over the GreenLeaf group.",
        ),
        ("What was absorbed into Anglo-Saxon?", "Anglo-Norman was absorbed into Anglo-Saxon."),
    ],
)
def test_roles_that_agree_or_cannot_be_read_hold(question: str, sentence: str) -> None:
    assert reversed_roles(question, sentence) is None


@pytest.mark.parametrize(
    ("question", "sentence", "swap"),
    [
        (
            "When did Herve serve as a Norman general?",
            "One of the first Norman mercenaries to serve as a Byzantine general was Hervé.",
            "norman/byzantine",
        ),
        (
            "What is the oldest work of Norman art?",
            "By far the most famous work of Norman art is the Bayeux Tapestry.",
            "oldest/famous",
        ),
        # after a preposition, a lowercase word before a name is its modifier
        (
            "What impact did the dynasty have on modern Europe?",
            "The dynasty had a major political impact on medieval Europe.",
            "modern/medieval",
        ),
        (
            "How much does the electric version of the Slate cost?",
            "The basic version of the Slate costs $449 with 128GB of storage.",
            "electric/basic",
        ),
    ],
)
def test_a_modifier_the_sentence_swaps(question: str, sentence: str, swap: str) -> None:
    assert swapped_modifier(question, sentence) == swap


@pytest.mark.parametrize(
    ("question", "sentence", "article"),
    [
        # the question's own pair is in the sentence too
        (
            "When did the church reform begin?",
            "The dukes began a programme of church reform, encouraging the Cluniac reform of monasteries.",
            "",
        ),
        # a number in the slot is the answer, and "how many" is what is asked
        (
            "How many reef sites did the researchers survey?",
            "The researchers surveyed 214 reef sites across 11 countries.",
            "",
        ),
        # two capitalised words the article writes side by side are one name
        (
            "What did the family do during Kanye's breakdown?",
            "During West's breakdown, the family went on a trip.",
            "Kanye West said he was sorry.",
        ),
        # a verb and its object, not a modifier
        (
            "How much does Dunmore have to pay Fenwick Mills?",
            "Dunmore must pay its former supplier Fenwick Mills £1.2 million.",
            "",
        ),
        (
            "What did Kanye call Kris Jenner?",
            "He referred to Kim's mother, Kris Jenner, as a supremacist.",
            "",
        ),
        # a typo of the same word
        (
            "Who adopted the fuedel doctrines of France?",
            "The Normans adopted the feudal doctrines of France.",
            "",
        ),
    ],
)
def test_modifiers_that_agree_or_are_not_modifiers_hold(
    question: str, sentence: str, article: str
) -> None:
    assert swapped_modifier(question, sentence, article) is None


@pytest.mark.parametrize(
    ("question", "sentence", "owner"),
    [
        (
            "Who was Bohemond's son?",
            "In 1107 the Normans under the command of Bohemond, Robert's son, landed in Valona.",
            "bohemond's son",
        ),
        (
            "What is the name of Maria's deputy?",
            "The mayor, Ana Ruiz, and her deputy Maria Costa opened the new library.",
            "maria's deputy",
        ),
    ],
)
def test_an_owner_the_sentence_swaps(question: str, sentence: str, owner: str) -> None:
    assert swapped_owner(question, sentence) == owner


def test_an_owner_missing_from_the_sentence_with_another_in_its_place() -> None:
    question = "By how much did Halvorsen's shares rise after the deal?"
    assert swapped_owner(question, "GreenLeaf shares jumped 22% after the announcement.")
    assert swapped_owner(question, "GreenLeaf's shares jumped 22% after the announcement.")
    # the owner there too, or a name the article writes with the owner's, holds
    assert swapped_owner(question, "Halvorsen shares rose 3% as GreenLeaf shares jumped.") is None
    assert (
        swapped_owner(question, "Nordic shares rose 3%.", "Halvorsen Nordic said on Monday.")
        is None
    )


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("Who was Robert's son?", "The Normans under Bohemond, Robert's son, landed in Valona."),
        ("Who is Ana's deputy?", "The mayor, Ana Ruiz, and her deputy Maria Costa opened it."),
    ],
)
def test_owners_the_sentence_agrees_with_hold(question: str, sentence: str) -> None:
    assert swapped_owner(question, sentence) is None


@pytest.mark.parametrize(
    ("question", "sentence", "article", "swap"),
    [
        (
            "Who identified themselves as French during the war?",
            "In the course of the war, the Norman aristocracy often identified themselves as English.",
            "",
            "french/english",
        ),
        (
            "Which club did the council sell the ground to?",
            "The council agreed to sell the ground to Kellford Athletic for one pound.",
            "",
            None,  # no name in the question to swap
        ),
        (
            "Where did the striker sign for Riverside?",
            "The striker agreed to sign for Northfield on Friday.",
            "",
            "riverside/northfield",
        ),
        # one name written two ways, names that share a first word, initials
        (
            "What did the fans chant for Tomas?",
            "The fans chanted for Varga all night.",
            "Tomas Varga scored.",
            None,
        ),
        ("How high is Mount Keralt?", "It rises above Mount Aukstadt.", "", None),
        ("Why did he move back to LA?", "He refused to move back to L.A. last year.", "", None),
    ],
)
def test_a_name_the_sentence_swaps(
    question: str, sentence: str, article: str, swap: str | None
) -> None:
    assert swapped_name(question, sentence, article) == swap


@pytest.mark.parametrize(
    ("question", "sentence", "found"),
    [
        (
            "Who came into contact with Wales after the conquest of England?",
            "Even before the Norman Conquest of England, the Normans had come into contact with Wales.",
            "after/before",
        ),
        (
            "When did Kelvingate Athletic last win the Regional Cup?",
            "Ashbury Rovers lifted the Regional Cup for the first time since 1994.",
            "last/first",
        ),
        (
            "When did Ana and Tomas get married?",
            "Rumours of Ana and Tomas getting divorced have circulated since they exchanged vows.",
            "married/divorced",
        ),
        (  # forms of a verb: "rise" asked, "fell" written
            "By how much did the company's shares rise after the results?",
            "Shares in the group fell 3.2% to 612 pence after the results.",
            "rise/fell",
        ),
        (
            "Who plays the heroine's mother in the new play?",
            "The heroine, played by Ann Lee, comes home to look after her father in the play.",
            "mother/father",
        ),
        # the two ends of a campaign, a season, a trial: its launch is not its end
        (
            "When does the recycling campaign end?",
            "The council will launch the recycling campaign in April.",
            "end/launch",
        ),
        (
            "When did the season finish?",
            "The season began in August with a win over Kellford.",
            "finish/began",
        ),
        # the question's own word is there too, or the opposite is about something else
        (
            "How many times has she been married?",
            "She faces a third failed marriage, and talk of divorce.",
            None,
        ),
        # converses are not opposites: who bought is who was sold to
        (
            "Who bought the rights?",
            "In 1418 his nephew sold the rights to the islands to the Count.",
            None,
        ),
        (
            "Who was Emma's brother?",
            "The marriage of Emma, sister of Duke Richard, and King Ethelred.",
            None,
        ),
        (
            "What happened after the vote?",
            "Before the vote there were protests; after the vote, calm.",
            None,
        ),
        (
            "When did the Rovers last win the Cup?",
            "The first match of the season is on Saturday.",
            None,
        ),
    ],
)
def test_an_opposite_near_the_same_words(question: str, sentence: str, found: str | None) -> None:
    assert opposite(question, sentence) == found


def test_the_premise_check_reads_the_sentence_only_in_english() -> None:
    question = "Who replaced the Normans as the ruling class?"
    found = check(question, REFERENCE, idf, sentence=REFERENCE, article=REFERENCE)
    assert not found.holds and found.contradicted == ("roles of 'replaced'",)
    assert check(question, REFERENCE, idf).holds  # no sentence given: the passage rules only
    spanish = "Los normandos sustituyeron a los anglosajones como la clase dirigente de Inglaterra."
    assert check("¿Quién sustituyó a los normandos?", spanish, idf, sentence=spanish).holds


@pytest.mark.parametrize(
    ("question", "passage", "missing"),
    [
        (
            "What title did Henry II take in the Canary Islands?",
            "Bethencourt took the title of King of the Canary Islands, as vassal to Henry III of Castile.",
            ("Henry II",),
        ),
        (
            "What will the 5G version of the Slate 5 cost?",
            "Orrin Labs announced the Slate 5, the latest version of its tablet, at $449.",
            ("5G",),
        ),
    ],
)
def test_a_names_numeral_and_a_code_must_be_given(
    question: str, passage: str, missing: tuple[str, ...]
) -> None:
    assert check(question, passage, idf).missing == missing


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        (
            "Where did Harold II die?",
            "In 1066 Duke William II conquered England, killing King Harold II at Hastings.",
        ),
        (
            "How much does the 5G Slate cost?",
            "The 5 G model of the Slate costs $549.",
        ),  # spacing aside
        ("Who did Alexander I marry?", "Alexander I had married Sybilla of Normandy."),
    ],
)
def test_numerals_and_codes_the_passage_gives_hold(question: str, passage: str) -> None:
    assert check(question, passage, idf).holds


REPORT_MD = """---
title: Rovers take over at the top
outlet: Harbourton Courier
date: 2024-05-02
---
Harbourton Rovers replaced Kellford Athletic as the league's top club after a 3-1 win on Saturday.

The Rovers' manager, Ines Duarte, said the squad had earned its place after a long season.

Kellford Athletic had led the table since October.
"""

REFERENCE_HTML = """<!doctype html><html><head><title>Varangian Guard</title></head><body>
<article><h1>Varangian Guard</h1>
<p>The Varangian Guard was an elite unit of the Byzantine army from the tenth to the fourteenth century.</p>
<p>One of the first Norman mercenaries to serve as a Byzantine general was Hervé in the 1050s.</p>
<p>Later the guard recruited mostly among Anglo-Saxons who had left England after 1066.</p>
</article></body></html>
"""


@pytest.fixture(scope="module")
def near_miss_engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from bot.engine import Engine
    from index.indexer import run_index

    base: Path = tmp_path_factory.mktemp("near_miss")
    corpus = base / "corpus"
    corpus.mkdir()
    (corpus / "rovers.md").write_text(REPORT_MD, encoding="utf-8")
    (corpus / "varangian.html").write_text(REFERENCE_HTML, encoding="utf-8")
    settings = make_settings(base / "home", corpus)
    run_index(settings)
    return Engine(settings)


@pytest.mark.parametrize(
    ("asked", "near_miss", "phrase"),
    [
        (
            "Who did Harbourton Rovers replace as the league's top club?",
            "Who replaced Harbourton Rovers as the league's top club?",
            "Kellford Athletic",
        ),
        (
            "When did Hervé serve as a Byzantine general?",
            "When did Hervé serve as a Norman general?",
            "1050s",
        ),
    ],
)
def test_near_misses_are_refused_with_the_closest_passage(  # type: ignore[no-untyped-def]
    near_miss_engine, asked: str, near_miss: str, phrase: str
) -> None:
    answered = near_miss_engine.answer(asked)
    assert answered.answered and phrase in answered.text
    refused = near_miss_engine.answer(near_miss)
    assert not refused.answered and not refused.citations
    assert refused.closest is not None and phrase in refused.closest.passage


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("What is the biggest city of the region?", "Porto is the largest city of the region."),
        (
            "Which huge statue of the king was moved?",
            "The enormous statue of the king was moved in 1990.",
        ),
        # a general verb before a noun is no modifier: "got offers" is "received offers"
        (
            "How many students got contextual offers in 2024?",
            "In 2024, 1,406 students received contextual offers.",
        ),
        ("How many fans took seats early?", "About 400 fans found seats early."),
    ],
)
def test_a_synonym_in_the_slot_is_a_paraphrase_not_a_swap(question: str, sentence: str) -> None:
    assert swapped_modifier(question, sentence) is None


def test_word_vectors_tell_a_synonym_from_a_word_of_the_same_kind() -> None:
    assert same_meaning("biggest", "largest") and same_meaning("wealthy", "rich")
    assert not same_meaning("Norman", "Byzantine") and not same_meaning("modern", "medieval")
    assert similarity("biggest", "largest") > similarity("oldest", "famous")
    assert similarity("", "largest") == 0.0


@pytest.mark.parametrize(
    ("question", "sentence", "found"),
    [
        (
            "How much money has the Skerra Trust raised so far?",
            "The trust aims to raise €1.6 million for the work.",
            "aims to raise",
        ),
        (
            "Who carved out a state for himself from Moorish lands?",
            "In 1018, Roger de Tosny travelled to Iberia to carve out a state for himself from Moorish lands, but failed.",
            "carve, but failed",
        ),
        # done, asked about the attempt, or asked about the future: left alone
        ("How much money has the trust raised?", "The trust has raised €1.2 million so far.", None),
        (
            "What did Roger fail to carve out?",
            "Roger travelled to Iberia to carve out a state, but failed.",
            None,
        ),
        (
            "When is the takeover supposed to close?",
            "The takeover is expected to close in the first half.",
            None,
        ),
        (
            "How much will the trust raise?",
            "The trust aims to raise €1.6 million for the work.",
            None,
        ),
        ("Where is the mayor living now?", "Insiders say the mayor wants to live there.", None),
    ],
)
def test_a_deed_the_sentence_only_intends(question: str, sentence: str, found: str | None) -> None:
    assert not_done(question, sentence) == found


@pytest.mark.parametrize(
    ("question", "sentence", "found"),
    [
        (
            "Who ruled the country of Normandy?",
            "The Duchy of Normandy was established by treaty in 911.",
            "country/duchy",
        ),
        (
            "Who founded the bank of Ruritania?",
            "The University of Ruritania was founded in 1820 by a merchant.",
            "bank/university",
        ),
        # a lowercase noun may be a paraphrase; the question's noun there too holds
        ("What is the population of Porto?", "The city of Porto has 230,000 inhabitants.", None),
        ("Who ruled the duchy of Normandy?", "The Duchy of Normandy was ruled by Rollo.", None),
    ],
)
def test_a_title_the_sentence_swaps(question: str, sentence: str, found: str | None) -> None:
    assert swapped_head(question, sentence) == found


@pytest.mark.parametrize(
    ("question", "sentence", "found"),
    [
        (
            "What kind of art did the Normans have a rich tradition of?",
            "In the visual arts, the Normans did not have the rich traditions of the cultures they conquered.",
            "not have",
        ),
        (
            "Who signed the contract?",
            "The club never signed the contract, its lawyers said.",
            "not signed",
        ),
        # the question asks about the negation, or the negated word is not its verb
        ("Who did not sign the contract?", "The club never signed the contract.", None),
        (
            "What state has he been living in?",
            "A source said he was never living apart from her.",
            None,
        ),
    ],
)
def test_a_verb_the_sentence_denies(question: str, sentence: str, found: str | None) -> None:
    assert denied(question, sentence) == found


@pytest.mark.parametrize(
    ("question", "sentence", "verb"),
    [
        # "When/Where did X VERB Y?": X is the verb's subject as in a "who" question
        (
            "When did King Harold II conquer England?",
            "In 1066, Duke William II of Normandy conquered England killing King Harold II.",
            "conquer",
        ),
        ("Where did the Rovers beat Kellford?", "Kellford beat the Rovers at home in May.", "beat"),
        # a preposition before the wh-word changes nothing: X is still the subject
        (
            "In what year did Elsie Rourke discover the comet?",
            "The comet, discovered in 1898 by the Dutch astronomer Pieter Vandermeer, returns.",
            "discover",
        ),
        (
            "On which day did Lyon beat Nantes?",
            "Nantes beat Lyon 2-1 on Sunday evening.",
            "beat",
        ),
    ],
)
def test_roles_reversed_under_when_and_where(question: str, sentence: str, verb: str) -> None:
    assert reversed_roles(question, sentence) == verb


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # an owner before the object is not the object: the try was scored
        (
            "Who scored the Ospreys' winning try in Galway?",
            "The Ospreys won 27-24, with replacement wing Dafydd Morgan scoring the decisive try.",
        ),
        (
            "Who designed the city's new bridge?",
            "The city hired Ana Ruiz, who designed the new bridge over the Arle.",
        ),
        # no object asked: "did the probe launch" is what "the probe was launched" says
        ("When did the Asterion probe launch?", "The 1,280 kg probe was launched on Tuesday."),
        ("When did the bakery open?", "The bakery was opened by the mayor in 2019."),
        # after a determiner the verb's spelling is a noun
        (
            "When did the Normans attack Dyrrachium?",
            "That led to a third attack in 1185, when a large Norman army invaded Dyrrachium.",
        ),
        ("When did the rebels attack the fort?", "The attack on the rebels came at dawn."),
        # "the first X to VERB ... was Y": Y did it
        (
            "When did Hervé serve as a Byzantine general?",
            "One of the first Norman mercenaries to serve as a Byzantine general was Hervé.",
        ),
        (
            "When did Mara Stein lead the expedition?",
            "The first woman to lead the expedition was Mara Stein, in 1998.",
        ),
    ],
)
def test_roles_that_only_look_reversed_hold(question: str, sentence: str) -> None:
    assert reversed_roles(question, sentence) is None

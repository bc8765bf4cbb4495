"""Question names keep the word that tells what is asked about from its neighbours.

Each test fails on the names given before: "how to get virtual card" of questions about
a *disposable* virtual card (the object was cut to its last two words, and read like the
theme of virtual cards beside it), and "why charged" of questions about an *extra* pound,
fee or charge (the object was dropped as the verb's own noun). The statements are
written for these tests, after one-line bank queries.
"""

from __future__ import annotations

from voc.themes.asked import question_name
from voc.themes.keyasked import keyed_question
from voc.themes.naming import key_phrases, theme_name
from voc.themes.wholeasked import which_one

DISPOSABLE = [
    "How do I get a disposable virtual card?",
    "How can I get a disposable virtual card?",
    "how do I get a disposable virtual card",
    "Can I get a disposable virtual card?",
    "I need to get a disposable virtual card",
    "How many disposable virtual cards can I have?",
    "Are there limits on disposable virtual cards?",
    "My disposable virtual card won't work.",
]
VIRTUAL = [
    "How do I get a virtual card?",
    "How can I get a virtual card?",
    "Can I order a virtual card?",
    "I would like a virtual card",
    "Where do I find my virtual card?",
]
EXTRA = [
    "Why was I charged an extra pound?",
    "Why is there an extra charge on my statement?",
    "Why do I see an extra charge on my statement?",
    "Why was I charged an extra fee?",
    "Why is there an extra €1 fee in my statement?",
    "Why have I been charged extra?",
    "What is this extra charge for?",
    "Why did you charge me?",
]


def test_the_key_phrase_modifier_is_kept() -> None:
    phrases = ["disposable virtual card", "limits", "work"]
    # six words would be too long: the object's own modifier makes way
    assert keyed_question("how to get virtual card", phrases, DISPOSABLE) == (
        "how to get disposable card"
    )
    assert keyed_question("how to get virtual card", phrases, DISPOSABLE, max_words=6) == (
        "how to get disposable virtual card"
    )
    assert keyed_question("where is code", ["verification code"], [
        "Where is the verification code?", "where is my verification code", "where is the code"
    ]) == "where is verification code"


def test_a_modifier_few_say_or_a_verb_is_left_alone() -> None:
    # "disposable" said by 1 of the 5 statements saying "virtual card"
    few = [*VIRTUAL[:4], DISPOSABLE[0]]
    assert keyed_question("how to get virtual card", ["disposable virtual card"], few) == (
        "how to get virtual card"
    )
    # "transfer" is the verb asked about, not the head of "bank transfer"
    texts = ["How do I transfer money by bank transfer?", "how to transfer money"] * 2
    assert keyed_question("how to transfer money", ["bank transfer"], texts) == (
        "how to transfer money"
    )
    # past the first three key phrases no word tells the theme apart
    assert keyed_question("how to get virtual card", ["a", "b", "c", "disposable virtual card"],
                          DISPOSABLE) == "how to get virtual card"


def test_a_theme_of_disposable_card_questions_is_named_by_it() -> None:
    phrases = key_phrases([DISPOSABLE, VIRTUAL])[0]
    assert "disposable" in theme_name(phrases, DISPOSABLE, DISPOSABLE[0]).split()


def test_why_names_the_modifier_its_objects_share() -> None:
    assert question_name(EXTRA) == "why extra charge"
    # "why extra charge" already says which charge
    assert which_one("why extra charge", EXTRA, 5) == "why extra charge"

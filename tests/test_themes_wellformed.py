"""Cut questions never name a sub-theme (voc.themes.wellformed, voc.themes.subwritten)."""

from __future__ import annotations

from voc.themes.subwritten import passes, written_name
from voc.themes.wellformed import fragment, verb_written, well_formed

HOW_LONG = [
    "How long do transfers take to arrive?",
    "how long do transfers take from the US",
    "How long do transfers usually take?",
    "how long will a bank transfer take to show",
    "How long do transfers from another bank take?",
    "when will my bank transfer arrive",
]
REST = [
    "my transfer failed again", "the transfer was declined", "why was my transfer rejected",
    "transfer did not go through", "the transfer failed with an error",
]
WHICH_ATMS = [
    "Which ATMs accept my card?", "which atms accept this card", "What ATMs accept my card?",
    "what atms accept mastercard", "Which ATMs will accept my card?",
]


def test_a_question_without_its_question_word_or_verb_is_a_fragment() -> None:
    for cut in ("long do bank transfers", "long does payment", "long will cash withdrawal",
                "long does transfer take", "how long will cash withdrawal", "how do i"):
        assert fragment(cut), cut
    for whole in ("how long does transfer take", "when will card arrive",
                  "what atms can i use", "where do funds come from", "how to get new card",
                  "how long is delivery", "can i cancel order", "card declined",
                  "why extra charge: statement", "where can i find pin"):
        assert not fragment(whole), whole


def test_a_questions_subject_and_verb_must_be_written_side_by_side() -> None:
    assert not verb_written("what atms can i accept", WHICH_ATMS)
    uses = [*WHICH_ATMS, "what atms can i use abroad", "Which ATMs can I use?"]
    assert verb_written("what atms can i use", uses)
    assert verb_written("atm declined card", WHICH_ATMS)  # no asker: nothing to check
    assert not well_formed("long do bank transfers", HOW_LONG)
    money = ["How long will it take for my money to arrive?", "when will my money come",
             "when will the money arrive?", "when will money arrive"]
    assert not verb_written("when will money take", money)
    assert verb_written("when will money arrive", money)
    assert verb_written("how long will money take", money)  # how most ask it


def test_a_cut_question_never_names_a_subtheme() -> None:
    # written by its statements, its own and set apart: only its cut refuses it
    assert not passes("long do bank transfers", "transfer failed", HOW_LONG, REST)
    assert not passes("what atms can i accept", "atm problems", WHICH_ATMS, REST)


def test_a_subtheme_of_questions_is_named_by_what_it_asks() -> None:
    name = written_name("long do bank transfers", "transfer failed", HOW_LONG, REST,
                        ["bank transfers", "long"])
    assert name == "how long do transfers take"


"""A kind of problem said in scattered words, and a doer-first name with its object.

A cue group ("failure": broken, denied, refused, failed, ...) votes as one kind, but when
its most said word is said by few and another predicate's word by clearly more, the
other names the theme ("didn't give" over "broken"). A name written with its doer first
("atm didn't give") says what the verb acts on when the statements write it so.
"""

from __future__ import annotations

from voc.themes.actedon import in_written_order
from voc.themes.bestpred import best_predicate

ATM = [
    "The ATM didn't give me my cash", "the atm didn't give me the cash I asked for",
    "ATM didn't give any cash at all", "the ATM didn't give me enough cash",
    "the ATM is broken", "ATM was not working today", "the ATM denied my card",
    "the ATM refused my card", "the ATM failed", "that ATM machine is broken again",
]


def test_a_predicate_more_say_beats_a_scattered_kind() -> None:
    pred = best_predicate("atm", ATM)
    assert pred is not None
    assert (pred.surface, pred.support) == ("didn't give", 4)  # not "broken" (2 of 6)


def test_a_kind_said_in_one_word_keeps_winning() -> None:
    broken = [*ATM[:2], "the ATM is broken", "ATM broken again", "the ATM was broken",
              "that ATM is broken", "ATM denied my card"]
    pred = best_predicate("atm", broken)
    assert pred is not None and pred.surface == "broken"


def test_few_saying_the_other_word_keep_the_kind() -> None:
    # "didn't give" by 2 is not twice "broken" by 2
    few = [ATM[0], ATM[1], *ATM[4:]]
    pred = best_predicate("atm", few)
    assert pred is not None and pred.surface == "broken"


GAVE = [
    "the ATM didn't give me the cash", "the atm did not give me my cash",
    "the ATM didn't give me enough money", "ATM didn't give the full amount",
]


def test_doer_first_name_says_what_the_verb_acts_on() -> None:
    name = in_written_order("didn't give atm", "atm", "didn't give", "give", ["cash"], GAVE)
    assert name == "atm didn't give cash"


def test_doer_first_name_without_a_written_object_stays() -> None:
    name = in_written_order("didn't give atm", "atm", "didn't give", "give", ["card"], GAVE)
    assert name == "atm didn't give"


def test_long_statements_keep_the_kind() -> None:
    # in letters the words of other clauses vote too: the rule is for one-line statements
    tail = " and I have written to the bank three times about it without any answer at all"
    letters = [t + tail for t in ATM]
    pred = best_predicate("atm", letters)
    assert pred is not None and pred.surface == "broken"


def test_a_noun_after_have_is_its_object_not_a_verb() -> None:
    from voc.themes.predicate import predicates

    assert predicates("I don't have cash with me") == ()  # never "haven't cash"
    assert predicates("I can't get money out") == ()  # never "can't money"
    assert [p.surface for p in predicates("the app does not load")] == ["doesn't load"]


HOME = [
    "Can I get money in my home currency at an ATM abroad?",
    "How do I get money in my home currency while travelling?",
    "can i get money out in home currency at a foreign ATM",
    "Is it possible to get money in my home currency on holiday?",
    "How can I get money in my hometown currency at an ATM?",
    "Can I withdraw in my home currency without extra fees?",
    "how to get money in home currency when I am abroad",
    "Can I get money from an ATM in home currency on vacation?",
]


def test_a_question_name_stays_on_topic() -> None:
    from voc.themes.attest import on_topic

    # what they ask is kept, never an unsaid "home currency problems"
    phrases = ["home currency", "abroad", "holiday", "fees"]
    assert on_topic("how to get money", phrases, HOME) == "how to get money"

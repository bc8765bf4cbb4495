"""Qualifiers name a detail the group shares and its siblings do not (r16q)."""

from __future__ import annotations

from voc.themes.distinct import common_lemmas, distinct_names, n_duplicates
from voc.themes.drafts import named_apart, sub_name
from voc.themes.qualify import names_thing


def test_names_thing_takes_nouns_and_phrasal_verbs_not_lone_verb_forms() -> None:
    for word in ("supposed", "came", "going", "happened", "later"):
        assert not names_thing(word, [])
    assert names_thing("mechanical issues", [])
    assert names_thing("call back", [])
    assert not names_thing("pay", ["I want to pay now", "they pay nothing"])
    # a bare verb the statements write as a noun, after a determiner
    assert names_thing("call", ["waited for a call", "the call dropped", "no call back"])


def test_a_clash_is_not_told_apart_by_a_lone_verb() -> None:
    supposed = [
        "Flight delayed, we were supposed to leave at noon.",
        "Delayed flight, supposed to board an hour ago, the pilot is missing.",
        "My flight is delayed and we were supposed to land by now, no pilot.",
        "Flight delayed again, supposed to depart at 5, pilot not here.",
        "Delayed flight, we are supposed to be in the air.",
    ]
    gate = [
        "My flight was delayed at the gate for three hours.",
        "Flight delayed again, we sat at the gate.",
        "Delayed flight, stuck at the gate since noon.",
        "The flight is delayed and the gate is packed.",
        "Flight delayed at the gate with no update.",
        "Our flight was delayed at the gate.",
    ]
    out = distinct_names(["flight delayed", "delayed flight"], [gate, supposed])
    assert n_duplicates(out) == 0
    assert out[0] == "flight delayed"
    # "supposed" is said most, but a verb after a colon says nothing: the next thing
    assert out[1] == "delayed flight: pilot", out


def test_filler_word_alone_does_not_set_a_subtheme_apart() -> None:
    assert not named_apart("card problems", "haven't received card")
    assert not named_apart("card issue", "card not arrived")
    assert named_apart("card problems: pin", "haven't received card")


def test_a_clash_is_not_told_apart_by_the_domain_word() -> None:
    big = ["rude staff at the desk", "staff rude again", "the staff were rude",
           "staff so rude", "rude staff today", "staff rude at the desk"]
    small = ["rude staff on my flight at the gate", "flight staff rude",
             "staff rude the whole flight, gate chaos", "rude staff, worst flight"]
    run = [*big, *small, "flight late", "flight cancelled", "my flight", "lost bag"]
    common = common_lemmas(run)
    assert "flight" in common and "gate" not in common
    out = distinct_names(["rude staff", "staff rude"], [big, small], common=common)
    # "flight" (said by most of the run) tells no two themes apart: the next thing does
    assert out == ["rude staff", "staff rude: gate"], out


def test_a_subtheme_is_not_told_apart_by_the_domain_word() -> None:
    own = ["can't book my flight online", "can't book the flight, page errors",
           "the booking page errors again", "flight won't book"]
    # "flight" is said by most of the run: the next thing the part says names it
    assert sub_name("can't book", "can't book", ["flight", "page"], own) == "can't book flight"
    assert sub_name("can't book", "can't book", ["flight", "page"], own,
                    common={"flight"}) == "page errors"

"""A mixed theme half of whose statements name one kind of problem ("mechanical issues",
"mechanical problems") is named by it (r35m), and a subject with a second noun said
beside it ("the charges on this bill") names its theme alone."""

from __future__ import annotations

import pytest

from voc.themes import mixed
from voc.themes.mixed import MIXED, framed_mixed, named_last, subjects_name, undomained
from voc.themes.problemkinds import kind_said

#: Six of twelve say the plane had a mechanical issue or problem, in either word.
MECHANICAL = [
    "Both my flights yesterday were delayed because of mechanical issues.",
    "Another plane delayed for mechanical issues, second day in a row.",
    "Switching planes due to mechanical problems.",
    "Too many predictable mechanical problems.",
    "Now delayed due to mechanical issues with no update.",
    "Why let us go to the runway if there are mechanical issues?",
    "Sat at the gate for five hours.",
    "The crew never told us anything.",
    "Missed my connection, again.",
    "Rebooked on a flight two days later.",
    "The seats on this aircraft are awful.",
    "Nobody at the desk could help.",
]


def test_one_kind_of_problem_said_in_either_head_names_the_theme() -> None:
    # "mechanical" is an adjective and "issues" a vague word: no subject noun saw them
    assert kind_said(MECHANICAL) == "mechanical issues"
    assert subjects_name(MECHANICAL) == "mechanical issues"
    name = f"{MIXED} about planes"
    assert undomained([name], [MECHANICAL], common=frozenset()) == ["mechanical issues"]


def test_an_adjective_said_without_its_head_counts_for_the_kind() -> None:
    # five write "mechanical issues/problems", a sixth "a mechanical": half in all
    texts = [*MECHANICAL[:5], "Four planes with a mechanical and nine hours delayed.",
             *MECHANICAL[6:]]
    assert kind_said(texts) == "mechanical issues"


def test_a_kind_few_statements_name_is_no_name() -> None:
    # four of twelve: a third, under the half a confident name needs
    texts = MECHANICAL[:4] + MECHANICAL[6:] + ["Lost my bag.", "Rude agent."]
    assert kind_said(texts) == ""
    assert subjects_name(texts) == ""


def test_degree_words_and_the_run_domain_name_no_kind() -> None:
    big = [f"Huge issues with {w} again." for w in ("boarding", "seats", "bags", "wifi")] + [
        "Big problems at the gate.", "Same issue as last week.", "Big issues again."]
    assert kind_said(big) == ""
    flights = ["Flight issues again.", "More flight problems.", "Flight issues all week.",
               "Flight problems, as usual.", "Flight issues!!", "Awful."]
    assert kind_said(flights) == "flight issues"
    assert kind_said(flights, common={"flight"}) == ""


def test_a_second_subject_said_beside_the_first_is_part_of_it() -> None:
    texts = ["The charges on this bill are fraudulent.", "I never got a bill for these charges.",
             "They sent a bill with charges I did not make.", "My bill was wrong again.",
             "I received another bill with a cord added.", "No bill supports this charge.",
             "The bill came thirty days late.", "Could see my bill but take no action.",
             "They put it on my report without sending a bill.", "I disputed the bill.",
             "What are these charges for?", "Nobody answers the phone."]
    # "charges" (5) is said by only one statement without "bill" (10 of 12): one subject
    assert subjects_name(texts) == "bill complaints", subjects_name(texts)


def test_a_mixed_name_given_last_gives_way_to_what_most_statements_are_about() -> None:
    bills = ["The charges on this bill are fraudulent.", "I never got a bill for these charges.",
             "They sent a bill with charges I did not make.", "My bill was wrong again.",
             "I received another bill with a cord added.", "No bill supports this charge.",
             "The bill came thirty days late.", "Could see my bill but take no action.",
             "They put it on my report without sending a bill.", "I disputed the bill.",
             "What are these charges for?", "Nobody answers the phone."]
    # the rephrase step names a theme mixed after the subjects had their say
    assert framed_mixed(f"{MIXED} about bill and charges", bills) == "bill complaints"
    assert framed_mixed(f"{MIXED} about planes", MECHANICAL) == "mechanical issues"
    # a subject the mixed name left out (a domain word) is not brought back
    assert framed_mixed(f"{MIXED} about phone", bills) == f"{MIXED} about phone"
    assert framed_mixed(f"{MIXED} about bill", bills, taken=["bill complaints"]) \
        == f"{MIXED} about bill"



def test_a_name_given_last_is_no_problem_span(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["The plane was filthy.", "Worse is the plane, dirty seats.", "Plane smelled.",
             "Old plane, broken tray.", "This plane is a wreck.", "Plane was late too.",
             "The gate agent was rude.", "Nobody helped.", "Lost my bag."]
    # a span said without the theme's key phrases can be garbled ("worse is plane"):
    # the name step's subjects pass may give one, the last step never does
    monkeypatch.setattr(mixed, "said_span", lambda *a, **k: "worse is plane")
    assert subjects_name(texts) == "worse is plane"
    assert subjects_name(texts, spans=False) == ""
    assert named_last(f"{MIXED} about plane", texts) == ""

"""Two-word names turned fault first where their statements write it so."""

from __future__ import annotations

import numpy as np

from voc.themes.table import SubTheme, ThemeDraft
from voc.themes.wordorder import fault_first
from voc.themesteps import _fault_first

BAGS = [
    "@united lost bag again, third time this year.",
    "Still no news on my lost bag from yesterday's flight.",
    "Filed a lost bag claim 4 days ago and nobody called.",
    "Where is my suitcase? Nobody at the desk knows anything.",
    "You lost my luggage and the tracker shows nothing.",
]
LATE = [
    "They reported two late payments that I never made late.",
    "The late payments on my report are wrong.",
    "Please remove the late payments from my credit file.",
    "I was charged a fee on my payments.",
]
CLOSED = [
    "They claim I have a closed account with a balance.",
    "The closed account still shows on my report.",
    "Another closed account was reported as open.",
    "My account was closed without notice.",
]


def test_fault_written_first_turns_the_name() -> None:
    assert fault_first("bag lost", BAGS) == "lost bag"
    assert fault_first("payments late", LATE) == "late payments"  # the form written


def test_names_left_alone() -> None:
    # "closed account" names a kind of account; "account closed" says what happened
    assert fault_first("account closed", CLOSED) == "account closed"
    # fewer than three statements write the fault first
    assert fault_first("bag lost", BAGS[:2] + BAGS[3:]) == "bag lost"
    # as many write the name's own order: nothing to turn
    both = [*BAGS, "My bag lost in transit again.", "bag lost, again!",
            "Another bag lost by @united."]
    assert fault_first("bag lost", both) == "bag lost"
    assert fault_first("flight delayed", BAGS) == "flight delayed"
    assert fault_first("lost bag", BAGS) == "lost bag"  # already fault first
    # copies of one statement count once
    assert fault_first("bag lost", [BAGS[0]] * 5 + BAGS[3:]) == "bag lost"



def test_name_step_turns_themes_and_subthemes() -> None:
    texts = BAGS + LATE
    bags = ThemeDraft(0, np.arange(len(BAGS)), "bag lost", [], [],
                      sub_labels=np.array([0, 0, 0, 1, 1]),
                      subthemes=[SubTheme(0, "bag lost", [], 3), SubTheme(1, "suitcase", [], 2)])
    late = ThemeDraft(1, np.arange(len(BAGS), len(texts)), "payments late", [], [])
    _fault_first([bags, late], texts, ())
    assert (bags.name, late.name) == ("lost bag", "late payments")
    assert [s.name for s in bags.subthemes] == ["lost bag", "suitcase"]


def test_name_step_keeps_user_names_and_taken_names() -> None:
    user = ThemeDraft(0, np.arange(len(BAGS)), "bag lost", [], [], theme_key="t1")
    _fault_first([user], BAGS, ())
    assert user.name == "bag lost"
    pinned = ThemeDraft(0, np.arange(len(BAGS)), "bag lost", [], [])
    _fault_first([pinned], BAGS, {"bag lost"})
    assert pinned.name == "bag lost"
    # another theme holds the turned name: no two themes share one
    other = ThemeDraft(1, np.arange(len(BAGS)), "lost bag", [], [])
    mine = ThemeDraft(0, np.arange(len(BAGS)), "bag lost", [], [])
    _fault_first([mine, other], BAGS, ())
    assert (mine.name, other.name) == ("bag lost", "lost bag")

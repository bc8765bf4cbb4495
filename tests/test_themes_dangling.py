"""Names that leave out what they are about (voc.themes.dangling): a verb without its object
("can't change", "never received") or a preposition without its noun ("stuck in").

The statements are written after the airline tweets and CFPB complaints of
``../shared/eval`` whose themes main 8418f90 named "can't change", "stuck in" and "never
received"; none is copied from them.
"""

from __future__ import annotations

import pytest

from voc.themes.dangling import completed, dangles
from voc.themes.mixed import is_mixed
from voc.themes.naming import theme_name
from voc.themes.said import phrases_said

#: Letters never received: most say which.
LETTERS = [
    "I never received the letters they claim to have sent",
    "we never received any letters about the debt",
    "I never received letters from the company",
    "They say they mailed it but I never received it",
    "I never received the notice",
    "never received letters or calls",
]
#: Stuck in one city or another: places, no thing a theme is about.
STUCK_IN = [
    "I am stuck in Denver again",
    "stuck in Chicago for a day",
    "We are stuck in Tampa",
    "Stuck in Memphis, no help",
    "stuck in Boston overnight",
]
#: Can't change the flight: most say what.
CHANGE_FLIGHT = [
    "I cannot change my flight online",
    "I tried to change my flight and it failed",
    "why can't I change my flight",
    "unable to change flight on the app",
    "can't change the flight date",
]
#: Can't change ... what? Nobody says.
CHANGE_IT = [
    "I can't change it online",
    "they won't let me change it",
    "can't change anything on the site",
    "I cannot change",
    "still can't change it",
    "unable to change, fees went up",
]


@pytest.mark.parametrize("name", [
    "can't change", "never received", "stuck in", "can't send",
    "haven't received", "information blocked in", "stuck in: airport",
])
def test_clipped_names_dangle(name: str) -> None:
    assert dangles(name)


@pytest.mark.parametrize("name", [
    "flight cancelled", "never arrived", "crashes", "internet down", "can't log in",
    "can't check in", "can't withdraw", "how to transfer money", "card not received",
    "top-up hasn't gone through", "address change", "hours on hold", "can't change flight",
    "never received letters", "stuck on plane", "payment refused", "balance hasn't updated",
    "where do funds come from", "app won't allow", "bank refused", "can't play",
])
def test_whole_names_do_not(name: str) -> None:
    assert not dangles(name)


def test_completed_by_the_object_most_write() -> None:
    assert completed("never received", LETTERS) == "never received letters"
    assert completed("can't change", CHANGE_FLIGHT) == "can't change flight"
    assert completed("can't change", CHANGE_IT) == ""  # nobody says what
    assert completed("stuck in", STUCK_IN) == ""  # places are not what a theme is about


def test_change_fee_is_no_object_of_change() -> None:
    fees = ["$200 change fee again", "the change fee is absurd", "a change fee of $75",
            "change fee for two of us", "I can't change it without the fee"]
    assert completed("can't change", fees) == ""


def test_a_bare_verb_that_needs_its_object_is_no_phrase() -> None:
    said = {s.text for s in phrases_said(CHANGE_IT)}
    assert "can't change" not in said
    said = {s.text for s in phrases_said(CHANGE_FLIGHT)}
    assert "can't change flight" in said and "can't change" not in said


def test_theme_names_say_what_the_verb_is_done_to() -> None:
    assert theme_name(["change", "flight"], CHANGE_FLIGHT) == "can't change flight"
    assert theme_name(["letters", "debt"], LETTERS) == "never received letters"
    assert is_mixed(theme_name(["change", "fee"], CHANGE_IT))
    assert not dangles(theme_name(["stuck in"], STUCK_IN))

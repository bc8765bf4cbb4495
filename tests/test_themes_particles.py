"""Phrasal verbs keep their particle in theme names."""

from __future__ import annotations

from voc.themes.particles import with_particle

CHECK_IN = [
    "I couldn't check in online for my flight.",
    "Tried to check in at the kiosk, error every time.",
    "The app won't let me check in.",
    "Why can't I check my bag to the final stop?",
    "Checked in twice and still no boarding pass.",
]
LOG_IN = [
    "I can't log into my account since the update.",
    "Nobody can log in today.",
    "Logging on fails with an error.",
    "I tried to log in three times.",
]
BOOK = [
    "I can't book on the website, it crashes.",
    "Booking in the app fails at payment.",
    "Can't book a seat for my son.",
    "Tried to book twice, no luck.",
]


def test_a_phrasal_verb_keeps_its_particle() -> None:
    assert with_particle("can't check", CHECK_IN) == "can't check in"
    assert with_particle("can't log", LOG_IN) == "can't log in"
    assert with_particle("unable to log", LOG_IN) == "unable to log in"


def test_a_preposition_of_its_own_phrase_is_no_particle() -> None:
    """"book on the website", "in the app": the place, not part of the verb."""
    assert with_particle("can't book", BOOK) == "can't book"


def test_names_not_ending_on_a_verb_stay() -> None:
    assert with_particle("can't check in", CHECK_IN) == "can't check in"
    assert with_particle("flight cancelled", CHECK_IN) == "flight cancelled"
    assert with_particle("credit report not appear", ["it does not appear on my report"] * 3) \
        == "credit report not appear"

"""Twins joined to their phrase by the preposition the run writes (r35l, round 35).

CFPB ended "no response: letter" and "no response: credit" (glued names blind readers of
round 34 rejected): the twins' statements say "sent letters" and "no response from
either creditor or the bureaus", never "response to letters"; the run writes "response
to my letter" and "response from the bureau", so the twins are "no response to letters"
and "no response from credit bureaus".
"""

from __future__ import annotations

from test_themes_twin_joined import CALLS as JOINED_CALLS

from voc.themes.distinct import distinct_names
from voc.themes.twinname import run_joined

# the six calls of the twin-joined tests, and one asking after a letter
CALLS = [*JOINED_CALLS, "I am still waiting for a response to my letter."]
SENT = [
    "I sent a letter to the bureaus asking them to investigate.",
    "After no response, I sent another round of letters.",
    "I sent certified letters and they stopped responding to me.",
    "No response yet, so I sent a final letter of dispute.",
    "I mailed letters to all three of them.",
]
BUREAUS = [
    "No response from either the creditor or the credit bureaus.",
    "The credit bureaus had 60 days to respond and failed to do so.",
    "Still no response or verification from the credit bureaus.",
    "I disputed with the credit bureaus twice.",
    "The credit bureaus keep reporting the wrong balance.",
]
POOL = [*CALLS, *SENT, *BUREAUS, "I never got a response from the bureau about it."]


def test_a_twin_is_joined_to_its_phrase_by_the_preposition_the_run_writes() -> None:
    assert run_joined("no response", "letter", SENT, POOL) == "no response to letters"
    assert run_joined("no response", "credit", BUREAUS, POOL) == \
        "no response from credit bureaus"


def test_no_preposition_written_in_the_run_joins_nothing() -> None:
    assert run_joined("no response", "letter", SENT, SENT) == ""
    # a twin whose statements say the name with the phrase too seldom is not joined
    assert run_joined("no response", "letter", SENT[2:], POOL) == ""
    assert run_joined("no response", "letter", SENT, POOL, used={("letter", "no",
                                                                  "response", "to")}) == ""


def test_twins_told_apart_by_a_phrase_are_never_glued_when_the_run_joins_it() -> None:
    out = distinct_names(["no response", "no response"], [CALLS, SENT])
    assert out == ["no response", "no response to letters"], out


HOLD = [
    "I've been on hold for an hour again.",
    "Two hours on hold and nobody answers.",
    "On hold for 3 hours now.",
    "Hours on hold, this is ridiculous.",
    "Still on hold after 90 minutes.",
    "On hold for two hours to speak to an agent.",
]
REBOOK = [
    "I sat on hold for over a hour to US Airways and then cut off.",
    "On hold 45 minutes trying to rebook my trip.",
    "Trying to book a flight for hours now and keep getting hung up on.",
    "I've been on hold to rebook a trip for over two hours.",
    "Been on hold for almost 2 hours trying to rebook my flight.",
]


def test_a_twin_with_no_phrase_is_named_for_what_its_statements_were_doing_not_numbered(
) -> None:
    # airline seed 1 ended "hours on hold (2)": five tweets on hold to rebook
    out = distinct_names(["hours on hold", "hours on hold"], [HOLD, REBOOK])
    assert out == ["hours on hold", "hours on hold to rebook"], out


def test_the_last_check_keeps_a_twin_joined_to_what_sets_it_apart() -> None:
    from voc.themes.phrased import rephrased, twin_joined

    # CFPB seed 42: "no response to letters" was renamed mixed by the last check (no
    # statement writes "response to letters"); beside its twin "no response" it stands
    assert twin_joined("no response to letters", SENT, ["no response"])
    assert rephrased("no response to letters", SENT, taken=["no response"]) == \
        "no response to letters"
    assert rephrased("hours on hold to rebook", REBOOK, taken=["hours on hold"]) == \
        "hours on hold to rebook"
    # no twin of that name, or a tail its statements do not say with the name: not one
    assert not twin_joined("no response to letters", SENT, ["late payments"])
    assert not twin_joined("no response to invoices", SENT, ["no response"])

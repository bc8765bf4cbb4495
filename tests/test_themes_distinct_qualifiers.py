"""Qualifiers of clashing names and of sub-themes read as a person would write them."""

from __future__ import annotations

from test_themes_distinct import GATE  # the same gate-delay theme

from voc.themes.distinct import distinct_names, n_duplicates
from voc.themes.drafts import sub_name

# every statement says "minutes" and "JFK"; three of five say what went wrong
JFK = [
    "Flight delayed 40 minutes at JFK and no information from anyone.",
    "flight delayed again at JFK, 50 minutes, no information at all",
    "JFK flight delayed 30 minutes, still no information on the screens",
    "Flight delayed at JFK for 45 minutes.",
    "Delayed flight out of JFK, 20 minutes so far.",
]


def test_qualifier_is_never_a_code_or_a_unit_of_time() -> None:
    out = distinct_names(["flight delayed", "flight delayed"], [GATE, JFK])
    assert n_duplicates(out) == 0
    assert out[0] == "flight delayed"
    # named by the problem three of five say (r31q: was "flight delayed: information")
    assert out[1] == "no information"


CREW = [
    "Flight delayed, the crew is not here yet.",
    "flight delayed because the crew timed out",
    "Delayed flight and the crew never showed up.",
    "Flight delayed for hours, no explanation.",
    "delayed flight again, sitting at the gate",
    "Flight delayed, nobody at the desk.",
]
CREW_TOO = [
    "Flight delayed, waiting for a crew.",
    "flight delayed, crew stuck in Denver",
    "Delayed flight again today.",
    "My flight is delayed.",
]


def test_a_phrase_both_say_alike_does_not_separate() -> None:
    """Both themes say "crew" in half their statements: "flight delayed: crew" beside
    "flight delayed" would claim a difference the statements do not show, so the
    smaller is numbered, which says the two are near duplicates (r17q)."""
    out = distinct_names(["flight delayed", "flight delayed"], [CREW, CREW_TOO])
    assert n_duplicates(out) == 0
    assert out == ["flight delayed", "flight delayed (2)"]


def test_numbering_stays_when_nothing_separates() -> None:
    same = ["the flight was delayed", "flight delayed again"]
    out = distinct_names(["flight delayed", "flight delayed"], [same, list(same)])
    assert sorted(out) == ["flight delayed", "flight delayed (2)"]


SUB = [
    "Flight delayed 40 minutes at JFK, crew missing",
    "flight delayed at JFK, 20 minutes, crew not here",
    "JFK flight delayed 30 minutes",
    "Delayed flight, the crew timed out",
]


def test_subtheme_qualifier_is_said_by_two_statements_and_is_a_thing() -> None:
    # "minutes" and "jfk" come first among the sub-theme's phrases, "checked" is a verb
    name = sub_name("flight delayed", "flight delayed", ["minutes", "jfk", "checked", "crew"],
                     SUB)
    # "crew" is the one qualifier, but no span of two statements says it with a problem
    # word: r31q never glues it ("flight delayed: crew"), the sub-theme is named as its
    # parent (folded)
    assert name == "flight delayed"
    said = [*SUB, "flight delayed, crew missing again"]
    assert sub_name("flight delayed", "flight delayed", ["minutes", "jfk", "crew"], said) == (
        "crew missing"
    )
    # nothing usable: the sub-theme keeps its own name, never a code
    assert sub_name("flight delayed", "flight delayed", ["jfk", "minutes"], SUB) == (
        "flight delayed"
    )


def test_subtheme_without_a_thing_to_name_is_never_qualified_by_a_verb() -> None:
    texts = [*SUB, "crew missing again at the gate", "flight delayed, pilot missing"]
    # no noun is usable ("crew" is not offered); "missing", said by three statements, is
    # a fragment after the colon: the sub-theme stays named as its parent (folded)
    assert sub_name("flight delayed", "flight delayed", ["jfk", "missing"], texts) == (
        "flight delayed"
    )


def test_subtheme_without_a_problem_under_a_problem_is_named_as_its_parent() -> None:
    texts = ["waited at baggage claim", "nobody at the desk", "desk closed, nobody there"]
    # "baggage claim" says no problem, and is said once: nothing qualifies "bag lost",
    # so the sub-theme is named as its parent (folded), never "baggage claim" alone
    assert sub_name("bag lost", "baggage claim", [], texts) == "bag lost"
    texts = [*texts, "baggage claim was empty"]
    # said twice now, but with no problem word: never "bag lost: baggage claim" (r31q)
    assert sub_name("bag lost", "baggage claim", [], texts) == "bag lost"
    texts = [*texts, "bag lost at baggage claim", "my bag was lost at baggage claim"]
    assert sub_name("bag lost", "baggage claim", [], texts) == "lost at baggage claim"


def test_qualifier_said_as_often_by_the_siblings_does_not_set_a_subtheme_apart() -> None:
    own = ["can't book my flight online", "can't book the flight, page errors",
           "the booking page errors again", "flight won't book"]
    rest = ["can't book a flight by phone", "flight booking by phone fails",
            "can't book flight, phone line dead", "phone booking for my flight broken"]
    # "flight" is said by both siblings alike; "page" by this one only
    # (each worked into what the statements write with it)
    assert sub_name("can't book", "can't book", ["flight", "page"], own) == (
        "can't book flight"
    )
    assert sub_name("can't book", "can't book", ["flight", "page"], own, rest) == (
        "page errors"
    )


def test_qualifier_never_ends_in_a_stop_word() -> None:
    texts = ["waiting for an hour now", "still waiting for the delay", "waiting for news"]
    # "hour delay: waiting for" would end mid-phrase, and "waiting for hour" says no
    # problem of its own under "hour delay": named as its parent, folded
    assert sub_name("hour delay", "waiting for hour", [], texts) == "hour delay"

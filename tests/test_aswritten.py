"""Names in the words, forms and word order their statements write (voc.themes.aswritten)."""

from __future__ import annotations

from voc.themes.aswritten import checked, stands_written, written_as_is, written_form
from voc.themes.naming import theme_name
from voc.themes.subwritten import passes

MISSED = [
    "Mechanical issues caused me to miss my flight.",
    "Gate agent gave me wrong info and I missed my flight.",
    "I missed my flight because of the line at security.",
    "Stranded at the airport, no flights home.",
]
UNCLEARED = [
    "My bank uncleared the check for no reason and without warning.",
    "They uncleared the check two days after the deposit.",
    "They have no reason to hold this check.",
]
REPORTED = [
    "My payments were reported late although I paid on time.",
    "The lender reported late payments to all three bureaus.",
    "The account was reported late for two months.",
    "There is a late payment on my credit report.",
]


def test_a_name_written_as_it_stands_stays() -> None:
    texts = ["My bag was lost on the way to Denver.", "Bag lost again!", "They lost my bag."]
    assert written_as_is("bag lost", texts) == 2
    assert written_form("bag lost", texts) == "bag lost"
    assert written_form("flight cancelled", ["My flight was cancelled", "flight cancelled"]) \
        == "flight cancelled"
    assert written_form("hours on hold", ["3 hours on hold", "on hold for hours"]) \
        == "hours on hold"


def test_a_word_form_no_statement_writes_takes_the_written_form() -> None:
    # "unclear" is no form these statements write; "uncleared" is
    assert not stands_written("unclear check", UNCLEARED)
    assert written_form("unclear check", UNCLEARED) == "uncleared the check"
    assert written_form("report late", REPORTED) == "reported late"


def test_a_word_goes_where_the_statements_put_it() -> None:
    assert written_form("flight missing", MISSED) == "missed my flight"
    texts = ["You put me on the wrong flight.", "Booked the wrong flight twice."]
    assert written_form("flight wrong", texts) == "wrong flight"


def test_a_reworded_name_never_spans_two_phrases() -> None:
    texts = ["I was 30 days late the account was closed.", "Paid late the account got a fee."]
    assert written_form("account late", texts) == ""


def test_an_adjective_before_another_noun_is_not_said_of_the_subject() -> None:
    texts = ["The flight is the wrong day.", "Husband and I complain about same flight."]
    assert written_form("flight wrong", texts) == ""


def test_words_glued_from_different_places_give_way() -> None:
    texts = [
        "We're not boarding because we're waiting for catering.",
        "It sat at the gate for an hour.",
        "No answer on the 800 number.",
    ]
    assert written_form("gate not boarding", texts) == ""
    assert written_form("no number", texts) == ""
    # "theft" is no form of "the": a span never ends on a cut word
    statute = ["information resulting from identity theft", "resulting from identity theft"]
    assert written_form("result theft", statute) == ""


def test_a_negation_never_stands_for_another() -> None:
    texts = ["I didn't dispute the charge.", "They say I didn't dispute it in time."]
    assert written_form("can't dispute", texts) == ""


def test_a_negation_matches_its_class() -> None:
    texts = ["I am unable to log in.", "Couldn't log in since Monday."]
    assert written_form("can't log in", texts) == "can't log in"
    assert stands_written("account not closed", ["my account was never closed"])


def test_summary_names_are_not_checked() -> None:
    assert checked("hotel and voucher problems") == ""
    assert checked("mixed complaints about email") == ""
    assert checked("account issues: number") == ""
    assert checked("seat problems") == "seat"


def test_a_theme_name_is_written_as_its_statements_write_it() -> None:
    missing = [
        "Mechanical issues caused me to miss my flight.",
        "Gate agent gave me wrong info and caused me to miss my flight.",
        "in line for 90 min, going to miss my flight",
        "the delay made me miss my flight again",
        "will I miss my flight?",
        "missing my flight because of your crew",
    ]
    assert theme_name(["flight", "miss"], missing) == "miss my flight"  # not "flight missing"
    boarding = [
        "Mobile boarding pass disappeared from phone.",
        "My boarding pass disappeared from the app.",
        "cannot board because crew is missing",
        "why is my KTN not showing on my boarding pass?",
        "boarding pass disappeared again",
        "messed up boarding pass",
    ]
    # "board disappeared" glues a verb's lemma to what the boarding pass did
    assert theme_name(["board", "pass"], boarding) == "boarding pass disappeared"


def test_a_sub_theme_name_must_stand_written() -> None:
    rest = ["The plane was late.", "Gate changed twice.", "Seat was broken."] * 3
    assert not passes("report late", "payments late", REPORTED, rest)


def test_a_name_no_statement_writes_stays_unless_reworded() -> None:
    # a noun compound is a label people write, never reordered ("dispute the debt" read worse)
    from voc.themes.naming import _written_so

    debts = ["I had to dispute the debt twice.",
             "They never answered when I tried to dispute the debt.",
             "The collector keeps calling about a debt I paid."]
    assert _written_so("debt dispute", debts, []) == "debt dispute"
    # no rewording and no problem span about the agent: the name stays, not "agent problems"
    agents = ["The agent at the desk was no help at all.",
              "Only one agent for a line of 100 people.",
              "Your agents on the ground are useless.",
              "Slow agent made us miss our flight."]
    assert _written_so("useless agent", agents, []) == "useless agent"
    flights = ["I missed my flight because of the delay.",
               "We will miss our flight at this rate.", "Missed my flight again."]
    assert _written_so("flight missing", flights, []) == "missed my flight"


def test_a_span_replaces_a_name_only_when_it_says_the_same_problem() -> None:
    from voc.themes.naming import _same_problem

    assert _same_problem("no response from email", "no response")  # a shortening
    assert _same_problem("gate not boarding", "hasn't boarded")  # the problem, as written
    # the subject alone is not the problem: "refund never arrived" stays
    assert not _same_problem("refund never arrived", "refund was wrong")
    assert not _same_problem("useless agent", "waiting in line")

"""Names of other people a text mentions (voc.redact_people): staff and family by a cue,
agents' sign-offs, names spelled out; and look-alikes that must stay (places, celebrities,
brands, everyday words). Sentences written for these tests, none taken from ../shared/eval."""

from __future__ import annotations

import pytest
from redact_cases import load_cases

from voc.redact import redact, redact_many, redact_unfiltered
from voc.redact_freeform import names_in_text
from voc.redact_people import others_in_text, people_in_text
from voc.redact_spans import redact_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role or a relation just before
        ("your agent Sarah hung up on me", "your agent [NAME] hung up on me"),
        ("the gate agent Luis Ortega was great", "the gate agent [NAME] was great"),
        ("my husband Mark called twice", "my husband [NAME] called twice"),
        ("Grandma Rosa flies alone", "Grandma [NAME] flies alone"),
        # talking, thanking
        ("I spoke with Jessica in billing", "I spoke with [NAME] in billing"),
        ("shout out to Kim at gate B12", "shout out to [NAME] at gate B12"),
        ("Thanks Becky! See you soon", "Thanks [NAME]! See you soon"),
        # a post, a verb of service, an initial, a role after
        ("Karen at your call center was terrific", "[NAME] at your call center was terrific"),
        ("Marcus helped me rebook", "[NAME] helped me rebook"),
        ("Danny B at the desk", "[NAME] at the desk"),
        ("Mike supervisor was rude", "[NAME] supervisor was rude"),
        # addressed
        ("Hi Stephen, sorry about that", "Hi [NAME], sorry about that"),
        ("We can do better, Joel.", "We can do better, [NAME]."),
        ("@AcmeAir Sean why is my bag in Denver", "@AcmeAir [NAME] why is my bag in Denver"),
        # named: any capitalised word
        ("a rep named Tiffani said no", "a rep named [NAME] said no"),
        ("her name was Marguerite Okafor", "her name was [NAME]"),
        ("my last name is Nakamura", "my last name is [NAME]"),
    ],
)
def test_people_named_by_a_cue(text: str, expected: str) -> None:
    assert redact(text) == expected
    assert redact_unfiltered(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please DM us. ^JS", "Please DM us. ^[NAME]"),
        ("We're looking into it. *TK 2/2", "We're looking into it. *[NAME] 2/2"),
        ("Happy to help. -Becky", "Happy to help. -[NAME]"),
        ("Thanks - Callum", "Thanks - [NAME]"),
        ("Is the light red? ~ Ellen", "Is the light red? ~ [NAME]"),
        ("Try a reboot. -KB https://t.co/abc", "Try a reboot. -[NAME] https://t.co/abc"),
    ],
)
def test_sign_offs_closing_a_text(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my last name is S-M-I-T-H", "my last name is [NAME]"),
        ("That's Smith, S M I T H", "That's [NAME], [NAME]"),
        ("it's spelled d.o.h.e.r.t.y", "it's spelled [NAME]"),
        ("My name is Ana Ruiz, R-U-I-Z", "My name is [NAME] [NAME], [NAME]"),
    ],
)
def test_names_spelled_out(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kim Kardashian posted about your app",
        "Virgin America lost my bag",
        "My flight on May 5 was cancelled",
        "Will you refund me?",
        "Bill me next month",
        "We landed in Charlotte at the gate and waited",
        "Jackson Hole airport is tiny",
        "I flew from San Diego to St. Louis",
        "I called Charlotte airport twice",
        "The agent said Austin is the closest store",
        "It seems the issue still hasn't Ben fixed.",
        "MIA - EWR delayed again",
        "Seriously, do better. -Frustrated",
        "LOL that took forever ^LOL",
        "That's the U S A edition",
        "The account name is Business Premium",
        "Harry Potter tickets sold out",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    assert redact(text) == text


def test_others_in_text_lists_each_name_once() -> None:
    text = "Your agent Sarah hung up on me, my husband Mark called twice. Agent Sarah again"
    assert others_in_text(text) == ["Sarah", "Mark"]


def test_a_name_found_by_a_cue_goes_everywhere_in_its_text() -> None:
    assert redact("My wife Grace booked it and Grace never got the email") == (
        "My wife [NAME] booked it and [NAME] never got the email"
    )


def test_other_people_are_found_even_when_the_writer_names_are_known() -> None:
    text = "Thanks, our agent Priya fixed it"
    assert redact_many([text], [[]], None, [True]) == ["Thanks, our agent [NAME] fixed it"]


def test_spans_leave_texts_without_a_cue_alone() -> None:
    text = "Order A-B-C-D arrived; the Smith family loved it"
    assert redact_spans(text) == text


@pytest.mark.parametrize("file", ["cases.jsonl", "gaps.jsonl"])
def test_skipping_names_in_text_without_a_given_name_changes_nothing(file: str) -> None:
    """people_in_text runs names_in_text only when a capitalised given name, "name" or
    "this is" is in the text: it finds the same names as running it always."""
    for case in load_cases(file):
        text = case["text"]
        got = people_in_text(text, text.lower())[1]
        assert set(names_in_text(redact_spans(text))) <= set(got), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nor does the SNA agent Jacquie Plitt, rude!", "nor does the SNA agent [NAME], rude!"),
        ("supervisor Dana Kowalski hung up on me", "supervisor [NAME] hung up on me"),
        (
            "our flight attendant Marisol Ybarra was lovely",
            "our flight attendant [NAME] was lovely",
        ),
    ],
)
def test_full_names_after_a_role_even_when_the_given_name_is_rare(
    text: str, expected: str
) -> None:
    assert redact(text) == expected
    assert redact_unfiltered(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I wrote to the associate General Counsel twice",
        "the rep Santa Ana office never called back",
        "my rep American Express said no",
        "the agent Southwest Airlines sent was late",
        "the manager Customer Relations team ignored me",
    ],
)
def test_two_capitalised_words_after_a_role_that_are_no_name_stay(text: str) -> None:
    assert redact(text) == text

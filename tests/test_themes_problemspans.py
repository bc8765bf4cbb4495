"""Names instead of an unsaid "X problems" (voc.themes.problemspans, voc.themes.mixed.unvague).

The statements are written after the airline tweets and CFPB complaints of
``../shared/eval`` whose themes main 9fbfae8 named "phone issues", "early bird problems"
and "phone problems"; none is copied from them.
"""

from __future__ import annotations

import pytest

from voc.themes.drafts import sub_name
from voc.themes.mixed import MIXED, is_mixed, mixed_name, unvague
from voc.themes.problemspans import said_span, unsaid_head

#: A debt-collection theme main named "phone issues": what its letters say is "stop calling".
CALLS = [
    "They keep calling my phone at work, I asked them to stop calling me.",
    "Please stop calling my mother's phone number about a debt that is not hers.",
    "I have told them in writing to stop calling and they call every day.",
    "The collector calls my cell phone five times a day.",
    "They call from different numbers so I cannot block them.",
    "I sent a letter asking them to stop calling my work phone.",
    "Calls at 7 in the morning on my phone from this company.",
    "They told my neighbour about the debt over the phone.",
]

#: A theme sharing a subject but no problem said of it: honestly mixed.
MIXED_CALLS = [
    "I was on the phone for an hour yesterday.",
    "Your phone line is a joke.",
    "Called the phone number on the site, some voicemail.",
    "Tried the phone again this morning.",
    "The agent on the phone was sweet but useless.",
    "Phone menu sends me in circles.",
    "Nobody picks up the line at the airport.",
    "Rebooked online after the phone call went nowhere.",
    "Line at the counter is huge.",
    "I'll try the line again later.",
]


def test_an_unsaid_plain_head_is_found_and_a_written_one_is_not() -> None:
    assert unsaid_head("phone issues", CALLS)
    assert not unsaid_head("stop calling", CALLS)  # no plain head
    written = ["I have phone issues again.", "Phone issues all week.", "My phone issues."]
    assert not unsaid_head("phone issues", written)


def test_the_problem_span_most_statements_write_names_the_theme() -> None:
    assert said_span(CALLS, ["calling", "phone", "number"], "phone") == "stop calling"


def test_a_span_needs_the_chains_attestation_threshold() -> None:
    # said by one statement of ten: below need(10) = 2
    assert said_span(MIXED_CALLS, ["phone", "line"], "phone") == ""


@pytest.mark.parametrize(
    "text",
    [
        "they did not send it",  # a negated verb with no thing
        "the debt can not be collected",  # a passive with no thing
        "this is not my credit card",  # "not" before a noun says nothing of it
        "I made a down payment",  # "down" is no problem here
        "they tried to close account",  # an attempt is no "can't"
    ],
)
def test_spans_that_do_not_read_as_a_problem_are_not_names(text: str) -> None:
    assert said_span([text, text + " again"], []) == ""


@pytest.mark.parametrize(
    ("texts", "span"),
    [
        (["Cannot get boarding pass for tomorrow", "I can't get my boarding pass!"],
         "can't get boarding pass"),
        (["never flying united again", "Never flying with you again"], "never flying"),
        (["stuck in the airport all night", "we are stuck in the airport"], "stuck in airport"),
        (["on hold again", "put me on hold"], ""),  # waiting with no thing: not a span alone
    ],
)
def test_spans_read_as_written_without_determiners(texts: list[str], span: str) -> None:
    assert said_span(texts, []) == span


def test_an_unsaid_problems_name_becomes_what_its_statements_say() -> None:
    assert unvague("phone issues", CALLS, ["calling", "phone"]) == "stop calling"


def test_an_unsaid_problems_name_without_a_shared_span_says_the_theme_is_mixed() -> None:
    # a sub-theme (no frame names): mixed, its subject first
    name = unvague("phone problems", MIXED_CALLS, ["phone", "line"], framed=False)
    assert is_mixed(name)
    assert name == f"{MIXED} about phone and line"
    # a theme: 7 of the 10 say "phone", a clear majority (voc.themes.framenames)
    assert unvague("phone problems", MIXED_CALLS, ["phone", "line"]) == "phone problems"
    others = ["bag lost again", "meal was cold", "seat broken", "the crew was rude",
              "gate changed twice", "wifi never works"]
    assert is_mixed(unvague("phone problems", MIXED_CALLS[3:] + others, ["phone", "line"]))


def test_a_mixed_name_puts_the_subject_first_only_when_two_statements_say_it() -> None:
    texts = ["my seat broke", "seat dirty", "bag lost", "bag late", "bag fee", "meal cold"]
    assert mixed_name(texts, about="seat") == f"{MIXED} about seat and bag"
    assert mixed_name(texts, about="meal") == f"{MIXED} about bag and seat"
    assert mixed_name(texts, about="credit report") == f"{MIXED} about bag and seat"


def test_one_line_requests_keep_the_noun_they_ask_about() -> None:
    asks = [
        "Where do my funds come from?",
        "Why do you need the source of my funds?",
        "What proof of funds do you need?",
        "Do I have to tell you where my money is from?",
    ]
    assert unvague("fund problems", asks, ["funds", "source"]) == "fund problems"


def test_sub_themes_of_and_named_mixed_themes() -> None:
    parent = f"{MIXED} about ticket and refund"
    assert sub_name(parent, "no contact", ["contact"], []) == "no contact"
    # named as its parent: what it mentions, never the parent's name with a qualifier
    assert sub_name(parent, parent, ["row"], []) == f"{MIXED} about row"
    # a mixed sub-theme is its parent with a noun it names worked into what its statements
    # write; never glued ("no flight bag: customer", r31q) nor a cut of its words ("no
    # flight bag: and customer"): without statements it stays mixed, and is folded
    mixed = f"{MIXED} about bag and customer"
    assert sub_name("no flight bag", mixed, ["bag"], []) == mixed
    assert sub_name("bag lost", f"{MIXED} about bag", ["suitcase"], []) == f"{MIXED} about bag"
    assert sub_name("bag lost", MIXED, ["suitcase"], []) == MIXED  # names nothing: kept

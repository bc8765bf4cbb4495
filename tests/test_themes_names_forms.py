"""Theme names in the form people write problems in (issue 6, naming, round 8).

Every theme here is small and synthetic (written for these tests, not taken from any
evaluation set); each test fails on the names the name step gave before this round
("credit report refuse", "cash not working" for an ATM theme, a bare "gate", "stop
door", "flight attendant stop yelling").
"""

from __future__ import annotations

import re

from voc.themes.bestpred import as_written, best_predicate
from voc.themes.naming import key_phrases, theme_name
from voc.themes.pos import past_participle
from voc.themes.predicate import predicates
from voc.themes.wording import proper_names

APP = ["The app crashes when I open it", "App crashed again", "my app keeps crashing"]


def _name(texts: list[str], others: list[list[str]] | None = None) -> str:
    phrases = key_phrases([texts, *(others or [APP])])[0]
    return theme_name(phrases, texts, texts[0])


def _said(name: str, texts: list[str]) -> bool:
    words = set(re.findall(r"[a-z][a-z'\-]*", " ".join(texts).lower()))
    return set(name.replace("can't", "cant").split()) <= words | {"cant"}


ATM = [
    "The ATM at the station is not working and kept my cash",
    "ATM not working again, no cash came out",
    "Your ATM is not working since Monday",
    "I tried the ATM twice and it is not working",
    "the ATM near my office is not working, where can I get cash",
    "ATM not working, it says service unavailable",
]

REFUSALS = [
    "I disputed the account and Equifax refuses to remove it from my credit report.",
    "The bureau refuses to correct my credit report even after I sent proof.",
    "They refuse to investigate the errors on my credit report.",
    "Experian refused to delete the late payment on my credit report.",
    "My credit report still shows the account because they refuse to update it.",
]

GATE = [
    "@AirCo two hours waiting at the gate and nobody tells us anything",
    "@AirCo still waiting at the gate, no crew in sight",
    "@AirCo the gate changed three times tonight",
    "@AirCo waiting at gate B12 since noon #fail",
]

MISSED = [
    "@AirCo delayed again, I will miss my connection in Denver",
    "@AirCo we are going to miss our connection because of you",
    "@AirCo missed my connection thanks to the late departure",
    "@AirCo sitting at the gate, about to miss my connection",
]

CALLS = [
    "Please stop calling me at work about this debt",
    "They call my phone ten times a day, stop calling",
    "The collector keeps calling my mother, tell them to stop",
]


def test_an_all_caps_common_noun_is_not_a_name() -> None:
    assert "atm" not in proper_names(ATM)
    assert "jfk" in proper_names(["landed at JFK late", "stuck at JFK again"])
    name = _name(ATM)
    assert name.split()[0] == "atm" and "working" in name and "cash" not in name, name


def test_predicates_take_the_past_participle_the_statements_write() -> None:
    assert past_participle("refuses") == "refused" and past_participle("losing") == "lost"
    assert past_participle("refuse", {"refuse": 3}) == ""  # never a form nobody wrote
    assert as_written("refuse", "refuse", REFUSALS) == "refused"
    assert as_written("charges twice", "charge", ["it charged twice", "charges twice"]) == (
        "charged twice"
    )
    assert as_written("keeps crashing", "crash", APP) == "keeps crashing"
    assert as_written("don't recognize", "recognize", ["I don't recognize it"]) == (
        "don't recognize"
    )
    name = _name(REFUSALS)
    assert "refused" in name.split() and "refuse" not in name.split(), name
    name = _name(MISSED, [APP, ATM])
    assert name == "missed connection", name


def test_a_small_mixed_theme_is_named_by_the_complaint_its_statements_share() -> None:
    name = _name(GATE, [APP, ATM])
    assert name == "waiting at gate", name
    assert "@" not in name and "#" not in name and _said(name, GATE), name


def test_stop_doing_something_is_a_demand_not_a_failure() -> None:
    assert not any(p.head == "stop" for t in CALLS for p in predicates(t))
    assert any(p.head == "stop" for p in predicates("the bank sync stopped working"))


EXPIRING = [
    "My card expires next week, how do I get a new one?",
    "my card is about to expire",
    "card expiring soon, what should I do",
    "What happens when my card expires?",
    "my card will expire at the end of the month",
    "Do I need to do anything before my card expires",
    "my old card expired last year",
]


def test_the_past_form_few_statements_write_is_not_the_name() -> None:
    # most say the card "expires" or is "about to expire": one "expired" is a minority reading
    assert as_written("expire", "expire", EXPIRING) == "expiring"
    assert as_written("expire", "expire", [*EXPIRING[-1:], "it expired", "card expire"]) == (
        "expired"
    )
    assert as_written("frozen", "freeze", ["freeze my card", "freeze it", "card frozen"]) == (
        "frozen"  # said as the problem it is, never turned into another form
    )
    name = _name(EXPIRING, [APP, ATM])
    assert "expired" not in name.split() and "expiring" in name.split(), name


def test_the_subject_is_said_as_the_statements_saying_the_problem_say_it() -> None:
    from voc.themes.naming import subject_as_said

    # a "new card" is what they ask for; what expires is their card
    texts = [
        *EXPIRING,
        "how do I order a new card",
        "where do I get a new card",
        "a new card please, mine expires soon",
    ]
    pred = best_predicate("new card", texts)
    assert pred is not None and subject_as_said("new card", pred, texts) == "card"
    assert _name(texts, [APP, ATM]) == "card expiring"  # was "new card expiring"
    # the whole phrase is kept when the statements saying the problem say it
    cards = ["my credit card was declined", "credit card declined again", "card declined"]
    pred = best_predicate("credit card", cards)
    assert pred is not None and subject_as_said("credit card", pred, cards) == "credit card"

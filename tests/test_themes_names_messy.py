"""Theme names on complaint letters, tweets and mixed clusters (issue 6, naming).

Every theme here is small and synthetic (written for these tests, not taken from any
evaluation set); each test fails on the names the name step gave before this round
("account number", "wifi", a glued "autopay").
"""

from __future__ import annotations

import re

from voc.themes.naming import key_phrases, theme_name
from voc.themes.pos import glued
from voc.themes.wording import BOILERPLATE, proper_names

APP = ["The app crashes when I open it", "App crashed again", "my app keeps crashing"]

_LETTER = (
    "I am writing to dispute a debt that XXXX Collections says I owe. Pursuant to section "
    "809 of the Fair Debt Collection Practices Act I asked them to validate the debt on "
    "XX/XX/2019 and they never did. {detail} The debt is not mine and it is still on my "
    "credit report. I have filed a complaint with the FTC and the CFPB under the Fair "
    "Credit Reporting Act. Account number XXXX."
)
DEBT_LETTERS = [
    _LETTER.format(detail=d)
    for d in (
        "They keep calling my phone about this debt.",
        "The collector sent a letter demanding payment for a debt I do not owe.",
        "I never had an account with the original creditor.",
        "They refused to send any proof of the debt.",
        "This debt was paid in full years ago and is still being collected.",
        "The collection agency reported the debt to all three bureaus.",
    )
]
CARD_LETTERS = [
    "My credit card was charged twice for one purchase at a store and the bank will not "
    "reverse the second charge although I called them four times and sent receipts. " * 2,
    "The bank charged my credit card twice for the same purchase and the dispute was "
    "closed without any explanation after I sent all the receipts they asked for. " * 2,
    "I was charged twice on my credit card for a single purchase and the card issuer says "
    "it is my problem although their own statement shows both charges on the same day. " * 2,
]

DELAYS = [
    "@DeltaAir my flight was delayed again, third time this month #fail",
    "Delta delayed my flight by 4 hours and nobody told us why",
    "@DeltaAir flight delayed, missed my meeting",
    "Another Delta flight delayed at the gate, thanks Delta",
    "my flight delayed twice today @DeltaAir",
    "Delta flight delayed for no reason #neveragain",
]
WIFI = [
    "@AirCo wifi down the entire trip",
    "the wifi on board was down again",
    "@AirCo is the wifi down? paid for it",
    "wifi down, could not work at all on a 5 hour trip",
    "@AirCo onboard wifi down on both legs",
    "paid for wifi, wifi down, want my money back",
]


def _name(texts: list[str], others: list[list[str]] | None = None) -> str:
    phrases = key_phrases([texts, *(others or [APP])])[0]
    return theme_name(phrases, texts, texts[0])


def _said(name: str, texts: list[str]) -> bool:
    words = set(re.findall(r"[a-z][a-z'\-]*", " ".join(texts).lower()))
    return set(name.split()) <= words


def test_glued_tokens_are_slips_but_compounds_are_words() -> None:
    for word in ("flightled", "flightr", "cardis", "servicethe"):
        assert glued(word), word
    for word in ("autopay", "signup", "website", "chargeback", "cashback", "paywall"):
        assert not glued(word), word


def test_complaint_letters_are_named_by_what_recurs_not_by_boilerplate() -> None:
    name = _name(DEBT_LETTERS, [CARD_LETTERS, APP])
    words = name.split()
    assert not set(words) & BOILERPLATE, name
    assert not any(re.fullmatch(r"x{2,}", w) for w in words), name
    assert "debt" in words or "credit report" in name, name
    assert 2 <= len(words) <= 5 and _said(name, DEBT_LETTERS), name
    card = _name(CARD_LETTERS, [DEBT_LETTERS, APP])
    assert "charged twice" in card or "credit card" in card, card


def test_names_of_companies_are_not_the_subject_while_a_thing_is_said() -> None:
    assert "delta" in proper_names(DELAYS) and "flight" not in proper_names(DELAYS)
    name = _name(DELAYS, [WIFI, APP])
    assert name.endswith("flight delayed"), name
    assert "@" not in name and "#" not in name


def test_a_bare_subject_gets_the_word_its_statements_put_beside_it() -> None:
    name = _name(WIFI, [DELAYS, APP])
    assert name == "wifi down", name

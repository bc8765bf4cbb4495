"""Names never assert what their statements only ask for or say did not happen (round 26).

Small synthetic themes written for these tests: customers who asked a bank to close an
account it kept open, who demand that information be blocked, whose charge the bank
refused to remove. A name built on "closed", "blocked" or "refused" must not say the
state came about.
"""

from __future__ import annotations

from voc.themes.naming import theme_name
from voc.themes.said import phrases_said
from voc.themes.written import written_support

#: The bank failed to close the account: every statement says it was not done.
NOT_CLOSED = [
    "Due to their improper failure to close my savings account, they charge me fees.",
    "My savings account should have been closed months ago and it is still open.",
    "I asked them to close my savings account three times.",
    "They failed to close the savings account as I instructed in writing.",
    "The savings account should have been closed when I moved my money away.",
    "I am still paying monthly fees on a savings account I wanted gone.",
]

#: Letters demanding a block: nothing was blocked.
BLOCK_ASKED = [
    "I demand that this information be blocked from my report immediately.",
    "Please block the information that results from identity theft.",
    "I request that the fraudulent information be blocked within four business days.",
    "Under the law the information must be blocked because it is not mine.",
    "I have asked them to block the information and they have not responded.",
]

#: The bank refused to remove the charge; it never refused the charge itself.
REFUSED_REMOVAL = [
    "The supervisor refused to remove the interest charge from my statement.",
    "She refused to remove the interest charge even though I paid on time.",
    "They refused to remove the late interest charge after my payment posted.",
    "I was charged interest on a balance I had already paid off.",
]

#: The account really was closed.
CLOSED = [
    "My savings account was closed without any notice.",
    "They closed my savings account and kept my money.",
    "Savings account closed for no reason, no letter, nothing.",
]


def test_failed_or_asked_for_state_does_not_attest_it() -> None:
    assert written_support("savings account closed", NOT_CLOSED) <= 1
    assert written_support("information blocked", BLOCK_ASKED) == 0


def test_refusal_to_act_on_subject_does_not_attest_subject_refused() -> None:
    assert written_support("interest charge refused", REFUSED_REMOVAL) == 0


def test_asserted_state_still_attests() -> None:
    assert written_support("savings account closed", CLOSED) == 3


def test_frames_in_question_or_other_clause_do_not_undo_the_state() -> None:
    texts = [
        "I asked why my savings account was closed without notice.",
        "They closed my savings account, and I want an explanation.",
    ]
    assert written_support("savings account closed", texts) == 2


def test_said_phrases_skip_states_asked_for() -> None:
    texts = [
        "Both accounts should be closed by now.",
        "I asked that the accounts be closed last month.",
        "The accounts should be closed and the balance refunded.",
    ]
    assert "accounts closed" not in {s.text for s in phrases_said(texts)}


def test_theme_name_says_state_not_reached() -> None:
    name = theme_name(["savings account", "fees"], NOT_CLOSED)
    assert name != "savings account closed"
    assert "not closed" in name or "close" not in name


def test_theme_name_of_demands_does_not_say_blocked() -> None:
    name = theme_name(["information", "identity theft"], BLOCK_ASKED)
    assert name != "information blocked"

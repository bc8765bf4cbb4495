"""Frames that do not assert the word they govern (:mod:`voc.themes.modality`) and names
worded as the statements say them (:mod:`voc.themes.unasserted`)."""

from __future__ import annotations

import pytest
from test_themes_names_unasserted import BLOCK_ASKED, CLOSED, NOT_CLOSED, REFUSED_REMOVAL

from voc.themes.modality import asserts, frame_at, framed, opens_frame
from voc.themes.unasserted import unasserted_name


def _at(text: str, word: str) -> str:
    words = text.split()
    return frame_at(words, words.index(word))


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("i asked them to close my account", "close", "request"),
        ("i demand that all information be deleted", "deleted", "request"),
        ("please block this", "block", "request"),
        ("it must be blocked", "blocked", "request"),
        ("their failure to close my account", "close", "failure"),
        ("they failed to close the account", "close", "failure"),
        ("it should have been closed long ago", "closed", "failure"),
        ("it could have been cancelled", "cancelled", "failure"),
        ("my account was closed", "closed", ""),
        ("i asked why my account was closed", "closed", ""),
        ("they never fail to have delayed flights", "delayed", ""),
        ("my request was denied", "denied", ""),
        ("i could not file or request a lost bag", "lost", ""),
        ("please help my flight appears cancelled", "cancelled", ""),
        ("should i be charged a fee", "charged", ""),
    ],
)
def test_frame_at(text: str, word: str, kind: str) -> None:
    assert _at(text, word) == kind
    assert framed(text.split(), text.split().index(word)) == bool(kind)


def test_opens_frame_and_asserts() -> None:
    words = ["she", "refused", "to", "remove", "the", "charge"]
    assert opens_frame(words, 1)
    assert not opens_frame(["the", "charge", "was", "refused"], 3)
    assert asserts(["savings", "account", "closed"])
    assert asserts(["interest", "charge", "refused"])
    assert not asserts(["savings", "account", "not", "closed"])
    assert not asserts(["asked", "to", "block", "information"])
    assert not asserts(["can't", "close", "account"])


def test_unasserted_name_says_it_as_statements_do() -> None:
    assert unasserted_name("savings account closed", NOT_CLOSED) == "savings account not closed"
    assert unasserted_name("information blocked", BLOCK_ASKED) == "asked to block information"


def test_refusal_to_act_on_subject_is_named_by_the_act() -> None:
    assert unasserted_name("interest charge refused", REFUSED_REMOVAL) \
        == "won't remove interest charge"
    asserted = ["The interest charge was refused by my bank.",
                "Interest charge refused again this month."]
    assert unasserted_name("interest charge refused", REFUSED_REMOVAL[:1] + asserted) == ""


def test_unasserted_name_keeps_asserted_and_own_framed_names() -> None:
    assert unasserted_name("savings account closed", CLOSED) == ""
    assert unasserted_name("savings account closed", CLOSED + NOT_CLOSED[:2]) == ""
    assert unasserted_name("savings account not closed", NOT_CLOSED) == ""
    assert unasserted_name("no response", NOT_CLOSED) == ""

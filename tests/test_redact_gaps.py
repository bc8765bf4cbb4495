"""Redaction gaps found on real tweets and e-mails (QA round): bare phone numbers, spelled-out
e-mail addresses, names people give themselves, people's @handles; and look-alikes that must
stay (order, flight and tracking numbers, amounts, dates, versions, brands' handles).

The labelled set is ``tests/fixtures/redact/gaps.jsonl`` (hand-written sentences, none taken
from ../shared/eval)."""

from __future__ import annotations

from collections import Counter

import pytest
from redact_cases import load_cases, passed

from voc.redact import redact, redact_many, redact_unfiltered
from voc.redact_freeform import addressed_handles, names_in_text, redact_handles

CASES = load_cases("gaps.jsonl")


def test_gap_set_is_large_and_mixed() -> None:
    kinds = Counter(c["kind"] for c in CASES)
    assert len(CASES) >= 150
    assert kinds["clean"] >= 90 and kinds["structured"] >= 40 and kinds["name"] >= 25
    assert {c["type"] for c in CASES if c["kind"] == "structured"} == {"PHONE", "EMAIL", "HANDLE"}


def test_gap_recall_and_false_positives() -> None:
    failed = [c["id"] for c in CASES if not passed(c)]
    pii = [c for c in CASES if c["kind"] != "clean"]
    clean = [c for c in CASES if c["kind"] == "clean"]
    recall = sum(passed(c) for c in pii) / len(pii)
    fp = 1 - sum(passed(c) for c in clean) / len(clean)
    assert recall >= 0.97, failed
    assert fp <= 0.01, failed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("please call me 9148445695", "please call me [PHONE]"),
        ("ohcamaro at gmail dot com", "[EMAIL]"),
        ("john.smith[at]gmail.com", "[EMAIL]"),
        ("My name is Sarah Connor", "My name is [NAME]"),
        ("I'm Sarah, my order never came. Sarah is not happy", "I'm [NAME], my order never "
         "came. [NAME] is not happy"),
        ("Still no refund. Thanks, Maria", "Still no refund. Thanks, [NAME]"),
        ("DM me @johnsmith", "DM me [HANDLE]"),
        ("@united flight UA7985 to ORD, order 1234567890", "@united flight UA7985 to ORD, order "
         "1234567890"),
        ("tracking 1Z999AA10123456784, iPhone 6, Windows 10, flight 2962 in 2017",
         "tracking 1Z999AA10123456784, iPhone 6, Windows 10, flight 2962 in 2017"),
    ],
)
def test_issue_examples(text: str, expected: str) -> None:
    assert redact(text) == expected
    assert redact_unfiltered(text) == expected


def test_names_a_text_gives_reach_its_other_sentences() -> None:
    text = "Hi, my name is David Chen. David here again: nobody called. Mr Chen is angry."
    out = redact(text)
    assert out == "Hi, my name is [NAME]. [NAME] here again: nobody called. [NAME] is angry."
    assert names_in_text(text) == ["David Chen"]


def test_weak_cues_need_a_given_name() -> None:
    assert names_in_text("I'm Canadian, and I'm Platinum. Thanks, United") == []
    assert names_in_text("I'm Kevin, thanks") == ["Kevin"]
    assert names_in_text("This is Priyanka from accounts") == ["Priyanka"]


def test_brand_handles_addressed_often_are_kept_in_a_batch() -> None:
    texts = [f"@AcmeHelp order {i} is late" for i in range(6)]
    texts += ["@janedoe88 same here with @AcmeHelp", "@AcmeHelp ask @janedoe88"]
    assert addressed_handles(texts) == {"acmehelp"}
    out = redact_many(texts, [[] for _ in texts])
    assert out[0] == "@AcmeHelp order 0 is late"
    assert out[-2] == "[HANDLE] same here with @AcmeHelp"
    assert out[-1] == "@AcmeHelp ask [HANDLE]"


def test_a_rare_leading_handle_is_redacted_in_a_batch_but_kept_alone() -> None:
    text = "@smallbrand my order is late"
    assert redact_many([text], [[]]) == ["[HANDLE] my order is late"]
    assert redact(text) == text


def test_numeric_handles_are_user_ids_and_times_stay() -> None:
    assert redact_handles("@AppleSupport @115721 same issue @5pm", None) == (
        "@AppleSupport [HANDLE] same issue @5pm"
    )
    assert addressed_handles(["@115721 hi"] * 9) == set()


def test_number_keywords_keep_bare_numbers() -> None:
    for text in ("order number 9148445695", "account 4155550134", "Case #: 2125550198",
                 "tracking no. 6175550123"):
        assert redact(text) == text
    assert redact("my number is 6175550123") == "my number is [PHONE]"


def test_names_with_particles() -> None:
    assert redact("Hi, my name is Lucia de Vries. Lucia de Vries again") == (
        "Hi, my name is [NAME]. [NAME] again"
    )

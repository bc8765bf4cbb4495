"""Redaction: labelled positives (must be replaced) and ordinary text (must be untouched)."""

from __future__ import annotations

import pytest

from voc.redact import iban_ok, luhn_ok, redact

NAMES = ["Dana Whitfield", "Tom Reyes", "Priya", "Bill Parker", "Interviewer", "Unknown"]

POSITIVES: list[tuple[str, str]] = [
    # e-mail
    ("write to dana@acme-corp.com today", "write to [EMAIL] today"),
    ("cc: j.o'neil+billing@mail.example.co.uk.", "cc: [EMAIL]."),
    ("<support@ledgerly.com>", "<[EMAIL]>"),
    ("mail FIRST.LAST@EXAMPLE.ORG", "mail [EMAIL]"),
    # phones
    ("call +44 20 7946 0958 now", "call [PHONE] now"),
    ("call (415) 555-0134", "call [PHONE]"),
    ("call 415-555-0134.", "call [PHONE]."),
    ("call +1 415 555 0134", "call [PHONE]"),
    ("call +1-415-555-0134", "call [PHONE]"),
    ("call 415.555.0134", "call [PHONE]"),
    ("call 1-800-555-0199 or", "call [PHONE] or"),
    ("ring 020 7946 0958", "ring [PHONE]"),
    ("mobile 07700 900123", "mobile [PHONE]"),
    ("Tel: +49 30 1234567", "Tel: [PHONE]"),
    ("tel +33 1 23 45 67 89", "tel [PHONE]"),
    ("+61 2 9374 4000", "[PHONE]"),
    ("(415)555-0134", "[PHONE]"),
    # cards (Luhn-valid)
    ("card 4111 1111 1111 1111 declined", "card [CARD] declined"),
    ("card 4111-1111-1111-1111", "card [CARD]"),
    ("card 4111111111111111", "card [CARD]"),
    ("amex 3782 822463 10005", "amex [CARD]"),
    ("mc 5500 0000 0000 0004.", "mc [CARD]."),
    # IBAN
    ("IBAN GB82 WEST 1234 5698 7654 32 please", "IBAN [IBAN] please"),
    ("to DE89370400440532013000", "to [IBAN]"),
    ("FR14 2004 1010 0505 0001 3M02 606", "[IBAN]"),
    # IP
    ("from 192.168.1.20 yesterday", "from [IP] yesterday"),
    ("server 10.0.0.1.", "server [IP]."),
    ("ip=8.8.8.8", "ip=[IP]"),
    # SSN
    ("SSN 123-45-6789", "SSN [ID]"),
    ("my ssn is 078-05-1120.", "my ssn is [ID]."),
    # secrets in URLs
    (
        "https://app.ledgerly.com/reset?token=abc123XYZ&user=5",
        "https://app.ledgerly.com/reset?token=[SECRET]&user=5",
    ),
    ("https://x.io/a?api_key=Zx9&sig=77ab", "https://x.io/a?api_key=[SECRET]&sig=[SECRET]"),
    ("https://x.io/login?user=a&password=hunter2", "https://x.io/login?user=a&password=[SECRET]"),
    (
        "https://s3.example/f.pdf?X-Amz-Signature=deadbeef",
        "https://s3.example/f.pdf?X-Amz-Signature=[SECRET]",
    ),
    ("link ?key=K1 ok", "link ?key=[SECRET] ok"),
    # names
    ("Dana Whitfield called", "[NAME] called"),
    ("thanks Dana!", "thanks [NAME]!"),
    ("dana said so", "[NAME] said so"),
    ("Tom's invoice", "[NAME]'s invoice"),
    ("Priya was helpful", "[NAME] was helpful"),
    ("PRIYA was helpful", "[NAME] was helpful"),
    ("Tom Reyes and Tom", "[NAME] and [NAME]"),
    ("Bill replied", "[NAME] replied"),
    ("Dana  Whitfield", "[NAME]"),
]

NEGATIVES: list[str] = [
    "It costs $12.99 a month.",
    "Only €6 extra, or £1,200.50 a year.",
    "Renewal on 2026-09-14.",
    "Renewal on 09/14/2026 and 14.09.2026.",
    "The call was at 10:02 AM, then 14:30:15.",
    "Since 2019 and in 2026.",
    "Order #48213 still missing.",
    "Ticket 48213 is open.",
    "Version 2.14.1 broke it; v3.0 too.",
    "Build 1.0.0.12 and version 10.2.1.3 crash.",
    "It took 3 days and 45 minutes.",
    "I have 12 users and 1,234,567 rows.",
    "Invoice INV-2026-0042 is wrong.",
    "Error code 502 on every sync.",
    "Call 555-0134 internally.",
    "Rated it 9/10.",
    "Totals: 1234.56 vs 1234.65.",
    "My bill was wrong and you will fix it.",
    "We may switch in May.",
    "The interviewer asked good questions.",
    "Order 1234567890123 never shipped.",
    "Plan costs 4 x 25 = 100.",
    "https://app.ledgerly.com/reports?page=2&sort=date",
    "Look at section 3.2.1 of the guide.",
    "Page 12 of 48, 2-3 weeks.",
    "Account ending 4242.",
    "Phone: ask the team.",
    "It was 50% slower at 9am.",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_redacts_personal_data(text: str, expected: str) -> None:
    assert redact(text, NAMES) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_leaves_ordinary_text_alone(text: str) -> None:
    assert redact(text, NAMES) == text


def test_no_names_given() -> None:
    assert redact("Dana called from dana@acme.com") == "Dana called from [EMAIL]"


def test_empty_text() -> None:
    assert redact("", NAMES) == ""


def test_checksums() -> None:
    assert luhn_ok("4111111111111111")
    assert not luhn_ok("4111111111111112")
    assert iban_ok("GB82 WEST 1234 5698 7654 32")
    assert not iban_ok("GB82 WEST 1234 5698 7654 33")


def test_name_not_matched_inside_other_words() -> None:
    assert redact("Tomorrow the Tomcat server", ["Tom"]) == "Tomorrow the Tomcat server"


def test_email_redacted_before_names() -> None:
    assert redact("dana.whitfield@acme.com", ["Dana Whitfield"]) == "[EMAIL]"

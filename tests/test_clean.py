"""Cleaning: quoted replies, signatures, whitespace."""

from __future__ import annotations

import pytest

from voc.clean import (
    clean_email_body,
    greeting_names,
    normalize_whitespace,
    strip_quoted_reply,
    strip_signature,
    unwrap_lines,
)

NEW = "The export still fails on large files."


@pytest.mark.parametrize(
    "quote",
    [
        "On Mon, Sep 14, 2026 at 10:02 AM Ledgerly Support <support@ledgerly.com> wrote:\n> old",
        "On Mon, Sep 14, 2026 at 10:02 AM Ledgerly Support <\nsupport@ledgerly.com> wrote:\n> old",
        "On 14 Sep 2026, at 10:02, Priya <p@ledgerly.com> wrote:\n\n> old text",
        "On 9/14/26 10:02 AM, Priya wrote:\nold",
        "Le 14 sept. 2026 à 10:02, Priya a écrit :\n> vieux",
        "-----Original Message-----\nFrom: Support\nSent: Monday\nold",
        "From: Ledgerly Support <support@ledgerly.com>\nSent: Monday, September 14, 2026 10:02"
        " AM\nTo: Dana <d@acme.com>\nSubject: RE: Export\n\nold",
        "________________________________\nFrom: Support <s@l.com>\nSent: Monday\nTo: me\nold",
        "*From:* Support <s@l.com>\n*Date:* Monday\n*Subject:* Export\nold",
        "Begin forwarded message:\n\nFrom: Someone\nold",
        "---------- Forwarded message ---------\nFrom: x\nold",
        "> old quoted line\n> another",
    ],
)
def test_strip_quoted_reply_cuts_history(quote: str) -> None:
    assert strip_quoted_reply(f"{NEW}\n\n{quote}") == NEW


def test_inline_reply_keeps_new_lines_between_quotes() -> None:
    text = "> Which browser?\nChrome on Windows.\n> And the version?\nThe latest one."
    assert strip_quoted_reply(text) == "Chrome on Windows.\nThe latest one."


def test_prose_mentioning_from_or_on_is_kept() -> None:
    text = "On Monday I tried again and it failed.\nFrom: my point of view this is a bug."
    assert strip_quoted_reply(text) == text


def test_wrapped_attribution_does_not_eat_previous_sentence() -> None:
    text = f"{NEW} 3 times\nOn Tue, Sep 15, 2026 at 9:00 AM Ann <a@x.com> wrote:\n> q"
    assert strip_quoted_reply(text) == f"{NEW} 3 times"


def test_signature_after_signoff_removed_and_name_returned() -> None:
    text = f"{NEW}\n\nThanks,\nDana Whitfield\nOperations Manager, Acme Corp\n+1 415 555 0134"
    out = strip_signature(text)
    assert out.text == NEW
    assert out.names == ["Dana Whitfield"]


@pytest.mark.parametrize(
    "sig",
    [
        "-- \nTom Reyes\nBrightpath",
        "Sent from my iPhone",
        "Sent from my Android phone",
        "Get Outlook for iOS",
        "Best,\nTom",
        "Kind regards,\nTom Reyes\nwww.brightpath.io",
        "Cheers,\nT.",
        "Regards",
        "Thanks, Tom",
        "This email and any attachments are confidential and intended solely for the addressee.",
        "CONFIDENTIALITY NOTICE: This message is for the named recipient only.",
    ],
)
def test_signature_forms_removed(sig: str) -> None:
    assert strip_signature(f"{NEW}\n\n{sig}").text == NEW


def test_one_line_signoff_names_returned() -> None:
    assert strip_signature(f"{NEW}\nThanks, Priya").names == ["Priya"]


def test_thanks_for_nothing_keeps_sentence_and_drops_block() -> None:
    text = (
        "The invoice PDF still shows the wrong VAT number. Thanks for nothing.\n\n"
        "Kim Novak\nFinance Lead | Harbor Goods\nwww.harbor.example"
    )
    out = strip_signature(text)
    assert out.text == "The invoice PDF still shows the wrong VAT number. Thanks for nothing."
    assert out.names == ["Kim Novak"]


def test_closing_thanks_without_signature_is_kept() -> None:
    assert strip_signature(f"{NEW}\n\nThank you!").text == f"{NEW}\n\nThank you!"


def test_bare_first_name_after_mobile_footer_removed() -> None:
    out = strip_signature(f"{NEW}\n\nDana\n\nGet Outlook for Android")
    assert out.text == NEW and out.names == ["Dana"]


def test_customer_sentences_not_mistaken_for_signature() -> None:
    text = "Why does sync fail?\n\nIt worked last week. Please fix it soon, we pay for Premium."
    assert strip_signature(text).text == text
    assert strip_signature(text).names == []


def test_signoff_followed_by_long_text_is_not_signature() -> None:
    text = "Thanks,\nbut the refund never arrived and nobody explained why it takes two weeks."
    assert strip_signature(f"{NEW}\n{text}").text == f"{NEW}\n{text}"


def test_normalize_whitespace() -> None:
    raw = "  Hello\u00a0 there\r\n\r\n\r\n\tsecond\u200b line  \n"
    assert normalize_whitespace(raw) == "Hello there\n\nsecond line"


def test_unwrap_joins_hard_wrapped_lines_but_keeps_lists() -> None:
    text = (
        "I was charged twice for my Premium plan this month and the refund you\n"
        "promised has not arrived.\nSteps:\n- open reports\n- click export"
    )
    assert unwrap_lines(text) == (
        "I was charged twice for my Premium plan this month and the refund you "
        "promised has not arrived.\nSteps:\n- open reports\n- click export"
    )


def test_unwrap_rejoins_hyphenated_compound() -> None:
    assert unwrap_lines("so tired of typing my whole bank password and re-\nentering it") == (
        "so tired of typing my whole bank password and re-entering it"
    )


def test_greeting_names() -> None:
    assert greeting_names("Hi Priya,\nthe app crashed") == ["Priya"]
    assert greeting_names("Hi team,\nthe app crashed") == []


def test_clean_email_body_end_to_end() -> None:
    body = (
        "Hi Priya,\n\nI was charged twice this month and the refund you promised still has not\n"
        "arrived.\n\nThanks,\nDana Whitfield\n+1 415 555 0134\n\n"
        "On Fri, Sep 11, 2026 at 4:02 PM Priya <support@ledgerly.com> wrote:\n> We refunded it."
    )
    out = clean_email_body(body)
    assert out.text == (
        "Hi Priya,\n\nI was charged twice this month and the refund you promised still has not "
        "arrived."
    )
    assert set(out.names) == {"Dana Whitfield", "Priya"}


def test_only_quote_is_empty() -> None:
    assert clean_email_body("On 15 Sep 2026, at 17:00, S <s@l.com> wrote:\n> old").text == ""

"""E-mail reader: cleaning, agent/auto-reply/duplicate rejects, HTML, charsets, threads."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from voc.ingest import SourceOptions, ingest_paths
from voc.ingest.email import read_email_file
from voc.records import IngestResult

EMAILS = Path(__file__).parent / "fixtures" / "ingest" / "emails"
OPTIONS = SourceOptions(agent_domains=["ledgerly.com"])


@pytest.fixture(scope="module")
def mbox() -> IngestResult:
    return read_email_file(EMAILS / "support.mbox", OPTIONS)


def _item(result: IngestResult, ref: str):
    return next(i for i in result.items if i.source_ref == ref)


def _reasons(result: IngestResult) -> dict[str, str]:
    return {r.source_ref: r.reason for r in result.rejects}


def test_every_message_is_item_or_reject(mbox: IngestResult) -> None:
    assert mbox.read == 7
    assert len(mbox.items) == 3
    assert "support.mbox: 7 messages" in mbox.notes[0]


def test_quoted_reply_and_signature_removed(mbox: IngestResult) -> None:
    item = _item(mbox, "m1@acme-corp.com")
    assert item.text.startswith("Hi Priya,")
    assert "charged twice" in item.text and "month-end close." in item.text
    assert "refund you promised" in item.text
    for gone in ("wrote:", "issued a refund", "Operations Manager", "555", "Thanks,"):
        assert gone not in item.text
    assert {"Dana Whitfield", "Priya"} <= set(item.names)


def test_item_fields(mbox: IngestResult) -> None:
    item = _item(mbox, "m1@acme-corp.com")
    assert item.source_kind == "email" and item.channel == "email"
    assert item.author == "dana@acme-corp.com"
    assert item.thread_id == "root1@acme-corp.com"  # root of References
    assert item.created_at == datetime(2026, 9, 14, 7, 15)  # +0200 -> naive UTC
    assert item.source_path.endswith("support.mbox")


def test_outlook_header_block_and_mobile_signature_removed(mbox: IngestResult) -> None:
    item = _item(mbox, "t2@brightpath.io")
    assert item.text.endswith("re-import three days of transactions.")
    assert "Get Outlook" not in item.text and "Please reconnect" not in item.text
    assert "Tom Reyes" in item.names  # "Reyes, Tom" display name
    assert item.thread_id == "t1@brightpath.io"


def test_thanks_for_nothing_keeps_complaint(mbox: IngestResult) -> None:
    item = _item(mbox, "message 7")  # no Message-ID: position in the mbox
    assert item.text.endswith("Thanks for nothing.")
    assert "Finance Lead" not in item.text and "We are working" not in item.text


def test_rejects_with_reasons(mbox: IngestResult) -> None:
    reasons = _reasons(mbox)
    assert reasons["a1@ledgerly.com"] == "agent reply (context only)"
    assert reasons["ooo1@acme-corp.com"] == "auto-reply"
    assert reasons["m1@acme-corp.com"] == "duplicate message"
    assert reasons["l2@northwind.example"] == "empty after cleaning"
    assert all(r.category == "skipped" for r in mbox.rejects)


def test_without_agent_domains_agent_mail_is_an_item() -> None:
    result = read_email_file(EMAILS / "support.mbox", SourceOptions())
    assert "a1@ledgerly.com" in {i.source_ref for i in result.items}


def test_html_only_converted() -> None:
    result = read_email_file(EMAILS / "html_only.eml", OPTIONS)
    (item,) = result.items
    assert "profit & loss report takes over a minute to load.\nI tried Chrome" in item.text
    assert "- Export to PDF times out" in item.text
    for gone in ("<p>", "tracking", "color: red", "clearing the cache"):
        assert gone not in item.text


def test_quoted_printable_prefers_plain_part() -> None:
    (item,) = read_email_file(EMAILS / "quoted_printable.eml", OPTIONS).items
    assert item.text == (
        "The mobile app doesn\u2019t let me attach receipts \u2014 the camera button does "
        "nothing on my phone."
    )


def test_base64_latin1_decoded() -> None:
    (item,) = read_email_file(EMAILS / "latin1_base64.eml", OPTIONS).items
    assert "Très déçu, ça me coûte du temps." in item.text
    assert item.names == ["René Dubois"]


def test_missing_charset_detected() -> None:
    (item,) = read_email_file(EMAILS / "missing_charset.eml", OPTIONS).items
    assert "Die Rechnung für September" in item.text and "prüfen" in item.text


def test_attachment_ignored_and_counted() -> None:
    result = read_email_file(EMAILS / "with_attachment.eml", OPTIONS)
    (item,) = result.items
    assert item.text == "Payroll sync fails with error 502 every Friday. Screenshot attached."
    assert "Omar Haddad" in item.names
    assert "1 attachment ignored" in result.notes[0]


def test_folder_with_broken_mbox_goes_on() -> None:
    result = ingest_paths([EMAILS], options=OPTIONS)
    broken = [r for r in result.rejects if r.source_ref == "file"]
    assert len(broken) == 1 and broken[0].source_path.endswith("broken.mbox")
    assert broken[0].category == "invalid" and "mbox" in broken[0].reason
    assert len(result.items) == 6
    # the French and German e-mails are rejected: not a supported language
    assert sum("language" in r.reason for r in result.rejects) == 2
    # 7 in the mbox, 5 .eml, 1 broken file
    assert result.read == len(result.items) + len(result.rejects) == 13


def test_duplicate_across_files(tmp_path: Path) -> None:
    for name in ("a.eml", "b.eml"):
        (tmp_path / name).write_bytes((EMAILS / "html_only.eml").read_bytes())
    result = ingest_paths([tmp_path], options=OPTIONS)
    assert len(result.items) == 1
    assert [r.reason for r in result.rejects] == ["duplicate message"]


@pytest.mark.parametrize(
    "header",
    [
        "X-Autoreply: yes",
        "X-Autorespond: 1",
        "Precedence: auto_reply",
        "Subject: Out of Office: back Monday",
        "Subject: Automatic reply: Invoices",
        "Subject: Auto: away",
        "Auto-Submitted: auto-generated",
    ],
)
def test_auto_reply_headers(tmp_path: Path, header: str) -> None:
    f = tmp_path / "ooo.eml"
    headers = f"From: A <a@b.example>\nMessage-ID: <x@b>\n{header}\n"
    f.write_text(f"{headers}\nI am away until Monday.\n")
    result = read_email_file(f, OPTIONS)
    assert [r.reason for r in result.rejects] == ["auto-reply"]


def test_auto_submitted_no_is_not_auto_reply(tmp_path: Path) -> None:
    f = tmp_path / "m.eml"
    f.write_text("From: A <a@b.example>\nAuto-Submitted: no\n\nThe app crashes on login.\n")
    result = read_email_file(f, OPTIONS)
    assert [i.source_ref for i in result.items] == ["message 1"]


def test_agent_subdomain(tmp_path: Path) -> None:
    f = tmp_path / "m.eml"
    f.write_text("From: Help <help@mail.ledgerly.com>\n\nWe fixed it.\n")
    assert read_email_file(f, OPTIONS).rejects[0].reason == "agent reply (context only)"


def test_agent_display_name_feeds_thread_names(tmp_path: Path) -> None:
    f = tmp_path / "t.mbox"
    f.write_text(
        "From a@x Mon Sep 14 09:00:00 2026\nFrom: Priya at Ledgerly <support@ledgerly.com>\n"
        "Message-ID: <a1@ledgerly.com>\nReferences: <c0@x.example>\n\nDone.\n\n"
        "From c@x Mon Sep 14 10:00:00 2026\nFrom: Jo <jo@x.example>\n"
        "Message-ID: <c1@x.example>\nReferences: <c0@x.example> <a1@ledgerly.com>\n\n"
        "All sorted now, thanks Priya.\n"
    )
    (item,) = read_email_file(f, OPTIONS).items
    assert "Priya" in item.names and "Jo" in item.names

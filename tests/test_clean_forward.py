"""Forwarded messages that are the customer's own words, non-English sign-offs and "sent
from" lines, and names found anywhere in a message (QA round)."""

from __future__ import annotations

from pathlib import Path

import pytest

from voc.clean import clean_email_body, clean_one_line, greeting_names, strip_quoted
from voc.ingest import SourceOptions, ingest_paths
from voc.ingest.email import read_email_file
from voc.records import redaction_names
from voc.redact import redact

FIX = Path(__file__).parent / "fixtures" / "forward"
AGENT = SourceOptions(agent_domains=["ledgerly.com"], languages=[])


def _one(name: str):
    result = read_email_file(FIX / name, AGENT)
    assert result.read == len(result.items) + len(result.rejects) == 1
    return result


def test_gmail_fyi_forward_of_own_complaint_is_kept_without_the_agent_quote() -> None:
    item = _one("gmail_fyi_own.eml").items[0]
    assert "charged twice for the November subscription" in item.text
    assert "looking into it" not in item.text  # the agent's reply quoted inside
    assert "Forwarded message" not in item.text and "From:" not in item.text
    assert not item.text.startswith("FYI")
    assert "Sarah Connor" in item.names


def test_outlook_forward_with_empty_body_is_kept_and_signature_stripped() -> None:
    item = _one("outlook_empty_fw.eml").items[0]
    assert item.text.startswith("Hello,")
    assert "has not imported any transactions since Friday" in item.text
    assert "Sent:" not in item.text and "Finance Manager" not in item.text
    assert "7946" not in item.text


def test_apple_mail_any_update_forward_is_kept_and_spanish_signoff_stripped() -> None:
    item = _one("apple_any_update.eml").items[0]
    assert "Any update on this?" in item.text  # the customer's own words above stay
    assert "cancel button on the billing page does nothing" in item.text
    assert "Saludos" not in item.text and "Enviado desde" not in item.text
    assert "María" in item.names


def test_forward_of_the_agents_answer_under_new_words_is_cut() -> None:
    item = _one("gmail_fwd_agent_answer.eml").items[0]
    assert "SPRING20 was in your own newsletter" in item.text
    assert "expired" not in item.text and "Jessica" not in item.text


def test_a_forward_of_someone_else_under_new_words_is_a_quote() -> None:
    body = (
        "Please fix this, it happened again today.\n\n"
        "---------- Forwarded message ---------\nFrom: Bob <bob@other.example>\n"
        "Date: Mon, Oct 30, 2017\nSubject: x\nTo: <ann@gmail.com>\n\nBob's own words here."
    )
    out = clean_email_body(body, sender="ann@gmail.com")
    assert out.text == "Please fix this, it happened again today."


def test_forward_from_the_team_domain_is_not_kept_even_under_fyi() -> None:
    body = (
        "FYI\n\nBegin forwarded message:\n\nFrom: Acme <help@acme.com>\nSubject: Re: x\n"
        "Date: 1 Nov 2017\nTo: ann@gmail.com\n\nYour refund was declined."
    )
    assert clean_email_body(body, "ann@gmail.com", ("acme.com",)).text == "FYI"
    kept = clean_email_body(body.replace("help@acme.com", "ann.old@gmail.com"), "ann@gmail.com")
    assert kept.text == "Your refund was declined."


def test_plain_reply_quotes_still_cut() -> None:
    text = "Still broken.\n\nOn Mon, 30 Oct 2017 at 10:00, Acme <a@acme.com> wrote:\n> old"
    assert strip_quoted(text, "ann@gmail.com").text == "Still broken."


@pytest.mark.parametrize(
    "signoff",
    [
        "Mit freundlichen Grüßen", "Viele Grüße", "Cordialement", "Bien à vous", "Saludos",
        "Atentamente", "Met vriendelijke groet", "Cordiali saluti",
    ],
)
def test_non_english_signoffs_and_their_names(signoff: str) -> None:
    out = clean_email_body(f"Hallo,\n\nmy invoice was charged twice.\n\n{signoff},\nJan de Vries")
    assert out.text == "Hallo,\n\nmy invoice was charged twice."
    assert "Jan de Vries" in out.names


@pytest.mark.parametrize(
    "sent_from",
    ["Enviado desde mi iPhone", "Envoyé de mon iPhone", "Von meinem iPhone gesendet",
     "Inviato da iPhone", "Verzonden vanaf mijn iPhone"],
)
def test_non_english_sent_from_lines(sent_from: str) -> None:
    assert clean_email_body(f"the app crashes on login.\n\n{sent_from}").text == (
        "the app crashes on login."
    )


def test_long_signature_block_after_a_signoff() -> None:
    body = (
        "the bank connection stopped working.\n\nCordialement,\nJean Dupont\nResponsable achats"
        "\nSociété Dupont SARL\n12 rue de la Paix\n75002 Paris\nTél. 01 23 45 67 89"
    )
    out = clean_email_body(body)
    assert out.text == "the bank connection stopped working." and out.names == ["Jean Dupont"]


def test_one_line_message_with_a_closing_signoff() -> None:
    out = clean_one_line("my card verification failed. Cordiali saluti, Giulia Rossi")
    assert out.text == "my card verification failed." and out.names == ["Giulia Rossi"]
    kept = clean_one_line("Thanks for nothing. Regards to your CEO")
    assert kept.text == "Thanks for nothing. Regards to your CEO"


def test_greeting_names_with_titles_and_other_languages() -> None:
    assert greeting_names("Hello Mr. Patel,\nthe bill") == ["Patel"]
    assert greeting_names("Hallo Herr Müller,\nthe bill") == ["Müller"]
    assert greeting_names("Bonjour Marie,\nthe bill") == ["Marie"]


def test_signoffs_mbox_names_redacted_everywhere() -> None:
    result = read_email_file(FIX / "signoffs.mbox", AGENT)
    assert result.read == 8 and len(result.items) == 8
    for item in result.items:
        red = redact(item.text, redaction_names(item))
        for bad in ("Grüßen", "Cordialement", "Saludos", "groet", "Cordiali", "Atentamente",
                    "Bien à vous", "Viele", "Envoyé", "Enviado", "iPhone", "Berlin"):
            assert bad not in item.text, (bad, item.text)
        for name in ("Müller", "Schmidt", "Dupont", "Lucía", "Vries", "Giulia", "Pedro", "Claire",
                     "Anna"):
            assert name not in red, (name, red)


def test_name_a_customer_gives_is_redacted_in_the_whole_item(tmp_path: Path) -> None:
    path = tmp_path / "m.eml"
    path.write_text(
        "From: s@mail.example\nTo: help@acme.example\nSubject: x\nMessage-ID: <a@b>\n\n"
        "Hi,\n\nMy name is Sarah Connor. Sarah here again because nobody answered.\n"
        "Connor is the name on the account.\n"
    )
    item = ingest_paths([path], kind="email").items[0]
    assert "Sarah Connor" in item.names
    red = redact(item.text, redaction_names(item))
    assert "Sarah" not in red
    assert "[NAME] is the name" in red  # the surname alone too, the full name being known

"""Redaction done once: the names a text gives itself ("My name is ...") are looked for by the
reader of e-mail, helpdesk and transcript items, and not again by ``redact``."""

from __future__ import annotations

from pathlib import Path

import pytest

from voc.clean import NAMES_SCANNED_KINDS, clean_email_body, clean_one_line
from voc.ingest import iter_records
from voc.records import Item, redaction_names
from voc.redact import redact, redact_many
from voc.redact_freeform import addressed_handles, names_in_text

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures"
SOURCES = [
    FIX / "ingest" / "emails",
    FIX / "forward",
    FIX / "helpdesk",
    FIX / "transcripts",
    FIX / "ingest" / "transcripts",
    FIX / "transcripts_messy",
    ROOT / "data" / "sample",
]


def _items() -> list[Item]:
    items: list[Item] = []
    for src in SOURCES:
        stream = iter_records([src], "auto")
        items += [r for r in stream if isinstance(r, Item)]
    return items


def test_scanned_kinds_redact_the_same_without_the_second_scan() -> None:
    items = _items()
    scanned = [it for it in items if it.source_kind in NAMES_SCANNED_KINDS]
    assert len(scanned) > 100 and {it.source_kind for it in scanned} == NAMES_SCANNED_KINDS
    keep = addressed_handles(it.text for it in items)
    for it in scanned:
        names = redaction_names(it)
        # the reader found every name the text gives itself ...
        assert set(names_in_text(it.text)) <= set(it.names), it.source_ref
        # ... so skipping the second scan redacts exactly the same
        assert redact(it.text, names, keep, True) == redact(it.text, names, keep), it.source_ref


def test_names_known_skips_the_scan() -> None:
    text = "Hi, my name is Sarah Connor and I was charged twice."
    assert redact(text) == "Hi, my name is [NAME] and I was charged twice."
    # told the text's names are known (and none given): the scan does not run
    assert redact(text, [], names_known=True) == text
    assert redact(text, ["Sarah Connor"], names_known=True) == (
        "Hi, my name is [NAME] and I was charged twice."
    )
    out = redact_many([text, text], [[], []], names_known=[True, False])
    assert out == [text, "Hi, my name is [NAME] and I was charged twice."]


@pytest.mark.parametrize(
    "body",
    [
        "Hello,\nmy name is Sarah\nConnor and the app\nwill not sync my bank since Monday.",
        "The export fails every time I try it with a big file. I'm Priya, from accounts.\n\n"
        "Thanks,\nMaria",
    ],
)
def test_cleaners_scan_the_text_they_return(body: str) -> None:
    for cleaned in (clean_email_body(body), clean_one_line(body)):
        assert set(names_in_text(cleaned.text)) <= set(cleaned.names)

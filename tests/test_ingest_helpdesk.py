"""Helpdesk exports (Zendesk JSON/CSV, Freshdesk CSV, Intercom, Help Scout) and the generic
column mapping, on fixtures written from each vendor's documented export format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from voc.config import load_pipeline
from voc.errors import DataError
from voc.ingest import detect_kind, ingest_paths
from voc.ingest.export import item_row
from voc.ingest.options import ColumnMapping, SourceOptions
from voc.records import Item, Reject

FIX = Path(__file__).parent / "fixtures" / "helpdesk"


def _records(name: str, options: SourceOptions | None = None) -> list[Item | Reject]:
    return ingest_paths([FIX / name], options=options).records()


def test_kinds_are_detected() -> None:
    for name in (
        "zendesk_tickets.json",
        "zendesk_tickets.csv",
        "freshdesk_tickets.csv",
        "intercom_conversations.json",
        "helpscout_conversations.json",
    ):
        assert detect_kind(FIX / name) == "helpdesk", name
    assert detect_kind(FIX / "tweets_mapped.csv") == "survey"


def test_zendesk_json_roles_notes_and_names() -> None:
    recs = _records("zendesk_tickets.json")
    assert [r.source_ref for r in recs] == [
        "ticket 35436 comment 1",
        "ticket 35436 comment 2",
        "ticket 35436 comment 3",
        "ticket 35436 comment 4",
        "ticket 35437 comment 1",
        "ticket 35437 comment 2",
    ]
    kinds = [type(r).__name__ for r in recs]
    assert kinds == ["Item", "Reject", "Reject", "Item", "Item", "Reject"]
    assert recs[1].reason == "agent reply (context only)"
    assert recs[2].reason == "internal note (context only)"
    first, html = recs[0], recs[3]
    assert isinstance(first, Item) and isinstance(html, Item)
    assert "Dana Whitfield" not in first.text and "7946" not in first.text  # signature gone
    assert html.text == "It is Barclays. The feed still shows the last import on 27 February."
    assert first.question == "Bank feed stopped importing"
    assert first.score == 1.0 and first.score_kind == "csat"
    assert first.attributes["tags"] == "bank_feed, sync"
    assert "Priya Natarajan" in first.names  # agent names are redacted in customer text
    assert first.author == "dana@whitfield-books.example"
    assert first.thread_id == html.thread_id == "zendesk 35436"


def test_zendesk_and_freshdesk_csv() -> None:
    zd = _records("zendesk_tickets.csv")
    assert [type(r).__name__ for r in zd] == ["Item", "Item", "Reject"]
    assert zd[0].text.startswith("I was charged twice for the March subscription")
    assert "Maria" not in item_row(zd[0])["text"]
    assert zd[2].reason == "empty text" and zd[2].source_ref == "row 3 (ticket 35503)"
    fd = _records("freshdesk_tickets.csv")
    assert [r.source_ref for r in fd] == ["row 1 (ticket 1042)", "row 2 (ticket 1043)"]
    assert fd[0].text.startswith("When I upload a statement with more than 500 lines")
    assert "Ana Souza" not in fd[0].text and "<div>" not in fd[0].text
    assert fd[1].score == 5.0 and fd[1].attributes["group"] == "Sales"


def test_intercom_parts_by_author_type() -> None:
    recs = _records("intercom_conversations.json")
    reasons = {r.source_ref: getattr(r, "reason", "item") for r in recs}
    assert reasons == {
        "conversation 147 part 0": "item",
        "conversation 147 part 2": "bot message (context only)",
        "conversation 147 part 3": "item",
        "conversation 147 part 4": "internal note (context only)",
        "conversation 147 part 5": "agent reply (context only)",
    }
    assert recs[0].text.startswith("Hi, the VAT report shows 19%")
    assert recs[0].attributes == {"plan": "Business", "region": "UK", "tags": "tax"}
    assert recs[0].score == 2.0


def test_helpscout_threads_oldest_first() -> None:
    recs = _records("helpscout_conversations.json")
    assert [r.source_ref for r in recs] == [
        "conversation 3442 thread 1",
        "conversation 3442 thread 3",
        "conversation 3442 thread 4",
    ]
    item = recs[0]
    assert isinstance(item, Item)
    assert "lost its logo" in item.text and "Becker Design" not in item.text
    assert "Jo Smith" in item.names


MAPPING = ColumnMapping(
    text="text",
    id="tweet_id",
    date="created_at",
    author="author_id",
    author_role="inbound",
    thread="in_response_to_tweet_id",
    attributes=["airline"],
)


def test_generic_column_mapping_csv() -> None:
    recs = _records("tweets_mapped.csv", SourceOptions(columns=MAPPING))
    assert [type(r).__name__ for r in recs] == ["Item", "Reject", "Item"]
    assert recs[0].created_at is not None and recs[0].created_at.year == 2017
    assert recs[0].attributes == {"airline": "Acme"}
    assert recs[1].reason == "agent reply (context only)"


def test_generic_mapping_json_with_records_key(tmp_path: Path) -> None:
    data = {"data": {"items": [{"body": {"en": "The app is slow to open every morning"}}, 5]}}
    path = tmp_path / "export.json"
    path.write_text(json.dumps(data))
    opts = SourceOptions(columns=ColumnMapping(text="body.en", records="data.items"))
    recs = ingest_paths([path], options=opts).records()
    assert recs[0].text == "The app is slow to open every morning"
    assert isinstance(recs[1], Reject) and "not an object" in recs[1].reason


def test_mapping_with_missing_column_rejects_file(tmp_path: Path) -> None:
    opts = SourceOptions(columns=ColumnMapping(text="message"))
    res = ingest_paths([FIX / "tweets_mapped.csv"], options=opts)
    assert not res.items and "mapped column 'message' not found" in res.rejects[0].reason


def test_mapping_in_pipeline_yaml(tmp_path: Path) -> None:
    yml = tmp_path / "p.yaml"
    yml.write_text(
        f"name: t\nsources:\n  - path: {FIX / 'tweets_mapped.csv'}\n    kind: survey\n"
        "    options:\n      columns: {text: text, author_role: inbound, attributes: [airline]}\n"
    )
    pipe = load_pipeline(yml)
    src = pipe.sources[0]
    res = ingest_paths([Path(p) for p in src.paths], src.kind, src.options)
    assert len(res.items) == 2 and len(res.rejects) == 1


def test_unknown_json_is_a_clear_file_reject(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"hello": "world"}')
    res = ingest_paths([path])
    assert "unknown JSON export" in res.rejects[0].reason
    with pytest.raises(DataError):
        from voc.ingest.helpdesk import read_helpdesk_file

        read_helpdesk_file(path, SourceOptions())


def test_zendesk_full_json_export_one_ticket_a_line(tmp_path: Path) -> None:
    t1 = {
        "id": 1,
        "subject": "Login",
        "requester_id": 5,
        "comments": [
            {"author_id": 5, "body": "I cannot log in since the password reset yesterday."},
            {"author_id": 9, "body": "Try again now."},
        ],
    }
    t2 = {"id": 2, "requester_id": 6, "comments": [{"author_id": 6, "body": "Export is broken."}]}
    path = tmp_path / "export.json"
    path.write_text(json.dumps(t1) + "\n" + json.dumps(t2) + "\n")
    recs = ingest_paths([path]).records()
    assert [(r.source_ref, type(r).__name__) for r in recs] == [
        ("ticket 1 comment 1", "Item"),
        ("ticket 1 comment 2", "Reject"),
        ("ticket 2 comment 1", "Item"),
    ]

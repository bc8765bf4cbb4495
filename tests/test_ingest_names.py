"""Helpdesk CSV / JSON: requester name columns and names found in a message's text are
redacted in every message of its thread (QA round)."""

from __future__ import annotations

import json
from pathlib import Path

from voc.ingest import SourceOptions, ingest_paths
from voc.ingest.export import export_items
from voc.ingest.options import ColumnMapping
from voc.records import redaction_names
from voc.redact import redact


def _redacted(result) -> list[str]:
    return [redact(it.text, redaction_names(it)) for it in result.items]


def test_freshdesk_one_line_ticket_signoff_and_requester_name(tmp_path: Path) -> None:
    path = tmp_path / "tickets.csv"
    path.write_text(
        "Ticket ID,Subject,Description,Status,Created time,Requester Name,Email,Agent\n"
        "1,Card,My card verification failed again. Cordialement Jean Dupont,Open,"
        "2026-03-01 10:00:00,Jean Dupont,j@x.example,Priya Shah\n"
        "2,Bill,Charged twice; Jean is the name on the account and Priya never called,"
        "Open,2026-03-02 10:00:00,Jean Dupont,j@x.example,Priya Shah\n",
        encoding="utf-8",
    )
    result = ingest_paths([path], kind="helpdesk")
    assert result.read == 2 and len(result.items) == 2
    assert result.items[0].text == "My card verification failed again."
    red = _redacted(result)
    assert all("Jean" not in r and "Priya" not in r for r in red), red


def test_mapped_csv_name_column_and_self_introductions_reach_the_thread(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "id,conv,name,text\n"
        "1,c1,kwilson,\"Hi, I'm Kevin, the app logs me out every hour\"\n"
        "2,c1,kwilson,Kevin again: still logged out after the update\n"
        "3,c2,,Kevin from the other ticket is not me\n",
        encoding="utf-8",
    )
    opts = SourceOptions(columns=ColumnMapping(text="text", id="id", thread="conv"))
    result = ingest_paths([path], kind="helpdesk", options=opts)
    assert result.read == 3 and len(result.items) == 3
    red = _redacted(result)
    assert "Kevin" not in red[0] and "Kevin" not in red[1]
    assert red[2] == "Kevin from the other ticket is not me"  # another thread: not known
    assert "kwilson" in result.items[0].names


def test_zendesk_json_intro_name_reaches_the_other_comment(tmp_path: Path) -> None:
    data = {
        "tickets": [{
            "id": 7, "subject": "refund", "requester_id": 1,
            "created_at": "2026-03-01T10:00:00Z",
            "comments": [
                {"id": 1, "author_id": 1, "public": True,
                 "body": "My name is Ana Souza, refund please"},
                {"id": 2, "author_id": 2, "public": True, "body": "Looking into it"},
                {"id": 3, "author_id": 1, "public": True,
                 "body": "Ana and her family still waiting"},
            ],
        }],
        "users": [{"id": 1, "name": "A. S.", "role": "end-user"},
                  {"id": 2, "name": "Tom Baker", "role": "agent"}],
    }
    path = tmp_path / "zd.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = ingest_paths([path], kind="helpdesk")
    assert result.read == len(result.items) + len(result.rejects) == 3
    red = _redacted(result)
    assert "Souza" not in red[0] and all("Ana" not in r for r in red), red


def test_voc_ingest_keeps_brand_handles_and_redacts_people(tmp_path: Path) -> None:
    path = tmp_path / "tweets.csv"
    rows = [f"{i},@AcmeAir flight {1000 + i} was late again" for i in range(6)]
    rows += ['9,"@AcmeAir my friend @janedoe88 was on it too, DM me @johnsmith"']
    path.write_text("tweet_id,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "items.csv"
    opts = SourceOptions(columns=ColumnMapping(text="text", id="tweet_id"))
    summary = export_items([path], out, kind="helpdesk", options=opts)
    assert summary.read == summary.analysed + summary.rejected == 7
    import pandas as pd

    texts = pd.read_csv(out)["text"].tolist()
    assert texts[0] == "@AcmeAir flight 1000 was late again"
    assert texts[-1] == "@AcmeAir my friend [HANDLE] was on it too, DM me [HANDLE]"


def test_header_names_with_particles(tmp_path: Path) -> None:
    path = tmp_path / "m.eml"
    path.write_text(
        "From: Jan de Vries <jan@mail.example>\nTo: help@acme.example\nSubject: x\n"
        "Message-ID: <p@q>\n\nThe export has failed three times, Jan de Vries here.\n"
    )
    item = ingest_paths([path], kind="email").items[0]
    assert "Jan de Vries" in item.names
    assert "Vries" not in redact(item.text, redaction_names(item))

"""A first week of real exports: what a support lead's or a PM's files must give (QA round)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from voc.ingest import SourceOptions, ingest_paths
from voc.ingest.survey import read_survey_file

CSAT = "How satisfied are you with your purchase? (1-5)"
NPS = "How likely are you to recommend us to a friend? (0-10)"


def test_nps_question_is_the_score_even_after_a_csat_column(tmp_path: Path) -> None:
    """A survey with CSAT first and NPS second: NPS is the score, not a segment."""
    rows = [
        {"Response ID": f"R{i}", CSAT: c, NPS: n, "Plan": p, "Comment": t}
        for i, (c, n, p, t) in enumerate(
            [
                (1, 0, "Pro", "The dress arrived torn and nobody answered my emails."),
                (5, 10, "Free", "Lovely fabric and it fits perfectly, will buy again."),
                (3, 6, "Pro", "Sizing runs small so I had to send it back twice."),
                (4, 9, "Free", "Quick delivery but the colour was not as shown online."),
            ]
        )
    ]
    path = tmp_path / "survey.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    result = read_survey_file(path)
    assert f"score = '{NPS}' (nps)" in result.notes[0]
    assert [i.score for i in result.items] == [0.0, 10.0, 6.0, 9.0]
    assert {i.score_kind for i in result.items} == {"nps"}
    assert all("how_likely_are_you_to_recommend_us_to_a_friend_0_10" not in i.attributes
               for i in result.items)


def test_freshdesk_status_and_custom_plan_are_segments(tmp_path: Path) -> None:
    """Status and a custom 'Plan' column of a Freshdesk export become attributes."""
    path = tmp_path / "tickets.csv"
    header = "Ticket ID,Subject,Description,Status,Source,Created time,Full name,Email,Plan\n"
    lines = [
        f"{i},Help,My invoice number {i} was charged twice this month,"
        f"{'Open' if i % 2 else 'Closed'},Email,2026-03-0{i} 10:00:00,Ana Lopez,a{i}@x.com,"
        f"{'Pro' if i % 3 else 'Free'}\n"
        for i in range(1, 7)
    ]
    path.write_text(header + "".join(lines))
    result = ingest_paths([path], kind="helpdesk")
    assert result.read == 6 and len(result.items) == 6
    first = result.items[0]
    assert first.attributes["status"] == "Open"
    assert first.attributes["plan"] == "Pro"
    assert result.items[2].attributes["plan"] == "Free"
    # personal data never becomes a segment
    assert not {"full_name", "email"} & set(first.attributes)


def test_zendesk_json_channel_attribute(tmp_path: Path) -> None:
    ticket = {
        "id": 7,
        "subject": "Refund",
        "status": "open",
        "requester_id": 1,
        "via": {"channel": "web"},
        "created_at": "2026-02-01T10:00:00Z",
        "comments": [{"author_id": 1, "body": "I still have not received my refund."}],
    }
    path = tmp_path / "z.json"
    path.write_text(json.dumps({"tickets": [ticket], "users": [{"id": 1, "role": "end-user"}]}))
    result = ingest_paths([path], kind="helpdesk", options=SourceOptions())
    assert result.items[0].attributes == {"status": "open", "channel": "web"}


def test_folder_of_eml_files_is_one_note(tmp_path: Path) -> None:
    """An export of hundreds of .eml files gives one summary line per folder, not one each."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for i in range(5):
        (folder / f"m{i}.eml").write_text(
            f"From: Ana Lopez <ana{i}@example.org>\nSubject: help\nMessage-ID: <m{i}@x>\n"
            "Date: Mon, 6 Jul 2026 10:00:00 +0000\n\n"
            f"My export number {i} fails every time I open the report page.\n"
        )
    result = ingest_paths([folder], kind="email")
    assert result.read == 5
    assert result.notes == [f"{folder}: 5 .eml files of 1 message each"]


def _mbox(path: Path, messages: list[tuple[str, str, str]]) -> Path:
    parts = []
    for n, (sender, to, body) in enumerate(messages):
        parts.append(
            f"From {sender} Mon Jul  6 10:00:00 2026\nFrom: {sender}\nTo: {to}\n"
            f"Subject: order {n}\nMessage-ID: <q{n}@x>\nDate: Mon, 6 Jul 2026 10:0{n}:00 +0000\n"
            f"\n{body}\n"
        )
    path.write_text("\n".join(parts))
    return path


def test_eml_files_around_an_mbox_are_still_one_note(tmp_path: Path) -> None:
    """The sample's layout: a.eml, b.eml, inbox.mbox, x.eml, y.eml in one folder gives one
    line for the folder's four .eml files (it gave two, "2 .eml files" each), then the
    mbox's line."""
    folder = tmp_path / "emails"
    folder.mkdir()
    for stem in ("a", "b", "x", "y"):
        (folder / f"{stem}.eml").write_text(
            f"From: Ana Lopez <ana.{stem}@example.org>\nSubject: help\nMessage-ID: <{stem}@x>\n"
            "Date: Mon, 6 Jul 2026 10:00:00 +0000\n\n"
            "My export fails every time I open the report page.\n"
        )
    _mbox(folder / "inbox.mbox", [
        ("Kim Lee <kim@mail.com>", "help@acme.com", "My invoice was charged twice."),
        ("Bo Chan <bo@mail.com>", "help@acme.com", "The app crashes when I log in."),
    ])
    result = ingest_paths([folder], kind="email")
    assert result.read == 6
    assert result.notes[0] == f"{folder}: 4 .eml files of 1 message each"
    assert sum(".eml file" in n for n in result.notes) == 1
    assert any("inbox.mbox" in n for n in result.notes[1:])


def test_support_team_replies_in_an_inbox_export_are_pointed_out(tmp_path: Path) -> None:
    """No --agent-domain given: the team's replies (from the domain every customer wrote to)
    are analysed as customers' words, and the run summary says how to set them aside."""
    customers = [
        (f"Kim Lee <kim{n}@mail.com>", "Acme Support <help@acme.com>",
         f"My invoice {n} was charged twice and I want a refund.")
        for n in range(6)
    ]
    agents = [
        ("Acme Support <help@acme.com>", f"kim{n}@mail.com",
         "We are sorry to hear that, a refund is on its way.")
        for n in range(2)
    ]
    mbox = _mbox(tmp_path / "inbox.mbox", customers + agents)
    result = ingest_paths([mbox], kind="email")
    assert len(result.items) == 8
    hint = [n for n in result.notes if "--agent-domain" in n]
    assert hint and hint[0].startswith("2 messages from @acme.com")
    told = ingest_paths([mbox], kind="email", options=SourceOptions(agent_domains=["acme.com"]))
    assert len(told.items) == 6 and not [n for n in told.notes if "--agent-domain" in n]

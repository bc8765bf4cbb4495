"""Transcript export styles: Otter, Zoom, Teams (VTT and .docx) and Word documents."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from voc.ingest import ingest_paths
from voc.records import Item

FIX = Path(__file__).parent / "fixtures" / "transcripts"


def _items(path: Path) -> list[Item]:
    return ingest_paths([path]).items


def test_otter_export() -> None:
    res = ingest_paths([FIX / "otter_export.txt"])
    assert [i.author for i in res.items] == ["Devon Clarke"] * 3
    assert res.items[1].question == "How did the first week go?"
    assert res.items[1].text.startswith("Setup took much longer than promised.")
    assert "before it worked" in res.items[1].text  # continuation line joined
    assert any("interviewer = Maya Lopez (asked 3 of 3 questions)" in n for n in res.notes)
    assert len(res.rejects) == 3  # the interviewer's turns, kept as context


def test_zoom_bracket_style() -> None:
    res = ingest_paths([FIX / "zoom_transcript.txt"])
    assert [i.author for i in res.items] == ["Priya Shah", "Priya Shah"]
    assert res.items[1].question == "How often does that happen?"
    assert "interviewer = Tom Reyes" in " ".join(res.notes)


def test_teams_vtt() -> None:
    items = _items(FIX / "teams_meeting.vtt")
    assert [i.text for i in items] == [
        "Last Friday. The reconciliation screen froze twice with a big statement.",
        "About 600 lines. I had to split it into three files.",
    ]
    assert items[1].question == "How big was the statement?"


def test_docx_teams_style_and_table(tmp_path: Path) -> None:
    doc = Document()
    for line in (
        "Interview with Kenji",
        "Maya Lopez   0:03",
        "Why did you cancel your subscription?",
        "Kenji Sato   0:08",
        "The price went up twice in one year and the reports stayed the same.",
        "Maya Lopez   0:20",
        "What would have kept you?",
        "Kenji Sato   0:24",
        "A plan for small teams.",
    ):
        doc.add_paragraph(line)
    path = tmp_path / "teams.docx"
    doc.save(str(path))
    res = ingest_paths([path])
    assert [i.text for i in res.items] == [
        "The price went up twice in one year and the reports stayed the same.",
        "A plan for small teams.",
    ]
    assert res.items[0].question == "Why did you cancel your subscription?"
    assert res.items[0].channel == "interview"

    doc2 = Document()
    table = doc2.add_table(rows=0, cols=2)
    for who, said in (
        ("Tom", "What slowed you down?"),
        ("Ana", "The bank connection kept failing."),
    ):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = who, said
    path2 = tmp_path / "table.docx"
    doc2.save(str(path2))
    items = _items(path2)
    assert [(i.author, i.text) for i in items] == [("Ana", "The bank connection kept failing.")]

"""Transcript reader: speaker turns, numbering, interviewer, metadata, formats."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from voc.ingest import SourceOptions, ingest_paths
from voc.ingest.transcript import read_transcript_file
from voc.ingest.transcript_parse import parse_txt
from voc.records import IngestResult

TRANSCRIPTS = Path(__file__).parent / "fixtures" / "ingest" / "transcripts"


@pytest.fixture(scope="module")
def p1() -> IngestResult:
    return read_transcript_file(TRANSCRIPTS / "p1.txt")


def test_turns_numbered_over_all_speakers(p1: IngestResult) -> None:
    assert [i.source_ref for i in p1.items] == ["turn 2", "turn 4", "turn 6", "turn 8"]
    assert [r.source_ref for r in p1.rejects] == ["turn 1", "turn 3", "turn 5", "turn 7"]
    assert {r.reason for r in p1.rejects} == {"interviewer turn (context)"}
    assert {r.category for r in p1.rejects} == {"skipped"}


def test_interviewer_heuristic_noted(p1: IngestResult) -> None:
    assert p1.notes == [f"{TRANSCRIPTS / 'p1.txt'}: interviewer = Maya (asked 4 of 4 questions)"]


def test_participant_items(p1: IngestResult) -> None:
    first = p1.items[0]
    assert first.text == (
        "Honestly it was slow. Connecting the bank took two days because the feed kept timing out."
    )  # continuation line joined, [laughs] dropped
    assert first.question == "Thanks for joining, Tom. How did setup go for you?"
    assert first.author == "Tom Reyes"
    assert first.channel == "interview" and first.source_kind == "transcript"
    assert set(first.names) == {"Maya", "Tom Reyes"}
    assert first.created_at == datetime(2026, 9, 14)
    assert first.attributes == {"plan": "Premium", "company_size": "11-50"}


def test_prose_with_colon_is_not_a_speaker(p1: IngestResult) -> None:
    assert p1.items[1].text == "I retried, then emailed support. Note: nobody answered for a week."


def test_consecutive_turns_of_one_speaker_merge(p1: IngestResult) -> None:
    assert p1.items[2].question == "Got it. And how is invoicing going?"
    assert p1.items[2].text == "Invoicing is fine, I like the templates."  # "hh:mm:ss Name:" form


def test_interviewer_from_options_first_name_match() -> None:
    result = read_transcript_file(TRANSCRIPTS / "p1.txt", SourceOptions(interviewers=["tom"]))
    assert [i.author for i in result.items] == ["Maya"] * 4
    assert "interviewer = Tom Reyes (from options)" in result.notes[0]


def test_vtt_voice_tags_and_zoom_prefixes() -> None:
    result = read_transcript_file(TRANSCRIPTS / "p2.vtt")
    assert [i.source_ref for i in result.items] == ["turn 2", "turn 4"]
    first, second = result.items
    assert first.text == (
        "A friend recommended it. The pricing page was confusing though. "
        "I couldn't tell which plan had payroll."
    )  # two cues of the same speaker merged
    assert first.author == "Ana Costa" and first.question == "What made you choose Ledgerly?"
    assert second.question == "Did support help you pick?"
    assert second.text == "They replied after three days, so no."
    assert first.attributes == {"plan": "Basic"}
    assert first.created_at == datetime(2026, 9, 21)
    assert "interviewer = Jordan Lee" in result.notes[0]


def test_srt_prefixes_and_continuation_cue() -> None:
    result = read_transcript_file(TRANSCRIPTS / "p3.srt")
    assert [(i.source_ref, i.author) for i in result.items] == [
        ("turn 2", "Lee Chen"),
        ("turn 4", "Lee Chen"),
    ]
    text = "I export to Excel every Monday. The CSV loses the currency column."
    assert result.items[0].text == text
    assert result.items[1].question == "Does that happen every time?"


def test_file_without_turns_rejected_and_others_go_on() -> None:
    result = ingest_paths([TRANSCRIPTS])
    files = [r for r in result.rejects if r.source_ref == "file"]
    assert [(Path(r.source_path).name, r.reason, r.category) for r in files] == [
        ("notes_only.txt", "no speaker turns found", "invalid")
    ]
    assert len(result.items) == 8
    assert result.read == 8 + 8 + 1


def test_other_timestamp_forms() -> None:
    tr = parse_txt(
        "Date: 2026-10-01\nMaya (00:00:01): How was it?\nP1 [00:00:03]: Fine.\n"
        "Maya Lopez  0:05\nAnything else?\n"
    )
    assert tr.meta == {"date": "2026-10-01"}
    assert [(t.speaker, t.text) for t in tr.turns] == [
        ("Maya", "How was it?"),
        ("P1", "Fine."),
        ("Maya Lopez", "Anything else?"),
    ]


def test_no_questions_means_no_interviewer(tmp_path: Path) -> None:
    f = tmp_path / "t.txt"
    f.write_text("Ann: The app is slow.\nBen: The export breaks.\n")
    result = read_transcript_file(f)
    assert len(result.items) == 2 and not result.rejects
    assert "no interviewer found" in result.notes[0]


def test_metadata_with_names_is_not_an_attribute(tmp_path: Path) -> None:
    f = tmp_path / "t.txt"
    f.write_text(
        "# Interview: Ann, Plus plan\n# Cohort: Ann's group\n# Region: EU\n"
        "Ben: Why?\nAnn: Because it is slow.\n"
    )
    assert read_transcript_file(f).items[0].attributes == {"region": "EU"}


def test_vtt_note_with_several_keys_on_one_line(tmp_path: Path) -> None:
    f = tmp_path / "t.vtt"
    f.write_text(
        "WEBVTT\n\nNOTE Date: 2026-10-15, Plan: Plus\n\n"
        "00:00:01.000 --> 00:00:02.000\n<v Tom>Why?</v>\n\n"
        "00:00:03.000 --> 00:00:04.000\n<v Kwame>It is slow.</v>\n"
    )
    (item,) = read_transcript_file(f).items
    assert item.attributes == {"plan": "Plus"}
    assert item.created_at == datetime(2026, 10, 15)


def test_interviewer_metadata_line(tmp_path: Path) -> None:
    f = tmp_path / "t.txt"
    f.write_text("# Interviewer: Ben\nAnn: Why is it slow?\nBen: No idea?\nAnn: Hm.\n")
    result = read_transcript_file(f)
    assert [i.author for i in result.items] == ["Ann", "Ann"]
    assert result.items[1].question == "No idea?"

"""Transcripts as Otter, Teams, Zoom, Rev and subtitle tools export them (QA round 10).

Fixtures in tests/fixtures/transcripts_messy/ are written for these tests; the Rev .docx is
built here with python-docx (speaker in bold, the time after it).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from voc.errors import DataError
from voc.ingest.export import export_items
from voc.ingest.transcript import read_transcript_file
from voc.records import hash_identity
from voc.redact import redact

FIX = Path(__file__).parent / "fixtures" / "transcripts_messy"


def _ingest(path: Path, tmp_path: Path) -> pd.DataFrame:
    out = tmp_path / "items.csv"
    summary = export_items([path], out)
    assert summary.read == summary.analysed + summary.rejected
    return pd.read_csv(out, dtype=str, keep_default_na=False)


def test_otter_generic_speakers_header_date_and_footer(tmp_path: Path) -> None:
    res = read_transcript_file(FIX / "otter_speakers.txt")
    assert [it.source_ref for it in res.items] == ["turn 2", "turn 4"]
    assert res.items[0].created_at == datetime(2026, 3, 11, 10, 15)  # from the header line
    assert "otter.ai" not in res.items[-1].text and "Transcribed" not in res.items[-1].text
    # "Speaker 2" is no identity: two Otter files are two customers
    assert res.items[0].author != "Speaker 2"
    other = tmp_path / "other.txt"
    other.write_text((FIX / "otter_speakers.txt").read_text(encoding="utf-8"), encoding="utf-8")
    again = read_transcript_file(other)
    assert hash_identity(again.items[0].author) != hash_identity(res.items[0].author)


def test_otter_names_given_in_one_turn_redacted_in_all(tmp_path: Path) -> None:
    items = _ingest(FIX / "otter_speakers.txt", tmp_path)
    both = " ".join(items["text"]) + " " + " ".join(items["question"])
    assert "Rosa" not in both and "Jimenez" not in both  # incl. "Mrs Jimenez", the surname alone
    assert "Thanks for joining, [NAME]." in items["question"].iloc[0]
    assert "I'm [NAME]" in items["text"].iloc[0]


def test_teams_guest_tag_dropped_and_surname_redacted(tmp_path: Path) -> None:
    res = read_transcript_file(FIX / "teams_guest.vtt")
    assert {it.author for it in res.items} == {"Priya Nair"}
    items = _ingest(FIX / "teams_guest.vtt", tmp_path)
    last = items["text"].iloc[-1]
    assert "Nair" not in last and "Ms [NAME]" not in last
    assert last.startswith("Trapped. They kept writing to [NAME] about offers")
    assert "Regards, [NAME], as they sign it." in last


def test_zoom_cue_settings_classes_and_timed_annotations(tmp_path: Path) -> None:
    items = _ingest(FIX / "zoom_cues.vtt", tmp_path)
    first = items["text"].iloc[0]
    assert first == "The bank connection kept failing. I had to reconnect it every morning."
    assert items["text"].iloc[1] == (
        "They said [NAME], we cannot see the problem. [NAME]: that is how their bot greets me."
    )


def test_srt_upper_case_speaker_surname(tmp_path: Path) -> None:
    items = _ingest(FIX / "interviewer_caps.srt", tmp_path)
    assert list(items["source_ref"]) == ["turn 2", "turn 4"]
    assert items["text"].iloc[0].endswith("and then my card was blocked.")  # cue 3 joined
    assert "this is [NAME], my card" in items["text"].iloc[1]
    assert items["question"].iloc[0].startswith("Thanks for coming in, [NAME].")


def test_rev_docx_bold_speakers_and_timestamps(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("Lena Fischer interview (Completed 03/13/26)")
    doc.add_paragraph("Transcript by Rev.com")
    turns = [
        ("Maya Lopez", "00:00:04", "Hi Lena, can you walk me through signing up?"),
        ("Lena Fischer", "00:00:12", "The card check failed twice. [crosstalk 00:00:20] Sorry."),
        ("Maya Lopez", "00:00:24", "Did you think about giving up?"),
        ("Lena Fischer", "00:00:26", "Yes. Fischer with a c, if you need it. (laughs)"),
    ]
    for k, (who, ts, text) in enumerate(turns):
        p = doc.add_paragraph()
        p.add_run(f"{who}:").bold = True
        p.add_run(f" ({ts})")
        if k == 3:
            p.add_run(" " + text)  # the words on the speaker's line
        else:
            doc.add_paragraph(text)
    path = tmp_path / "rev.docx"
    doc.save(str(path))
    items = _ingest(path, tmp_path)
    assert list(items["text"]) == [
        "The card check failed twice. Sorry.",
        "Yes. [NAME] with a c, if you need it.",
    ]
    assert list(items["question"]) == [
        "Hi [NAME], can you walk me through signing up?",
        "Did you think about giving up?",
    ]


def test_one_turn_transcript_says_so() -> None:
    with pytest.raises(DataError, match="only one speaker turn found"):
        read_transcript_file(FIX / "one_turn.txt")


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Regards, Patel", ["Devon Patel"], "Regards, [NAME]"),
        ("Mr Patel said no", ["Devon Patel"], "[NAME] said no"),
        ("Patel: the app froze", ["Devon Patel"], "[NAME]: the app froze"),
        ("PATEL said hello", ["Devon Patel"], "[NAME] said hello"),
        ("the patel curry was great", ["Devon Patel"], "the patel curry was great"),
        ("Long story short, it failed", ["Ann Long"], "Long story short, it failed"),
        ("Mr Long called", ["Ann Long"], "[NAME] called"),
    ],
)
def test_surname_alone(text: str, names: list[str], expected: str) -> None:
    assert redact(text, names) == expected

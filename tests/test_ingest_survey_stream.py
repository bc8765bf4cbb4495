"""Large survey CSVs stream in parts of rows: same records, notes and rejects as read whole."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from voc.ingest import iter_records
from voc.ingest import survey_stream as ss
from voc.ingest.options import SourceOptions
from voc.ingest.survey import read_survey_file
from voc.records import IngestResult

FIXTURES = Path(__file__).parent / "fixtures"


def _messy_csv(path: Path, rows: int = 400) -> Path:
    """Quotes, commas and newlines in answers, blank rows, empty answers, two text columns."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Respondent ID", "Email", "Submitted", "NPS", "Plan", "Why?", "Anything else?"])
        for i in range(rows):
            if i % 37 == 5:
                w.writerow([""] * 7)  # a blank row: dropped, not numbered
                continue
            why = [
                f"The export to \"CSV\" fails, every time ({i}).",
                "n/a",
                f"Bank sync broke,\nagain, on day {i}. Très pénible!",
                "",
            ][i % 4]
            w.writerow(
                [
                    f"R{i:05d}",
                    f"user{i % 50}@example.com" if i % 3 else "",
                    f"2026-0{1 + i % 9}-1{i % 10} 10:{i % 60:02d}",
                    str(i % 11) if i % 7 else "",
                    ["free", "pro", "team"][i % 3],
                    why,
                    f"Support was slow to answer ({i})." if i % 5 == 0 else "",
                ]
            )
    return path


@pytest.fixture()
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stream every CSV, in parts of 7 rows."""
    monkeypatch.setattr(ss, "STREAM_MIN_BYTES", 0)
    monkeypatch.setattr(ss, "CHUNK_ROWS", 7)


def _records(parts: list[IngestResult]) -> tuple[list[object], list[str]]:
    recs: list[object] = []
    notes: list[str] = []
    for p in parts:
        recs.extend(p.records())
        notes.extend(p.notes)
    return recs, notes


def test_streamed_equals_whole_file(tmp_path: Path, small_parts: None) -> None:
    path = _messy_csv(tmp_path / "survey.csv")
    assert ss.stream_plan(path, SourceOptions()) is not None  # really streamed
    parts = list(ss.stream_survey_file(path))
    assert len(parts) > 40  # ~400 rows in parts of 7
    whole = read_survey_file(path)
    recs, notes = _records(parts)
    assert recs == whole.records() and notes == whole.notes
    assert len(whole.items) > 250 and whole.rejects  # empty answers are rejects


def test_parts_are_bounded(tmp_path: Path, small_parts: None) -> None:
    path = _messy_csv(tmp_path / "survey.csv")
    for part in ss.stream_survey_file(path):
        assert part.read <= 2 * 7  # two text columns, 7 rows


@pytest.mark.parametrize("folder", ["surveys", "hostile"])
def test_every_fixture_same_records(folder: str, small_parts: None) -> None:
    """Malformed rows, other encodings, two-row headers, empty files: as read whole."""
    files = sorted((FIXTURES / folder).glob("*.csv"))
    assert files
    opts = SourceOptions()
    streamed = list(iter_records(files, "survey", opts))
    ss.STREAM_MIN_BYTES = 2**62  # monkeypatched: restored after the test
    whole = list(iter_records(files, "survey", opts))
    assert streamed == whole


def test_falls_back_on_malformed_rows(tmp_path: Path, small_parts: None) -> None:
    path = _messy_csv(tmp_path / "survey.csv", rows=50)
    with path.open("a", encoding="utf-8") as fh:
        fh.write("R9,a@b.c,2026-01-01,3,pro,too,many,fields,here\n")
    assert ss.stream_plan(path, SourceOptions()) is None
    parts = list(ss.stream_survey_file(path))
    assert len(parts) == 1 and any("malformed row" in r.source_ref for r in parts[0].rejects)


def test_falls_back_on_other_encodings(tmp_path: Path, small_parts: None) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes("id;comment\n1;Le délai était très long\n".encode("cp1252"))
    assert ss.stream_plan(path, SourceOptions()) is None
    assert ss.stream_plan(path, SourceOptions(encoding="cp1252")) is not None

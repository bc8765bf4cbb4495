"""Append-aware re-runs: a survey CSV that only grew is read from where the last run stopped."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import voc.ingest.survey_stream as stream
from voc import api
from voc.config import parse_pipeline
from voc.errors import DataError
from voc.ingest.options import SourceOptions
from voc.ingest.survey_tail import CsvTail, header_length
from voc.records import IngestResult, Item, Reject

ROOT = Path(__file__).resolve().parents[1]
SURVEY = ROOT / "data" / "sample" / "survey" / "nps_survey.csv"
OPTIONS = {"date_column": "submitted_at", "score_column": "nps"}


@pytest.fixture(autouse=True)
def _small_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stream even the small sample (as a CSV of many MB would), in parts of 25 rows."""
    monkeypatch.setattr(stream, "STREAM_MIN_BYTES", 0)
    monkeypatch.setattr(stream, "CHUNK_ROWS", 25)
    monkeypatch.setattr(stream, "ROLE_ROWS", 60)


def _rows() -> tuple[list[str], list[list[str]]]:
    with SURVEY.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def _write(path: Path, header: list[str], rows: list[list[str]], mode: str = "w") -> None:
    with path.open(mode, encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        if mode == "w":
            w.writerow(header)
        w.writerows(rows)


class Book:
    """A tracker that remembers tails the way a run's fingerprints do."""

    def __init__(self, start: CsvTail | None = None) -> None:
        self.start = start
        self.ended: CsvTail | None = None
        self.distrusted = False

    def tail_start(self, path: Path) -> CsvTail | None:
        return self.start

    def carried(self, path: Path, start: CsvTail) -> IngestResult:
        return IngestResult()

    def distrust(self, path: Path) -> None:
        self.distrusted = True

    def tail_end(self, path: Path, tail: CsvTail) -> None:
        self.ended = tail


def _records(path: Path, book: Book) -> list[Item | Reject]:
    out: list[Item | Reject] = []
    for part in stream.stream_survey_file(path, SourceOptions(**OPTIONS), book):  # type: ignore[arg-type]
        out.extend(part.records())
    return out


def _key(r: Item | Reject) -> tuple:
    if isinstance(r, Reject):
        return ("reject", r.source_ref, r.reason)
    return (r.item_id, r.source_ref, r.text, r.created_at, r.score, r.author, r.question)


def test_tail_read_gives_the_rows_a_full_read_gives(tmp_path: Path) -> None:
    header, rows = _rows()
    path = tmp_path / "s.csv"
    _write(path, header, rows[:100])
    first = Book()
    _records(path, first)
    assert first.ended is not None and first.ended.rows == 100
    assert first.ended.offset == path.stat().st_size
    new = [list(r) for r in rows[100:]]
    new[0][6] = "Line one of the answer,\nline two: sync keeps failing"  # embedded newline
    _write(path, header, new, mode="a")
    tail_book = Book(first.ended)
    got = _records(path, tail_book)
    full = _records(path, Book())
    assert not tail_book.distrusted
    want = [r for r in full if int(r.source_ref.split(":")[0][4:]) > 100]
    assert [_key(r) for r in got] == [_key(r) for r in want] and len(want) > 100
    assert tail_book.ended is not None and tail_book.ended.rows == len(rows)
    assert tail_book.ended.offset == path.stat().st_size


def test_no_tail_without_final_newline(tmp_path: Path) -> None:
    header, rows = _rows()
    path = tmp_path / "s.csv"
    _write(path, header, rows[:40])
    path.write_bytes(path.read_bytes().rstrip(b"\n"))
    book = Book()
    assert len(_records(path, book)) == 2 * 40
    assert book.ended is None  # the last record may still grow: no tail recorded


def test_roles_detected_on_new_rows_mean_a_full_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    header, rows = _rows()
    path = tmp_path / "s.csv"
    _write(path, header, rows[:30])  # under ROLE_ROWS: a full read detects roles on new rows
    book = Book()
    _records(path, book)
    assert book.ended is not None and not book.ended.fixed
    _write(path, header, rows[30:40], mode="a")
    same = Book(book.ended)
    assert len(_records(path, same)) == 2 * 10 and not same.distrusted
    assert same.ended is not None and same.ended.rows == 40
    real = stream.detect_roles

    def other_roles(df, options, src):  # type: ignore[no-untyped-def]
        roles = real(df, options, src)
        roles.attributes = [c for c in roles.attributes if c != "region"]
        return roles

    monkeypatch.setattr(stream, "detect_roles", other_roles)
    _write(path, header, rows[40:50], mode="a")
    again = Book(same.ended)
    got = _records(path, again)
    assert again.distrusted and len(got) == len(_records(path, Book())) == 2 * 50


def test_bad_new_rows_mean_a_full_read(tmp_path: Path) -> None:
    header, rows = _rows()
    path = tmp_path / "s.csv"
    _write(path, header, rows[:100])
    book = Book()
    _records(path, book)
    with path.open("a", encoding="utf-8") as fh:
        fh.write('R9,2026-08-03,x@y.z,Plus,EU,3,"never closed,\n')
    again = Book(book.ended)
    with pytest.raises(DataError, match="EOF inside string"):  # as a full read reports it
        _records(path, again)
    assert again.distrusted and again.ended is None


def test_header_length_spans_a_quoted_newline(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_bytes(b'\n"id","What went\nwrong?"\n1,x\n')
    assert header_length(path) == len(b'\n"id","What went\nwrong?"\n')


# --- end to end: the workspace after an appended re-run equals a fresh run's -------------


def _pipeline(src: Path, out: Path) -> object:
    return parse_pipeline(
        {
            "name": "t",
            "seed": 7,
            "chunk_size": 60,
            "fast": True,
            "steps": [{"name": n} for n in ("redact", "segment", "embed", "classify", "friction")],
            "sources": [{"path": str(src), "kind": "survey", "options": OPTIONS}],
            "output": {"dir": str(out), "formats": ["md"]},
        }
    )


def _tables(db: Path) -> dict[str, pd.DataFrame]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "items": con.execute("SELECT * FROM items ORDER BY item_id").df(),
            "statements": con.execute("SELECT * FROM statements ORDER BY statement_id").df(),
            "rejects": con.execute("SELECT * FROM rejects ORDER BY source_ref").df(),
        }
    finally:
        con.close()


BATCH_ADAPTED = ["stage", "stage_confidence"]  # adapted to the batch a statement is classified in


def _same_as_fresh(
    path: Path, out: Path, fresh: Path, *, tail_only: bool | str = False
) -> api.RunSummary:
    """Re-run into ``out``, run the same file into a new workspace: same tables.

    With ``tail_only`` the new rows were classified as a batch of their own, so their stage
    (adapted to its batch, see ``voc.classify.adapt``) may differ from a fresh run's; every
    other column must match; with ``tail_only="kept"`` the rows kept from before must also keep
    their stored stage.
    """
    before = _tables(out / "voc.duckdb") if tail_only == "kept" else None
    summary = api.run(_pipeline(path, out))  # type: ignore[arg-type]
    api.run(_pipeline(path, fresh))  # type: ignore[arg-type]
    got, want = _tables(out / "voc.duckdb"), _tables(fresh / "voc.duckdb")
    assert len(got["items"]) == summary.counts["total"]["analysed"]
    assert len(got["rejects"]) == summary.counts["total"]["rejected"]
    for name in got:
        skip = BATCH_ADAPTED if tail_only and name in ("items", "statements") else []
        pd.testing.assert_frame_equal(got[name].drop(columns=skip), want[name].drop(columns=skip))
    if before is not None:
        for name, key in (("items", "item_id"), ("statements", "statement_id")):
            old = before[name].set_index(key)[BATCH_ADAPTED]
            kept = got[name].set_index(key).loc[old.index, BATCH_ADAPTED]
            pd.testing.assert_frame_equal(kept, old)
    return summary


@pytest.mark.slow
def test_appended_rerun_matches_a_fresh_run(tmp_path: Path) -> None:
    header, rows = _rows()
    path, out = tmp_path / "src" / "s.csv", tmp_path / "out"
    path.parent.mkdir()
    _write(path, header, rows[:120])
    api.run(_pipeline(path, out))  # type: ignore[arg-type]
    new = [list(r) for r in rows[120:]]
    new[0][7] = 'She said "export is broken",\nand the CSV is empty'
    _write(path, header, new, mode="a")
    summary = _same_as_fresh(path, out, tmp_path / "fresh1", tail_only="kept")
    assert any("only grew" in n for n in summary.notes)
    assert summary.n_new_items == summary.counts["total"]["analysed"] - _n_items_upto(out, 120)
    # truncated and rewritten: other rows where the old ones were, read in full
    _write(path, header, [rows[5], rows[3], *rows[150:]])
    summary = _same_as_fresh(path, out, tmp_path / "fresh2")
    assert not any("only grew" in n for n in summary.notes)


def _n_items_upto(out: Path, rows: int) -> int:
    con = duckdb.connect(str(out / "voc.duckdb"), read_only=True)
    try:
        refs = [r[0] for r in con.execute("SELECT source_ref FROM items").fetchall()]
    finally:
        con.close()
    return sum(1 for r in refs if int(r.split(":")[0][4:]) <= rows)


@pytest.mark.slow
def test_last_line_without_newline_then_appended(tmp_path: Path) -> None:
    header, rows = _rows()
    path, out = tmp_path / "src" / "s.csv", tmp_path / "out"
    path.parent.mkdir()
    _write(path, header, rows[:80])
    path.write_bytes(path.read_bytes().rstrip(b"\n"))  # the writer stopped mid-line
    api.run(_pipeline(path, out))  # type: ignore[arg-type]
    with path.open("a", encoding="utf-8", newline="") as fh:
        fh.write(" (continued)\n")
        csv.writer(fh, lineterminator="\n").writerows(rows[80:])
    summary = _same_as_fresh(path, out, tmp_path / "fresh")
    assert not any("only grew" in n for n in summary.notes)


@pytest.mark.slow
def test_appended_rerun_killed_midway_then_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A re-run of a grown file dies after its first chunk is committed (no fingerprints
    recorded): the next run still reads only the tail and ends as a fresh run would."""
    from voc import workspace as ws

    header, rows = _rows()
    path, out = tmp_path / "src" / "s.csv", tmp_path / "out"
    path.parent.mkdir()
    _write(path, header, rows[:100])
    api.run(_pipeline(path, out))  # type: ignore[arg-type]
    _write(path, header, rows[100:], mode="a")
    real = ws.write_chunk
    calls: list[int] = []

    def dies_after_one(*args, **kwargs):  # type: ignore[no-untyped-def]
        if calls:
            raise KeyboardInterrupt("killed")
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(ws, "write_chunk", dies_after_one)
    with pytest.raises(KeyboardInterrupt):
        api.run(_pipeline(path, out))  # type: ignore[arg-type]
    monkeypatch.setattr(ws, "write_chunk", real)
    summary = _same_as_fresh(path, out, tmp_path / "fresh", tail_only=True)
    assert any("only grew" in n for n in summary.notes)
    # the killed run's chunk is analysed again: nothing vouches for the tail it read
    assert summary.n_new_items == summary.counts["total"]["analysed"] - _n_items_upto(out, 100)

"""Hostile and broken files: no crash, one-line reasons naming file and position, and
items read = analysed + rejected for every file and for the whole corpus at once."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from voc.cli import app
from voc.ingest import ingest_paths, iter_records
from voc.records import Item, Reject

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
FILES = sorted(p for p in HOSTILE.iterdir() if p.is_file())
runner = CliRunner()

# Records each file must yield (items + rejects), counted by hand from the file.
EXPECTED_RECORDS = {
    "ragged_rows.csv": 4,  # rows 1, 3, 4 parsed (3 has no answer) + 1 malformed row
    "truncated.mbox": 2,
    "garbage_between.mbox": 2,
    "bad_lines.jsonl": 2,
    "long_field.csv": 2,
    "binary_junk.eml": 1,
    "corrupt.xlsx": 1,
    "corrupt.docx": 1,
    "deep_nested_mime.eml": 1,
    "cp1252_semicolon.csv": 2,
    "utf16.csv": 1,
}


def test_corpus_has_at_least_30_files() -> None:
    assert len(FILES) >= 30


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_each_hostile_file_is_accounted_for(path: Path) -> None:
    result = ingest_paths([path])
    records = result.records()
    assert records, "a file must give at least one item or reject"
    assert len(records) == len(result.items) + len(result.rejects)
    for rec in records:
        assert rec.source_path == str(path)
        assert rec.source_ref.strip()
    for rej in result.rejects:
        assert rej.reason.strip() and "\n" not in rej.reason
        assert rej.message.startswith(f"{path}: {rej.source_ref}: ")
        assert rej.category in ("invalid", "skipped")
    if path.name in EXPECTED_RECORDS:
        assert len(records) == EXPECTED_RECORDS[path.name]


def test_expected_outcomes() -> None:
    def reasons(name: str) -> list[str]:
        return [r.reason for r in ingest_paths([HOSTILE / name]).rejects]

    assert "text too long" in reasons("long_field.csv")[0]
    assert "binary or garbled" in " ".join(reasons("binary_junk.csv"))
    assert reasons("corrupt.xlsx")[0].startswith("not a valid Excel workbook")
    assert reasons("corrupt.docx")[0].startswith("not a valid .docx file")
    assert "invalid JSON line" in reasons("bad_lines.jsonl")[0]
    items = ingest_paths([HOSTILE / "html_scripts.eml"]).items
    assert "reconciliation screen freezes" in items[0].text
    assert "alert" not in items[0].text and "injected" not in items[0].text
    utf16 = ingest_paths([HOSTILE / "utf16.csv"]).items
    assert utf16[0].text == "The invoices page takes a minute to load every time"


def test_whole_corpus_in_one_run_counts_every_record() -> None:
    per_file = sum(len(ingest_paths([p]).records()) for p in FILES)
    stream = iter_records([HOSTILE])
    records = list(stream)
    n_items = sum(isinstance(r, Item) for r in records)
    n_rejects = sum(isinstance(r, Reject) for r in records)
    assert stream.read == len(records) == n_items + n_rejects == per_file
    assert {r.source_path for r in records} == {str(p) for p in FILES}


def test_cli_ingest_over_corpus(tmp_path: Path) -> None:
    out = tmp_path / "items.csv"
    res = runner.invoke(app, ["ingest", str(HOSTILE), "-o", str(out)])
    assert res.exit_code == 0, res.output
    with out.open(newline="", encoding="utf-8") as fh:
        n_items = sum(1 for _ in csv.DictReader(fh))
    with (tmp_path / "rejects.csv").open(newline="", encoding="utf-8") as fh:
        rejects = list(csv.DictReader(fh))
    assert all(r["source_path"] and r["source_ref"] and r["reason"] for r in rejects)
    read = n_items + len(rejects)
    assert f"read {read}, analysed {n_items}, rejected {len(rejects)}" in " ".join(
        res.output.split()
    )


@pytest.mark.slow
def test_50mb_single_line_field(tmp_path: Path) -> None:
    sys.path.insert(0, str(HOSTILE.parent))
    from make_hostile import big_field_csv

    path = big_field_csv(tmp_path / "big_field.csv", size_mb=50)
    result = ingest_paths([path])
    assert len(result.items) == 1 and len(result.rejects) == 1
    assert result.rejects[0].source_ref == "row 1: comment"
    assert "text too long" in result.rejects[0].reason

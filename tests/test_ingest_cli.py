"""``voc ingest``: output files, row order, redaction, counts and exit codes."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from voc.cli import app
from voc.ingest import ingest_paths

runner = CliRunner()
ROWS = [
    "The export to CSV fails every single time since the update",
    "Please call me back on +44 20 7946 0958, the invoice is wrong",
    "",
    "Mail me at dana.whitfield@example.org when the sync is fixed please",
    "Le tableau de bord est très lent et je ne peux pas exporter mes factures",
    "Onboarding was smooth and the bank connection worked right away",
]


def _survey(tmp_path: Path) -> Path:
    path = tmp_path / "answers.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "plan", "feedback"])
        for i, text in enumerate(ROWS, start=1):
            w.writerow([i, "pro" if i % 2 else "free", text])
    return path


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_ingest_csv_one_row_per_record_in_order(tmp_path: Path) -> None:
    out = tmp_path / "o" / "items.csv"
    res = runner.invoke(
        app, ["ingest", str(_survey(tmp_path)), "--text-column", "feedback", "-o", str(out)]
    )
    assert res.exit_code == 0, res.output
    items = _read(out)
    rejects = _read(out.with_name("rejects.csv"))
    assert [r["source_ref"] for r in items] == [
        "row 1: feedback",
        "row 2: feedback",
        "row 4: feedback",
        "row 6: feedback",
    ]
    assert items[0]["text"] == ROWS[0]
    assert items[1]["text"] == "Please call me back on [PHONE], the invoice is wrong"
    assert "[EMAIL]" in items[2]["text"] and "example.org" not in out.read_text()
    assert items[0]["language"] == "en"
    assert {r["source_ref"]: r["reason"] for r in rejects} == {
        "row 3: feedback": "empty answer",
        "row 5: feedback": "language 'fr' not supported (supported: en)",
    }
    assert "read 6, analysed 4, rejected 2" in " ".join(res.output.split())


def test_ingest_any_language_keeps_french(tmp_path: Path) -> None:
    out = tmp_path / "items.csv"
    args = ["ingest", str(_survey(tmp_path)), "-o", str(out), "--language", "any"]
    assert runner.invoke(app, args).exit_code == 0
    langs = [r["language"] for r in _read(out)]
    assert "fr" in langs and len(langs) == 5


def test_ingest_parquet(tmp_path: Path) -> None:
    out = tmp_path / "items.parquet"
    res = runner.invoke(app, ["ingest", str(_survey(tmp_path)), "-o", str(out)])
    assert res.exit_code == 0, res.output
    con = duckdb.connect()
    n, first = con.execute(
        f"SELECT count(*), min(source_ref) FROM read_parquet('{out}')"
    ).fetchone()
    con.close()
    assert n == 4 and first == "row 1: feedback"
    assert (tmp_path / "rejects.csv").exists()


def test_ingest_exit_1_when_nothing_readable(tmp_path: Path) -> None:
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"not a workbook")
    out = tmp_path / "items.csv"
    res = runner.invoke(app, ["ingest", str(bad), "-o", str(out)])
    assert res.exit_code == 1
    assert "nothing could be read" in res.output
    rejects = _read(tmp_path / "rejects.csv")
    assert rejects[0]["source_path"] == str(bad) and "Excel" in rejects[0]["reason"]


def test_ingest_usage_errors_exit_2(tmp_path: Path) -> None:
    src = _survey(tmp_path)
    assert runner.invoke(app, ["ingest", str(src), "-o", str(tmp_path / "x.json")]).exit_code == 2
    assert runner.invoke(app, ["ingest", str(src), "--kind", "fax", "-o", "a.csv"]).exit_code == 2
    assert runner.invoke(app, ["ingest", str(src)]).exit_code == 2


def test_ingest_missing_file_exit_1(tmp_path: Path) -> None:
    res = runner.invoke(app, ["ingest", str(tmp_path / "nope.mbox"), "-o", "x.csv"])
    assert res.exit_code == 1 and "file not found" in res.output


def test_exact_duplicate_without_message_id_counted_once(tmp_path: Path) -> None:
    msg = (
        "From: Ana <ana@example.org>\nDate: Mon, 2 Mar 2026 10:00:00 +0000\nSubject: export\n\n"
        "The export has failed every day this week and I need it for my accountant.\n"
    )
    box = tmp_path / "dups.mbox"
    box.write_text("".join(f"From ana@example.org Mon Mar  2 10:00:00 2026\n{msg}\n" for _ in "ab"))
    res = ingest_paths([box])
    assert len(res.items) == 1
    assert res.rejects[0].reason.startswith("duplicate message")
    assert res.rejects[0].source_ref == "message 2"


def test_items_frame_carries_language(tmp_path: Path) -> None:
    from voc.api import items_frame

    frame, _, _ = items_frame(ingest_paths([_survey(tmp_path)]))
    assert list(frame["language"])[:2] == ["en", "en"]

"""CLI messages a first-week user sees (QA round): one line, naming the file and the problem."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from voc.cli import app

runner = CliRunner()


def test_ingest_of_one_empty_file_names_it_and_says_why(tmp_path: Path) -> None:
    empty = tmp_path / "export.csv"
    empty.write_text("")
    res = runner.invoke(app, ["ingest", str(empty), "-o", str(tmp_path / "out" / "items.csv")])
    assert res.exit_code == 1
    lines = [ln for ln in res.output.splitlines() if ln.startswith("error:")]
    assert len(lines) == 1
    assert f"{empty}: empty file" in lines[0] and "nothing could be read" in lines[0]

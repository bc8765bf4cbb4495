"""`voc export`: items, statements and themes as CSV, Parquet and JSON."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest
from test_report import HOSTILE, build_workspace
from typer.testing import CliRunner

from voc.cli import app
from voc.errors import ConfigError
from voc.export import EXPORT_TABLES, export_workspace
from voc.schema import TABLES

runner = CliRunner()


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    path = tmp_path / "ws.duckdb"
    build_workspace(path).close()
    return path


@pytest.mark.parametrize("fmt", ["csv", "parquet", "json"])
def test_cli_exports_three_tables(ws_path: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "exp"
    res = runner.invoke(app, ["export", str(ws_path), "--format", fmt, "-o", str(out)])
    assert res.exit_code == 0, res.output
    for table in EXPORT_TABLES:
        path = out / f"{table}.{fmt}"
        assert path.is_file() and f"wrote {path}" in res.output.replace("\n", "")
        con = duckdb.connect()
        reader = {"csv": "read_csv", "parquet": "read_parquet", "json": "read_json"}[fmt]
        got = con.execute(f"SELECT * FROM {reader}('{path}')").df()
        assert list(got.columns) == list(TABLES[table]), table
    counts = {"items": 10, "statements": 24, "themes": 4}
    for table, n in counts.items():
        rows = (
            duckdb.connect()
            .execute(f"SELECT count(*) FROM '{out / f'{table}.{fmt}'}'")
            .fetchone()[0]
        )
        assert rows == n, table


def test_csv_round_trips_hostile_text_and_sorts_by_id(ws_path: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(ws_path), read_only=True)
    export_workspace(con, tmp_path, "csv")
    with (tmp_path / "statements.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["text"] for r in rows[: len(HOSTILE)]] == HOSTILE  # text kept exactly, quoted
    assert [r["statement_id"] for r in rows] == sorted(r["statement_id"] for r in rows)
    with (tmp_path / "items.csv").open(newline="", encoding="utf-8") as fh:
        first = next(csv.DictReader(fh))
    assert first["created_at"] == "2024-03-01T09:30:00"


def test_json_is_an_array_with_json_columns_as_text(ws_path: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(ws_path), read_only=True)
    export_workspace(con, tmp_path, "json")
    themes = json.loads((tmp_path / "themes.json").read_text(encoding="utf-8"))
    assert isinstance(themes, list) and len(themes) == 4
    billing = next(t for t in themes if t["theme_id"] == "t_billing")
    assert billing["rank"] == 1
    assert json.loads(billing["stage_mix"]) == {"purchase": 0.6, "usage": 0.4}


def test_appended_columns_are_exported_after_schema(ws_path: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(ws_path))
    con.execute("ALTER TABLE themes ADD COLUMN trend_growth DOUBLE")
    con.execute("UPDATE themes SET trend_growth = 1.5")
    export_workspace(con, tmp_path, "parquet")
    cols = [
        c[0]
        for c in duckdb.connect()
        .execute(f"DESCRIBE SELECT * FROM '{tmp_path / 'themes.parquet'}'")
        .fetchall()
    ]
    assert cols == [*TABLES["themes"], "trend_growth"]


def test_older_workspace_missing_a_column_still_has_the_schema(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    con.execute("CREATE TABLE items (item_id VARCHAR, text VARCHAR)")
    con.execute("INSERT INTO items VALUES ('b', 'x'), ('a', 'y')")
    paths = export_workspace(con, tmp_path / "out", "csv")
    assert [p.name for p in paths] == ["items.csv", "statements.csv", "themes.csv", "rejects.csv"]
    lines = (tmp_path / "out" / "items.csv").read_text().splitlines()
    assert lines[0].split(",") == list(TABLES["items"])
    assert lines[1].startswith("a,") and len(lines) == 3
    assert (tmp_path / "out" / "themes.csv").read_text().splitlines()[0].startswith("theme_id,")


def test_deterministic(ws_path: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(ws_path), read_only=True)
    a = [p.read_bytes() for p in export_workspace(con, tmp_path / "a", "csv")]
    b = [p.read_bytes() for p in export_workspace(con, tmp_path / "b", "csv")]
    assert a == b


def test_unknown_format_is_a_usage_error(ws_path: Path) -> None:
    res = runner.invoke(app, ["export", str(ws_path), "--format", "xml"])
    assert res.exit_code == 2
    assert "unknown export format 'xml'" in res.output and "csv, parquet, json" in res.output
    with pytest.raises(ConfigError):
        export_workspace(duckdb.connect(str(ws_path), read_only=True), Path("x"), "xlsx")


def test_missing_workspace_is_a_data_error(tmp_path: Path) -> None:
    res = runner.invoke(app, ["export", str(tmp_path / "nope.duckdb"), "--format", "csv"])
    assert res.exit_code == 1
    assert "nope.duckdb: workspace not found" in res.output


def test_default_folder_is_export_beside_workspace(ws_path: Path) -> None:
    res = runner.invoke(app, ["export", str(ws_path)])
    assert res.exit_code == 0, res.output
    assert (ws_path.parent / "export" / "items.csv").is_file()

"""Exports a support lead can reconcile: analysed + rejected = read, in the files (QA round)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from voc.export import export_workspace
from voc.workspace import connect, replace_table


def test_rejects_are_exported_beside_items(tmp_path: Path) -> None:
    con = connect(tmp_path / "ws.duckdb")
    replace_table(
        con,
        "items",
        pd.DataFrame([{"item_id": f"i{n}", "source_kind": "email", "text": "x"} for n in range(3)]),
    )
    replace_table(
        con,
        "rejects",
        pd.DataFrame(
            [
                {"source_kind": "email", "source_path": "b.mbox", "source_ref": "message 2",
                 "category": "skipped", "reason": "auto-reply"},
                {"source_kind": "email", "source_path": "a.mbox", "source_ref": "message 9",
                 "category": "skipped", "reason": "agent reply (context only)"},
            ]
        ),
    )
    paths = export_workspace(con, tmp_path / "out", "csv")
    assert (tmp_path / "out" / "rejects.csv") in paths
    with open(tmp_path / "out" / "rejects.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["source_path"] for r in rows] == ["a.mbox", "b.mbox"]  # sorted, stable
    assert rows[1]["reason"] == "auto-reply"
    with open(tmp_path / "out" / "items.csv", newline="") as f:
        assert len(list(csv.DictReader(f))) + len(rows) == 5
    con.close()

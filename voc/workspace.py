"""The DuckDB workspace: one file holding items, statements, themes, rejects and runs."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from voc.errors import DataError
from voc.schema import TABLES

ANALYSIS_TABLES = ("items", "statements", "themes", "rejects", "runs")


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every workspace table that does not exist yet."""
    for name, columns in TABLES.items():
        cols = ", ".join(f'"{c}" {t}' for c, t in columns.items())
        con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({cols})")


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) a workspace file."""
    p = Path(path)
    if read_only and not p.exists():
        raise DataError(f"{p}: workspace not found (run `voc run` or `voc analyze` first)")
    if not read_only:
        p.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(p), read_only=read_only)
    except duckdb.Error as exc:
        raise DataError(f"{p}: not a readable DuckDB workspace ({exc})") from exc
    if not read_only:
        create_schema(con)
    return con


def conform(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Return ``df`` with exactly the table's columns, in order (missing ones as nulls)."""
    columns = TABLES[table]
    out = pd.DataFrame(index=df.index)
    for col in columns:
        out[col] = df[col] if col in df.columns else None
    return out


def _insert(con: duckdb.DuckDBPyConnection, table: str, df: pd.DataFrame) -> None:
    data = conform(df, table)
    if len(data):
        con.register("_voc_frame", data)
        cols = ", ".join(f'"{c}"' for c in TABLES[table])
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _voc_frame")
        con.unregister("_voc_frame")


def write_tables(
    con: duckdb.DuckDBPyConnection,
    replace: dict[str, pd.DataFrame] | None = None,
    append: dict[str, pd.DataFrame] | None = None,
) -> None:
    """Replace some tables and append to others, all in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        for table, df in (replace or {}).items():
            con.execute(f"DELETE FROM {table}")
            _insert(con, table, df)
        for table, df in (append or {}).items():
            _insert(con, table, df)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def replace_table(con: duckdb.DuckDBPyConnection, table: str, df: pd.DataFrame) -> None:
    """Replace a table's rows with ``df`` (conformed to the schema) in one transaction."""
    write_tables(con, replace={table: df})


def read_table(con: duckdb.DuckDBPyConnection, table: str, order_by: str = "") -> pd.DataFrame:
    """Read a whole table as a DataFrame, optionally ordered."""
    sql = f"SELECT * FROM {table}"
    if order_by:
        sql += f" ORDER BY {order_by}"
    return con.execute(sql).df()

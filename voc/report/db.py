"""Small helpers to read workspace tables leniently (missing tables, nulls, bad JSON)."""

from __future__ import annotations

import json
import logging
from datetime import date, datetime
from typing import Any

import duckdb

from voc.report.fmt import is_number

log = logging.getLogger(__name__)


def parse_json(text: Any, default: Any) -> Any:
    """Parse a JSON column; a null, empty or malformed value gives ``default``."""
    if text is None or text == "":
        return default
    if not isinstance(text, str):
        return text
    try:
        value = json.loads(text)
    except ValueError:
        log.warning("report: ignoring malformed JSON value %.60r", text)
        return default
    return value if isinstance(value, type(default)) else default


def table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Names of the tables in the workspace."""
    rows = con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    return {r[0] for r in rows}


def fetch_rows(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None
) -> list[dict]:
    """Rows of a query as dicts, with Python values (None for nulls)."""
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def as_int(value: Any) -> int:
    """A number as int; anything else (null, NaN) as 0."""
    return int(value) if is_number(value) else 0


def as_float(value: Any) -> float | None:
    """A number as float; anything else as None."""
    return float(value) if is_number(value) else None


def as_day(value: Any) -> str:
    """A timestamp as ``YYYY-MM-DD``; empty when missing."""
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    return str(value)[:10] if value else ""

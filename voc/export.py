"""Export the workspace's items, statements and themes as CSV, Parquet or JSON files.

Example::

    from voc.workspace import connect
    from voc.export import export_workspace

    con = connect("out/voc.duckdb", read_only=True)
    export_workspace(con, Path("out/export"), "parquet")   # items.parquet, statements.parquet, ...

Columns are those of :mod:`voc.schema` in their documented order, followed by any columns a
later step appended to the table (so a newer workspace exports everything it holds). Rows are
sorted by their id, so the same workspace always gives the same files. DuckDB writes the files
itself (``COPY ... TO``), so exporting stays fast and memory-bounded on large workspaces.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from voc.errors import ConfigError, DataError
from voc.schema import TABLES

EXPORT_TABLES: dict[str, tuple[str, ...]] = {
    "items": ("item_id",),
    "statements": ("statement_id",),
    "themes": ("theme_id",),
    "rejects": ("source_path", "source_ref", "reason"),
}
"""Exported tables and the columns their rows are sorted by. ``rejects`` holds every record
that was read but not analysed, so analysed + rejected = read can be checked in the files."""

FORMATS: dict[str, str] = {
    "csv": "(FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"', DATEFORMAT '%Y-%m-%d', "
    "TIMESTAMPFORMAT '%Y-%m-%dT%H:%M:%S')",
    "parquet": "(FORMAT parquet, COMPRESSION zstd)",
    "json": "(FORMAT json, ARRAY true, TIMESTAMPFORMAT '%Y-%m-%dT%H:%M:%S')",
}
"""Supported formats and the DuckDB ``COPY`` options that write them."""


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    """Columns of ``table`` as exported: schema columns first, then appended ones.

    A schema column missing from an older workspace is exported as a typed null, so files
    from every workspace share the documented columns.
    """
    rows = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    present = {str(name): str(kind) for name, kind in rows}
    schema = TABLES[table]
    cols = [(c, present.get(c, t)) for c, t in schema.items()]
    cols += [(c, t) for c, t in present.items() if c not in schema]
    return cols


def _select(con: duckdb.DuckDBPyConnection, table: str, tables: set[str]) -> str:
    cols = table_columns(con, table) if table in tables else list(TABLES[table].items())
    present = (
        {
            r[0]
            for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
            ).fetchall()
        }
        if table in tables
        else set()
    )
    exprs = [
        _quote_ident(c) if c in present else f"CAST(NULL AS {t}) AS {_quote_ident(c)}"
        for c, t in cols
    ]
    source = table if table in tables else "(SELECT 1) AS empty WHERE false"
    keys = [k for k in EXPORT_TABLES[table] if k in present]
    order = (
        " ORDER BY " + ", ".join(f"{_quote_ident(k)} NULLS LAST" for k in keys) if keys else ""
    )
    return f"SELECT {', '.join(exprs)} FROM {source}{order}"


def export_workspace(con: duckdb.DuckDBPyConnection, out_dir: str | Path, fmt: str) -> list[Path]:
    """Write ``items``, ``statements``, ``themes`` and ``rejects`` to ``out_dir`` as
    ``<table>.<fmt>``.

    Raises :class:`ConfigError` for an unknown format and :class:`DataError` when the
    folder cannot be written. Returns the written paths.
    """
    name = fmt.strip().lower()
    if name not in FORMATS:
        known = ", ".join(FORMATS)
        raise ConfigError(f"--format: unknown export format {fmt!r} (use one of: {known})")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataError(f"{out}: cannot create the export folder ({exc.strerror})") from exc
    tables = {
        str(r[0])
        for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    paths: list[Path] = []
    for table in EXPORT_TABLES:
        path = out / f"{table}.{name}"
        sql = f"COPY ({_select(con, table, tables)}) TO {_sql_string(str(path))} {FORMATS[name]}"
        try:
            con.execute(sql)
        except duckdb.Error as exc:
            raise DataError(f"{path}: could not write the {table} export ({exc})") from exc
        paths.append(path)
    return paths

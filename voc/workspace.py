"""The DuckDB workspace: one file holding items, statements, themes, rejects and runs."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from voc.errors import ConfigError, DataError
from voc.schema import TABLES
from voc.workspace_scale import (  # noqa: F401  (part of this module's interface)
    count_friction,
    has_any_item,
    iter_vectors,
    read_friction_rows,
    read_shared,
    read_texts,
    read_vectors,
    write_vectors,
)

ANALYSIS_TABLES = ("items", "statements", "themes", "rejects", "runs")

DUCKDB_MEMORY = "512MB"
"""DuckDB's own memory limit (its default is 80% of RAM); it spills to disk past it.
``VOC_DUCKDB_MEMORY`` overrides it."""
DUCKDB_THREADS = 2
"""DuckDB's worker threads (its default is one per core); ``VOC_DUCKDB_THREADS`` overrides it."""


_MEMORY = re.compile(r"\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)", re.IGNORECASE)


def duckdb_settings() -> tuple[str, int]:
    """DuckDB's memory limit and threads, from the environment or the defaults.

    A bad ``VOC_DUCKDB_MEMORY`` (not like ``512MB``) or ``VOC_DUCKDB_THREADS`` (not a whole
    number of at least 1) is a ``ConfigError`` naming the variable.
    """
    memory = os.environ.get("VOC_DUCKDB_MEMORY", DUCKDB_MEMORY).strip()
    if not _MEMORY.fullmatch(memory):
        raise ConfigError(f"VOC_DUCKDB_MEMORY: expected a size like 512MB or 2GB, got {memory!r}")
    raw = os.environ.get("VOC_DUCKDB_THREADS", str(DUCKDB_THREADS)).strip()
    if not raw.isdigit() or int(raw) < 1:
        raise ConfigError(f"VOC_DUCKDB_THREADS: expected a whole number of at least 1, got {raw!r}")
    return memory, int(raw)


def _configure(con: duckdb.DuckDBPyConnection, memory: str, threads: int) -> None:
    """Bound DuckDB's memory and threads explicitly, so a run's peak does not grow with it."""
    con.execute(f"SET memory_limit = '{memory}'")
    con.execute(f"SET threads = {threads}")
    con.execute("SET preserve_insertion_order = true")


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every workspace table that does not exist yet."""
    for name, columns in TABLES.items():
        cols = ", ".join(f'"{c}" {t}' for c, t in columns.items())
        con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({cols})")
        have = {r[0] for r in con.execute(f"DESCRIBE {name}").fetchall()}
        for col, typ in columns.items():  # workspaces written by an older voc
            if col not in have:
                con.execute(f'ALTER TABLE {name} ADD COLUMN "{col}" {typ}')


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) a workspace file."""
    p = Path(path)
    settings = duckdb_settings()
    if read_only and not p.exists():
        raise DataError(f"{p}: workspace not found (run `voc run` or `voc analyze` first)")
    if not read_only:
        p.parent.mkdir(parents=True, exist_ok=True)
    if not _is_duckdb_file(p):
        raise DataError(
            f"{p}: not a DuckDB workspace (give the .duckdb file that `voc run` or "
            "`voc analyze` wrote, e.g. out/voc.duckdb)"
        )
    try:
        con = duckdb.connect(str(p), read_only=read_only)
    except duckdb.Error as exc:
        raise DataError(f"{p}: not a readable DuckDB workspace ({exc})") from exc
    _configure(con, *settings)
    if not read_only:
        create_schema(con)
    return con


def _is_duckdb_file(p: Path) -> bool:
    """True for a missing or empty path (DuckDB creates it) or a file with DuckDB's magic bytes."""
    if not p.is_file() or p.stat().st_size == 0:
        return not p.is_dir()
    with p.open("rb") as fh:
        head = fh.read(12)
    return head[8:12] == b"DUCK"


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


def get_meta(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    """A value of the ``meta`` table (None when unset)."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def set_meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    """Set a value of the ``meta`` table (call inside or outside a transaction)."""
    con.execute("DELETE FROM meta WHERE key = ?", [key])
    con.execute("INSERT INTO meta VALUES (?, ?)", [key, value])


def item_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Ids of the items already analysed in this workspace."""
    return {r[0] for r in con.execute("SELECT item_id FROM items").fetchall()}


def write_chunk(
    con: duckdb.DuckDBPyConnection,
    items: pd.DataFrame,
    statements: pd.DataFrame,
    vectors: np.ndarray,
    model_id: str,
) -> None:
    """Write one map chunk (items, statements, their vectors) in one transaction.

    Rows of these items left by an earlier, interrupted attempt are replaced, so a
    chunk is either fully there or not at all, never twice. Vectors go to the
    ``embeddings`` cache keyed by model and text hash (only the ones not there yet).
    """
    con.execute("BEGIN TRANSACTION")
    try:
        ids = pd.DataFrame({"item_id": items["item_id"].astype(str)})
        con.register("_voc_ids", ids)
        # A chunk's items are written with their statements in one transaction, so when none
        # of them is in `items` none has statements either: skip the two deletes, each a scan
        # of a table that grows with the run (most chunks of a run are new).
        if has_any_item(con, "_voc_ids"):
            con.execute("DELETE FROM statements WHERE item_id IN (SELECT item_id FROM _voc_ids)")
            con.execute("DELETE FROM items WHERE item_id IN (SELECT item_id FROM _voc_ids)")
        con.unregister("_voc_ids")
        _insert(con, "items", items)
        _insert(con, "statements", statements)
        if len(statements) and "text_hash" in statements:
            write_vectors(con, model_id, statements["text_hash"].to_numpy(), vectors)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def snapshot_vector_cache(con: duckdb.DuckDBPyConnection, model_id: str) -> int:
    """Remember which text hashes the vector cache holds for ``model_id`` now (run start).

    The map phase serves only these from the cache, never vectors stored during the same
    run: what comes from the cache then does not depend on the order in which chunks
    finish, so a Dask run and a local run give identical vectors.
    """
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _voc_cached AS "
        "SELECT DISTINCT text_hash FROM embeddings WHERE model_id = ?",
        [model_id],
    )
    return int(con.execute("SELECT count(*) FROM _voc_cached").fetchall()[0][0])


def lookup_vectors(
    con: duckdb.DuckDBPyConnection, model_id: str, hashes: list[str]
) -> dict[str, np.ndarray]:
    """Cached vectors of ``hashes`` (those in the run-start snapshot), by text hash."""
    wanted = pd.DataFrame({"text_hash": sorted(set(hashes))})
    con.register("_voc_wanted", wanted)
    try:
        hit = [
            r[0]
            for r in con.execute(
                "SELECT w.text_hash FROM _voc_wanted w JOIN _voc_cached c USING (text_hash)"
            ).fetchall()
        ]
        if not hit:
            return {}
        con.register("_voc_hit", pd.DataFrame({"text_hash": hit}))
        got = con.execute(
            "SELECT e.text_hash, any_value(e.vector) AS vector FROM embeddings e "
            "SEMI JOIN _voc_hit h USING (text_hash) WHERE e.model_id = ? GROUP BY 1",
            [model_id],
        ).fetchnumpy()
        con.unregister("_voc_hit")
    finally:
        con.unregister("_voc_wanted")
    return {
        str(h): np.asarray(v, dtype=np.float32)
        for h, v in zip(got["text_hash"], got["vector"], strict=True)
    }


def delete_items(con: duckdb.DuckDBPyConnection, keep: set[str]) -> int:
    """Delete items (and their statements) not in ``keep``; returns how many went."""
    stale = item_ids(con) - keep
    if stale:
        con.execute("BEGIN TRANSACTION")
        con.register("_voc_stale", pd.DataFrame({"item_id": sorted(stale)}))
        con.execute("DELETE FROM statements WHERE item_id IN (SELECT item_id FROM _voc_stale)")
        con.execute("DELETE FROM items WHERE item_id IN (SELECT item_id FROM _voc_stale)")
        con.unregister("_voc_stale")
        con.execute("COMMIT")
    return len(stale)


def clear_analysis(con: duckdb.DuckDBPyConnection) -> None:
    """Forget every analysed item, statement and theme (the vector cache stays)."""
    write_tables(con, replace={t: pd.DataFrame() for t in ("items", "statements", "themes")})


def read_friction(
    con: duckdb.DuckDBPyConnection, model_id: str
) -> tuple[pd.DataFrame, np.ndarray]:
    """Friction statements in ingest order, with their vectors from the cache."""
    st = con.execute(
        "SELECT s.* FROM statements s JOIN items i USING (item_id) "
        "WHERE s.is_friction ORDER BY i.seq, i.item_id, s.position"
    ).df()
    if st.empty:
        from voc.embed import DIM

        return st, np.zeros((0, DIM), dtype=np.float32)
    keys = pd.DataFrame({"ord": np.arange(len(st)), "text_hash": st["text_hash"]})
    con.register("_voc_fr", keys)
    cur = con.execute(
        "SELECT f.ord, e.vector FROM _voc_fr f JOIN embeddings e "
        "ON e.text_hash = f.text_hash AND e.model_id = ? ORDER BY f.ord",
        [model_id],
    )
    vecs: np.ndarray | None = None
    got = np.zeros(len(st), dtype=bool)
    while True:  # in column batches (numpy, not Python lists of floats: bounded and fast)
        part = cur.fetch_df_chunk(10)
        if part.empty:
            break
        idx = part["ord"].to_numpy(dtype=np.int64)
        block = np.stack(part["vector"].to_numpy()).astype(np.float32, copy=False)
        if vecs is None:
            vecs = np.zeros((len(st), block.shape[1]), dtype=np.float32)
        vecs[idx] = block
        got[idx] = True
    con.unregister("_voc_fr")
    if vecs is None or not got.all():
        raise DataError(
            f"workspace: {int((~got).sum())} friction statements have no vector "
            "(delete the workspace and run again)"
        )
    return st, vecs


RANK_ITEM_COLUMNS = (
    "item_id", "source_kind", "channel", "created_at", "customer_id", "score", "score_kind",
    "attributes",
)
"""The item columns that ranking, segment mixes and trends read."""


def read_items_for_rank(
    con: duckdb.DuckDBPyConnection, columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """All items without their text (what ranking needs), in ingest order.

    ``columns``: only these (e.g. :data:`RANK_ITEM_COLUMNS`, one row of them per item is
    what a million-statement reduce keeps in memory).
    """
    names = columns if columns is not None else [c for c in TABLES["items"] if c != "text"]
    cols = ", ".join(f'"{c}"' for c in names)
    sql = f"SELECT {cols} FROM items ORDER BY seq, item_id"
    if columns is None:
        return con.execute(sql).df()
    shared = ("source_kind", "channel", "score_kind", "attributes")
    return read_shared(con, sql, shared)


def write_themes(
    con: duckdb.DuckDBPyConnection,
    themes: pd.DataFrame,
    assigned: pd.DataFrame,
    tables: dict[str, pd.DataFrame] | None = None,
) -> None:
    """Replace the themes (and ``tables`` such as theme_trends) and set statements' themes.

    ``assigned`` holds (statement_id, theme_id[, subtheme_id]); every other statement gets
    NULL. All in one transaction.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM themes")
        _insert(con, "themes", themes)
        for table, df in (tables or {}).items():
            con.execute(f"DELETE FROM {table}")
            _insert(con, table, df)
        con.execute(
            "UPDATE statements SET theme_id = NULL, subtheme_id = NULL "
            "WHERE theme_id IS NOT NULL OR subtheme_id IS NOT NULL"
        )
        if len(assigned):
            frame = assigned.copy()
            if "subtheme_id" not in frame:
                frame["subtheme_id"] = None
            con.register("_voc_assigned", frame[["statement_id", "theme_id", "subtheme_id"]])
            con.execute(
                "UPDATE statements SET theme_id = a.theme_id, subtheme_id = a.subtheme_id "
                "FROM _voc_assigned a WHERE statements.statement_id = a.statement_id"
            )
            con.unregister("_voc_assigned")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise

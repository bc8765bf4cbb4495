"""Workspace reads for large runs: in blocks, without text, labels stored once.

What the sampled reduce phase (:mod:`voc.reduce_sample`) reads from the DuckDB workspace, so
that a million statements never sit in memory as Python objects all at once. Re-exported by
:mod:`voc.workspace`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import duckdb
import numpy as np
import pandas as pd

from voc.errors import DataError

_FRICTION_ORDER = "ORDER BY i.seq, i.item_id, s.position"


def count_friction(con: duckdb.DuckDBPyConnection) -> int:
    """How many friction statements the workspace holds."""
    return int(con.execute("SELECT count(*) FROM statements WHERE is_friction").fetchone()[0])


def read_shared(
    con: duckdb.DuckDBPyConnection, sql: str, shared: Sequence[str], params: list | None = None
) -> pd.DataFrame:
    """``con.execute(sql).df()``, read in blocks, with the strings of the ``shared`` columns
    stored once per distinct value (a stage name is one object, not one per row).

    The values are the same as ``.df()``'s; a million rows of repeated labels then cost
    pointers, not a million string objects, and no block is held twice.
    """
    cur = con.execute(sql, params or [])
    pools: dict[str, dict[object, object]] = {c: {} for c in shared}
    parts: list[pd.DataFrame] = []
    while True:
        part = cur.fetch_df_chunk(16)
        if part.empty:
            if not parts:
                parts.append(part)
            break
        for col in shared:
            if col in part.columns and pd.api.types.is_string_dtype(part[col].dtype):
                pool = pools[col]
                part[col] = [pool.setdefault(v, v) for v in part[col].tolist()]
        parts.append(part)
    return parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)


def read_friction_rows(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Friction statements in ingest order without their text (what ranking needs).

    Same rows and order as :func:`read_friction`; the text is left in the workspace so
    that a million statements do not all sit in memory as Python strings, and labels are
    stored once per value (:func:`read_shared`).
    """
    return read_shared(
        con,
        "SELECT s.* EXCLUDE (text) FROM statements s JOIN items i USING (item_id) "
        f"WHERE s.is_friction {_FRICTION_ORDER}",
        ("stage", "sentiment", "emotion", "theme_id", "subtheme_id"),
    )


def read_texts(con: duckdb.DuckDBPyConnection, statement_ids: list[str]) -> list[str]:
    """Texts of ``statement_ids``, in the order given."""
    keys = pd.DataFrame({"ord": np.arange(len(statement_ids)), "statement_id": statement_ids})
    con.register("_voc_ids", keys)
    try:
        got = con.execute(
            "SELECT k.ord, s.text FROM _voc_ids k JOIN statements s USING (statement_id) "
            "ORDER BY k.ord"
        ).fetchnumpy()
    finally:
        con.unregister("_voc_ids")
    out = [""] * len(statement_ids)
    for k, t in zip(got["ord"].tolist(), got["text"].tolist(), strict=True):
        out[k] = t
    return out


def iter_vectors(
    con: duckdb.DuckDBPyConnection, model_id: str, hashes: np.ndarray, batch_vectors: int = 10
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """``(positions, vectors)`` blocks of the cached vectors of ``hashes`` (any order).

    ``positions`` index ``hashes``; blocks hold ``batch_vectors`` x 2,048 rows, so reading
    a million vectors never holds more than one block in memory.
    """
    keys = pd.DataFrame({"ord": np.arange(len(hashes)), "text_hash": hashes})
    con.register("_voc_vh", keys)
    try:
        cur = con.execute(
            "SELECT f.ord, e.vector FROM _voc_vh f JOIN embeddings e "
            "ON e.text_hash = f.text_hash AND e.model_id = ?",
            [model_id],
        )
        while True:
            part = cur.fetch_df_chunk(batch_vectors)
            if part.empty:
                break
            idx = part["ord"].to_numpy(dtype=np.int64)
            yield idx, np.stack(part["vector"].to_numpy()).astype(np.float32, copy=False)
    finally:
        con.unregister("_voc_vh")


def read_vectors(con: duckdb.DuckDBPyConnection, model_id: str, hashes: np.ndarray) -> np.ndarray:
    """The cached vectors of ``hashes``, row for row; DataError if one is missing."""
    from voc.embed import DIM

    vecs = np.zeros((len(hashes), DIM), dtype=np.float32)
    got = np.zeros(len(hashes), dtype=bool)
    for idx, block in iter_vectors(con, model_id, hashes):
        vecs[idx] = block
        got[idx] = True
    if not got.all():
        raise DataError(
            f"workspace: {int((~got).sum())} friction statements have no vector "
            "(delete the workspace and run again)"
        )
    return vecs

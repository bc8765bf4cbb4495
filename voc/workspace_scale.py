"""Workspace reads for large runs: in blocks, without text, labels stored once.

What the sampled reduce phase (:mod:`voc.reduce_sample`) reads from the DuckDB workspace, so
that a million statements never sit in memory as Python objects all at once, and the map
phase's vector-cache writes (new vectors only, as one Arrow column). Re-exported by
:mod:`voc.workspace`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

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


def has_any_item(con: duckdb.DuckDBPyConnection, ids_view: str) -> bool:
    """Whether any ``item_id`` of the registered view ``ids_view`` is in ``items``."""
    return bool(
        con.execute(
            f"SELECT EXISTS (SELECT 1 FROM items WHERE item_id IN "
            f"(SELECT item_id FROM {ids_view}))"
        ).fetchall()[0][0]
    )


def write_vectors(
    con: duckdb.DuckDBPyConnection, model_id: str, hashes: np.ndarray, vectors: np.ndarray
) -> int:
    """Add to the ``embeddings`` cache the vectors (rows of ``vectors``, one per entry of
    ``hashes``) whose text hash it does not hold yet for ``model_id``; returns how many.

    The first row of each hash is the one stored. Only new vectors are converted; when pyarrow
    is installed (optional) they go to DuckDB as one Arrow list column (a view of the float32
    buffer, 4x less CPU), else as one numpy array per vector in a pandas column. Call inside
    the caller's transaction."""
    pa = _arrow()

    hashes = np.asarray(hashes, dtype=object)
    if not len(hashes):
        return 0
    uniq, first = np.unique(hashes.astype(str), return_index=True)
    con.register("_voc_hashes", pd.DataFrame({"text_hash": uniq}))
    try:
        known = con.execute(
            "SELECT text_hash FROM embeddings WHERE model_id = ? AND text_hash IN "
            "(SELECT text_hash FROM _voc_hashes)",
            [model_id],
        ).fetchnumpy()["text_hash"]
    finally:
        con.unregister("_voc_hashes")
    rows = np.sort(first[~np.isin(uniq, np.asarray(known, dtype=str))])  # in statement order
    if not len(rows):
        return 0
    vecs = np.ascontiguousarray(np.asarray(vectors, dtype=np.float32)[rows])
    new_hashes = hashes[rows].astype(str).tolist()
    if pa is None:  # without pyarrow: one numpy array per vector, converted by DuckDB
        table: object = pd.DataFrame(
            {"model_id": model_id, "text_hash": new_hashes, "vector": list(vecs)}
        )
    else:
        dim = vecs.shape[1]
        offsets = pa.array(np.arange(0, (len(rows) + 1) * dim, dim, dtype=np.int32))
        table = pa.table(
            {
                "model_id": pa.array([model_id] * len(rows), pa.string()),
                "text_hash": pa.array(new_hashes, pa.string()),
                "vector": pa.ListArray.from_arrays(offsets, pa.array(vecs.ravel())),
            }
        )
    con.register("_voc_vecs", table)
    try:
        con.execute(
            "INSERT INTO embeddings SELECT model_id, text_hash, vector::FLOAT[] FROM _voc_vecs"
        )
    finally:
        con.unregister("_voc_vecs")
    return len(rows)


def _arrow() -> Any:
    """The pyarrow module, or None when it is not installed."""
    try:
        import pyarrow
    except ImportError:  # not a dependency: installed, it changes pandas' string storage
        return None
    return pyarrow

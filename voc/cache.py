"""Vector cache in the workspace: a text whose hash and model were seen is not embedded again."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import duckdb
import numpy as np
import pandas as pd

from voc.embed import DIM, Embedder, text_hash


def cached_encode(
    con: duckdb.DuckDBPyConnection | None,
    embedder: Embedder,
    texts: Sequence[str],
    progress: Callable[[int], None] | None = None,
    known: dict[str, np.ndarray] | None = None,
) -> tuple[np.ndarray, int]:
    """Vectors for ``texts`` (input order) and how many came from the cache.

    ``known`` (text hash -> vector) is a cache already looked up by the caller (the map
    phase looks up a chunk's hashes on the client); with ``con=None`` it is the only cache.
    """
    hashes = [text_hash(t) for t in texts]
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    found: dict[str, np.ndarray] = {h: known[h] for h in hashes if known and h in known}
    if con is not None and hashes:
        wanted = pd.DataFrame({"text_hash": sorted(set(hashes))})
        con.register("_voc_wanted", wanted)
        rows = con.execute(
            "SELECT e.text_hash, e.vector FROM embeddings e "
            "JOIN _voc_wanted w USING (text_hash) WHERE e.model_id = ?",
            [embedder.model_id],
        ).fetchall()
        con.unregister("_voc_wanted")
        found.update({h: np.asarray(v, dtype=np.float32) for h, v in rows})
    missing_idx: dict[str, int] = {}
    for i, h in enumerate(hashes):
        if h in found:
            out[i] = found[h]
        elif h not in missing_idx:
            missing_idx[h] = i
    if progress is not None and found:
        progress(sum(1 for h in hashes if h in found))
    if missing_idx:
        todo = list(missing_idx.items())
        vecs = embedder.encode([texts[i] for _, i in todo], progress=progress)
        new = dict(zip((h for h, _ in todo), vecs, strict=True))
        dup = sum(1 for h in hashes if h not in found) - len(todo)
        if progress is not None and dup:
            progress(dup)
        for i, h in enumerate(hashes):
            if h in new:
                out[i] = new[h]
        if con is not None:
            frame = pd.DataFrame(
                {
                    "model_id": embedder.model_id,
                    "text_hash": list(new),
                    "vector": [v.tolist() for v in new.values()],
                }
            )
            con.register("_voc_new_vectors", frame)
            con.execute(
                "INSERT INTO embeddings SELECT model_id, text_hash, vector FROM _voc_new_vectors"
            )
            con.unregister("_voc_new_vectors")
    return out, sum(1 for h in hashes if h in found)

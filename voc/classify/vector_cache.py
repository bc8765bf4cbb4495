"""On-disk cache of the vectors of label texts, so classifiers fit in a blink after the first run.

Fitting a classifier is cheap; embedding the few hundred example statements of
the taxonomies is not (seconds on a laptop CPU). :class:`CachedEncoder` wraps an
embedder's ``encode`` and keeps every vector it computes in one ``.npz`` file per
model, keyed by text hash. Only label and user-example texts go through it, never
customer data being classified. The cache is ``$VOC_CACHE_DIR`` or
``~/.cache/voc``; a broken or unwritable cache is ignored (and logged), never fatal.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

import numpy as np

from voc.embed import DIM, cache_dir, text_hash

log = logging.getLogger(__name__)

class CachedEncoder:
    """``encode(texts)`` through a persistent text-hash → vector cache."""

    def __init__(self, encode: Callable[[list[str]], np.ndarray], model_id: str) -> None:
        self.encode_uncached = encode
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in model_id)
        self.path = cache_dir() / f"label-vectors-{safe}.npz"
        self._store: dict[str, np.ndarray] | None = None

    def _load(self) -> dict[str, np.ndarray]:
        if self._store is None:
            self._store = {}
            if self.path.is_file():
                try:
                    with np.load(self.path) as z:
                        self._store = dict(zip(z["keys"].tolist(), z["vectors"], strict=True))
                except Exception as exc:  # a broken cache only costs time
                    log.warning("ignoring unreadable vector cache %s: %s", self.path, exc)
        return self._store

    def _save(self) -> None:
        store = self._load()
        keys = sorted(store)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(self.path.name + f".{os.getpid()}.tmp.npz")
            np.savez(tmp, keys=np.array(keys), vectors=np.stack([store[k] for k in keys]))
            tmp.replace(self.path)
        except OSError as exc:
            log.warning("cannot write vector cache %s: %s", self.path, exc)

    def __call__(self, texts: list[str]) -> np.ndarray:
        store = self._load()
        hashes = [text_hash(t) for t in texts]
        missing = sorted(
            {h: t for h, t in zip(hashes, texts, strict=True) if h not in store}.items()
        )
        if missing:
            vecs = np.asarray(self.encode_uncached([t for _, t in missing]), dtype=np.float32)
            for (h, _), v in zip(missing, vecs, strict=True):
                store[h] = v
            self._save()
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.stack([store[h] for h in hashes]).astype(np.float32)

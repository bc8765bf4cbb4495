"""Fast mode: static token embeddings distilled once from the local all-MiniLM-L6-v2.

model2vec's ``distill`` runs the local sentence-transformer over its own
vocabulary (no download, no data set) and keeps one vector per token; a
statement's vector is then the mean of its tokens' vectors: no transformer at
run time, tens of thousands of statements per second on one core. The distilled
model is cached on disk, in ``$VOC_CACHE_DIR`` (default ``~/.cache/voc``), keyed by
the source model's files, and reused by every later run.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from voc.cosine import unit
from voc.embed import DIM, MODEL_ID, cache_dir, default_model_path

log = logging.getLogger(__name__)

STATIC_MODEL_ID = f"{MODEL_ID}-static-c1"


def _source_key(model_path: str) -> str:
    """Hash of the source model's weights and tokenizer files (cheap: sizes and names)."""
    h = hashlib.sha1()
    for f in sorted(Path(model_path).rglob("*")):
        if f.is_file():
            h.update(f"{f.relative_to(model_path)}:{f.stat().st_size}".encode())
    return h.hexdigest()[:12]


def static_model_path(model_path: str | None = None) -> Path:
    """Folder of the distilled model, distilling it first if it is not cached yet."""
    src = model_path or default_model_path()
    target = cache_dir() / f"static-{MODEL_ID}-{_source_key(src)}"
    if (target / "config.json").exists():
        return target
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from model2vec.distill import distill
    from transformers.utils import logging as hf_logging

    log.info("distilling static embeddings from %s (once, a few minutes on a CPU)", src)
    hf_logging.set_verbosity_error()
    quiet = os.environ.get("TQDM_DISABLE")
    os.environ["TQDM_DISABLE"] = "1"  # the library never prints; the CLI owns progress
    try:
        model = distill(model_name=src, pca_dims=None)
    finally:
        if quiet is None:
            os.environ.pop("TQDM_DISABLE", None)
        else:
            os.environ["TQDM_DISABLE"] = quiet
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".distill-", dir=target.parent))
    model.save_pretrained(str(tmp))
    try:
        tmp.rename(target)  # atomic: a concurrent distiller's copy wins, ours is dropped
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


@lru_cache(maxsize=2)
def _load_static(path: str) -> tuple[Any, np.ndarray]:
    """The static model and its centre: the mean vector of a fixed reference text set.

    Mean-pooled static vectors share a large common direction (any two sentences are
    ~0.7 cosine-similar), which would merge every theme at MiniLM's thresholds.
    Subtracting the mean over the packaged journey-stage examples (fixed data shipped
    with voc, not the user's labels) restores a MiniLM-like spread of similarities.
    """
    from model2vec import StaticModel

    from voc.labels import load_stages

    model = StaticModel.from_pretrained(path)
    ref = [x for stage in load_stages(None).stages for x in stage.examples]
    vecs = unit(np.asarray(model.encode(ref, show_progress_bar=False), dtype=np.float32))
    return model, vecs.mean(axis=0)


class StaticEmbedder:
    """``encode(texts) -> (n, 384) float32`` unit vectors from the distilled static model."""

    model_id = STATIC_MODEL_ID
    precision_ = "static"

    def __init__(self, model_path: str | None = None, batch_size: int = 4096) -> None:
        self.model_path = model_path
        self.batch_size = batch_size

    @property
    def model_(self) -> Any:
        return _load_static(str(static_model_path(self.model_path)))[0]

    @property
    def center_(self) -> np.ndarray:
        return _load_static(str(static_model_path(self.model_path)))[1]

    def encode(
        self, texts: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> np.ndarray:
        """Embed ``texts`` in input order; ``progress(n)`` after each batch."""
        n = len(texts)
        out = np.zeros((n, DIM), dtype=np.float32)
        if n == 0:
            return out
        model, center = self.model_, self.center_
        for start in range(0, n, self.batch_size):
            batch = list(texts[start : start + self.batch_size])
            vecs = np.asarray(model.encode(batch, show_progress_bar=False), dtype=np.float32)
            out[start : start + len(batch)] = unit(unit(vecs) - center)
            if progress is not None:
                progress(len(batch))
        return out

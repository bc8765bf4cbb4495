"""Embedding paths: the automatic choice, its per-machine cache, ONNX Runtime, de-duplication."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from voc import embed_precision as ep
from voc.embed import (
    PAD_TO,
    PROBE,
    Embedder,
    bucket_batches,
    choose_precision,
    default_model_path,
    has_fast_bf16,
    onnx_available,
)
from voc.errors import ConfigError


def _unit(rows: list[list[float]]) -> np.ndarray:
    a = np.asarray(rows, dtype=np.float32)
    return a / np.linalg.norm(a, axis=1, keepdims=True)


def _fixed(vectors: np.ndarray):  # an encoder that ignores its texts
    return lambda texts: vectors[: len(texts)]


def test_probe_cosine_is_the_worst_row() -> None:
    ref = _unit([[1, 0], [0, 1]])
    other = _unit([[1, 0], [1, 1]])  # second row 45 degrees off
    assert ep.probe_cosine(ref, other) == pytest.approx(np.sqrt(0.5), abs=1e-6)
    assert ep.probe_cosine(ref, 3 * ref) == pytest.approx(1.0)  # scale does not matter


def test_decide_takes_the_first_variant_within_the_threshold() -> None:
    n = len(PROBE)
    ref = np.tile(_unit([[1, 0, 0]]), (n, 1))
    close = np.tile(_unit([[1, 0.05, 0]]), (n, 1))  # cosine 0.9988
    far = ref.copy()
    far[3] = _unit([[1, 1, 0]])[0]  # one probe text off by 45 degrees is enough to refuse

    def broken(texts: list[str]) -> np.ndarray:
        raise RuntimeError("no kernel")

    choice, why = ep.decide(
        {"float32": _fixed(ref), "int8": _fixed(far), "bfloat16": broken, "onnx": _fixed(close)}
    )
    assert choice == "onnx"
    assert "int8 probe cosine 0.7071 < 0.99" in why and "bfloat16 failed" in why
    choice, why = ep.decide({"float32": _fixed(ref), "int8": _fixed(far)})
    assert choice == "float32" and "int8 probe cosine" in why


def test_decision_is_cached_per_machine_and_model(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("VOC_CACHE_DIR", str(tmp_path))
    calls: list[int] = []

    def probe() -> tuple[str, str]:
        calls.append(1)
        return "onnx", "onnx probe cosine 1.0000"

    model = default_model_path()
    assert ep.cached_decision(model, probe) == ("onnx", "onnx probe cosine 1.0000")
    precision, why = ep.cached_decision(model, probe)
    assert (precision, len(calls)) == ("onnx", 1) and why.endswith("(cached decision)")
    path = ep.decision_path(model)
    assert path.parent == tmp_path and ep.machine_key() in path.name
    assert ep.model_key(model) in path.name
    # an unreadable or outdated decision is probed again, never trusted
    path.write_text("{not json", encoding="utf-8")
    assert ep.cached_decision(model, probe)[0] == "onnx" and len(calls) == 2
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**data, "version": ep.DECISION_VERSION - 1}), encoding="utf-8")
    ep.cached_decision(model, probe)
    assert len(calls) == 3


def test_forced_precision(monkeypatch: pytest.MonkeyPatch) -> None:
    choose_precision.cache_clear()
    monkeypatch.setenv("VOC_PRECISION", "float32")
    assert choose_precision(default_model_path()) == ("float32", "set by VOC_PRECISION")
    choose_precision.cache_clear()
    monkeypatch.setenv("VOC_PRECISION", "fp4")
    with pytest.raises(ConfigError, match="VOC_PRECISION"):
        choose_precision(default_model_path())
    choose_precision.cache_clear()


def test_embed_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    from voc.embed import torch_threads

    monkeypatch.delenv("VOC_EMBED_THREADS", raising=False)
    assert torch_threads() >= 1
    monkeypatch.setenv("VOC_EMBED_THREADS", "1")
    assert torch_threads() == 1
    monkeypatch.setenv("VOC_EMBED_THREADS", "zero")
    with pytest.raises(ConfigError, match="VOC_EMBED_THREADS"):
        torch_threads()


def test_duplicates_are_embedded_once_and_order_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    emb = Embedder(precision="float32", batch_size=2)
    seen: list[list[str]] = []
    model = emb.model_
    real = model.encode

    def spy(texts: list[str], **kw: object) -> np.ndarray:
        seen.append(list(texts))
        return real(texts, **kw)

    monkeypatch.setattr(model, "encode", spy)
    texts = ["The refund never came.", "ok", "The refund never came.", "Login fails.", "ok"]
    steps: list[int] = []
    vecs = emb.encode(texts, progress=steps.append)
    # each distinct text in one batch (a small batch is filled with repeats of its own texts)
    assert sorted({t for b in seen for t in b}) == sorted(set(texts))
    assert all(sum(t in b for b in seen) == 1 for t in set(texts))
    assert sum(steps) == len(texts)
    assert np.array_equal(vecs[0], vecs[2]) and np.array_equal(vecs[1], vecs[4])
    single = real(["Login fails."], normalize_embeddings=True, convert_to_numpy=True)[0]
    assert float(vecs[3] @ single) > 0.9999
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)


def test_batches_hold_one_length_bucket() -> None:
    lengths = [40, 9, 17, 16, 33, 10, 32, 12]
    batches = bucket_batches(lengths, batch_size=2)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for b in batches:
        assert len(b) <= 2
        assert len({-(-lengths[i] // PAD_TO) for i in b}) == 1  # one bucket per batch
    assert [lengths[i] for b in batches for i in b] == sorted(lengths)


@pytest.mark.skipif(not has_fast_bf16(), reason="no bfloat16 on this CPU")
def test_a_bfloat16_vector_does_not_depend_on_its_batch() -> None:
    """Under bfloat16 a text embedded alone, beside a much longer text, or among many gets
    the same vector (padded to its own bucket, never to a neighbour's length: that moved it
    by up to 1e-3), so a run split into other chunks, or finding some vectors cached, gives
    the same vectors. (float32 moves by about 1e-7 with the batch, bucketed or not.)"""
    emb = Embedder(precision="bfloat16")
    text = (
        "Transactions from Wells Fargo stopped importing on the 14th and nothing has come "
        "through since."
    )
    long = (
        "Every time I open the app it says my Monzo connection needs to be re-authorised, and "
        "then the re-authorisation fails anyway, so I gave up on it after a week of trying."
    )
    alone = emb.encode([text])[0]
    for batch in ([long, text], ["ok", "no", text], [long, "ok", *PROBE[:12], text]):
        assert np.array_equal(emb.encode(batch)[-1], alone), batch


def test_chosen_default_path_stays_within_099_of_float32() -> None:
    """Whatever ``auto`` picks on this machine (cached decision), the probe set holds."""
    choose_precision.cache_clear()
    precision = Embedder(precision="auto").precision_
    texts = list(PROBE)
    ref = Embedder(precision="float32").encode(texts)
    got = Embedder(precision=precision).encode(texts)
    assert float((ref * got).sum(axis=1).min()) >= 0.99, precision


@pytest.mark.skipif(not onnx_available(), reason="onnxruntime not installed")
def test_onnx_matches_float32_and_is_deterministic() -> None:
    texts = [*PROBE, "Where is my parcel?", "Where is my parcel?"]
    onnx = Embedder(precision="onnx")
    assert onnx.model_id == "all-MiniLM-L6-v2@onnx"
    a = onnx.encode(texts)
    b = onnx.encode(texts)
    assert np.array_equal(a, b)
    ref = Embedder(precision="float32").encode(texts)
    assert float((ref * a).sum(axis=1).min()) > 0.9999
    assert a.shape == (len(texts), 384) and a.dtype == np.float32


@pytest.mark.skipif(not onnx_available(), reason="onnxruntime not installed")
def test_onnx_graph_is_fused_and_the_torch_model_untouched() -> None:
    import onnx
    from sentence_transformers import SentenceTransformer

    from voc.embed import _load
    from voc.embed_onnx import model_file

    path = default_model_path()
    model_file(path)  # exported in this process when not cached yet
    attn = SentenceTransformer(path, device="cpu")[0].auto_model.config._attn_implementation
    graph = onnx.load(str(model_file(path)), load_external_data=False).graph
    ops = {node.op_type for node in graph.node}
    assert {"Attention", "SkipLayerNormalization"} <= ops  # the optimizer's fused kernels
    assert _load(path)[0].auto_model.config._attn_implementation == attn  # restored after export

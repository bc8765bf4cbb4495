"""all-MiniLM-L6-v2 on ONNX Runtime: exported once from the local weights, cached on disk.

The graph holds the transformer, the mask-weighted mean pooling and the L2
normalisation of the sentence-transformers model, so one ``run`` gives the
sentence vectors. The export is offline
(``torch.onnx.export`` of the loaded model, then ONNX Runtime's transformer
optimizer fuses attention, GELU and skip+LayerNorm) and lands in
``cache_dir()/onnx-<model>-<key>/model.onnx``; a concurrent exporter writes its
own temporary file and the last rename wins, so workers never read a half-written
graph.

An int8 copy (:func:`quantized_file`) is made from that graph at first use, also offline,
and cached beside it: dynamic quantization of the encoder layers' MatMul nodes only (not the
embeddings, the fused attention or LayerNorm), per-channel weight scales in a 7-bit range.
Per-tensor U8S8 weights saturate the AVX2 int8 kernels of CPUs without VNNI (the
``vpmaddubsw`` pair sums overflow int16) and drop short texts to 0.8 cosine of float32; with
this recipe the mean cosine on airline tweets is 0.99 (docs/benchmarks.md, part N).
"""

from __future__ import annotations

import logging
import os
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

INPUTS = ("input_ids", "attention_mask", "token_type_ids")
OPSET = 17
#: Token budget of one ONNX Runtime run, per row of the nominal batch size (64 rows of 64
#: tokens by default), and the most rows a run takes, in nominal batches.
TOKENS_PER_ROW = 64
MAX_ROWS_X = 4
#: Bump when the exported graph changes, so cached graphs of an older export are not reused.
GRAPH_VERSION = 2


def _check_pipeline(st_model: Any) -> None:
    """Refuse a sentence-transformers model whose pooling this export does not reproduce."""
    from voc.errors import ConfigError

    names = [type(m).__name__ for m in st_model]
    pooling = st_model[1] if len(st_model) > 1 else None
    mean = getattr(pooling, "pooling_mode", None) == "mean" or bool(
        getattr(pooling, "pooling_mode_mean_tokens", False)  # sentence-transformers < 6
    )
    if names[:2] != ["Transformer", "Pooling"] or not mean or len(names) > 3:
        raise ConfigError(f"ONNX export supports Transformer+mean Pooling(+Normalize), got {names}")


def export(st_model: Any, target: Path) -> Path:
    """Write the ONNX graph of ``st_model`` (transformer + mean pooling + normalise) to target."""
    import torch

    _check_pipeline(st_model)
    bert = st_model[0].auto_model.eval()

    class Sentence(torch.nn.Module):
        def __init__(self, encoder: Any) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, ids: Any, mask: Any, types: Any) -> Any:
            h = self.encoder(input_ids=ids, attention_mask=mask, token_type_ids=types)
            h = h.last_hidden_state
            m = mask.unsqueeze(-1).to(h.dtype)
            v = (h * m).sum(dim=1) / m.sum(dim=1).clamp(min=1e-9)
            return torch.nn.functional.normalize(v, p=2.0, dim=1)

    enc = st_model.tokenizer(
        ["a short one", "and a slightly longer example"], padding=True, return_tensors="pt"
    )
    args = tuple(enc[k] for k in INPUTS)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{target.stem}.{os.getpid()}.tmp.onnx")
    # Traced with eager attention: ONNX Runtime's optimizer fuses that pattern into one
    # Attention kernel per layer (it does not recognise the SDPA trace).
    attn = getattr(bert.config, "_attn_implementation", None)
    eager = hasattr(bert, "set_attn_implementation") and attn not in (None, "eager")
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        if eager:
            bert.set_attn_implementation("eager")
        try:
            _trace(Sentence(bert), args, tmp)
        finally:
            if eager:
                bert.set_attn_implementation(attn)
    _optimize(tmp, bert.config)
    tmp.replace(target)
    return target


def _trace(module: Any, args: tuple[Any, ...], path: Path) -> None:
    import torch

    torch.onnx.export(
        module,
        args,
        str(path),
        input_names=list(INPUTS),
        output_names=["sentence_embedding"],
        dynamic_axes={
            **{k: {0: "batch", 1: "tokens"} for k in INPUTS},
            "sentence_embedding": {0: "batch"},
        },
        opset_version=OPSET,
        dynamo=False,
    )


def _optimize(path: Path, config: Any) -> None:
    """Fuse attention, GELU and LayerNorm with ONNX Runtime's transformer optimizer, in place.

    Same arithmetic in fewer kernels; an optimizer failure keeps the plain graph.
    """
    try:
        from onnxruntime.transformers import optimizer

        opt = optimizer.optimize_model(
            str(path),
            model_type="bert",
            num_heads=int(config.num_attention_heads),
            hidden_size=int(config.hidden_size),
            opt_level=1,
        )
        opt.save_model_to_file(str(path))
    except Exception as exc:  # pragma: no cover - depends on onnxruntime's version
        log.warning("ONNX graph not optimised (%s); using the plain export", exc)


#: Bump when the int8 recipe changes, so an older quantized graph is not reused.
QUANT_VERSION = 1


def quantize(src: Path, target: Path) -> Path:
    """Write the int8 graph of the float32 graph ``src`` to ``target`` (atomic rename)."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    graph = onnx.load(str(src), load_external_data=False).graph
    matmuls = [n.name for n in graph.node if n.op_type == "MatMul" and "/layer." in n.name]
    tmp = target.with_name(f"{target.stem}.{os.getpid()}.tmp.onnx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        logging.getLogger().disabled, was = True, logging.getLogger().disabled
        try:  # the quantizer logs advice about pre-processing on the root logger
            quantize_dynamic(
                str(src),
                str(tmp),
                op_types_to_quantize=["MatMul"],
                nodes_to_quantize=matmuls,
                per_channel=True,
                reduce_range=True,
                weight_type=QuantType.QInt8,
                extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
            )
        finally:
            logging.getLogger().disabled = was
    tmp.replace(target)
    return target


def quantized_file(model_path: str, rebuild: bool = False) -> Path:
    """The cached int8 graph of the model at ``model_path``, quantized from
    :func:`model_file` on first use (or again with ``rebuild``)."""
    src = model_file(model_path)
    target = src.with_name(f"model-int8-q{QUANT_VERSION}.onnx")
    if rebuild or not target.is_file():
        log.info("quantizing %s to int8 (once) at %s", src, target)
        quantize(src, target)
    return target


def _session(path: Path, threads: int) -> Any:
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.log_severity_level = 3
    return ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])


def model_file(model_path: str) -> Path:
    """The cached ONNX graph of the model at ``model_path`` (exported on first use)."""
    from voc.embed import MODEL_ID, _load, cache_dir
    from voc.embed_precision import model_key

    key = f"{model_key(model_path)}-g{GRAPH_VERSION}"
    target = cache_dir() / f"onnx-{MODEL_ID}-{key}" / "model.onnx"
    if not target.is_file():
        log.info("exporting %s to ONNX (once) at %s", model_path, target)
        export(_load(model_path), target)
    return target


@lru_cache(maxsize=4)
def session(model_path: str, threads: int, int8: bool = False) -> Any:
    """One ONNX Runtime session per process, model, thread count and precision.

    A cached int8 graph that ONNX Runtime cannot load (a truncated or corrupt file) is
    quantized again, with a warning naming the file, instead of failing the run."""
    if not int8:
        return _session(model_file(model_path), threads)
    path = quantized_file(model_path)
    try:
        return _session(path, threads)
    except Exception as exc:  # onnxruntime raises its own (Fail, InvalidProtobuf, ...)
        log.warning("int8 ONNX graph %s unreadable (%s); quantizing it again", path, exc)
        return _session(quantized_file(model_path, rebuild=True), threads)


class OnnxSentenceModel:
    """``encode(texts) -> (n, 384)`` unit vectors like ``SentenceTransformer.encode``."""

    def __init__(self, model_path: str, threads: int, int8: bool = False) -> None:
        from voc.embed_tokenizer import fast_tokenizer

        self.session_ = session(model_path, threads, int8)
        tok = fast_tokenizer(model_path)  # no torch/transformers import when the graph is cached
        if tok is None:
            from voc.embed import _load

            st = _load(model_path)
            self.tokenizer: Any = st.tokenizer
            self.max_length = int(st.max_seq_length)
        else:
            self.tokenizer, self.max_length = tok, tok.max_length

    def batches(self, texts: list[str], batch_size: int = 64) -> list[list[int]]:
        """Indices of ``texts`` in batches for :meth:`encode`: sorted by token count, each
        batch holding at most ``TOKENS_PER_ROW * batch_size`` tokens (rows times its longest
        text, padding included) and ``MAX_ROWS_X * batch_size`` rows, so short statements
        go in large batches (fewer runs) and long ones in small (little padding)."""
        if not hasattr(self.tokenizer, "lengths"):  # the model's own tokenizer: fixed batches
            order = sorted(range(len(texts)), key=lambda i: (len(texts[i]), i))
            return [order[a : a + batch_size] for a in range(0, len(order), batch_size)]
        lengths = self.tokenizer.lengths(texts)
        order = np.argsort(lengths, kind="stable").tolist()
        budget, max_rows = TOKENS_PER_ROW * batch_size, MAX_ROWS_X * batch_size
        out: list[list[int]] = []
        cur: list[int] = []
        for i in order:
            if cur and ((len(cur) + 1) * int(lengths[i]) > budget or len(cur) >= max_rows):
                out.append(cur)
                cur = []
            cur.append(i)
        if cur:
            out.append(cur)
        return out

    def encode(self, texts: list[str], batch_size: int = 64, **_: Any) -> np.ndarray:
        """Vectors of ``texts`` in order, ``batch_size`` texts per run (extra options ignored)."""
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for start in range(0, len(texts), batch_size):
            batch = texts[start : start + batch_size]
            enc = self.tokenizer(
                batch,
                padding=True,
                truncation=True,
                max_length=self.max_length,
                return_tensors="np",
            )
            feed = {k: np.asarray(enc[k], dtype=np.int64) for k in INPUTS}
            out[start : start + len(batch)] = self.session_.run(None, feed)[0]
        return out

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
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import chain
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
            out[start : start + len(batch)] = unit(unit(pool(model, batch)) - center)
            if progress is not None:
                progress(len(batch))
        return out


#: Characters that Python's ``str.split`` and the BERT normalizer treat differently (one
#: splits on them, the other deletes them): a text holding one is tokenized whole.
_ODD_SPACE = re.compile("[\x0b\x0c\x1c-\x1f\x85]")
#: Whitespace-separated words whose token ids are remembered (then the memory starts over).
WORD_CACHE = 200_000


class WordTokens:
    """Token ids of texts, word by word: each distinct word is tokenized once.

    BERT's normalizer, pre-tokenizer and WordPiece see a whitespace-separated word the same
    way alone as inside its sentence (lower-casing, accents, punctuation splits and word
    pieces never cross white space), so a text's ids are its words' ids one after another,
    cut at the tokenizer's truncation length. Support text repeats its words ("the", "app",
    "refund") far more than its sentences, so most words are looked up, not tokenized.
    """

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        trunc = tokenizer.truncation
        self.max_tokens: int | None = None if trunc is None else int(trunc["max_length"])
        self.words: dict[str, list[int]] = {}

    def _encode(self, texts: list[str]) -> list[list[int]]:
        return [e.ids for e in self.tokenizer.encode_batch_fast(texts, add_special_tokens=False)]

    def ids(self, texts: list[str]) -> list[list[int]]:
        """Token ids of each text, as ``tokenizer.encode_batch_fast(texts,
        add_special_tokens=False)`` gives them."""
        words = self.words
        odd = [i for i, t in enumerate(texts) if _ODD_SPACE.search(t)]
        split = [t.split() for t in texts]
        new = {w for ws in split for w in ws if w not in words}
        if len(words) + len(new) > WORD_CACHE:
            words.clear()
            new = {w for ws in split for w in ws}
        if new:
            todo = sorted(new)
            words.update(zip(todo, self._encode(todo), strict=True))
        get, cut = words.__getitem__, self.max_tokens
        out = [list(chain.from_iterable(map(get, ws)))[:cut] for ws in split]
        if odd:
            for i, got in zip(odd, self._encode([texts[i] for i in odd]), strict=True):
                out[i] = got
        return out


@lru_cache(maxsize=2)
def _tokens(model: Any) -> WordTokens:
    return WordTokens(model.tokenizer)


@lru_cache(maxsize=2)
def _table(model: Any) -> np.ndarray:
    """The model's token vectors in float32 (the sums are taken in float32, as model2vec's are)."""
    return np.ascontiguousarray(model.embedding, dtype=np.float32)


def pool(model: Any, texts: list[str]) -> np.ndarray:
    """``model.encode(texts)`` of a model2vec ``StaticModel``, computed faster (float32 out).

    model2vec gathers an (n, tokens, 384) block and averages it per length bucket; here
    one sparse (texts x vocabulary) matrix of token weights times the token table does
    the same sums in one pass, after the same truncation, tokenization, unknown-token
    removal and float16 rounding. Vectors match model2vec's to float16 precision.
    """
    import scipy.sparse as sp

    emb = _table(model)
    if model.max_length is not None:
        cut = model.max_length * model.median_token_length
        texts = [t[:cut] for t in texts]
    ids = _tokens(model).ids(texts)
    lengths = np.fromiter(map(len, ids), np.int64, len(ids))
    flat = np.fromiter(chain.from_iterable(ids), np.int64, int(lengths.sum()))
    if model.unk_token_id is not None:  # word-level vocabularies: unknown words are left out
        row = np.repeat(np.arange(len(ids)), lengths)
        keep = flat != model.unk_token_id
        flat, lengths = flat[keep], np.bincount(row[keep], minlength=len(ids))
    weight = np.repeat(1.0 / np.maximum(lengths, 1), lengths).astype(np.float32)
    if model.weights is not None:
        weight *= np.asarray(model.weights, np.float32)[flat]
    cols = flat if model.token_mapping is None else np.asarray(model.token_mapping)[flat]
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    M = sp.csr_matrix((weight, cols, indptr), shape=(len(ids), len(emb)))
    dtype = np.float32 if model.embedding.dtype == np.int8 else model.embedding.dtype
    out = np.asarray(M @ emb).astype(dtype)
    if model.normalize:
        out32 = out.astype(np.float32)
        out = (out32 / (np.linalg.norm(out32, axis=1, keepdims=True) + 1e-32)).astype(dtype)
    return out.astype(np.float32)

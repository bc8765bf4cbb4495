"""The model's fast tokenizer read straight from ``tokenizer.json`` (no torch, no transformers).

The ONNX Runtime path needs only token ids; loading a whole ``SentenceTransformer`` to
get them imported torch, transformers and sentence-transformers (about 10 s of a
re-run's start-up under load). :class:`FastTokenizer` gives the same ids, attention mask
and token type ids as the model's Hugging Face fast tokenizer called with
``padding=True, truncation=True, max_length=max_seq_length`` (checked in
``tests/test_caches.py``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

DEFAULT_MAX_LENGTH = 256


def max_seq_length(model_path: str) -> int:
    """``max_seq_length`` of a sentence-transformers folder (its ``sentence_bert_config.json``)."""
    cfg = Path(model_path) / "sentence_bert_config.json"
    try:
        return int(json.loads(cfg.read_text(encoding="utf-8"))["max_seq_length"])
    except (OSError, ValueError, KeyError, TypeError):
        return DEFAULT_MAX_LENGTH


class FastTokenizer:
    """``tokenizer(texts) -> {input_ids, attention_mask, token_type_ids}`` as int64 arrays."""

    def __init__(self, model_path: str) -> None:
        from tokenizers import Tokenizer

        self.max_length = max_seq_length(model_path)
        tok = Tokenizer.from_file(str(Path(model_path) / "tokenizer.json"))
        tok.no_padding()
        tok.enable_truncation(max_length=self.max_length)
        pad_id = tok.token_to_id("[PAD]")
        tok.enable_padding(pad_id=0 if pad_id is None else pad_id, pad_token="[PAD]")
        self.tokenizer_ = tok

    def lengths(self, texts: list[str]) -> np.ndarray:
        """Number of tokens of each text, special tokens included, after truncation."""
        enc = self.tokenizer_.encode_batch(list(texts))
        return np.fromiter((sum(e.attention_mask) for e in enc), np.int64, len(enc))

    def __call__(self, texts: list[str], **_: Any) -> dict[str, np.ndarray]:
        enc = self.tokenizer_.encode_batch(list(texts))
        return {
            "input_ids": np.array([e.ids for e in enc], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in enc], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in enc], dtype=np.int64),
        }


@lru_cache(maxsize=4)
def fast_tokenizer(model_path: str) -> FastTokenizer | None:
    """The folder's fast tokenizer, or None when it has no ``tokenizer.json`` (use the slow way)."""
    if not (Path(model_path) / "tokenizer.json").is_file():
        return None
    try:
        return FastTokenizer(model_path)
    except Exception:  # an unreadable tokenizer file: fall back to the model's own tokenizer
        return None

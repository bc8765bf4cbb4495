"""One model's tokenizer used from several threads at once: no ``Already borrowed``.

An :class:`voc.embed.Embedder` encodes batches side by side on threads, and its tokenizer
counts tokens (:func:`voc.embed.token_lengths`) before it does; counting on one thread while
another embedded made the fast tokenizer fail with ``RuntimeError: Already borrowed``."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np

from voc.embed import _load, default_model_path, token_lengths

TEXTS = [
    "my card was declined at the shop again",
    "still waiting for a reply to my email from last week",
    "the app logs me out every time I open the statements page",
    "refund never arrived after the order was cancelled",
    "I was charged twice for the same order and nobody answers the phone",
] * 4


def test_tokenizer_shared_by_threads() -> None:
    model = _load(str(default_model_path()))

    def call(i: int) -> object:
        texts = TEXTS[i % 5 :][: 3 + i % 9]
        if i % 2:
            return token_lengths(model, texts)
        return model.encode(texts, batch_size=8, show_progress_bar=False)

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(call, range(200)))  # re-raises the first failure
    assert len(results) == 200
    vec = model.encode(TEXTS[:1], show_progress_bar=False)
    assert np.allclose(results[0][:1], vec, atol=1e-5)

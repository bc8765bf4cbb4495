"""Fast mode's background MiniLM encoding of friction statements during the map phase."""

from __future__ import annotations

import hashlib
import threading

import numpy as np
import pytest

from voc.reduce_prefetch import SamplePrefetch


class Recorder:
    """A stand-in encoder (a vector per text from its hash) that records each call and the
    thread it ran on."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []
        self.threads: set[str] = set()

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        self.threads.add(threading.current_thread().name)
        rows = [np.frombuffer(hashlib.sha256(t.encode()).digest(), dtype=np.uint8) for t in texts]
        return np.asarray(rows, dtype=np.float32).reshape(len(texts), 32)


def test_prefetched_vectors_are_the_encoders_and_missing_ones_are_encoded_once() -> None:
    enc = Recorder()
    pre = SamplePrefetch(enc, budget=100)
    pre.add(["a", "b", "a"])  # repeats within a chunk are encoded once
    pre.add(["b", "c"])  # and across chunks
    vecs, hit = pre.vectors(["c", "x", "a", "x", "y"])
    assert hit == 2  # "c" and "a" came from the prefetch
    assert enc.calls == [["a", "b"], ["c"], ["x", "y"]]
    assert np.array_equal(vecs, enc(["c", "x", "a", "x", "y"]))
    assert "voc-prefetch" in enc.threads  # the chunks were encoded on the background thread


def test_budget_bounds_the_work_and_keeps_chunks_whole() -> None:
    enc = Recorder()
    pre = SamplePrefetch(enc, budget=4)
    pre.add(["a", "b", "c"])
    pre.add(["d", "e"])  # would pass the budget: not queued, and nothing after it either
    pre.add(["f"])
    pre.close()
    assert enc.calls == [["a", "b", "c"]]
    _, hit = pre.vectors(["a", "f"])
    assert hit == 1 and enc.calls[-1] == ["f"]


def test_same_chunks_give_the_same_calls_whatever_the_timing() -> None:
    chunks = [[f"t{i}-{j}" for j in range(i % 5 + 1)] for i in range(30)]
    runs = []
    for _ in range(2):
        enc = Recorder()
        pre = SamplePrefetch(enc, budget=1000)
        for c in chunks:
            pre.add(c)
        vecs, _ = pre.vectors([t for c in chunks for t in c][::-1])
        runs.append((enc.calls, vecs))
    assert runs[0][0] == runs[1][0] == chunks  # one call per chunk, in chunk order
    assert np.array_equal(runs[0][1], runs[1][1])


def test_an_encoder_error_reaches_the_caller() -> None:
    def broken(texts: list[str]) -> np.ndarray:
        raise RuntimeError("model file missing")

    pre = SamplePrefetch(broken, budget=10)
    pre.add(["a"])
    with pytest.raises(RuntimeError, match="model file missing"):
        pre.vectors(["a"])

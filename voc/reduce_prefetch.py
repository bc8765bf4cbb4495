"""Fast mode: embed friction statements with MiniLM while the map phase still runs.

Fast mode's reduce clusters a sample of friction statements on MiniLM vectors
(:mod:`voc.reduce_sample`). Encoding that sample is most of a small run's reduce, and the
map phase does not use every core all the time (one process maps a small inbox; the
worker pool starts up and drains its last chunks), so :class:`SamplePrefetch` encodes each
written chunk's friction statements on a background thread, up to a budget, and the reduce
takes those vectors instead of encoding the texts again. The budget
(:data:`voc.reduce.FAST_SAMPLE`, the largest sample) bounds the work wasted on a large inbox,
where only a sample of the friction statements is clustered.

Deterministic: each chunk's texts are encoded in one call, in chunk order, whatever the
timing, and the texts the reduce needs that were not prefetched are encoded in one call.
(A resumed run prefetches only its new chunks; other batch compositions can move a vector
by ~1e-8, as ONNX Runtime's float sums depend on the padded batch shape.)
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence

import numpy as np

log = logging.getLogger(__name__)

Encode = Callable[[list[str]], np.ndarray]


class SamplePrefetch:
    """Background MiniLM encoding of friction texts, in submission order, up to ``budget``
    texts; ``warm()`` (loading the model) runs first.

    ``encode`` is called on the background thread only while the prefetch runs, then (for
    texts not prefetched) on the caller's thread by :meth:`vectors`, never on both at once.
    """

    def __init__(
        self, encode: Encode, budget: int, warm: Callable[[], object] | None = None
    ) -> None:
        self.encode = encode
        self.budget = budget
        self.warm = warm  # run first on the thread: load the model while the map starts
        self.submitted = 0  # texts queued so far (distinct within the run)
        self.seconds = 0.0  # encoding time spent on the background thread
        self._seen: set[str] = set()
        self._vecs: dict[str, np.ndarray] = {}
        self._queue: queue.Queue[list[str] | None] = queue.Queue()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="voc-prefetch", daemon=True)
        self._thread.start()

    def add(self, texts: Sequence[str]) -> None:
        """Queue the new distinct ``texts`` of one chunk, while the budget lasts."""
        fresh = [t for t in dict.fromkeys(texts) if t not in self._seen]
        if not fresh or self.submitted + len(fresh) > self.budget:
            if fresh:
                self.submitted = self.budget  # over budget: stop (keeps chunks whole)
            return
        self._seen.update(fresh)
        self.submitted += len(fresh)
        self._queue.put(fresh)

    def _work(self) -> None:
        if self.warm is not None:
            t = time.perf_counter()
            try:
                self.warm()
            except BaseException as exc:  # re-raised on the caller's thread by vectors()
                self._error = exc
            self.seconds += time.perf_counter() - t
        while True:
            texts = self._queue.get()
            if texts is None:
                return
            if self._error is not None:
                continue
            t = time.perf_counter()
            try:
                vecs = np.asarray(self.encode(texts), dtype=np.float32)
            except BaseException as exc:  # re-raised on the caller's thread by vectors()
                self._error = exc
                continue
            self._vecs.update(zip(texts, vecs, strict=True))
            self.seconds += time.perf_counter() - t

    def close(self) -> None:
        """Wait for the queued texts to be encoded and stop the thread."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def vectors(self, texts: Sequence[str]) -> tuple[np.ndarray, int]:
        """(vectors of ``texts`` in order, how many were prefetched): waits for the prefetch,
        then encodes the texts it did not cover in one call."""
        self.close()
        if self._error is not None:
            raise self._error
        missing = [t for t in dict.fromkeys(texts) if t not in self._vecs]
        if missing:
            self._vecs.update(
                zip(missing, np.asarray(self.encode(missing), dtype=np.float32), strict=True)
            )
        gone = set(missing)
        hit = sum(1 for t in texts if t not in gone)
        if not len(texts):
            return np.zeros((0, 0), dtype=np.float32), 0
        return np.stack([self._vecs[t] for t in texts]).astype(np.float32, copy=False), hit

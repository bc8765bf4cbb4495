"""The map phase in several local worker processes (a plain run, no Dask).

Chunks of items go to a pool of ``N`` processes (``forkserver``: a clean process
each, never a fork of a client holding DuckDB threads); each worker loads the models
once (:data:`voc.mapphase._MODELS`) and runs the same pure function as a one-process
run, and the client takes the results back in chunk order, so the workspace written
is identical to a one-process run. A bounded number of chunks is in flight
(two per worker), so memory stays bounded by the chunk size.

``N`` comes from ``--workers`` or ``VOC_WORKERS``; the default is one worker per usable
core that is not busy (cores minus the other threads runnable at this run's priority or
higher, at least 1). With ``N = 1``,
or a run of a single chunk, under :data:`MIN_POOL_ITEMS` items or under
:data:`MIN_POOL_CHARS` characters of text (start-up would cost more than it saves: the
work decides, see :func:`worth_a_pool`), no process is started. The cores' embedding
threads are shared out among the workers (``VOC_EMBED_THREADS``), so ``N`` workers do not
run ``N`` times as many threads; the vectors do not depend on that share (each matmul runs
on one thread, :mod:`voc.embed`), so every ``N`` gives the same workspace in default mode
as in fast mode.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

import pandas as pd

from voc.errors import ConfigError
from voc.mapphase import (
    ChunkResult,
    Lookup,
    MapSpec,
    PreparedChunk,
    finish_chunk,
    in_order,
    map_chunk,
    prepare_chunk,
)

Chunk = tuple[pd.DataFrame, dict[str, list[str]]]

PRELOAD = (
    "voc.mapphase",
    "voc.stepdefs",
    "voc.cache",
    "voc.redact",
    "voc.segment",
    "voc.fast",
    "voc.classify.batch",
    "voc.classify.friction",
)
"""Imported once by the fork server, so each worker starts with them (pandas, scikit-learn,
spaCy: seconds of imports per worker otherwise); none of them imports torch or starts a
thread."""

MIN_POOL_ITEMS = 2000
"""Worker processes start only for a run of at least two chunks and this many items: below
it, their start-up (imports, model loads) costs more than it saves."""


MIN_POOL_CHARS = 1_500_000
"""... and this many characters of item text (the work of the map phase grows with the text,
not with the number of items: 3,050 tweets are 0.3 M characters, 6,000 generated e-mails
1.5 M). Measured on 2 cores, fast mode (docs/benchmarks.md, "Issue 8 part N"): at 3,050
airline tweets one process finished the run 4-5 s before two workers (pool start 3.3 s,
then every worker imports and loads its models again, which the client also needs for the
reduce phase); at 6,000 generated messages (1.5 M characters) both took 48 s; at 12,000
(3.1 M) two workers were 9 s faster. Default mode: 40 s in one process against 54 s with
two workers on the tweets (ONNX already runs on both cores in one process)."""


def head_chars(head: list[tuple[pd.DataFrame, Any]]) -> int:
    """Characters of item text in the chunks read so far."""
    return sum(int(frame["text"].astype(str).str.len().sum()) for frame, _ in head)


def worth_a_pool(head: list[tuple[pd.DataFrame, Any]]) -> bool:
    """Whether the chunks read so far are work enough to pay for starting worker processes:
    at least two chunks, :data:`MIN_POOL_ITEMS` items and :data:`MIN_POOL_CHARS` characters
    of text (a frame without a ``text`` column counts by its items only)."""
    if len(head) < 2 or sum(len(f) for f, _ in head) < MIN_POOL_ITEMS:
        return False
    if MIN_POOL_CHARS <= 0 or any("text" not in f.columns for f, _ in head):
        return True
    return head_chars(head) >= MIN_POOL_CHARS


def usable_cores() -> int:
    """Cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def resolve_workers(workers: int | None) -> int:
    """Worker processes for the map phase: ``workers``, else ``VOC_WORKERS``, else the
    usable cores not busy with other work (:func:`free_cores`).

    ConfigError (exit 2) naming the option when the value is not a positive integer.
    """
    if workers is not None:
        if workers < 1:
            raise ConfigError(f"--workers: expected a positive integer, got {workers}")
        return workers
    env = os.environ.get("VOC_WORKERS", "").strip()
    if env:
        if not env.isdigit() or int(env) < 1:
            raise ConfigError(f"VOC_WORKERS: expected a positive integer, got '{env}'")
        return int(env)
    return free_cores()


def free_cores() -> int:
    """Usable cores not already busy: the cores minus the tasks that compete with this
    process for them right now (:func:`competing_tasks`), at least 1. Where ``/proc`` cannot
    be read, the whole part of the 1-minute load average stands for the busy cores.

    The load average alone is the wrong measure: it lags, counts this run's own start-up
    (an otherwise idle machine read 1.3 at the start of a benchmark, so one core was left
    unused, see docs/benchmarks.md, issue 8 part J) and counts work at a lower priority
    (``nice``), which the scheduler gives way to."""
    cores = usable_cores()
    busy = competing_tasks()
    if busy is None:
        try:
            busy = int(os.getloadavg()[0])
        except OSError:  # pragma: no cover - no load average on this system
            busy = 0
    return max(1, min(cores, cores - busy))


def competing_tasks(samples: int = 2, pause: float = 0.01) -> int | None:
    """Threads of other processes that are running or runnable at this process's priority or
    a higher one (nice value not above ours): the fewest seen in ``samples`` looks at
    ``/proc``, ``pause`` seconds apart (a thread that runs for an instant is not a busy core).
    None when ``/proc`` is not there (not Linux)."""
    if not os.path.isdir("/proc/self/task"):
        return None
    own = os.getpriority(os.PRIO_PROCESS, 0)
    me = os.getpid()
    seen: list[int] = []
    for i in range(max(1, samples)):
        if i:
            time.sleep(pause)
        n = 0
        for proc in os.scandir("/proc"):
            if not proc.name.isdigit() or int(proc.name) == me:
                continue
            try:
                for task in os.scandir(f"/proc/{proc.name}/task"):
                    n += _runnable_at(f"{task.path}/stat", own)
            except OSError:  # the process ended while we looked
                continue
        seen.append(n)
    return min(seen)


def _runnable_at(stat_path: str, nice: int) -> int:
    """1 when the task of ``stat_path`` is running or runnable with a nice value <= ``nice``."""
    try:
        with open(stat_path, "rb") as fh:
            data = fh.read()
    except OSError:
        return 0
    fields = data[data.rfind(b")") + 2 :].split()  # after the command name, which may hold spaces
    # fields[0] is the state (proc(5) field 3), fields[16] the nice value (field 19)
    return int(len(fields) > 16 and fields[0] == b"R" and int(fields[16]) <= nice)


def _init_worker(threads: int) -> None:
    """Runs once in each worker: its share of the cores for embedding (batches side by side)
    and BLAS."""
    os.environ["VOC_EMBED_THREADS"] = str(threads)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(threads)
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=threads)


def _prepare(spec: MapSpec, frame: pd.DataFrame, names: dict[str, list[str]]) -> PreparedChunk:
    return prepare_chunk(spec, frame, names)


class ProcessMapper:
    """Runs :func:`voc.mapphase.map_chunk` over chunks in ``n`` local processes, in order.

    The pool starts once two chunks, :data:`MIN_POOL_ITEMS` items and :data:`MIN_POOL_CHARS`
    characters of text have arrived (:func:`worth_a_pool`): a smaller run is mapped in this
    process, with the same results. With a ``lookup`` (the workspace has cached vectors),
    each chunk makes two trips: the steps before ``embed`` in a worker, the cache lookup
    here, the rest in a worker; without one, a chunk is one task.
    """

    def __init__(
        self, n: int, in_flight_per_worker: int = 2, read_ahead_per_worker: int = 4
    ) -> None:
        self.n = max(1, n)
        self.window = max(2, in_flight_per_worker * self.n)
        # The client reads ahead (up to this many chunks in flight) rather than wait for a
        # result that is not ready: it reads and prepares chunks while the workers start.
        self.cap = max(self.window, read_ahead_per_worker * self.n)
        self.pool_: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self.pool_ is None:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(list(PRELOAD))
            threads = max(1, usable_cores() // self.n)
            self.pool_ = ProcessPoolExecutor(
                self.n, mp_context=ctx, initializer=_init_worker, initargs=(threads,)
            )
        return self.pool_

    def map(
        self, spec: MapSpec, chunks: Iterator[Chunk], lookup: Lookup | None = None
    ) -> Iterator[ChunkResult]:
        """Results of every chunk, in chunk order."""
        it = iter(chunks)
        head: list[Chunk] = []  # chunks read before deciding whether to start processes
        pool_wanted = False
        for chunk in it:
            head.append(chunk)
            if worth_a_pool(head):
                pool_wanted = True
                break
        if self.n == 1 or not pool_wanted:
            # too little to pay for starting processes: all in this one
            for frame, names in itertools.chain(head, it):
                yield map_chunk(spec, frame, names, lookup)
            return
        # Starting the pool blocks for seconds (the fork server imports voc's map modules
        # before it forks a worker): do it on a thread while this one reads further chunks.
        with ThreadPoolExecutor(1) as starter:
            ready = starter.submit(self._start)
            for chunk in it:
                head.append(chunk)
                if ready.done() or len(head) >= self.cap:
                    break
            pool = ready.result()
        prepared: deque[Future[Any]] = deque()  # prepare tasks (with a lookup), in order
        finishing: deque[Future[Any]] = deque()  # tasks giving a ChunkResult, in order

        def submit(chunk: Chunk) -> None:
            frame, names = chunk
            if lookup is None:
                finishing.append(pool.submit(map_chunk, spec, frame, names, None))
            else:
                prepared.append(pool.submit(_prepare, spec, frame, names))

        def advance() -> None:
            assert lookup is not None
            prep: PreparedChunk = prepared.popleft().result()
            cached = lookup(prep.hashes) if prep.hashes else {}
            finishing.append(pool.submit(finish_chunk, spec, prep, cached))

        for chunk in head:
            submit(chunk)
        yield from in_order(it, submit, advance, prepared, finishing, self.window, self.cap)

    def _start(self) -> ProcessPoolExecutor:
        """The pool, with its first worker process started (what takes the time)."""
        pool = self._pool()
        pool.submit(os.getpid).result()
        return pool

    def close(self) -> None:
        if self.pool_ is not None:
            self.pool_.shutdown(wait=True, cancel_futures=True)
            self.pool_ = None

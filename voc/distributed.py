"""The map phase on a Dask distributed cluster (``--cluster tcp://HOST:8786`` or ``local:N``).

What is distributed: the map steps (redact, segment, embed, classify, friction),
two tasks per chunk of items: :func:`voc.mapphase.prepare_chunk` (the steps before
``embed``), then :func:`voc.mapphase.finish_chunk` once the client has looked the
chunk's statement text hashes up in the workspace's vector cache (the prepared chunk
stays on its worker; only the hashes and the cached vectors travel). Each worker process
loads the models once (module-level cache) and keeps them for all its tasks.

What is not: reading the sources (the client reads and chunks them), writing the
workspace (the client writes each finished chunk in one transaction, in chunk
order) and the reduce phase (cluster, name, rank, report run on the client over
the friction statements in the workspace). Results are identical to a local run
with the same seed and chunk size, since every chunk is computed by the same pure
function whatever process runs it.
"""

from __future__ import annotations

import logging
import re
from collections import deque
from collections.abc import Iterator
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
    prepare_chunk,
)

log = logging.getLogger(__name__)

_LOCAL = re.compile(r"^local:(\d+)$")
_REMOTE = re.compile(r"^(tcp|tls|ucx|inproc)://[^\s]+$")


def _hashes(prepared: PreparedChunk) -> list[str]:
    return prepared.hashes


def parse_cluster(value: str) -> tuple[str, int | str]:
    """``("local", n)`` or ``("remote", address)``; ConfigError naming the option if neither."""
    m = _LOCAL.match(value.strip())
    if m:
        n = int(m.group(1))
        if n < 1:
            raise ConfigError(f"--cluster: '{value}': local:N needs N >= 1")
        return "local", n
    if _REMOTE.match(value.strip()):
        return "remote", value.strip()
    raise ConfigError(
        f"--cluster: '{value}' is not a cluster address (use tcp://HOST:8786 or local:N)"
    )


class DaskMapper:
    """Runs map chunks on Dask workers, a bounded number in flight, results in order."""

    def __init__(self, cluster: str, in_flight_per_worker: int = 2) -> None:
        kind, arg = parse_cluster(cluster)
        self.cluster_: Any = None
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - installed as a dependency
            raise ConfigError("--cluster needs the 'distributed' package") from exc
        try:
            if kind == "local":
                self.cluster_ = LocalCluster(
                    n_workers=int(arg),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self.client_ = Client(self.cluster_)
            else:
                self.client_ = Client(str(arg), timeout="10s")
        except OSError as exc:
            self.close()
            raise ConfigError(
                f"--cluster: cannot reach Dask scheduler at {cluster} ({exc})"
            ) from None
        n_workers = max(len(self.client_.scheduler_info().get("workers", {})), 1)
        self.window = max(2, in_flight_per_worker * n_workers)

    def map(
        self,
        spec: MapSpec,
        chunks: Iterator[tuple[pd.DataFrame, dict[str, list[str]]]],
        lookup: Lookup | None = None,
    ) -> Iterator[ChunkResult]:
        """Two tasks per chunk: the steps before ``embed`` (prepare), then, once the client
        has looked the chunk's text hashes up in the vector cache, the rest (finish)."""
        client = self.client_
        spec_f = client.scatter(spec, broadcast=True)
        prepared: deque[Any] = deque()  # prepare futures, in chunk order
        finishing: deque[Any] = deque()  # finish futures, in chunk order

        def advance() -> None:
            prep = prepared.popleft()
            hashes = client.submit(_hashes, prep, pure=False).result()
            cached = lookup(hashes) if lookup is not None and hashes else {}
            finishing.append(client.submit(finish_chunk, spec_f, prep, cached, pure=False))

        def submit(chunk: tuple[pd.DataFrame, dict[str, list[str]]]) -> None:
            frame, names = chunk
            prepared.append(client.submit(prepare_chunk, spec_f, frame, names, pure=False))

        yield from in_order(chunks, submit, advance, prepared, finishing, self.window)

    def close(self) -> None:
        client = getattr(self, "client_", None)
        if client is not None:
            client.close()
        if self.cluster_ is not None:
            self.cluster_.close()

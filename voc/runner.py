"""A run as a streaming map phase and a reduce phase over the workspace.

Map: items are read source by source and cut into chunks; each chunk goes through
the map steps (redact, segment, embed, classify, friction; see
:mod:`voc.mapphase`) and is written to the workspace in one transaction, keyed by
``item_id``. Items already in the workspace (from an earlier or an interrupted
run with the same map configuration) are skipped, so a re-run processes only new
items and a run killed at any point resumes without duplicates or gaps. Memory is
bounded by the chunk size, not the inbox size.

Reduce: cluster, name and rank read the accumulated friction statements and their
vectors back from the workspace (:mod:`voc.reduce`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import pandas as pd

from voc import workspace as ws
from voc.config import Pipeline
from voc.errors import DataError
from voc.fingerprint import SourceFiles
from voc.mapphase import (
    ChunkResult,
    Lookup,
    MapSpec,
    chunked_items,
    items_chunk,
    iter_ingest,
    map_chunk,
    map_signature,
    map_spec,
)
from voc.records import IngestResult, Item, Reject
from voc.redact_handles import KEEP_HANDLES_KEY, RunHandles
from voc.state import Progress, RunContext

log = logging.getLogger(__name__)


@dataclass
class RunOptions:
    """How to run (not what to compute): speed and scale switches.

    ``fast``: static embeddings (overrides nothing when the pipeline sets ``fast``).
    ``cluster``: ``None`` (in process), ``local:N`` or ``tcp://host:port`` (Dask).
    ``refit``: re-cluster all friction statements instead of keeping existing themes.
    ``chunk_size``: items per map chunk (default: the pipeline's ``chunk_size``).
    ``workers``: local map processes without a cluster (default: ``VOC_WORKERS``, else one
    per core; 1: in this process), see :mod:`voc.workers`.
    """

    fast: bool = False
    cluster: str | None = None
    refit: bool = False
    chunk_size: int | None = None
    workers: int | None = None


@dataclass
class MapOutcome:
    """What the map phase did."""

    counts: dict[str, dict[str, int]]
    rejects: list[Reject]
    notes: list[str]
    n_new: int
    n_removed: int
    precision: str
    model_id: str
    cache_hits: int = 0


class Mapper(Protocol):
    """Runs :func:`map_chunk` over chunks; yields results in chunk order.

    ``lookup(hashes)`` is called on the client with each chunk's statement text hashes
    before the chunk is embedded, and returns the vectors found in the workspace cache.
    """

    def map(
        self,
        spec: MapSpec,
        chunks: Iterator[tuple[pd.DataFrame, dict[str, list[str]]]],
        lookup: Lookup | None = None,
    ) -> Iterator[ChunkResult]: ...

    def close(self) -> None: ...


class LocalMapper:
    """The map phase in this process."""

    def map(
        self,
        spec: MapSpec,
        chunks: Iterator[tuple[pd.DataFrame, dict[str, list[str]]]],
        lookup: Lookup | None = None,
    ) -> Iterator[ChunkResult]:
        for frame, names in chunks:
            yield map_chunk(spec, frame, names, lookup)

    def close(self) -> None:
        pass


def make_mapper(cluster: str | None, workers: int | None = None) -> Mapper:
    """Local worker processes (or this process when there is one), or a Dask mapper for
    ``local:N`` / ``tcp://...``."""
    if not cluster:
        from voc.workers import ProcessMapper, resolve_workers

        n = resolve_workers(workers)
        return LocalMapper() if n == 1 else ProcessMapper(n)
    from voc.distributed import DaskMapper

    return DaskMapper(cluster)


def count_records(analysed: dict[str, int], rejects: list[Reject]) -> dict[str, dict[str, int]]:
    """read / analysed / rejected per source kind, plus a total."""
    counts: dict[str, dict[str, int]] = {}
    for k, n in analysed.items():
        counts.setdefault(k, {"read": 0, "analysed": 0, "rejected": 0})["analysed"] += n
    for r in rejects:
        kind = r.source_kind or "unknown"
        counts.setdefault(kind, {"read": 0, "analysed": 0, "rejected": 0})["rejected"] += 1
    for c in counts.values():
        c["read"] = c["analysed"] + c["rejected"]
    total = {k: sum(c[k] for c in counts.values()) for k in ("read", "analysed", "rejected")}
    out = {k: counts[k] for k in sorted(counts)}
    out["total"] = total
    return out


def resolve_embedder(fast: bool) -> tuple[str, str]:
    """(model id, precision) of this run's embeddings, decided once on the client."""
    from voc.embed import get_embedder

    emb = get_embedder(fast=fast, precision="auto")
    return str(emb.model_id), str(getattr(emb, "precision_", "static"))


def ingest_signature(pipeline: Pipeline) -> str:
    """Hash of what decides which records become items: sources, kinds and their options."""
    blob = json.dumps(
        [[s.paths, s.kind, s.options.model_dump(mode="json")] for s in pipeline.sources],
        sort_keys=True,
        default=str,
    )
    return hashlib.sha1(blob.encode()).hexdigest()[:16]


def run_map(
    con: Any,
    pipeline: Pipeline,
    options: RunOptions,
    progress: Progress,
    timings: dict[str, float],
) -> MapOutcome:
    """Stream every source through the map steps into the workspace.

    Items already in the workspace are skipped before any heavy work (their final
    ingest checks too, when the sources' options have not changed); models load only
    when the first new chunk is mapped.
    """
    fast = options.fast or pipeline.fast
    model_id, precision = resolve_embedder(fast)
    spec = map_spec(pipeline, fast=fast, precision=precision)
    signature = map_signature(spec, model_id)
    notes: list[str] = []
    same_map = ws.get_meta(con, "map_signature") in (None, signature)
    sources_sig = ingest_signature(pipeline)
    same_sources = ws.get_meta(con, "ingest_signature") == sources_sig
    # Files unchanged since the last complete run are not read (voc.fingerprint). When the
    # analysis is cleared or the sources changed, the old fingerprints go first, so a run
    # killed before it records new ones cannot make the next run skip files it never redid.
    files = SourceFiles.load(con, enabled=same_sources and same_map)
    if not files.recorded:
        files.forget(con)
    if not same_map:
        if ws.item_ids(con):
            notes.append("map configuration changed since the last run: all items re-analysed")
        ws.clear_analysis(con)
    ws.set_meta(con, "map_signature", signature)
    done = ws.item_ids(con)
    ws.set_meta(con, "ingest_signature", sources_sig)
    n_cached = ws.snapshot_vector_cache(con, model_id)
    seen: set[str] = set()
    rejects: list[Reject] = []
    analysed: dict[str, int] = {}
    chunk_size = options.chunk_size or pipeline.chunk_size
    known = done if same_sources else set()
    files.done = done  # a changed file's items are taken out of it (re-analysed)
    if not done:
        files.recorded.clear()  # nothing in the workspace to keep: read everything
    read_files: list[Path] = []

    def on_read(n: int) -> None:
        progress("ingest", n, 0)  # total unknown while the sources stream

    def skip_file(path: Path) -> bool:
        if files.unchanged(path):
            return True
        files.changed(path)
        read_files.append(path)
        return False

    results = iter_ingest(pipeline, known, skip_file, files)
    # @handles kept or redacted by counts over the whole run, not per chunk
    handles = RunHandles() if any(n == "redact" for n, _ in spec.steps) else None
    chunks = chunked_items(
        _with_skipped(con, files, results, seen, analysed, rejects, notes),
        chunk_size,
        done,
        seen,
        rejects,
        notes,
        analysed,
        on_read=on_read,
        handles=handles,
    )
    queued = 0
    n_new = 0
    hits = 0
    t = time.perf_counter()

    def frames() -> Iterator[tuple[pd.DataFrame, dict[str, list[str]]]]:
        nonlocal queued
        for batch in chunks:
            queued += len(batch)
            frame, names = _frame(batch)
            if handles is not None:  # decided for every handle of this chunk's items
                names[KEEP_HANDLES_KEY] = handles.kept()
            yield frame, names

    def lookup(hashes: list[str]) -> dict[str, np.ndarray]:
        return ws.lookup_vectors(con, model_id, hashes)

    mapper = make_mapper(options.cluster, options.workers)
    try:  # no cache to look in: a chunk is mapped in one go (one trip to a worker)
        for res in mapper.map(spec, frames(), lookup if n_cached else None):
            ws.write_chunk(con, res.items, res.statements, res.vectors, res.model_id)
            n_new += len(res.items)
            hits += res.cache_hits
            log.info("chunk written: %d items (%d in this run)", len(res.items), n_new)
            progress("map", len(res.items), max(queued, n_new, 1))
    finally:
        mapper.close()
    n_read = sum(analysed.values()) + len(rejects)
    progress("ingest", 0, max(n_read, 1))  # the final total, now known
    progress("map", 0, max(n_new, 1))
    timings["map"] = round(time.perf_counter() - t, 3)
    removed = ws.delete_items(con, seen)
    if removed:
        notes.append(f"{removed} items no longer in the sources were removed from the workspace")
    rej = pd.DataFrame([r.__dict__ for r in rejects], columns=list(ws.TABLES["rejects"]))
    ws.write_tables(con, replace={"rejects": rej})
    files.record(con, read_files)  # last: only a complete map phase vouches for the files
    counts = count_records(analysed, rejects)
    return MapOutcome(counts, rejects, notes, n_new, removed, precision, model_id, hits)


def _frame(batch: list[tuple[int, Item]]) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    return items_chunk(batch)


def _with_skipped(
    con: Any,
    files: SourceFiles,
    results: Iterator[IngestResult],
    seen: set[str],
    analysed: dict[str, int],
    rejects: list[Reject],
    notes: list[str],
) -> Iterator[IngestResult]:
    """Pass the ingest results on; once the sources are read, count the items of the
    files that were skipped as unchanged (kept, analysed earlier) and carry their rejects."""
    yield from results
    items, carried = files.carried_files(con)
    for iid, kind in zip(items["item_id"], items["source_kind"], strict=True):
        if iid in seen:
            continue  # also read from a changed file this run: counted there
        seen.add(iid)
        analysed[kind] = analysed.get(kind, 0) + 1
    rejects.extend(carried)
    if files.appended:
        notes.append(
            f"{len(files.appended)} source file(s) only grew: only their new rows were read"
        )
    if files.skipped:
        notes.append(
            f"{len(files.skipped)} unchanged source file(s) not read again "
            f"({len(items)} items kept from the workspace)"
        )


def run_reduce(
    con: Any,
    pipeline: Pipeline,
    ctx: RunContext,
    outcome: MapOutcome,
    refit: bool,
    timings: dict[str, float],
) -> pd.DataFrame:
    """Themes: refit everything, or keep existing themes and place only what is new."""
    from voc.reduce import THEMES_METHOD, reduce_full, reduce_incremental, reduce_steps

    if not reduce_steps(pipeline):
        return pd.DataFrame()
    t = time.perf_counter()
    themes = None
    if not refit:
        if outcome.n_new == 0 and outcome.n_removed == 0:
            old = ws.read_table(con, "themes", order_by="rank NULLS LAST, theme_id")
            if not old.empty:
                timings["reduce"] = round(time.perf_counter() - t, 3)
                return old
        themes = reduce_incremental(con, pipeline, outcome.model_id, timings)
    if themes is None:
        themes = reduce_full(con, pipeline, ctx, outcome.model_id, timings)
        method = ws.get_meta(con, THEMES_METHOD)
        if method:  # a sampled reduce (always in fast mode): the summary says so
            outcome.notes.append(method)
    timings["reduce"] = round(time.perf_counter() - t, 3)
    return themes


def check_not_empty(con: Any, pipeline: Pipeline, outcome: MapOutcome) -> None:
    """A DataError when nothing at all could be analysed."""
    n = con.execute("SELECT count(*) FROM items").fetchone()[0]
    if n == 0:
        raise DataError(
            "no customer text could be read from "
            + ", ".join(p for s in pipeline.sources for p in s.paths)
            + f" ({outcome.counts['total']['rejected']} records rejected)"
        )

"""The map phase: chunks of items through the map steps, one pure function per chunk.

:func:`map_chunk` is what runs locally or on a Dask worker. It gets a chunk of
items (a DataFrame), the names to redact and the map step specs, and returns the
chunk's items, statements and statement vectors. Models are loaded once per
process (:data:`_MODELS`), so a worker pays for them once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from voc import records
from voc.config import Pipeline
from voc.records import IngestResult, Item, Reject, duplicate_reject, redaction_names
from voc.state import RunContext, RunState, no_progress
from voc.steps import get_step, parse_params

# (fast, precision, seed, labels) -> models dict shared by every chunk in this process
_MODELS: dict[tuple[bool, str, int, str], dict[str, Any]] = {}


@dataclass
class ChunkResult:
    """What the map phase made of one chunk."""

    items: pd.DataFrame
    statements: pd.DataFrame
    vectors: np.ndarray  # one row per statement
    model_id: str
    precision: str = "float32"


@dataclass
class MapSpec:
    """Everything a worker needs to run the map steps (picklable)."""

    steps: list[tuple[str, dict[str, Any]]]
    labels: Any  # LabelsSpec
    seed: int
    fast: bool = False
    precision: str = "float32"  # resolved by the client, so every worker embeds alike


def map_spec(pipeline: Pipeline, fast: bool = False, precision: str = "float32") -> MapSpec:
    """The map steps of ``pipeline`` (those declared ``phase="map"``), in order."""
    steps = [(s.name, dict(s.with_)) for s in pipeline.steps if get_step(s.name).phase == "map"]
    return MapSpec(
        steps=steps, labels=pipeline.labels, seed=pipeline.seed, fast=fast, precision=precision
    )


def map_signature(spec: MapSpec, model_id: str) -> str:
    """Hash of what the map output depends on: steps, parameters, labels, model, seed.

    Label files are hashed by content, so editing a taxonomy re-maps every item.
    """
    labels = spec.labels.model_dump(mode="json")
    contents = {}
    for key, value in sorted(labels.items()):
        if value and Path(value).is_file():
            contents[key] = hashlib.sha1(Path(value).read_bytes()).hexdigest()
    from voc import __version__

    blob = json.dumps(
        [spec.steps, labels, contents, spec.seed, model_id, __version__], sort_keys=True
    )
    return hashlib.sha1(blob.encode()).hexdigest()[:16]


def worker_models(spec: MapSpec) -> dict[str, Any]:
    """The models dict of this process for ``spec`` (loaded lazily, once)."""
    key = (spec.fast, spec.precision, spec.seed, spec.labels.model_dump_json())
    if key not in _MODELS:
        _MODELS[key] = {"fast": spec.fast, "precision": spec.precision}
    return _MODELS[key]


def map_chunk(spec: MapSpec, items: pd.DataFrame, names: dict[str, list[str]]) -> ChunkResult:
    """Run the map steps over one chunk of items (pure: no workspace access)."""
    from voc.embed import DIM

    models = worker_models(spec)
    ctx = RunContext(seed=spec.seed, labels=spec.labels, con=None, progress=no_progress)
    ctx.models = models
    state = RunState(items=items.copy(), names=names)
    for i, (name, raw) in enumerate(spec.steps):
        step = get_step(name)
        step.func(state, ctx, parse_params(step, raw, f"steps[{i}]"))
        state.done.update(step.provides)
    st = state.statements if state.statements is not None else pd.DataFrame()
    vecs = state.vectors if state.vectors is not None else np.zeros((len(st), DIM), np.float32)
    emb = models.get("embedder")
    return ChunkResult(
        items=state.items,
        statements=st,
        vectors=np.asarray(vecs, dtype=np.float32),
        model_id=getattr(emb, "model_id", "none"),
        precision=getattr(emb, "precision_", "float32"),
    )


def item_row(it: Item, seq: int) -> dict[str, object]:
    """One items-table row (text not yet redacted) from an ingested item, numbered ``seq``."""
    return {**records.item_row(it), "seq": seq}


def items_chunk(
    batch: Sequence[tuple[int, Item]],
) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """Items frame and names to redact for a chunk of ``(seq, item)``."""
    rows = [item_row(it, seq) for seq, it in batch]
    names = {it.item_id: redaction_names(it) for _, it in batch}
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame["created_at"] = pd.to_datetime(frame["created_at"], errors="coerce")
        frame["score"] = pd.to_numeric(frame["score"], errors="coerce")
    return frame, names


def iter_ingest(pipeline: Pipeline) -> Iterator[IngestResult]:
    """Ingest results source by source, in batches of at most 5,000 items, streamed."""
    from voc.ingest import iter_records

    for src in pipeline.sources:
        stream = iter_records([Path(p) for p in src.paths], src.kind, src.options)
        batch = IngestResult()
        for rec in stream:
            if isinstance(rec, Item):
                batch.items.append(rec)
            else:
                batch.rejects.append(rec)
            if len(batch.items) >= 5000:
                yield batch
                batch = IngestResult()
        batch.notes.extend(stream.notes)  # complete once the stream is exhausted
        yield batch


def chunked_items(
    results: Iterable[IngestResult],
    chunk_size: int,
    skip: set[str],
    seen: set[str],
    rejects: list[Reject],
    notes: list[str],
    read_kinds: dict[str, int],
) -> Iterator[list[tuple[int, Item]]]:
    """New items in chunks of ``chunk_size``, numbered in ingest order.

    Items already in ``skip`` (done in an earlier run) are only counted; a record
    read twice becomes a ``duplicate`` reject. ``seen``, ``rejects``, ``notes`` and
    ``read_kinds`` (analysed per source kind) are filled as a side effect.
    """
    seq = 0
    batch: list[tuple[int, Item]] = []
    for res in results:
        rejects.extend(res.rejects)
        notes.extend(res.notes)
        for it in res.items:
            iid = it.item_id
            if iid in seen:
                rejects.append(duplicate_reject(it))
                continue
            seen.add(iid)
            read_kinds[it.source_kind] = read_kinds.get(it.source_kind, 0) + 1
            seq += 1
            if iid in skip:
                continue
            batch.append((seq, it))
            if len(batch) >= chunk_size:
                yield batch
                batch = []
    if batch:
        yield batch

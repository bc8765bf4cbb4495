"""The map phase: chunks of items through the map steps, one pure function per chunk.

:func:`map_chunk` is what runs locally or on a Dask worker. It gets a chunk of
items (a DataFrame), the names to redact and the map step specs, and returns the
chunk's items, statements and statement vectors. Models are loaded once per
process (:data:`_MODELS`), so a worker pays for them once.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from voc import records
from voc.config import Pipeline
from voc.records import IngestResult, Item, Reject, duplicate_reject, redaction_names
from voc.redact_handles import RunHandles
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
    cache_hits: int = 0  # statements whose vector came from the workspace's cache


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


@dataclass
class PreparedChunk:
    """A chunk after the map steps that come before ``embed`` (redact, segment).

    ``hashes`` are the statements' text hashes: the client looks them up in the
    workspace's vector cache before the rest of the chunk is computed.
    """

    state: RunState
    hashes: list[str]
    next_step: int  # index in ``spec.steps`` of the first step not run yet


def _ctx(spec: MapSpec) -> RunContext:
    ctx = RunContext(seed=spec.seed, labels=spec.labels, con=None, progress=no_progress)
    ctx.models = worker_models(spec)
    return ctx


def _run_steps(spec: MapSpec, ctx: RunContext, state: RunState, start: int, stop: int) -> None:
    for i in range(start, stop):
        name, raw = spec.steps[i]
        step = get_step(name)
        step.func(state, ctx, parse_params(step, raw, f"steps[{i}]"))
        state.done.update(step.provides)


def prepare_chunk(
    spec: MapSpec, items: pd.DataFrame, names: dict[str, list[str]], hashes: bool = True
) -> PreparedChunk:
    """Run the map steps before ``embed`` (pure); return the statements' text hashes
    (none with ``hashes=False``: no vector cache to look them up in)."""
    from voc.embed import text_hash

    names_ = [n for n, _ in spec.steps]
    stop = names_.index("embed") if "embed" in names_ else len(names_)
    state = RunState(items=items.copy(), names=names)
    _run_steps(spec, _ctx(spec), state, 0, stop)
    st = state.statements
    from voc.classify._match import for_embedding  # the text `embed` embeds and hashes

    texts = st["text"] if hashes and st is not None and stop < len(names_) else []
    return PreparedChunk(state, [text_hash(for_embedding(t)) for t in texts], stop)


def finish_chunk(
    spec: MapSpec, prepared: PreparedChunk, cached: dict[str, np.ndarray] | None = None
) -> ChunkResult:
    """Run the remaining map steps (embed, classify, friction); ``cached``: text hash -> vector
    found in the workspace, which ``embed`` uses instead of embedding the text again (pure)."""
    from voc.embed import DIM

    ctx = _ctx(spec)
    models = ctx.models
    models["vector_cache"] = cached or {}
    models["cache_hits"] = 0
    state = prepared.state
    try:
        _run_steps(spec, ctx, state, prepared.next_step, len(spec.steps))
    finally:
        models.pop("vector_cache", None)
    hits = int(models.pop("cache_hits", 0))
    st = state.statements if state.statements is not None else pd.DataFrame()
    vecs = state.vectors if state.vectors is not None else np.zeros((len(st), DIM), np.float32)
    emb = models.get("embedder")
    return ChunkResult(
        items=state.items,
        statements=st,
        vectors=np.asarray(vecs, dtype=np.float32),
        model_id=getattr(emb, "model_id", "none"),
        precision=getattr(emb, "precision_", "float32"),
        cache_hits=hits,
    )


Lookup = Callable[[list[str]], dict[str, np.ndarray]]


def map_chunk(
    spec: MapSpec,
    items: pd.DataFrame,
    names: dict[str, list[str]],
    lookup: Lookup | None = None,
) -> ChunkResult:
    """Run the map steps over one chunk of items; ``lookup(hashes)`` gives cached vectors."""
    prepared = prepare_chunk(spec, items, names, hashes=lookup is not None)
    cached = lookup(prepared.hashes) if lookup is not None and prepared.hashes else None
    return finish_chunk(spec, prepared, cached)


def in_order(
    chunks: Iterable[Any],
    submit: Callable[[Any], None],
    advance: Callable[[], None],
    prepared: deque[Any],
    finishing: deque[Any],
    window: int,
    cap: int | None = None,
) -> Iterator[ChunkResult]:
    """Results of remote chunk tasks in chunk order, at most ``window`` tasks in flight.

    ``submit(chunk)`` queues a chunk's first task on ``prepared`` (or, done in one trip, on
    ``finishing``); ``advance()`` takes the oldest of ``prepared`` to its finishing task on
    ``finishing``. Shared by the local worker processes and the Dask cluster.

    With ``cap`` (> ``window``), the caller does not wait for the oldest task while fewer than
    ``cap`` are in flight: it reads and submits further chunks instead (while the workers
    start, or when a slow chunk holds up the queue), and takes each result as soon as the
    oldest is done. The order of the results is the same either way.
    """
    if cap is not None and cap > window:
        yield from _in_order_capped(chunks, submit, advance, prepared, finishing, cap)
        return
    for chunk in chunks:
        submit(chunk)
        if len(prepared) + len(finishing) >= window and prepared:
            advance()
        if len(finishing) >= window:
            yield finishing.popleft().result()
    yield from _drain(advance, prepared, finishing)


def _in_order_capped(
    chunks: Iterable[Any],
    submit: Callable[[Any], None],
    advance: Callable[[], None],
    prepared: deque[Any],
    finishing: deque[Any],
    cap: int,
) -> Iterator[ChunkResult]:
    for chunk in chunks:
        submit(chunk)
        while prepared and (prepared[0].done() or len(prepared) + len(finishing) >= cap):
            advance()
        while finishing and (finishing[0].done() or len(prepared) + len(finishing) >= cap):
            yield finishing.popleft().result()
    yield from _drain(advance, prepared, finishing)


def _drain(
    advance: Callable[[], None], prepared: deque[Any], finishing: deque[Any]
) -> Iterator[ChunkResult]:
    """The results of every task still in flight, in chunk order."""
    while prepared:
        advance()
    while finishing:
        yield finishing.popleft().result()


def item_row(it: Item, seq: int) -> dict[str, object]:
    """One items-table row (text not yet redacted) from an ingested item, numbered ``seq``."""
    return {**records.item_row(it), "seq": seq}


def items_chunk(
    batch: Sequence[tuple[int, Item]],
) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """Items frame and names to redact for a chunk of ``(seq, item)``.

    Built column by column, each item's id computed once: the same frame as one
    :func:`item_row` per item (tested), for less of the client's time."""
    cols: dict[str, list[Any]] = {c: [] for c in _ITEM_COLUMNS}
    names: dict[str, list[str]] = {}
    dumps = json.dumps
    for seq, it in batch:
        iid = it.item_id
        names[iid] = redaction_names(it)
        cols["item_id"].append(iid)
        cols["source_kind"].append(it.source_kind)
        cols["source_path"].append(it.source_path)
        cols["source_ref"].append(it.source_ref)
        cols["channel"].append(it.channel)
        cols["created_at"].append(it.created_at)
        cols["author_role"].append(it.author_role)
        cols["customer_id"].append(records.hash_identity(it.author) or records.hash_identity(iid))
        cols["thread_id"].append(it.thread_id)
        cols["question"].append(it.question)
        cols["score"].append(it.score)
        cols["score_kind"].append(it.score_kind)
        attrs = it.attributes
        cols["attributes"].append(
            "{}" if attrs == {} else dumps(attrs, sort_keys=True, ensure_ascii=False)
        )
        cols["language"].append(it.language)
        cols["text"].append(it.text)
        cols["seq"].append(seq)
    frame = pd.DataFrame(cols)
    frame["created_at"] = pd.to_datetime(frame["created_at"], errors="coerce")
    frame["score"] = pd.to_numeric(frame["score"], errors="coerce")
    return frame, names


_ITEM_COLUMNS = (*records.ITEM_COLUMNS, "seq")
"""Columns of :func:`items_chunk`'s frame: :func:`voc.records.item_row`'s, then ``seq``."""


def items_chunk_rows(
    batch: Sequence[tuple[int, Item]],
) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """:func:`items_chunk` as one dict per item (the reference the tests compare it with)."""
    rows = [item_row(it, seq) for seq, it in batch]
    names = {it.item_id: redaction_names(it) for _, it in batch}
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame["created_at"] = pd.to_datetime(frame["created_at"], errors="coerce")
        frame["score"] = pd.to_numeric(frame["score"], errors="coerce")
    return frame, names


def iter_ingest(
    pipeline: Pipeline,
    known: set[str] | frozenset[str] = frozenset(),
    skip_file: Callable[[Path], bool] | None = None,
    tracker: Any = None,
) -> Iterator[IngestResult]:
    """Ingest results source by source, in batches of at most 5,000 items, streamed.

    Items whose id is in ``known`` skip the reader's final checks (see
    :class:`voc.ingest.RecordStream`); files for which ``skip_file`` says yes are not read.
    """
    from voc.ingest import iter_records

    for src in pipeline.sources:
        stream = iter_records(
            [Path(p) for p in src.paths], src.kind, src.options, known, skip_file, tracker
        )
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
    on_read: Callable[[int], None] | None = None,
    handles: RunHandles | None = None,
) -> Iterator[list[tuple[int, Item]]]:
    """New items in chunks of ``chunk_size``, numbered in ingest order.

    Items already in ``skip`` (done in an earlier run) are only counted; a record
    read twice becomes a ``duplicate`` reject. ``seen``, ``rejects``, ``notes`` and
    ``read_kinds`` (analysed per source kind) are filled as a side effect;
    ``on_read(n)`` is called as records are read. With ``handles``, every item's
    leading @handles are counted, and items whose handles are not decided yet come
    after all others (:mod:`voc.redact_handles`).
    """
    seq = 0
    batch: list[tuple[int, Item]] = []
    held: list[tuple[int, Item]] = []
    for res in results:
        if on_read is not None:
            on_read(len(res.items) + len(res.rejects))
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
            if handles is not None:
                handles.add(it.text)
            if iid in skip:
                continue
            if handles is not None and not handles.settled(it.text, it.question):
                held.append((seq, it))
                if len(held) >= handles.max_held:  # bounded memory: they go now
                    yield from _in_chunks(held, chunk_size)
                    held = []
                continue
            batch.append((seq, it))
            if len(batch) >= chunk_size:
                yield batch
                batch = []
    if batch:
        yield batch
    yield from _in_chunks(held, chunk_size)


def _in_chunks(
    items: list[tuple[int, Item]], chunk_size: int
) -> Iterator[list[tuple[int, Item]]]:
    for i in range(0, len(items), chunk_size):
        yield items[i : i + chunk_size]

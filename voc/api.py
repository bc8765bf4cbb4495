"""The library's front door: run a pipeline, analyse paths, validate, re-render reports.

The CLI calls only these functions; they never print.
"""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

from voc import __version__
from voc.config import Pipeline, SourceSpec, load_pipeline, parse_pipeline
from voc.errors import DataError
from voc.ingest.options import SourceOptions
from voc.records import IngestResult, Reject, hash_identity
from voc.state import Progress, RunContext, RunState, no_progress
from voc.steps import get_step, parse_params

log = logging.getLogger(__name__)


@dataclass
class RunSummary:
    """What a run did, for the CLI to show."""

    pipeline: str
    out_dir: Path
    workspace: Path
    reports: list[Path]
    counts: dict[str, dict[str, int]]
    n_statements: int
    n_friction: int
    themes: list[dict[str, object]]
    notes: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    cache_hits: int = 0


def validate(path: str | Path) -> Pipeline:
    """Load and validate a pipeline file (nothing is read or run)."""
    return load_pipeline(path)


def default_pipeline(
    paths: list[str],
    out_dir: str = "out",
    text_column: str | None = None,
    date_column: str | None = None,
    agent_domains: list[str] | None = None,
    interviewers: list[str] | None = None,
    kind: str = "auto",
    seed: int = 42,
) -> Pipeline:
    """The all-sources pipeline over ``paths`` with the default steps."""
    options = SourceOptions(
        text_columns=[text_column] if text_column else None,
        date_column=date_column,
        agent_domains=agent_domains or [],
        interviewers=interviewers or [],
    )
    return parse_pipeline(
        {
            "name": "analyze",
            "seed": seed,
            "sources": [SourceSpec(path=paths, kind=kind, options=options).model_dump()],
            "output": {"dir": out_dir},
        },
        "voc analyze",
    )


def _versions() -> dict[str, str]:
    out = {"voc": __version__, "model": "all-MiniLM-L6-v2"}
    for pkg in ("sentence-transformers", "torch", "spacy", "scikit-learn", "duckdb"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:  # pragma: no cover
            out[pkg] = "missing"
    return out


def _now() -> datetime:
    """Run timestamp; SOURCE_DATE_EPOCH fixes it for reproducible reports."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).replace(tzinfo=None)
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def ingest_sources(pipeline: Pipeline) -> IngestResult:
    """Read every source of the pipeline into items and rejects."""
    from voc.ingest import ingest_paths

    result = IngestResult()
    for src in pipeline.sources:
        result.extend(ingest_paths([Path(p) for p in src.paths], src.kind, src.options))
    return result


def items_frame(result: IngestResult) -> tuple[pd.DataFrame, dict[str, list[str]], list[Reject]]:
    """Items table, names to redact per item, and rejects for records read twice."""
    rows: list[dict[str, object]] = []
    names: dict[str, list[str]] = {}
    dupes: list[Reject] = []
    for it in result.items:
        iid = it.item_id
        if iid in names:
            dupes.append(
                Reject(
                    it.source_kind,
                    it.source_path,
                    it.source_ref,
                    "duplicate record (source listed twice)",
                    "skipped",
                )
            )
            continue
        names[iid] = sorted(set(n for n in it.names + [it.author] if n and "@" not in n))
        rows.append(
            {
                "item_id": iid,
                "source_kind": it.source_kind,
                "source_path": it.source_path,
                "source_ref": it.source_ref,
                "channel": it.channel,
                "created_at": it.created_at,
                "author_role": it.author_role,
                "customer_id": hash_identity(it.author) or hash_identity(iid),
                "thread_id": it.thread_id,
                "question": it.question,
                "score": it.score,
                "score_kind": it.score_kind,
                "attributes": json.dumps(it.attributes, sort_keys=True, ensure_ascii=False),
                "text": it.text,
            }
        )
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame["created_at"] = pd.to_datetime(frame["created_at"], errors="coerce")
        frame["score"] = pd.to_numeric(frame["score"], errors="coerce")
    return frame, names, dupes


def count_records(items: pd.DataFrame, rejects: list[Reject]) -> dict[str, dict[str, int]]:
    """read / analysed / rejected per source kind, plus a total."""
    counts: dict[str, dict[str, int]] = {}
    kinds = list(items["source_kind"]) if not items.empty else []
    for k in kinds:
        counts.setdefault(k, {"read": 0, "analysed": 0, "rejected": 0})["analysed"] += 1
    for r in rejects:
        counts.setdefault(r.source_kind or "unknown", {"read": 0, "analysed": 0, "rejected": 0})[
            "rejected"
        ] += 1
    for c in counts.values():
        c["read"] = c["analysed"] + c["rejected"]
    total = {k: sum(c[k] for c in counts.values()) for k in ("read", "analysed", "rejected")}
    out = {k: counts[k] for k in sorted(counts)}
    out["total"] = total
    return out


def run(pipeline: Pipeline, progress: Progress = no_progress) -> RunSummary:
    """Run a validated pipeline end to end and write workspace and reports."""
    from voc import workspace as ws
    from voc.report import write_reports

    started = _now()
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    result = ingest_sources(pipeline)
    items, names, dupes = items_frame(result)
    rejects = result.rejects + dupes
    counts = count_records(items, rejects)
    timings["ingest"] = round(time.perf_counter() - t0, 3)
    progress("ingest", counts["total"]["read"], counts["total"]["read"])
    if items.empty:
        raise DataError(
            "no customer text could be read from "
            + ", ".join(p for s in pipeline.sources for p in s.paths)
            + f" ({counts['total']['rejected']} records rejected)"
        )
    out_dir = Path(pipeline.output.dir)
    db_path = out_dir / pipeline.output.workspace
    con = ws.connect(db_path)
    try:
        ctx = RunContext(seed=pipeline.seed, labels=pipeline.labels, con=con, progress=progress)
        state = RunState(items=items, names=names)
        for i, spec in enumerate(pipeline.steps):
            step = get_step(spec.name)
            params = parse_params(step, spec.with_, f"steps[{i}]")
            t = time.perf_counter()
            step.func(state, ctx, params)
            state.done.update(step.provides)
            timings[spec.name] = round(time.perf_counter() - t, 3)
        _write_workspace(con, pipeline, state, rejects, counts, timings, started, ctx)
        reports = write_reports(con, out_dir, pipeline.output.formats)
    finally:
        con.close()
    st = state.statements if state.statements is not None else pd.DataFrame()
    themes = state.themes if state.themes is not None else pd.DataFrame()
    top = (
        []
        if themes.empty
        else themes[themes["theme_id"] != "other"]
        .head(10)[["rank", "name", "impact", "n_items", "stage"]]
        .to_dict("records")
    )
    return RunSummary(
        pipeline=pipeline.name,
        out_dir=out_dir,
        workspace=db_path,
        reports=reports,
        counts=counts,
        n_statements=len(st),
        n_friction=int(st["is_friction"].sum()) if "is_friction" in st else 0,
        themes=top,
        notes=result.notes,
        timings=timings,
        cache_hits=int(ctx.models.get("cache_hits", 0)),
    )


def _write_workspace(
    con: object,
    pipeline: Pipeline,
    state: RunState,
    rejects: list[Reject],
    counts: dict[str, dict[str, int]],
    timings: dict[str, float],
    started: datetime,
    ctx: RunContext,
) -> None:
    from voc import workspace as ws

    rej = pd.DataFrame([r.__dict__ for r in rejects], columns=list(ws.TABLES["rejects"]))
    stages_tax = ctx.models.get("stages")
    stage_list = (
        [{"id": s.id, "name": s.name} for s in stages_tax.stages] if stages_tax is not None else []
    )
    run_row = pd.DataFrame(
        [
            {
                "run_id": f"{started:%Y%m%dT%H%M%S}-{pipeline.config_hash()}",
                "started_at": started,
                "finished_at": _now(),
                "pipeline": pipeline.name,
                "config": json.dumps(pipeline.model_dump(mode="json", by_alias=True)),
                "config_hash": pipeline.config_hash(),
                "seed": pipeline.seed,
                "versions": json.dumps(_versions()),
                "counts": json.dumps(counts),
                "timings": json.dumps(timings),
                "labels": json.dumps({"stages": stage_list}),
            }
        ]
    )
    replace = {
        "items": state.items,
        "statements": state.statements if state.statements is not None else pd.DataFrame(),
        "themes": state.themes if state.themes is not None else pd.DataFrame(),
        "rejects": rej,
    }
    replace.update(ctx.models.get("tables", {}))  # e.g. theme_trends, theme_segments
    ws.write_tables(con, replace=replace, append={"runs": run_row})  # type: ignore[arg-type]


def run_file(path: str | Path, progress: Progress = no_progress) -> RunSummary:
    """Validate and run a pipeline file."""
    return run(load_pipeline(path), progress)


def report(
    workspace: str | Path,
    out_dir: str | Path | None = None,
    formats: tuple[str, ...] = ("html", "md"),
) -> list[Path]:
    """Re-render the reports of a workspace without re-analysing."""
    from voc import workspace as ws
    from voc.report import write_reports

    db = Path(workspace)
    con = ws.connect(db, read_only=True)
    try:
        return write_reports(con, Path(out_dir) if out_dir else db.parent, formats)
    finally:
        con.close()

"""The library's front door: run a pipeline, analyse paths, validate, re-render reports.

The CLI calls only these functions; they never print.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

from voc import __version__
from voc.config import Pipeline, SourceSpec, load_pipeline, parse_pipeline
from voc.ingest.options import SourceOptions
from voc.records import IngestResult, Item, Reject, duplicate_reject
from voc.runner import RunOptions
from voc.state import Progress, RunContext, RunState, no_progress

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
    n_new_items: int = 0  # items analysed by this run (the rest were in the workspace)
    precision: str = "float32"  # embedding precision chosen automatically
    n_themes: int = 0  # friction themes found, "other" not counted (``themes`` is the top 10)


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


def items_frame(result: IngestResult) -> tuple[pd.DataFrame, dict[str, list[str]], list[Reject]]:
    """Items table, names to redact per item, and rejects for records read twice."""
    from voc.mapphase import items_chunk

    batch: list[tuple[int, Item]] = []
    seen: set[str] = set()
    dupes: list[Reject] = []
    for it in result.items:
        if it.item_id in seen:
            dupes.append(duplicate_reject(it))
            continue
        seen.add(it.item_id)
        batch.append((len(batch) + 1, it))
    frame, names = items_chunk(batch)
    return frame, names, dupes


def run(
    pipeline: Pipeline,
    progress: Progress = no_progress,
    options: RunOptions | None = None,
) -> RunSummary:
    """Run a validated pipeline: streaming map phase, then reduce, workspace and reports.

    Items already analysed in the output workspace are not analysed again (an
    interrupted run resumes; a re-run processes only new items). ``options`` selects
    fast mode, a Dask cluster, a refit of the themes and the chunk size.
    """
    from voc import workspace as ws
    from voc.report import write_reports
    from voc.runner import check_not_empty, run_map, run_reduce

    options = options or RunOptions()
    started = _now()
    timings: dict[str, float] = {}
    out_dir = Path(pipeline.output.dir)
    db_path = out_dir / pipeline.output.workspace
    con = ws.connect(db_path)
    try:
        outcome = run_map(con, pipeline, options, progress, timings)
        counts = outcome.counts
        check_not_empty(con, pipeline, outcome)
        ctx = RunContext(seed=pipeline.seed, labels=pipeline.labels, con=con, progress=progress)
        ctx.models["stages"] = _stages(pipeline)
        themes = run_reduce(con, pipeline, ctx, outcome, options.refit, timings)
        timings = {k: timings[k] for k in sorted(timings)}
        notes = outcome.notes + [_precision_note(outcome.precision, options, pipeline)]
        state = RunState(items=pd.DataFrame(), themes=None)
        _write_workspace(con, pipeline, state, outcome.rejects, counts, timings, started, ctx)
        reports = write_reports(con, out_dir, pipeline.output.formats)
        n_st, n_fr = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE is_friction) FROM statements"
        ).fetchone()
    finally:
        con.close()
    ranked = themes if themes.empty else themes[themes["theme_id"] != "other"]
    top = (
        []
        if ranked.empty
        else ranked.head(10)[["rank", "name", "impact", "n_items", "stage"]].to_dict("records")
    )
    return RunSummary(
        pipeline=pipeline.name,
        out_dir=out_dir,
        workspace=db_path,
        reports=reports,
        counts=counts,
        n_statements=int(n_st),
        n_friction=int(n_fr or 0),
        themes=top,
        notes=notes,
        timings=timings,
        cache_hits=outcome.cache_hits,
        n_new_items=outcome.n_new,
        precision=outcome.precision,
        n_themes=len(ranked),
    )


def _stages(pipeline: Pipeline) -> object:
    from voc.labels import load_stages

    path = pipeline.labels.stages
    return load_stages(Path(path) if path else None)


def _precision_note(precision: str, options: RunOptions, pipeline: Pipeline) -> str:
    from voc.embed import precision_report

    fast = options.fast or pipeline.fast
    return precision_report(precision, fast)


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
    """Append this run's row to ``runs`` (items, statements, themes and rejects are
    written by the map and reduce phases as they go)."""
    from voc import workspace as ws

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
    ws.write_tables(con, append={"runs": run_row})  # type: ignore[arg-type]


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


def export(
    workspace: str | Path, fmt: str = "csv", out_dir: str | Path | None = None
) -> list[Path]:
    """Export items, statements and themes of a workspace as ``csv``, ``parquet`` or ``json``."""
    from voc import workspace as ws
    from voc.errors import ConfigError
    from voc.export import FORMATS, export_workspace

    if fmt.strip().lower() not in FORMATS:
        known = ", ".join(FORMATS)
        raise ConfigError(f"--format: unknown export format {fmt!r} (use one of: {known})")
    db = Path(workspace)
    con = ws.connect(db, read_only=True)
    try:
        return export_workspace(con, Path(out_dir) if out_dir else db.parent / "export", fmt)
    finally:
        con.close()

"""Time (or cProfile) the reduce phase and the report of a kept workspace, without the map.

Copies the workspace (the original is never written), re-runs the full reduce phase on the
copy (``reduce_full``: cluster, name, rank, trend tables, themes written, as ``--refit``
would) and renders the reports, then prints seconds per step. With ``--dump DIR`` the
themes, the statements' theme columns and ``report.md`` are written to DIR, to compare two
versions of the code on the same workspace::

    python bench/profile_reduce.py out/bench/scale-10000-fast/voc.duckdb --dump /tmp/a
    python bench/profile_reduce.py WS --cprofile /tmp/reduce.prof   # then pstats

``--fast`` sets the run's fast mode (as ``voc analyze --fast`` would), ``--seed`` the seed.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path


def run(db: Path, fast: bool, seed: int, dump: Path | None) -> dict[str, float]:
    """Seconds per reduce step (and ``report``, ``total``) on a copy of ``db``."""
    from voc import workspace as ws
    from voc.api import default_pipeline
    from voc.reduce import reduce_full
    from voc.report import write_reports
    from voc.state import RunContext

    tmp = Path(tempfile.mkdtemp(prefix="voc-reduce-"))
    try:
        shutil.copy(db, tmp / "voc.duckdb")
        con = ws.connect(tmp / "voc.duckdb")
        model_id = con.execute(
            "SELECT model_id FROM embeddings GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        pipeline = default_pipeline([str(db)], out_dir=str(tmp), seed=seed)
        if fast:
            pipeline = pipeline.model_copy(update={"fast": True})
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        ctx = RunContext(seed=seed, labels=pipeline.labels, con=con)
        ctx.models["fast"] = fast
        reduce_full(con, pipeline, ctx, model_id, timings)
        t = time.perf_counter()
        reports = write_reports(con, tmp, ["html", "md"])
        timings["report"] = round(time.perf_counter() - t, 3)
        timings["total"] = round(time.perf_counter() - t0, 3)
        if dump is not None:
            dump.mkdir(parents=True, exist_ok=True)
            ws.read_table(con, "themes", order_by="rank NULLS LAST, theme_id").to_csv(
                dump / "themes.csv", index=False
            )
            con.execute(
                "SELECT statement_id, theme_id, subtheme_id FROM statements "
                "ORDER BY statement_id"
            ).df().to_csv(dump / "statements.csv", index=False)
            for name in ("theme_trends", "theme_segments"):
                with contextlib.suppress(Exception):  # a workspace without the table
                    ws.read_table(con, name).to_csv(dump / f"{name}.csv", index=False)
            for r in reports:
                if r.suffix == ".md":
                    shutil.copy(r, dump / "report.md")
        con.close()
        return timings
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("workspace", type=Path)
    ap.add_argument("--fast", action="store_true")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--dump", type=Path, default=None)
    ap.add_argument("--cprofile", type=Path, default=None)
    ap.add_argument(
        "--static-themes", action="store_true",
        help="fast workspaces: cluster the static vectors as before part I (no MiniLM sample)",
    )
    args = ap.parse_args()
    if not args.workspace.is_file():
        print(f"error: {args.workspace}: no such workspace", file=sys.stderr)
        return 1
    if args.static_themes:
        import voc.reduce

        voc.reduce.is_static = lambda _model_id: False  # type: ignore[attr-defined]
    if args.cprofile:
        prof = cProfile.Profile()
        prof.enable()
    timings = run(args.workspace, args.fast, args.seed, args.dump)
    if args.cprofile:
        prof.disable()
        prof.dump_stats(str(args.cprofile))
    print(json.dumps(timings, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Where the map phase's time goes, step by step, in one process.

Reads a CSV with ``voc analyze``'s default pipeline, cuts it into chunks as a run does
and times each part: ingest (reading, checking, chunking), the items frame, every map
step (redact, segment, embed, classify, friction), the statement hashes and the
workspace write. Prints seconds per part and seconds per 100,000 statements; with
``--cprofile FILE`` also writes a cProfile of the whole thing (``python -m pstats FILE``).
``--clock cpu`` counts this process's CPU seconds instead of wall seconds: on a machine
shared with other work that is steadier (parts that use several threads, such as the
embedding, then count every thread's time). ``--warm`` first runs one chunk untimed, so that
imports and model loads (fixed costs of a run) are left out of the per-part seconds.
``--top N`` (with ``--cprofile``) also prints the N functions with the most time of their own.

Usage::

    python bench/profile_map.py out/gen-10000.csv --text-column comment \
        --date-column submitted_at --fast [--limit 20000] [--cprofile /tmp/map.prof]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import tempfile
import time
from collections import defaultdict
from pathlib import Path


def profile(
    path: Path, text_col: str, date_col: str, fast: bool, limit: int, clock: str = "wall"
) -> dict:
    from voc import api
    from voc import workspace as ws
    from voc.mapphase import _ctx, chunked_items, items_chunk, iter_ingest, map_spec
    from voc.runner import resolve_embedder
    from voc.state import RunState
    from voc.steps import get_step, parse_params

    now = time.process_time if clock == "cpu" else time.perf_counter
    out = Path(tempfile.mkdtemp(prefix="voc-profile-"))
    pipeline = api.default_pipeline([str(path)], str(out), text_col, date_col, [], [], seed=42)
    model_id, precision = resolve_embedder(fast)
    spec = map_spec(pipeline, fast=fast, precision=precision)
    con = ws.connect(out / "voc.duckdb")
    secs: dict[str, float] = defaultdict(float)
    n_st = n_items = 0
    distinct: set[str] = set()
    rejects: list = []
    chunks = chunked_items(
        iter_ingest(pipeline), pipeline.chunk_size, set(), set(), rejects, [], {}
    )
    while True:
        t = now()
        batch = next(chunks, None)
        secs["ingest"] += now() - t
        if batch is None or (limit and n_items >= limit):
            break
        t = now()
        frame, names = items_chunk(batch)
        secs["items frame"] += now() - t
        state = RunState(items=frame.copy(), names=names)
        ctx = _ctx(spec)
        ctx.models["vector_cache"] = {}
        for i, (name, raw) in enumerate(spec.steps):
            step = get_step(name)
            t = now()
            step.func(state, ctx, parse_params(step, raw, f"steps[{i}]"))
            secs[name] += now() - t
        st = state.statements
        t = now()
        ws.write_chunk(con, state.items, st, state.vectors, model_id)
        secs["workspace write"] += now() - t
        n_st += len(st)
        distinct.update(st["text"])
        n_items += len(state.items)
    con.close()
    total = sum(secs.values())
    per = {k: round(v, 2) for k, v in secs.items()}
    per100k = {k: round(v * 100_000 / max(n_st, 1), 1) for k, v in secs.items()}
    return {
        "items": n_items,
        "statements": n_st,
        "distinct_statements": len(distinct),
        "distinct_ratio": round(len(distinct) / max(n_st, 1), 3),
        "seconds": per,
        "seconds_per_100k_statements": per100k,
        "total_s": round(total, 2),
        "statements_per_s": round(n_st / total, 1),
        "clock": clock,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv", type=Path)
    ap.add_argument("--text-column", default="comment")
    ap.add_argument("--date-column", default="submitted_at")
    ap.add_argument("--fast", action="store_true")
    ap.add_argument("--limit", type=int, default=0, help="stop after this many items")
    ap.add_argument("--cprofile", type=Path, default=None)
    ap.add_argument("--clock", choices=["wall", "cpu"], default="wall")
    ap.add_argument("--warm", action="store_true", help="one chunk untimed first")
    ap.add_argument("--top", type=int, default=0, help="with --cprofile: print the top N")
    args = ap.parse_args()
    run = lambda: profile(  # noqa: E731
        args.csv, args.text_column, args.date_column, args.fast, args.limit, args.clock
    )
    if args.warm:
        profile(args.csv, args.text_column, args.date_column, args.fast, 1, args.clock)
    if args.cprofile:
        prof = cProfile.Profile()
        res = prof.runcall(run)
        prof.dump_stats(str(args.cprofile))
        if args.top:
            import pstats

            pstats.Stats(prof).sort_stats("tottime").print_stats(args.top)
    else:
        res = run()
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()

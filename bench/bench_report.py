"""Benchmark ``voc report`` on a synthetic workspace (default 100,000 statements).

    python bench/bench_report.py --statements 100000 --repeat 3

Builds the workspace with ``bench/make_workspace.py`` (directly in DuckDB, no model), then
times the whole ``voc report`` command path (open the workspace read-only, load, render HTML and
Markdown, write) in a fresh process per repeat, so imports are counted as a user sees them,
and also the in-process phases (load vs render). Prints wall and CPU times, the machine's load
average, peak memory and HTML size: on a shared machine, CPU time is the steadier number.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_workspace import make_workspace  # noqa: E402

TARGET_S = 5.0


def _phases(db: Path, out: Path) -> dict[str, float]:
    from voc.report import load_report_data, render_html, render_markdown
    from voc.workspace import connect

    con = connect(db, read_only=True)
    t0 = time.perf_counter()
    data = load_report_data(con)
    t1 = time.perf_counter()
    html = render_html(data)
    t2 = time.perf_counter()
    md = render_markdown(data)
    t3 = time.perf_counter()
    con.close()
    (out / "report.html").write_text(html, encoding="utf-8")
    return {
        "load_s": round(t1 - t0, 3),
        "render_html_s": round(t2 - t1, 3),
        "render_md_s": round(t3 - t2, 3),
        "html_kb": round(len(html.encode()) / 1024, 1),
        "md_kb": round(len(md.encode()) / 1024, 1),
        "themes": len(data.themes),
        "statements": data.n_statements,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workspace", type=Path, help="reuse this workspace instead")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="voc-bench-report-"))
    db = args.workspace
    if db is None:
        t0 = time.perf_counter()
        db = make_workspace(tmp / "bench.duckdb", args.statements)
        print(f"workspace: {args.statements:,} statements in {time.perf_counter() - t0:.1f}s")
    voc = Path(sys.executable).with_name("voc")
    walls: list[float] = []
    cpus: list[float] = []
    for k in range(args.repeat):
        out = tmp / f"out{k}"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run([str(voc), "-q", "report", str(db), "-o", str(out)], check=True)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    load = os.getloadavg()[0]
    phases = _phases(db, tmp)
    result = {
        "statements": phases["statements"],
        "voc_report_wall_s": [round(w, 2) for w in walls],
        "best_s": round(min(walls), 2),
        "voc_report_cpu_s": [round(c, 2) for c in cpus],
        "load_average_1min": round(load, 2),
        "target_s": TARGET_S,
        "peak_rss_mb": round(peak_mb, 1),
        **phases,
    }
    print(json.dumps(result, indent=2))
    return 0 if min(walls) < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())

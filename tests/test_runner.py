"""Streaming runs: chunked map phase, incremental re-runs, refit, resume after kill -9."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from survey_pipelines import SURVEY, survey_pipeline

from voc import api
from voc.config import parse_pipeline
from voc.runner import RunOptions


def _split_survey(tmp: Path, keep: int) -> tuple[Path, Path]:
    """A survey with its first ``keep`` rows, and the full survey, as two file versions."""
    df = pd.read_csv(SURVEY, dtype=str, keep_default_na=False)
    part, full = tmp / "part" / "s.csv", tmp / "full" / "s.csv"
    part.parent.mkdir()
    full.parent.mkdir()
    df.head(keep).to_csv(part, index=False)
    df.to_csv(full, index=False)
    return part, full


def _tables(db: Path) -> dict[str, pd.DataFrame]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "items": con.execute("SELECT * FROM items ORDER BY item_id").df(),
            "statements": con.execute("SELECT * FROM statements ORDER BY statement_id").df(),
            "themes": con.execute("SELECT * FROM themes ORDER BY theme_id").df(),
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def full_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[api.RunSummary, Path]:
    out = tmp_path_factory.mktemp("full")
    summary = api.run(survey_pipeline(out, SURVEY, seed=7))
    return summary, out


def test_chunks_all_counted(full_run: tuple[api.RunSummary, Path]) -> None:
    summary, out = full_run
    t = _tables(out / "voc.duckdb")
    total = summary.counts["total"]
    assert total["analysed"] == len(t["items"]) == summary.n_new_items > 80
    assert total["read"] == total["analysed"] + total["rejected"]
    assert t["items"]["item_id"].is_unique and t["statements"]["statement_id"].is_unique
    assert t["items"]["seq"].notna().all()
    assert (t["themes"]["theme_id"] != "other").sum() >= 2
    assert any("precision" in n or "fast mode" in n for n in summary.notes)


def test_rerun_processes_nothing_and_keeps_everything(
    full_run: tuple[api.RunSummary, Path], tmp_path: Path
) -> None:
    _, out = full_run
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    before = _tables(copy / "voc.duckdb")
    again = api.run(survey_pipeline(copy, SURVEY, seed=7))
    after = _tables(copy / "voc.duckdb")
    assert again.n_new_items == 0
    for name in ("items", "statements", "themes"):
        pd.testing.assert_frame_equal(before[name], after[name])


def test_incremental_keeps_existing_themes(tmp_path: Path) -> None:
    part, full = _split_survey(tmp_path, keep=90)
    out = tmp_path / "out"
    first = api.run(survey_pipeline(out, part, seed=7))
    before = _tables(out / "voc.duckdb")["statements"]
    # the same file grows: rows keep their ids, only the new rows are analysed
    shutil.copy(full, part)
    second = api.run(survey_pipeline(out, part, seed=7))
    after = _tables(out / "voc.duckdb")["statements"]
    n_total = second.counts["total"]["analysed"]
    n_first = first.counts["total"]["analysed"]
    assert first.n_new_items == n_first and 0 < second.n_new_items == n_total - n_first
    old = before.set_index("statement_id")["theme_id"]
    new = after.set_index("statement_id")["theme_id"].reindex(old.index)
    assert (old.fillna("-") == new.fillna("-")).all()
    fresh = after[~after["statement_id"].isin(before["statement_id"]) & after["is_friction"]]
    assert len(fresh) and fresh["theme_id"].notna().all()
    # a refit re-clusters everything and still accounts for every friction statement
    api.run(survey_pipeline(out, part, seed=7), options=RunOptions(refit=True))
    refit = _tables(out / "voc.duckdb")["statements"]
    assert refit.loc[refit["is_friction"], "theme_id"].notna().all()


def test_removed_source_rows_leave_the_workspace(tmp_path: Path) -> None:
    part, full = _split_survey(tmp_path, keep=30)
    out = tmp_path / "out"
    before = api.run(survey_pipeline(out, full, seed=7, chunk_size=500))
    shutil.copy(part, full)
    summary = api.run(survey_pipeline(out, full, seed=7, chunk_size=500))
    t = _tables(out / "voc.duckdb")
    n = summary.counts["total"]["analysed"]
    assert len(t["items"]) == n < before.counts["total"]["analysed"]
    # a truncated file changed in place: what is left is analysed again, as a fresh run would
    # (its texts' vectors come from the workspace's cache)
    assert summary.n_new_items == n and summary.cache_hits > 0
    assert set(t["statements"]["item_id"]) <= set(t["items"]["item_id"])
    assert any("no longer in the sources" in n for n in summary.notes)


@pytest.mark.slow
def test_resume_after_kill_9(tmp_path: Path, full_run: tuple[api.RunSummary, Path]) -> None:
    """Kill a run with SIGKILL after its second chunk is committed, run again: same result."""
    _, ref_out = full_run
    pipe_file = tmp_path / "p.yaml"
    out = tmp_path / "out"
    pipe_file.write_text(
        "name: t\nseed: 7\nchunk_size: 20\n"
        f"sources:\n  - path: {SURVEY}\n    kind: survey\n"
        "    options: {date_column: submitted_at, score_column: nps}\n"
        f"output: {{dir: {out}, formats: [md]}}\n",
        encoding="utf-8",
    )
    voc = [sys.executable, "-m", "voc.cli", "-v", "run", str(pipe_file)]
    env = {**os.environ, "COLUMNS": "200"}
    proc = subprocess.Popen(voc, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env)
    assert proc.stderr is not None
    seen = 0
    deadline = time.monotonic() + 240
    for raw in proc.stderr:
        if b"chunk written" in raw:
            seen += 1
            if seen == 2:
                os.kill(proc.pid, signal.SIGKILL)
                break
        assert time.monotonic() < deadline, "run did not reach its second chunk"
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    partial = _tables(out / "voc.duckdb")
    ref = _tables(ref_out / "voc.duckdb")
    assert 0 < len(partial["items"]) < len(ref["items"])
    done = subprocess.run(voc, capture_output=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    got = _tables(out / "voc.duckdb")
    assert got["items"]["item_id"].is_unique and got["statements"]["statement_id"].is_unique
    assert list(got["items"]["item_id"]) == list(ref["items"]["item_id"])
    assert list(got["statements"]["statement_id"]) == list(ref["statements"]["statement_id"])


def test_map_step_after_reduce_step_is_refused() -> None:
    from voc.errors import ConfigError

    steps = ["segment", "embed", "classify", "friction", "cluster", "redact"]
    with pytest.raises(ConfigError, match="map step 'redact' cannot follow reduce step 'cluster'"):
        parse_pipeline(
            {"name": "x", "sources": [{"path": "a.csv"}], "steps": [{"name": n} for n in steps]}
        )

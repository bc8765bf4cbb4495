"""The map phase on a Dask LocalCluster gives the same workspace as a local run."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from survey_pipelines import survey_pipeline

from voc import api
from voc.distributed import parse_cluster
from voc.errors import ConfigError
from voc.runner import RunOptions


def test_parse_cluster() -> None:
    assert parse_cluster("local:2") == ("local", 2)
    assert parse_cluster("tcp://10.0.0.5:8786") == ("remote", "tcp://10.0.0.5:8786")
    for bad in ("local:0", "10.0.0.5:8786", "local:x"):
        with pytest.raises(ConfigError, match="--cluster"):
            parse_cluster(bad)


def test_cli_refuses_bad_cluster() -> None:
    from typer.testing import CliRunner

    from voc.cli import app

    res = CliRunner().invoke(app, ["run", "pipelines/survey.yaml", "--cluster", "nowhere"])
    assert res.exit_code == 2 and "--cluster" in res.output


def _run(out: Path, options: RunOptions, threshold: float | None = None) -> dict[str, pd.DataFrame]:
    pipe = survey_pipeline(out, seed=3, chunk_size=50, stage_threshold=threshold)
    summary = api.run(pipe, options=options)
    con = duckdb.connect(str(out / "voc.duckdb"), read_only=True)
    try:
        tables = {
            t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").df()
            for t in ("items", "statements", "themes", "rejects")
        }
    finally:
        con.close()
    tables["cache_hits"] = pd.DataFrame({"hits": [summary.cache_hits]})
    return tables


@pytest.mark.slow
def test_local_cluster_matches_local_run(tmp_path: Path) -> None:
    """Identical tables, whatever precision ``auto`` picks here: every matmul runs on one
    thread in every process (the model's sums depend on the thread count: ~1e-7 in float32,
    up to 1e-3 in bfloat16) and batches are padded to fixed buckets and sizes
    (:func:`voc.embed.bucket_batches`, :func:`voc.embed.fill_rows`)."""
    pytest.importorskip("distributed")
    local = _run(tmp_path / "local", RunOptions())
    dask = _run(tmp_path / "dask", RunOptions(cluster="local:2"))
    for name in local:
        pd.testing.assert_frame_equal(local[name], dask[name])


@pytest.mark.slow
def test_local_cluster_uses_the_vector_cache_like_a_local_run(tmp_path: Path) -> None:
    """Cached vectors are looked up on the client: Dask and local runs get the same ones."""
    pytest.importorskip("distributed")
    import shutil

    _run(tmp_path / "first", RunOptions())  # fills the workspace's vector cache
    for name in ("local", "dask"):
        shutil.copytree(tmp_path / "first", tmp_path / name)
    # a changed map configuration re-analyses every item; the texts' vectors are cached
    local = _run(tmp_path / "local", RunOptions(), threshold=0.9)
    dask = _run(tmp_path / "dask", RunOptions(cluster="local:2"), threshold=0.9)
    assert int(local["cache_hits"]["hits"][0]) == len(local["statements"]) > 0
    for name in local:
        pd.testing.assert_frame_equal(local[name], dask[name])

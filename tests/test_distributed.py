"""The map phase on a Dask LocalCluster gives the same workspace as a local run."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from voc import api
from voc.config import parse_pipeline
from voc.distributed import parse_cluster
from voc.errors import ConfigError
from voc.runner import RunOptions

ROOT = Path(__file__).resolve().parents[1]
SURVEY = ROOT / "data" / "sample" / "survey" / "nps_survey.csv"


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


def _run(out: Path, options: RunOptions) -> dict[str, pd.DataFrame]:
    pipe = parse_pipeline(
        {
            "name": "t",
            "seed": 3,
            "chunk_size": 50,
            "sources": [
                {
                    "path": str(SURVEY),
                    "kind": "survey",
                    "options": {"date_column": "submitted_at", "score_column": "nps"},
                }
            ],
            "output": {"dir": str(out), "formats": ["md"]},
        }
    )
    api.run(pipe, options=options)
    con = duckdb.connect(str(out / "voc.duckdb"), read_only=True)
    try:
        return {
            t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").df()
            for t in ("items", "statements", "themes", "rejects")
        }
    finally:
        con.close()


@pytest.mark.slow
def test_local_cluster_matches_local_run(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    local = _run(tmp_path / "local", RunOptions())
    dask = _run(tmp_path / "dask", RunOptions(cluster="local:2"))
    for name in local:
        pd.testing.assert_frame_equal(local[name], dask[name])

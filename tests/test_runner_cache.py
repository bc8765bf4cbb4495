"""Map phase: the workspace's vector cache, progress order, and cheap re-runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import pytest
from survey_pipelines import SURVEY, survey_pipeline

import voc.ingest
from voc import api


def _vectors(db: Path) -> pd.DataFrame:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT s.statement_id, e.vector FROM statements s JOIN embeddings e "
            "USING (text_hash) ORDER BY s.statement_id"
        ).df()
    finally:
        con.close()


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, api.RunSummary, list]:
    tmp = tmp_path_factory.mktemp("cache")
    src = tmp / "s.csv"
    pd.read_csv(SURVEY, dtype=str, keep_default_na=False).head(40).to_csv(src, index=False)
    calls: list[tuple[str, int, int]] = []
    pipe = survey_pipeline(tmp / "out", src, seed=5, chunk_size=15)
    summary = api.run(pipe, lambda *a: calls.append(a))
    return src, tmp / "out", summary, calls


def test_progress_ingest_first_and_map_total_complete(first: tuple) -> None:
    _, _, summary, calls = first
    steps = [c[0] for c in calls]
    assert steps.index("ingest") < steps.index("map")
    ingest = [c for c in calls if c[0] == "ingest"]
    maps = [c for c in calls if c[0] == "map"]
    assert sum(c[1] for c in ingest) == ingest[-1][2] == summary.counts["total"]["read"]
    assert sum(c[1] for c in maps) == maps[-1][2] == summary.n_new_items
    # chunks of 15 items: several map calls, and no total below what is already done
    assert len([c for c in maps if c[1]]) >= 2
    done = 0
    for _, adv, total in maps:
        done += adv
        assert total >= done


def test_changed_map_config_reuses_cached_vectors(first: tuple, tmp_path: Path) -> None:
    src, out, summary, _ = first
    import shutil

    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    before = _vectors(copy / "voc.duckdb")
    again = api.run(survey_pipeline(copy, src, seed=5, chunk_size=15, stage_threshold=0.9))
    assert any("map configuration changed" in n for n in again.notes)
    assert again.n_new_items == summary.n_new_items
    # every statement text was embedded by the first run: all vectors come from the cache
    assert again.cache_hits == again.n_statements == summary.n_statements > 0
    after = _vectors(copy / "voc.duckdb")
    assert list(after["statement_id"]) == list(before["statement_id"])
    np.testing.assert_array_equal(np.stack(after["vector"]), np.stack(before["vector"]))


def test_rerun_skips_checks_of_known_items(
    first: tuple, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, out, summary, _ = first
    import shutil

    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    checked: list[str] = []
    real = voc.ingest.finish_item

    def counting(item: Any, options: Any) -> Any:
        checked.append(item.item_id)
        return real(item, options)

    monkeypatch.setattr(voc.ingest, "finish_item", counting)
    again = api.run(survey_pipeline(copy, src, seed=5, chunk_size=15))
    assert again.n_new_items == 0 and checked == []
    assert again.counts == summary.counts
    # one more row (two answer columns): only its records are checked and analysed
    df = pd.read_csv(SURVEY, dtype=str, keep_default_na=False)
    df.head(41).to_csv(src, index=False)
    try:
        grown = api.run(survey_pipeline(copy, src, seed=5, chunk_size=15))
    finally:
        df.head(40).to_csv(src, index=False)
    new_records = grown.counts["total"]["read"] - summary.counts["total"]["read"]
    assert 1 <= len(checked) <= new_records <= 2
    assert grown.n_new_items == grown.counts["total"]["analysed"] - summary.n_new_items

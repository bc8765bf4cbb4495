"""Re-runs do not read source files that are unchanged since the last complete run."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from voc import api
from voc.config import parse_pipeline

ROOT = Path(__file__).resolve().parents[1]
SURVEY = ROOT / "data" / "sample" / "survey" / "nps_survey.csv"


def _pipeline(folder: Path, out: Path) -> object:
    return parse_pipeline(
        {
            "name": "t",
            "seed": 7,
            "chunk_size": 500,
            "sources": [
                {
                    "path": str(folder),
                    "kind": "survey",
                    "options": {"date_column": "submitted_at", "score_column": "nps"},
                }
            ],
            "output": {"dir": str(out), "formats": ["md"]},
        }
    )


def _items(db: Path) -> pd.DataFrame:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT item_id, source_path FROM items ORDER BY item_id").df()
    finally:
        con.close()


@pytest.mark.slow
def test_unchanged_files_are_not_read_again(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import voc.ingest as ingest

    df = pd.read_csv(SURVEY, dtype=str, keep_default_na=False)
    folder, out = tmp_path / "survey", tmp_path / "out"
    folder.mkdir()
    a, b = folder / "a.csv", folder / "b.csv"
    df.iloc[:50].to_csv(a, index=False)
    df.iloc[50:90].to_csv(b, index=False)
    read: list[str] = []
    real = ingest._read_parts  # every file read, whole or in streamed parts, goes through it

    def spy(path, kind, reader):  # type: ignore[no-untyped-def]
        read.append(Path(path).name)
        return real(path, kind, reader)

    monkeypatch.setattr(ingest, "_read_parts", spy)
    first = api.run(_pipeline(folder, out))  # type: ignore[arg-type]
    assert read == ["a.csv", "b.csv"] and first.counts["total"]["rejected"] > 0
    before = _items(out / "voc.duckdb")

    read.clear()  # nothing changed: nothing read, everything counted and kept
    again = api.run(_pipeline(folder, out))  # type: ignore[arg-type]
    assert read == [] and again.n_new_items == 0
    assert again.counts == first.counts
    assert any("2 unchanged source file(s) not read again" in n for n in again.notes)
    pd.testing.assert_frame_equal(_items(out / "voc.duckdb"), before)

    read.clear()  # b grows (new rows), a is touched but has the same bytes
    df.iloc[50:].to_csv(b, index=False)
    st = os.stat(a)
    os.utime(a, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    grown = api.run(_pipeline(folder, out))  # type: ignore[arg-type]
    assert read == ["b.csv"]
    after = _items(out / "voc.duckdb")
    assert set(before["item_id"]) < set(after["item_id"])
    assert grown.n_new_items == len(after) - len(before) > 0  # only the new rows' items
    assert (
        grown.counts["total"]["read"]
        == grown.counts["total"]["analysed"] + grown.counts["total"]["rejected"]
    )
    assert grown.counts["total"]["analysed"] == len(after)

    read.clear()  # a file removed: its items leave the workspace, the other file is skipped
    a.unlink()
    gone = api.run(_pipeline(folder, out))  # type: ignore[arg-type]
    assert read == [] and gone.counts["total"]["analysed"] == (after["source_path"] == str(b)).sum()
    assert set(_items(out / "voc.duckdb")["source_path"]) == {str(b)}


@pytest.mark.parametrize("change", ["options"])
def test_changed_options_read_everything(tmp_path: Path, change: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import voc.ingest as ingest

    folder, out = tmp_path / "survey", tmp_path / "out"
    folder.mkdir()
    pd.read_csv(SURVEY, dtype=str, keep_default_na=False).iloc[:40].to_csv(
        folder / "a.csv", index=False
    )
    api.run(_pipeline(folder, out))  # type: ignore[arg-type]
    read: list[str] = []
    real = ingest._read_parts
    monkeypatch.setattr(
        ingest, "_read_parts", lambda p, k, r: (read.append(Path(p).name), real(p, k, r))[1]
    )
    pipe = _pipeline(folder, out)
    pipe.sources[0].options.score_column = None  # type: ignore[attr-defined]
    api.run(pipe)  # type: ignore[arg-type]
    assert read == ["a.csv"], "other source options may read the file differently"

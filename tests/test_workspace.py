from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from voc import workspace as ws
from voc.cache import cached_encode
from voc.errors import ConfigError, DataError
from voc.schema import TABLES


def test_schema_created_and_conformed(tmp_path: Path) -> None:
    con = ws.connect(tmp_path / "w.duckdb")
    tables = {r[0] for r in con.execute("SHOW TABLES").fetchall()}
    assert set(TABLES) <= tables
    ws.replace_table(con, "rejects", pd.DataFrame({"reason": ["x"], "extra": [1]}))
    df = ws.read_table(con, "rejects")
    assert list(df.columns) == list(TABLES["rejects"]) and df["reason"].tolist() == ["x"]


def test_write_tables_is_atomic(tmp_path: Path) -> None:
    con = ws.connect(tmp_path / "w.duckdb")
    ws.replace_table(con, "rejects", pd.DataFrame({"reason": ["kept"]}))
    bad = pd.DataFrame({"started_at": ["not a timestamp"]})
    with pytest.raises(Exception):  # noqa: B017
        ws.write_tables(con, replace={"rejects": pd.DataFrame()}, append={"runs": bad})
    assert ws.read_table(con, "rejects")["reason"].tolist() == ["kept"]


def test_missing_workspace_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="workspace not found"):
        ws.connect(tmp_path / "none.duckdb", read_only=True)


class CountingEmbedder:
    model_id = "fake"

    def __init__(self) -> None:
        self.calls: list[str] = []

    def encode(self, texts, progress=None):  # type: ignore[no-untyped-def]
        self.calls += list(texts)
        return np.array([[len(t), 1.0] + [0.0] * 382 for t in texts], dtype=np.float32)


def test_vector_cache_by_text_hash(tmp_path: Path) -> None:
    con = ws.connect(tmp_path / "w.duckdb")
    emb = CountingEmbedder()
    v1, hits1 = cached_encode(con, emb, ["aa", "bbb", "aa"])  # type: ignore[arg-type]
    assert emb.calls == ["aa", "bbb"] and hits1 == 0
    assert v1[0, 0] == 2 and v1[1, 0] == 3 and v1[2, 0] == 2
    v2, hits2 = cached_encode(con, emb, ["bbb", "cccc"])  # type: ignore[arg-type]
    assert emb.calls == ["aa", "bbb", "cccc"] and hits2 == 1
    assert v2[0, 0] == 3 and v2[1, 0] == 4


def test_read_shared_same_values_one_object_per_label(tmp_path: Path) -> None:
    """Blocks of rows, labels stored once per value: the same frame as ``.df()``."""
    from voc.workspace import read_shared

    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute(
        "CREATE TABLE t AS SELECT i, ['usage', 'billing', NULL][i % 3 + 1] AS stage, "
        "CASE WHEN i % 7 = 0 THEN NULL ELSE i * 0.5 END AS score, "
        "'item' || (i // 2)::VARCHAR AS item_id FROM range(70000) r(i)"
    )
    sql = "SELECT * FROM t ORDER BY i"
    got = read_shared(con, sql, ("stage",))
    pd.testing.assert_frame_equal(got, con.execute(sql).df())
    stages = [s for s in got["stage"] if isinstance(s, str)]
    assert len({id(s) for s in stages}) == 2  # one object per distinct label
    empty = read_shared(con, "SELECT * FROM t WHERE i < 0", ("stage",))
    assert empty.empty and list(empty.columns) == ["i", "stage", "score", "item_id"]


@pytest.mark.parametrize(
    ("var", "value"),
    [
        ("VOC_DUCKDB_THREADS", "two"),
        ("VOC_DUCKDB_THREADS", "0"),
        ("VOC_DUCKDB_MEMORY", "lots"),
        ("VOC_DUCKDB_MEMORY", "512MB'; DROP TABLE items; --"),
    ],
)
def test_bad_duckdb_settings_are_config_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, var: str, value: str
) -> None:
    monkeypatch.setenv(var, value)
    with pytest.raises(ConfigError, match=var):
        ws.connect(tmp_path / "w.duckdb")
    assert not (tmp_path / "w.duckdb").exists()


def test_duckdb_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOC_DUCKDB_THREADS", " 1 ")
    monkeypatch.setenv("VOC_DUCKDB_MEMORY", "1.5GB")
    assert ws.duckdb_settings() == ("1.5GB", 1)


def test_a_file_that_is_not_duckdb_is_named_in_one_clear_line(tmp_path: Path) -> None:
    csv = tmp_path / "survey.csv"
    csv.write_text("a,b\n1,2\n", encoding="utf-8")
    for read_only in (True, False):
        with pytest.raises(DataError, match=r"survey\.csv: not a DuckDB workspace") as err:
            ws.connect(csv, read_only=read_only)
        assert "Catalog Error" not in str(err.value)
    assert csv.read_text(encoding="utf-8") == "a,b\n1,2\n"  # never written over
    with pytest.raises(DataError, match="not a DuckDB workspace"):
        ws.connect(tmp_path, read_only=True)  # a folder
    made = tmp_path / "new.duckdb"
    ws.connect(made).close()  # a new workspace is still created
    ws.connect(made, read_only=True).close()

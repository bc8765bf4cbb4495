"""The map phase in local worker processes gives the same workspace as one process."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from survey_pipelines import survey_pipeline

from voc import api, workers
from voc.errors import ConfigError
from voc.mapphase import items_chunk, map_chunk, map_spec
from voc.records import Item
from voc.runner import RunOptions, make_mapper


def test_resolve_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VOC_WORKERS", raising=False)
    monkeypatch.setattr(workers, "usable_cores", lambda: 4)
    monkeypatch.setattr(workers, "competing_tasks", lambda: None)  # no /proc: load average
    for load, want in ((0.3, 4), (1.7, 3), (3.99, 1), (9.0, 1)):
        monkeypatch.setattr(workers.os, "getloadavg", lambda load=load: (load, 0.0, 0.0))
        assert workers.resolve_workers(None) == want
    assert workers.resolve_workers(3) == 3
    monkeypatch.setenv("VOC_WORKERS", "1")
    assert workers.resolve_workers(None) == 1
    assert workers.resolve_workers(2) == 2  # the option wins over the environment
    for bad in ("0", "two", "-1"):
        monkeypatch.setenv("VOC_WORKERS", bad)
        with pytest.raises(ConfigError, match="VOC_WORKERS"):
            workers.resolve_workers(None)
    with pytest.raises(ConfigError, match="--workers"):
        workers.resolve_workers(0)


def test_free_cores_counts_competing_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "usable_cores", lambda: 2)
    monkeypatch.setattr(workers.os, "getloadavg", lambda: (9.0, 9.0, 9.0))  # niced work: ignored
    for busy, want in ((0, 2), (1, 1), (5, 1)):
        monkeypatch.setattr(workers, "competing_tasks", lambda busy=busy: busy)
        assert workers.free_cores() == want


def test_runnable_at_reads_state_and_nice(tmp_path: Path) -> None:
    def stat(state: str, nice: int, comm: str = "py (x) y") -> str:
        rest = [state] + ["0"] * 15 + [str(nice)] + ["1"] * 30
        path = tmp_path / f"{state}{nice}"
        path.write_text(f"123 ({comm}) " + " ".join(rest))
        return str(path)

    assert workers._runnable_at(stat("R", 0), 0) == 1
    assert workers._runnable_at(stat("R", -5), 0) == 1  # higher priority competes too
    assert workers._runnable_at(stat("R", 19), 0) == 0  # niced work gives way
    assert workers._runnable_at(stat("S", 0), 0) == 0  # sleeping
    assert workers._runnable_at(stat("R", 19), 19) == 1
    assert workers._runnable_at(str(tmp_path / "gone"), 0) == 0


def test_competing_tasks_sees_a_busy_process() -> None:
    import subprocess
    import sys
    import time

    if workers.competing_tasks() is None:
        pytest.skip("no /proc on this system")
    own = workers.os.getpriority(workers.os.PRIO_PROCESS, 0)
    spin = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        deadline = time.time() + 10
        seen = 0
        while time.time() < deadline and not seen:
            tasks = Path(f"/proc/{spin.pid}/task")
            seen = sum(workers._runnable_at(str(t / "stat"), own) for t in tasks.iterdir())
        assert seen == 1
    finally:
        spin.kill()
        spin.wait()


def test_make_mapper(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VOC_WORKERS", raising=False)
    assert type(make_mapper(None, 1)).__name__ == "LocalMapper"
    mapper = make_mapper(None, 2)
    assert isinstance(mapper, workers.ProcessMapper) and mapper.n == 2
    mapper.close()


def test_cli_refuses_zero_workers() -> None:
    from typer.testing import CliRunner

    from voc.cli import app

    res = CliRunner().invoke(app, ["run", "pipelines/survey.yaml", "--workers", "0"])
    assert res.exit_code == 2 and "--workers" in res.output


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    con = duckdb.connect(str(out / "voc.duckdb"), read_only=True)
    try:  # in storage order: chunks must be written in the order they were read
        return {
            t: con.execute(f"SELECT * FROM {t}").df()
            for t in ("items", "statements", "themes", "rejects", "embeddings")
        }
    finally:
        con.close()


@pytest.mark.slow
def test_worker_processes_match_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[int] = []
    real_pool = workers.ProcessMapper._pool

    def spy(self: workers.ProcessMapper) -> object:
        started.append(self.n)
        return real_pool(self)

    monkeypatch.setattr(workers, "MIN_POOL_ITEMS", 0)
    monkeypatch.setattr(workers, "MIN_POOL_CHARS", 0)
    monkeypatch.setattr(workers.ProcessMapper, "_pool", spy)
    one_opts, two_opts = RunOptions(workers=1, fast=True), RunOptions(workers=2, fast=True)
    api.run(survey_pipeline(tmp_path / "one"), options=one_opts)
    assert started == []
    api.run(survey_pipeline(tmp_path / "two"), options=two_opts)
    assert started == [2]  # the pool really ran the chunks
    one, two = _tables(tmp_path / "one"), _tables(tmp_path / "two")
    assert len(one["items"]) > 100 and one["items"]["seq"].is_monotonic_increasing
    for name in one:
        pd.testing.assert_frame_equal(one[name], two[name], check_like=False)


def _chunks(n_chunks: int, size: int) -> list[tuple[pd.DataFrame, dict[str, list[str]]]]:
    texts = [
        "The export to PDF fails every time and support never answers.",
        "I love the new budget view. Sync with my bank broke again though!",
        "Checkout was confusing, I was charged twice for one order.",
    ]
    out = []
    for c in range(n_chunks):
        batch = [
            (
                c * size + i + 1,
                Item("survey", "x.csv", f"row {c * size + i}", texts[(c + i) % 3] + f" Ref {i}."),
            )
            for i in range(size)
        ]
        out.append(items_chunk(batch))
    return out


@pytest.mark.slow
def test_pool_keeps_chunk_order_with_and_without_cache_lookup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Results come back in chunk order; the two-trip path (vector cache lookup on the
    client between the steps before ``embed`` and the rest) gives the one-trip result."""
    monkeypatch.setattr(workers, "MIN_POOL_ITEMS", 0)
    monkeypatch.setattr(workers, "MIN_POOL_CHARS", 0)
    spec = map_spec(survey_pipeline(tmp_path), fast=True, precision="static")
    chunks = _chunks(5, 6)
    expected = [map_chunk(spec, f, n) for f, n in chunks]
    looked: list[int] = []

    def lookup(hashes: list[str]) -> dict[str, np.ndarray]:
        looked.append(len(hashes))
        return {}

    mapper = workers.ProcessMapper(2, in_flight_per_worker=1)
    try:
        plain = list(mapper.map(spec, iter(chunks)))
        cached = list(mapper.map(spec, iter(chunks), lookup))
    finally:
        mapper.close()
    assert len(looked) == 5
    for got in (plain, cached):
        assert len(got) == 5
        for want, res in zip(expected, got, strict=True):
            pd.testing.assert_frame_equal(want.items, res.items)
            pd.testing.assert_frame_equal(want.statements, res.statements)
            np.testing.assert_array_equal(want.vectors, res.vectors)


def test_small_runs_start_no_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under MIN_POOL_ITEMS items the chunks are mapped in this process."""
    calls: list[int] = []

    def fake_map_chunk(spec: object, frame: pd.DataFrame, names: object, lookup: object) -> int:
        calls.append(len(frame))
        return len(frame)

    def no_pool(self: workers.ProcessMapper) -> object:
        raise AssertionError("no pool expected")

    monkeypatch.setattr(workers, "map_chunk", fake_map_chunk)
    monkeypatch.setattr(workers.ProcessMapper, "_pool", no_pool)
    chunks = [(pd.DataFrame({"a": range(10)}), {}) for _ in range(3)]
    got = list(workers.ProcessMapper(2).map(None, iter(chunks)))  # type: ignore[arg-type]
    assert got == [10, 10, 10] and calls == [10, 10, 10]


def test_default_pool_threshold_is_the_measured_crossover() -> None:
    """3,050 airline tweets (0.3 M characters) run in this process; 12,000 generated
    messages (3.1 M, where two workers were 9 s faster) start the pool."""
    assert 300_000 < workers.MIN_POOL_CHARS <= 3_000_000


def test_the_work_decides_the_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """Enough items but too little text (a few thousand tweets): mapped in this process,
    with the same results; past MIN_POOL_CHARS characters the pool starts."""
    calls: list[int] = []

    def fake_map_chunk(spec: object, frame: pd.DataFrame, names: object, lookup: object) -> int:
        calls.append(len(frame))
        return len(frame)

    class Started(Exception):
        pass

    def pool_started(self: workers.ProcessMapper) -> object:
        raise Started

    monkeypatch.setattr(workers, "map_chunk", fake_map_chunk)
    monkeypatch.setattr(workers.ProcessMapper, "_start", pool_started)
    monkeypatch.setattr(workers, "MIN_POOL_ITEMS", 20)
    monkeypatch.setattr(workers, "MIN_POOL_CHARS", 1000)
    short = [(pd.DataFrame({"text": ["late flight"] * 10}), {}) for _ in range(3)]  # 330 chars
    assert not workers.worth_a_pool(short)
    got = list(workers.ProcessMapper(2).map(None, iter(short)))  # type: ignore[arg-type]
    assert got == [10, 10, 10] and calls == [10, 10, 10]
    long = [(pd.DataFrame({"text": ["x" * 60] * 10}), {}) for _ in range(3)]  # 600 a chunk
    assert not workers.worth_a_pool(long[:1]) and workers.worth_a_pool(long[:2])
    assert workers.head_chars(long) == 1800
    with pytest.raises(Started):
        list(workers.ProcessMapper(2).map(None, iter(long)))  # type: ignore[arg-type]

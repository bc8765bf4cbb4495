"""The reduce phase at scale: a capped sample, and the rest placed in bounded memory."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from voc import workspace as ws
from voc.reduce_sample import place_all, sample_positions

DIM = 384


def test_sample_is_capped_seeded_and_sorted() -> None:
    a = sample_positions(1_000_000, 50_000, seed=3)
    assert len(a) == 50_000 and len(np.unique(a)) == 50_000
    assert (np.diff(a) > 0).all() and a[-1] < 1_000_000
    assert np.array_equal(a, sample_positions(1_000_000, 50_000, seed=3))
    assert not np.array_equal(a, sample_positions(1_000_000, 50_000, seed=4))
    assert np.array_equal(sample_positions(10, 50, seed=3), np.arange(10))


def _workspace(path: Path, n: int, seed: int = 0) -> tuple[object, np.ndarray, np.ndarray]:
    """A workspace whose embeddings cache holds ``n`` vectors around 3 directions."""
    rng = np.random.default_rng(seed)
    centers = np.eye(3, DIM, dtype=np.float32)
    truth = rng.integers(0, 3, size=n)
    vecs = centers[truth] + rng.normal(0, 0.05, size=(n, DIM)).astype(np.float32)
    hashes = np.array([f"h{i:08d}" for i in range(n)], dtype=object)
    con = ws.connect(path)
    frame = pd.DataFrame({"model_id": "m", "text_hash": hashes, "vector": list(vecs)})
    con.register("_v", frame)
    con.execute("INSERT INTO embeddings SELECT model_id, text_hash, vector::FLOAT[] FROM _v")
    con.unregister("_v")
    return con, hashes, truth


def _place(con: object, hashes: np.ndarray, truth: np.ndarray) -> np.ndarray:
    sample = sample_positions(len(hashes), 300, seed=0)
    vecs = ws.read_vectors(con, "m", hashes[sample])  # type: ignore[arg-type]
    labels = truth[sample].astype(int)
    labels[:5] = -1  # some sample rows in "other": they stay there
    sub = {0: (np.arange((labels == 0).sum()) % 2).astype(int)}
    got = place_all(con, "m", hashes, sample, vecs, labels, sub, 0.45, batch_vectors=1)  # type: ignore[arg-type]
    assert np.array_equal(got.labels[sample], labels)
    rest = np.setdiff1d(np.arange(len(hashes)), sample)
    assert np.array_equal(got.labels[rest], truth[rest])  # nearest centroid
    assert (got.sub_labels[rest][truth[rest] == 0] >= 0).all()
    assert (got.sub_labels[rest][truth[rest] != 0] == -1).all()
    return got.labels


def test_rest_joins_nearest_centroid(tmp_path: Path) -> None:
    con, hashes, truth = _workspace(tmp_path / "w.duckdb", 3000)
    _place(con, hashes, truth)


def test_statements_nearest_a_folded_theme_go_to_other(tmp_path: Path) -> None:
    con, hashes, truth = _workspace(tmp_path / "w.duckdb", 900)
    sample = sample_positions(len(hashes), 300, seed=0)
    vecs = ws.read_vectors(con, "m", hashes[sample])  # type: ignore[arg-type]
    labels = truth[sample].astype(int)
    # theme 2 was folded into "other" after naming: its centroid still places the rest
    got = place_all(con, "m", hashes, sample, vecs, labels, {}, 0.45, folded=[2])  # type: ignore[arg-type]
    assert np.array_equal(got.labels, np.where(truth == 2, -1, truth))
    plain = place_all(con, "m", hashes, sample, vecs, np.where(labels == 2, -1, labels), {},  # type: ignore[arg-type]
                      -1.0)
    rest = np.setdiff1d(np.flatnonzero(truth == 2), sample)
    assert len(rest) and (plain.labels[rest] >= 0).all()  # without it: the next theme


def test_placement_memory_does_not_grow_with_size(tmp_path: Path) -> None:
    """Peak Python memory of placing 8,000 vs 32,000 statements: blocks, not all vectors."""
    peaks = []
    for n in (8000, 32000):
        con, hashes, truth = _workspace(tmp_path / f"w{n}.duckdb", n, seed=n)
        tracemalloc.start()
        _place(con, hashes, truth)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        con.close()  # type: ignore[attr-defined]
    all_vectors = 32000 * DIM * 4  # 49 MB: what loading every vector would cost
    assert peaks[1] < all_vectors / 2, peaks
    assert peaks[1] < 1.5 * peaks[0] + 2**20, peaks  # only O(n) ints beyond one block


@pytest.mark.slow
def test_sampled_reduce_end_to_end(tmp_path: Path) -> None:
    """The sample survey with max_sample 40: every friction statement gets a theme, counts add up,
    and the themes of the sampled run come out of the workspace like any other run's."""
    from voc import api
    from voc.config import DEFAULT_STEPS, parse_pipeline

    survey = Path(__file__).resolve().parents[1] / "data" / "sample" / "survey" / "nps_survey.csv"
    steps = [
        {"name": n, "with": {"max_sample": 40}} if n == "cluster" else {"name": n}
        for n in DEFAULT_STEPS
    ]
    pipeline = parse_pipeline(
        {
            "name": "sampled",
            "seed": 7,
            "fast": True,
            "sources": [{"path": str(survey), "kind": "survey"}],
            "steps": steps,
            "output": {"dir": str(tmp_path / "out"), "formats": ["md"]},
        }
    )
    api.run(pipeline)  # type: ignore[arg-type]
    con = ws.connect(tmp_path / "out" / "voc.duckdb", read_only=True)
    n_friction, n_themed = con.execute(
        "SELECT count(*), count(theme_id) FROM statements WHERE is_friction"
    ).fetchone()
    assert n_friction > 40  # more than the sample: the rest was placed
    assert n_themed == n_friction
    assert con.execute("SELECT count(*) FROM statements WHERE theme_id IS NOT NULL "
                       "AND NOT is_friction").fetchone()[0] == 0
    assert con.execute("SELECT sum(n_statements) FROM themes").fetchone()[0] == n_friction
    names = [r[0] for r in con.execute("SELECT name FROM themes").fetchall()]
    assert len(names) >= 2 and all(names)


def test_statements_nearest_a_themes_remainder_stay_in_no_subtheme(tmp_path: Path) -> None:
    """A theme's sample rows in no sub-theme (folded, unnamed) place the rest too: a
    statement nearest them gets no sub-theme instead of the nearest named one."""
    rng = np.random.default_rng(5)
    n = 600
    side = rng.choice([1.0, -1.0], size=n)
    vecs = np.zeros((n, DIM), dtype=np.float32)
    vecs[:, 0] = 1.0
    vecs[:, 5] = 0.3 * side
    vecs += rng.normal(0, 0.02, size=(n, DIM)).astype(np.float32)
    hashes = np.array([f"h{i:08d}" for i in range(n)], dtype=object)
    con = ws.connect(tmp_path / "w.duckdb")
    frame = pd.DataFrame({"model_id": "m", "text_hash": hashes, "vector": list(vecs)})
    con.register("_v", frame)
    con.execute("INSERT INTO embeddings SELECT model_id, text_hash, vector::FLOAT[] FROM _v")
    con.unregister("_v")
    sample = sample_positions(n, 200, seed=0)
    labels = np.zeros(len(sample), dtype=int)
    sub = {0: np.where(side[sample] > 0, 0, -1)}  # one named sub-theme, the rest remainder
    got = place_all(con, "m", hashes, sample, vecs[sample], labels, sub, 0.45)  # type: ignore[arg-type]
    rest = np.setdiff1d(np.arange(n), sample)
    assert (got.labels[rest] == 0).all()
    assert np.array_equal(got.sub_labels[rest], np.where(side[rest] > 0, 0, -1))


def test_sample_keys_ignore_ids_and_count_repeats() -> None:
    from voc.reduce_sample import sample_keys

    a = pd.DataFrame({"statement_id": ["p1", "p2", "p3"], "text_hash": ["x", "y", "x"]})
    b = a.assign(statement_id=["q1", "q2", "q3"])
    assert sample_keys(a) == sample_keys(b) == ["x#0", "y#0", "x#1"]


def test_same_file_from_another_folder_gets_the_same_sampled_themes(tmp_path: Path) -> None:
    """Item ids hash the source path, so the sample must not be drawn by them: the survey
    copied into two folders outside the working directory gives the same themes."""
    import shutil

    from voc import api
    from voc.config import DEFAULT_STEPS, parse_pipeline

    survey = Path(__file__).resolve().parents[1] / "data" / "sample" / "survey" / "nps_survey.csv"
    steps = [
        {"name": n, "with": {"max_sample": 40}} if n == "cluster" else {"name": n}
        for n in DEFAULT_STEPS
    ]
    got = []
    for folder in ("a", "elsewhere/b"):
        src = tmp_path / folder / "survey.csv"
        src.parent.mkdir(parents=True)
        shutil.copy(survey, src)
        out = tmp_path / folder / "out"
        pipeline = parse_pipeline({
            "name": "sampled", "seed": 7, "fast": True,
            "sources": [{"path": str(src), "kind": "survey"}],
            "steps": steps, "output": {"dir": str(out), "formats": ["md"]},
        })
        api.run(pipeline)  # type: ignore[arg-type]
        con = ws.connect(out / "voc.duckdb", read_only=True)
        got.append(con.execute(
            "SELECT name, n_statements FROM themes ORDER BY name").fetchall())
        con.close()
    assert got[0] == got[1] and len(got[0]) >= 2

"""Fast mode's reduce phase: themes from MiniLM vectors of a friction sample, the rest placed
by the nearest centroid in the static space."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from voc import workspace as ws
from voc.reduce import FAST_SAMPLE, is_static, reduce_steps

ROOT = Path(__file__).resolve().parents[1]


def test_static_model_ids_are_recognised() -> None:
    from voc.embed import MODEL_ID
    from voc.fast import STATIC_MODEL_ID

    assert is_static(STATIC_MODEL_ID)
    assert not is_static(MODEL_ID) and not is_static(f"{MODEL_ID}@onnx")
    assert FAST_SAMPLE >= 1000


def test_default_mode_steps_are_the_pipelines() -> None:
    from voc.api import default_pipeline

    p = default_pipeline(["x.csv"])
    steps = reduce_steps(p)
    assert [name for _, name, _ in steps][:3] == ["cluster", "name", "rank"]
    assert steps == reduce_steps(p)


def run_fast(src: Path, out: Path, max_sample: int, seed: int, name: str = "fast") -> Any:
    """Fast mode over a generated survey CSV, clustering a sample of at most ``max_sample``."""
    from voc import api
    from voc.config import DEFAULT_STEPS, parse_pipeline

    steps = [
        {"name": n, "with": {"max_sample": max_sample}} if n == "cluster" else {"name": n}
        for n in DEFAULT_STEPS
    ]
    pipeline = parse_pipeline(
        {
            "name": name,
            "seed": seed,
            "fast": True,
            "sources": [
                {
                    "path": str(src),
                    "kind": "survey",
                    "options": {"text_columns": ["comment"], "date_column": "submitted_at"},
                }
            ],
            "steps": steps,
            "output": {"dir": str(out), "formats": ["md"]},
        }
    )
    return api.run(pipeline)  # type: ignore[arg-type]


def item_themes(con: Any) -> dict[str, str]:
    """Each item's theme: that of its most frictional statement ('none' without friction)."""
    rows = con.execute(
        "SELECT i.source_ref, arg_max(coalesce(s.theme_id, 'none'), s.friction_score) "
        "FROM items i LEFT JOIN statements s ON s.item_id = i.item_id AND s.is_friction "
        "GROUP BY 1 ORDER BY 1"
    ).fetchall()
    return {str(r): str(t) for r, t in rows}


def planted_nmi(src: Path, themes: dict[str, str]) -> float:
    """NMI of items' themes against the generator's planted labels (``SRC.labels.csv``)."""
    import csv

    from sklearn.metrics import normalized_mutual_info_score

    with src.with_suffix(".csv.labels.csv").open(encoding="utf-8") as fh:
        truth = {int(r["id"][1:]): r["label"] for r in csv.DictReader(fh)}
    got = {int(ref.split(":")[0].replace("row", "").strip()) - 1: t for ref, t in themes.items()}
    keys = sorted(got)
    return float(normalized_mutual_info_score([truth[k] for k in keys], [got[k] for k in keys]))


def _run(src: Path, out: Path, max_sample: int) -> tuple[dict[str, str], dict[str, float]]:
    import json

    run_fast(src, out, max_sample, seed=5)
    con = ws.connect(out / "voc.duckdb", read_only=True)
    themes = item_themes(con)
    timings = json.loads(con.execute("SELECT timings FROM runs").fetchone()[0])
    n_fr, n_themed = con.execute(
        "SELECT count(*), count(theme_id) FROM statements WHERE is_friction"
    ).fetchone()
    con.close()
    assert n_fr == n_themed  # every friction statement has a theme (or "other")
    return themes, timings


@pytest.mark.slow
def test_fast_mode_clusters_a_minilm_sample_deterministically(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Generated messages with planted topics, fast mode, a sample smaller than the friction
    statements: the sample is embedded with MiniLM, the rest placed; the items' themes match
    the planted topics and the same seed gives the same themes."""
    # Item ids hash the source path relative to the working directory (absolute outside
    # it), and the sample is drawn by a hash of statement ids: run inside tmp_path so the
    # ids, the sample and the NMI do not depend on where pytest puts its temp directory.
    monkeypatch.chdir(tmp_path)
    sys.path.insert(0, str(ROOT / "bench"))
    from generate_inbox import generate

    src = tmp_path / "inbox.csv"
    generate(src, 300, "csv", seed=3)
    a, timings = _run(src, tmp_path / "a", max_sample=120)
    assert "reduce_embed_sample" in timings  # the sample was embedded again (MiniLM)
    b, _ = _run(src, tmp_path / "b", max_sample=120)
    assert a == b  # deterministic for a seed
    nmi = planted_nmi(src, a)
    # the generator mixes context, asides and stock replies into messages as real mail does:
    # 0.35-0.36 here (networkx or igraph Louvain) where its repetitive first version gave 0.45+
    assert nmi > 0.3, nmi


def test_placement_threshold_is_calibrated_to_the_placing_space() -> None:
    """Static vectors' cosines run lower than MiniLM's: the threshold follows the sample."""
    import numpy as np

    from voc.cosine import unit
    from voc.reduce_sample import _centroids, _nearest, calibrated_threshold

    rng = np.random.default_rng(0)
    centres = unit(rng.normal(size=(3, 32)))
    labels = np.repeat(np.arange(3), 40)
    # members sit at cosine ~0.3-0.4 to their centre: below a MiniLM-sized threshold of 0.45
    x = unit(centres[labels] * 0.35 + unit(rng.normal(size=(120, 32))) * 0.9)
    ids, cents = _centroids(x, labels)
    thr = calibrated_threshold(x, labels, ids, cents, 0.45)
    assert thr < 0.45
    own = (x * cents[labels]).sum(axis=1)
    assert (own < thr).mean() <= 0.05 + 1e-9
    fresh = unit(centres[[0, 1, 2]] * 0.35 + unit(rng.normal(size=(3, 32))) * 0.9)
    assert (_nearest(fresh, ids, cents, 0.45) == -1).sum() >= 2  # nearly all to "other"
    assert (_nearest(fresh, ids, cents, thr) == np.arange(3)).sum() >= 2
    # a sample already tight in this space keeps the configured threshold
    tight = unit(centres[labels] + unit(rng.normal(size=(120, 32))) * 0.05)
    ids_t, cents_t = _centroids(tight, labels)
    assert calibrated_threshold(tight, labels, ids_t, cents_t, 0.45) == 0.45

"""Codeframe edits act on clustering: merge folds one theme into another, split cuts one."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import yaml

from voc.themes.assign import KEYED_BASE, cluster_with_codeframe

DIM = 16


def _axis(k: int) -> np.ndarray:
    v = np.zeros(DIM, dtype=np.float32)
    v[k] = 1.0
    return v


SEED_AXIS = {"billing": 0, "refund": 1, "sync a": 2, "sync b": 3}


def _encode(texts: list[str]) -> np.ndarray:
    return np.stack([_axis(SEED_AXIS[t]) for t in texts])


def _vectors(rng: np.random.Generator) -> np.ndarray:
    rows = [_axis(k) + 0.05 * rng.normal(size=DIM) for k in (0, 1, 2, 3) for _ in range(6)]
    return np.asarray(rows, dtype=np.float32)


def _write(path: Path, themes: list[dict[str, object]]) -> Path:
    path.write_text(yaml.safe_dump({"assign_threshold": 0.5, "themes": themes}))
    return path


def test_merge_into_folds_statements_into_the_target(tmp_path: Path) -> None:
    x = _vectors(np.random.default_rng(0))
    cf = _write(
        tmp_path / "cf.yaml",
        [
            {"id": "billing", "name": "charged twice", "seeds": ["billing"]},
            {"id": "refund", "name": "refund", "seeds": ["refund"], "merge_into": "billing"},
        ],
    )
    res = cluster_with_codeframe(x, cf, _encode, seed=0, options={})
    target = [lab for lab, tid in res.keys.items() if tid == "billing"]
    assert len(target) == 1 and "refund" not in res.keys.values()
    assert (res.labels[:12] == target[0]).all()  # billing and refund rows: one theme
    assert (res.labels[12:] < KEYED_BASE).all()  # the rest is discovered


def test_split_cuts_a_theme_into_new_ones(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    x = _vectors(rng)
    cf = _write(
        tmp_path / "cf.yaml",
        [{"id": "sync", "name": "sync", "seeds": ["sync a", "sync b"], "split": 2}],
    )
    res = cluster_with_codeframe(x, cf, _encode, seed=0, options={})
    assert res.split_ids == ["sync"] and "sync" not in res.keys.values()
    a, b = set(res.labels[12:18].tolist()), set(res.labels[18:24].tolist())
    assert len(a) == 1 and len(b) == 1 and a != b and min(a | b) >= 0


class _Model:
    """A fake embedder: ``encode`` maps each seed to ``axis[seed]``."""

    def __init__(self, axis: dict[str, int]) -> None:
        self.axis = axis

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.stack([_axis(self.axis[t]) for t in texts])


def test_cluster_step_embeds_seeds_with_the_model_of_the_vectors(tmp_path: Path) -> None:
    # fast mode clusters MiniLM vectors of its sample while the run's embedder is the static
    # model: seeds embedded by the static model land in another space and miss their theme
    import pandas as pd

    from voc.state import RunContext, RunState
    from voc.themesteps import ClusterParams, cluster_step

    x = _vectors(np.random.default_rng(0))
    cf = _write(tmp_path / "cf.yaml", [{"id": "billing", "name": "billing", "seeds": ["billing"]}])
    st = pd.DataFrame({"statement_id": [f"s{i}" for i in range(len(x))],
                       "text": [f"statement {i}" for i in range(len(x))]})
    state = RunState(items=pd.DataFrame(), statements=st, vectors=x,
                     friction_idx=np.arange(len(x)))
    ctx = RunContext(seed=0, labels=None, models={
        "embedder": _Model({"billing": 5}),  # the run's (static) model: another space
        "naming_embedder": _Model({"billing": 0}),  # the model of the vectors
    })
    cluster_step(state, ctx, ClusterParams(codeframe=str(cf), update_codeframe=False))
    labels = np.asarray(ctx.models["cluster_labels"])
    assert (labels[:6] == KEYED_BASE).all() and (labels[6:] != KEYED_BASE).all()

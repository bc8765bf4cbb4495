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

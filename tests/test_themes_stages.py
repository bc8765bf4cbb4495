"""Problems at different journey stages are kept apart unless very similar."""

from __future__ import annotations

import numpy as np

from voc.themes.stages import majority_stage, split_by_stage


def _blob(rng: np.random.Generator, centre: np.ndarray, n: int, spread: float) -> np.ndarray:
    return centre + spread * rng.standard_normal((n, len(centre)))


def _two_parts(sim: float, n_a: int = 20, n_b: int = 8) -> np.ndarray:
    """Two tight groups whose centres are ``sim`` cosine-similar."""
    rng = np.random.default_rng(0)
    a = np.zeros(16)
    a[0] = 1.0
    b = np.zeros(16)
    b[0], b[1] = sim, np.sqrt(1 - sim**2)
    return np.vstack([_blob(rng, a, n_a, 0.02), _blob(rng, b, n_b, 0.02)]).astype(np.float32)


def test_majority_stage_ignores_unknown() -> None:
    assert majority_stage(["usage", "usage", "unknown", "onboarding"]) == "usage"
    assert majority_stage(["usage", "onboarding"]) is None
    assert majority_stage(["unknown", "unknown"]) is None
    assert majority_stage(["usage"], min_count=3) is None


def test_part_at_another_stage_is_split_out_when_not_similar() -> None:
    x = _two_parts(sim=0.6)
    labels = np.zeros(28, dtype=int)  # the coarse grain joined both
    fine = np.array([0] * 20 + [1] * 8)  # the fine grain had them apart
    stages = ["usage"] * 20 + ["consideration"] * 6 + ["unknown"] * 2
    out = split_by_stage(x, labels, fine, stages, threshold=0.75)
    assert len(set(out[:20].tolist())) == 1 and len(set(out[20:].tolist())) == 1
    assert out[0] != out[20]


def test_same_stage_or_very_similar_parts_stay_merged() -> None:
    fine = np.array([0] * 20 + [1] * 8)
    labels = np.zeros(28, dtype=int)
    same_stage = ["usage"] * 28
    assert (split_by_stage(_two_parts(0.6), labels, fine, same_stage) == 0).all()
    other_stage = ["usage"] * 20 + ["consideration"] * 8
    assert (split_by_stage(_two_parts(0.9), labels, fine, other_stage, threshold=0.75) == 0).all()
    # threshold 0: stages ignored
    assert (split_by_stage(_two_parts(0.6), labels, fine, other_stage, threshold=0) == 0).all()


def test_other_and_small_parts_untouched() -> None:
    x = _two_parts(sim=0.5, n_a=20, n_b=2)
    labels = np.array([0] * 20 + [-1] * 2)
    fine = np.array([0] * 20 + [1] * 2)
    stages = ["usage"] * 20 + ["consideration"] * 2
    assert np.array_equal(split_by_stage(x, labels, fine, stages), labels)

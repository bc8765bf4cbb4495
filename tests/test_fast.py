"""Fast mode: static embeddings distilled from the local MiniLM, cached on disk."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from voc import api
from voc.embed import DIM, get_embedder
from voc.fast import STATIC_MODEL_ID, StaticEmbedder, cache_dir, static_model_path
from voc.runner import RunOptions

ROOT = Path(__file__).resolve().parents[1]


def test_cache_dir_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("VOC_CACHE_DIR", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"


@pytest.mark.slow  # the first call distills the model (minutes on a CPU), then it is cached
def test_static_vectors_are_semantic() -> None:
    emb = get_embedder(fast=True)
    assert isinstance(emb, StaticEmbedder) and emb.model_id == STATIC_MODEL_ID
    assert (static_model_path() / "config.json").exists()  # distilled once, then cached
    v = emb.encode(
        [
            "I was charged twice for my subscription.",
            "There is a duplicate payment on my credit card.",
            "The app crashes when I open the budget screen.",
        ]
    )
    assert v.shape == (3, DIM) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2]
    assert np.array_equal(
        v,
        emb.encode(
            [
                "I was charged twice for my subscription.",
                "There is a duplicate payment on my credit card.",
                "The app crashes when I open the budget screen.",
            ]
        ),
    )


@pytest.mark.slow
def test_fast_run_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    pipe = api.default_pipeline(
        ["data/sample/survey/nps_survey.csv"], str(tmp_path), date_column="submitted_at"
    )
    summary = api.run(pipe, options=RunOptions(fast=True))
    assert summary.precision == "static"
    assert any("fast mode" in n for n in summary.notes)
    assert summary.n_friction > 0 and len(summary.themes) >= 2

"""Fixtures shared across test modules."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from voc.embed import Embedder


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    """The local MiniLM encoder, one per test module (a module may define its own)."""
    return Embedder()


NameStepRun = Callable[[Callable[..., str], list[str], np.ndarray, np.ndarray, object], int]


@pytest.fixture
def name_step_drafts(monkeypatch: pytest.MonkeyPatch) -> NameStepRun:
    """Run the name step over ``texts`` (all friction) with their ``vectors`` and cluster
    ``labels``, themes drafted by the stand-in ``name`` (for ``theme_name``) and the given
    ``NameParams``; returns how many theme drafts it leaves."""
    import pandas as pd

    import voc.themes.drafts as drafts
    from voc.state import RunContext, RunState
    from voc.themesteps import name_step

    def run(name: Callable[..., str], texts: list[str], vectors: np.ndarray,
            labels: np.ndarray, params: object) -> int:
        monkeypatch.setattr(drafts, "theme_name", name)
        st = pd.DataFrame({"statement_id": [f"s{i}" for i in range(len(texts))], "text": texts})
        state = RunState(items=pd.DataFrame(), statements=st, vectors=vectors,
                         friction_idx=np.arange(len(texts)))
        ctx = RunContext(seed=0, labels=None, models={"cluster_labels": labels.copy(),
                                                      "theme_keys": {}})
        name_step(state, ctx, params)  # type: ignore[arg-type]
        return len(state.drafts)

    return run

"""Themes that draft the same name and are close in meaning are merged into one."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from test_themes_distinct import GATE

from voc.themes.samename import merge_same_names, same_name_key, set_apart

GATE_TOO = [
    "Flight delayed and we are still waiting at the gate.",
    "Delayed at the gate again, flight delayed for ages.",
    "The gate says delayed, my flight is delayed once more.",
    "Flight delayed, the gate is crowded and nobody knows why.",
]
BAGS = [
    "Flight delayed and my bag was lost on arrival.",
    "Delayed flight and now the lost bag desk is closed.",
    "My flight was delayed and they lost my bag.",
    "Flight delayed, lost bag, no compensation.",
]


def _vectors(sizes: list[int], directions: list[int], noise: float = 0.05) -> np.ndarray:
    """Unit vectors around one axis per group (groups on one axis are close)."""
    rng = np.random.default_rng(0)
    rows = []
    for n, d in zip(sizes, directions, strict=True):
        base = np.zeros(16)
        base[d] = 1.0
        rows.append(base + noise * rng.normal(size=(n, 16)))
    x = np.vstack(rows).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_same_name_key_ignores_auxiliaries_and_prepositions() -> None:
    assert same_name_key("account closed") == same_name_key("account was closed")
    assert same_name_key("flight cancelled") == same_name_key("flight was cancelled")
    assert same_name_key("payments late") == same_name_key("late on payments")
    assert same_name_key("can't pay") != same_name_key("pay")
    assert same_name_key("account closed") != same_name_key("account is closed: car")


def test_close_same_name_themes_are_merged_into_the_larger() -> None:
    texts = GATE + GATE_TOO + BAGS
    labels = np.array([3] * 8 + [1] * 4 + [2] * 4)
    x = _vectors([8, 4, 4], [0, 0, 5])
    names = {3: "flight delayed", 1: "flight was delayed", 2: "flight delayed"}
    new, merges = merge_same_names(labels, names, x, texts)
    # the larger keeps its label and every statement; the far theme stays apart
    assert merges and merges[0][:2] == (3, 1) and merges[0][2] > 0.9
    assert new.tolist() == [3] * 12 + [2] * 4
    # before, the two themes were apart: this is what the merge changes
    assert len(set(labels.tolist())) == 3 and len(set(new.tolist())) == 2


def test_codeframe_themes_and_other_names_are_never_merged() -> None:
    texts = GATE + GATE_TOO
    labels = np.array([0] * 8 + [1] * 4)
    x = _vectors([8, 4], [0, 0])
    same = {0: "flight delayed", 1: "flight delayed"}
    assert merge_same_names(labels, same, x, texts, keep={1})[1] == []
    assert merge_same_names(labels, {0: "flight delayed", 1: "gate closed"}, x, texts)[1] == []
    assert merge_same_names(labels, same, x, texts, min_similarity=1.0)[1] == []


def test_a_theme_set_apart_in_words_stays_apart() -> None:
    # close in meaning, same name, but every statement of one says "bag", none of the other
    texts = GATE + BAGS
    labels = np.array([0] * 8 + [1] * 4)
    x = _vectors([8, 4], [0, 0])
    new, merges = merge_same_names(labels, {0: "flight delayed", 1: "flight delayed"}, x, texts)
    assert merges == [] and new.tolist() == labels.tolist()
    assert set_apart({"bag": 1.0, "delay": 1.0}, {"delay": 1.0})
    assert not set_apart({"bag": 0.5, "delay": 1.0}, {"delay": 1.0})


def _run_name_step(keys: dict[int, str], monkeypatch: pytest.MonkeyPatch) -> tuple[list, object]:
    import voc.themes.drafts as drafts
    from voc.state import RunContext, RunState
    from voc.themesteps import NameParams, name_step

    monkeypatch.setattr(drafts, "theme_name", lambda *a, **k: "flight delayed")
    texts = GATE + GATE_TOO + BAGS
    st = pd.DataFrame({"statement_id": [f"s{i}" for i in range(len(texts))], "text": texts})
    state = RunState(items=pd.DataFrame(), statements=st, vectors=_vectors([8, 4, 4], [0, 0, 5]),
                     friction_idx=np.arange(len(texts)))
    labels = np.array([0] * 8 + [1] * 4 + [2] * 4)
    ctx = RunContext(seed=0, labels=None, models={"cluster_labels": labels, "theme_keys": keys})
    name_step(state, ctx, NameParams())
    return state.drafts, ctx.models["cluster_labels"]


def test_name_step_merges_same_name_themes(monkeypatch: pytest.MonkeyPatch) -> None:
    drafts, labels = _run_name_step({}, monkeypatch)
    assert [(d.label, len(d.statement_idx)) for d in drafts] == [(0, 12), (2, 4)]
    assert np.asarray(labels).tolist() == [0] * 12 + [2] * 4
    assert drafts[0].name == "flight delayed"  # the merged theme keeps the plain name


def test_name_step_leaves_codeframe_themes_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    drafts, _ = _run_name_step({1: "gate-delays"}, monkeypatch)
    assert [(d.label, len(d.statement_idx)) for d in drafts] == [(0, 8), (1, 4), (2, 4)]

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


LOST_BAG = [
    "They lost my bag on the way home.",
    "Lost bag again, nobody at the desk can find it.",
    "My bag was lost between the two flights.",
    "Still no sign of the bag you lost on Monday.",
    "Third time this year you lost my bag.",
    "The bag is lost and the tracking page says nothing.",
]
LUGGAGE_LOST = [
    "Our luggage was lost and the desk is closed.",
    "You lost all our luggage on a direct flight.",
    "Lost luggage, two days and no call back.",
    "My luggage got lost and I have no clothes for the wedding.",
]


def _word_model(words: list[str]) -> np.ndarray:
    """A fake embedding model: "bag" and "luggage" near-synonyms, other words apart."""
    axis = {"bag": 0, "luggage": 0, "lose": 1}
    rows = np.zeros((len(words), 8), dtype=np.float32)
    for k, w in enumerate(words):
        rows[k, axis.get(w, 2 + sum(map(ord, w)) % 6)] = 1.0
    return rows


def test_themes_whose_names_swap_a_synonym_are_merged() -> None:
    texts = LOST_BAG + LUGGAGE_LOST
    labels = np.array([4] * 6 + [7] * 4)
    x = _vectors([6, 4], [0, 0])
    names = {4: "lost bag", 7: "luggage lost"}
    # without the model's words the names differ and nothing merges (as before)
    assert merge_same_names(labels, names, x, texts)[1] == []
    new, merges = merge_same_names(labels, names, x, texts, encode=_word_model)
    # every "luggage" statement says a word the "bag" theme never says: the swapped
    # words count as one, so that alone does not keep the two themes apart
    assert [m[:2] for m in merges] == [(4, 7)] and new.tolist() == [4] * 10
    assert merge_same_names(labels, names, x, texts, encode=_word_model,
                            synonym_similarity=1.0)[1] == []


def test_synonym_names_far_apart_or_set_apart_in_other_words_stay_apart() -> None:
    names = {0: "lost bag", 1: "luggage lost"}
    labels = np.array([0] * 6 + [1] * 4)
    far = merge_same_names(labels, names, _vectors([6, 4], [0, 5]), LOST_BAG + LUGGAGE_LOST,
                           encode=_word_model)
    assert far[1] == []
    damaged = [f"Damaged, then {t[0].lower()}{t[1:]}" for t in LUGGAGE_LOST]
    apart = merge_same_names(labels, names, _vectors([6, 4], [0, 0]), LOST_BAG + damaged,
                             encode=_word_model)
    assert apart[1] == []


class _WordModel:
    """A fake run embedding model for the name step (16 dimensions, as ``_vectors``)."""

    def encode(self, texts: list[str]) -> np.ndarray:
        rows = np.zeros((len(texts), 16), dtype=np.float32)
        for k, t in enumerate(texts):
            axis = {"bag": 0, "luggage": 0, "lose": 1}.get(t, 2 + sum(map(ord, t)) % 14)
            rows[k, axis] = 1.0
        return rows


def test_name_step_merges_themes_whose_names_swap_a_synonym(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import voc.themes.drafts as drafts
    from voc.state import RunContext, RunState
    from voc.themesteps import NameParams, name_step

    def name(phrases: object, texts: list[str], quote: str = "") -> str:
        return "luggage lost" if all("uggage" in t for t in texts) else "lost bag"

    monkeypatch.setattr(drafts, "theme_name", name)
    texts = LOST_BAG + LUGGAGE_LOST + BAGS
    st = pd.DataFrame({"statement_id": [f"s{i}" for i in range(len(texts))], "text": texts})
    state = RunState(items=pd.DataFrame(), statements=st, vectors=_vectors([6, 4, 4], [0, 0, 5]),
                     friction_idx=np.arange(len(texts)))
    labels = np.array([0] * 6 + [1] * 4 + [2] * 4)
    ctx = RunContext(seed=0, labels=None, models={
        "cluster_labels": labels, "theme_keys": {}, "naming_embedder": _WordModel()})
    name_step(state, ctx, NameParams())
    assert np.asarray(ctx.models["cluster_labels"]).tolist() == [0] * 10 + [2] * 4
    assert [(d.name, len(d.statement_idx)) for d in state.drafts][0] == ("lost bag", 10)
    ctx.models["cluster_labels"] = labels
    name_step(state, ctx, NameParams(same_synonym_similarity=1.0))
    assert len(state.drafts) == 3


def test_synonym_names_need_closer_centroids_than_same_names() -> None:
    # 0.82 close: enough for one name drafted twice, not for names that swap a synonym
    rows = [[1.0, 0.0]] * 6 + [[0.82, float(np.sqrt(1 - 0.82**2))]] * 4
    x = np.array(rows, dtype=np.float32)
    labels = np.array([0] * 6 + [1] * 4)
    texts = LOST_BAG + LUGGAGE_LOST
    assert merge_same_names(labels, {0: "lost bag", 1: "luggage lost"}, x, texts,
                            encode=_word_model)[1] == []
    assert merge_same_names(labels, {0: "lost bag", 1: "lost bag"}, x, LOST_BAG + LOST_BAG[:4],
                            encode=_word_model)[1] == [(0, 1, 0.82)]


def test_merges_do_not_chain_through_a_theme_merged_away() -> None:
    # B sits between A and C: close to both, while A and C are too far apart to merge,
    # and C stays too far from A and B merged (0.78) to join in a next round
    angle = {0: 0.0, 1: 20.0, 2: 45.0}
    labels = np.array([0] * 8 + [1] * 4 + [2] * 6)
    x = np.array([[np.cos(np.radians(angle[c])), np.sin(np.radians(angle[c]))]
                  for c in labels], dtype=np.float32)
    texts = (GATE_TOO * 5)[:18]
    names = {0: "flight delayed", 1: "flight delayed", 2: "flight delayed"}
    new, merges = merge_same_names(labels, names, x, texts)
    # B joins A (0.94); C, 0.91 close to B but 0.71 to A, is not taken along through B
    assert [m[:2] for m in merges] == [(0, 1)]
    assert new.tolist() == [0] * 12 + [2] * 6


def test_a_theme_that_took_another_is_compared_again() -> None:
    # "luggage lost" B joins "lost bag" A (0.98) in the first round; the second
    # "luggage lost" C, 0.84 from A (a swap needs 0.85), is 0.87 from A and B merged
    angle = {0: 0.0, 1: 10.0, 2: 33.0}
    labels = np.array([0] * 6 + [1] * 4 + [2] * 4)
    x = np.array([[np.cos(np.radians(angle[c])), np.sin(np.radians(angle[c]))]
                  for c in labels], dtype=np.float32)
    texts = LOST_BAG + LUGGAGE_LOST + LUGGAGE_LOST
    names = {0: "lost bag", 1: "luggage lost", 2: "luggage lost"}
    new, merges = merge_same_names(labels, names, x, texts, encode=_word_model)
    assert [m[:2] for m in merges] == [(0, 1), (0, 2)] and new.tolist() == [0] * 14
    assert merges[1][2] > 0.85 > float(x[0] @ x[-1])

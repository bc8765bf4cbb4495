"""Themes whose key words carry another theme's named problem are one problem."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from voc.themes.carried import carried_pairs, carries, named_events
from voc.themes.represent import lemma_doc
from voc.themes.samename import merge_same_names

DELAYED = [
    "My flight was delayed three hours.",
    "Delayed again this morning.",
    "The flight is delayed and nobody says why.",
    "Delayed flight, missed the meeting.",
    "We got delayed twice today.",
    "Flight delayed for the third time this month.",
    "They delayed the flight without a word.",
    "Flight delayed, no update at all.",
]
SITTING = [
    "Sitting on the plane for two hours, delayed by snow.",
    "Stuck at the runway, the delay keeps growing.",
    "We are sitting here because of a delay nobody explains.",
    "Still on the plane at the gate, delayed again.",
]
SEATS = [
    "My seat was given away at the gate.",
    "The seat I paid for went to someone else.",
    "Seat changed without asking me.",
    "They gave my seat to another passenger.",
]


def _vectors(sizes: list[int], directions: list[int]) -> np.ndarray:
    rng = np.random.default_rng(0)
    rows = []
    for n, d in zip(sizes, directions, strict=True):
        base = np.zeros(16)
        base[d] = 1.0
        rows.append(base + 0.05 * rng.normal(size=(n, 16)))
    x = np.vstack(rows).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def _said(texts: list[str]) -> list[frozenset[str]]:
    return [frozenset(lemma_doc(t).split()) for t in texts]


def test_named_events_are_what_happened_not_how_bad() -> None:
    assert named_events("flight delayed") == {"delay"}
    assert named_events("lost bag: airport") == {"lose"}
    assert named_events("worst airline") == set()
    assert named_events("no response") == set()
    assert carries("flight delayed", {"sit", "plane", "delay"})
    assert not carries("worst airline", {"bad", "airline"})


def test_a_small_close_theme_whose_key_words_say_the_named_problem_pairs() -> None:
    texts = DELAYED + SITTING + SEATS
    labels = np.array([0] * 8 + [1] * 4 + [2] * 4)
    x = _vectors([8, 4, 4], [0, 0, 5])
    names = {0: "flight delayed", 1: "sitting on plane", 2: "seat given away"}
    pairs = carried_pairs(names, x, labels, _said(texts))
    assert [p[:2] for p in pairs] == [(0, 1)] and pairs[0][2] > 0.9
    # only the smaller theme is read for the larger one's named problem
    assert carried_pairs({0: "flight sitting", 1: "plane delayed", 2: "seat given away"},
                         x, labels, _said(texts)) == []
    assert carried_pairs(names, x, labels, _said(texts), keep={1}) == []
    assert carried_pairs(names, x, labels, _said(texts), min_similarity=1.0) == []
    assert carried_pairs({**names, 1: "mixed complaints about plane"}, x, labels,
                         _said(texts)) == []


def test_merge_same_names_merges_a_carried_problem_when_asked() -> None:
    texts = DELAYED + SITTING + SEATS
    labels = np.array([0] * 8 + [1] * 4 + [2] * 4)
    names = {0: "flight delayed", 1: "sitting on plane", 2: "seat given away"}
    close = _vectors([8, 4, 4], [0, 0, 5])
    # as before: different names, nothing merged
    assert merge_same_names(labels, names, close, texts)[1] == []
    new, merges = merge_same_names(labels, names, close, texts, carried_similarity=0.87)
    assert [m[:2] for m in merges] == [(0, 1)]
    assert new.tolist() == [0] * 12 + [2] * 4
    far = _vectors([8, 4, 4], [0, 3, 5])
    assert merge_same_names(labels, names, far, texts, carried_similarity=0.87)[1] == []


def test_name_step_merges_a_carried_problem(name_step_drafts: Callable[..., int]) -> None:
    from voc.themesteps import NameParams

    def name(phrases: object, texts: list[str], quote: str = "") -> str:
        if all("eat" in t for t in texts):
            return "seat given away"
        return "sitting on plane" if len(texts) == 4 else "flight delayed"

    texts = DELAYED + SITTING + SEATS
    labels = np.array([0] * 8 + [1] * 4 + [2] * 4)
    for threshold, n_themes in ((0.87, 2), (1.0, 3)):
        params = NameParams(same_problem_merge_threshold=threshold)
        assert name_step_drafts(name, texts, _vectors([8, 4, 4], [0, 0, 5]), labels,
                                params) == n_themes

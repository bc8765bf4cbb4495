"""Themes whose names share their subject and that sit very close are one problem."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from voc.themes.samename import merge_same_names
from voc.themes.samesubject import SUBJECT_SIMILARITY, subject_pairs, subject_words

GET_THROUGH = [
    "I can't get through by phone, it rings and hangs up.",
    "Tried calling all day, can't get through to anyone on the phone.",
    "No answer on the phone line, can't get through.",
    "Can't get through, the phone just keeps ringing for an hour.",
    "On the phone for ages and still can't get through to an agent.",
    "I keep calling and waiting, the line hangs up on me.",
]
WAITING = [
    "Waiting on the phone for two hours, can't get through.",
    "Still waiting for someone to pick up the phone.",
    "Been waiting on hold on the phone since noon, no answer.",
    "Waiting for a call back, the phone line is a joke.",
]
DAMAGED = [
    "My bag arrived damaged and torn.",
    "The bag was damaged on the flight.",
    "Handle of my bag damaged, wheels broken.",
    "They damaged my bag again.",
]
LOST = [
    "My bag is lost.", "Lost bag and nobody knows where it is.", "Bag lost on a direct flight.",
    "They lost my bag twice.", "Still no news on my lost bag.", "Bag lost, no update.",
]


#: A third theme about something else, so that the two themes' subject is no everyday
#: word of the run (said by a fifth of its statements).
SEATS = [f"Seat {k} was broken and the tray table too." for k in range(40)]


def _two(cos: float) -> np.ndarray:
    """Six rows on one axis, four ``cos`` close to it and the seats apart."""
    other = [cos, float(np.sqrt(1 - cos**2)), 0.0]
    return np.array([[1.0, 0.0, 0.0]] * 6 + [other] * 4 + [[0.0, 0.0, 1.0]] * 40,
                    dtype=np.float32)


def _labels() -> np.ndarray:
    return np.array([0] * 6 + [1] * 4 + [2] * 40)


def test_subject_words_are_nouns_and_named_events_not_everyday_words() -> None:
    assert subject_words("can't get through by phone") == {"phone"}
    assert subject_words("waiting for phone") == {"phone"}
    assert subject_words("poor customer service") == {"customer", "service"}
    assert subject_words("hour delay", {"hour"}) == {"delay"}
    assert subject_words("flight delayed", {"flight"}) == {"delay"}
    assert subject_words("seat problems") == {"seat"}  # "problems" says no subject
    assert subject_words("worst airline", {"airline"}) == frozenset()
    assert subject_words("bag lost: suitcase") == subject_words("bag lost")


def test_subject_pairs_need_a_shared_word_and_closeness() -> None:
    labels = _labels()
    names = {0: "can't get through by phone", 1: "waiting for phone"}
    assert [p[:2] for p in subject_pairs(names, _two(0.9), labels)] == [(0, 1)]
    assert subject_pairs(names, _two(SUBJECT_SIMILARITY - 0.02), labels) == []
    assert subject_pairs({0: "can't get through", 1: "waiting for phone"}, _two(0.9),
                         labels) == []
    assert subject_pairs(names, _two(0.9), labels, keep={1}) == []
    assert subject_pairs({0: "can't get through by phone", 1: "mixed complaints about phone"},
                         _two(0.9), labels) == []
    assert subject_pairs(names, _two(0.9), labels, min_similarity=1.0) == []


def test_close_themes_about_one_subject_are_merged() -> None:
    # the old merges leave them apart: no same name, no synonym swap, no carried problem
    texts = GET_THROUGH + WAITING + SEATS
    labels = _labels()
    names = {0: "can't get through by phone", 1: "waiting for phone", 2: "broken seat"}
    assert merge_same_names(labels, names, _two(0.9), texts)[1] == []
    new, merges = merge_same_names(labels, names, _two(0.9), texts,
                                   subject_similarity=SUBJECT_SIMILARITY)
    assert [m[:2] for m in merges] == [(0, 1)] and new.tolist() == [0] * 10 + [2] * 40


def test_two_problems_of_one_subject_stay_apart() -> None:
    # "damage" said by every "bag damaged" statement and by no "bag lost" one
    texts = LOST + DAMAGED + SEATS
    labels = _labels()
    names = {0: "bag lost", 1: "bag damaged", 2: "broken seat"}
    assert [p[:2] for p in subject_pairs(names, _two(0.9), labels)] == [(0, 1)]
    assert merge_same_names(labels, names, _two(0.9), texts,
                            subject_similarity=SUBJECT_SIMILARITY)[1] == []


def test_same_names_merge_before_shared_subjects() -> None:
    # "worst customer service" twice is one theme before "poor customer service" takes it
    texts = ["Poor customer service again.", "Customer service is the worst.",
             "Awful customer service.", "Poor service from customer care.",
             "Worst customer service, rude staff.", "Customer service was useless.",
             "Worst customer service ever.", "Poor customer service, worst airline.",
             "Worst customer service today.", "Customer service is awful."] + SEATS * 2
    labels = np.array([0] * 6 + [1] * 2 + [2] * 2 + [3] * 80)
    x = np.array([[1.0, 0.0, 0.0, 0.0]] * 6 + [[0.9, 0.436, 0.0, 0.0]] * 2
                 + [[0.9, 0.3, 0.316, 0.0]] * 2 + [[0.0, 0.0, 0.0, 1.0]] * 80,
                 dtype=np.float32)
    names = {0: "poor customer service", 1: "worst customer service",
             2: "worst customer service", 3: "broken seat"}
    new, merges = merge_same_names(labels, names, x, texts, subject_similarity=0.85)
    assert merges[0][:2] == (1, 2) and new.tolist() == [0] * 10 + [3] * 80


def test_name_step_merges_themes_about_one_subject(name_step_drafts: Callable[..., int]) -> None:
    from voc.themesteps import NameParams

    def name(phrases: object, texts: list[str], quote: str = "") -> str:
        if all("eat" in t for t in texts):
            return "broken seat"
        return "waiting for phone" if len(texts) == 4 else "can't get through by phone"

    texts = GET_THROUGH + WAITING + SEATS
    rng = np.random.default_rng(0)
    x = np.zeros((len(texts), 16))
    x[:10, 0], x[10:, 5] = 1.0, 1.0
    x = x + 0.05 * rng.normal(size=x.shape)
    x = (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)
    for threshold, n_themes in ((SUBJECT_SIMILARITY, 2), (1.0, 3)):
        params = NameParams(same_subject_merge_threshold=threshold)
        assert name_step_drafts(name, texts, x, _labels(), params) == n_themes
    assert NameParams().same_subject_merge_threshold == SUBJECT_SIMILARITY

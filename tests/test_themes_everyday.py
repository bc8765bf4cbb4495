"""Names that differ only by the run's everyday words say one problem."""

from __future__ import annotations

import numpy as np

from voc.themes.everyday import everyday_words, subject_key, subject_pairs
from voc.themes.samename import merge_same_names

FLIGHT_DELAYED = [
    "My flight is delayed again.",
    "Flight delayed and no one tells us why.",
    "The flight was delayed at the gate.",
    "Delayed flight, missed my meeting.",
    "Our flight got delayed twice today.",
    "Flight delayed, stuck in the terminal.",
]
HOUR_DELAY = [
    "Three hour delay on my flight.",
    "A two hour delay and nothing to eat.",
    "Another hour delay, this is a joke.",
    "Delayed for ages on the runway, flight still here.",
]


def _two(cos: float) -> np.ndarray:
    """Six rows on one axis and four ``cos`` close to it."""
    other = [cos, float(np.sqrt(1 - cos**2))]
    return np.array([[1.0, 0.0]] * 6 + [other] * 4, dtype=np.float32)


def test_everyday_words_are_said_by_a_fifth_and_time_units() -> None:
    words = everyday_words(FLIGHT_DELAYED + HOUR_DELAY)
    assert "flight" in words and "hour" in words and "minute" in words
    assert "delay" in words  # said by every statement, but a problem word: it stays
    assert "runway" not in words


def test_subject_key_sets_everyday_words_aside() -> None:
    everyday = {"flight", "hour", "card"}
    assert subject_key("flight delayed", everyday) == subject_key("hour delay", everyday)
    assert subject_key("flight delayed", everyday) == ("delay",)
    assert subject_key("card payment declined", everyday) != subject_key(
        "transfer declined", everyday)
    assert subject_key("flight delayed: gate", everyday) == ("delay",)
    assert subject_key("flight delayed", everyday | {"delay"}) == ("delay",)
    # nothing but a negation or a question word left: no key
    assert subject_key("don't have card", everyday | {"have"}) == ()
    assert subject_key("how to get card", everyday | {"get"}) == ()


def test_subject_pairs_leave_same_names_mixed_and_codeframe_out() -> None:
    x = _two(0.9)
    labels = np.array([0] * 6 + [1] * 4)
    everyday = {"flight", "hour"}
    assert [p[:2] for p in subject_pairs(
        {0: "flight delayed", 1: "hour delay"}, x, labels, everyday)] == [(0, 1)]
    assert subject_pairs({0: "flight delayed", 1: "flight was delayed"}, x, labels,
                         everyday) == []
    assert subject_pairs({0: "flight delayed", 1: "hour delay"}, x, labels, everyday,
                         keep={1}) == []
    assert subject_pairs({0: "flight delayed", 1: "mixed complaints saying delay"}, x,
                         labels, everyday) == []


def test_themes_named_apart_only_by_everyday_words_are_merged() -> None:
    # "hour" said by 3 of 4 "hour delay" statements: not enough to set it apart
    texts = FLIGHT_DELAYED + HOUR_DELAY
    labels = np.array([0] * 6 + [1] * 4)
    names = {0: "flight delayed", 1: "hour delay"}
    new, merges = merge_same_names(labels, names, _two(0.9), texts)
    assert [m[:2] for m in merges] == [(0, 1)] and new.tolist() == [0] * 10
    # the rule off: the names differ and the themes stay apart (as before)
    assert merge_same_names(labels, names, _two(0.9), texts, everyday=False)[1] == []


def test_everyday_names_need_synonym_closeness() -> None:
    # 0.82 close: enough for one name drafted twice, not for names agreeing less
    texts = FLIGHT_DELAYED + HOUR_DELAY
    labels = np.array([0] * 6 + [1] * 4)
    assert merge_same_names(labels, {0: "flight delayed", 1: "hour delay"}, _two(0.82),
                            texts)[1] == []
    assert merge_same_names(labels, {0: "flight delayed", 1: "flight delayed"}, _two(0.82),
                            texts)[1] == [(0, 1, 0.82)]

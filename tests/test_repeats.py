"""voc.repeats: distinct keys in order of first appearance."""

from __future__ import annotations

import numpy as np

from voc.repeats import first_rows, first_seen


def test_first_seen_keeps_order_and_maps_every_row() -> None:
    keys = ["b", "a", "b", "c", "a", "b"]
    uniq, where = first_seen(keys)
    assert uniq == ["b", "a", "c"]
    assert where.tolist() == [0, 1, 0, 2, 1, 0]
    assert [uniq[i] for i in where] == keys
    assert first_rows(where).tolist() == [0, 1, 3]


def test_first_seen_of_nothing_and_of_tuples() -> None:
    uniq, where = first_seen([])
    assert uniq == [] and where.dtype == np.int64 and len(where) == 0
    uniq, where = first_seen([("x", 1), ("x", 2), ("x", 1)])
    assert uniq == [("x", 1), ("x", 2)] and where.tolist() == [0, 1, 0]

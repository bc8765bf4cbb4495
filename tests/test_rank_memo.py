"""score_effect derives the respondents' kind and base once per frame, never from a stale one."""

from __future__ import annotations

import pandas as pd

from voc.themes import rank
from voc.themes.rank import score_effect


def _frame(scores: list[float], kind: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": [f"c{i}" for i in range(len(scores))],
            "score": scores,
            "score_kind": [kind] * len(scores),
        }
    )


def test_score_effect_memo_follows_the_frame() -> None:
    a = _frame([0, 10, 10, 9, 3], "nps")
    b = _frame([1, 5, 5, 4], "csat")
    first = score_effect(a, {"c0"})
    assert first == (round(100 * (3 / 4 - 1 / 4) - 100 * (3 / 5 - 2 / 5), 3), "nps")
    assert rank._LAST_SCORED[0][0] is a
    assert score_effect(a, {"c0"}) == first  # from the memo
    assert score_effect(a, {"c1"}) == (round(100 * (2 / 4 - 2 / 4) - 20.0, 3), "nps")
    # another frame (even one equal in content to a later edit) is derived afresh
    assert score_effect(b, {"c0"}) == (round(14 / 3 - 15 / 4, 3), "csat")
    assert rank._LAST_SCORED[0][0] is b
    c = a.copy()
    c["score"] = [10, 10, 10, 10, 10]
    assert score_effect(c, {"c0"}) == (0.0, "nps")

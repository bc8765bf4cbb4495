"""Sub-themes of large themes, and theme names with what goes wrong."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from voc.themes.drafts import build_drafts
from voc.themes.evidence import finish_evidence
from voc.themes.naming import problem_phrase, theme_name
from voc.themes.rank import RankSettings
from voc.themes.table import rank_themes, subtheme_column


def test_large_theme_gets_named_subthemes() -> None:
    rng = np.random.default_rng(0)
    base = rng.normal(size=32)
    a, b = base + rng.normal(size=32), base + rng.normal(size=32)
    vecs = np.vstack([a + 0.1 * rng.normal(size=(10, 32)), b + 0.1 * rng.normal(size=(10, 32))])
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    texts = [f"refund for order {i} never arrived" for i in range(10)] + [
        f"refund was the wrong amount on invoice {i}" for i in range(10)
    ]
    st = pd.DataFrame(
        {
            "statement_id": [f"s{i}" for i in range(20)],
            "item_id": [f"i{i}" for i in range(20)],
            "text": texts,
            "sentiment_score": -0.6,
            "stage": "usage",
        }
    )
    fidx = np.arange(20)
    labels = np.zeros(20, dtype=int)
    drafts = build_drafts(st, vecs, fidx, labels, {}, subtheme_min_size=12)
    assert len(drafts) == 1 and len(drafts[0].subthemes) == 2
    assert drafts[0].quote_ids == []  # picked once the name is final
    finish_evidence(drafts, vecs, texts, st["statement_id"].tolist(), 4)
    assert 3 <= len(drafts[0].quote_ids) <= 5
    items = pd.DataFrame(
        {
            "item_id": st["item_id"],
            "customer_id": [f"c{i}" for i in range(20)],
            "created_at": pd.NaT,
            "score": np.nan,
            "score_kind": "",
            "source_kind": "email",
            "attributes": "{}",
        }
    )
    table, ids = rank_themes(drafts, st, items, RankSettings())
    subs = json.loads(table["subthemes"].iloc[0])
    assert [s["subtheme_id"] for s in subs] == ["t01.1", "t01.2"]
    col = subtheme_column(drafts, ids, fidx, 20)
    assert set(col[:10]) != set(col[10:]) and len(set(col[:10])) == 1


def test_names_say_what_goes_wrong() -> None:
    texts = [
        "the bank sync failed again",
        "bank sync fails every morning",
        "my bank sync keeps failing",
    ]
    assert problem_phrase(texts) == "fails"
    # the verb phrase the statements use with "bank sync" (ties: the first wording)
    assert theme_name(["bank sync"], texts) == "bank sync failed"
    assert problem_phrase(["I love it", "great app"]) == ""
    waits = ["still waiting for my refund", "refund waited two weeks", "no reply about refund"]
    # in their words, not an invented "long wait for refund"
    assert theme_name(["refund"], waits) == "still waiting for refund"

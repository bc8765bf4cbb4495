"""Themes nothing names are folded into "other" (voc.themes.fold), the names left
are numbered without gaps (voc.themes.numbered), and the name and rank steps keep every
friction statement counted once."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from voc.themes.cluster import OTHER
from voc.themes.fold import choose_folds, fold_drafts, nameless
from voc.themes.numbered import renumber, unnumbered
from voc.themes.table import ThemeDraft

DELAYED = [
    "Flight delayed at the gate for three hours.",
    "My flight was delayed again, stuck at the gate.",
    "Delayed flight, the gate agent had no idea why.",
    "Flight delayed twice today and no update at the gate.",
    "Our flight is delayed and the gate changed again.",
    "The flight was delayed so long we missed dinner.",
    "Delayed flight and the gate screen never changed.",
    "Flight delayed by the crew, waiting at the gate.",
]
MIXED = [
    "You guys failed at it in the first place.",
    "Never got anything.",
    "Have you stopped?",
    "Not bad for a first date.",
]


def test_nameless_is_a_mixed_name_naming_no_subject() -> None:
    assert nameless("mixed complaints")
    assert nameless("mixed complaints (3)")
    assert not nameless("mixed complaints saying missing")  # says what goes wrong
    assert not nameless("mixed complaints about bag and seat")
    assert not nameless("flight delayed")
    assert not nameless("flight delayed (2)")


def test_nameless_themes_fold_smallest_first_up_to_the_cap() -> None:
    names = ["flight delayed", "mixed complaints", "mixed complaints (2)",
             "mixed complaints about bag", "mixed complaints (3)", "mixed complaints (4)"]
    sizes = [500, 9, 3, 5, 4, 40]
    folds = choose_folds(names, sizes, n_friction=1000, n_other=2, max_share=0.01)
    # named ones never fold; 2 + 3 + 4 fit under 10, 9 more would not, nor 40
    assert [(f.position, f.folded) for f in folds] == [(2, True), (4, True), (1, False),
                                                      (5, False)]
    assert choose_folds(names, sizes, 1000, 2, 0.05, keep={2})[0].position == 4
    assert all(not f.folded for f in choose_folds(names, sizes, 1000, 60, 0.05))


def test_a_large_nameless_theme_folds_too_while_other_stays_under_the_cap() -> None:
    # 163 airline tweets of venting ("epic fail", "tough break") name nothing a team can
    # act on, however many they are (the old rule kept every theme of 12 or more)
    names = ["flight delayed", "mixed complaints", "mixed complaints saying rude"]
    sizes = [2000, 163, 52]
    folds = choose_folds(names, sizes, n_friction=2688, n_other=47, max_share=0.09)
    assert [(f.position, f.folded) for f in folds] == [(1, True)]
    assert not choose_folds(names, sizes, 2688, 47, 0.05)[0].folded  # 210 pass 5%


def _drafts() -> tuple[list[ThemeDraft], np.ndarray]:
    labels = np.array([0] * 8 + [1] * 4 + [2] * 3 + [OTHER])
    drafts = [
        ThemeDraft(0, np.flatnonzero(labels == 0), "flight delayed", [], []),
        ThemeDraft(1, np.flatnonzero(labels == 1), "mixed complaints", [], []),
        ThemeDraft(2, np.flatnonzero(labels == 2), "mixed complaints (2)", [], []),
        ThemeDraft(OTHER, np.flatnonzero(labels == OTHER), "other friction", [], []),
    ]
    return drafts, labels


def test_folded_statements_join_other_and_nothing_is_lost() -> None:
    drafts, labels = _drafts()
    texts = DELAYED + MIXED + MIXED[:3] + ["Spent $200 for the inconvenience."]
    out, new, folds = fold_drafts(drafts, labels, texts, max_share=0.25)
    # the cap (4 of 16) lets the 3-statement theme fold beside the 1 in "other", not both
    assert [(f.name, f.folded) for f in folds] == [("mixed complaints (2)", True),
                                                  ("mixed complaints", False)]
    assert [d.label for d in out] == [0, 1, OTHER]
    assert new.tolist() == [0] * 8 + [1] * 4 + [OTHER] * 4
    assert out[-1].statement_idx.tolist() == [12, 13, 14, 15]
    assert sum(len(d.statement_idx) for d in out) == len(texts)
    renumber(out)
    assert [d.name for d in out] == ["flight delayed", "mixed complaints", "other friction"]


def test_codeframe_themes_never_fold() -> None:
    drafts, labels = _drafts()
    drafts[2].theme_key = "misc"
    texts = DELAYED + MIXED + MIXED[:3] + ["x"]
    out, new, _ = fold_drafts(drafts, labels, texts, max_share=0.5, keep={1})
    assert [d.label for d in out] == [0, 1, 2, OTHER] and new.tolist() == labels.tolist()


def test_renumber_closes_gaps_and_keeps_pinned_names() -> None:
    names = ["delay", "delay (3)", "delay (4)", "mixed complaints (2)", "lost (2)"]
    drafts = [ThemeDraft(k, np.arange(10 - k), n, [], []) for k, n in enumerate(names)]
    renumber(drafts, pinned={4})
    assert [d.name for d in drafts] == ["delay", "delay (2)", "delay (3)",
                                        "mixed complaints", "lost (2)"]
    assert unnumbered("flight missed (12)") == "flight missed"


def _run(monkeypatch: pytest.MonkeyPatch, keys: dict[int, str], **params: float) -> tuple:
    import voc.themes.drafts as drafts
    from voc.state import RunContext, RunState
    from voc.themesteps import NameParams, RankParams, name_step, rank_step

    monkeypatch.setattr(drafts, "theme_name", lambda ph, tx, *a, **k: (
        "flight delayed" if "delayed" in " ".join(tx).lower() else "mixed complaints"))
    texts = DELAYED * 10 + MIXED  # the 4 nameless statements are 4.8% of 84
    n = len(texts)
    st = pd.DataFrame({
        "statement_id": [f"s{i}" for i in range(n)], "item_id": [f"i{i}" for i in range(n)],
        "text": texts, "sentiment_score": [-0.8] * n, "stage": ["usage"] * n,
    })
    items = pd.DataFrame({
        "item_id": [f"i{i}" for i in range(n)], "customer_id": [f"c{i}" for i in range(n)],
        "source_kind": ["email"] * n, "created_at": pd.to_datetime(["2026-09-01"] * n),
        "score": [np.nan] * n, "score_kind": [""] * n, "attributes": ["{}"] * n,
    })
    rng = np.random.default_rng(0)
    vecs = rng.normal(size=(n, 8)).astype(np.float32)
    state = RunState(items=items, statements=st, vectors=vecs, friction_idx=np.arange(n))
    labels = np.array([0] * 80 + [1] * 4)
    ctx = RunContext(seed=0, labels=None, models={"cluster_labels": labels, "theme_keys": keys})
    name_step(state, ctx, NameParams(**params))
    rank_step(state, ctx, RankParams())
    return state, ctx


def test_name_and_rank_steps_fold_and_count_every_statement_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    state, ctx = _run(monkeypatch, {})  # shipped defaults
    table = state.themes
    assert table["theme_id"].tolist() == ["t01", "other"]
    assert table["rank"].tolist()[0] == 1
    assert table["n_statements"].tolist() == [80, 4]
    assert int(table["n_statements"].sum()) == len(state.friction_idx)
    assert state.statements["theme_id"].tolist() == ["t01"] * 80 + ["other"] * 4
    assert ctx.models["cluster_labels"].tolist() == [0] * 80 + [OTHER] * 4


def test_the_cap_and_the_codeframe_keep_a_nameless_theme(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for share, keys in ((0.04, {}), (0.05, {1: "misc"})):  # 4 of 84 pass 4%; user theme
        state, _ = _run(monkeypatch, keys, other_max_share=share)
        assert state.themes["n_statements"].tolist() == [80, 4]
        assert state.themes["rank"].tolist() == [1, 2]


def test_readme_documents_the_fold() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "other_max_share" in readme and "nothing names" in readme

"""Assemble the themes table from clustered friction statements."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from voc.schema import OTHER_THEME, UNKNOWN_STAGE
from voc.themes.rank import (
    RankSettings,
    feeding_effect,
    formula_text,
    growth_ratio,
    impact_score,
    majority_stage,
    mix,
    score_effects,
    segment_mix,
    segment_spellings,
)


@dataclass
class SubTheme:
    """A sub-theme of a large theme."""

    label: int
    name: str
    key_phrases: list[str]
    n_statements: int
    spare_phrases: list[str] = field(default_factory=list)  # next best, if some are dropped


@dataclass
class ThemeDraft:
    """A cluster before ranking: its statements, name, key phrases and quotes."""

    label: int
    statement_idx: np.ndarray  # rows of the friction statements frame
    name: str
    key_phrases: list[str]
    quote_ids: list[str]
    theme_key: str | None = None  # stable id from the codeframe
    quote_rows: list[int] = field(default_factory=list)  # positions in statement_idx
    sub_labels: np.ndarray | None = None  # sub-theme label per statement (-1: none)
    subthemes: list[SubTheme] = field(default_factory=list)
    spare_phrases: list[str] = field(default_factory=list)  # next best, if some are dropped
    name_unsaid: bool = False  # no statement says a word of the name: quotes cannot show it


def _subtheme_ids(d: ThemeDraft, theme_id: str) -> dict[int, str]:
    order = sorted(d.subthemes, key=lambda s: (-s.n_statements, s.label))
    return {s.label: f"{theme_id}.{k}" for k, s in enumerate(order, start=1)}


def subtheme_column(
    drafts: list[ThemeDraft], ids: dict[int, str], fidx: np.ndarray, n: int
) -> np.ndarray:
    """Sub-theme id of every statement (None when its theme has no sub-themes)."""
    col = np.full(n, None, dtype=object)
    for d in drafts:
        if not d.subthemes or d.sub_labels is None or d.label not in ids:
            continue
        sub_ids = _subtheme_ids(d, ids[d.label])
        sub = np.asarray(d.sub_labels, dtype=int)
        if len(sub) != len(d.statement_idx):
            raise ValueError(f"{len(sub)} sub-theme labels for {len(d.statement_idx)} statements")
        rows = fidx[np.asarray(d.statement_idx, dtype=int)]
        col[rows] = None  # as the loop it replaces: each statement of the theme is set
        for lab, sid in sub_ids.items():
            col[rows[sub == lab]] = sid
    return col


def _respondents(items: pd.DataFrame) -> pd.DataFrame:
    scored = items[items["score"].notna()]
    return (
        scored[["customer_id", "score", "score_kind"]]
        .drop_duplicates("customer_id", keep="first")
        .reset_index(drop=True)
    )


def rank_themes(
    drafts: list[ThemeDraft],
    friction: pd.DataFrame,
    items: pd.DataFrame,
    settings: RankSettings,
) -> tuple[pd.DataFrame, dict[int, str]]:
    """Themes table sorted by impact (``other`` last) and cluster label → theme_id."""
    items = items.set_index("item_id", drop=False)
    total_customers = max(items["customer_id"].nunique(), 1)
    respondents = _respondents(items)
    spellings = segment_spellings(items)
    rows: list[dict[str, object]] = []
    for d in drafts:
        st = friction.iloc[d.statement_idx]
        item_ids = sorted(set(st["item_id"]))
        its = items.loc[item_ids]
        customers = set(its["customer_id"])
        share = len(customers) / total_customers
        negativity = (
            float(((1.0 - st["sentiment_score"].astype(float)) / 2.0).mean()) if len(st) else 0.0
        )
        growth = growth_ratio(its["created_at"], items["created_at"], settings.recent_weeks)
        effects = score_effects(respondents, customers)
        effect, kind = feeding_effect(effects, settings)
        impact, factors = impact_score(share, negativity, growth, effect, kind, settings)
        stage_mix = mix(st["stage"].fillna(UNKNOWN_STAGE))
        rows.append(
            {
                "label": d.label,
                "name": d.name,
                "key_phrases": json.dumps(d.key_phrases),
                "n_statements": len(st),
                "n_items": len(item_ids),
                "n_customers": len(customers),
                "customer_share": round(share, 4),
                "mean_sentiment": round(float(st["sentiment_score"].mean()), 4) if len(st) else 0.0,
                "mean_negativity": round(negativity, 4),
                "score_effect": effect,
                "impact": impact if d.label >= 0 else 0.0,
                "impact_parts": json.dumps(
                    {
                        "customers": len(customers),
                        "customer_share": round(share, 4),
                        "mean_negativity": round(negativity, 4),
                        "score_effect": effect,
                        "score_kind": kind,
                        "score_effects": effects,
                        "growth": growth,
                        **factors,
                        "formula": formula_text(settings.weights),
                    },
                    ensure_ascii=False,
                ),
                "stage": majority_stage(stage_mix, UNKNOWN_STAGE),
                "stage_mix": json.dumps(stage_mix),
                "source_mix": json.dumps(mix(its["source_kind"])),
                "segment_mix": json.dumps(segment_mix(its, spellings)),
                "quote_ids": json.dumps(d.quote_ids),
                "name_unsaid": d.name_unsaid,
                "growth": growth,
                "origin": "codeframe" if d.theme_key else "discovered",
                "score_effects": json.dumps(effects),
                "_draft": d,
            }
        )
    table = pd.DataFrame(rows)
    if table.empty:
        return table, {}
    by_label = {d.label: d for d in drafts}
    table["_other"] = table["label"] < 0
    table = table.sort_values(
        ["_other", "impact", "n_customers", "name"], ascending=[True, False, False, True]
    ).reset_index(drop=True)
    ids: dict[int, str] = {}
    ranks: list[int | None] = []
    theme_ids: list[str] = []
    k = 0
    for label, other in zip(table["label"], table["_other"], strict=True):
        if other:
            ranks.append(None)
            theme_ids.append(OTHER_THEME)
        else:
            k += 1
            ranks.append(k)
            key = by_label[int(label)].theme_key
            theme_ids.append(key if key else f"t{k:02d}")
        ids[int(label)] = theme_ids[-1]
    table["rank"] = pd.array(ranks, dtype="Int64")
    table["theme_id"] = theme_ids
    table["subthemes"] = [
        json.dumps(
            [
                {
                    "subtheme_id": _subtheme_ids(d, tid)[s.label],
                    "name": s.name,
                    "n_statements": s.n_statements,
                    "key_phrases": s.key_phrases,
                }
                for s in sorted(d.subthemes, key=lambda s: (-s.n_statements, s.label))
            ],
            ensure_ascii=False,
        )
        for d, tid in zip(table["_draft"], theme_ids, strict=True)
    ]
    return table.drop(columns=["_other", "label", "_draft"]), ids

"""Write a synthetic workspace of N statements straight into DuckDB (no model needed).

Used by ``bench/bench_report.py`` and the report tests to check how ``voc report`` scales::

    python bench/make_workspace.py out/bench.duckdb --statements 100000 --seed 7

Items come from the three source kinds over 26 weeks with plan and region segments; statements
get a stage, a sentiment, an emotion and, for a third of them, a friction theme. Themes carry
every column the report reads (impact parts, mixes, quote ids), computed from the generated rows
so the numbers agree with the tables. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from voc.workspace import connect, write_tables

STAGES = [
    ("awareness", "Awareness"),
    ("purchase", "Purchase"),
    ("onboarding", "Onboarding"),
    ("usage", "Usage"),
    ("support", "Support"),
]
KINDS = ["email", "transcript", "survey"]
PLANS = ["Free", "Plus", "Premium"]
REGIONS = ["EU", "NA", "APAC"]
EMOTIONS = ["frustration", "confusion", "anger", "disappointment", "joy", "neutral", "relief"]
SENTIMENTS = ["negative", "neutral", "positive"]
WORDS = [
    "bank",
    "sync",
    "fails",
    "login",
    "code",
    "export",
    "csv",
    "invoice",
    "charged",
    "twice",
    "renewal",
    "price",
    "budget",
    "app",
    "categories",
    "mobile",
    "crash",
    "slow",
    "dashboard",
    "support",
    "reply",
    "wizard",
    "setup",
    "import",
    "receipts",
]
START = datetime(2024, 1, 1)
WEEKS = 26


def _items(rng: np.random.Generator, n_items: int) -> pd.DataFrame:
    kinds = rng.choice(KINDS, n_items, p=[0.5, 0.2, 0.3])
    days = rng.integers(0, WEEKS * 7, n_items)
    customers = rng.integers(0, max(1, n_items * 2 // 3), n_items)
    plans = rng.choice(PLANS, n_items, p=[0.5, 0.3, 0.2])
    regions = rng.choice(REGIONS, n_items)
    scores = rng.integers(0, 11, n_items).astype(float)
    return pd.DataFrame(
        {
            "item_id": [f"i{n:07d}" for n in range(n_items)],
            "source_kind": kinds,
            "source_path": [f"data/{k}/{n // 500:04d}" for n, k in enumerate(kinds)],
            "source_ref": [f"ref {n}" for n in range(n_items)],
            "channel": kinds,
            "created_at": [START + timedelta(days=int(d), hours=9) for d in days],
            "author_role": "customer",
            "customer_id": [f"c{c:07d}" for c in customers],
            "score": np.where(kinds == "survey", scores, np.nan),
            "score_kind": np.where(kinds == "survey", "nps", ""),
            "attributes": [
                json.dumps({"plan": p, "region": r}) for p, r in zip(plans, regions, strict=True)
            ],
            "text": "",
            "language": "en",
        }
    )


def _statements(rng: np.random.Generator, n: int, n_items: int, n_themes: int) -> pd.DataFrame:
    item = np.sort(rng.integers(0, n_items, n))
    stage = rng.choice([s for s, _ in STAGES] + ["unknown"], n, p=[0.1, 0.2, 0.25, 0.3, 0.1, 0.05])
    sentiment = rng.choice(SENTIMENTS, n, p=[0.45, 0.35, 0.2])
    score = np.where(sentiment == "negative", -0.6, np.where(sentiment == "positive", 0.6, 0.0))
    score = np.round(score + rng.normal(0, 0.2, n), 3)
    friction = (sentiment == "negative") & (rng.random(n) < 0.75)
    theme_no = rng.zipf(1.6, n) % (n_themes + 1)  # 0 = other; a long tail like real themes
    theme = np.where(friction, [f"t{t:02d}" if t else "other" for t in theme_no], None)
    words = rng.integers(0, len(WORDS), (n, 6))
    texts = [" ".join(WORDS[w] for w in row).capitalize() + "." for row in words]
    position = pd.Series(item).groupby(item).cumcount().to_numpy()
    return pd.DataFrame(
        {
            "statement_id": [f"s{k:08d}" for k in range(n)],
            "item_id": [f"i{k:07d}" for k in item],
            "position": position,
            "text": texts,
            "stage": stage,
            "stage_confidence": np.round(rng.uniform(0.3, 0.95, n), 3),
            "sentiment": sentiment,
            "sentiment_score": score,
            "emotion": rng.choice(EMOTIONS, n),
            "is_friction": friction,
            "friction_score": np.round(np.where(friction, rng.uniform(0.5, 1, n), 0.1), 3),
            "theme_id": theme,
        }
    )


def _mix(series: pd.Series) -> str:
    shares = series.value_counts(normalize=True).sort_index()
    return json.dumps({str(k): round(float(v), 4) for k, v in shares.items()})


def _themes(items: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    joined = statements[statements["theme_id"].notna()].merge(
        items.drop(columns=["text"]), on="item_id"
    )
    n_customers = items["customer_id"].nunique()
    attrs = joined["attributes"].map(json.loads)
    joined["plan"] = attrs.map(lambda a: a["plan"])
    joined["region"] = attrs.map(lambda a: a["region"])
    rows = []
    for theme_id, g in joined.groupby("theme_id", sort=True):
        customers = g["customer_id"].nunique()
        share = customers / n_customers
        negativity = float((-g["sentiment_score"]).clip(0, 1).mean())
        severity = 0.5 + 0.5 * negativity
        impact = 100 * share * severity
        top = g.sort_values(["friction_score", "statement_id"], ascending=[False, True])
        stage_mix = g["stage"]
        rows.append(
            {
                "theme_id": theme_id,
                "name": "Other friction" if theme_id == "other" else f"Synthetic theme {theme_id}",
                "key_phrases": json.dumps(sorted(set(" ".join(g["text"].head(3)).split()))[:4]),
                "n_statements": len(g),
                "n_items": g["item_id"].nunique(),
                "n_customers": customers,
                "customer_share": share,
                "mean_sentiment": float(g["sentiment_score"].mean()),
                "mean_negativity": negativity,
                "score_effect": 0.0,
                "impact": impact,
                "impact_parts": json.dumps(
                    {
                        "customer_share": share,
                        "severity": severity,
                        "momentum": 1.0,
                        "score_factor": 1.0,
                        "formula": "impact = 100 × customer share × severity",
                    }
                ),
                "stage": stage_mix.mode().iloc[0],
                "stage_mix": _mix(stage_mix),
                "source_mix": _mix(g["source_kind"]),
                "segment_mix": json.dumps(
                    {"plan": json.loads(_mix(g["plan"])), "region": json.loads(_mix(g["region"]))}
                ),
                "quote_ids": json.dumps(top["statement_id"].head(3).tolist()),
            }
        )
    themes = pd.DataFrame(rows)
    ranked = themes[themes["theme_id"] != "other"].sort_values(
        ["impact", "theme_id"], ascending=[False, True]
    )
    themes["rank"] = None
    themes.loc[ranked.index, "rank"] = range(1, len(ranked) + 1)
    return themes


def _run(n_items: int, n: int, seed: int) -> pd.DataFrame:
    counts = {"total": {"read": n_items + 50, "analysed": n_items, "rejected": 50}}
    return pd.DataFrame(
        [
            {
                "run_id": f"bench-{seed}",
                "started_at": datetime(2024, 7, 1, 12, 0),
                "finished_at": datetime(2024, 7, 1, 12, 30),
                "pipeline": f"synthetic-{n}",
                "config": json.dumps({"rank": {"weights": {"negativity": 0.5}}}),
                "seed": seed,
                "versions": json.dumps({"voc": "bench", "model": "none (synthetic)"}),
                "counts": json.dumps(counts),
                "labels": json.dumps({"stages": [{"id": i, "name": m} for i, m in STAGES]}),
            }
        ]
    )


def make_workspace(path: str | Path, n_statements: int = 100_000, seed: int = 7) -> Path:
    """Create (or overwrite) a synthetic workspace with ``n_statements`` statements."""
    path = Path(path)
    path.unlink(missing_ok=True)
    rng = np.random.default_rng(seed)
    n_items = max(1, n_statements // 3)
    items = _items(rng, n_items)
    statements = _statements(rng, n_statements, n_items, n_themes=24)
    themes = _themes(items, statements)
    rejects = pd.DataFrame(
        {
            "source_kind": ["email"] * 50,
            "source_path": "data/email/x.mbox",
            "source_ref": [f"msg {k}" for k in range(50)],
            "reason": ["agent reply (context only)"] * 40 + ["unreadable charset"] * 10,
            "category": ["skipped"] * 40 + ["invalid"] * 10,
        }
    )
    con = connect(path)
    try:
        write_tables(
            con,
            replace={
                "items": items,
                "statements": statements,
                "themes": themes,
                "rejects": rejects,
                "runs": _run(n_items, n_statements, seed),
            },
        )
    finally:
        con.close()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    make_workspace(args.path, args.statements, args.seed)
    print(f"wrote {args.path} ({args.statements:,} statements)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

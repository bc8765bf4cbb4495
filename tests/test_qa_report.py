"""The report as a VP would read it, on small synthetic workspaces (QA round)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

from voc.report.facets import segment_attributes
from voc.report.trends import load_trends
from voc.workspace import connect, replace_table


def _items(rows: list[tuple[str, dict]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "item_id": f"i{n}",
                "source_kind": kind,
                "source_path": f"{kind}.csv",
                "source_ref": f"row {n}",
                "created_at": datetime(2026, 3, 1 + n % 28),
                "customer_id": f"c{n}",
                "attributes": json.dumps(attrs),
                "score": None,
                "score_kind": "",
                "text": f"item {n}",
            }
            for n, (kind, attrs) in enumerate(rows)
        ]
    )


def test_survey_segments_not_crowded_out_by_helpdesk_fields(tmp_path: Path) -> None:
    """Many helpdesk ticket fields and a smaller survey: the survey's department and division
    are still offered as filters."""
    helpdesk = [
        (
            "helpdesk",
            {
                "status": ["open", "closed"][n % 2],
                "priority": ["low", "high"][n % 2],
                "type": ["incident", "question"][n % 2],
                "source": ["email", "chat"][n % 2],
                "plan": ["Free", "Pro"][n % 2],
                "group": ["L1", "L2"][n % 2],
            },
        )
        for n in range(40)
    ]
    survey = [
        ("survey", {"department": ["Tops", "Dresses"][n % 2], "division": ["A", "B"][n % 2]})
        for n in range(10)
    ]
    con: duckdb.DuckDBPyConnection = connect(tmp_path / "ws.duckdb")
    replace_table(con, "items", _items(helpdesk + survey))
    attrs = {s.attribute for s in segment_attributes(con)}
    assert {"department", "division"} <= attrs
    assert len(attrs) <= 6
    con.close()


def test_a_spike_of_three_items_is_not_claimed(tmp_path: Path) -> None:
    """The trend table flags a week with 3 items (expected 0.2) and one with 12: the report
    marks only the one with enough items to act on."""
    rows = []
    for theme, spike_n in (("t_small", 3), ("t_big", 12)):
        for week in range(6):
            n = spike_n if week == 5 else 1
            rows.append(
                {
                    "theme_id": theme,
                    "period_start": datetime(2026, 3, 2) + pd.Timedelta(weeks=week),
                    "n_items": n,
                    "n_statements": n,
                    "expected": 0.2 if theme == "t_small" else 2.0,
                    "p_value": 0.001 if week == 5 else 0.5,
                    "is_spike": week == 5,
                }
            )
    con = connect(tmp_path / "ws.duckdb")
    replace_table(con, "theme_trends", pd.DataFrame(rows))
    trends = load_trends(con, {"theme_trends"})
    assert trends.by_theme["t_small"].counts[-1] == 3
    assert not any(trends.by_theme["t_small"].spikes)
    assert trends.by_theme["t_big"].spikes == [False] * 5 + [True]
    con.close()

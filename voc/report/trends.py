"""Weekly statement counts per theme, for the trend sparklines.

When the workspace has a ``theme_trends`` table (written by the trends step: ``theme_id``,
``period_start``, ``n_items``, ``n_statements``, ``is_spike``) it is used as is, spikes
included. Otherwise the weeks are counted here from ``statements`` joined to ``items``
(``date_trunc('week', created_at)``, weeks starting on Monday) and no spikes are claimed.
Weeks without statements count as zero, so every theme's line covers the same weeks.

The trends step flags a period only when it holds at least its ``spike_min_count`` items
(recorded on every row), and such flags are shown as they are, so the report and the
exported table agree. A table from before that column existed was flagged from 3 items:
there a flagged week is shown only when it holds at least :data:`MIN_SPIKE_ITEMS` items
(a jump from 0 to 3 can pass a Poisson test, and with dozens of themes and weeks tested
some will by chance, but it is not a spike a reader should act on).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import duckdb

TREND_COLUMNS = {"theme_id", "period_start", "n_statements"}
MAX_WEEKS = 104
MIN_SPIKE_ITEMS = 10


@dataclass
class Trend:
    """One theme's counts per period, oldest first, aligned on :attr:`Trends.periods`."""

    counts: list[int] = field(default_factory=list)
    spikes: list[bool] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass
class Trends:
    """Periods (week starts) and each theme's trend; ``source`` says where they came from."""

    periods: list[str] = field(default_factory=list)
    by_theme: dict[str, Trend] = field(default_factory=dict)
    source: str = "none"  # theme_trends | statements | none
    spike_min_count: int = MIN_SPIKE_ITEMS  # fewest items of a spike, as the table records


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
    ).fetchall()
    return {str(r[0]) for r in rows}


def _day(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return None


def _build(rows: list[tuple], source: str, weekly: bool) -> Trends:
    """Align ``(theme_id, period, n, spike)`` rows on a shared list of periods."""
    rows = [(str(t), _day(p), int(n or 0), bool(s)) for t, p, n, s in rows if _day(p)]
    if not rows:
        return Trends(source=source)
    found = sorted({r[1] for r in rows})
    if weekly:
        first, last = found[0], found[-1]
        periods = [first + timedelta(weeks=k) for k in range((last - first).days // 7 + 1)]
    else:
        periods = found
    periods = periods[-MAX_WEEKS:]
    index = {p: k for k, p in enumerate(periods)}
    trends: dict[str, Trend] = {}
    for theme_id, period, n, spike in rows:
        if period not in index:
            continue
        t = trends.setdefault(theme_id, Trend([0] * len(periods), [False] * len(periods)))
        t.counts[index[period]] += n
        t.spikes[index[period]] = t.spikes[index[period]] or spike
    return Trends([p.isoformat() for p in periods], trends, source)


def load_trends(con: duckdb.DuckDBPyConnection, tables: set[str]) -> Trends:
    """Per-theme weekly counts: from ``theme_trends`` when present, else computed."""
    if "theme_trends" in tables and _columns(con, "theme_trends") >= TREND_COLUMNS:
        cols = _columns(con, "theme_trends")
        size = "n_items" if "n_items" in cols else "n_statements"
        least = (
            f"coalesce(spike_min_count, {MIN_SPIKE_ITEMS})"
            if "spike_min_count" in cols
            else str(MIN_SPIKE_ITEMS)
        )
        spike = (
            f"(coalesce(is_spike, false) AND coalesce({size}, 0) >= {least})"
            if "is_spike" in cols
            else "false"
        )
        sql = (
            f"SELECT theme_id, period_start, n_statements, {spike} FROM theme_trends "
            "WHERE theme_id IS NOT NULL ORDER BY theme_id, period_start"
        )
        try:
            trends = _build(con.execute(sql).fetchall(), "theme_trends", weekly=False)
        except duckdb.Error:
            trends = Trends()
        if trends.by_theme:
            if "spike_min_count" in cols:
                found = con.execute("SELECT min(spike_min_count) FROM theme_trends").fetchone()
                if found and found[0] is not None:
                    trends.spike_min_count = int(found[0])
            return trends
    if "statements" not in tables or "items" not in tables:
        return Trends()
    sql = """
        SELECT s.theme_id, date_trunc('week', i.created_at) AS week, count(*) AS n, false
        FROM statements s JOIN items i USING (item_id)
        WHERE s.theme_id IS NOT NULL AND i.created_at IS NOT NULL
        GROUP BY ALL ORDER BY 1, 2"""
    return _build(con.execute(sql).fetchall(), "statements", weekly=True)

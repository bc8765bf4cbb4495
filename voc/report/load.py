"""Read a workspace into :class:`~voc.report.model.ReportData`.

Aggregates are computed in SQL so that the report stays cheap on large runs;
only the themes' quotes are fetched statement by statement (see :mod:`.themes`). Every list is
sorted with a stable tie-break, so the same workspace gives the same report.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import duckdb

from voc.report.db import as_day, as_float, as_int, fetch_rows, parse_json, table_names
from voc.report.facets import load_facets, load_spellings
from voc.report.fmt import SOURCE_LABELS, dec, humanize, is_number
from voc.report.model import (
    RejectCount,
    ReportData,
    RunInfo,
    Sentiment,
    Share,
    SourceCount,
    StageRow,
    Theme,
    ThemeRef,
)
from voc.report.themes import SOURCE_ORDER, load_themes, stage_share
from voc.report.trends import load_trends
from voc.schema import UNKNOWN_STAGE
from voc.themes.segments import segment_label

CATEGORY_ORDER = ("skipped", "invalid")
TOP_EMOTIONS = 3
TOP_THEMES_PER_STAGE = 2
UNKNOWN_NAME = "Unknown (not classified)"


# --- run -----------------------------------------------------------------------------------


def _find_weights(config: Any) -> dict:
    """``config["rank"]["weights"]``, also when the rank step sits deeper in the config."""
    if isinstance(config, dict):
        rank = config.get("rank")
        if isinstance(rank, dict) and isinstance(rank.get("weights"), dict):
            return rank["weights"]
        children: Iterable[Any] = config.values()
    elif isinstance(config, list):
        children = config
    else:
        return {}
    for child in children:
        found = _find_weights(child)
        if found:
            return found
    return {}


def _stage_list(labels: Any) -> list[tuple[str, str]]:
    """Stage ids and names in journey order from the run's ``labels`` JSON."""
    raw = labels.get("stages", []) if isinstance(labels, dict) else labels
    out: list[tuple[str, str]] = []
    for entry in raw if isinstance(raw, list) else []:
        if isinstance(entry, dict) and entry.get("id"):
            out.append((str(entry["id"]), str(entry.get("name") or humanize(entry["id"]))))
        elif isinstance(entry, str) and entry:
            out.append((entry, humanize(entry)))
    return out


def _load_run(row: dict | None) -> tuple[RunInfo, dict, list[tuple[str, str]]]:
    """The run info, its ``counts`` JSON and its stage taxonomy."""
    if row is None:
        return RunInfo(), {}, []
    started = row.get("started_at")
    started_text = started.strftime("%Y-%m-%d %H:%M") if isinstance(started, datetime) else ""
    versions = parse_json(row.get("versions"), {})
    weights = _find_weights(parse_json(row.get("config"), {}))
    info = RunInfo(
        run_id=str(row.get("run_id") or ""),
        pipeline=str(row.get("pipeline") or ""),
        started_at=started_text,
        date=as_day(started),
        seed=int(row["seed"]) if is_number(row.get("seed")) else None,
        versions=[(str(k), str(v)) for k, v in versions.items()],
        weights=[(str(k), dec(v) if is_number(v) else str(v)) for k, v in weights.items()],
        recorded=True,
    )
    return info, parse_json(row.get("counts"), {}), _stage_list(parse_json(row.get("labels"), {}))


# --- counts --------------------------------------------------------------------------------


def _kind_order(kinds: Iterable[str]) -> list[str]:
    known = [k for k in SOURCE_ORDER if k in kinds]
    return known + sorted(k for k in kinds if k not in SOURCE_ORDER and k != "total")


def _source_counts(
    con: duckdb.DuckDBPyConnection, counts: dict, tables: set[str]
) -> tuple[list[SourceCount], SourceCount]:
    """Per-source counts from the run record, or from the tables when it has none."""
    per: dict[str, tuple[int, int, int]] = {}
    for kind, c in counts.items():
        if kind != "total" and isinstance(c, dict):
            per[str(kind)] = (
                as_int(c.get("read")),
                as_int(c.get("analysed")),
                as_int(c.get("rejected")),
            )
    if not per:
        analysed: dict[str, int] = {}
        rejected: dict[str, int] = {}
        if "items" in tables:
            sql = "SELECT source_kind, count(*) FROM items GROUP BY 1"
            analysed = {str(k): int(n) for k, n in con.execute(sql).fetchall()}
        if "rejects" in tables:
            sql = "SELECT source_kind, count(*) FROM rejects GROUP BY 1"
            rejected = {str(k): int(n) for k, n in con.execute(sql).fetchall()}
        for kind in set(analysed) | set(rejected):
            a, r = analysed.get(kind, 0), rejected.get(kind, 0)
            per[kind] = (a + r, a, r)
    for kind in SOURCE_ORDER:
        per.setdefault(kind, (0, 0, 0))
    rows = [
        SourceCount(k, SOURCE_LABELS.get(k, k), *per[k])
        for k in _kind_order(per)
        if k in SOURCE_ORDER or any(per[k])
    ]
    total_raw = counts.get("total")
    if isinstance(total_raw, dict):
        t = (as_int(total_raw.get(x)) for x in ("read", "analysed", "rejected"))
        total = SourceCount("total", "total", *t)
    else:
        sums = [sum(getattr(r, f) for r in rows) for f in ("read", "analysed", "rejected")]
        total = SourceCount("total", "total", *sums)
    return rows, total


def _reject_counts(con: duckdb.DuckDBPyConnection, tables: set[str]) -> list[RejectCount]:
    if "rejects" not in tables:
        return []
    sql = "SELECT coalesce(category, ''), coalesce(reason, ''), count(*) FROM rejects GROUP BY 1, 2"
    rows = [
        RejectCount(str(c) or "invalid", str(r) or "no reason given", int(n))
        for c, r, n in con.execute(sql).fetchall()
    ]

    def key(r: RejectCount) -> tuple:
        cat = CATEGORY_ORDER.index(r.category) if r.category in CATEGORY_ORDER else 9
        return (cat, r.category, -r.count, r.reason)

    return sorted(rows, key=key)


# --- stages --------------------------------------------------------------------------------


def _load_stages(
    con: duckdb.DuckDBPyConnection,
    tables: set[str],
    taxonomy: list[tuple[str, str]],
    themes: list[Theme],
) -> tuple[list[StageRow], int, int]:
    """One row per taxonomy stage (then any others, then unknown), plus statement totals."""
    stats: dict[str, dict] = {}
    if "statements" in tables:
        sql = f"""
            SELECT coalesce(nullif(stage, ''), '{UNKNOWN_STAGE}') AS stage,
                   count(*) AS n, count(DISTINCT item_id) AS items,
                   count(*) FILTER (WHERE sentiment = 'negative') AS neg,
                   count(*) FILTER (WHERE sentiment = 'neutral') AS neu,
                   count(*) FILTER (WHERE sentiment = 'positive') AS pos,
                   count(*) FILTER (WHERE is_friction) AS fr,
                   avg(sentiment_score) AS mean_score
            FROM statements GROUP BY 1"""
        stats = {str(r["stage"]): r for r in fetch_rows(con, sql)}
        emotions = _stage_emotions(con)
    else:
        emotions = {}
    ids = [s for s, _ in taxonomy if s != UNKNOWN_STAGE]
    extra = sorted(s for s in stats if s not in ids and s != UNKNOWN_STAGE)
    order = ids + extra + ([UNKNOWN_STAGE] if UNKNOWN_STAGE in stats else [])
    names = dict(taxonomy)
    names.setdefault(UNKNOWN_STAGE, UNKNOWN_NAME)
    rows: list[StageRow] = []
    for stage_id in order:
        s = stats.get(stage_id, {})
        here = [(t, stage_share(t, stage_id)) for t in themes]
        by_impact = [
            t
            for t, _ in sorted(
                (x for x in here if x[1] > 0),
                key=lambda x: (-(x[0].impact or 0.0) * x[1], x[0].rank or 0, x[0].theme_id),
            )
        ]
        rows.append(
            StageRow(
                stage_id=stage_id,
                name=names.get(stage_id, humanize(stage_id)),
                n_statements=as_int(s.get("n")),
                n_items=as_int(s.get("items")),
                n_friction=as_int(s.get("fr")),
                sentiment=Sentiment(
                    as_int(s.get("neg")), as_int(s.get("neu")), as_int(s.get("pos"))
                ),
                top_themes=[
                    ThemeRef(t.theme_id, t.rank, t.name, t.impact, t.anchor)
                    for t in by_impact[:TOP_THEMES_PER_STAGE]
                ],
                mean_score=as_float(s.get("mean_score")),
                emotions=[
                    Share(e, n / as_int(s.get("n")))
                    for e, n in emotions.get(stage_id, [])[:TOP_EMOTIONS]
                    if as_int(s.get("n"))
                ],
            )
        )
    n_statements = sum(as_int(s.get("n")) for s in stats.values())
    n_friction = sum(as_int(s.get("fr")) for s in stats.values())
    return rows, n_statements, n_friction


def _stage_emotions(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, int]]]:
    """Per stage, its emotions (other than neutral/none) by count, most common first."""
    sql = f"""
        SELECT coalesce(nullif(stage, ''), '{UNKNOWN_STAGE}') AS stage, emotion, count(*) AS n
        FROM statements
        WHERE emotion IS NOT NULL AND emotion NOT IN ('', 'neutral', 'none')
        GROUP BY ALL"""
    out: dict[str, list[tuple[str, int]]] = {}
    for stage, emotion, n in con.execute(sql).fetchall():
        out.setdefault(str(stage), []).append((str(emotion), int(n)))
    for rows in out.values():
        rows.sort(key=lambda x: (-x[1], x[0]))
    return out


def _score_kinds(con: duckdb.DuckDBPyConnection, tables: set[str]) -> list[tuple[str, int]]:
    """Scored customers per score kind, the kind feeding the first theme's impact first."""
    if "items" not in tables:
        return []
    sql = """
        SELECT coalesce(nullif(score_kind, ''), 'rating') AS kind,
               count(DISTINCT coalesce(nullif(customer_id, ''), item_id)) AS n
        FROM items WHERE score IS NOT NULL AND NOT isnan(score) GROUP BY 1"""
    try:
        rows = [(str(k), int(n)) for k, n in con.execute(sql).fetchall()]
    except duckdb.Error:
        return []
    used = ""  # the kind the rank step actually used, as its impact parts record it
    if "themes" in tables:
        for (parts,) in con.execute("SELECT impact_parts FROM themes").fetchall():
            used = str(parse_json(parts, {}).get("score_kind") or "")
            if used:
                break
    return sorted(rows, key=lambda r: (r[0] != used, -r[1], r[0]))


MAX_OVER_SEGMENTS = 3


def _over_segments(con: duckdb.DuckDBPyConnection, tables: set[str]) -> dict[str, list[str]]:
    """Per theme, the segments whose items raise it significantly more often than the other
    items (``theme_segments.significant``: Fisher's exact test, Benjamini-Hochberg), as text.
    Only these differences are claimed; the segment mix alone is not a comparison."""
    if "theme_segments" not in tables:
        return {}
    sql = """
        SELECT theme_id, attribute, value, share, share_rest FROM theme_segments
        WHERE significant AND share > share_rest AND attribute <> 'source'
        ORDER BY theme_id, q_value, share / greatest(share_rest, 1e-9) DESC, attribute, value"""
    try:
        rows = con.execute(sql).fetchall()
    except duckdb.Error:
        return {}
    out: dict[str, list[str]] = {}
    for theme_id, attr, value, share, rest in rows:
        found = out.setdefault(str(theme_id), [])
        if len(found) < MAX_OVER_SEGMENTS:
            label = segment_label(str(attr))  # a table from before labels were readable
            found.append(f"{label}: {value} ({share:.1%} of them vs {rest:.1%} of the others)")
    return out


def _count_customers(con: duckdb.DuckDBPyConnection, tables: set[str]) -> int:
    if "items" not in tables:
        return 0
    sql = "SELECT count(DISTINCT nullif(customer_id, '')) FROM items"
    return int(con.execute(sql).fetchone()[0])


# --- entry point ---------------------------------------------------------------------------


def load_report_data(con: duckdb.DuckDBPyConnection) -> ReportData:
    """Read items, statements, themes, rejects and the latest run into a :class:`ReportData`.

    Missing tables, null values and malformed JSON (an empty or partial workspace)
    give empty sections, never an error.
    """
    tables = table_names(con)
    run_row = None
    if "runs" in tables:
        sql = "SELECT * FROM runs ORDER BY started_at DESC NULLS LAST, run_id DESC LIMIT 1"
        found = fetch_rows(con, sql)
        run_row = found[0] if found else None
    run, counts, taxonomy = _load_run(run_row)
    if "meta" in tables:
        found = fetch_rows(con, "SELECT value FROM meta WHERE key = 'themes_method'")
        run.themes_method = str(found[0]["value"] or "") if found else ""
    stage_names = dict(taxonomy)
    stage_names.setdefault(UNKNOWN_STAGE, UNKNOWN_NAME)
    stage_order = [s for s, _ in taxonomy] + [UNKNOWN_STAGE]
    themes, other, formula = load_themes(
        con, tables, stage_names, stage_order, load_spellings(con, tables)
    )
    stages, n_statements, n_friction = _load_stages(con, tables, taxonomy, themes)
    sources, total = _source_counts(con, counts, tables)
    trends = load_trends(con, tables)
    over = _over_segments(con, tables)
    for theme in themes:
        theme.over_segments = over.get(theme.theme_id, [])
    for theme in [*themes, *([other] if other else [])]:
        found = trends.by_theme.get(theme.theme_id)
        theme.trend = found.counts if found else [0] * len(trends.periods)
        theme.spikes = found.spikes if found else [False] * len(trends.periods)
    kinds = [s.kind for s in sources if s.analysed]
    return ReportData(
        run=run,
        sources=sources,
        total=total,
        rejects=_reject_counts(con, tables),
        stages=stages,
        themes=themes,
        other=other,
        formula=formula,
        n_statements=n_statements,
        n_friction=n_friction,
        n_customers=_count_customers(con, tables),
        facets=load_facets(con, tables, kinds),
        trend_periods=trends.periods,
        trend_source=trends.source,
        spike_min_count=trends.spike_min_count,
        score_kinds=_score_kinds(con, tables),
    )

"""Read the themes table, with their quotes, into :class:`~voc.report.model.Theme` objects."""

from __future__ import annotations

from typing import Any

import duckdb

from voc.report.db import as_day, as_float, as_int, fetch_rows, parse_json
from voc.report.fmt import (
    SOURCE_LABELS,
    SOURCE_SINGULAR,
    humanize,
    is_number,
    one_line,
    part_value,
    shorten,
    signed,
    slug,
)
from voc.report.model import ImpactPart, Quote, Share, Theme
from voc.schema import OTHER_THEME, UNKNOWN_STAGE

SOURCE_ORDER = ("email", "transcript", "survey")
QUOTES_PER_THEME = 3


def _shares(mix: dict, label: Any, order: list[str]) -> list[Share]:
    """Shares sorted largest first, ties in ``order`` (then by name)."""
    items = [(str(k), float(v)) for k, v in mix.items() if is_number(v)]

    def key(kv: tuple[str, float]) -> tuple:
        pos = order.index(kv[0]) if kv[0] in order else len(order)
        return (-kv[1], pos, kv[0])

    return [Share(label(k), v) for k, v in sorted(items, key=key)]


SCORE_KIND_LABELS = {"nps": "NPS", "csat": "CSAT", "rating": "rating"}


def _impact_parts(parts: dict) -> list[ImpactPart]:
    """The parts as shown: the score kind goes with the score effect ("+3.1 NPS points"),
    and a run without scores says so instead of showing an empty kind and a dash."""
    kind = str(parts.get("score_kind") or "")
    out = []
    for k, v in parts.items():
        if k in ("formula", "score_kind"):
            continue
        value = part_value(str(k), v)
        if k == "score_effect":
            if not is_number(v):
                value = "– (no scores in these items)"
            elif kind:  # NPS moves in whole points, a 1-5 mean in hundredths
                digits = 1 if kind == "nps" else 2
                value = f"{signed(v, digits)} {SCORE_KIND_LABELS.get(kind, kind)} points"
        out.append(ImpactPart(str(k), humanize(k), value))
    return out


def _fetch_quotes(
    con: duckdb.DuckDBPyConnection, ids: list[str], has_items: bool
) -> dict[str, Quote]:
    if not ids:
        return {}
    join = "LEFT JOIN items i USING (item_id)" if has_items else ""
    cols = (
        "i.source_kind, i.created_at, i.score, i.score_kind, i.attributes"
        if has_items
        else (
            "NULL AS source_kind, NULL AS created_at, NULL AS score, NULL AS score_kind, "
            "NULL AS attributes"
        )
    )
    sql = (
        f"SELECT s.statement_id, s.text, {cols} FROM statements s {join} "
        "WHERE s.statement_id IN (SELECT unnest(?))"
    )
    out: dict[str, Quote] = {}
    for r in fetch_rows(con, sql, [ids]):
        kind = str(r["source_kind"] or "")
        attrs = sorted(
            (str(k), one_line(v))
            for k, v in parse_json(r.get("attributes"), {}).items()
            if isinstance(v, str | int | float) and not isinstance(v, bool) and str(v) != ""
        )
        score = ""
        if is_number(r["score"]):
            label = (
                (r["score_kind"] or "score").upper()
                if r["score_kind"] in ("nps", "csat")
                else (r["score_kind"] or "score")
            )
            score = f"{label} {r['score']:g}"
        out[str(r["statement_id"])] = Quote(
            statement_id=str(r["statement_id"]),
            text=shorten(r["text"]),
            source_kind=kind,
            source_label=SOURCE_SINGULAR.get(kind, kind or "unknown source"),
            date=as_day(r["created_at"]) or "undated",
            score=score,
            segment=", ".join(f"{k}: {v}" for k, v in attrs),
            segment_keys=[f"{k}={v}" for k, v in attrs],
        )
    return out


def _fallback_quote_ids(con: duckdb.DuckDBPyConnection, theme_id: str) -> list[str]:
    """Most clearly frictional statements of a theme, when it lists no quotes."""
    sql = (
        "SELECT statement_id FROM statements WHERE theme_id = ? "
        "ORDER BY friction_score DESC NULLS LAST, statement_id LIMIT ?"
    )
    return [str(r[0]) for r in con.execute(sql, [theme_id, QUOTES_PER_THEME]).fetchall()]


def load_themes(
    con: duckdb.DuckDBPyConnection,
    tables: set[str],
    stage_names: dict[str, str],
    stage_order: list[str],
) -> tuple[list[Theme], Theme | None, str]:
    """Ranked themes, the catch-all theme, and the impact formula text."""
    if "themes" not in tables:
        return [], None, ""
    rows = fetch_rows(con, "SELECT * FROM themes")
    has_statements = "statements" in tables
    has_items = "items" in tables
    formula = ""
    themes: list[Theme] = []
    other: Theme | None = None
    quote_ids: list[tuple[Theme, list[str]]] = []
    for r in rows:
        theme_id = str(r.get("theme_id") or "")
        parts = parse_json(r.get("impact_parts"), {})
        if not formula and isinstance(parts.get("formula"), str):
            formula = one_line(parts["formula"])
        ids = [str(i) for i in parse_json(r.get("quote_ids"), [])]
        if not ids and has_statements:
            ids = _fallback_quote_ids(con, theme_id)
        stage_mix = parse_json(r.get("stage_mix"), {})
        stage_id = str(r.get("stage") or "")
        if not stage_id and stage_mix:
            stage_id = _shares(stage_mix, str, stage_order)[0].label
        stage_id = stage_id or UNKNOWN_STAGE
        segments = parse_json(r.get("segment_mix"), {})
        is_other = theme_id == OTHER_THEME
        rank = int(r["rank"]) if is_number(r.get("rank")) and not is_other else None
        anchor = "theme-other" if is_other else f"theme-{slug(theme_id if rank is None else rank)}"
        theme = Theme(
            theme_id=theme_id,
            rank=rank,
            name=str(r.get("name") or ("Other friction" if is_other else theme_id)),
            anchor=anchor,
            key_phrases=[str(p) for p in parse_json(r.get("key_phrases"), [])],
            n_statements=as_int(r.get("n_statements")),
            n_items=as_int(r.get("n_items")),
            n_customers=as_int(r.get("n_customers")),
            customer_share=as_float(r.get("customer_share")),
            mean_sentiment=as_float(r.get("mean_sentiment")),
            mean_negativity=as_float(r.get("mean_negativity")),
            score_effect=as_float(r.get("score_effect")),
            impact=as_float(r.get("impact")),
            impact_parts=_impact_parts(parts),
            stage_id=stage_id,
            stage_name=stage_names.get(stage_id, humanize(stage_id)),
            stage_mix=_shares(stage_mix, lambda s: stage_names.get(s, humanize(s)), stage_order),
            source_mix=_shares(
                parse_json(r.get("source_mix"), {}),
                lambda k: SOURCE_LABELS.get(k, k),
                list(SOURCE_ORDER),
            ),
            segment_mix={
                str(a): _shares(v, str, [])
                for a, v in sorted(segments.items())
                if isinstance(v, dict)
            },
            quotes=[],
            is_other=is_other,
            stage_mix_ids={str(k): float(v) for k, v in stage_mix.items() if is_number(v)},
        )
        quote_ids.append((theme, ids))  # resolved below, in one query
        if is_other:
            other = theme
        else:
            themes.append(theme)
    themes.sort(key=lambda t: (t.rank is None, t.rank or 0, -(t.impact or 0.0), t.theme_id))
    _unique_anchors(themes)
    wanted = sorted({i for _, ids in quote_ids for i in ids})
    quotes = _fetch_quotes(con, wanted, has_items) if has_statements else {}
    for theme, ids in quote_ids:
        theme.quotes = [quotes[i] for i in ids if i in quotes][:QUOTES_PER_THEME]
    return themes, other, formula


def _unique_anchors(themes: list[Theme]) -> None:
    """Make fragment ids unique even if two themes share a rank."""
    seen = {"theme-other"}
    for theme in themes:
        base, n = theme.anchor, 2
        while theme.anchor in seen:
            theme.anchor = f"{base}-{n}"
            n += 1
        seen.add(theme.anchor)


def stage_share(theme: Theme, stage_id: str) -> float:
    """Share of a theme's statements at a stage (its majority stage counts fully without a mix)."""
    if theme.stage_mix_ids:
        return theme.stage_mix_ids.get(stage_id, 0.0)
    return 1.0 if theme.stage_id == stage_id else 0.0

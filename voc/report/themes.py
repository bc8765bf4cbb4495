"""Read the themes table, with their quotes, into :class:`~voc.report.model.Theme` objects."""

from __future__ import annotations

from typing import Any

import duckdb

from voc.report.db import as_day, as_float, as_int, fetch_rows, parse_json
from voc.report.facets import Spellings
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
from voc.report.model import ImpactPart, Quote, Share, SubThemeView, Theme
from voc.schema import OTHER_THEME, UNKNOWN_STAGE
from voc.themes.segments import segment_label

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


def score_effects_text(effects: Any) -> str:
    """Each score kind's effect with its kind, most scored customers first: "NPS +1.2,
    CSAT +0.03" (NPS moves in whole points, a 1-5 mean in hundredths); "" without any."""
    if not isinstance(effects, dict):
        return ""
    shown = [
        f"{SCORE_KIND_LABELS.get(str(k), str(k))} {signed(v, 1 if k == 'nps' else 2)}".strip()
        for k, v in effects.items()
        if is_number(v)
    ]
    return ", ".join(shown)


def _impact_parts(parts: dict) -> list[ImpactPart]:
    """The parts as shown: the score kind goes with the score effect ("+3.1 NPS points"),
    and a run without scores says so instead of showing an empty kind and a dash. With
    several score kinds, every kind's effect is shown and the one feeding the score named."""
    kind = str(parts.get("score_kind") or "")
    effects = parts.get("score_effects")
    several = isinstance(effects, dict) and len(effects) > 1
    out = []
    for k, v in parts.items():
        if k in ("formula", "score_kind", "score_effects"):
            continue
        value = part_value(str(k), v)
        if k == "score_effect":
            if several and score_effects_text(effects):
                label = SCORE_KIND_LABELS.get(kind, kind)
                value = f"{score_effects_text(effects)} ({label} feeds the score)"
            elif not is_number(v):
                value = "– (no scores in these items)"
            elif kind:  # NPS moves in whole points, a 1-5 mean in hundredths
                digits = 1 if kind == "nps" else 2
                value = f"{signed(v, digits)} {SCORE_KIND_LABELS.get(kind, kind)} points"
        out.append(ImpactPart(str(k), humanize(k), value))
    return out


def _subthemes(raw: Any) -> list[SubThemeView]:
    """Sub-themes from ``themes.subthemes`` (JSON), largest first; malformed entries skipped."""
    out = []
    for s in raw if isinstance(raw, list) else []:
        if not isinstance(s, dict) or not str(s.get("name") or "").strip():
            continue
        phrases = s.get("key_phrases")
        out.append(
            SubThemeView(
                subtheme_id=str(s.get("subtheme_id") or ""),
                name=one_line(s["name"]),
                n_statements=as_int(s.get("n_statements")),
                key_phrases=[str(p) for p in phrases] if isinstance(phrases, list) else [],
            )
        )
    return sorted(out, key=lambda s: (-s.n_statements, s.subtheme_id))


def _fetch_quotes(
    con: duckdb.DuckDBPyConnection,
    ids: list[str],
    has_items: bool,
    spellings: Spellings | None = None,
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
        spell = spellings or Spellings()
        shown: dict[str, str] = {}  # readable label → folded value; keys reading alike: first
        for k, v in sorted(parse_json(r.get("attributes"), {}).items()):
            if isinstance(v, str | int | float) and not isinstance(v, bool) and str(v).strip():
                label, value = spell.shown(str(k), v)
                shown.setdefault(label, one_line(value))
        attrs = sorted(shown.items())
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
    spellings: Spellings | None = None,
) -> tuple[list[Theme], Theme | None, str]:
    """Ranked themes, the catch-all theme, and the impact formula text (quotes' segments as
    ``spellings`` shows them)."""
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
                segment_label(str(a)): _shares(v, str, [])
                for a, v in sorted(segments.items())
                if isinstance(v, dict)
            },
            quotes=[],
            is_other=is_other,
            stage_mix_ids={str(k): float(v) for k, v in stage_mix.items() if is_number(v)},
            score_effects=score_effects_text(
                parse_json(r.get("score_effects"), None)
                or parts.get("score_effects")
                or {str(parts.get("score_kind") or ""): r.get("score_effect")}
            ),
            subthemes=_subthemes(parse_json(r.get("subthemes"), [])),
            name_unsaid=r.get("name_unsaid") is True,
        )
        quote_ids.append((theme, ids))  # resolved below, in one query
        if is_other:
            other = theme
        else:
            themes.append(theme)
    themes.sort(key=lambda t: (t.rank is None, t.rank or 0, -(t.impact or 0.0), t.theme_id))
    _unique_anchors(themes)
    wanted = sorted({i for _, ids in quote_ids for i in ids})
    quotes = _fetch_quotes(con, wanted, has_items, spellings) if has_statements else {}
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

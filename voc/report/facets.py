"""Per-source and per-segment counts that drive the report's client-side filters.

The HTML report embeds, for every stage and every theme, how many statements fall in each
(source kind, segment value) pair, plus the totals over all sources (``*``) and all segments
(``*``). The page's small script then only looks numbers up: no customer text is involved.

Segments are the attributes of ``items.attributes`` (plan, region, persona, ...), named as a
reader sees them ("field_plan_tier" → "plan tier") with values that differ only in case or
surrounding spaces folded into one (:mod:`voc.themes.segments`). Attributes with a single
value, with more than :data:`MAX_VALUES` values, or whose every value is unique (ids, free
text) are not offered as filters.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import duckdb

from voc.schema import UNKNOWN_STAGE
from voc.themes.segments import fold_values, readable_labels

MAX_VALUES = 12
MAX_ATTRIBUTES = 6
ALL = "*"


@dataclass
class SegmentOption:
    """One segment filter value: ``key`` is ``attribute=value`` (as shown); ``raw_keys`` are
    the attribute keys of ``items.attributes`` it reads."""

    key: str
    attribute: str
    value: str
    n_items: int
    raw_keys: tuple[str, ...] = ()


@dataclass
class Spellings:
    """How segments are shown: attribute key → label, label → raw value → shown value."""

    labels: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)

    def shown(self, key: str, value: object) -> tuple[str, str]:
        """(label, value) as a reader sees them."""
        label = self.labels.get(key) or readable_labels([key])[key]
        text = str(value).strip()
        return label, self.values.get(label, {}).get(text, text)


def _value_rows(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str, int]]:
    """(source kind, attribute key, value, items) over all items."""
    sql = """
        WITH kv AS (
            SELECT coalesce(source_kind, '') AS src, unnest(json_keys(attributes)) AS k,
                   attributes
            FROM items WHERE json_valid(attributes) AND attributes LIKE '{%'
        ), vals AS (
            SELECT src, k,
                   json_extract_string(attributes, '$."' || replace(k, '"', '') || '"') AS v
            FROM kv
        )
        SELECT src, k, v, count(*) AS n FROM vals
        WHERE v IS NOT NULL AND trim(v) <> ''
        GROUP BY src, k, v"""
    try:
        return [(str(a), str(b), str(c), int(d)) for a, b, c, d in con.execute(sql).fetchall()]
    except duckdb.Error:
        return []


def spellings_of(rows: list[tuple[str, str, str, int]]) -> Spellings:
    """Labels and folded values of the run's segments, from :func:`_value_rows`."""
    labels = readable_labels(k for _, k, _, _ in rows)
    counts: dict[str, dict[str, int]] = {}
    for _, k, v, n in rows:
        vals = counts.setdefault(labels[k], {})
        vals[v.strip()] = vals.get(v.strip(), 0) + n
    return Spellings(labels, {label: fold_values(c) for label, c in counts.items()})


def load_spellings(con: duckdb.DuckDBPyConnection, tables: set[str]) -> Spellings:
    """:class:`Spellings` of the workspace's items (empty without items)."""
    return spellings_of(_value_rows(con)) if "items" in tables else Spellings()


@dataclass
class Facets:
    """Filter options and counts keyed ``"<source>|<segment>"`` per stage and theme."""

    sources: list[str] = field(default_factory=list)
    segments: list[SegmentOption] = field(default_factory=list)
    stage_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    theme_counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def stage_json(self, stage_id: str) -> str:
        return json.dumps(self.stage_counts.get(stage_id, {}), sort_keys=True)

    def theme_json(self, theme_id: str) -> str:
        return json.dumps(self.theme_counts.get(theme_id, {}), sort_keys=True)


def segment_attributes(con: duckdb.DuckDBPyConnection) -> list[SegmentOption]:
    """Segment values worth filtering on, most common attribute values first.

    At most :data:`MAX_ATTRIBUTES` attributes, taken in turn from each source kind (the
    kind with most items first), so that a survey's departments are not crowded out by a
    helpdesk's ticket fields when both are in one run.
    """
    rows = _value_rows(con)
    spell = spellings_of(rows)
    counts: dict[str, dict[str, int]] = {}
    per_kind: dict[str, dict[str, int]] = {}
    raw_keys: dict[str, set[str]] = {}
    for src, k, v, n in rows:
        label, shown = spell.shown(k, v)
        if len(shown) > 40:
            continue
        raw_keys.setdefault(label, set()).add(k)
        vals = counts.setdefault(label, {})
        vals[shown] = vals.get(shown, 0) + n
        kind = per_kind.setdefault(src, {})
        kind[label] = kind.get(label, 0) + n
    by_attr = {a: list(vals.items()) for a, vals in counts.items()}
    eligible = {
        a
        for a, vals in by_attr.items()
        if 2 <= len(vals) <= MAX_VALUES and max(n for _, n in vals) > 1
    }
    queues = [
        sorted((a for a in attrs if a in eligible), key=lambda a, c=attrs: (-c[a], a))
        for _, attrs in sorted(per_kind.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    ]
    keep: list[str] = []
    while len(keep) < MAX_ATTRIBUTES and any(queues):
        for queue in queues:
            while queue and queue[0] in keep:
                queue.pop(0)
            if queue and len(keep) < MAX_ATTRIBUTES:
                keep.append(queue.pop(0))
    out: list[SegmentOption] = []
    for attr in sorted(keep):
        for value, n in sorted(by_attr[attr], key=lambda x: (-x[1], x[0])):
            keys = tuple(sorted(raw_keys[attr]))
            out.append(SegmentOption(f"{attr}={value}", attr, value, n, keys))
    return out


def _counts(
    con: duckdb.DuckDBPyConnection,
    group: str,
    where: str,
    segments: list[SegmentOption],
    spellings: Spellings | None = None,
) -> dict[str, dict[str, int]]:
    """``{group value: {"source|segment": n}}`` over statements joined to their items."""
    out: dict[str, dict[str, int]] = {}

    def add(g: object, key: str, n: int) -> None:
        bucket = out.setdefault(str(g), {})
        bucket[key] = bucket.get(key, 0) + int(n)

    base = (
        f"SELECT {group} AS g, coalesce(i.source_kind, '') AS src, count(*) AS n "
        f"FROM statements s LEFT JOIN items i USING (item_id) {where} GROUP BY ALL"
    )
    for g, src, n in con.execute(base).fetchall():
        add(g, f"{src}|{ALL}", n)
        add(g, f"{ALL}|{ALL}", n)
    for attr in sorted({s.attribute for s in segments}):
        wanted = {s.value for s in segments if s.attribute == attr}
        keys = sorted({k for s in segments if s.attribute == attr for k in s.raw_keys} or {attr})
        fold = spellings.values.get(attr, {}) if spellings else {}
        # the first of the keys reading as this attribute that an item has
        value = "coalesce(" + ", ".join(
            "nullif(trim(json_extract_string(i.attributes, ?)), '')" for _ in keys
        ) + ")"
        sql = (
            f"SELECT {group} AS g, coalesce(i.source_kind, '') AS src, {value} AS v, "
            f"count(*) AS n FROM statements s JOIN items i USING (item_id) {where} "
            f"{'AND' if where else 'WHERE'} json_valid(i.attributes) GROUP BY ALL"
        )
        paths = ['$."' + k.replace('"', "") + '"' for k in keys]
        for g, src, v, n in con.execute(sql, paths).fetchall():
            shown = fold.get(str(v), str(v)) if v is not None else None
            if shown in wanted:
                add(g, f"{src}|{attr}={shown}", n)
                add(g, f"{ALL}|{attr}={shown}", n)
    return out


def load_facets(con: duckdb.DuckDBPyConnection, tables: set[str], sources: list[str]) -> Facets:
    """Filter options and per-stage, per-theme statement counts (empty without statements)."""
    if "statements" not in tables or "items" not in tables:
        return Facets(sources=sources)
    segments = segment_attributes(con)
    spell = load_spellings(con, tables)
    stage = f"coalesce(nullif(s.stage, ''), '{UNKNOWN_STAGE}')"
    return Facets(
        sources=sources,
        segments=segments,
        stage_counts=_counts(con, stage, "", segments, spell),
        theme_counts=_counts(con, "s.theme_id", "WHERE s.theme_id IS NOT NULL", segments, spell),
    )

"""``voc themes FILE.csv --text-column COL [--all] -o OUT.csv``: themes for each row of a table.

Every row of the input is one unit (its text redacted, embedded, classified and checked
for friction as a whole). Without ``all_rows`` only friction rows are clustered; with it
every row with text is. The output is the input, every row and column in order and
byte-for-byte the same values, plus ``theme_id`` and ``theme_name`` (blank for rows that
got no theme). The ranked theme table is written beside it as ``OUT.themes.csv``.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from voc.errors import ConfigError, DataError

THEME_TABLE_COLUMNS = [
    "rank",
    "theme_id",
    "name",
    "n_items",
    "n_customers",
    "customer_share",
    "mean_negativity",
    "score_effect",
    "impact",
    "impact_parts",
    "stage",
    "key_phrases",
    "quotes",
    "score_effects",
]


@dataclass
class ThemesResult:
    """What :func:`themes_csv` did: counts and where it wrote."""

    out: Path
    table_path: Path
    n_rows: int
    n_text: int
    n_friction: int
    n_themed: int
    n_other: int
    themes: list[dict[str, object]] = field(default_factory=list)


def table_path_for(out: Path) -> Path:
    """Where the ranked theme table goes: ``OUT.themes.csv`` beside ``OUT``."""
    return out.with_name(f"{out.stem}.themes.csv")


def _raw_rows(path: Path) -> tuple[list[str], list[list[str]], str]:
    from voc.ingest._text import read_text
    from voc.ingest.survey import _sniff_delimiter

    try:
        text, _ = read_text(path)
    except FileNotFoundError as exc:
        raise DataError(f"{path}: file not found") from exc
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc})") from exc
    if not text.strip():
        raise DataError(f"{path}: empty file")
    delim = _sniff_delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delim))
    except csv.Error as exc:
        raise DataError(f"{path}: not a readable CSV ({exc})") from exc
    if not rows:
        raise DataError(f"{path}: no header row")
    return rows[0], rows[1:], delim


def themes_csv(
    path: str | Path,
    text_column: str,
    out: str | Path,
    all_rows: bool = False,
    seed: int = 42,
    codeframe: str | Path | None = None,
) -> ThemesResult:
    """Theme every row of ``path`` and write ``out`` plus the ranked theme table."""
    from voc.api import items_frame
    from voc.config import LabelsSpec
    from voc.ingest.options import SourceOptions
    from voc.ingest.survey import read_survey_file
    from voc.segment import statement_id
    from voc.state import RunContext, RunState
    from voc.stepdefs import (
        ClassifyParams,
        EmbedParams,
        NoParams,
        classify_step,
        embed_step,
        friction_step,
        redact_step,
    )
    from voc.themesteps import (
        ClusterParams,
        NameParams,
        RankParams,
        cluster_step,
        name_step,
        rank_step,
    )

    src, dst = Path(path), Path(out)
    header, rows, delim = _raw_rows(src)
    if text_column not in [h.strip() for h in header]:
        raise ConfigError(
            f"{src}: no column {text_column!r}; columns are: "
            + ", ".join(repr(h) for h in header)
        )
    try:
        result = read_survey_file(src, SourceOptions(text_columns=[text_column]))
    except DataError as exc:
        raise DataError(f"{src}: {exc}") from exc
    items, names, _ = items_frame(result)
    # row number (1-based, blank rows skipped as the survey reader does) -> item_id
    row_item = {
        int(ref.split(":")[0].split()[1]): iid
        for ref, iid in zip(items["source_ref"], items["item_id"], strict=True)
    }
    theme_of_item: dict[str, tuple[str, str]] = {}
    table = pd.DataFrame()
    n_friction = 0
    if len(items):
        ctx = RunContext(seed=seed, labels=LabelsSpec())
        state = RunState(items=items, names=names)
        redact_step(state, ctx, NoParams())
        state.statements = pd.DataFrame(
            {
                "statement_id": [statement_id(i, 0) for i in items["item_id"]],
                "item_id": items["item_id"].to_numpy(),
                "position": 0,
                "text": items["text"].to_numpy(),
            }
        )
        embed_step(state, ctx, EmbedParams())
        classify_step(state, ctx, ClassifyParams())
        friction_step(state, ctx, NoParams())
        st = state.statements
        n_friction = int(st["is_friction"].sum())
        if all_rows:
            state.friction_idx = np.arange(len(st))
        cparams = ClusterParams(codeframe=str(codeframe) if codeframe else None)
        cluster_step(state, ctx, cparams)
        name_step(state, ctx, NameParams())
        rank_step(state, ctx, RankParams())
        table = state.themes if state.themes is not None else pd.DataFrame()
        names_by_id = dict(zip(table.get("theme_id", []), table.get("name", []), strict=True))
        for iid, tid in zip(st["item_id"], st["theme_id"], strict=True):
            if isinstance(tid, str) and tid:
                theme_of_item[iid] = (str(tid), str(names_by_id.get(tid, "")))
    _write_rows(dst, header, rows, delim, row_item, theme_of_item)
    tpath = table_path_for(dst)
    _write_table(tpath, table, state.statements if len(items) else None)
    n_other = sum(1 for t, _ in theme_of_item.values() if t == "other")
    top = [] if table.empty else table.head(10)[["rank", "theme_id", "name", "n_items"]]
    return ThemesResult(
        out=dst,
        table_path=tpath,
        n_rows=sum(1 for r in rows if any(v.strip() for v in r)),
        n_text=len(items),
        n_friction=len(items) if all_rows else n_friction,
        n_themed=len(theme_of_item) - n_other,
        n_other=n_other,
        themes=[] if table.empty else top.to_dict("records"),
    )


def _write_rows(
    dst: Path,
    header: list[str],
    rows: list[list[str]],
    delim: str,
    row_item: dict[int, str],
    theme_of_item: dict[str, tuple[str, str]],
) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    with open(dst, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=delim)
        w.writerow([*header, "theme_id", "theme_name"])
        k = 0
        for r in rows:
            tid, tname = "", ""
            if any(v.strip() for v in r):
                k += 1
                iid = row_item.get(k)
                if iid is not None and iid in theme_of_item:
                    tid, tname = theme_of_item[iid]
            pad = [""] * max(0, len(header) - len(r))
            w.writerow([*r, *pad, tid, tname])


def _write_table(path: Path, table: pd.DataFrame, statements: pd.DataFrame | None) -> None:
    if table.empty or statements is None:
        pd.DataFrame(columns=THEME_TABLE_COLUMNS).to_csv(path, index=False)
        return
    text_of = dict(zip(statements["statement_id"], statements["text"], strict=True))
    t = table.copy()
    t["quotes"] = [
        json.dumps([text_of.get(q, "") for q in json.loads(ids)], ensure_ascii=False)
        for ids in t["quote_ids"]
    ]
    t[THEME_TABLE_COLUMNS].to_csv(path, index=False)

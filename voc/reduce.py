"""The reduce phase: themes from the friction statements accumulated in the workspace.

Two ways:

- :func:`reduce_full` runs the pipeline's reduce steps (cluster, name, rank, ...) on
  every friction statement and its vector, read back from the workspace. Clustering
  itself fits on a bounded sample and assigns the rest by nearest centroid
  (``cluster.with.max_fit``), so its cost stays bounded.
- :func:`reduce_incremental` keeps existing themes: statements that already have a
  theme keep it, new friction statements join the nearest existing theme (or
  "other"), and themes are re-ranked with their names, key phrases and quotes
  unchanged. ``--refit`` asks for :func:`reduce_full` instead.
"""

from __future__ import annotations

import json
import time

import duckdb
import numpy as np
import pandas as pd

from voc import workspace as ws
from voc.config import Pipeline
from voc.schema import OTHER_THEME
from voc.state import RunContext, RunState
from voc.steps import get_step, parse_params

MAP_PROVIDES = ("items", "redacted", "statements", "vectors", "stage", "sentiment", "friction")


#: Fast mode: at most this many friction statements (a seeded sample) are embedded again with
#: MiniLM (ONNX Runtime int8 unless set: :func:`sample_precision`) for clustering and naming;
#: the others join the nearest theme centroid in the static space. Static vectors (a mean of token
#: vectors) cluster complaints worse: on the airline tweets (2,257 friction statements) the
#: NMI of the tweets' themes rose from 0.179 to 0.189 (a higher lexical weight on static
#: vectors alone: 0.178). The sample's size grows slowly with the number of friction
#: statements (:func:`voc.reduce_sample.fast_sample_size`), up to this cap.
FAST_SAMPLE = 3500


def sample_precision() -> str:
    """MiniLM path for fast mode's sample: ``VOC_SAMPLE_PRECISION`` when set, else ONNX
    Runtime int8 (``onnx-int8``) where ONNX Runtime is installed, else default mode's.

    The sample only has to cluster as well: int8 vectors stay at 0.99 mean cosine of
    float32 (not 0.99 for every text, so default mode's probe refuses them) and the themes'
    NMI holds on the evaluation sets (docs/benchmarks.md, "Issue 8 part N")."""
    import os

    from voc.embed_precision import PRECISIONS, onnx_available

    forced = os.environ.get("VOC_SAMPLE_PRECISION", "").strip().lower()
    if forced:
        if forced not in PRECISIONS:
            from voc.errors import ConfigError

            raise ConfigError(f"VOC_SAMPLE_PRECISION: unknown precision '{forced}' ({PRECISIONS})")
        return forced
    return "onnx-int8" if onnx_available() else "auto"


def is_static(model_id: str) -> bool:
    """Whether ``model_id`` names fast mode's static (distilled) embeddings."""
    from voc.fast import STATIC_MODEL_ID

    return model_id.startswith(STATIC_MODEL_ID)


#: Workspace meta key: how the latest full reduce found its themes (empty: on every friction
#: statement's own vector), for the run summary and the report's method notes.
THEMES_METHOD = "themes_method"


def themes_method(info: dict[str, float], fit_model: str = "") -> str:
    """One sentence on a sampled reduce: how many statements were clustered, how many placed.

    ``fit_model``: the sample was embedded again with this model (fast mode)."""
    n, total = int(info["sample"]), int(info["friction"])
    rest = total - n
    thr = f"{float(info['threshold']):.2f}"
    if fit_model:
        head = (
            f"Fast mode: themes were found on a MiniLM sample of {n:,} of {total:,} friction "
            f"statements (re-embedded with {fit_model})"
        )
        space = "static-embedding"
    else:
        head = f"Themes were found on a sample of {n:,} of {total:,} friction statements"
        space = "theme"
    if rest <= 0:
        return head + "; no statement was left to place"
    return (
        f"{head}; the other {rest:,} were placed by the nearest {space} centroid "
        f'(cosine at least {thr}, else "other friction")'
    )


def reduce_steps(pipeline: Pipeline) -> list[tuple[int, str, dict[str, object]]]:
    """(index, name, params) of the pipeline's reduce steps."""
    return [
        (i, s.name, dict(s.with_))
        for i, s in enumerate(pipeline.steps)
        if get_step(s.name).phase != "map"
    ]


def _assigned(st: pd.DataFrame) -> pd.DataFrame:
    cols = ["statement_id", "theme_id", "subtheme_id"]
    if "theme_id" not in st:
        return pd.DataFrame(columns=cols)
    out = st.loc[st["theme_id"].notna()]
    return out.reindex(columns=cols)


def reduce_full(
    con: duckdb.DuckDBPyConnection,
    pipeline: Pipeline,
    ctx: RunContext,
    model_id: str,
    timings: dict[str, float],
) -> pd.DataFrame:
    """Run the reduce steps over all friction statements; write themes; return them.

    Past ``cluster.with.max_sample`` friction statements, on a sample of that many and
    the rest placed by nearest centroid (:mod:`voc.reduce_sample`: bounded memory).
    In fast mode, always on a MiniLM sample (:func:`voc.reduce_sample.fast_sample_size`).
    """
    from voc.reduce_sample import fast_sample_size, reduce_sampled
    from voc.themesteps import ClusterParams

    max_sample = ClusterParams.model_validate(pipeline.step_params("cluster")).max_sample
    embed_sample = None
    fit_model = ""
    n_friction = ws.count_friction(con)
    if is_static(model_id):  # fast mode: themes from MiniLM vectors of a smaller sample
        from voc.embed import get_embedder

        max_sample = min(max_sample, FAST_SAMPLE, fast_sample_size(n_friction))
        embedder = get_embedder(fast=False, precision=sample_precision())
        fit_model = str(embedder.model_id)
        ctx.models["naming_embedder"] = embedder  # the model of the vectors naming sees

        def embed_sample(texts: list[str]) -> np.ndarray:
            return embedder.encode(texts)

    if embed_sample is not None or n_friction > max_sample:
        themes, st = reduce_sampled(
            con, pipeline, ctx, model_id, timings, reduce_steps(pipeline), max_sample,
            embed_sample,
        )
        ws.write_themes(con, themes, _assigned(st), ctx.models.get("tables"))
        ws.set_meta(con, THEMES_METHOD, themes_method(ctx.models["reduce_sample"], fit_model))
        return themes
    ws.set_meta(con, THEMES_METHOD, "")
    t = time.perf_counter()
    st, vecs = ws.read_friction(con, model_id)
    items = ws.read_items_for_rank(con)
    timings["reduce_load"] = round(time.perf_counter() - t, 3)
    state = RunState(
        items=items,
        statements=st.reset_index(drop=True),
        vectors=vecs,
        friction_idx=np.arange(len(st)),
    )
    state.done.update(MAP_PROVIDES)
    for i, name, raw in reduce_steps(pipeline):
        step = get_step(name)
        t = time.perf_counter()
        step.func(state, ctx, parse_params(step, raw, f"steps[{i}]"))
        state.done.update(step.provides)
        timings[name] = round(time.perf_counter() - t, 3)
    themes = state.themes if state.themes is not None else pd.DataFrame()
    assert state.statements is not None
    ws.write_themes(con, themes, _assigned(state.statements), ctx.models.get("tables"))
    return themes


def reduce_incremental(
    con: duckdb.DuckDBPyConnection,
    pipeline: Pipeline,
    model_id: str,
    timings: dict[str, float],
) -> pd.DataFrame | None:
    """Keep existing themes, place new friction statements, re-rank. None if no themes yet."""
    from voc.themes.cluster import centroids
    from voc.themes.rank import RankSettings
    from voc.themes.table import ThemeDraft, rank_themes
    from voc.themes.trends import trend_tables
    from voc.themesteps import ClusterParams, RankParams

    old = ws.read_table(con, "themes", order_by="rank NULLS LAST, theme_id")
    if old.empty:
        return None
    t = time.perf_counter()
    st, vecs = ws.read_friction(con, model_id)
    items = ws.read_items_for_rank(con)
    st = st.reset_index(drop=True)
    tids = [str(x) for x in old["theme_id"] if x != OTHER_THEME]
    label_of = {tid: k for k, tid in enumerate(tids)}
    label_of[OTHER_THEME] = -1
    new_mark = -2
    labels = np.array(
        [label_of.get(str(x), -1) if isinstance(x, str) else new_mark for x in st["theme_id"]],
        dtype=int,
    )
    fresh = np.flatnonzero(labels == new_mark)
    labels[fresh] = -1
    ids, cents = centroids(vecs, labels)
    if len(fresh) and ids:
        cp = ClusterParams.model_validate(pipeline.step_params("cluster"))
        x = vecs[fresh] / np.maximum(np.linalg.norm(vecs[fresh], axis=1, keepdims=True), 1e-12)
        sims = x @ cents.T
        best = sims.argmax(axis=1)
        ok = sims[np.arange(len(fresh)), best] >= min(cp.assign_threshold, cp.other_threshold)
        labels[fresh[ok]] = np.asarray(ids)[best[ok]]
    drafts: list[ThemeDraft] = []
    for _, row in old.iterrows():
        lab = label_of.get(str(row["theme_id"]), -1)
        idx = np.flatnonzero(labels == lab)
        if len(idx) == 0:
            continue
        keep = set(st["statement_id"].to_numpy()[idx])
        quotes = [q for q in json.loads(row["quote_ids"] or "[]") if q in keep]
        phrases = json.loads(row["key_phrases"] or "[]")
        drafts.append(ThemeDraft(lab, idx, str(row["name"]), phrases, quotes))
    if not any(d.label == -1 for d in drafts) and (labels == -1).any():
        drafts.append(ThemeDraft(-1, np.flatnonzero(labels == -1), "other friction", [], []))
    rp = RankParams.model_validate(pipeline.step_params("rank"))
    settings = RankSettings(weights=rp.weights, recent_weeks=rp.recent_weeks)
    table, new_ids = rank_themes(drafts, st, items, settings)
    old_of = {new_ids[lab]: (tids[lab] if lab >= 0 else OTHER_THEME) for lab in new_ids}
    if not table.empty:
        table["theme_id"] = [old_of[t] for t in table["theme_id"]]
    st["theme_id"] = [tids[lab] if lab >= 0 else OTHER_THEME for lab in labels]
    tables = trend_tables(
        st, items, table, rp.period, rp.spike_alpha, rp.segment_alpha, rp.spike_min_count
    )
    ws.write_themes(con, table, _assigned(st), tables)
    timings["reduce_incremental"] = round(time.perf_counter() - t, 3)
    return table

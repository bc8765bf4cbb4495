"""The reduce phase at scale: themes found on a bounded sample, the rest placed in batches.

When the workspace holds more friction statements than ``cluster.with.max_sample``,
:func:`reduce_sampled` loads text and vectors for a seeded sample of that many only, drawn
by a seeded hash of each statement's text and repeat count (:func:`sample_keys`), so a few
added, removed or edited statements change few of its members, and the same file run from
another folder draws the same sample. The reduce steps before ``rank`` (cluster, name:
themes, names, key phrases, quotes, sub-themes) run on the sample; every other friction
statement then joins the theme (and sub-theme) whose centroid is nearest, if at least
``assign_threshold`` close, reading its vector from the workspace in blocks; ``rank`` (and
what follows) runs over all friction statements, without their text. What is held in
memory is the sample, one block of vectors, and one row of ids and scores per friction
statement and item, so a million statements cluster in bounded memory and time.

At or under ``max_sample`` friction statements the ordinary path (:func:`voc.reduce.reduce_full`)
runs, so small workspaces give exactly the same themes as before.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Collection, Sequence
from hashlib import blake2b

import duckdb
import numpy as np
import pandas as pd

from voc import workspace as ws
from voc.config import Pipeline
from voc.cosine import unit
from voc.state import RunContext, RunState
from voc.steps import get_step, parse_params

log = logging.getLogger(__name__)

OTHER = -1
MAP_PROVIDES = ("items", "redacted", "statements", "vectors", "stage", "sentiment", "friction")


def sample_positions(
    n: int, cap: int, seed: int, keys: Sequence[str] | None = None
) -> np.ndarray:
    """Sorted positions of a seeded sample of at most ``cap`` out of ``n`` rows.

    With ``keys`` (the rows' stable keys, :func:`sample_keys`) a row is drawn when its
    seeded hash is among the ``cap`` smallest, so adding, removing or editing a few rows
    changes the membership of those rows and of as many at the boundary, not the whole
    draw (a position-seeded draw is redrawn entirely when one row before the end goes).
    """
    if n <= cap:
        return np.arange(n)
    if keys is None:
        rng = np.random.default_rng(seed)
        return np.sort(rng.choice(n, size=cap, replace=False))
    salt = f"{seed}\0".encode()
    h = np.fromiter(
        (int.from_bytes(blake2b(salt + str(k).encode(), digest_size=8).digest(), "big")
         for k in keys),
        dtype=np.uint64, count=n,
    )
    return np.sort(np.argsort(h, kind="stable")[:cap])


def sample_keys(rows: pd.DataFrame) -> list[str]:
    """Keys the sample is drawn by: each statement's text hash and how many statements
    before it (in ingest order) have the same text.

    Not the statement id, which hashes the source file's path: the same file run from
    another folder must draw the same sample, and so get the same themes."""
    nth = rows.groupby("text_hash", sort=False).cumcount().astype(str)
    return (rows["text_hash"].astype(str) + "#" + nth).tolist()


#: Fast mode's MiniLM sample: at least ``FAST_SAMPLE_FLOOR`` friction statements (all of them
#: when there are fewer), growing with the square root of their number, at most
#: ``FAST_SAMPLE_CAP``; see :func:`fast_sample_size`. The floor is the clusterer's
#: ``REFERENCE_SIZE`` (2,000), below which it picks a coarser grain for small inputs.
FAST_SAMPLE_FLOOR = 2000
FAST_SAMPLE_PER_ROOT = 35.0
FAST_SAMPLE_CAP = 3500


def fast_sample_size(n_friction: int) -> int:
    """How many of ``n_friction`` friction statements fast mode embeds with MiniLM and clusters.

    ``min(n, clip(FAST_SAMPLE_PER_ROOT * sqrt(n), FAST_SAMPLE_FLOOR, FAST_SAMPLE_CAP))``.
    Measured (``docs/benchmarks.md``, "Issue 8 part K"), the sample buys theme quality up
    to 3,000 (airline tweets, clustering alone: NMI 0.155 at 500, 0.187 at 1,000, 0.202 at
    1,500, 0.220 at 2,000, 0.247 at 3,000), and below 2,000 the clusterer switches to a
    coarser, slower small-input grain; encoding the sample costs linear time, the largest
    part of a small fast run (2,257 airline tweets: ~13 s of ~35 s). So the floor is 2,000,
    the growth slow and the size bounded. Part N made the sample's encoder 1.67x faster
    (ONNX Runtime int8), which cost Banking77 0.005 NMI at 3,000 (0.738 -> 0.733); 3,500 int8
    statements (0.743) cost less time than 3,000 float32 ones did, so the growth and cap went
    from 30 sqrt(n) and 3,000 to 35 sqrt(n) and 3,500 (the airline tweets keep the floor).
    Example: 2,257 -> 2,000; 5,885 -> 2,685; 10,003 -> 3,500; 10**6 -> 3,500.
    """
    n = max(int(n_friction), 0)
    grown = int(round(FAST_SAMPLE_PER_ROOT * float(np.sqrt(n))))
    return min(n, max(FAST_SAMPLE_FLOOR, min(FAST_SAMPLE_CAP, grown)))


def _centroids(x: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(label ids >= 0, unit mean vectors) of the labelled rows of ``x``."""
    from voc.themes.cluster import groups

    labels = np.asarray(labels)
    ids_l, rows = groups(np.where(labels >= 0, labels, OTHER))
    ids = np.array(ids_l, dtype=int)
    if not len(ids):
        return ids, np.zeros((0, x.shape[1]), dtype=np.float32)
    cents = np.stack([x[r].mean(axis=0) for r in rows]).astype(np.float32)
    return ids, unit(cents)


def _sub_centroids(x: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(sub-theme label ids, unit mean vectors) of one theme's sample rows, the theme's
    remainder (label -1, in no sub-theme) among them: a statement nearest the remainder
    stays in no sub-theme instead of joining the nearest named one."""
    ids, cents = _centroids(x, np.asarray(labels) + 1)  # the remainder as label 0
    return ids - 1, cents


def _nearest(
    x: np.ndarray, ids: np.ndarray, cents: np.ndarray, threshold: float
) -> np.ndarray:
    """Label of the nearest centroid per row of unit ``x``, or OTHER under ``threshold``."""
    if not len(ids):
        return np.full(len(x), OTHER, dtype=int)
    sims = x @ cents.T
    best = sims.argmax(axis=1)
    ok = sims[np.arange(len(x)), best] >= threshold
    return np.where(ok, ids[best], OTHER)


#: Share of the sample's theme members allowed under a calibrated placement threshold.
CALIBRATION_QUANTILE = 0.05


def calibrated_threshold(
    x: np.ndarray, labels: np.ndarray, ids: np.ndarray, cents: np.ndarray, threshold: float
) -> float:
    """``threshold``, lowered to the similarity that all but 5% of the sample's theme members
    have to their own centroid in the space of ``x`` (unit rows).

    Fast mode clusters its sample with MiniLM but places the rest by static vectors, whose
    cosines run lower: a MiniLM threshold there sent ~6% of Banking77 to "other"."""
    pos = {int(c): k for k, c in enumerate(ids)}
    member = np.array([pos.get(int(c), -1) for c in np.asarray(labels).tolist()], dtype=int)
    ok = member >= 0
    if not ok.any():
        return threshold
    own = np.einsum("ij,ij->i", x[ok], cents[member[ok]])
    return min(threshold, float(np.quantile(own, CALIBRATION_QUANTILE)))


@dataclasses.dataclass
class Placement:
    """Theme and sub-theme labels of every friction statement."""

    labels: np.ndarray  # cluster label per friction statement (OTHER: none)
    sub_labels: np.ndarray  # sub-theme label per friction statement (-1: none)
    threshold: float = 0.0  # the placement threshold used (calibrated or not)


def place_all(
    con: duckdb.DuckDBPyConnection,
    model_id: str,
    hashes: np.ndarray,
    sample: np.ndarray,
    sample_vecs: np.ndarray,
    sample_labels: np.ndarray,
    sample_sub: dict[int, np.ndarray],
    threshold: float,
    batch_vectors: int = 10,
    calibrate: bool = False,
    folded: Collection[int] = (),
) -> Placement:
    """Labels of all ``len(hashes)`` friction statements: the sample keeps its own; every
    other statement (vector read in blocks) joins the nearest theme centroid, then the
    nearest sub-theme centroid of that theme (``sample_sub``: theme label -> sub-labels of
    its sample rows). ``calibrate``: the sample was clustered in another space than these
    vectors, so the threshold is :func:`calibrated_threshold`. ``folded`` are labels of
    ``sample_labels`` the name step folded into "other" (:mod:`voc.themes.fold`): they
    keep their centroids, so the statements nearest them go to "other" with them, not to
    the next nearest theme."""
    n = len(hashes)
    x_s = unit(sample_vecs)
    ids, cents = _centroids(x_s, sample_labels)
    if calibrate:
        threshold = calibrated_threshold(x_s, sample_labels, ids, cents, threshold)
    subs: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for lab, sl in sample_sub.items():
        rows = np.flatnonzero(sample_labels == lab)
        subs[lab] = _sub_centroids(x_s[rows], sl)
    labels = np.full(n, OTHER, dtype=int)
    sub_labels = np.full(n, -1, dtype=int)
    labels[sample] = sample_labels
    in_sample = np.zeros(n, dtype=bool)
    in_sample[sample] = True
    for lab, sl in sample_sub.items():
        sub_labels[sample[sample_labels == lab]] = sl
    placed = in_sample.copy()
    for idx, block in ws.iter_vectors(con, model_id, hashes, batch_vectors):
        keep = ~in_sample[idx]
        idx, x = idx[keep], unit(block[keep])
        if not len(idx):
            continue
        lab = _nearest(x, ids, cents, threshold)
        labels[idx] = lab
        placed[idx] = True
        for theme, (sids, scents) in subs.items():
            rows = np.flatnonzero(lab == theme)
            if len(rows):
                sub_labels[idx[rows]] = _nearest(x[rows], sids, scents, threshold)
    if not placed.all():
        from voc.errors import DataError

        raise DataError(
            f"workspace: {int((~placed).sum())} friction statements have no vector "
            "(delete the workspace and run again)"
        )
    labels[np.isin(labels, sorted(folded))] = OTHER
    return Placement(labels, sub_labels, float(threshold))


def _expand(drafts: list, sample: np.ndarray, placement: Placement) -> list:
    """Drafts of the sample, widened to every friction statement placed in them."""
    out = []
    for d in drafts:
        idx = np.flatnonzero(placement.labels == d.label)
        quote_pos = sample[d.statement_idx[d.quote_rows]] if d.quote_rows else np.zeros(0, int)
        quote_rows = np.searchsorted(idx, quote_pos).tolist()
        sub = placement.sub_labels[idx] if d.sub_labels is not None else None
        subthemes = [
            dataclasses.replace(s, n_statements=int((sub == s.label).sum()))
            for s in d.subthemes
        ] if sub is not None else list(d.subthemes)
        out.append(
            dataclasses.replace(
                d, statement_idx=idx, quote_rows=quote_rows, sub_labels=sub, subthemes=subthemes
            )
        )
    if (placement.labels == OTHER).any() and not any(d.label == OTHER for d in drafts):
        from voc.themes.table import ThemeDraft

        # statements placed under the threshold while every sample row found a theme:
        # they go to "other", as in a run without a sample, never to no theme at all
        other = np.flatnonzero(placement.labels == OTHER)
        out.append(ThemeDraft(OTHER, other, "other friction", [], []))
    return out


def reduce_sampled(
    con: duckdb.DuckDBPyConnection,
    pipeline: Pipeline,
    ctx: RunContext,
    model_id: str,
    timings: dict[str, float],
    steps: list[tuple[int, str, dict[str, object]]],
    max_sample: int,
    embed_sample: Callable[[list[str]], np.ndarray] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(themes, friction statements with theme ids) with the steps before ``rank`` run
    on a sample of ``max_sample`` friction statements; see the module docstring.

    ``embed_sample`` (fast mode): the sample's texts are embedded again with it, and
    clustering and naming run on those vectors; the rest is placed by the nearest centroid
    of the sample's stored vectors, so only the sample pays for the better model."""
    from voc.themesteps import ClusterParams

    t = time.perf_counter()
    rows = ws.read_friction_rows(con)
    items = ws.read_items_for_rank(con, ws.RANK_ITEM_COLUMNS)
    sample = sample_positions(len(rows), max_sample, ctx.seed, sample_keys(rows))
    hashes = rows.pop("text_hash").to_numpy()
    st_s = rows.iloc[sample].reset_index(drop=True)
    st_s.insert(3, "text", ws.read_texts(con, st_s["statement_id"].tolist()))
    vecs_s = ws.read_vectors(con, model_id, hashes[sample])
    timings["reduce_load"] = round(time.perf_counter() - t, 3)
    log.info("reduce on a sample of %d of %d friction statements", len(sample), len(rows))
    vecs_fit = vecs_s
    if embed_sample is not None and len(st_s):
        t = time.perf_counter()
        vecs_fit = np.asarray(embed_sample(st_s["text"].astype(str).tolist()), dtype=np.float32)
        timings["reduce_embed_sample"] = round(time.perf_counter() - t, 3)
    state = RunState(
        items=items, statements=st_s, vectors=vecs_fit, friction_idx=np.arange(len(st_s))
    )
    state.done.update(MAP_PROVIDES)
    k_rank = next((k for k, (_, name, _) in enumerate(steps) if name == "rank"), len(steps))
    for i, name, raw in steps[:k_rank]:
        _run(state, ctx, i, name, raw, timings)
    t = time.perf_counter()
    cp = ClusterParams.model_validate(pipeline.step_params("cluster"))
    sample_labels = np.asarray(ctx.models["cluster_labels"], dtype=int)
    drafts = state.drafts or []
    done = set(state.done)
    sample_sub = {
        d.label: np.asarray(d.sub_labels, dtype=int)[np.argsort(d.statement_idx)]
        for d in drafts
        if d.label >= 0 and d.sub_labels is not None and d.subthemes
    }
    placement = place_all(
        con, model_id, hashes, sample, vecs_s,
        np.asarray(ctx.models.get("unfolded_labels", sample_labels), dtype=int), sample_sub,
        cp.assign_threshold, calibrate=embed_sample is not None,
        folded=ctx.models.get("folded_labels", ()),
    )
    ctx.models["reduce_sample"] = {
        "sample": int(len(sample)),
        "friction": int(len(rows)),
        "threshold": round(placement.threshold, 3),
    }
    del vecs_s, vecs_fit, st_s, state, hashes  # the sample's text and vectors: no longer needed
    timings["reduce_assign"] = round(time.perf_counter() - t, 3)
    full = RunState(
        items=items,
        statements=rows,
        vectors=np.zeros((0, 0), dtype=np.float32),
        friction_idx=np.arange(len(rows)),
    )
    full.done.update(done)
    full.drafts = _expand(drafts, sample, placement)
    ctx.models["cluster_labels"] = placement.labels
    for i, name, raw in steps[k_rank:]:
        _run(full, ctx, i, name, raw, timings)
    themes = full.themes if full.themes is not None else pd.DataFrame()
    assert full.statements is not None
    return themes, full.statements


def _run(
    state: RunState, ctx: RunContext, i: int, name: str, raw: dict[str, object],
    timings: dict[str, float],
) -> None:
    step = get_step(name)
    t = time.perf_counter()
    step.func(state, ctx, parse_params(step, raw, f"steps[{i}]"))
    state.done.update(step.provides)
    timings[name] = round(time.perf_counter() - t, 3)

"""Issue 8 part J: the map phase's client side and per-chunk shortcuts give the same output
as the reference paths they replace (items frame by column, vector-cache writes of new
vectors only, deletes skipped for new items, embedding of each distinct statement once,
read-ahead; the per-item aggregation against its loop as first written), including empty
chunks, one-item chunks and a bad record in the middle of a chunk."""

from __future__ import annotations

import csv
from collections import deque
from concurrent.futures import Future
from datetime import datetime
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from survey_pipelines import survey_pipeline

from voc import api, stepdefs, workers, workspace_scale
from voc import workspace as ws
from voc.classify.sentiment import item_sentiment
from voc.classify.stage import item_stage
from voc.mapphase import _ctx, in_order, items_chunk, items_chunk_rows, map_chunk, map_spec
from voc.records import Item
from voc.runner import RunOptions
from voc.state import RunState
from voc.steps import get_step, parse_params


def _items(n: int) -> list[tuple[int, Item]]:
    out = []
    for i in range(n):
        it = Item(
            "survey" if i % 3 else "email",
            "in/x.csv",
            f"row {i}",
            f"Text number {i}. The app crashed again!",
            channel="web" if i % 2 else "",
            created_at=datetime(2026, 1, 1 + i % 27, 9, i % 60) if i % 4 else None,
            author=f"Ann Lee {i}" if i % 5 == 0 else "",
            names=["Bob Stone"] if i % 7 == 0 else [],
            question="Why?" if i % 3 else "",
            score=float(i % 11) if i % 6 else None,
            score_kind="nps" if i % 6 else "",
            attributes={"plan": "pro", "région": "EU"} if i % 2 else {},
            language="en",
        )
        out.append((i * 2 + 1, it))
    return out


@pytest.mark.parametrize("n", [0, 1, 37])
def test_items_chunk_matches_one_row_per_item(n: int) -> None:
    batch = _items(n)
    frame, names = items_chunk(batch)
    ref, ref_names = items_chunk_rows(batch)
    assert names == ref_names
    if not n:  # the same columns, no rows (a frame of dicts has no columns to show)
        assert frame.empty and list(frame.columns)[-1] == "seq" and ref.empty
    else:
        pd.testing.assert_frame_equal(frame, ref)
        assert list(frame.columns)[-1] == "seq" and frame["seq"].tolist()[0] == 1


def _vectors(n: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal((n, 384)).astype(np.float32)


@pytest.mark.parametrize("arrow", [True, False])
def test_write_vectors_adds_only_new_hashes_in_statement_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, arrow: bool
) -> None:
    if not arrow:  # the path without pyarrow writes the same rows
        monkeypatch.setattr(workspace_scale, "_arrow", lambda: None)
    elif workspace_scale._arrow() is None:
        pytest.skip("pyarrow is not installed (optional: a faster vector-cache write)")
    con = ws.connect(tmp_path / "w.duckdb")
    V = _vectors(5)
    con.execute("BEGIN TRANSACTION")
    assert ws.write_vectors(con, "m", np.array([], dtype=object), V[:0]) == 0
    assert ws.write_vectors(con, "m", np.array(["b", "a", "b", "c"], dtype=object), V[:4]) == 3
    # known ones are skipped, a new one is added; another model keeps its own cache
    assert ws.write_vectors(con, "m", np.array(["c", "d"], dtype=object), V[3:5]) == 1
    assert ws.write_vectors(con, "m2", np.array(["a"], dtype=object), V[:1]) == 1
    con.execute("COMMIT")
    rows = con.execute("SELECT model_id, text_hash, vector FROM embeddings").fetchall()
    assert [(m, h) for m, h, _ in rows] == [("m", "b"), ("m", "a"), ("m", "c"), ("m", "d"),
                                           ("m2", "a")]
    want = [V[0], V[1], V[3], V[4], V[0]]  # the first row of each hash
    for (_, _, got), w in zip(rows, want, strict=True):
        np.testing.assert_array_equal(np.asarray(got, dtype=np.float32), w)
    con.close()


def test_write_chunk_replaces_an_items_earlier_rows_only(tmp_path: Path) -> None:
    con = ws.connect(tmp_path / "w.duckdb")
    spec = map_spec(survey_pipeline(tmp_path), fast=True, precision="static")
    first = map_chunk(spec, *items_chunk(_items(6)))
    second = map_chunk(spec, *items_chunk(_items(9)[6:]))
    for res in (first, second, first):  # the first chunk again, as a resumed run may
        ws.write_chunk(con, res.items, res.statements, res.vectors, res.model_id)
    n_items, n_st = con.execute(
        "SELECT (SELECT count(*) FROM items), (SELECT count(*) FROM statements)"
    ).fetchall()[0]
    assert n_items == 9 and n_st == len(first.statements) + len(second.statements)
    # an empty chunk writes nothing and fails nothing
    ws.write_chunk(con, first.items.iloc[:0], first.statements.iloc[:0], first.vectors[:0], "m")
    assert con.execute("SELECT count(*) FROM items").fetchall()[0][0] == 9
    con.close()


def _run_steps(spec: object, frame: pd.DataFrame, names: dict, con: object) -> tuple:
    ctx = _ctx(spec)  # type: ignore[arg-type]
    ctx.con = con
    ctx.models["vector_cache"] = {}
    state = RunState(items=frame.copy(), names=names)
    for i, (name, raw) in enumerate(spec.steps):  # type: ignore[attr-defined]
        step = get_step(name)
        step.func(state, ctx, parse_params(step, raw, f"steps[{i}]"))
    return state, ctx.models.get("cache_hits")


def test_embedding_each_distinct_statement_once_matches_every_row(tmp_path: Path) -> None:
    """The map phase's embed step (no connection: distinct texts cleaned and hashed once)
    against the general path (every row through ``cached_encode``)."""
    spec = map_spec(survey_pipeline(tmp_path), fast=True, precision="static")
    batch = _items(30)
    for _, it in batch[10:]:
        it.text = "@acme The app crashed again! http://x.co/1 Still waiting for help."
    frame, names = items_chunk(batch)
    new, hits_new = _run_steps(spec, frame, names, None)
    con = ws.connect(tmp_path / "ref.duckdb")
    ref, hits_ref = _run_steps(spec, frame, names, con)
    con.close()
    assert hits_new == hits_ref == 0
    pd.testing.assert_frame_equal(new.statements, ref.statements)
    pd.testing.assert_frame_equal(new.items, ref.items)
    np.testing.assert_array_equal(new.vectors, ref.vectors)
    assert new.statements["text"].nunique() < len(new.statements)  # repeats were there


def _aggregate_reference(st: pd.DataFrame, items: pd.DataFrame) -> pd.DataFrame:
    """The per-item loop as it was before part J (fancy indexing, no memo)."""
    rows: dict[str, list[int]] = {}
    for pos, iid in enumerate(st["item_id"].tolist()):
        rows.setdefault(iid, []).append(pos)
    out = []
    for iid in items["item_id"]:
        g = rows.get(iid)
        if not g:
            out.append(("unknown", 0.0, "neutral", 0.0, "none", 0))
            continue
        s, c = item_stage(st["stage"].to_numpy(object)[g].tolist(),
                          st["stage_confidence"].to_numpy(float)[g])
        lab, sc = item_sentiment(st["sentiment"].to_numpy(object)[g].tolist(),
                                 st["sentiment_score"].to_numpy(float)[g])
        emos = [e for e in st["emotion"].to_numpy(object)[g] if e and e != "none"]
        emo = max(sorted(set(emos)), key=emos.count) if emos else "none"
        out.append((s, round(float(c), 4), lab, round(float(sc), 4), emo, len(g)))
    cols = ["stage", "stage_confidence", "sentiment", "sentiment_score", "emotion",
            "n_statements"]
    return pd.DataFrame(out, columns=cols)


def test_item_aggregation_matches_reference() -> None:
    rng = np.random.default_rng(5)
    n_items = 300
    sizes = rng.choice([0, 1, 1, 1, 2, 3, 9], n_items)
    item_ids = [f"i{k}" for k in range(n_items)]
    ids = [iid for iid, n in zip(item_ids, sizes, strict=True) for _ in range(n)]
    n = len(ids)
    stages = rng.choice(["usage", "billing", "unknown", "support"], n)
    scores = np.round(rng.choice([-0.9, -0.3, 0.0, -0.0, 0.02, 0.5, 0.8], n), 4)
    st = pd.DataFrame(
        {
            "item_id": ids,
            "stage": stages,
            "stage_confidence": np.round(rng.choice([0.0, -0.0, 0.31, 0.9], n), 4),
            "sentiment": np.where(scores < 0, "negative", np.where(scores > 0, "positive",
                                                                   "neutral")),
            "sentiment_score": scores,
            "emotion": rng.choice(["none", "anger", "joy", "frustration"], n),
        }
    )
    if len(st) > 3:  # one item whose statements are not consecutive rows
        st.loc[[1, 2], "item_id"] = st.loc[[2, 1], "item_id"].to_numpy()
    items = pd.DataFrame({"item_id": item_ids})
    state = RunState(items=items.copy(), statements=st)
    stepdefs._aggregate_items(state, item_stage, item_sentiment)
    want = _aggregate_reference(st, items)
    for col in want.columns:
        got = state.items[col].tolist()
        assert got == want[col].tolist(), col
        if col in ("stage_confidence", "sentiment_score"):  # the same bits, -0.0 included
            assert np.array_equal(np.signbit(np.array(got, float)),
                                  np.signbit(want[col].to_numpy(float)))


def test_friction_detector_key_follows_the_cue_file(tmp_path: Path) -> None:
    cues = tmp_path / "cues.yaml"
    cues.write_text("a: 1\n")
    before = stepdefs._file_digest(cues)
    cues.write_text("a: 2\n")
    assert stepdefs._file_digest(cues) != before
    assert stepdefs._file_digest(None) == "" and stepdefs._file_digest(tmp_path / "no") == ""


class _Task(Future):  # type: ignore[type-arg]
    pass


@pytest.mark.parametrize("n_chunks", [0, 1, 9])
def test_read_ahead_keeps_chunk_order_and_the_cap(n_chunks: int) -> None:
    """Results leave in chunk order; no more than ``cap`` tasks are ever in flight; tasks
    that finish out of order are held until the older ones are done."""
    prepared: deque = deque()
    finishing: deque = deque()
    tasks: list[_Task] = []
    most = [0]

    def submit(chunk: int) -> None:
        task = _Task()
        task.chunk = chunk  # type: ignore[attr-defined]
        tasks.append(task)
        finishing.append(task)
        most[0] = max(most[0], len(finishing))
        # every second task finishes at once; the others when the next one is submitted
        if chunk % 2:
            task.set_result(chunk)
        if chunk and not tasks[chunk - 1].done():
            tasks[chunk - 1].set_result(chunk - 1)

    def advance() -> None:
        raise AssertionError("one trip per chunk here")

    def chunks() -> object:
        yield from range(n_chunks)
        for t in tasks:  # the source is exhausted: the workers finish what is left
            if not t.done():
                t.set_result(t.chunk)  # type: ignore[attr-defined]

    gen = in_order(chunks(), submit, advance, prepared, finishing, 2, cap=4)  # type: ignore[arg-type]
    assert list(gen) == list(range(n_chunks)) and most[0] <= 4


def _csv_with_bad_row(path: Path, n: int, bad_at: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "submitted_at", "nps", "comment"])
        for i in range(n):
            text = (
                "\x00\x01\x02 #### $$$$ %%%%"
                if i == bad_at
                else f"Order {i} arrived late and the tracking page was broken. Thanks anyway."
            )
            w.writerow([f"r{i}", f"2026-01-{1 + i % 27:02d} 10:00:00", i % 11, text])


@pytest.mark.slow
def test_bad_record_mid_chunk_is_rejected_and_the_rest_mapped_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bad row in the middle of a chunk is a reject with its reason; every other row is
    analysed; one process and two worker processes write the same workspace."""
    src = tmp_path / "in.csv"
    _csv_with_bad_row(src, 50, bad_at=17)
    monkeypatch.setattr(workers, "MIN_POOL_ITEMS", 0)
    monkeypatch.setattr(workers, "MIN_POOL_CHARS", 0)
    outs = {}
    for n in (1, 2):
        out = tmp_path / f"w{n}"
        summary = api.run(
            survey_pipeline(out, src, chunk_size=20),
            options=RunOptions(workers=n, fast=True),
        )
        total = summary.counts["total"]
        assert total["read"] == 50 and total["rejected"] == 1 and total["analysed"] == 49
        outs[n] = out
    tables = {}
    for n, out in outs.items():
        con = duckdb.connect(str(out / "voc.duckdb"), read_only=True)
        tables[n] = {
            t: con.execute(f"SELECT * FROM {t}").df()
            for t in ("items", "statements", "rejects", "embeddings")
        }
        con.close()
    rej = tables[1]["rejects"]
    assert rej["source_ref"].tolist() == ["row 18"] or "18" in rej["source_ref"].iloc[0]
    assert rej["reason"].iloc[0]
    for t in tables[1]:
        pd.testing.assert_frame_equal(tables[1][t], tables[2][t])

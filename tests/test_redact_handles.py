"""@handles kept or redacted by counts over the whole run, whatever the chunk size."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from voc.mapphase import chunked_items, items_chunk
from voc.records import IngestResult, Item
from voc.redact import redact_many
from voc.redact_freeform import addressed_handles
from voc.redact_handles import KEEP_HANDLES_KEY, RunHandles
from voc.state import RunContext, RunState
from voc.stepdefs import NoParams, redact_step


def _tweets(n: int = 40) -> list[Item]:
    brands, people = ["@Walmart", "@JetBlue", "@united"], ["@johnsmith", "@maria_k", "@115721"]
    return [
        Item(
            "helpdesk",
            "tweets.csv",
            f"row {i}",
            f"{brands[i % 3]} order {1000 + i} never came, ask {people[i % 3]} who had it too",
        )
        for i in range(n)
    ] + [Item("helpdesk", "tweets.csv", "row 99", "@Kimpton lovely stay, thanks @anna_b")]


def _redacted(items: list[Item], chunk_size: int) -> dict[str, str]:
    """What a run's map phase makes of the items: chunked as the runner chunks them, the
    keep set in each chunk's names, the redact step on each chunk."""
    handles = RunHandles()
    out: dict[str, str] = {}
    chunks = chunked_items(
        [IngestResult(items=list(items))], chunk_size, set(), set(), [], [], {}, None, handles
    )
    for batch in chunks:
        frame, names = items_chunk(batch)
        names[KEEP_HANDLES_KEY] = handles.kept()
        state = RunState(items=frame, names=names)
        redact_step(state, RunContext(seed=1, labels={}, con=None), NoParams())
        out.update(zip(state.items["item_id"], state.items["text"], strict=True))
    return out


def test_decision_independent_of_chunk_size() -> None:
    items = _tweets()
    whole = redact_many([it.text for it in items], [[] for _ in items])  # one batch: the truth
    expected = {it.item_id: t for it, t in zip(items, whole, strict=True)}
    for size in (1, 4, 7, 2000):
        assert _redacted(items, size) == expected, size
    first = expected[items[0].item_id]
    assert first.startswith("@Walmart order 1000") and "[HANDLE] who had it" in first
    assert expected[items[-1].item_id] == "[HANDLE] lovely stay, thanks [HANDLE]"


def test_undecided_items_come_last() -> None:
    items = _tweets(12)
    order = [it.source_ref for batch in chunked_items(
        [IngestResult(items=items)], 4, set(), set(), [], [], {}, None, RunHandles()
    ) for _, it in batch]
    assert sorted(order) == sorted(it.source_ref for it in items)  # nothing lost
    # each brand opens 4 texts in 12 (< 5): every item waits for the final counts
    assert order == [it.source_ref for it in items]
    h = RunHandles()
    for it in items:
        h.add(it.text)
    assert h.kept() == [] and addressed_handles(it.text for it in items) == set()


def test_settled() -> None:
    h = RunHandles(min_texts=2)
    assert h.settled("no handles here", "@5pm @2x @AmazonHelp @115721")
    assert not h.settled("@united hi")
    h.add("@united hi")
    h.add("@United again")
    assert h.settled("@united hi", "") and h.kept() == ["united"]
    assert not h.settled("@united ask @bob")


@pytest.mark.slow
def test_run_same_items_whatever_the_chunk_size(tmp_path: Path) -> None:
    from voc import api
    from voc.config import parse_pipeline

    src = tmp_path / "tweets.csv"
    rows = ["id,text"] + [f"{i},\"{it.text}\"" for i, it in enumerate(_tweets())]
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    texts = []
    for size in (4, 2000):
        out = tmp_path / f"out{size}"
        pipeline = parse_pipeline(
            {
                "name": "handles",
                "seed": 1,
                "chunk_size": size,
                "sources": [{"path": str(src), "kind": "helpdesk",
                             "options": {"columns": {"text": "text", "id": "id"}}}],
                "steps": [{"name": "redact"}, {"name": "segment"}],
                "output": {"dir": str(out), "formats": ["md"]},
            }
        )
        api.run(pipeline)
        con = duckdb.connect(str(out / "voc.duckdb"), read_only=True)
        texts.append(con.execute("SELECT item_id, text FROM items ORDER BY item_id").fetchall())
        con.close()
    assert texts[0] == texts[1]
    assert any(t.startswith("@JetBlue order") for _, t in texts[0])

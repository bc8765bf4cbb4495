"""The inbox generator's output has the shapes of real support text, through voc's own map
steps (bench/inbox_shapes.py), and keeps its planted labels and determinism."""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from generate_inbox import generate  # noqa: E402
from inbox_shapes import csv_pipeline, pipeline_statements, shapes  # noqa: E402


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gen") / "inbox.csv"
    generate(path, 500, "csv", seed=11)
    return path


def test_shapes_are_those_of_real_support_text(generated: Path) -> None:
    s = shapes(pipeline_statements(csv_pipeline(generated, "comment")))
    assert s["messages"] == 500
    # real sets at this size (twcs, airline tweets): 0.99 distinct; the old generator: 0.09
    assert 0.85 <= s["distinct_share"] <= 0.995, s
    assert 1.8 <= s["statements_per_message"] <= 4.0, s  # tweets ~1.8, e-mails more
    assert 0.1 <= s["messages_0_1_2_3plus"][1] <= 0.5, s  # many one-statement messages
    assert 8 <= s["words_per_statement_mean"] <= 20, s  # tweets ~10, CFPB narratives ~23
    assert 0.02 <= s["short_share"] <= 0.2, s  # "Any update?", "Still waiting."
    assert s["top10_statements_share"] <= 0.08, s


def test_labels_channels_and_names(generated: Path) -> None:
    rows = list(csv.DictReader(generated.open(encoding="utf-8")))
    labels = list(csv.DictReader(generated.with_suffix(".csv.labels.csv").open(encoding="utf-8")))
    assert [r["response_id"] for r in rows] == [r["id"] for r in labels]
    counts = Counter(r["label"] for r in labels)
    assert len(counts) == 12 and min(counts.values()) >= 10  # ten themes, question, praise
    assert set(Counter(r["channel"] for r in rows)) == {"email", "chat", "survey", "social"}
    texts = [r["comment"] for r in rows]
    assert any("@Ledgerly" in t for t in texts)  # social posts
    assert sum("\n\n" in t for t in texts) > 80  # e-mails in paragraphs, with a sign-off
    assert any(any(c.isdigit() for c in t) and "$" in t for t in texts)  # amounts


def test_same_seed_same_bytes_other_seed_other_inbox(tmp_path: Path) -> None:
    generate(tmp_path / "a.mbox", 120, "mbox", seed=4)
    generate(tmp_path / "b.mbox", 120, "mbox", seed=4)
    generate(tmp_path / "c.mbox", 120, "mbox", seed=5)
    a = (tmp_path / "a.mbox").read_bytes()
    assert a == (tmp_path / "b.mbox").read_bytes()
    assert a != (tmp_path / "c.mbox").read_bytes()

"""The benchmark inbox generator writes mailboxes and CSVs that voc reads in full."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from voc.ingest import ingest_paths
from voc.ingest.options import SourceOptions

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from generate_inbox import generate  # noqa: E402


def test_generated_mbox_is_read_in_full(tmp_path: Path) -> None:
    labels = generate(tmp_path / "in.mbox", 200, "mbox", seed=3)
    res = ingest_paths(
        [tmp_path / "in.mbox"], "email", SourceOptions(agent_domains=["ledgerly.com"])
    )
    with labels.open(encoding="utf-8") as fh:
        truth = list(csv.DictReader(fh))
    assert len(truth) == 200 == len(res.items)
    assert all(r.reason for r in res.rejects)  # the agent replies, set aside with a reason
    assert len({it.text for it in res.items}) > 150  # varied, not a handful of templates
    assert not any("wrote:" in it.text or "Best regards" in it.text for it in res.items)


def test_generated_csv_is_deterministic(tmp_path: Path) -> None:
    generate(tmp_path / "a.csv", 50, "csv", seed=5)
    generate(tmp_path / "b.csv", 50, "csv", seed=5)
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    rows = list(csv.DictReader((tmp_path / "a.csv").open(encoding="utf-8")))
    assert len(rows) == 50 and all(r["comment"] for r in rows)

"""Precision of friction detection on a hand-labelled sample of flagged statements.

``bench/friction_precision_sample.csv`` holds 50 statements that the default pipeline
flagged as friction on ``data/sample/`` (drawn in a fixed pseudo-random order), each
labelled by hand: 1 = reports a problem, 0 = not (a request, a vague remark, a neutral
aside). Usage::

    .venv/bin/voc run pipelines/all-sources.yaml
    .venv/bin/python bench/eval_friction_precision.py out/voc.duckdb
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import duckdb

SAMPLE = Path(__file__).with_name("friction_precision_sample.csv")


def main(argv: list[str]) -> int:
    db = argv[1] if len(argv) > 1 else "out/voc.duckdb"
    with open(SAMPLE, newline="", encoding="utf-8") as fh:
        labels = {r["text"]: int(r["is_friction"]) for r in csv.DictReader(fh)}
    con = duckdb.connect(db, read_only=True)
    rows = con.execute("SELECT text FROM statements WHERE is_friction").fetchall()
    flagged = {t for (t,) in rows}
    con.close()
    judged = [labels[t] for t in labels if t in flagged]
    if not judged:
        print("no labelled statement is flagged in this workspace", file=sys.stderr)
        return 1
    print(f"flagged and labelled: {len(judged)}; precision: {sum(judged) / len(judged):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Precision and recall of friction detection on one hand-labelled set.

``bench/friction_precision_sample.csv`` holds 137 statements, each labelled by hand:
1 = reports a problem, 0 = not (praise, a question, a request, a neutral aside, or a
vague remark that names no problem such as "Not great, actually."). ``origin`` says where
a statement comes from: ``sample`` (85 statements of ``data/sample/``: flagged and not
flagged by earlier rounds, interview and survey filler included), ``written`` (26 messy
support-style lines written for this set: chat shorthand, sarcasm-free complaints,
praise, questions) or ``written-review`` (26 review- and survey-style lines written for
this set, 13 reporting a problem, often with no negative word: "It shrank a full size in
a cold wash."; 13 neutral or praise: "I wear it to work every week."). Labels were set
by reading each statement alone, before the detector was run on it.

The script runs what a pipeline runs, statement by statement: the packaged sentiment
classifier on the local MiniLM vectors, then :class:`voc.classify.FrictionDetector` with
the packaged cue file (or ``--cues``). It prints one line of numbers and the errors::

    .venv/bin/python bench/eval_friction_precision.py
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np

SAMPLE = Path(__file__).with_name("friction_precision_sample.csv")


def main(argv: list[str] | None = None) -> int:
    from voc.classify import FrictionDetector
    from voc.classify._match import for_embedding
    from voc.classify.batch import build_classifiers, classify_statements
    from voc.labels import load_friction_cues

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cues", default=None, help="friction cue YAML (default: packaged)")
    ap.add_argument("--set", default=str(SAMPLE), help="labelled CSV: text,is_friction,origin")
    args = ap.parse_args(argv)
    with open(args.set, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    texts = [r["text"] for r in rows]
    gold = np.array([r["is_friction"] == "1" for r in rows])
    models = build_classifiers()
    vecs = models.embedder.encode([for_embedding(t) for t in texts])
    sentiment = classify_statements(models, texts, vecs)["sentiment_score"].to_numpy()
    det = FrictionDetector(load_friction_cues(Path(args.cues) if args.cues else None))
    flags, scores = det.score(texts, sentiment)
    tp = int((flags & gold).sum())
    precision = tp / max(int(flags.sum()), 1)
    recall = tp / max(int(gold.sum()), 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-12)
    print(
        f"statements {len(texts)} (problems {int(gold.sum())}), flagged {int(flags.sum())}: "
        f"precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f}"
    )
    for r, f, g, s, sc in zip(rows, flags, gold, sentiment, scores, strict=True):
        if f != g:
            kind = "false friction" if f else "missed"
            print(f"  {kind:14} sentiment {s:+.2f} score {sc:.2f} [{r['origin']}] {r['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

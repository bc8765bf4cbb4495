"""What an inbox looks like through voc's own map phase: the shapes a generator must match.

Reads sources the way ``voc`` does (ingest, clean, redact, segment: the map steps before
``embed``) and reports, per source: statements per message, words per statement, the
share of distinct statements (voc embeds each distinct text once, so this decides how
much encoding a run costs), and the share of very short, repeated statements ("Thanks
again.", "Any update?").

Usage::

    python bench/inbox_shapes.py                       # the real sets in ../shared/eval
    python bench/inbox_shapes.py --generated 10000     # plus a generated inbox (CSV)
    python bench/inbox_shapes.py --csv FILE --text-column comment

The real sets are read in place and never copied; without ``../shared`` they are skipped.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
EVAL = HERE.parent.parent / "shared" / "eval"
_WORD = re.compile(r"\w+")
_KEY = re.compile(r"[^\w ]+")
SHORT_WORDS = 3  # a statement of at most this many words is "very short"


def _key(text: str) -> str:
    """Text as a reader would call it "the same": lower case, punctuation and handles out."""
    from voc.classify._match import for_embedding

    return " ".join(_KEY.sub(" ", for_embedding(text).lower()).split())


def shapes(per_item: Sequence[Sequence[str]]) -> dict[str, float]:
    """Shape statistics of an inbox given the statements of each message (in order)."""
    from voc.classify._match import for_embedding

    texts = [t for sts in per_item for t in sts]
    n = len(texts)
    per = np.array([len(s) for s in per_item], dtype=float)
    words = np.array([len(_WORD.findall(t)) for t in texts], dtype=float)
    keys = [_key(t) for t in texts]
    counts = Counter(keys)
    short = words <= SHORT_WORDS
    repeated = np.array([counts[k] > 1 for k in keys], dtype=bool)
    top10 = sum(c for _, c in counts.most_common(10))
    msgs = Counter(" ".join(s) for s in per_item)
    return {
        "messages": len(per_item),
        "statements": n,
        "distinct_statements": len({for_embedding(t) for t in texts}),
        "distinct_share": round(len({for_embedding(t) for t in texts}) / max(n, 1), 4),
        "distinct_messages_share": round(len(msgs) / max(len(per_item), 1), 4),
        "statements_per_message": round(float(per.mean()) if len(per) else 0.0, 3),
        "messages_0_1_2_3plus": [
            round(float(np.mean(per == k)), 3) if len(per) else 0.0 for k in (0, 1, 2)
        ]
        + [round(float(np.mean(per >= 3)), 3) if len(per) else 0.0],
        "words_per_statement_mean": round(float(words.mean()) if n else 0.0, 2),
        "words_per_statement_p10_p50_p90": (
            [float(np.percentile(words, q)) for q in (10, 50, 90)] if n else [0.0] * 3
        ),
        "short_share": round(float(short.mean()) if n else 0.0, 4),
        "short_repeated_share": round(float((short & repeated).mean()) if n else 0.0, 4),
        "repeated_share": round(float(repeated.mean()) if n else 0.0, 4),
        "top10_statements_share": round(top10 / max(n, 1), 4),
    }


def pipeline_statements(pipeline: object) -> list[list[str]]:
    """Statements of every analysed item of ``pipeline``, as the map phase segments them."""
    from voc.mapphase import chunked_items, items_chunk, iter_ingest, map_spec, prepare_chunk

    spec = map_spec(pipeline)  # type: ignore[arg-type]
    rejects: list = []
    notes: list[str] = []
    out: list[list[str]] = []
    chunks = chunked_items(iter_ingest(pipeline), 2000, set(), set(), rejects, notes, {})  # type: ignore[arg-type]
    for batch in chunks:
        items, names = items_chunk(batch)
        st = prepare_chunk(spec, items, names, hashes=False).state.statements
        by_item: dict[str, list[str]] = {iid: [] for iid in items["item_id"]}
        if st is not None:
            for iid, text in zip(st["item_id"], st["text"], strict=True):
                by_item[iid].append(str(text))
        out.extend(by_item.values())
    return out


def eval_pipelines() -> dict[str, object]:
    """The real sets' pipelines (``pipelines/eval-*.yaml``), those whose data is present."""
    from voc.config import load_pipeline

    found = {}
    for name, file in [
        ("twcs customer tweets", "eval-twcs.yaml"),
        ("cfpb narratives", "eval-cfpb-complaints.yaml"),
        ("airline tweets", "eval-airline-tweets.yaml"),
    ]:
        pipe = load_pipeline(HERE.parent / "pipelines" / file)
        if all(Path(p).exists() for s in pipe.sources for p in s.paths):
            found[name] = pipe
    return found


def csv_pipeline(path: Path, text_column: str, date_column: str | None = None) -> object:
    """The ``voc analyze`` pipeline of one CSV file."""
    from voc.api import default_pipeline

    return default_pipeline([str(path)], text_column=text_column, date_column=date_column)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--generated", default="", help="sizes of generated inboxes, e.g. 10000")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--csv", type=Path, default=None, help="any CSV file to measure too")
    ap.add_argument("--text-column", default="comment")
    ap.add_argument("--no-eval", action="store_true", help="skip the real sets")
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    results: dict[str, dict[str, float]] = {}
    if not args.no_eval:
        pipes = eval_pipelines()
        if not pipes:
            print(f"skipping the real sets: {EVAL} not found", file=sys.stderr)
        for name, pipe in pipes.items():
            per_item = pipeline_statements(pipe)
            results[name] = shapes(per_item)
            print(name, json.dumps(results[name]), flush=True)
            if len(per_item) > 2 * 1000:  # how the shares move with size
                results[f"{name}, first 1000"] = shapes(per_item[:1000])
                print(f"{name}, first 1000", json.dumps(results[f"{name}, first 1000"]))
    if args.csv:
        results[str(args.csv)] = shapes(
            pipeline_statements(csv_pipeline(args.csv, args.text_column))
        )
        print(args.csv, json.dumps(results[str(args.csv)]), flush=True)
    for size in [int(s) for s in args.generated.split(",") if s]:
        from generate_inbox import generate

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"gen-{size}.csv"
            generate(path, size, "csv", args.seed)
            name = f"generated {size}"
            results[name] = shapes(pipeline_statements(csv_pipeline(path, "comment")))
            print(name, json.dumps(results[name]), flush=True)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

"""Redaction on real text, before and after: what it finds, and how fast.

    .venv/bin/python bench/bench_redact.py counts --baseline /tmp/base/voc/redact.py
    flock /work/bench.lock .venv/bin/python bench/bench_redact.py speed --baseline ... [-n 50000]

``counts``: placeholders per kind that redaction adds to the Customer Support on Twitter
sample, the airline tweets, the CFPB narratives and the clothing reviews (every text of
each), with this checkout's
``voc.redact`` and with ``--baseline`` (another ``redact.py``, e.g. the previous commit's,
exported with ``git show``); writes the texts whose redaction changed to ``--changed``
(a CSV to read).
``speed``: statements/s of ``redact_many`` (chunks of 2,000, as a run does) over ``-n``
real statements (the eval sets, split into sentences by ``voc.segment``; cycled when there
are fewer), baseline and current interleaved, best of ``--repeat``; with ``--names-known``
the current code is told each text's own names were found by its reader (as for e-mail,
helpdesk and transcript items), so ``names_in_text`` does not run again.

Needs ../shared/eval; its texts are read, never copied into the repository.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
PLACEHOLDER = re.compile(r"\[(EMAIL|PHONE|CARD|IBAN|IP|ID|SECRET|NAME|HANDLE)\]")
CHUNK = 2000


def load_module(path: Path, name: str) -> ModuleType:
    """A ``redact.py`` from elsewhere, imported under ``name`` (its own imports resolve in
    this checkout's ``voc``)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def column(path: Path, col: str, limit: int | None = None) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        out = [r[col] for r in csv.DictReader(fh) if r.get(col, "").strip()]
    return out[:limit] if limit else out


def corpora() -> dict[str, list[str]]:
    clothing = EVAL / "womens_clothing_reviews" / "dev.csv"
    return {
        "twcs": column(EVAL / "twcs_sample" / "dev.csv", "text"),
        "airline": column(EVAL / "airline_tweets" / "dev.csv", "text"),
        "cfpb": column(EVAL / "cfpb_complaints" / "dev.csv", "Consumer complaint narrative"),
        "clothing": column(clothing, "Title") + column(clothing, "Review Text"),
    }


def placeholders(texts: list[str], out: list[str]) -> Counter[str]:
    """Placeholders in ``out`` that were not already in the input texts."""
    added: Counter[str] = Counter()
    for before, after in zip(texts, out, strict=True):
        added.update(PLACEHOLDER.findall(after))
        added.subtract(PLACEHOLDER.findall(before))
    return +added


def run_many(fn: Callable[..., list[str]], texts: list[str]) -> list[str]:
    out: list[str] = []
    for i in range(0, len(texts), CHUNK):
        part = texts[i : i + CHUNK]
        out += fn(part, [[] for _ in part])
    return out


def counts(args: argparse.Namespace) -> None:
    from voc import redact as new

    old = load_module(Path(args.baseline), "redact_baseline")
    changed_rows = []
    for name, texts in corpora().items():
        before = run_many(old.redact_many, texts)
        after = run_many(new.redact_many, texts)
        cb, ca = placeholders(texts, before), placeholders(texts, after)
        kinds = sorted(set(cb) | set(ca))
        changed = [i for i, (b, a) in enumerate(zip(before, after, strict=True)) if b != a]
        print(f"{name}: {len(texts)} texts, {len(changed)} redacted differently")
        for k in kinds:
            print(f"  [{k}] before {cb[k]:>5}  after {ca[k]:>5}")
        changed_rows += [(name, i, before[i], after[i]) for i in changed]
    rng = random.Random(9)
    sample = rng.sample(changed_rows, min(args.sample, len(changed_rows)))
    with open(args.changed, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["corpus", "index", "before", "after"])
        w.writerows(sorted(sample))
    print(f"{len(sample)} of {len(changed_rows)} changed texts written to {args.changed}")


def statements(n: int) -> list[str]:
    """``n`` real statements: the eval sets' texts split as a run splits them."""
    from voc.segment import split_many

    texts = column(EVAL / "twcs_sample" / "dev.csv", "text")
    texts += column(EVAL / "airline_tweets" / "dev.csv", "text")
    texts += column(EVAL / "cfpb_complaints" / "dev.csv", "Consumer complaint narrative")
    texts += column(EVAL / "womens_clothing_reviews" / "dev.csv", "Review Text")
    texts += column(EVAL / "banking77" / "dev.csv", "text")
    out = [s for sents in split_many(texts) for s in sents]
    base = len(out)
    while len(out) < n:
        out += out[: n - len(out)]
    print(f"{min(base, n)} distinct statements, cycled to {n}")
    return out[:n]


def speed(args: argparse.Namespace) -> None:
    from voc import redact as new

    old = load_module(Path(args.baseline), "redact_baseline")
    cache = Path(args.statements) if args.statements else None
    if cache is not None and cache.exists():  # split once, outside the timed lock
        stmts = json.loads(cache.read_text(encoding="utf-8"))[: args.n]
    else:
        stmts = statements(args.n)
        if cache is not None:
            cache.write_text(json.dumps(stmts), encoding="utf-8")
    if args.prepare:
        return
    run_many(old.redact_many, stmts[:2000])  # warm caches
    run_many(new.redact_many, stmts[:2000])
    mods = {"baseline": old, "current": new}
    wall = {k: 0.0 for k in mods}
    cpu = {k: 0.0 for k in mods}
    ratios: list[float] = []
    # chunk by chunk, the two in alternating order: both see the same load, and the median
    # of the per-chunk CPU-time ratios is robust to the other users of the machine
    for rep in range(args.repeat):
        for i in range(0, len(stmts), CHUNK):
            part = stmts[i : i + CHUNK]
            order = ["baseline", "current"] if (rep + i // CHUNK) % 2 == 0 else [
                "current", "baseline"]
            took = {}
            for label in order:
                w0, c0 = time.perf_counter(), time.process_time()
                if label == "current" and args.names_known:
                    # the reader found the texts' own names (e-mail, helpdesk, transcripts)
                    mods[label].redact_many(part, [[] for _ in part], None, [True] * len(part))
                else:
                    mods[label].redact_many(part, [[] for _ in part])
                wall[label] += time.perf_counter() - w0
                took[label] = time.process_time() - c0
                cpu[label] += took[label]
            if took["baseline"] > 0:
                ratios.append(took["current"] / took["baseline"])
    n = len(stmts) * args.repeat
    for label in mods:
        print(f"{label}: {n} statements, wall {wall[label]:.2f} s = {n / wall[label]:,.0f}/s, "
              f"CPU {cpu[label]:.2f} s = {n / cpu[label]:,.0f}/s")
    print(f"current / baseline throughput: wall {wall['baseline'] / wall['current']:.3f}, "
          f"CPU {cpu['baseline'] / cpu['current']:.3f}, median per-chunk CPU "
          f"{1 / statistics.median(ratios):.3f}")


def main(argv: list[str] | None = None) -> int:
    if not EVAL.is_dir():
        print(f"{EVAL} not found: nothing to measure", file=sys.stderr)
        return 1
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("counts")
    c.add_argument("--baseline", required=True)
    c.add_argument("--changed", default="out/redact_changed.csv")
    c.add_argument("--sample", type=int, default=50)
    s = sub.add_parser("speed")
    s.add_argument("--baseline", required=True)
    s.add_argument("-n", type=int, default=50_000)
    s.add_argument("--repeat", type=int, default=3)
    s.add_argument("--statements", help="JSON file caching the split statements")
    s.add_argument("--prepare", action="store_true", help="only split and cache them")
    s.add_argument(
        "--names-known",
        action="store_true",
        help="current: every text's own names found by its reader (redact_many names_known)",
    )
    args = ap.parse_args(argv)
    Path("out").mkdir(exist_ok=True)
    (counts if args.cmd == "counts" else speed)(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

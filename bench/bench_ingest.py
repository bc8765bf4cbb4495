"""Ingestion speed: records/s on the ../shared/eval sets (through pipelines/eval-*.yaml) and on
a generated mbox of 100,000 messages.

    .venv/bin/python bench/bench_ingest.py                 # everything
    .venv/bin/python bench/bench_ingest.py --messages 5000 # a smaller mbox
    .venv/bin/python bench/bench_ingest.py --skip-eval
    .venv/bin/python bench/bench_ingest.py --redact        # and redaction, as voc ingest

Prints one line per data set (records read, items, rejects, seconds, records/s, peak RSS).
The language model is loaded before timing, so the numbers are steady-state throughput.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from voc.config import load_pipeline
from voc.ingest import iter_records
from voc.ingest.options import SourceOptions
from voc.language import detect
from voc.records import Item

ROOT = Path(__file__).resolve().parents[1]

_COMPLAINTS = [
    "The bank feed stopped importing transactions on Friday and I have reconnected twice.",
    "I was charged twice for my subscription this month, please refund one payment.",
    "The invoice template lost our logo again and clients think the invoices are fake.",
    "Exporting to CSV times out for anything bigger than a few hundred lines.",
    "The mobile app logs me out every time I switch apps.",
    "Reconciliation freezes when I upload a statement with more than 500 lines.",
    "Is there a discount for charities? We only have four users.",
    "The VAT report uses the wrong rate for the United Kingdom.",
]
_FIRST = ["Dana", "Tom", "Priya", "Kenji", "Ana", "Ravi", "Lee", "Maria", "Oliver", "Hannah"]
_LAST = ["Whitfield", "Reyes", "Shah", "Sato", "Souza", "Kumar", "Park", "Garcia", "Brown"]


def make_mbox(path: Path, n: int, seed: int = 4) -> Path:
    """A realistic mbox: customer mails with quoted replies and signatures, agent replies,
    auto-replies, HTML and quoted-printable bodies, threads and a few duplicates."""
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for i in range(n):
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            when = start + timedelta(minutes=7 * i)
            kind = rng.random()
            msg_id = f"m{i}@bench.example" if rng.random() > 0.01 else f"m{i - 1}@bench.example"
            sender = f"{first} {last} <{first.lower()}.{last.lower()}{i % 997}@cust.example>"
            if kind < 0.2:
                sender = f"{first} at Ledgerly <{first.lower()}@ledgerly.com>"
            headers = [
                f"From {first.lower()}@cust.example {when.strftime('%a %b %d %H:%M:%S %Y')}",
                f"From: {sender}",
                "To: help@ledgerly.com",
                f"Subject: Re: ticket {i // 3}",
                f"Date: {format_datetime(when)}",
                f"Message-ID: <{msg_id}>",
            ]
            if i % 3:
                headers.append(f"In-Reply-To: <m{i - (i % 3)}@bench.example>")
            if 0.2 <= kind < 0.23:
                headers.append("Auto-Submitted: auto-replied")
            body = rng.choice(_COMPLAINTS)
            if 0.23 <= kind < 0.4:
                headers.append("Content-Type: text/html; charset=utf-8")
                text = f"<html><body><p>Hi,</p><p>{body}</p><p>Thanks,<br>{first}</p></body></html>"
            elif 0.4 <= kind < 0.5:
                headers.append("Content-Type: text/plain; charset=utf-8")
                headers.append("Content-Transfer-Encoding: quoted-printable")
                text = f"Hi,\n\n{body} =E2=80=94 still waiting.\n\n{first}\n"
            else:
                headers.append("Content-Type: text/plain; charset=utf-8")
                text = (
                    f"Hi,\n\n{body}\n\nThanks,\n{first} {last}\n+44 20 7946 {i % 10000:04d}\n\n"
                    f"On {format_datetime(when - timedelta(days=1))}, Ledgerly wrote:\n"
                    "> Thanks for getting in touch.\n> We are looking into it.\n"
                )
            fh.write("\n".join(headers) + "\n\n" + text.replace("\nFrom ", "\n>From ") + "\n\n")
    return path


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(
    name: str, paths: list[Path], kind: str, options: SourceOptions, redact: bool = False
) -> dict[str, object]:
    """Records/s of reading ``paths``; with ``redact``, also redacting every item as ``voc
    ingest`` does (brands' handles over the whole run, then each item's text and question)."""
    t0, c0 = time.perf_counter(), time.process_time()
    stream = iter_records(paths, kind, options)
    items = 0
    reasons: Counter[str] = Counter()
    kept: list[Item] = []
    for rec in stream:
        if isinstance(rec, Item):
            items += 1
            if redact:
                kept.append(rec)
        else:
            reasons[rec.reason.split(" (")[0]] += 1
    if redact:
        from voc.ingest.export import item_row
        from voc.redact_freeform import addressed_handles

        keep = addressed_handles(it.text for it in kept)
        for it in kept:
            item_row(it, keep)
    dt = time.perf_counter() - t0
    cpu = time.process_time() - c0
    row = {
        "data": name,
        "read": stream.read,
        "items": items,
        "rejects": stream.read - items,
        "seconds": round(dt, 2),
        "records_per_s": round(stream.read / dt, 1) if dt else 0.0,
        "cpu_seconds": round(cpu, 2),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "top_rejects": dict(reasons.most_common(4)),
    }
    print(
        f"{name:<28} read {row['read']:>7}  items {items:>7}  rejects {row['rejects']:>6}  "
        f"{dt:8.2f} s (CPU {cpu:.2f} s)  {row['records_per_s']:>8} rec/s  "
        f"peak RSS {row['peak_rss_mb']} MB  "
        f"{row['top_rejects']}",
        flush=True,
    )
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=100_000, help="messages in the mbox")
    ap.add_argument("--skip-eval", action="store_true", help="only the generated mbox")
    ap.add_argument("--skip-mbox", action="store_true", help="only the eval sets")
    ap.add_argument(
        "--redact", action="store_true", help="also redact every item, as voc ingest does"
    )
    args = ap.parse_args(argv)
    detect("Warm up the language model before timing anything at all.")
    if not args.skip_eval:
        pipes = sorted((ROOT / "pipelines").glob("eval-*.yaml"))
        for p in pipes:
            pipe = load_pipeline(p)
            for src in pipe.sources:
                paths = [Path(x) for x in src.paths]
                if not all(x.exists() for x in paths):
                    print(f"{p.name}: {src.paths} not found (needs ../shared), skipped")
                    continue
                measure(p.stem, paths, src.kind, src.options, args.redact)
    if not args.skip_mbox:
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            box = make_mbox(Path(tmp) / "bench.mbox", args.messages)
            size = box.stat().st_size / 1e6
            print(
                f"generated {args.messages} messages ({size:.0f} MB) in "
                f"{time.perf_counter() - t0:.1f} s",
                flush=True,
            )
            options = SourceOptions(agent_domains=["ledgerly.com"])
            measure(f"mbox {args.messages} messages", [box], "email", options, args.redact)
    return 0


if __name__ == "__main__":
    sys.exit(main())

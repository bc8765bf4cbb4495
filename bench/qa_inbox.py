"""A QA inbox built from real customer tweets: one e-mail per customer tweet of the Customer
Support on Twitter sample, written the ways customers write mail (plain, replies quoting the
agent, forwards of their own earlier complaint in Gmail / Outlook / Apple Mail style, forwards
of the agent's answer under new words, non-English sign-offs and "sent from" lines, a
self-introduction), and what ingestion keeps of each.

    .venv/bin/python bench/qa_inbox.py                       # build, ingest, report
    flock /work/bench.lock .venv/bin/python bench/qa_inbox.py --time --copies 10
    PYTHONPATH=/tmp/base .venv/bin/python bench/qa_inbox.py  # the same with older code

Reports how many e-mails kept the customer's complaint (the tweet's words), how many forwards
were kept / cut as they should, personal data left in items, and with ``--time`` ingest
items/s (best of 3). Needs ../shared/eval; the mbox is written under /tmp.
"""

from __future__ import annotations

import argparse
import csv
import html
import random
import re
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TWCS = ROOT.parent / "shared" / "eval" / "twcs_sample" / "dev.csv"
FIRST = ["Sarah", "David", "Maria", "Kevin", "Priya", "Jean", "Hans", "Lucia", "Tom", "Anna"]
LAST = ["Connor", "Chen", "Garcia", "Dupont", "Müller", "Rossi", "Baker", "Shah", "de Vries"]
SIGNOFFS = [
    "Mit freundlichen Grüßen", "Viele Grüße", "Cordialement", "Bien à vous", "Saludos",
    "Atentamente", "Met vriendelijke groet", "Cordiali saluti", "Thanks", "Best regards",
]
SENT_FROM = ["Enviado desde mi iPhone", "Envoyé de mon iPhone", "Von meinem iPhone gesendet",
             "Sent from my iPhone"]
FILLERS = ["FYI", "see below", "any update?", "", "Any update on this?", "Following up."]
STYLES = ("plain", "reply", "fwd_own", "fwd_agent", "foreign", "intro")
WEIGHTS = (0.45, 0.2, 0.05, 0.05, 0.15, 0.1)


def tweets() -> list[str]:
    with TWCS.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["inbound"] == "True"]
    out = []
    for r in rows:
        text = html.unescape(re.sub(r"^(?:@\w+\s+)+", "", r["text"])).strip()
        out.append(text or r["text"])
    return out


def _forward(style: int, who: str, addr: str, when: datetime, subject: str, body: str) -> str:
    date = format_datetime(when)
    if style == 0:  # Gmail
        head = ("---------- Forwarded message ---------\n"
                f"From: {who} <{addr}>\nDate: {date}\nSubject: {subject}\n"
                "To: <support@acme-help.com>\n")
    elif style == 1:  # Outlook
        head = ("________________________________\n"
                f"From: {who} <{addr}>\nSent: {date}\nTo: support@acme-help.com\n"
                f"Subject: FW: {subject}\n")
    else:  # Apple Mail
        head = (f"Begin forwarded message:\n\nFrom: {who} <{addr}>\nSubject: {subject}\n"
                f"Date: {date}\nTo: support@acme-help.com\n")
    return f"{head}\n{body}"


def build(path: Path, copies: int = 1, seed: int = 9) -> list[tuple[str, str, str, str]]:
    """Write the mbox; return (message id, style, complaint, personal data) per message."""
    rng = random.Random(seed)
    texts = tweets()
    start = datetime(2017, 10, 1, tzinfo=UTC)
    truth = []
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for copy in range(copies):
            for i, tweet in enumerate(texts):
                n = copy * len(texts) + i
                first, last = rng.choice(FIRST), rng.choice(LAST)
                who = f"{first} {last}"
                addr = f"{first.lower()}.{n}@mail.example"
                when = start + timedelta(minutes=11 * n)
                style = rng.choices(STYLES, WEIGHTS)[0]
                agent = ("Our team is looking into this and will get back to you.\n\n"
                         "Kind regards,\nJessica\nAcme Support")
                pii = ""
                if style == "plain":
                    body = f"Hi,\n\n{tweet}\n\nThanks,\n{first}"
                elif style == "reply":
                    body = (f"{tweet}\n\nOn {format_datetime(when - timedelta(days=1))}, "
                            f"Acme Support <help@acme-help.com> wrote:\n> {agent.splitlines()[0]}")
                elif style == "fwd_own":
                    own = f"Hello,\n\n{tweet}\n\nRegards,\n{who}"
                    body = rng.choice(FILLERS) + "\n\n" + _forward(
                        rng.randrange(3), who, addr, when - timedelta(days=3), "Problem", own
                    )
                elif style == "fwd_agent":
                    body = f"{tweet}\n\n" + _forward(
                        rng.randrange(3), "Acme Support", "help@acme-help.com",
                        when - timedelta(days=2), "Re: Problem", agent,
                    )
                elif style == "foreign":
                    so = rng.choice(SIGNOFFS)
                    body = f"Hello,\n\n{tweet}\n\n{so},\n{who}\n\n{rng.choice(SENT_FROM)}"
                    pii = who
                else:  # intro
                    body = f"Hi, my name is {who} and I am writing about this. {tweet}"
                    pii = who
                msg = (
                    f"From {addr} {when.strftime('%a %b %d %H:%M:%S %Y')}\n"
                    f"From: {who} <{addr}>\nTo: Acme Support <support@acme-help.com>\n"
                    f"Subject: Problem\nDate: {format_datetime(when)}\n"
                    f"Message-ID: <qa{n}@mail.example>\nMIME-Version: 1.0\n"
                    "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
                )
                body = "\n".join(">" + ln if ln.startswith("From ") else ln
                                 for ln in body.split("\n"))
                fh.write(msg + body + "\n\n")
                truth.append((f"qa{n}@mail.example", style, tweet, pii))
    return truth


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]{4,}", text.lower()))


def main(argv: list[str] | None = None) -> int:
    if not TWCS.exists():
        print(f"{TWCS} not found", file=sys.stderr)
        return 1
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--time", action="store_true", help="time ingest (best of 3)")
    args = ap.parse_args(argv)
    from voc.ingest import ingest_paths
    from voc.ingest.options import SourceOptions
    from voc.records import redaction_names
    from voc.redact import redact

    tmp = Path(tempfile.mkdtemp(prefix="qa_inbox_"))
    mbox = tmp / "qa.mbox"
    truth = build(mbox, args.copies)
    opts = SourceOptions(agent_domains=["acme-help.com"], languages=[])
    result = ingest_paths([mbox], kind="email", options=opts)
    by_id = {it.source_ref: it for it in result.items}
    kept = {s: [0, 0] for s in {t[1] for t in truth}}
    leaked = agent_kept = 0
    for mid, style, tweet, pii in truth:
        it = by_id.get(mid)
        words = _words(tweet)
        ok = it is not None and (not words or len(words & _words(it.text)) >= 0.8 * len(words))
        kept[style][0] += ok
        kept[style][1] += 1
        if it is not None:
            red = redact(it.text, redaction_names(it))
            leaked += bool(pii) and any(p in red for p in pii.split() if len(p) > 2)
            agent_kept += "looking into this" in it.text
    total_ok = sum(v[0] for v in kept.values())
    print(f"{len(truth)} e-mails, read {result.read}, items {len(result.items)}, "
          f"rejects {len(result.rejects)}")
    print(f"complaint kept: {total_ok} of {len(truth)}")
    for style, (ok, n) in sorted(kept.items()):
        print(f"  {style:<10} {ok:>5} of {n}")
    print(f"items with the agent's forwarded/quoted words: {agent_kept}")
    print(f"items with a name from a sign-off / introduction left after redaction: {leaked}")
    if args.time:
        best = cpu = float("inf")
        for _ in range(3):
            t0, c0 = time.perf_counter(), time.process_time()
            res = ingest_paths([mbox], kind="email", options=opts)
            best = min(best, time.perf_counter() - t0)
            cpu = min(cpu, time.process_time() - c0)
        print(f"ingest: {res.read} messages in {best:.2f} s = {res.read / best:,.0f} messages/s "
              f"(CPU {cpu:.2f} s = {res.read / cpu:,.0f} messages/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

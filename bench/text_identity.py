"""Proof that the text side's fast paths change nothing, on whole datasets.

For every text of the evaluation sets in ``../shared/eval`` (airline tweets, Banking77,
CFPB narratives, clothing reviews, the twcs sample), of the sample data and of an optional
generated CSV, each text raw and redacted, compares:

- language: :func:`voc.language.detect_many` (batched) against :func:`detect` per text;
- sentences: :class:`voc.sentsplit.Splitter` against spaCy's sentencizer
  (``[s.text.strip() for s in nlp(p).sents]``) on every paragraph it would split;
- cleaning: :func:`voc.clean.normalize_whitespace` against its full path, and the ingest
  checks (garbled, control characters, mostly symbols) against theirs;
- redaction: :func:`voc.redact.redact` against every rule run without the prefilters.

Prints counts of texts and of differences (with the first few) as JSON, and the CPU
seconds of each side. Not a test: the tests run slices of the same comparisons.

Usage::

    python bench/text_identity.py [--eval ../shared/eval] [--csv out/gen-10000.csv]
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from pathlib import Path

COLUMNS = {
    "airline_tweets": ["text"],
    "banking77": ["text"],
    "cfpb_complaints": ["Consumer complaint narrative"],
    "womens_clothing_reviews": ["Title", "Review Text"],
    "twcs_sample": ["text"],
}


def _texts(eval_dir: Path, gen: Path | None) -> dict[str, list[str]]:
    from voc.ingest import ingest_paths

    csv.field_size_limit(10**9)
    out: dict[str, list[str]] = {}
    for name, cols in COLUMNS.items():
        path = eval_dir / name / "dev.csv"
        if path.exists():
            with path.open(newline="", encoding="utf-8") as fh:
                out[name] = [r[c] for r in csv.DictReader(fh) for c in cols if r.get(c)]
    sample = Path(__file__).resolve().parents[1] / "data" / "sample"
    out["sample"] = [it.text for it in ingest_paths([sample]).items]
    if gen is not None:
        with gen.open(newline="", encoding="utf-8") as fh:
            out[gen.name] = [r["comment"] for r in csv.DictReader(fh)]
    return out


def _timed(fn, *args):  # noqa: ANN001, ANN202
    t = time.process_time()
    got = fn(*args)
    return got, round(time.process_time() - t, 2)


def compare(texts: list[str]) -> dict:
    from voc import language, segment
    from voc.clean import _normalize, normalize_whitespace
    from voc.ingest import _check, _check_all
    from voc.redact import redact, redact_unfiltered
    from voc.sentsplit import Splitter

    res: dict = {"texts": len(texts)}
    fast, t_fast = _timed(language.detect_many, texts)
    slow, t_slow = _timed(lambda: [language.detect(t) for t in texts])
    diff = [
        (t[:80], a.language, b.language)
        for t, a, b in zip(texts, slow, fast, strict=True)
        if a.language != b.language
    ]
    res["language"] = {
        "decided": sum(bool(d.language) for d in slow),
        "differences": len(diff),
        "examples": diff[:3],
        "cpu_s_per_text": t_slow,
        "cpu_s_batched": t_fast,
    }
    red_fast, t_rf = _timed(lambda: [redact(t) for t in texts])
    red_slow, t_rs = _timed(lambda: [redact_unfiltered(t) for t in texts])
    diff = [(t[:80], a, b) for t, a, b in zip(texts, red_slow, red_fast, strict=True) if a != b]
    res["redaction"] = {
        "changed": sum(a != t for a, t in zip(red_slow, texts, strict=True)),
        "differences": len(diff),
        "examples": diff[:3],
        "cpu_s_all_rules": t_rs,
        "cpu_s_prefiltered": t_rf,
    }
    paras = [p for t in texts + red_fast for p in segment._paragraphs(t)]
    paras = [p for p in paras if segment._inner_punct().search(p)]
    nlp = segment._nlp()
    ref, t_ref = _timed(
        lambda: [[s.text.strip() for s in d.sents] for d in nlp.pipe(paras, batch_size=256)]
    )
    split = Splitter(nlp).split
    got, t_got = _timed(lambda: [split(p) for p in paras])
    diff = [(p[:80], a, b) for p, a, b in zip(paras, ref, got, strict=True) if a != b]
    res["sentences"] = {
        "paragraphs": len(paras),
        "differences": len(diff),
        "examples": diff[:3],
        "cpu_s_spacy": t_ref,
        "cpu_s_splitter": t_got,
    }
    d1 = sum(normalize_whitespace(t) != _normalize(t) for t in texts)
    d2 = sum(_check(t) != _check_all(t) for t in texts)
    res["cleaning"] = {"normalize_differences": d1, "check_differences": d2}
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--eval", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval"
    )
    ap.add_argument("--csv", type=Path, default=None, help="a generated inbox (comment column)")
    args = ap.parse_args()
    report = {name: compare(texts) for name, texts in _texts(args.eval, args.csv).items()}
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()

"""The prefilters of redact() only skip rules that could not change the text."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from voc.redact import redact, redact_unfiltered

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"

PII = [
    "dana@acme.com",
    "(415) 555-0134",
    "+44 20 7946 0958",
    "0044 20 7946 0958",
    "06 12 34 56 78",
    "4111 1111 1111 1111",
    "4111-1111-1111-1111",
    "GB82 WEST 1234 5698 7654 32",
    "DE89370400440532013000",
    "192.168.0.1",
    "fe80::1%eth0",
    "2001:db8::ff00:42:8329",
    "123-45-6789",
    "QQ 12 34 56 C",
    "12345678Z",
    "X1234567L",
    "RSSMRA85T10A562S",
    "1 85 05 78 006 084 36",
    "046 454 286",
    "2345 6789 0124",
    "passport no. X1234567",
    "tax id: 98-7654321",
    "https://u:pw@host.com/x",
    "https://x.com/reset/abcd1234efgh5678ijkl9012",
    "https://x.com/?token=abc123&b=1",
    "eyJhbGciOiJI.eyJzdWIiOiIx.SflKxwRJSMeKKF2QT4f",
    "AKIAIOSFODNN7EXAMPLE",
    "sk_live_abcdefghij1234",
    "ghp_" + "a1" * 18,
    "xoxb-1234567890-abc",
    "v1.2.3.4",
    "version 10.0.0.1",
    "order 12345",
    "3.5 GB",
    "$1,234.56",
    "2026-01-05 09:01",
    "Dana",
    "dana",
    "Mr. Whitfield",
    "Whitfield, Dana",
    "bill",
    "Bill",
]
FILLER = ["my", "card", "is", "call", "me", "on", "at", ":", "=", "id", "tin", "pan", "the", "."]


def _texts(n: int) -> list[str]:
    rng = random.Random(9)
    out = []
    for _ in range(n):
        words = [rng.choice(FILLER) for _ in range(rng.randint(0, 8))]
        for _ in range(rng.randint(0, 2)):
            words.insert(rng.randint(0, len(words)), rng.choice(PII))
        out.append(rng.choice([" ", "  ", "\n"]).join(words))
    return out


def test_prefiltered_is_unfiltered() -> None:
    texts = PII + _texts(3000)
    names = ["Dana Whitfield", "Bill Stone"]
    got = [redact(t, names) for t in texts]
    assert got == [redact_unfiltered(t, names) for t in texts]
    assert sum(g != t for g, t in zip(got, texts, strict=True)) > 1000  # rules did apply


def test_eval_texts_redacted_as_unfiltered() -> None:
    if not EVAL.is_dir():
        pytest.skip("../shared/eval is absent (evaluation data not available)")
    csv.field_size_limit(10**9)
    texts: list[str] = []
    for path in sorted(EVAL.glob("*/dev.csv")):
        with path.open(newline="", encoding="utf-8") as fh:
            for _, row in zip(range(150), csv.DictReader(fh), strict=False):
                texts += [v for v in row.values() if v]
    assert [redact(t) for t in texts] == [redact_unfiltered(t) for t in texts]

"""The labelled redaction set (tests/fixtures/redact/cases.jsonl, >= 200 cases) against the
issue's thresholds: structured PII recall >= 0.99, known-name recall >= 0.95, false positives
on ordinary text < 1%."""

from __future__ import annotations

from collections import Counter

from redact_cases import load_cases, passed

CASES = load_cases("cases.jsonl")


def scores() -> dict[str, float]:
    total: Counter[str] = Counter()
    ok: Counter[str] = Counter()
    for case in CASES:
        total[case["kind"]] += 1
        ok[case["kind"]] += passed(case)
    return {
        "structured_recall": ok["structured"] / total["structured"],
        "name_recall": ok["name"] / total["name"],
        "false_positive_rate": 1 - ok["clean"] / total["clean"],
    }


def test_set_is_large_and_covers_every_type() -> None:
    assert len(CASES) >= 200
    types = Counter(c["type"] for c in CASES if c["kind"] == "structured")
    for t in ("EMAIL", "PHONE", "CARD", "IBAN", "IP", "ID", "SECRET"):
        assert types[t] >= 10, t
    assert sum(c["kind"] == "clean" for c in CASES) >= 100
    assert sum(c["kind"] == "name" for c in CASES) >= 40


def test_thresholds() -> None:
    s = scores()
    failing = [c["id"] for c in CASES if not passed(c)]
    assert s["structured_recall"] >= 0.99, failing
    assert s["name_recall"] >= 0.95, failing
    assert s["false_positive_rate"] < 0.01, failing

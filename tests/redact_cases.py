"""Labelled redaction cases (tests/fixtures/redact/*.jsonl) and the rule that checks one."""

from __future__ import annotations

import json
from pathlib import Path

from voc.redact import redact

FIXTURES = Path(__file__).parent / "fixtures" / "redact"


def load_cases(file: str) -> list[dict]:
    """The cases of one JSON-lines fixture file, in order."""
    text = (FIXTURES / file).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def passed(case: dict) -> bool:
    """True when the case is handled as labelled: clean text unchanged; structured PII
    gone and its mark present; a name gone in every capitalisation and [NAME] present."""
    out = redact(case["text"], case.get("names", []))
    if case["kind"] == "clean":
        return out == case["text"]
    if case["kind"] == "structured":
        return all(p not in out for p in case["pii"]) and f"[{case['type']}]" in out
    return "[NAME]" in out and all(p.lower() not in out.lower() for p in case["pii"])

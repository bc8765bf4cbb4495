"""Fast paths of text cleaning and ingest checks give what the full steps give."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pandas as pd
import pytest

import voc.ingest as ingest
from voc.clean import _normalize, normalize_whitespace
from voc.ingest.survey import _rows
from voc.ingest.survey_columns import ColumnRoles

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"

PIECES = [
    "word",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\f",
    "\v",
    "\x1c",
    "\x1f",
    "\x00",
    "\x07",
    "\x7f",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "\u2028",
    "e\u0301",
    "é",
    "\ufffd",
    "\ue000",
    "123",
    "$%&*",
    "!!!",
    "[EMAIL]",
    "日本語",
    "x" * 30,
    "\x85",
    "\u3000",
    "-",
    ".",
]


def _random_texts(n: int) -> list[str]:
    rng = random.Random(3)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 25))) for _ in range(n)]


def _eval_texts() -> list[str]:
    if not EVAL.is_dir():
        return []
    csv.field_size_limit(10**9)
    texts: list[str] = []
    for path in sorted(EVAL.glob("*/dev.csv")):
        with path.open(newline="", encoding="utf-8") as fh:
            for _, row in zip(range(400), csv.DictReader(fh), strict=False):
                texts += [v for v in row.values() if v]
    return texts


def test_normalize_whitespace_fast_path_is_the_full_one() -> None:
    texts = _random_texts(4000) + ["  plain ascii text  ", "a  b", "a\tb", "tab\t", "x\x1c"]
    assert [normalize_whitespace(t) for t in texts] == [_normalize(t) for t in texts]
    assert normalize_whitespace("  plain ascii text \x1f") == "plain ascii text"


def test_item_checks_fast_path_is_the_full_one() -> None:
    texts = _random_texts(4000) + ["$$$ 12345 %%% 678", "ok", "12345678", "abc " * 3, "\x00" * 9]
    assert [ingest._check(t) for t in texts] == [ingest._check_all(t) for t in texts]
    reasons = {ingest._check(t).reason.split(" (")[0] for t in texts}
    assert reasons == {"", "no words", "binary or garbled content"}


def test_rows_read_as_records() -> None:
    df = pd.DataFrame(
        {"id": ["1", "2"], "why": ["slow app", ""], "plan": ["pro", "free"], "x": ["a", "b"]}
    ).astype(str)
    roles = ColumnRoles(text=["why"], id="id", attributes=["plan"])
    got = [{c: r[c] for c in ("id", "why", "plan")} for r in _rows(df, roles)]
    want = [{c: r[c] for c in ("id", "why", "plan")} for r in df.to_dict("records")]
    assert got == want


def test_eval_texts_clean_and_check_as_before() -> None:
    texts = _eval_texts()
    if not texts:
        pytest.skip("../shared/eval is absent (evaluation data not available)")
    assert [normalize_whitespace(t) for t in texts] == [_normalize(t) for t in texts]
    assert [ingest._check(t) for t in texts] == [ingest._check_all(t) for t in texts]


def _frames() -> list[pd.DataFrame]:
    frames = [
        pd.DataFrame({"a": [" x ", "y\t", "\u00a0z"], "b": ["", " ", "q"]}).astype(str),
        pd.DataFrame([[" 1", "2 "], ["3", " 4"]], columns=["d", "d"]).astype(str),
        pd.DataFrame({"a": [" x", None]}).fillna("").astype(str),
        pd.DataFrame({"a": [" x", None]}, dtype="str"),  # a missing value: pandas' path
        pd.DataFrame({"a": []}, dtype="str"),
    ]
    for path in sorted(EVAL.glob("*/dev.csv")) if EVAL.is_dir() else []:
        frames.append(pd.read_csv(path, dtype=str, keep_default_na=False, nrows=300).astype(str))
    return frames


def test_strip_cells_is_pandas_strip() -> None:
    from voc.ingest.survey_columns import strip_cells

    for df in _frames():
        pd.testing.assert_frame_equal(strip_cells(df), df.apply(lambda s: s.str.strip()))

"""``iter_records``: lazy, same records and order as ``ingest_paths``, notes afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from voc.errors import ConfigError, DataError
from voc.ingest import ingest_paths, iter_records
from voc.ingest.options import SourceOptions

FIXTURES = Path(__file__).parent / "fixtures"


def _key(rec: object) -> tuple[str, str, str]:
    return (type(rec).__name__, rec.source_path, rec.source_ref)  # type: ignore[attr-defined]


def test_same_records_same_order_as_ingest_paths() -> None:
    paths = [FIXTURES / "ingest", FIXTURES / "helpdesk", FIXTURES / "surveys"]
    opts = SourceOptions(agent_domains=["ledgerly.com"])
    stream = iter_records(paths, "auto", opts)
    assert stream.notes == [] and stream.read == 0  # nothing read before iterating
    streamed = [_key(r) for r in stream]
    result = ingest_paths(paths, "auto", opts)
    assert streamed == [_key(r) for r in result.records()]
    assert stream.notes == result.notes and stream.read == result.read == len(streamed)


def test_stream_is_lazy() -> None:
    stream = iter(iter_records([FIXTURES / "hostile"]))
    first = next(stream)
    assert first.source_path.endswith("bad_lines.jsonl")  # first file in sorted order


def test_errors_before_reading() -> None:
    with pytest.raises(ConfigError):
        iter_records([FIXTURES], "fax")
    with pytest.raises(DataError, match="file not found"):
        iter_records([FIXTURES / "nope.csv"])

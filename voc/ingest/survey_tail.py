"""Append-aware reading of a streamed survey CSV: only the rows after the last complete run.

When a large survey CSV (one :mod:`voc.ingest.survey_stream` streams) was read to its end
and ended with a newline, the reader reports a :class:`CsvTail`: the byte offset of its end,
the number of data rows before it, the header's length in bytes, the encoding, delimiter and
column roles. The run records it with the file's fingerprint (:mod:`voc.fingerprint`). If
the file later only grew (the first ``offset`` bytes hash as before), the next run reads the
header bytes followed by the bytes after ``offset`` only, numbers the new rows on from
``rows + 1`` and takes the earlier rows' items and rejects from the workspace: the same
records, ids and order as a full read of the grown file. When the roles or the delimiter a
full read would detect now differ, or the new rows do not parse strictly, the file is read
in full instead.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pandas as pd

from voc.ingest.options import SourceOptions
from voc.ingest.survey_columns import ColumnRoles
from voc.records import IngestResult


@dataclass
class CsvTail:
    """Where the complete records of a streamed survey CSV end, and how it was read."""

    offset: int  # bytes of complete records (the file ended with a newline there)
    rows: int  # data rows (blank rows not counted) before ``offset``
    header: int  # bytes of the header record (with blank lines before it)
    encoding: str
    errors: str
    sep: str
    roles: dict[str, Any] = field(default_factory=dict)
    fixed: bool = False  # the rows the roles were detected on all lie before ``offset``

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, raw: Any) -> CsvTail | None:
        """The tail recorded in a fingerprint, or None when absent or not understood."""
        if not isinstance(raw, dict):
            return None
        try:
            return cls(**raw)
        except TypeError:
            return None

    def column_roles(self) -> ColumnRoles:
        return ColumnRoles(**self.roles)


class AppendTracker(Protocol):
    """What the run knows about files read before (implemented by voc.fingerprint)."""

    def tail_start(self, path: Path) -> CsvTail | None:
        """The recorded tail of ``path`` when the file only grew since, else None."""

    def carried(self, path: Path, start: CsvTail) -> IngestResult:
        """Items (ids only) and rejects of the first ``start.rows`` rows, in source order."""

    def distrust(self, path: Path) -> None:
        """``path`` changed: none of its items in the workspace may be kept as they are."""

    def tail_end(self, path: Path, tail: CsvTail) -> None:
        """``path`` was read to its end; record where the next run may start."""


def header_length(path: Path) -> int | None:
    """Bytes of the first non-blank CSV record (quote parity across lines), or None."""
    size = 0
    quotes = 0
    content = False
    with path.open("rb") as fh:
        for line in fh:
            size += len(line)
            quotes += line.count(b'"')
            content = content or bool(line.strip(b"\xef\xbb\xbf \t\r\n"))
            if content and quotes % 2 == 0:
                return size if line.endswith(b"\n") else None
            if size > 1 << 20:
                return None  # not a header any more
    return None


def ends_with_newline(path: Path, size: int) -> bool:
    """True when the file's byte at ``size - 1`` is a line feed."""
    if size <= 0:
        return False
    with path.open("rb") as fh:
        fh.seek(size - 1)
        return fh.read(1) == b"\n"


class _HeadAndTail(io.RawIOBase):
    """The bytes ``[0, header)`` then ``[offset, end)`` of a file, as one stream."""

    def __init__(self, path: Path, header: int, offset: int, end: int) -> None:
        self._fh = path.open("rb")
        self._parts = [(0, header), (offset, end)]

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        while self._parts:
            pos, end = self._parts[0]
            if pos >= end:
                self._parts.pop(0)
                continue
            self._fh.seek(pos)
            data = self._fh.read(min(len(buf), end - pos))
            if not data:
                self._parts.pop(0)
                continue
            buf[: len(data)] = data
            self._parts[0] = (pos + len(data), end)
            return len(data)
        return 0

    def close(self) -> None:
        self._fh.close()
        super().close()


def _open_tail(path: Path, start: CsvTail, end: int) -> io.TextIOWrapper:
    raw = io.BufferedReader(_HeadAndTail(path, start.header, start.offset, end), 1 << 20)
    return io.TextIOWrapper(raw, encoding=start.encoding, errors=start.errors, newline="")


def read_tail(
    path: Path, options: SourceOptions, start: CsvTail, chunk_rows: int
) -> tuple[Iterator[IngestResult], CsvTail] | None:
    """Parts of the rows after ``start`` (numbered on from ``start.rows + 1``) and the
    tail to record once they are read; None when the file must be read in full."""
    from voc.ingest.survey import _add_rows, _sniff_delimiter
    from voc.ingest.survey_stream import _csv_kwargs, _head_text, _tidy, head_roles

    end = os.stat(path).st_size
    if end <= start.offset or not ends_with_newline(path, end):
        return None
    if _sniff_delimiter(_head_text(path, start.encoding, start.errors)) != start.sep:
        return None
    roles = start.column_roles()
    fixed = start.fixed
    if not fixed:  # a full read of the grown file detects roles on rows that include new ones
        now, fixed = head_roles(path, options, start.encoding, start.errors, start.sep)
        if now != roles:
            return None
    n_new = 0
    try:  # the first pass: the new rows must parse strictly, as a full read demands
        with _open_tail(path, start, end) as fh:
            for raw in pd.read_csv(fh, chunksize=chunk_rows, **_csv_kwargs(start.sep)):
                n_new += len(_tidy(raw))
    except (UnicodeDecodeError, LookupError, ValueError, csv.Error, OSError):
        return None
    done = CsvTail(
        end,
        start.rows + n_new,
        start.header,
        start.encoding,
        start.errors,
        start.sep,
        start.roles,
        fixed,
    )

    def parts() -> Iterator[IngestResult]:
        row = start.rows + 1
        src = str(path)
        with _open_tail(path, start, end) as fh:
            for raw in pd.read_csv(fh, chunksize=chunk_rows, **_csv_kwargs(start.sep)):
                df = _tidy(raw)
                part = IngestResult()
                _add_rows(part, df, roles, src, options, row)
                row += len(df)
                yield part

    return parts(), done

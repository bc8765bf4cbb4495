"""A large survey CSV read in chunks of rows, so memory does not grow with the file.

:func:`stream_survey_file` yields the same records, in the same order, as
:func:`voc.ingest.survey.read_survey_file`, as several :class:`IngestResult` parts. Only
CSV files of at least :data:`STREAM_MIN_BYTES` stream; smaller files, workbooks, files
that are not UTF-8 (or the declared encoding), files with malformed rows and
SurveyMonkey's two-row headers take the whole-file reader, unchanged. A first pass
parses the file once (nothing kept) to make sure of that before anything is yielded,
so a file is either streamed to its end or read whole, never half of each.

Column roles (which column is the text, the date, the score...) are detected on the
first :data:`ROLE_ROWS` rows: for files of at most that many rows that is the whole file,
as in the whole-file reader.
"""

from __future__ import annotations

import csv
import dataclasses
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from voc.errors import DataError
from voc.ingest.options import SourceOptions
from voc.ingest.survey import (
    _add_rows,
    _describe,
    _sniff_delimiter,
    merge_two_row_header,
    read_survey_file,
    strip_cells,
)
from voc.ingest.survey_columns import ColumnRoles, detect_roles
from voc.ingest.survey_header import fix_header, title_lines
from voc.ingest.survey_tail import (
    AppendTracker,
    CsvTail,
    ends_with_newline,
    header_length,
    read_tail,
)
from voc.records import IngestResult

logger = logging.getLogger(__name__)

STREAM_MIN_BYTES = 4 * 2**20
"""CSV files at least this large are streamed."""
CHUNK_ROWS = 10_000
"""Rows parsed (and turned into items) at a time."""
ROLE_ROWS = 50_000
"""Rows column roles are detected on."""
_BOM_UTF8 = b"\xef\xbb\xbf"


def _encoding(path: Path, options: SourceOptions) -> tuple[str, str] | None:
    """(encoding, errors) that decode ``path`` exactly as :func:`read_text` would, if simple."""
    if options.encoding:
        return options.encoding, "strict"
    with path.open("rb") as fh:
        start = fh.read(4)
    if start.startswith(_BOM_UTF8):
        return "utf-8-sig", "replace"  # read_text drops the BOM and replaces bad bytes
    if start[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None  # UTF-16/32 with a BOM: the whole-file reader
    return "utf-8", "strict"  # checked by the first pass; anything else: whole-file reader


def _head_text(path: Path, encoding: str, errors: str, lines: int = 21) -> str:
    """The file's first ``lines`` lines: the sniffer looks at the first 20 of the whole text,
    and every line of the file is at least one of ``str.splitlines``'s lines."""
    out: list[str] = []
    with path.open(encoding=encoding, errors=errors, newline="") as fh:
        for line in fh:
            out.append(line)
            if len(out) >= lines:
                break
    return "".join(out)


def _special_header(raw: pd.DataFrame) -> bool:
    """Two header rows (SurveyMonkey), Qualtrics' three or title rows: the whole-file reader."""
    return merge_two_row_header(raw) is not raw or fix_header(raw) is not raw


def _csv_kwargs(sep: str) -> dict[str, Any]:
    return {"sep": sep, "dtype": str, "keep_default_na": False, "skip_blank_lines": True}


def stream_plan(path: Path, options: SourceOptions) -> tuple[str, str, str] | None:
    """(encoding, errors, delimiter) when ``path`` can be streamed, else None.

    The first pass parses every row (strict decoding): any malformed row or undecodable
    byte sends the file to the whole-file reader, which reports them as it always did.
    """
    if path.suffix.lower() in (".xlsx", ".xlsm") or path.stat().st_size < STREAM_MIN_BYTES:
        return None
    enc = _encoding(path, options)
    if enc is None:
        return None
    encoding, errors = enc
    try:
        head = _head_text(path, encoding, errors)
        sep = _sniff_delimiter(head)
        if title_lines(head, sep):
            return None  # a title above the header: the whole-file reader skips it
        with path.open(encoding=encoding, errors=errors, newline="") as fh:
            for _ in pd.read_csv(fh, chunksize=CHUNK_ROWS, **_csv_kwargs(sep)):
                pass
    except (UnicodeDecodeError, LookupError, ValueError, csv.Error, OSError):
        return None  # pandas' ParserError is a ValueError
    return encoding, errors, sep


def _tidy(df: pd.DataFrame) -> pd.DataFrame:
    """What :func:`read_table` does to a parsed frame, on one chunk of it."""
    df.columns = [str(c).strip() for c in df.columns]
    df = strip_cells(df.fillna("").astype(str))
    return df[~(df == "").all(axis=1)].reset_index(drop=True)


def head_roles(
    path: Path, options: SourceOptions, encoding: str, errors: str, sep: str
) -> tuple[ColumnRoles | None, bool]:
    """Column roles detected on the first :data:`ROLE_ROWS` rows, as a streamed read does,
    and whether rows appended to the file could no longer change them (see ``_fixed``)."""
    head: list[pd.DataFrame] = []
    n_head = 0
    last = 0
    with path.open(encoding=encoding, errors=errors, newline="") as fh:
        for raw in pd.read_csv(fh, chunksize=CHUNK_ROWS, **_csv_kwargs(sep)):
            if not head and _special_header(raw):
                return None, False
            head.append(_tidy(raw))
            n_head += len(head[-1])
            last = len(raw)
            if n_head >= ROLE_ROWS:
                break
    if not n_head:
        return None, False
    try:
        roles = detect_roles(pd.concat(head, ignore_index=True), options, str(path))
    except DataError:
        return None, False
    return roles, _fixed(n_head, last)


def _fixed(n_head: int, last_chunk: int) -> bool:
    """True when the rows roles were detected on are all before the file's end: a full part
    of raw rows reached :data:`ROLE_ROWS` data rows (parts are cut from the file's start)."""
    return n_head >= ROLE_ROWS and last_chunk == CHUNK_ROWS


def stream_survey_file(
    path: Path, options: SourceOptions | None = None, tracker: AppendTracker | None = None
) -> Iterator[IngestResult]:
    """Records of one survey export, in parts of at most :data:`CHUNK_ROWS` rows each.

    With a ``tracker`` (a run's record of files read before), a file that only grew since
    is read from where the last complete run stopped (:mod:`voc.ingest.survey_tail`).
    """
    options = options or SourceOptions()
    if tracker is not None:
        start = tracker.tail_start(path)
        tail = read_tail(path, options, start, CHUNK_ROWS) if start is not None else None
        if start is not None and tail is not None:
            yield tracker.carried(path, start)
            yield from tail[0]
            tracker.tail_end(path, tail[1])
            return
        if start is not None:
            tracker.distrust(path)
    size = path.stat().st_size
    plan = stream_plan(path, options)
    if plan is None:
        yield read_survey_file(path, options)
        return
    encoding, errors, sep = plan
    src = str(path)
    with path.open(encoding=encoding, errors=errors, newline="") as fh:
        chunks = pd.read_csv(fh, chunksize=CHUNK_ROWS, **_csv_kwargs(sep))
        head: list[pd.DataFrame] = []
        n_head = 0
        last = 0
        for raw in chunks:
            if not head and _special_header(raw):
                break  # two header rows: the whole-file reader merges them
            head.append(_tidy(raw))
            n_head += len(head[-1])
            last = len(raw)
            if n_head >= ROLE_ROWS:
                break
        else:
            if not n_head:
                raise DataError("no data rows")
        if not head:
            yield read_survey_file(path, options)
            return
        sample = pd.concat(head, ignore_index=True)
        roles = detect_roles(sample, options, src)
        if not roles.text:
            raise DataError("no open-ended text column found (name one with --text-column)")
        del sample
        row = 1
        first = IngestResult(notes=[_describe(src, roles)])
        for k, df in enumerate(head):
            part = first if k == 0 else IngestResult()
            _add_rows(part, df, roles, src, options, row)
            row += len(df)
            yield part
        head.clear()
        for raw in chunks:
            df = _tidy(raw)
            part = IngestResult()
            _add_rows(part, df, roles, src, options, row)
            row += len(df)
            yield part
    logger.debug("%s: %d rows streamed", src, row - 1)
    if tracker is not None and path.stat().st_size == size and ends_with_newline(path, size):
        header = header_length(path)  # the next run may read this header and new rows only
        if header:
            roles_json = dataclasses.asdict(roles)
            fixed = _fixed(n_head, last)
            tail = CsvTail(size, row - 1, header, encoding, errors, sep, roles_json, fixed)
            tracker.tail_end(path, tail)

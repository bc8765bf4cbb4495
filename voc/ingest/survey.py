"""Survey reader: ``.csv`` / ``.xlsx`` exports to one item per (respondent, open question)."""

from __future__ import annotations

import csv
import io
import logging
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from voc.clean import normalize_whitespace
from voc.errors import DataError
from voc.ingest._text import read_text
from voc.ingest.options import SourceOptions
from voc.ingest.survey_columns import ColumnRoles, detect_roles, norm
from voc.records import IngestResult, Item, Reject

logger = logging.getLogger(__name__)

KIND = "survey"
_EMPTY_ANSWERS = {"", "-", "--", ".", "n/a", "na", "none", "nil", "null", "nan", "no comment"}


def _sniff_delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def read_table(path: Path, options: SourceOptions) -> pd.DataFrame:
    """The first sheet / the CSV as a DataFrame of stripped strings ('' for blanks)."""
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            try:
                df = pd.read_excel(
                    path, sheet_name=0, dtype=str, keep_default_na=False, engine="openpyxl"
                )
            except (ValueError, OSError, zipfile.BadZipFile, KeyError) as exc:
                raise DataError(f"not a valid Excel workbook: {exc}".splitlines()[0]) from exc
        else:
            text, _ = read_text(path, options.encoding)
            if not text.strip():
                raise DataError("empty file")
            df = pd.read_csv(
                io.StringIO(text),
                sep=_sniff_delimiter(text),
                dtype=str,
                keep_default_na=False,
                skip_blank_lines=True,
            )
    except DataError:
        raise
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, OSError) as exc:
        raise DataError(f"cannot read table: {str(exc).splitlines()[0]}") from exc
    df.columns = [str(c).strip() for c in df.columns]
    df = df.fillna("").astype(str).apply(lambda s: s.str.strip())
    return df[~(df == "").all(axis=1)].reset_index(drop=True)


def _to_datetime(value: str) -> datetime | None:
    if not value:
        return None
    ts = pd.to_datetime(value, errors="coerce")
    if pd.isna(ts):
        return None
    dt = ts.to_pydatetime()
    return dt.astimezone(UTC).replace(tzinfo=None) if dt.tzinfo is not None else dt


def _to_score(value: str) -> float | None:
    num = pd.to_numeric(value, errors="coerce")
    return None if pd.isna(num) else float(num)


def _describe(path: str, roles: ColumnRoles) -> str:
    parts = [f"text = {', '.join(repr(c) for c in roles.text)}"]
    if roles.score:
        parts.append(f"score = {roles.score!r} ({roles.score_kind})")
    if roles.date:
        parts.append(f"date = {roles.date!r}")
    if roles.id:
        parts.append(f"id = {roles.id!r}")
    if roles.attributes:
        parts.append(f"attributes = {', '.join(repr(c) for c in roles.attributes)}")
    return f"{path}: {'; '.join(parts)}"


def read_survey_file(path: Path, options: SourceOptions | None = None) -> IngestResult:
    """Read one survey export; :class:`DataError` if it has no open-ended text column."""
    options = options or SourceOptions()
    src = str(path)
    df = read_table(path, options)
    if df.empty:
        raise DataError("no data rows")
    roles = detect_roles(df, options, src)
    if not roles.text:
        raise DataError("no open-ended text column found (name one with --text-column)")
    result = IngestResult(notes=[_describe(src, roles)])
    for i, row in enumerate(df.to_dict("records"), start=1):
        author = row[roles.email] if roles.email and row[roles.email] else ""
        author = author or (row[roles.id] if roles.id else "") or f"{src} row {i}"
        names = [row[roles.name]] if roles.name and row[roles.name] else []
        attrs = {norm(c): row[c] for c in roles.attributes if row[c]}
        score = _to_score(row[roles.score]) if roles.score else None
        created = _to_datetime(row[roles.date]) if roles.date else None
        for col in roles.text:
            ref = f"row {i}: {col}"
            text = normalize_whitespace(row[col])
            if text.lower() in _EMPTY_ANSWERS:
                result.rejects.append(Reject(KIND, src, ref, "empty answer", "skipped"))
                continue
            result.items.append(
                Item(
                    source_kind=KIND,
                    source_path=src,
                    source_ref=ref,
                    text=text,
                    channel="survey",
                    created_at=created,
                    author=author,
                    names=list(names),
                    thread_id=f"{src}: row {i}",
                    question=col,
                    score=score,
                    score_kind=roles.score_kind if score is not None else "",
                    attributes=dict(attrs),
                )
            )
    logger.debug("%s: %d rows, %d items", src, len(df), len(result.items))
    return result

"""Survey reader: ``.csv`` / ``.xlsx`` exports to one item per (respondent, open question)."""

from __future__ import annotations

import csv
import io
import logging
import re
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pandas as pd

from voc.clean import normalize_whitespace
from voc.errors import DataError
from voc.ingest._text import read_text
from voc.ingest.options import SourceOptions
from voc.ingest.survey_columns import ColumnRoles, detect_roles, norm, strip_cells
from voc.ingest.survey_header import fix_header, title_lines
from voc.ingest.survey_values import age_band, excel_serials, score_numbers
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
            df = _read_csv_text(text)
    except DataError:
        raise
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, OSError) as exc:
        raise DataError(f"cannot read table: {str(exc).splitlines()[0]}") from exc
    bad = df.attrs.get("bad_rows", [])
    df = fix_header(merge_two_row_header(df))
    aliases = df.attrs.get("column_aliases", {})
    df.columns = [str(c).strip() for c in df.columns]
    df = strip_cells(df.fillna("").astype(str))
    df = df[~(df == "").all(axis=1)].reset_index(drop=True)
    df.attrs["bad_rows"] = bad
    df.attrs["column_aliases"] = aliases
    df.attrs["summary_rows"] = summary_rows(df)
    return df


_SUMMARY_LABEL = re.compile(
    r"^(?:total|totals|grand total|sum|average|avg|mean|median|count|responses|n)\b", re.I
)


def summary_rows(df: pd.DataFrame) -> dict[int, str]:
    """Rows at the end of a sheet that sum up the others ("Total responses", "Average"): the
    label in their first filled cell, by row index."""
    out: dict[int, str] = {}
    for k in range(len(df) - 1, max(-1, len(df) - 6), -1):
        filled = [v for v in df.iloc[k].tolist() if v]
        if not filled or _SUMMARY_LABEL.match(filled[0]) is None or len(filled) > 3:
            break
        out[k] = filled[0][:40]
    return out


_SUBHEADERS = {"response", "open-ended response", "other (please specify)", "comment"}


def merge_two_row_header(df: pd.DataFrame) -> pd.DataFrame:
    """SurveyMonkey's two header rows (question, then "Response" / "Open-Ended Response" /
    option label) merged into one: ``"Question"`` or ``"Question - Option"``."""
    if df.empty:
        return df
    sub = [str(v).strip() for v in df.iloc[0].tolist()]
    if not any(v.lower() in ("response", "open-ended response") for v in sub):
        return df
    names: list[str] = []
    question = ""
    for col, below in zip(df.columns, sub, strict=True):
        head = str(col).strip()
        if head and not head.startswith("Unnamed:"):
            question = head
        elif not question:
            question = below
        if below.lower() == "other (please specify)":
            names.append(f"{question} - other")
        else:
            names.append(question)
    body = df.iloc[1:].reset_index(drop=True).fillna("").astype(str)
    merged: dict[str, pd.Series] = {}
    for i, name in enumerate(names):
        col = body.iloc[:, i].str.strip()
        if name in merged:  # one column per option: join the options ticked
            prev = merged[name]
            merged[name] = prev.where(col == "", prev.where(prev == "", prev + ", ") + col)
        else:
            merged[name] = col
    return pd.DataFrame(merged)


def _read_csv_text(text: str) -> pd.DataFrame:
    """CSV text to strings; rows with too many fields are kept aside in ``attrs["bad_rows"]``."""
    sep = _sniff_delimiter(text)
    skip = title_lines(text, sep)
    if skip:  # a title above the header: the delimiter and header are below it
        text = "\n".join(text.splitlines()[skip:])
        sep = _sniff_delimiter(text)
    kwargs: dict = {"sep": sep, "dtype": str, "keep_default_na": False, "skip_blank_lines": True}
    try:
        df = pd.read_csv(io.StringIO(text), **kwargs)
        df.attrs["bad_rows"] = []
        return df
    except pd.errors.ParserError as exc:
        if "Expected" not in str(exc):  # e.g. an unterminated quote: the file is broken
            raise
    bad: list[str] = []

    def keep_bad(fields: list[str]) -> None:
        bad.append(f"{len(fields)} fields: {sep.join(fields)[:60]!r}")
        return None

    df = pd.read_csv(io.StringIO(text), engine="python", on_bad_lines=keep_bad, **kwargs)
    df.attrs["bad_rows"] = bad
    return df


def bad_row_rejects(df: pd.DataFrame, kind: str, src: str) -> list[Reject]:
    """Rejects for the malformed rows :func:`read_table` set aside."""
    n_cols = len(df.columns)
    return [
        Reject(kind, src, f"malformed row {k}", f"expected {n_cols} fields, got {why}", "invalid")
        for k, why in enumerate(df.attrs.get("bad_rows", []), start=1)
    ]


def parse_dates(values: list[str]) -> list[datetime | None]:
    """A date column at once; see :func:`voc.ingest.helpdesk.parse_dates`. Excel serial day
    numbers (a date cell without a date format) are read as dates too."""
    from voc.ingest.helpdesk import parse_dates as parse

    return parse(excel_serials(values) or values)


def _to_score(value: str) -> float | None:
    num = pd.to_numeric(value, errors="coerce")
    return None if pd.isna(num) else float(num)


def _to_scores(values: pd.Series) -> list[float | None]:
    """:func:`_to_score` over a whole column at once (one pandas call, not one per row)."""
    nums = score_numbers(values)
    return [None if pd.isna(x) else float(x) for x in nums.tolist()]


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
    bad = bad_row_rejects(df, KIND, src)
    if df.empty and not bad:
        raise DataError("no data rows")
    roles = detect_roles(df, options, src)
    if not roles.text:
        raise DataError("no open-ended text column found (name one with --text-column)")
    result = IngestResult(notes=[_describe(src, roles)])
    for r in bad:
        result.add(r)
    _add_rows(result, df, roles, src, options, 1)
    logger.debug("%s: %d rows, %d items", src, len(df), len(result.items))
    return result


class _Row:
    """One row as ``row[column]``, read from per-column lists (not a dict per row)."""

    __slots__ = ("_cols", "_k")

    def __init__(self, cols: dict[str, list[str]], k: int) -> None:
        self._cols = cols
        self._k = k

    def __getitem__(self, column: str) -> str:
        return self._cols[column][self._k]


def _rows(df: pd.DataFrame, roles: ColumnRoles) -> Iterator[_Row] | list[dict]:
    """The rows of ``df`` for :func:`_add_rows`: the columns it reads, as ``to_dict("records")``
    would give them, without building a dict per row (the values are the same strings)."""
    if not df.columns.is_unique:
        return df.to_dict("records")
    used = [roles.email, roles.id, roles.name, roles.last_name, *roles.attributes, *roles.text]
    cols = {c: df[c].tolist() for c in dict.fromkeys(u for u in used if u)}
    return (_Row(cols, k) for k in range(len(df)))


def _add_rows(
    result: IngestResult,
    df: pd.DataFrame,
    roles: ColumnRoles,
    src: str,
    options: SourceOptions,
    first_row: int,
) -> None:
    """Items (or rejects) of the rows of ``df``, numbered from ``first_row``."""
    dates = parse_dates(df[roles.date].tolist()) if roles.date else []
    scores = _to_scores(df[roles.score]) if roles.score else []
    summary_at = df.attrs.get("summary_rows") or {}
    for k, row in enumerate(_rows(df, roles)):
        i = first_row + k
        author = row[roles.email] if roles.email and row[roles.email] else ""
        author = author or (row[roles.id] if roles.id else "") or f"{src} row {i}"
        names = [row[roles.name]] if roles.name and row[roles.name] else []
        if roles.last_name and row[roles.last_name]:
            names = [f"{names[0]} {row[roles.last_name]}"] if names else [row[roles.last_name]]
        attrs = {norm(c): row[c] for c in roles.attributes if row[c]}
        for c in roles.age:
            if row[c]:
                attrs[norm(c)] = age_band(row[c])
        score = scores[k] if roles.score else None
        created = dates[k] if roles.date else None
        summary = summary_at.get(k) if summary_at else None
        for col in roles.text:
            ref = f"row {i}: {col}"
            if summary is not None and not row[col]:
                reason = f"summary row ({summary!r}), not a response"
                result.add(Reject(KIND, src, ref, reason, "skipped"))
                continue
            if len(row[col]) > options.max_chars:  # before any work on a runaway field
                size = f"{len(row[col]):,} characters > max_chars {options.max_chars:,}"
                result.add(Reject(KIND, src, ref, f"text too long ({size})", "invalid"))
                continue
            text = normalize_whitespace(row[col])
            if text.lower() in _EMPTY_ANSWERS:
                result.add(Reject(KIND, src, ref, "empty answer", "skipped"))
                continue
            result.add(
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

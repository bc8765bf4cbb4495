"""Helpdesk exports and any CSV / JSON through a column mapping.

Every message of a ticket or conversation is one record: customer messages become items
(quoted replies and signatures stripped), agent replies, internal notes and bot messages
become ``skipped`` rejects kept as context. Formats: Zendesk (JSON and CSV), Freshdesk CSV,
Intercom conversations JSON, Help Scout conversations JSON (see
:mod:`voc.ingest.helpdesk_formats`), and ``table``: any CSV / TSV / xlsx / JSON / JSONL file
whose columns are named in ``options.columns``.
"""

from __future__ import annotations

import json
import logging
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from voc.clean import Stripped, clean_email_body, clean_one_line
from voc.errors import ConfigError, DataError
from voc.ingest._mime import html_to_text
from voc.ingest._text import read_text
from voc.ingest.options import ColumnMapping, SourceOptions
from voc.ingest.survey_columns import infer_score_kind, norm
from voc.ingest.survey_values import iso_offsets
from voc.records import IngestResult, Item, Reject

logger = logging.getLogger(__name__)

FORMATS = ("zendesk", "freshdesk", "intercom", "helpscout", "table")
CUSTOMER_ROLES = {
    "customer",
    "end-user",
    "end_user",
    "enduser",
    "user",
    "contact",
    "lead",
    "requester",
    "visitor",
    "true",
    "1",
    "yes",
    "inbound",
}


@dataclass
class Message:
    """One message of a helpdesk export, before cleaning."""

    ref: str
    text: str
    role: str = "customer"
    """``customer`` | ``agent`` | ``note`` | ``bot``."""
    html: bool = False
    author: str = ""
    names: list[str] = field(default_factory=list)
    created_at: datetime | None = None
    thread: str = ""
    question: str = ""
    score: float | None = None
    score_kind: str = ""
    attributes: dict[str, str] = field(default_factory=dict)


def to_datetime(value: Any) -> datetime | None:
    """ISO strings, "2026-03-01 10:00", or Unix seconds; naive UTC; None when unparseable."""
    if value is None or value == "":
        return None
    try:
        if isinstance(value, int | float) or (isinstance(value, str) and value.isdigit()):
            ts = pd.to_datetime(int(float(value)), unit="s", utc=True)
        else:
            ts = pd.to_datetime(str(value), utc=True)
    except (ValueError, TypeError, OverflowError, pd.errors.OutOfBoundsDatetime):
        return None
    if pd.isna(ts):
        return None
    return ts.to_pydatetime().astimezone(UTC).replace(tzinfo=None)


def parse_dates(values: list[Any]) -> list[datetime | None]:
    """Many date strings at once (one format guess for the column, which is fast), falling
    back to one by one for values in another format. Naive UTC; None when unparseable.
    ``GMT+1`` / ``UTC-5`` mean what they say (not the POSIX reverse)."""
    if not values:
        return []
    values = [iso_offsets(v) if isinstance(v, str) else v for v in values]  # "GMT+1"
    series = pd.Series([None if v in (None, "") else str(v) for v in values], dtype=object)
    try:
        with warnings.catch_warnings():  # "could not infer format": parsed one by one, fine
            warnings.simplefilter("ignore", UserWarning)
            parsed = pd.to_datetime(series, utc=True, errors="coerce")
    except (ValueError, TypeError, OverflowError):
        parsed = pd.Series([pd.NaT] * len(series))
    out: list[datetime | None] = []
    for raw, ts in zip(values, parsed, strict=True):
        if pd.isna(ts):
            out.append(to_datetime(raw))
        else:
            out.append(ts.to_pydatetime().astimezone(UTC).replace(tzinfo=None))
    return out


def to_score(value: Any) -> float | None:
    num = pd.to_numeric(str(value).strip(), errors="coerce") if value not in (None, "") else None
    return None if num is None or pd.isna(num) else float(num)


def load_json(path: Path, options: SourceOptions) -> Any:
    """A JSON document, or a list of objects for JSON Lines (``.jsonl`` / one object a line)."""
    text, _ = read_text(path, options.encoding)
    if not text.strip():
        raise DataError("empty file")
    try:
        return json.loads(text)
    except json.JSONDecodeError as first:
        rows: list[Any] = []
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                if n == 1 or path.suffix.lower() == ".json":
                    raise DataError(
                        f"invalid JSON at line {first.lineno} column {first.colno}: {first.msg}"
                    ) from first
                rows.append(_BadLine(n, line[:40]))
        return rows


@dataclass
class _BadLine:
    """A JSON Lines line that does not parse: becomes a reject, the others go on."""

    line: int
    start: str


def sniff_helpdesk_csv(path: Path) -> bool:
    """True when a CSV's header row is a known helpdesk export (Zendesk, Freshdesk)."""
    from voc.ingest.helpdesk_formats import csv_format

    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    first = head.decode("utf-8", errors="replace").lstrip("\ufeff").splitlines()[:1]
    return bool(first) and csv_format(first[0]) is not None


def read_helpdesk_file(path: Path, options: SourceOptions, kind: str = "helpdesk") -> IngestResult:
    """Read a helpdesk export or a mapped table; :class:`DataError` if it is neither."""
    from voc.ingest import helpdesk_formats as fmt

    src = str(path)
    suffix = path.suffix.lower()
    fmt_name = (options.format or "").lower() or None
    if fmt_name and fmt_name not in FORMATS:
        raise ConfigError(f"unknown format '{fmt_name}' (expected {', '.join(FORMATS)})")
    if options.columns is not None and fmt_name in (None, "table"):
        messages, how = _mapped(path, options, options.columns), "column mapping"
    elif suffix in (".json", ".jsonl", ".ndjson"):
        data = load_json(path, options)
        bad_lines: list[Message | Reject] = []
        if isinstance(data, list):
            bad_lines = [
                Reject(kind, src, f"line {b.line}", f"invalid JSON line starting {b.start!r}")
                for b in data
                if isinstance(b, _BadLine)
            ]
            data = [r for r in data if not isinstance(r, _BadLine)]
        fmt_name = fmt_name or fmt.json_format(data)
        if fmt_name is None:
            raise DataError(
                "unknown JSON export (not Zendesk, Intercom or Help Scout); map its keys with "
                "options.columns"
            )
        messages, how = [*bad_lines, *fmt.JSON_READERS[fmt_name](data)], fmt_name
    else:
        from voc.ingest.survey import bad_row_rejects, read_table

        df = read_table(path, options)
        fmt_name = fmt_name or fmt.csv_format(",".join(df.columns))
        if fmt_name not in fmt.CSV_READERS:
            raise DataError("unknown CSV export; map its columns with options.columns")
        messages = [*bad_row_rejects(df, kind, src), *fmt.CSV_READERS[fmt_name](df)]
        how = fmt_name
    messages = list(messages)
    # Names met anywhere in a thread (agents' too: customers write "Thanks Priya"; and those
    # a customer's text gives: "My name is ...", a greeting, a sign-off) are redacted in
    # all its messages. A message without a thread is its own.
    thread_names: dict[str, list[str]] = {}
    cleaned: dict[int, Stripped] = {}
    for msg in messages:
        if isinstance(msg, Message):
            found: list[str] = []
            if msg.role not in _ROLE_REASONS:
                cleaned[id(msg)] = _clean(msg)
                found = cleaned[id(msg)].names
            names = thread_names.setdefault(msg.thread or f"\x00{msg.ref}", [])
            names += [n for n in [*msg.names, *found] if n and n not in names]
    result = IngestResult()
    counts = {"customer": 0, "agent": 0, "note": 0, "bot": 0}
    for msg in messages:
        if isinstance(msg, Reject):
            result.add(Reject(kind, src, msg.source_ref, msg.reason, msg.category))
            continue
        msg.names = list(thread_names.get(msg.thread or f"\x00{msg.ref}", msg.names))
        counts[msg.role] = counts.get(msg.role, 0) + 1
        result.add(_to_record(msg, src, kind, cleaned.get(id(msg))))
    if result.read == 0:
        raise DataError("no records found")
    parts = ", ".join(f"{n} {r}" for r, n in counts.items() if n)
    result.notes.append(f"{src}: {how} export, {result.read} messages ({parts})")
    return result


_ROLE_REASONS = {
    "agent": "agent reply (context only)",
    "note": "internal note (context only)",
    "bot": "bot message (context only)",
}


def _clean(msg: Message) -> Stripped:
    """A customer message's text, cleaned like an e-mail body (a one-line message: only a
    closing sign-off), and the names found in it."""
    raw = html_to_text(msg.text) if msg.html else msg.text
    return clean_email_body(raw) if "\n" in raw else clean_one_line(raw)


def _to_record(msg: Message, src: str, kind: str, cleaned: Stripped | None) -> Item | Reject:
    if msg.role in _ROLE_REASONS or cleaned is None:
        reason = _ROLE_REASONS.get(msg.role, "agent reply (context only)")
        return Reject(kind, src, msg.ref, reason, "skipped")
    text = cleaned.text
    if not text:
        return Reject(kind, src, msg.ref, "empty text", "skipped")
    names = list(dict.fromkeys([*msg.names, *cleaned.names]))
    return Item(
        source_kind=kind,
        source_path=src,
        source_ref=msg.ref,
        text=text,
        channel=kind if kind != "helpdesk" else "ticket",
        created_at=msg.created_at,
        author=msg.author,
        names=names,
        thread_id=msg.thread or f"{src}: {msg.ref}",
        question=msg.question,
        score=msg.score,
        score_kind=msg.score_kind if msg.score is not None else "",
        attributes=msg.attributes,
    )


def get_path(obj: Any, key: str) -> Any:
    """``obj["a"]["b"]`` for ``key="a.b"``; None when any part is missing."""
    for part in key.split("."):
        if not isinstance(obj, dict) or part not in obj:
            return None
        obj = obj[part]
    return obj


def _json_rows(data: Any, mapping: ColumnMapping) -> list[Any]:
    if mapping.records:
        rows = get_path(data, mapping.records)
        if not isinstance(rows, list):
            raise DataError(f"records key '{mapping.records}' is not a list")
        return rows
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for value in data.values():
            if isinstance(value, list):
                return value
        return [data]
    raise DataError("JSON top level is neither a list nor an object")


def _mapped(
    path: Path, options: SourceOptions, mapping: ColumnMapping
) -> Iterator[Message | Reject]:
    """Rows of any table or JSON list, interpreted through ``options.columns``."""
    customer = CUSTOMER_ROLES | {r.strip().lower() for r in options.customer_roles}
    name_columns = list(mapping.names)
    if path.suffix.lower() in (".json", ".jsonl", ".ndjson"):
        rows = _json_rows(load_json(path, options), mapping)
        lookup = get_path
    else:
        from voc.ingest.survey import bad_row_rejects, read_table

        df = read_table(path, options)
        wanted = [*mapping.text_columns, *mapping.attributes]
        wanted += [c for c in (mapping.id, mapping.date, mapping.author) if c]
        wanted += [c for c in (mapping.author_role, mapping.thread, mapping.question) if c]
        wanted += [mapping.score] if mapping.score else []
        wanted += mapping.names
        missing = [c for c in wanted if c not in df.columns]
        if missing:
            raise DataError(
                f"mapped column{'s' if len(missing) > 1 else ''} "
                f"{', '.join(repr(c) for c in missing)} not found; "
                f"columns are: {', '.join(df.columns[:30])}"
            )
        rows = df.to_dict("records")
        name_columns = [*mapping.names, *(c for c in df.columns if norm(c) in _NAME_COLUMNS)]
        yield from bad_row_rejects(df, "", "")

        def lookup(row: Any, key: str) -> Any:
            return row.get(key)

    kind = mapping.score_kind or ""
    rows = list(rows)
    dates: list[datetime | None] = [None] * len(rows)
    if mapping.date:
        date_col = mapping.date
        raw = [lookup(r, date_col) if isinstance(r, dict) else None for r in rows]
        dates = parse_dates(raw)
    for i, row in enumerate(rows, start=1):
        ref = f"row {i}" if not isinstance(row, _BadLine) else f"line {row.line}"
        if isinstance(row, _BadLine):
            yield Reject("", "", ref, f"invalid JSON line starting {row.start!r}", "invalid")
            continue
        if not isinstance(row, dict):
            yield Reject("", "", ref, f"record is a {type(row).__name__}, not an object")
            continue
        texts = [lookup(row, c) for c in mapping.text_columns]
        text = "\n\n".join(str(t).strip() for t in texts if t not in (None, "") and str(t).strip())
        role_raw = str(lookup(row, mapping.author_role) or "") if mapping.author_role else ""
        role = "customer" if not role_raw or role_raw.strip().lower() in customer else "agent"
        score = to_score(lookup(row, mapping.score)) if mapping.score else None
        if score is not None and not kind:
            kind = infer_score_kind(mapping.score or "", pd.Series([score]))
        attrs = {}
        for c in mapping.attributes:
            v = lookup(row, c)
            if v not in (None, ""):
                attrs[norm(c)] = str(v)
        ident = str(lookup(row, mapping.id) or "") if mapping.id else ""
        thread = str(lookup(row, mapping.thread) or "") if mapping.thread else ""
        names = [str(v).strip() for c in name_columns if (v := lookup(row, c)) not in (None, "")]
        yield Message(
            ref=ref,
            text=text,
            role=role,
            html="<" in text and ">" in text and bool(_HTML_HINT.search(text)),
            author=str(lookup(row, mapping.author) or "") if mapping.author else "",
            names=[n for n in names if n.lower() != "nan"],
            created_at=dates[i - 1],
            thread=thread or ident,
            question=str(lookup(row, mapping.question) or "") if mapping.question else "",
            score=score,
            score_kind=kind,
            attributes=attrs,
        )


_NAME_COLUMNS_TEXT = (
    "name full_name fullname requester requester_name customer_name contact_name first_name "
    "last_name agent_name assignee submitter author_name user_name display_name"
)
_NAME_COLUMNS = frozenset(_NAME_COLUMNS_TEXT.split())
_HTML_HINT = re.compile(r"</?(?:p|div|br|span|a|b|i|ul|li|table|html|body)\b", re.I)

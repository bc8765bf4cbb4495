"""Column roles of a survey table: free text, score, date, id, e-mail, name, attributes.

Every role can be given in :class:`SourceOptions`; otherwise it is detected from the
column name and values. All values are read as strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from voc.errors import ConfigError
from voc.ingest.options import SourceOptions
from voc.ingest.survey_values import (
    excel_serials,
    is_age_column,
    is_satisfaction_labels,
    is_tool_column,
    score_numbers,
)

EMAIL_RE = re.compile(r"^[\w.+'-]+@[\w-]+(?:\.[\w-]+)+$")
PHONE_RE = re.compile(r"^\+?[\d\s().-]{7,}\d$")
_NAME_VALUE = re.compile(r"^[A-ZÀ-Þ][\w'’.-]+(?: [A-ZÀ-Þ][\w'’.-]+){1,2}$")
_SCORE_HINT = re.compile(r"nps|score|rating|\brate\b|csat|likely|recommend|satisf|stars", re.I)
_NPS_HINT = re.compile(r"nps|recommend|likely", re.I)
_DATE_HINT = re.compile(r"date|time|submitted|created|timestamp|(?:^|_)at$|when|day", re.I)
_ID_NAMES = re.compile(
    r"^(?:id|respondent|response|respondent_?id|response_?id|submission_?id|record_?id"
    r"|user_?id|customer_?id|participant_?id|uuid|.*_id)$",
    re.I,
)
_PII_NAME = re.compile(
    r"e_?mail|phone|mobile|tel$|address|^ip$|ip_address|postcode|zip|ssn|^name$|full_?name"
    r"|first_?name|last_?name|surname|contact",
    re.I,
)
_PERSON_NAME_COL = re.compile(
    r"^(?:name|full_?name|first_?name|respondent_?name|customer_?name)$", re.I
)
_LAST_NAME_COL = re.compile(r"^(?:last_?name|surname|family_?name)$", re.I)


def norm(name: str) -> str:
    """``"Plan type"`` -> ``"plan_type"``: the attribute key and the form names are matched in."""
    return re.sub(r"\W+", "_", str(name).strip().lower()).strip("_")


@dataclass
class ColumnRoles:
    """Which column plays which part (``None`` / empty when absent)."""

    text: list[str] = field(default_factory=list)
    score: str | None = None
    score_kind: str = ""
    date: str | None = None
    id: str | None = None
    email: str | None = None
    name: str | None = None
    attributes: list[str] = field(default_factory=list)
    last_name: str | None = None
    age: list[str] = field(default_factory=list)
    """Attribute columns holding ages in years: stored as bands (``25-34``)."""


def strip_cells(df: pd.DataFrame) -> pd.DataFrame:
    """``df.apply(lambda s: s.str.strip())`` for a frame of strings: the same frame, with one
    list comprehension per column instead of pandas' per-cell string machinery."""
    if df.empty or not all(isinstance(t, pd.StringDtype) for t in df.dtypes):
        return df.apply(lambda s: s.str.strip())
    out = df.copy()
    for i in range(df.shape[1]):
        col = df.iloc[:, i]
        try:
            cells = [v.strip() for v in col.tolist()]
        except AttributeError:  # a missing value: pandas' own way
            return df.apply(lambda s: s.str.strip())
        out.isetitem(i, pd.Series(cells, index=df.index, dtype=col.dtype))
    return out


def _values(df: pd.DataFrame, col: str) -> pd.Series:
    s = strip_cells(df[col].astype(str).to_frame()).iloc[:, 0]
    return s[s != ""]


def _share(values: pd.Series, pattern: re.Pattern[str]) -> float:
    return float(values.map(lambda v: bool(pattern.match(v))).mean()) if len(values) else 0.0


def resolve(df: pd.DataFrame, name: str, path: str, what: str) -> str:
    """The column called ``name`` (exact, then case/spacing-insensitive) or ConfigError."""
    cols = [str(c) for c in df.columns]
    if name in cols:
        return name
    for c in cols:
        if norm(c) == norm(name):
            return c
    aliases = df.attrs.get("column_aliases", {})  # Qualtrics' question ids ("Q6")
    for alias, c in aliases.items():
        if norm(alias) == norm(name):
            return c
    raise ConfigError(f"{path}: {what} '{name}' not found; available columns: {', '.join(cols)}")


def score_values(values: pd.Series) -> pd.Series | None:
    """Numeric scores if every value is an integer in 0..10 (``"9 - Very likely"`` and
    satisfaction labels read as their numbers), else None."""
    nums = score_numbers(values)
    if len(nums) == 0 or nums.isna().any():
        return None
    if not ((nums % 1 == 0) & (nums >= 0) & (nums <= 10)).all():
        return None
    return nums


def infer_score_kind(column: str, values: pd.Series) -> str:
    """``nps`` for 0-10 scales, ``csat`` for 1-5 named CSAT/satisfaction, else ``rating``."""
    if is_satisfaction_labels(values):
        return "csat"
    nums = score_numbers(values).dropna()
    lo, hi = (float(nums.min()), float(nums.max())) if len(nums) else (0.0, 0.0)
    if re.search(r"nps|recommend|likely", column, re.I) or (hi > 5 or lo == 0):
        return "rating" if re.search(r"rating|stars", column, re.I) and hi <= 5 else "nps"
    if re.search(r"csat|satisf", column, re.I):
        return "csat"
    return "rating"


def _is_text(values: pd.Series) -> bool:
    if len(values) == 0:
        return False
    multiword = values.map(lambda v: len(v[:200].split()) >= 3).mean()
    unique = values.nunique() / len(values)
    if not (multiword >= 0.5 and unique >= 0.5 and values.str.len().mean() > 15):
        return False
    return not _is_dates(values)  # "03/02/2026 09:15:02 AM" has three words too


def _is_dates(values: pd.Series) -> bool:
    if len(values) == 0 or values.str.len().median() > 60:  # dates are short
        return False
    if _share(values, re.compile(r"^\d{1,3}$|^\d+\s*[-–]\s*\d+\+?$")) > 0.5:
        return False
    try:
        parsed = pd.to_datetime(values, errors="coerce", format="mixed")
    except ValueError:  # offsets that differ from row to row ("GMT+1", "GMT-5")
        parsed = pd.to_datetime(values, errors="coerce", format="mixed", utc=True)
    return float(parsed.notna().mean()) >= 0.8


def detect_roles(df: pd.DataFrame, options: SourceOptions, path: str) -> ColumnRoles:
    """Assign column roles from options first, then by name hints and values."""
    roles = ColumnRoles()
    cols = [str(c) for c in df.columns]
    vals = {c: _values(df, c) for c in cols}
    taken: set[str] = set()

    if options.id_column:
        roles.id = resolve(df, options.id_column, path, "id column")
    else:
        roles.id = next(
            (
                c
                for c in cols
                if (_ID_NAMES.match(norm(c)) or c.strip() in ("#", "Token"))
                and len(vals[c])
                and vals[c].nunique() >= 0.9 * len(vals[c])
            ),
            None,
        )
    roles.email = next(
        (c for c in cols if c != roles.id and len(vals[c]) and _share(vals[c], EMAIL_RE) >= 0.8),
        None,
    )
    roles.name = next((c for c in cols if _PERSON_NAME_COL.match(norm(c))), None)
    roles.last_name = next((c for c in cols if _LAST_NAME_COL.match(norm(c))), None)
    taken |= {c for c in (roles.id, roles.email, roles.name, roles.last_name) if c}

    if options.score_column:
        roles.score = resolve(df, options.score_column, path, "score column")
    else:
        candidates = [
            c
            for c in cols
            if c not in taken and _SCORE_HINT.search(c) and score_values(vals[c]) is not None
        ]
        # An NPS question beats a CSAT or rating column: it is the score a report's effect
        # ("NPS points without this theme") is about, and it must not become a segment.
        nps = [c for c in candidates if _NPS_HINT.search(c)]
        roles.score = (nps or candidates or [None])[0]
    if roles.score:
        taken.add(roles.score)
        roles.score_kind = options.score_kind or infer_score_kind(roles.score, vals[roles.score])

    if options.date_column:
        roles.date = resolve(df, options.date_column, path, "date column")
    else:
        roles.date = next(
            (
                c
                for c in cols
                if c not in taken
                and _DATE_HINT.search(c)
                and (_is_dates(vals[c]) or excel_serials(vals[c].tolist()) is not None)
            ),
            None,
        )
    if roles.date:
        taken.add(roles.date)

    if options.text_columns is not None:
        roles.text = [resolve(df, c, path, "text column") for c in options.text_columns]
    else:
        roles.text = [
            c
            for c in cols
            if c not in taken
            and not _PII_NAME.search(norm(c))
            and _is_text(vals[c])
            and _share(vals[c], EMAIL_RE) < 0.5
        ]
    taken |= set(roles.text)

    if options.attribute_columns is not None:
        roles.attributes = [
            resolve(df, c, path, "attribute column") for c in options.attribute_columns
        ]
    else:
        roles.attributes = [
            c
            for c in cols
            if c not in taken
            and (_is_attribute(c, vals[c], len(df)) or is_age_column(norm(c), vals[c]))
        ]
    roles.age = [c for c in roles.attributes if is_age_column(norm(c), vals[c])]
    return roles


def _is_attribute(col: str, values: pd.Series, n_rows: int) -> bool:
    """Low-cardinality categorical that is not personal data."""
    if len(values) == 0 or _PII_NAME.search(norm(col)) or _ID_NAMES.match(norm(col)):
        return False
    if is_tool_column(norm(col)):  # a survey tool's bookkeeping: "Progress", "Finished"
        return False
    if _is_dates(values):
        return False
    if _share(values, EMAIL_RE) > 0 or _share(values, PHONE_RE) > 0.2:
        return False
    if _share(values, _NAME_VALUE) > 0.5 and values.nunique() > 3:
        return False  # looks like people's names
    distinct = values.nunique()
    if distinct > 20 or values.str.len().mean() > 40:
        return False
    return n_rows < 8 or distinct <= max(2, n_rows // 2)

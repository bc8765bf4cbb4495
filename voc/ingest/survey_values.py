"""Values of survey cells as tools export them: scores written as labels, ages, Excel dates.

* Scores: ``"9 - Very likely"``, ``"10 - Extremely likely"``, ``"4 stars"``, ``"4.0"`` and the
  five satisfaction labels (``"Very satisfied"`` = 5 ... ``"Very dissatisfied"`` = 1, also
  ``Extremely`` / ``Somewhat`` forms and ``Neither satisfied nor dissatisfied``) read as numbers.
* Ages: a numeric age column becomes a segment attribute in the usual bands (``18-24``,
  ``25-34``, ... ``65+``): 60 distinct ages are no segment, six bands are.
* Dates: Excel serial day numbers (``46084.6``, a date cell saved without a date format) and
  Google Forms' ``GMT+1`` (which the parser would read the POSIX way, as UTC-1).
* Metadata columns of survey tools (``Response Type``, ``Progress``, ``Location Latitude``,
  ``Collector ID``, ``Network ID`` ...): never segment attributes.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pandas as pd

_LEADING_NUMBER = re.compile(
    r"^\s*(\d{1,2}(?:\.\d+)?)\s*(?:[-–—:=]\s*\D.*|stars?|/\s*(?:5|10))?\s*$", re.I
)
_SATISFACTION = {
    "very dissatisfied": 1,
    "extremely dissatisfied": 1,
    "very unsatisfied": 1,
    "dissatisfied": 2,
    "somewhat dissatisfied": 2,
    "unsatisfied": 2,
    "neither satisfied nor dissatisfied": 3,
    "neither dissatisfied nor satisfied": 3,
    "neutral": 3,
    "satisfied": 4,
    "somewhat satisfied": 4,
    "very satisfied": 5,
    "extremely satisfied": 5,
}


def score_number(value: str) -> float | None:
    """The number a score cell stands for, or None (``"9 - Very likely"`` -> 9.0,
    ``"Very satisfied"`` -> 5.0, ``"7"`` -> 7.0, ``"great"`` -> None)."""
    s = value.strip()
    if not s:
        return None
    m = _LEADING_NUMBER.match(s)
    if m is not None:
        return float(m.group(1))
    label = _SATISFACTION.get(" ".join(s.lower().replace("-", " ").split()))
    return None if label is None else float(label)


def score_numbers(values: pd.Series) -> pd.Series:
    """:func:`score_number` over a column (NaN where a cell is not a score); plain numbers
    take pandas' fast path."""
    nums = pd.to_numeric(values, errors="coerce")
    if not nums.isna().any():
        return nums
    out = [
        score_number(str(v)) if pd.isna(x) and str(v).strip() else (None if pd.isna(x) else x)
        for v, x in zip(values.tolist(), nums.tolist(), strict=True)
    ]
    return pd.Series(out, index=values.index, dtype=float)


def is_satisfaction_labels(values: pd.Series) -> bool:
    """True when the column's cells are satisfaction labels (a CSAT question in words)."""
    words = values.astype(str).str.lower().str.replace("-", " ").str.split().str.join(" ")
    return bool(len(words)) and bool(words.isin(list(_SATISFACTION)).mean() >= 0.8)


_AGE_NAME = re.compile(
    r"^(?:age|your_age|age_years|what_is_your_age|how_old_are_you|respondent_age)$"
)
_BANDS = ((18, "under 18"), (25, "18-24"), (35, "25-34"), (45, "35-44"), (55, "45-54"),
          (65, "55-64"))


def is_age_column(name: str, values: pd.Series) -> bool:
    """A column named for age whose values are whole numbers of years (10-120)."""
    if _AGE_NAME.match(name) is None or not len(values):
        return False
    nums = pd.to_numeric(values, errors="coerce")
    return bool(nums.notna().all() and ((nums >= 10) & (nums <= 120) & (nums % 1 == 0)).all())


def age_band(value: str) -> str:
    """``"34"`` -> ``"25-34"``; a value that is not a number is kept as it is."""
    try:
        age = float(value)
    except ValueError:
        return value
    for upper, band in _BANDS:
        if age < upper:
            return band
    return "65+"


_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
_EXCEL_EPOCH = datetime(1899, 12, 30)


def excel_serials(values: list[str]) -> list[str] | None:
    """ISO dates for a column of Excel serial day numbers (1954-2119), else None."""
    filled = [v for v in values if v]
    if not filled or not all(_SERIAL.match(v) and 20000 <= float(v) <= 80000 for v in filled):
        return None
    out = []
    for v in values:
        if not v:
            out.append("")
            continue
        when = _EXCEL_EPOCH + timedelta(days=float(v))
        out.append(when.replace(microsecond=0).isoformat())
    return out


_GMT_OFFSET = re.compile(r"\b(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?\b")


def iso_offsets(value: str) -> str:
    """``"2026/03/02 9:15:02 AM GMT+1"`` -> ``"... AM +01:00"``: the offset as written, not
    the POSIX reading (``GMT+1`` = UTC-1) the date parser would give it."""
    if "GMT" not in value and "UTC" not in value:
        return value
    return _GMT_OFFSET.sub(
        lambda m: f"{m.group(1)}{int(m.group(2)):02d}:{m.group(3) or '00'}", value
    )


_TOOL_COLUMNS_TEXT = """start_date end_date status response_type ip_address ipaddress progress
    duration_in_seconds duration finished recorded_date recordeddate startdate enddate
    response_id responseid external_data_reference externalreference location_latitude
    location_longitude locationlatitude locationlongitude distribution_channel
    distributionchannel user_language userlanguage collector_id custom_data_1 custom_data_2
    custom_data_3 network_id tags start_date_utc submit_date_utc stage_date_utc
    ending response_url submitted_at landed_at user_agent browser platform referer
    """
_TOOL_COLUMNS = frozenset(_TOOL_COLUMNS_TEXT.split())


def is_tool_column(name: str) -> bool:
    """A survey tool's bookkeeping column (see the module docstring), by normalised name."""
    return name in _TOOL_COLUMNS or name.startswith(("location_", "recipient_", "custom_data"))

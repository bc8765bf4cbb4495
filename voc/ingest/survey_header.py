"""Where a survey table's header really is: title rows above it, Qualtrics' extra rows.

* A spreadsheet often has a title (``Customer feedback survey - spring 2026``) and blank
  rows above the header: read with the first row as the header, every column but one is
  ``Unnamed: N``. The header is the first row, among the first :data:`SCAN_ROWS`, that fills
  most columns with distinct labels; the rows above it are dropped.
* Qualtrics exports have three header rows: question ids (``Q6``), question texts
  (``Please tell us about ...``) and ``{"ImportId":"QID6_TEXT"}``. The question texts become
  the column names (the ids stay usable in options: ``df.attrs["column_aliases"]``) and the
  two rows are not respondents.

Both return the frame unchanged (the same object) when there is nothing to fix, so callers
can test ``fix_header(df) is not df``.
"""

from __future__ import annotations

import re

import pandas as pd

SCAN_ROWS = 10
"""Rows looked at for a header below title rows."""
_IMPORT_ID = re.compile(r'^\{\s*"ImportId"\s*:')


def _unnamed(col: object) -> bool:
    return str(col).startswith("Unnamed:") or not str(col).strip()


def _label(value: object) -> bool:
    """A header cell: a non-empty string that is not a number."""
    s = str(value).strip()
    if not s or s.lower() == "nan":
        return False
    try:
        float(s)
    except ValueError:
        return True
    return False


def _with_aliases(df: pd.DataFrame, aliases: dict[str, str]) -> pd.DataFrame:
    df.attrs["column_aliases"] = aliases
    return df


def qualtrics_header(df: pd.DataFrame) -> pd.DataFrame:
    """Qualtrics' question-text and ImportId rows taken out; question texts as column names."""
    if len(df) < 2:
        return df
    second = [str(v).strip() for v in df.iloc[1].tolist()]
    if sum(bool(_IMPORT_ID.match(v)) for v in second) < max(1, len(second) // 2):
        return df
    texts = [str(v).strip() for v in df.iloc[0].tolist()]
    names: list[str] = []
    aliases: dict[str, str] = {}
    for col, text in zip(df.columns, texts, strict=True):
        name = text if text and text.lower() != "nan" else str(col)
        if name in names:  # two questions with one text: keep them apart by id
            name = f"{name} ({col})"
        names.append(name)
        if name != str(col):
            aliases[str(col)] = name
    out = df.iloc[2:].reset_index(drop=True)
    out.columns = names
    return _with_aliases(out, aliases)


def title_rows_header(df: pd.DataFrame) -> pd.DataFrame:
    """The header row found below title / blank rows (see the module docstring)."""
    cols = list(df.columns)
    if len(cols) < 2 or sum(_unnamed(c) for c in cols) < len(cols) - 1:
        return df
    width = len(cols)
    for k in range(min(SCAN_ROWS, len(df))):
        cells = [str(v).strip() for v in df.iloc[k].tolist()]
        labels = [c for c in cells if _label(c)]
        if len(labels) >= max(2, (width + 1) // 2) and len(set(labels)) == len(labels):
            names = [c if _label(c) else f"column {i + 1}" for i, c in enumerate(cells)]
            out = df.iloc[k + 1 :].reset_index(drop=True)
            out.columns = names
            out.attrs["header_row"] = k + 2  # the sheet's row number, counting the title
            return out
    return df


def fix_header(df: pd.DataFrame) -> pd.DataFrame:
    """:func:`title_rows_header` then :func:`qualtrics_header`; ``df`` itself if neither
    applies."""
    return qualtrics_header(title_rows_header(df))


def title_lines(text: str, sep: str) -> int:
    """Lines of a CSV before its header: a title (one field) and blank lines above rows of
    several fields (``Customer survey export March 2026`` then ``id,Plan,...``); 0 when the
    first line is the header. Quoted fields spanning lines are counted as one record."""
    import csv
    import io

    widths: list[int] = []
    lines_at: list[int] = []
    reader = csv.reader(io.StringIO("\n".join(text.splitlines()[:40])), delimiter=sep)
    try:
        for row in reader:
            widths.append(len([c for c in row if c.strip()]) if len(row) <= 1 else len(row))
            lines_at.append(reader.line_num)
            if len(widths) >= 12:
                break
    except csv.Error:
        return 0
    if len(widths) < 2 or widths[0] > 1:
        return 0
    for k, w in enumerate(widths[:SCAN_ROWS]):
        if w >= 2:  # the first record of several fields is the header ...
            after = widths[k + 1 : k + 3]
            # ... when it has at least 3 and the rows below have as many
            return lines_at[k - 1] if w >= 3 and after and set(after) == {w} else 0
    return 0

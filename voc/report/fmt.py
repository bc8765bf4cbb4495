"""Number formatting, quote shortening and Markdown escaping for the report templates.

Every function is pure and locale-independent, so the same workspace always
renders to the same bytes.
"""

from __future__ import annotations

import math
import re
from typing import Any

QUOTE_MAX_CHARS = 300
ELLIPSIS = "…"

SOURCE_LABELS: dict[str, str] = {
    "email": "email",
    "transcript": "interviews",
    "survey": "survey",
}
"""How each source kind is named in tables (plural where it reads better)."""

SOURCE_SINGULAR: dict[str, str] = {
    "email": "email",
    "transcript": "interview",
    "survey": "survey",
}
"""How each source kind is named next to a single quote."""

_WS = re.compile(r"\s+")
# Characters that could start Markdown syntax (links, emphasis, code, raw HTML, tables).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~])")


class Raw(str):
    """A string the Markdown template must emit as is (already Markdown)."""

    __slots__ = ()


def is_number(value: Any) -> bool:
    """True for a finite int or float (not bool, not NaN)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return not (isinstance(value, float) and math.isnan(value))


def num(value: Any) -> str:
    """Integer with thousands separators: ``1234 -> '1,234'``; missing -> '–'."""
    if not is_number(value):
        return "–"
    return f"{round(value):,}"


def pct(value: Any) -> str:
    """Share 0..1 as a whole percentage: ``0.123 -> '12%'``; tiny non-zero -> '<1%'."""
    if not is_number(value):
        return "–"
    if 0 < value < 0.005:
        return "<1%"
    return f"{value * 100:.0f}%"


def signed(value: Any, digits: int = 2) -> str:
    """Signed decimal without negative zero: ``-0.5 -> '-0.50'``, ``0 -> '0.00'``."""
    if not is_number(value):
        return "–"
    text = f"{value:+.{digits}f}"
    if float(text) == 0:
        return f"{0:.{digits}f}"
    return text


def dec(value: Any, digits: int = 2) -> str:
    """Plain decimal: ``0.714 -> '0.71'``."""
    if not is_number(value):
        return "–"
    text = f"{value:.{digits}f}"
    return text.lstrip("-") if float(text) == 0 else text


def humanize(key: str) -> str:
    """``'mean_negativity' -> 'Mean negativity'``."""
    text = str(key).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def one_line(text: Any) -> str:
    """Collapse all whitespace (newlines included) to single spaces."""
    return _WS.sub(" ", str(text or "")).strip()


def shorten(text: Any, limit: int = QUOTE_MAX_CHARS) -> str:
    """One-line text of at most ``limit`` characters, cut at a word with an ellipsis."""
    flat = one_line(text)
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - len(ELLIPSIS)]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + ELLIPSIS


def md(value: Any) -> str:
    """Escape text for Markdown: one line, Markdown/HTML syntax and table pipes made inert."""
    if isinstance(value, Raw):
        return value
    return _MD_SPECIAL.sub(r"\\\1", one_line(value))


def md_finalize(value: Any) -> str:
    """Jinja ``finalize`` for Markdown: every printed value is escaped unless :class:`Raw`."""
    if value is None:
        return ""
    if isinstance(value, Raw):
        return value
    return md(value)


def part_value(key: str, value: Any) -> str:
    """Format one impact part by what its name says it measures."""
    if not is_number(value):
        return one_line(value) if value is not None else "–"
    if key.endswith("share") or key.endswith("_pct") or key == "share":
        return pct(value)
    if key in ("customers", "items", "statements") or key.startswith("n_"):
        return num(value)
    if key == "score_effect":
        return f"{signed(value, 1)} points"
    if key in ("growth", "trend"):
        return f"×{dec(value, 1)}"
    if isinstance(value, int):
        return num(value)
    return dec(value)


def slug(text: Any) -> str:
    """Safe fragment id: lower-case letters, digits and dashes only."""
    out = re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")
    return out or "x"

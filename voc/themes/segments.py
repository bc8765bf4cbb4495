"""Readable segment names and values, as the ranked table, exports and report show them.

Segment attributes come from the sources as keys: helpdesk custom fields without a title
in the export as ``field_<id>`` (``field_360001234``), Freshdesk ones as ``cf_<name>``,
survey columns as their normalised header (``plan_type``). A reader sees them with the
prefix dropped and ``_`` as a space ("plan type", "field 360001234" when the key is only
an id). Values that differ only in case or surrounding spaces ("Pro", "pro ", "PRO")
are one segment, shown in their most frequent spelling (ties: the first in sort order).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

_PREFIX = re.compile(r"^(?:field|cf)_(?=.)", re.IGNORECASE)


def segment_label(key: str) -> str:
    """The name a reader sees for a segment attribute key.

    >>> segment_label("field_plan_tier"), segment_label("field_360001234")
    ('plan tier', 'field 360001234')
    >>> segment_label("plan_type"), segment_label("Region")
    ('plan type', 'Region')
    """
    key = str(key).strip()
    rest = _PREFIX.sub("", key)
    if rest != key and rest.replace("_", "").isdigit():
        return f"field {rest.replace('_', ' ')}"  # an id alone says nothing: keep "field"
    return re.sub(r"\s+", " ", rest.replace("_", " ")).strip() or key


def value_key(value: str) -> str:
    """What makes two values one segment: case and surrounding spaces aside."""
    return re.sub(r"\s+", " ", str(value)).strip().casefold()


def fold_values(counts: Mapping[str, int] | Iterable[str]) -> dict[str, str]:
    """Raw value → the value shown: the most frequent spelling among those that are equal
    but for case and surrounding spaces (stripped), ties to the first in sort order.

    ``counts`` is a value → count mapping, or the values themselves (one per item).
    """
    if not isinstance(counts, Mapping):
        counts = Counter(str(v) for v in counts)
    spellings: dict[str, Counter[str]] = {}
    for raw, n in counts.items():
        shown = re.sub(r"\s+", " ", str(raw)).strip()
        spellings.setdefault(value_key(raw), Counter())[shown] += int(n)
    best = {
        k: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for k, c in spellings.items()
    }
    return {str(raw): best[value_key(raw)] for raw in counts}


def readable_labels(keys: Iterable[str]) -> dict[str, str]:
    """Key → label for every key, distinct: two keys that read the same ("plan_type",
    "Plan type") are one segment, labelled as the first key in sort order reads."""
    out: dict[str, str] = {}
    seen: dict[str, str] = {}
    for key in sorted(set(keys)):
        label = segment_label(key)
        out[key] = seen.setdefault(label.casefold(), label)
    return out

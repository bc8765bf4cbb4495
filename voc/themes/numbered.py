"""Number the theme names nothing else tells apart: "delay", "delay (2)", "delay (3)".

:func:`voc.themes.distinct.distinct_names` tells clashing names apart by what separates
their themes; a theme with nothing of its own is numbered, the last resort that keeps
every name of a report distinct. Themes that leave the run after naming (folded into
"other", :mod:`voc.themes.fold`) leave gaps ("delay (3)" without "delay (2)"), so the
names left are numbered again (:func:`renumber`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from voc.themes.distinct import clashes
from voc.themes.qualify import name_key

if TYPE_CHECKING:
    from voc.themes.table import ThemeDraft


#: The number :func:`number_clashes` ends a name with: "delay (2)".
_NUMBER = re.compile(r" \(\d+\)$")


def unnumbered(name: str) -> str:
    """``name`` without the number :func:`number_clashes` gave it ("delay (2)" → "delay")."""
    return _NUMBER.sub("", name)


def number_clashes(
    out: list[str], sizes: Sequence[int], pinned: Collection[int] = (),
    skip: Collection[int] = (),
) -> None:
    """Number every name of ``out`` still equal to another (in place), the last resort
    that keeps names distinct: within a clash, ``pinned`` names first, then larger
    themes (``sizes``), then earlier positions; the first keeps the plain name, the
    next are "(2)", "(3)" ... (a number another name holds is passed over)."""
    taken = Counter(name_key(n) for k, n in enumerate(out) if k not in skip)
    seen: Counter[tuple[str, ...]] = Counter()
    for g in clashes(out, skip):
        for i in sorted(g, key=lambda i: (i not in pinned, -sizes[i], i)):
            seen[name_key(out[i])] += 1
            if seen[name_key(out[i])] > 1 and i not in pinned:
                k = seen[name_key(out[i])]
                while name_key(f"{out[i]} ({k})") in taken:
                    k += 1
                out[i] = f"{out[i]} ({k})"
                taken[name_key(out[i])] += 1




def renumbered(
    names: Sequence[str], sizes: Sequence[int], pinned: Collection[int] = (),
    skip: Collection[int] = (),
) -> list[str]:
    """``names`` numbered again once some themes have left: each name but the
    ``pinned`` (the user's) and ``skip`` ones ("other") is taken without its number and
    :func:`number_clashes` numbers the clashes left in the same order as before, so no
    number is skipped and a name left alone loses its number ("mixed complaints (3)" →
    "mixed complaints")."""
    keep = {*pinned, *skip}
    out = [n if k in keep else unnumbered(n) for k, n in enumerate(names)]
    number_clashes(out, sizes, pinned, skip)
    return out


def renumber(drafts: list[ThemeDraft], pinned: Collection[int] = ()) -> None:
    """:func:`renumbered` on the theme names of ``drafts``, in place; names of
    ``pinned`` labels (the user's) and "other" (label < 0) never change."""
    names = renumbered(
        [d.name for d in drafts], [len(d.statement_idx) for d in drafts],
        {k for k, d in enumerate(drafts) if d.label in set(pinned)},
        {k for k, d in enumerate(drafts) if d.label < 0},
    )
    for d, name in zip(drafts, names, strict=True):
        d.name = name

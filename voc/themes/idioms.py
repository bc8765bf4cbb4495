"""Fixed expressions ("to no avail", "no doubt") that theme names never read as problems.

The expressions are a user-editable list (``labels/idioms.yaml``). :func:`mask` turns
their tokens into span breaks, so that the problem phrases collected from statements
(:func:`voc.themes.said.raw_tokens`) never hold "no" + "avail"; :func:`idiomatic` tells
a name that holds one ("no avail", "no fun") from a name that says a problem.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import yaml

_DEFAULT = Path(__file__).resolve().parent.parent / "default_labels" / "idioms.yaml"


@lru_cache(maxsize=4)
def idioms(path: str = "") -> tuple[tuple[str, ...], ...]:
    """The fixed expressions of ``path`` (default: the packaged ``labels/idioms.yaml``),
    each as its lowercase words, longest first (so "to no avail" masks all three)."""
    data = yaml.safe_load(Path(path or _DEFAULT).read_text(encoding="utf-8")) or {}
    found = {tuple(str(e).lower().split()) for e in data.get("idioms", []) or []}
    return tuple(sorted((e for e in found if e), key=lambda e: (-len(e), e)))


@lru_cache(maxsize=1)
def _by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for e in idioms():
        table.setdefault(e[0], []).append(e)
    return {w: tuple(es) for w, es in table.items()}


def mask(tokens: Sequence[str], blank: str) -> list[str]:
    """``tokens`` with every fixed expression's tokens replaced by ``blank``."""
    table = _by_first()
    out = list(tokens)
    i = 0
    while i < len(out):
        for e in table.get(out[i], ()):
            if tuple(out[i : i + len(e)]) == e:
                out[i : i + len(e)] = [blank] * len(e)
                i += len(e) - 1
                break
        i += 1
    return out


def idiomatic(name: str) -> bool:
    """Whether ``name`` holds a fixed expression ("no avail", "no fun at all")."""
    words = name.lower().replace("’", "'").split()
    return any(w != "\0" for w in words) and "\0" in mask(words, "\0")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str] | None:
    found = idioms()
    if not found:
        return None
    alts = "|".join(r"\s+".join(re.escape(w) for w in e) for e in found)
    return re.compile(rf"(?<![\w'’-])(?:{alts})(?![\w'’-])", re.IGNORECASE)


def unidiom(text: str) -> str:
    """``text`` with each fixed expression replaced by a comma, so that no phrase found
    in it ("doubt" of "no doubt", "attempt" of "in an attempt to") comes from one."""
    pat = _pattern()
    return pat.sub(",", text) if pat is not None and pat.search(text) else text

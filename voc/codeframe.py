"""The codeframe: a YAML file of themes the user owns, read before and written after a run.

Each entry is a theme with a stable ``id``, a ``name`` and ``seeds`` (example statements).
Friction statements are assigned to the user's themes first (nearest seed at least
``assign_threshold`` cosine-similar); only the rest is clustered into new themes, which
are appended to the file (``origin: discovered``) so the next run keeps them, and the
statements seen before go back to their themes (:mod:`voc.codeframe_members`). Edit it to:

- rename: change ``name`` (the id stays, so history and trends stay joined);
- merge: set ``merge_into: OTHER_ID``; the theme's seeds join that theme;
- split: set ``split: N`` to cut the theme's statements into N parts (new themes);
- pin: ``pinned: true`` keeps the theme in the table even when nothing matches;
- seed an expected theme: add an entry with a name and a few example statements.

Example::

    assign_threshold: 0.55
    themes:
      - id: bank-sync
        name: bank sync fails
        seeds: ["My bank feed stopped syncing", "transactions are missing again"]
        pinned: true
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from voc.errors import ConfigError

Encode = Callable[[Sequence[str]], np.ndarray]


class CodeframeTheme(BaseModel):
    """One theme of the codeframe."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str = Field(min_length=1)
    seeds: list[str] = Field(default_factory=list)
    pinned: bool = False
    merge_into: str | None = None
    split: int = Field(0, ge=0, le=10)
    origin: Literal["user", "discovered"] = "user"


class Codeframe(BaseModel):
    """The whole file."""

    model_config = ConfigDict(extra="forbid")

    assign_threshold: float = Field(0.55, ge=0, le=1)
    themes: list[CodeframeTheme] = Field(default_factory=list)

    def targets(self, path: Path | str = "codeframe") -> dict[str, str]:
        """Theme id -> the id it ends in after ``merge_into`` chains (itself when not merged)."""
        by_id = {t.id: t for t in self.themes}
        out: dict[str, str] = {}
        for t in self.themes:
            target, seen = t.id, {t.id}
            while by_id[target].merge_into:
                nxt = str(by_id[target].merge_into)
                if nxt not in by_id:
                    raise ConfigError(
                        f"{path}: themes[{target}].merge_into: unknown theme id '{nxt}'"
                    )
                if nxt in seen:
                    raise ConfigError(f"{path}: merge_into cycle through '{nxt}'")
                seen.add(nxt)
                target = nxt
            out[t.id] = target
        return out

    def resolved(self, path: Path | str = "codeframe") -> list[CodeframeTheme]:
        """Themes after merges (seeds folded into their target), splits excluded."""
        targets = self.targets(path)
        out = {t.id: t.model_copy(deep=True) for t in self.themes if not t.merge_into}
        for t in self.themes:
            if t.merge_into:
                target = out[targets[t.id]]
                target.seeds.extend(s for s in t.seeds if s not in target.seeds)
        return list(out.values())


def load_codeframe(path: Path | str) -> Codeframe:
    """Read a codeframe file; a missing file is an empty codeframe (created after the run)."""
    p = Path(path)
    if not p.exists():
        return Codeframe()
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{p}: invalid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{p}: expected a mapping with a 'themes' list at the top level")
    try:
        cf = Codeframe.model_validate(raw)
    except ValidationError as exc:
        e = exc.errors()[0]
        where = ".".join(str(x) for x in e.get("loc", ()))
        raise ConfigError(f"{p}: {where}: {e.get('msg', 'invalid value')}") from None
    ids = [t.id for t in cf.themes]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ConfigError(f"{p}: duplicate theme id '{dupes[0]}'")
    for t in cf.themes:
        if not t.seeds and not t.pinned and not t.merge_into:
            raise ConfigError(f"{p}: theme '{t.id}' needs seeds (example statements)")
    cf.resolved(p)
    return cf


def save_codeframe(cf: Codeframe, path: Path | str) -> None:
    """Write the codeframe back (stable key order, unicode kept)."""
    data = cf.model_dump(mode="json", exclude_defaults=False)
    for t in data["themes"]:
        for key in ("merge_into",):
            if t.get(key) is None:
                t.pop(key, None)
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(
        yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8"
    )


def slug(name: str, taken: set[str]) -> str:
    """A stable id from a theme name, unique among ``taken``."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "theme"
    out, k = base, 2
    while out in taken:
        out, k = f"{base}-{k}", k + 1
    return out


def assign(
    vectors: np.ndarray, themes: list[CodeframeTheme], encode: Encode, threshold: float
) -> np.ndarray:
    """Index of the codeframe theme each vector joins (nearest seed), or -1.

    ``vectors`` are unit vectors. Themes without seeds never take statements.
    """
    n = len(vectors)
    out = np.full(n, -1, dtype=int)
    seeds: list[str] = []
    owner: list[int] = []
    for j, t in enumerate(themes):
        seeds += t.seeds
        owner += [j] * len(t.seeds)
    if n == 0 or not seeds:
        return out
    sv = np.asarray(encode(seeds), dtype=np.float32)
    sv = sv / np.maximum(np.linalg.norm(sv, axis=1, keepdims=True), 1e-12)
    sims = np.asarray(vectors, dtype=np.float32) @ sv.T
    best = sims.argmax(axis=1)
    ok = sims[np.arange(n), best] >= threshold
    owners = np.asarray(owner)
    out[ok] = owners[best[ok]]
    return out

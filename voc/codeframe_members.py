"""Which theme each statement joined last run: the codeframe's memory beside its YAML.

A theme's few seeds cannot hold all it was: on the airline tweets, re-running the same data
over the codeframe the first run wrote kept 47% of friction statements under the same theme
(clothing reviews 41%), because most members are not 0.55 close to any of five quotes. So
the run also writes ``<codeframe>.members.csv`` (columns ``theme_id``, ``text_key``: a
hash of the statement's text, never the text): a statement seen before goes back to its
theme, or to the theme it was merged into; only new statements meet the seeds. A user's
own seeded theme (``origin: user``) still takes a statement its seeds match from a
discovered theme, so an expected theme added after a run collects its statements. Delete
the file to let every statement meet the seeds again.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from voc.embed import text_hash
from voc.errors import ConfigError

COLUMNS = ("theme_id", "text_key")


def members_path(codeframe: str | Path) -> Path:
    """``codeframe.yaml`` -> ``codeframe.members.csv``, beside it."""
    p = Path(codeframe)
    return p.with_name(f"{p.stem}.members.csv")


def text_key(text: str) -> str:
    """The statement's content hash (:func:`voc.embed.text_hash`), ends' whitespace ignored."""
    return text_hash(text.strip())


def load_members(codeframe: str | Path) -> dict[str, str]:
    """text key -> theme id from the file beside ``codeframe`` ({} when there is none)."""
    p = members_path(codeframe)
    if not p.exists():
        return {}
    try:
        with p.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if tuple(reader.fieldnames or ()) != COLUMNS:
                raise ConfigError(f"{p}: expected the columns {','.join(COLUMNS)}")
            return {row["text_key"]: row["theme_id"] for row in reader if row["text_key"]}
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ConfigError(f"{p}: not a readable CSV file: {exc}") from None


def save_members(codeframe: str | Path, pairs: Iterable[tuple[str, str]]) -> None:
    """Write (text key, theme id) pairs, the first theme of a key kept, sorted by key."""
    out: dict[str, str] = {}
    for key, tid in pairs:
        out.setdefault(key, tid)
    p = members_path(codeframe)
    p.parent.mkdir(parents=True, exist_ok=True)
    with p.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        w.writerows((out[k], k) for k in sorted(out))


def member_owner(
    texts: Sequence[str],
    members: dict[str, str],
    index_of: dict[str, int],
    seed_owner: np.ndarray,
    user_theme: np.ndarray,
) -> np.ndarray:
    """Codeframe theme index per statement: its theme last run (``index_of`` maps every
    id, merged ones to their target's index), else ``seed_owner``; a seed match of a user's
    theme (``user_theme[j]``) wins over a membership of a discovered one."""
    out = np.asarray(seed_owner, dtype=int).copy()
    if not members:
        return out
    for i, text in enumerate(texts):
        j = index_of.get(members.get(text_key(str(text)), ""), -1)
        if j < 0 or j == out[i]:
            continue
        if out[i] >= 0 and user_theme[out[i]] and not user_theme[j]:
            continue
        out[i] = j
    return out

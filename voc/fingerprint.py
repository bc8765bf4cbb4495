"""Source files unchanged since the last complete run are not read again.

After a map phase finishes, the workspace records a fingerprint of every source file:
its path, size, modification time (ns) and a SHA-1 of its content (meta key
``source_files``). The next run with the same sources, options and map configuration
skips a file whose size and modification time are unchanged, or whose content hash is
unchanged when only its time moved (``touch``, a copy); its items are taken from the
workspace (counted as analysed, kept) and its rejects carried over. A new or changed
file is read in full; only its items not in the workspace yet are analysed.

Fingerprints are written only when a map phase completes, so after a run killed at any
point the next run trusts only what the last complete run saw.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from voc import workspace as ws
from voc.records import Reject

META_KEY = "source_files"


def content_hash(path: Path) -> str:
    """SHA-1 of a file's bytes, read in 1 MiB blocks."""
    h = hashlib.sha1()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def stat_key(path: Path) -> tuple[int, int]:
    """(size, mtime_ns) of a file."""
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns


@dataclass
class SourceFiles:
    """Fingerprints recorded by the last complete run, and the files skipped by this one."""

    recorded: dict[str, list[Any]]  # path -> [size, mtime_ns, sha1]
    skipped: list[Path] = field(default_factory=list)

    @classmethod
    def load(cls, con: Any, enabled: bool) -> SourceFiles:
        """The workspace's fingerprints (none when skipping is not allowed this run)."""
        rows = (  # fetchall: no result left open on the connection
            con.execute("SELECT value FROM meta WHERE key = ?", [META_KEY]).fetchall()
            if enabled
            else []
        )
        raw = str(rows[0][0]) if rows else None
        try:
            recorded = json.loads(raw) if raw else {}
        except ValueError:
            recorded = {}
        return cls(recorded if isinstance(recorded, dict) else {})

    def forget(self, con: Any) -> None:
        """Drop the workspace's fingerprints (every file is read by this run)."""
        ws.set_meta(con, META_KEY, "{}")

    def unchanged(self, path: Path) -> bool:
        """True when ``path`` is as the last complete run read it (then it is skipped)."""
        old = self.recorded.get(str(path))
        if not old:
            return False
        try:
            size, mtime = stat_key(path)
            same = (size, mtime) == (old[0], old[1]) or (
                size == old[0] and content_hash(path) == old[2]
            )
        except OSError:
            return False
        if same:
            self.skipped.append(path)
        return same

    def carried(self, con: Any) -> tuple[pd.DataFrame, list[Reject]]:
        """Items (item_id, source_kind) and rejects of the skipped files, from the workspace."""
        if not self.skipped:
            return pd.DataFrame(columns=["item_id", "source_kind"]), []
        paths = pd.DataFrame({"source_path": sorted({str(p) for p in self.skipped})})
        cur = con.cursor()  # the map phase may hold an unfinished result on ``con``
        cur.register("_voc_skipped_files", paths)
        try:
            items = cur.execute(
                "SELECT item_id, source_kind FROM items "
                "WHERE source_path IN (SELECT source_path FROM _voc_skipped_files) "
                "ORDER BY seq NULLS LAST, item_id"
            ).df()
            rows = cur.execute(
                "SELECT source_kind, source_path, source_ref, reason, category FROM rejects "
                "WHERE source_path IN (SELECT source_path FROM _voc_skipped_files)"
            ).fetchall()
        finally:
            cur.unregister("_voc_skipped_files")
            cur.close()
        return items, [Reject(*map(str, r)) for r in rows]

    def record(self, con: Any, read_files: list[Path]) -> None:
        """Store fingerprints of the files skipped (as they were) and read by this run."""
        out: dict[str, list[Any]] = {
            str(p): self.recorded[str(p)] for p in self.skipped if str(p) in self.recorded
        }
        for p in read_files:
            try:
                size, mtime = stat_key(p)
                out[str(p)] = [size, mtime, content_hash(p)]
            except OSError:
                continue
        ws.set_meta(con, META_KEY, json.dumps(out, sort_keys=True))

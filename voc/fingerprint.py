"""Source files unchanged since the last complete run are not read again.

After a map phase finishes, the workspace records a fingerprint of every source file:
its path, size, modification time (ns) and a SHA-1 of its content (meta key
``source_files``). The next run with the same sources, options and map configuration
skips a file whose size and modification time are unchanged, or whose content hash is
unchanged when only its time moved (``touch``, a copy); its items are taken from the
workspace (counted as analysed, kept) and its rejects carried over.

A file that only grew (its first ``size`` bytes hash as recorded, and they ended with a line
end) keeps its earlier items; when it was read as a streamed survey CSV its tail was
recorded too (:class:`voc.ingest.survey_tail.CsvTail`) and the next run reads only the rows
after it. Any other changed file (edited, truncated, rewritten, or grown from a last line
with no line end) is read in full and all its items are analysed again (the vector cache
spares the embedding of unchanged texts), so the workspace holds what a fresh run on the
file would. A new file is read in full and only its items not in the workspace yet (left by
an interrupted run) are analysed.

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
from voc.ingest.survey_tail import CsvTail, ends_with_newline
from voc.records import IngestResult, Item, Reject, make_item_id

META_KEY = "source_files"


def content_hash(path: Path, size: int | None = None) -> str:
    """SHA-1 of a file's bytes (its first ``size`` bytes), read in 1 MiB blocks."""
    h = hashlib.sha1()
    left = -1 if size is None else size
    with path.open("rb") as fh:
        while left:
            block = fh.read(1 << 20 if left < 0 else min(left, 1 << 20))
            if not block:
                break
            h.update(block)
            left = left - len(block) if left > 0 else left
    return h.hexdigest()


_ROW = r"^row (\d+):"


class KeptItem(Item):
    """An item of a grown file's earlier rows, kept from the workspace: it is only counted
    (id and kind) and numbered in ingest order, so its id is stored, not hashed again."""

    def __init__(self, item_id: str, source_kind: str, source_path: str, source_ref: str) -> None:
        super().__init__(source_kind, source_path, source_ref, "")
        self._id = item_id

    @property
    def item_id(self) -> str:
        return self._id


def stat_key(path: Path) -> tuple[int, int]:
    """(size, mtime_ns) of a file."""
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns


@dataclass
class SourceFiles:
    """Fingerprints recorded by the last complete run, and the files skipped by this one."""

    recorded: dict[str, list[Any]]  # path -> [size, mtime_ns, sha1] (+ [tail] when appendable)
    skipped: list[Path] = field(default_factory=list)
    con: Any = None
    done: set[str] = field(default_factory=set)  # ids kept from the workspace (shared)
    starts: dict[str, tuple[CsvTail, list[KeptItem]]] = field(default_factory=dict)
    tails: dict[str, CsvTail] = field(default_factory=dict)  # reported by this run's readers
    appended: list[Path] = field(default_factory=list)

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
        return cls(recorded if isinstance(recorded, dict) else {}, con=con)

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

    def changed(self, path: Path) -> None:
        """``path`` is read this run: decide which of its items in the workspace are kept.

        A new file: all (left by an interrupted run). A file that only grew: its earlier
        rows' items (read from its tail when one is recorded) or, when its old end was not
        a line end (its last record may have grown), none. Any other change: none.
        """
        key = str(path)
        old = self.recorded.get(key)
        if not old:
            return
        try:
            grown = os.stat(path).st_size > old[0] and content_hash(path, old[0]) == old[2]
        except OSError:
            grown = False
        tail = CsvTail.from_json(old[3]) if grown and len(old) > 3 else None
        if tail is not None and tail.offset == old[0]:
            kept = self._rows_upto(key, tail.rows)
            if kept is not None:
                ids = {it._id for it in kept}
                self.done.difference_update(self._ids(key) - ids)  # later rows: read again
                self.starts[key] = (tail, kept)
                return
        if not grown or not ends_with_newline(path, old[0]):
            self.distrust(path)

    def _ids(self, key: str) -> set[str]:
        cur = self.con.cursor()
        try:
            rows = cur.execute("SELECT item_id FROM items WHERE source_path = ?", [key]).fetchall()
        finally:
            cur.close()
        return {str(r[0]) for r in rows}

    def _rows_upto(self, key: str, rows: int) -> list[KeptItem] | None:
        """Stand-ins (ids only) for the file's items of its first ``rows`` rows, in ingest
        order; None when the workspace's ids do not match (then the file is read in full)."""
        cur = self.con.cursor()
        try:
            found = cur.execute(
                "SELECT item_id, source_kind, source_path, source_ref FROM items "
                "WHERE source_path = ? "
                "AND TRY_CAST(regexp_extract(source_ref, ?, 1) AS BIGINT) <= ? "
                "ORDER BY seq NULLS LAST, item_id",
                [key, _ROW, rows],
            ).fetchall()
        except Exception:  # a ref that is not a survey row: not a survey file after all
            return None
        finally:
            cur.close()
        out = [KeptItem(str(i), str(k), str(p), str(r)) for i, k, p, r in found]
        step = max(len(out) // 100, 1)  # the ids are hashes of path and ref: check a sample
        if any(make_item_id(it.source_path, it.source_ref) != it._id for it in out[::step]):
            return None
        return out

    def distrust(self, path: Path) -> None:
        """None of ``path``'s items in the workspace are kept as they are: all read again."""
        self.starts.pop(str(path), None)
        self.done.difference_update(self._ids(str(path)))

    def tail_start(self, path: Path) -> CsvTail | None:
        """Where to go on reading ``path`` (see :meth:`changed`), or None."""
        start = self.starts.get(str(path))
        return start[0] if start else None

    def carried(self, path: Path, start: CsvTail) -> IngestResult:
        """The kept earlier rows of a grown file: item stand-ins, then their rejects."""
        tail, items = self.starts[str(path)]
        cur = self.con.cursor()
        try:
            rows = cur.execute(
                "SELECT source_kind, source_path, source_ref, reason, category FROM rejects "
                "WHERE source_path = ? "
                "AND coalesce(TRY_CAST(regexp_extract(source_ref, ?, 1) AS BIGINT), 0) <= ? "
                "ORDER BY rowid",
                [str(path), _ROW, tail.rows],
            ).fetchall()
        finally:
            cur.close()
        self.appended.append(path)
        return IngestResult(items=list(items), rejects=[Reject(*map(str, r)) for r in rows])

    def tail_end(self, path: Path, tail: CsvTail) -> None:
        """A reader read ``path`` to its end: the next run may start at ``tail``."""
        self.tails[str(path)] = tail

    def carried_files(self, con: Any) -> tuple[pd.DataFrame, list[Reject]]:
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
                out[str(p)] = [size, mtime, content_hash(p, size)]
            except OSError:
                continue
            tail = self.tails.get(str(p))
            if tail is not None and tail.offset == size:
                out[str(p)].append(tail.to_json())
        ws.set_meta(con, META_KEY, json.dumps(out, sort_keys=True))

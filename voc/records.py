"""Record types passed between ingest and the rest of the pipeline.

Readers turn every source record into exactly one :class:`Item` or one
:class:`Reject`, so that items read = items analysed + items rejected, always.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

SOURCE_KINDS = ("email", "transcript", "survey", "helpdesk")


def stable_path(path: str | Path) -> str:
    """Path as stored in ids: relative to the working directory when inside it, POSIX form."""
    return _stable_path(str(path), os.getcwd())


@lru_cache(maxsize=4096)
def _stable_path(path: str, cwd: str) -> str:
    # Memoised per (path, working directory): every record of a file has the same path, and
    # resolving it costs several system calls (it was a sizeable share of a run's ingest).
    p = Path(path)
    try:
        rel = p.resolve().relative_to(Path(cwd).resolve())
        return rel.as_posix()
    except ValueError:
        return p.resolve().as_posix() if p.is_absolute() else p.as_posix()


def make_item_id(source_path: str | Path, source_ref: str) -> str:
    """Stable item id: hash of the source file and the record's native reference."""
    key = f"{stable_path(source_path)}\x1f{source_ref}".encode()
    return hashlib.sha1(key).hexdigest()[:16]


def hash_identity(identity: str) -> str:
    """Pseudonymous customer id from an e-mail address, name or respondent id."""
    norm = identity.strip().lower()
    if not norm:
        return ""
    salt = os.environ.get("VOC_ID_SALT", "voc")
    return hashlib.sha1(f"{salt}:{norm}".encode()).hexdigest()[:16]


@dataclass
class Item:
    """One unit of customer voice, cleaned (not yet redacted) by its reader.

    ``author`` and ``names`` are raw personal data: they feed ``customer_id``
    and name redaction and are never stored.
    """

    source_kind: str
    source_path: str
    source_ref: str
    text: str
    channel: str = ""
    created_at: datetime | None = None
    author_role: str = "customer"
    author: str = ""
    names: list[str] = field(default_factory=list)
    thread_id: str = ""
    question: str = ""
    score: float | None = None
    score_kind: str = ""
    attributes: dict[str, str] = field(default_factory=dict)
    language: str = ""
    """ISO 639-1 code detected by :mod:`voc.language` ('' when the text is too short)."""

    @property
    def item_id(self) -> str:
        return make_item_id(self.source_path, self.source_ref)


@dataclass
class Reject:
    """A source record that was read but not analysed, and why.

    ``category`` is ``skipped`` (read fine, deliberately not customer voice:
    agent reply, auto-reply, interviewer turn, empty answer, duplicate) or
    ``invalid`` (could not be parsed or decoded).
    """

    source_kind: str
    source_path: str
    source_ref: str
    reason: str
    category: str = "invalid"

    @property
    def message(self) -> str:
        """One line naming the file, the position in it and the reason."""
        return f"{self.source_path}: {self.source_ref}: {self.reason}"


@dataclass
class IngestResult:
    """What a reader produced from one or more files."""

    items: list[Item] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    ordered: list[Item | Reject] = field(default_factory=list, repr=False)
    """Records in source order, when the reader added them with :meth:`add`."""

    @property
    def read(self) -> int:
        return len(self.items) + len(self.rejects)

    def add(self, record: Item | Reject) -> None:
        """Append one record, keeping the source order."""
        if isinstance(record, Item):
            self.items.append(record)
        else:
            self.rejects.append(record)
        self.ordered.append(record)

    def records(self) -> list[Item | Reject]:
        """All records in source order (items then rejects if the order was not kept)."""
        if len(self.ordered) == self.read:
            return list(self.ordered)
        return [*self.items, *self.rejects]

    def extend(self, other: IngestResult) -> None:
        self.items.extend(other.items)
        self.rejects.extend(other.rejects)
        self.notes.extend(other.notes)
        self.ordered.extend(other.records())


def redaction_names(item: Item) -> list[str]:
    """Person names to redact in an item's text: speaker/sender names, not addresses."""
    return sorted({n for n in [*item.names, item.author] if n and "@" not in n})


def duplicate_reject(item: Item) -> Reject:
    """The reject for a record whose item id was already read (a source listed twice)."""
    return Reject(
        item.source_kind,
        item.source_path,
        item.source_ref,
        "duplicate record (source listed twice)",
        "skipped",
    )


ITEM_COLUMNS = (
    "item_id",
    "source_kind",
    "source_path",
    "source_ref",
    "channel",
    "created_at",
    "author_role",
    "customer_id",
    "thread_id",
    "question",
    "score",
    "score_kind",
    "attributes",
    "language",
    "text",
)
"""Columns of an items-table row (:func:`item_row`), in order."""


def item_row(item: Item) -> dict[str, object]:
    """One items-table row, text not yet redacted; raw identities only as hashes."""
    iid = item.item_id
    return {
        "item_id": iid,
        "source_kind": item.source_kind,
        "source_path": item.source_path,
        "source_ref": item.source_ref,
        "channel": item.channel,
        "created_at": item.created_at,
        "author_role": item.author_role,
        "customer_id": hash_identity(item.author) or hash_identity(iid),
        "thread_id": item.thread_id,
        "question": item.question,
        "score": item.score,
        "score_kind": item.score_kind,
        "attributes": json.dumps(item.attributes, sort_keys=True, ensure_ascii=False),
        "language": item.language,
        "text": item.text,
    }

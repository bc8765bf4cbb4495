"""``voc ingest``: read sources, redact, and write the items table and ``rejects.csv``.

Example::

    summary = export_items([Path("support.mbox")], out=Path("out/items.csv"))
    summary.read == summary.analysed + summary.rejected
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from voc import records
from voc.clean import NAMES_SCANNED_KINDS
from voc.errors import ConfigError, DataError
from voc.ingest import iter_records
from voc.ingest.options import SourceOptions
from voc.records import Item, Reject, redaction_names
from voc.redact import redact
from voc.redact_freeform import addressed_handles

logger = logging.getLogger(__name__)

ITEM_COLUMNS = records.ITEM_COLUMNS
REJECT_COLUMNS = ("source_kind", "source_path", "source_ref", "category", "reason")


@dataclass
class ExportSummary:
    """What ``voc ingest`` read and wrote."""

    read: int
    analysed: int
    rejected: int
    items_path: Path
    rejects_path: Path
    notes: list[str] = field(default_factory=list)
    by_kind: dict[str, dict[str, int]] = field(default_factory=dict)


def item_row(item: Item, keep_handles: Collection[str] | None = None) -> dict[str, object]:
    """One output row: redacted text and question, hashed customer id, no raw identity.

    ``keep_handles``: the brands' @handles to leave (see :func:`addressed_handles`)."""
    names = redaction_names(item)
    row = records.item_row(item)
    row["question"] = redact(item.question or "", names, keep_handles)
    known = item.source_kind in NAMES_SCANNED_KINDS  # the reader found the text's own names
    row["text"] = redact(item.text, names, keep_handles, known)
    return row


def rejects_path_for(out: Path) -> Path:
    """``rejects.csv`` beside the items file."""
    return out.with_name("rejects.csv")


def export_items(
    paths: Sequence[Path],
    out: Path,
    kind: str = "auto",
    options: SourceOptions | None = None,
) -> ExportSummary:
    """Ingest ``paths``, redact, write ``out`` (.csv or .parquet) and ``rejects.csv`` beside it.

    Raises :class:`ConfigError` for an unsupported output type and :class:`DataError` when
    nothing could be read (every file failed); ``rejects.csv`` is written first either way.
    """
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise ConfigError(f"{out}: output must end in .csv or .parquet")
    if out.name == "rejects.csv":
        raise ConfigError(f"{out}: the items file cannot be called rejects.csv")
    stream = iter_records(paths, kind, options)
    items: list[Item] = []
    rejects: list[Reject] = []
    seen: set[str] = set()
    by_kind: dict[str, dict[str, int]] = {}
    for rec in stream:
        if isinstance(rec, Item) and rec.item_id in seen:
            rec = Reject(
                rec.source_kind,
                rec.source_path,
                rec.source_ref,
                "duplicate record (source listed twice)",
                "skipped",
            )
        counts = by_kind.setdefault(rec.source_kind or "unknown", {"analysed": 0, "rejected": 0})
        if isinstance(rec, Item):
            seen.add(rec.item_id)
            items.append(rec)
            counts["analysed"] += 1
        else:
            rejects.append(rec)
            counts["rejected"] += 1
    keep = addressed_handles(it.text for it in items)  # brands addressed in the whole run
    rows = [item_row(it, keep) for it in items]
    del items
    out.parent.mkdir(parents=True, exist_ok=True)
    rej_path = rejects_path_for(out)
    write_rejects(rejects, rej_path)
    summary = ExportSummary(
        read=len(rows) + len(rejects),
        analysed=len(rows),
        rejected=len(rejects),
        items_path=out,
        rejects_path=rej_path,
        notes=list(stream.notes),
        by_kind=by_kind,
    )
    file_failures = sum(1 for r in rejects if r.source_ref == "file")
    if not rows and file_failures == len(rejects):
        if file_failures == 1:  # name the file and say why, on the one line
            raise DataError(
                f"{rejects[0].source_path}: {rejects[0].reason}; nothing could be read "
                f"(see {rej_path})"
            )
        what = f"{file_failures} file{'s' if file_failures != 1 else ''} rejected"
        raise DataError(f"nothing could be read ({what}; reasons in {rej_path})")
    frame = pd.DataFrame(rows, columns=list(ITEM_COLUMNS))
    frame["created_at"] = pd.to_datetime(frame["created_at"], errors="coerce")
    frame["score"] = pd.to_numeric(frame["score"], errors="coerce")
    if suffix == ".parquet":
        _write_parquet(frame, out)
    else:
        frame.to_csv(out, index=False, date_format="%Y-%m-%dT%H:%M:%S")
    logger.info("wrote %d items to %s, %d rejects to %s", len(rows), out, len(rejects), rej_path)
    return summary


def write_rejects(rejects: list[Reject], path: Path) -> None:
    """``rejects.csv``: kind, file, position, category, reason: one line per reject."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(REJECT_COLUMNS)
        for r in rejects:
            writer.writerow([r.source_kind, r.source_path, r.source_ref, r.category, r.reason])


def _write_parquet(frame: pd.DataFrame, out: Path) -> None:
    """Parquet through DuckDB (already a dependency), so pyarrow is not needed."""
    import duckdb

    con = duckdb.connect()
    try:
        con.register("items_frame", frame)
        target = str(out).replace("'", "''")
        con.execute(f"COPY (SELECT * FROM items_frame) TO '{target}' (FORMAT parquet)")
    finally:
        con.close()

"""Ingestion: support e-mails, interview transcripts and survey exports to items.

Every source record becomes exactly one :class:`~voc.records.Item` or one
:class:`~voc.records.Reject`; a file that cannot be parsed at all becomes one reject
(``source_ref="file"``) and the other files go on.

Example::

    options = SourceOptions(agent_domains=["ledgerly.com"])
    result = ingest_paths([Path("data/sample")], options=options)
    result.read == len(result.items) + len(result.rejects)
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from voc.errors import ConfigError, DataError
from voc.ingest.email import read_email_file
from voc.ingest.options import SourceOptions
from voc.ingest.survey import read_survey_file
from voc.ingest.transcript import read_transcript_file
from voc.records import SOURCE_KINDS, IngestResult, Reject

__all__ = ["SourceOptions", "detect_kind", "ingest_paths", "iter_files"]

logger = logging.getLogger(__name__)

EXTENSIONS: dict[str, str] = {
    ".eml": "email",
    ".mbox": "email",
    ".txt": "transcript",
    ".vtt": "transcript",
    ".srt": "transcript",
    ".csv": "survey",
    ".tsv": "survey",
    ".xlsx": "survey",
    ".xlsm": "survey",
}


def detect_kind(path: Path) -> str:
    """Source kind of a file from its extension: ``email`` | ``transcript`` | ``survey``.

    An extension-less file that starts like an mbox ("From ") is e-mail.
    Raises :class:`DataError` naming the file when the type is not supported.
    """
    path = Path(path)
    kind = EXTENSIONS.get(path.suffix.lower())
    if kind:
        return kind
    if not path.suffix and path.is_file():
        with path.open("rb") as fh:
            if fh.read(5) == b"From ":
                return "email"
    known = ", ".join(EXTENSIONS)
    raise DataError(f"{path}: unsupported file type '{path.suffix or '(none)'}' (expected {known})")


def _silently_skipped(path: Path) -> bool:
    name = path.name
    return (
        name.startswith(".")
        or name.upper().startswith("README")
        or path.suffix.lower() in (".md", ".py", ".pyc")
    )


def iter_files(paths: Sequence[Path]) -> Iterator[tuple[Path, bool]]:
    """Files to read, as ``(path, given_explicitly)``; folders are walked recursively, sorted.

    Hidden files and folders, README*, *.md and *.py are skipped silently; other unsupported
    files found in folders are reported in ``notes``.
    """
    for given in paths:
        p = Path(given)
        if not p.exists():
            raise DataError(f"{p}: file not found")
        if p.is_file():
            yield p, True
            continue
        for f in sorted(p.rglob("*"), key=lambda x: x.as_posix()):
            rel = f.relative_to(p)
            if any(part.startswith(".") or part == "__pycache__" for part in rel.parts[:-1]):
                continue
            if not f.is_file() or _silently_skipped(f):
                continue
            yield f, False


def ingest_paths(
    paths: Sequence[Path], kind: str = "auto", options: SourceOptions | None = None
) -> IngestResult:
    """Read files and folders into items, rejects and notes.

    ``kind`` is ``auto`` (by extension) or one of ``email``, ``transcript``, ``survey``;
    with a fixed kind, files of another kind found in folders are skipped with a note.
    """
    if kind != "auto" and kind not in SOURCE_KINDS:
        expected = ", ".join(("auto", *SOURCE_KINDS))
        raise ConfigError(f"unknown source kind '{kind}' (expected {expected})")
    options = options or SourceOptions()
    result = IngestResult()
    seen_ids: set[str] = set()
    readers: dict[str, Callable[[Path], IngestResult]] = {
        "email": lambda f: read_email_file(f, options, seen_ids),
        "transcript": lambda f: read_transcript_file(f, options),
        "survey": lambda f: read_survey_file(f, options),
    }
    for f, explicit in iter_files(paths):
        try:
            file_kind = detect_kind(f)
        except DataError:
            if kind == "auto" or not explicit:
                if explicit:
                    raise
                result.notes.append(f"skipped {f}: unsupported type")
                continue
            file_kind = kind
        if kind != "auto" and file_kind != kind:
            if not explicit:
                result.notes.append(f"skipped {f}: not a {kind} file")
                continue
            file_kind = kind
        result.extend(_read_file(f, file_kind, readers[file_kind]))
    logger.info(
        "ingested %d records: %d items, %d rejects",
        result.read,
        len(result.items),
        len(result.rejects),
    )
    return result


def _read_file(path: Path, kind: str, reader: Callable[[Path], IngestResult]) -> IngestResult:
    """Run a reader; a file that cannot be parsed at all becomes one ``invalid`` reject."""
    try:
        return reader(path)
    except ConfigError:
        raise
    except DataError as exc:
        reason = str(exc)
        prefix = f"{path}: "
        reason = reason[len(prefix) :] if reason.startswith(prefix) else reason
    except (UnicodeDecodeError, LookupError) as exc:
        reason = f"cannot decode text: {exc}"
    except Exception as exc:  # a broken file must not stop the others
        logger.debug("reading %s failed", path, exc_info=True)
        reason = f"cannot parse {kind} file: {type(exc).__name__}: {exc}"
    reason = reason.splitlines()[0] if reason else "cannot parse file"
    logger.info("%s: %s", path, reason)
    return IngestResult(rejects=[Reject(kind, str(path), "file", reason, "invalid")])

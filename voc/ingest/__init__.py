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
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from voc.clean import NAMES_SCANNED_KINDS
from voc.errors import ConfigError, DataError
from voc.ingest.email import DomainTally, read_email_file
from voc.ingest.helpdesk import read_helpdesk_file, sniff_helpdesk_csv
from voc.ingest.notes import EmlFolderNotes
from voc.ingest.options import SourceOptions
from voc.ingest.survey import read_survey_file
from voc.ingest.survey_tail import AppendTracker
from voc.ingest.transcript import read_transcript_file
from voc.language import BATCH_MIN, Detection, detect_many, unsupported_reason
from voc.language import detect as detect_language
from voc.records import SOURCE_KINDS, IngestResult, Item, Reject
from voc.redact_freeform import names_in_text

__all__ = [
    "RecordStream",
    "SourceOptions",
    "detect_kind",
    "finish_item",
    "ingest_paths",
    "iter_files",
    "iter_records",
]

logger = logging.getLogger(__name__)

EXTENSIONS: dict[str, str] = {
    ".eml": "email",
    ".mbox": "email",
    ".txt": "transcript",
    ".docx": "transcript",
    ".vtt": "transcript",
    ".srt": "transcript",
    ".csv": "survey",
    ".tsv": "survey",
    ".xlsx": "survey",
    ".xlsm": "survey",
    ".json": "helpdesk",
    ".jsonl": "helpdesk",
    ".ndjson": "helpdesk",
}


def detect_kind(path: Path) -> str:
    """Source kind of a file from its extension: ``email`` | ``transcript`` | ``survey``.

    An extension-less file that starts like an mbox ("From ") is e-mail.
    Raises :class:`DataError` naming the file when the type is not supported.
    """
    path = Path(path)
    kind = EXTENSIONS.get(path.suffix.lower())
    if kind == "survey" and path.suffix.lower() in (".csv", ".tsv") and sniff_helpdesk_csv(path):
        return "helpdesk"
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


class RecordStream:
    """Lazy records of a set of paths: iterate for :class:`Item` | :class:`Reject`, in order.

    Files are read one at a time; ``notes`` (what was detected, skipped files, interviewer
    found, ...) fill up as files are read and are complete once iteration has finished.
    Every item passes the final checks (length, language) on the way out, except items
    whose id is in ``known`` (analysed by an earlier run with the same options): those
    are yielded as read, so a re-run does not pay for their language detection again.
    """

    def __init__(
        self,
        paths: Sequence[Path],
        kind: str,
        options: SourceOptions,
        known: set[str] | frozenset[str] = frozenset(),
        skip_file: Callable[[Path], bool] | None = None,
        tracker: AppendTracker | None = None,
    ) -> None:
        if kind != "auto" and kind not in SOURCE_KINDS:
            expected = ", ".join(("auto", *SOURCE_KINDS))
            raise ConfigError(f"unknown source kind '{kind}' (expected {expected})")
        for p in paths:
            if not Path(p).exists():
                raise DataError(f"{p}: file not found")
        self.paths = [Path(p) for p in paths]
        self.kind = kind
        self.options = options
        self.known = known
        self.skip_file = skip_file  # files not to read (unchanged since an earlier run)
        self.skipped_files: list[Path] = []
        self.tracker = tracker  # files read before: a grown survey CSV is read from its tail
        self.notes: list[str] = []
        self.n_items = 0
        self.n_rejects = 0
        self.n_files = 0

    @property
    def read(self) -> int:
        return self.n_items + self.n_rejects

    def __iter__(self) -> Iterator[Item | Reject]:
        seen_ids: set[str] = set()
        domains = DomainTally()
        options = self.options
        readers: dict[str, Callable[[Path], Iterable[IngestResult]]] = {
            "email": lambda f: [read_email_file(f, options, seen_ids, domains)],
            "transcript": lambda f: [read_transcript_file(f, options)],
            "survey": lambda f: _iter_table_file(f, options, "survey", self.tracker),
            "helpdesk": lambda f: [_read_table_file(f, options, "helpdesk")],
        }
        eml = EmlFolderNotes(self.notes)
        for f, file_kind in self._files():
            self.n_files += 1
            for res in _read_parts(f, file_kind, readers[file_kind]):
                eml.add(f, res.notes)
                known = self.known
                records = res.records()
                prime_checks(
                    rec.text
                    for rec in records
                    if isinstance(rec, Item)
                    and len(rec.text) <= options.max_chars
                    and not (known and rec.item_id in known)
                )
                for rec in records:
                    if isinstance(rec, Item) and not (known and rec.item_id in known):
                        rec = finish_item(rec, options)
                    if isinstance(rec, Item):
                        self.n_items += 1
                    else:
                        self.n_rejects += 1
                    yield rec
                _PRIMED.clear()
        eml.flush()
        hint = domains.agent_note(options)
        if hint:
            self.notes.append(hint)
        logger.info(
            "ingested %d records: %d items, %d rejects", self.read, self.n_items, self.n_rejects
        )

    def _files(self) -> Iterator[tuple[Path, str]]:
        kind = self.kind
        for f, explicit in iter_files(self.paths):
            try:
                file_kind = detect_kind(f)
            except DataError:
                if kind == "auto" or not explicit:
                    if explicit:
                        raise
                    self.notes.append(f"skipped {f}: unsupported type")
                    continue
                file_kind = kind
            if kind != "auto" and file_kind != kind:
                compatible = {file_kind, kind} == {"survey", "helpdesk"}
                if not explicit and not compatible:
                    self.notes.append(f"skipped {f}: not a {kind} file")
                    continue
                file_kind = kind
            if self.skip_file is not None and self.skip_file(f):
                self.skipped_files.append(f)
                continue
            yield f, file_kind


def iter_records(
    paths: Sequence[Path],
    kind: str = "auto",
    options: SourceOptions | None = None,
    known: set[str] | frozenset[str] = frozenset(),
    skip_file: Callable[[Path], bool] | None = None,
    tracker: AppendTracker | None = None,
) -> RecordStream:
    """Records of files and folders, lazily and in order; see :class:`RecordStream`.

    Example::

        stream = iter_records([Path("inbox.mbox")])
        for record in stream:
            ...
        stream.notes  # complete now
    """
    return RecordStream(paths, kind, options or SourceOptions(), known, skip_file, tracker)


def ingest_paths(
    paths: Sequence[Path], kind: str = "auto", options: SourceOptions | None = None
) -> IngestResult:
    """Read files and folders into items, rejects and notes.

    ``kind`` is ``auto`` (by extension) or one of ``email``, ``transcript``, ``survey``,
    ``helpdesk``; with a fixed kind, files of another kind found in folders are skipped with
    a note. Same records as :func:`iter_records`.
    """
    stream = iter_records(paths, kind, options)
    result = IngestResult()
    for rec in stream:
        result.add(rec)
    result.notes.extend(stream.notes)
    return result


MAX_GARBLED = 0.05
"""Share of control / undecodable characters above which a text is taken for binary junk."""
_BINARY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e]")


# Letters that make words: ASCII and beyond Latin-1 (cp1252 junk is mostly Latin-1 symbols)
_WORD_LETTER = re.compile(r"[A-Za-z]|[^\W\d_\x00-\xff]")


def garbled_share(text: str) -> float:
    """Share of control codes, replacement and private-use characters (0 when under 4)."""
    bad = len(_BINARY.findall(text))
    return bad / len(text) if bad >= 4 else 0.0


def mostly_symbols(text: str) -> bool:
    """True for 8+ characters of which under 30% are letters: junk, not words."""
    sample = text[:2000]
    letters = len(_WORD_LETTER.findall(sample))
    return len(sample) >= 8 and letters < 0.3 * len(sample.replace(" ", ""))


class _Checked(NamedTuple):
    """What :func:`finish_item`'s checks make of one text (they depend on the text only)."""

    reason: str
    """Why it is rejected as invalid ('' when it is not)."""
    text: str
    """The text without control characters."""
    language: Detection | None
    """Its language, when it was detected in a batch."""


_PRIMED: dict[str, _Checked] = {}
"""Checks of the texts of the part being read (see :func:`prime_checks`)."""


_PLAIN_ASCII = re.compile(r"[\t\n\r\x20-\x7e]*")
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _check(text: str) -> _Checked:
    if _PLAIN_ASCII.fullmatch(text) is not None:
        # printable ASCII: no control, replacement or private-use character (garbled share 0,
        # nothing to strip), and the letters of mostly_symbols are A-Z and a-z
        sample = text[:2000].encode()
        letters = len(sample) - len(sample.translate(None, _ASCII_LETTERS))
        if len(sample) >= 8 and letters < 0.3 * (len(sample) - sample.count(b" ")):
            return _Checked("no words (mostly symbols or digits)", text, None)
        return _Checked("", text, None)
    return _check_all(text)


def _check_all(text: str) -> _Checked:
    """:func:`_check`, every step."""
    garbled = garbled_share(text)
    if garbled > MAX_GARBLED:
        reason = f"binary or garbled content ({garbled:.0%} control or undecodable characters)"
        return _Checked(reason, text, None)
    text = _CONTROL.sub("", text)
    if mostly_symbols(text):
        return _Checked("no words (mostly symbols or digits)", text, None)
    return _Checked("", text, None)


def prime_checks(texts: Iterable[str]) -> None:
    """Check many texts and detect their languages in batches (:func:`detect_many`), for
    the :func:`finish_item` calls that follow; the checks of earlier texts are forgotten.

    Only a speed-up: :func:`finish_item` of a text not primed checks it on its own, with the
    same result (the checks and the decisions are the same, primed or not).
    """
    _PRIMED.clear()
    checked = {t: _check(t) for t in dict.fromkeys(texts)}  # each distinct text once
    todo = [c.text for c in checked.values() if not c.reason]
    if len(todo) < BATCH_MIN:
        _PRIMED.update(checked)
        return
    langs = dict(zip(todo, detect_many(todo), strict=True))
    for t, c in checked.items():
        _PRIMED[t] = c._replace(language=langs[c.text]) if not c.reason else c


def finish_item(item: Item, options: SourceOptions) -> Item | Reject:
    """Last checks on an item: not absurdly long, and in a supported language."""
    size = len(item.text)
    if size > options.max_chars:
        reason = f"text too long ({size:,} characters > max_chars {options.max_chars:,})"
        return Reject(item.source_kind, item.source_path, item.source_ref, reason, "invalid")
    checked = _PRIMED.get(item.text) or _check(item.text)
    if checked.reason:
        src = item.source_path
        return Reject(item.source_kind, src, item.source_ref, checked.reason, "invalid")
    if checked.text != item.text:  # control characters taken out
        if item.source_kind in NAMES_SCANNED_KINDS:  # its own names, in the text as kept
            item.names += [n for n in names_in_text(checked.text) if n not in item.names]
        item.text = checked.text
    found = checked.language or detect_language(item.text)
    item.language = found.language
    reason = unsupported_reason(found.language, options.languages)
    if reason:
        return Reject(item.source_kind, item.source_path, item.source_ref, reason, "skipped")
    return item


def _read_table_file(path: Path, options: SourceOptions, kind: str) -> IngestResult:
    """A CSV / JSON / xlsx file: helpdesk export or column mapping, else a survey export."""
    if kind == "helpdesk" or options.columns is not None or options.format:
        return read_helpdesk_file(path, options, kind)
    return read_survey_file(path, options)


def _iter_table_file(
    path: Path, options: SourceOptions, kind: str, tracker: AppendTracker | None = None
) -> Iterator[IngestResult]:
    """:func:`_read_table_file`, with large survey CSVs streamed in parts of rows."""
    if kind == "helpdesk" or options.columns is not None or options.format:
        yield read_helpdesk_file(path, options, kind)
        return
    from voc.ingest.survey_stream import stream_survey_file

    yield from stream_survey_file(path, options, tracker)


def _read_parts(
    path: Path, kind: str, reader: Callable[[Path], Iterable[IngestResult]]
) -> Iterator[IngestResult]:
    """Parts of a file's records; a failure becomes one ``invalid`` reject (see _read_file)."""
    try:
        yield from reader(path)
    except ConfigError:
        raise
    except Exception as exc:  # the same handling as a whole-file reader's failure
        yield _read_file(path, kind, _raiser(exc))


def _raiser(exc: Exception) -> Callable[[Path], IngestResult]:
    def reader(_: Path) -> IngestResult:
        raise exc

    return reader


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

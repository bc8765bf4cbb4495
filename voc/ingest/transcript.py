"""Transcript reader: interview files to one item per participant turn.

Interviewer turns are read (they give each answer its ``question``) and rejected as
context. The interviewer is named in the options, in a ``# Interviewer:`` metadata line,
or found by heuristic: the speaker who asks most of the questions.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from voc.clean import greeting_names
from voc.errors import DataError
from voc.ingest._text import read_text
from voc.ingest.options import SourceOptions
from voc.ingest.transcript_parse import Transcript, clean_turn_text, parse_srt, parse_txt, parse_vtt
from voc.records import IngestResult, Item, Reject
from voc.redact_freeform import addressed_names, names_in_text

logger = logging.getLogger(__name__)

KIND = "transcript"
_ROLE_LABELS = {"interviewer", "moderator", "researcher", "host", "facilitator", "q"}
# Metadata keys that are not segment attributes (names, free text, timing).
_NOT_ATTRIBUTES = {
    "date",
    "time",
    "duration",
    "title",
    "topic",
    "id",
    "interviewer",
    "participant",
    "participants",
    "name",
    "email",
    "phone",
    "notes",
    "note",
    "recording",
    "url",
    "file",
    "interview",
    "session",
    "call",
    "subject",
    "header date",
    "header_date",
}
# Labels a transcription tool gives unnamed voices: not a person's identity, so the customer id
# is the file's ("Speaker 2" of two interviews are two people).
_GENERIC = re.compile(
    r"^(?:speaker|participant|interviewee|respondent|customer|guest|user|unknown|person|caller"
    r"|p|s)\s*\d*$",
    re.I,
)
_PII = re.compile(r"@|\+?\d[\d\s().-]{7,}\d")


def _first(name: str) -> str:
    return name.strip().split()[0].lower() if name.strip() else ""


def _matches(speaker: str, wanted: list[str]) -> bool:
    """Case-insensitive match on the full name or the first name."""
    s = speaker.strip().lower()
    for w in wanted:
        w = w.strip().lower()
        if w and (s == w or _first(s) == _first(w)):
            return True
    return False


def find_interviewers(tr: Transcript, options: SourceOptions) -> tuple[set[str], str]:
    """Speakers who are interviewers, and a note saying how they were found."""
    speakers = list(dict.fromkeys(t.speaker for t in tr.turns))
    wanted = list(options.interviewers)
    how = "from options"
    if not wanted and tr.meta.get("interviewer"):
        wanted, how = [tr.meta["interviewer"]], "from metadata"
    if wanted:
        chosen = {s for s in speakers if _matches(s, wanted)}
        if chosen:
            return chosen, f"interviewer = {', '.join(sorted(chosen))} ({how})"
    by_label = [s for s in speakers if s.lower() in _ROLE_LABELS]
    if by_label and len(by_label) < len(speakers):
        return set(by_label), f"interviewer = {', '.join(by_label)} (speaker label)"
    questions = {s: 0 for s in speakers}
    for t in tr.turns:
        if t.text.rstrip().endswith("?"):
            questions[t.speaker] += 1
    total = sum(questions.values())
    if total == 0 or len(speakers) < 2:
        return set(), "no interviewer found (no questions asked); every turn kept"
    # Most questions; ties go to the higher share of questioning turns, then first speaker.
    n_turns = {s: sum(1 for t in tr.turns if t.speaker == s) for s in speakers}
    best = max(speakers, key=lambda s: (questions[s], questions[s] / n_turns[s]))
    return {best}, f"interviewer = {best} (asked {questions[best]} of {total} questions)"


def _author(speaker: str, src: str) -> str:
    """The participant's identity: the speaker's name, or for a generic label ("Speaker 2")
    the label in this file (written like an address, so it is never taken for a name)."""
    return f"{speaker}@{src}" if _GENERIC.match(speaker) else speaker


def _parse_date(value: str) -> datetime | None:
    try:
        ts = pd.to_datetime(value.strip())
    except (ValueError, TypeError, OverflowError):
        return None
    if pd.isna(ts):
        return None
    dt = ts.to_pydatetime()
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC).replace(tzinfo=None)
    return dt


def _attributes(meta: dict[str, str], names: list[str]) -> dict[str, str]:
    """Segment attributes from metadata: no names, contacts, dates or free text."""
    name_words = {w.lower() for n in names for w in n.split() if len(w) > 1}
    attrs: dict[str, str] = {}
    for key, value in meta.items():
        k = re.sub(r"\W+", "_", key.strip().lower()).strip("_")
        v = value.strip()
        if not k or not v or k in _NOT_ATTRIBUTES or len(v) > 60 or _PII.search(v):
            continue
        if name_words & {w.lower() for w in re.findall(r"\w+", v)}:
            continue  # "Devon, Free plan" would leak the participant's name
        attrs[k] = v
    return attrs


def read_docx_text(path: Path) -> str:
    """Paragraph text of a Word transcript (Teams / Otter / hand-typed), one line each."""
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        doc = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DataError(f"not a valid .docx file: {str(exc).splitlines()[0]}") from exc
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:  # some exports put "speaker | text" in a table
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells]
            if len(cells) >= 2 and cells[0] and cells[-1]:
                lines.append(f"{cells[0]}: {cells[-1]}")
    return "\n".join(lines)


def parse_transcript(path: Path, options: SourceOptions) -> Transcript:
    """Parse a transcript file by extension; :class:`DataError` if it has < 2 speaker turns."""
    suffix = path.suffix.lower()
    text = read_docx_text(path) if suffix == ".docx" else read_text(path, options.encoding)[0]
    parser = {".vtt": parse_vtt, ".srt": parse_srt}.get(suffix, parse_txt)
    tr = parser(text)
    if len(tr.turns) == 1:
        who = tr.turns[0].speaker
        raise DataError(f"only one speaker turn found ({who!r}); an interview needs two speakers")
    if len(tr.turns) < 2:
        raise DataError("no speaker turns found")
    return tr


def read_transcript_file(path: Path, options: SourceOptions | None = None) -> IngestResult:
    """Read one ``.txt``, ``.vtt``, ``.srt`` or ``.docx`` interview transcript."""
    options = options or SourceOptions()
    src = str(path)
    tr = parse_transcript(path, options)
    interviewers, how = find_interviewers(tr, options)
    result = IngestResult(notes=[f"{src}: {how}"])
    names = list(dict.fromkeys(t.speaker for t in tr.turns if t.speaker != "Unknown"))
    for key in ("participant", "participants", "interviewer"):
        for n in re.split(r"[,;&]| and ", tr.meta.get(key, "")):
            if n.strip() and n.strip() not in names:
                names.append(n.strip())
    for turn in tr.turns:  # names said anywhere in the interview are redacted everywhere
        cleaned = clean_turn_text(turn.text)
        found = [*names_in_text(cleaned), *addressed_names(cleaned), *greeting_names(cleaned)]
        known = {w.lower() for n in names for w in n.split()}
        names += [n for n in dict.fromkeys(found) if not {w.lower() for w in n.split()} <= known]
    when = tr.meta.get("date") or tr.meta.get("header date")
    created = _parse_date(when) if when else None
    attrs = _attributes(tr.meta, names)
    question = ""
    for n, turn in enumerate(tr.turns, start=1):
        ref = f"turn {n}"
        text = clean_turn_text(turn.text)
        if turn.speaker in interviewers:
            question = text
            result.add(Reject(KIND, src, ref, "interviewer turn (context)", "skipped"))
            continue
        if not text:
            result.add(Reject(KIND, src, ref, "empty after cleaning", "skipped"))
            continue
        result.add(
            Item(
                source_kind=KIND,
                source_path=src,
                source_ref=ref,
                text=text,
                channel="interview",
                created_at=created,
                author=_author(turn.speaker, src),
                names=list(names),
                thread_id=src,
                question=question,
                attributes=dict(attrs),
            )
        )
    logger.debug("%s: %d turns, %d items", src, len(tr.turns), len(result.items))
    return result

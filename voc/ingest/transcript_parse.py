"""Parsing interview transcripts (``.txt``, ``.vtt``, ``.srt``) into speaker turns."""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass, field

import webvtt

from voc.errors import DataError

logger = logging.getLogger(__name__)

_TS = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_NAME = r"[A-Za-zÀ-ÿ][\w.'’-]*(?:[ ][A-Z0-9(À-Þ][\w.'’()-]*){0,3}"
_TURN_LINE = re.compile(
    rf"^\s*(?:\[(?P<ts1>{_TS})\]\s*|\(?(?P<ts2>{_TS})\)?\s+)?"
    rf"(?P<name>{_NAME}?)\s*(?:\((?P<ts3>{_TS})\)|\[(?P<ts4>{_TS})\])?\s*:\s*(?P<text>.*)$"
)
# Otter-style: "Maya Lopez  0:03" alone on a line, the words on the following lines
_NAME_TS_LINE = re.compile(
    rf"^\s*(?P<name>[A-Z][\w.'’-]*(?: [\w.'’-]+){{0,3}})\s+(?P<ts>{_TS})\s*$"
)
# Zoom-style: "[Maya Lopez] 10:01:22" alone on a line, the words on the following lines
_BRACKET_NAME_TS_LINE = re.compile(rf"^\s*\[(?P<name>{_NAME})\]\s+(?P<ts>{_TS})\s*$")
_META_LINE = re.compile(r"^\s*#\s*(?P<key>[A-Za-z][\w /-]{0,30}?)\s*:\s*(?P<value>.*?)\s*$")
_KV = re.compile(r"^\s*(?P<key>[A-Za-z][\w /-]{0,30}?)\s*:\s*(?P<value>.*?)\s*$")
META_KEYS = {
    "date",
    "plan",
    "participant",
    "interviewer",
    "persona",
    "segment",
    "region",
    "role",
    "company",
    "company size",
    "industry",
    "tier",
    "title",
    "topic",
    "duration",
    "location",
}
# "[laughs]", "(inaudible)", and Rev's timed forms "[crosstalk 00:00:20]", "(inaudible 00:12:03)"
_FILLER = re.compile(
    rf"\[(?:[a-z][a-z ]{{1,30}})(?:\s+{_TS})?\]"
    rf"|\((?:laughs|laughter|inaudible|crosstalk|pause|sighs|silence)(?:\s+{_TS})?\)",
    re.I,
)
# Rev puts the turn's time after the speaker: "Lena Fischer: (00:00:12) Sure. ..."
_LEADING_TS = re.compile(rf"^\s*[\[(]{_TS}[\])]\s*")
# Lines an export adds that nobody said: "Transcribed by https://otter.ai", "Maya Lopez started
# transcription" (Teams), "Transcript by Rev.com", "Page 1 of 2"
_EXPORT_LINE = re.compile(
    r"^\s*(?:transcribed by\b.*|transcript by rev\.com.*|.{1,60}\b(?:started|stopped) transcription"
    r"|page \d+ of \d+)\s*$",
    re.I,
)
# Role tags Teams and Zoom add to a display name: "Priya Nair (Guest)", "Maya Lopez (Host)"
_ROLE_TAG = re.compile(
    r"\s*\((?:guest|external|unverified|host|co-host|organi[sz]er|presenter|me)\)\s*$", re.I
)
_MONTHS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
# A recording date in an export's header: "Wed, Mar 11, 2026 10:15AM", "March 12, 2026, 3:00PM"
_HEADER_DATE = re.compile(
    rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?P<date>(?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}},?"
    r"\s+\d{4}(?:,?\s+\d{1,2}:\d{2}\s*(?:[ap]m)?)?)",
    re.I,
)


def speaker_name(label: str) -> str:
    """A speaker label without the role tag a meeting tool adds (``"Priya Nair (Guest)"``)."""
    return _ROLE_TAG.sub("", label).strip() or label.strip()


def header_date(line: str) -> str | None:
    """The date an export's header line gives (``"Mar 11, 2026 10:15AM"``), else None."""
    m = _HEADER_DATE.match(line.strip())
    if m is None:
        return None
    return re.sub(r"(\d),", r"\1", m.group("date")).replace("  ", " ")


@dataclass
class Turn:
    """One speaker turn."""

    speaker: str
    text: str
    start: str | None = None


@dataclass
class Transcript:
    """Turns in order plus ``Key: value`` metadata (keys lower-cased)."""

    turns: list[Turn] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


def clean_turn_text(text: str) -> str:
    """Drop non-speech annotations like ``[laughs]`` or ``[crosstalk 00:00:20]``, a leading
    ``(00:00:12)`` and collapse whitespace."""
    return " ".join(_FILLER.sub(" ", _LEADING_TS.sub("", text)).split())


def _add(turns: list[Turn], speaker: str, text: str, start: str | None = None) -> None:
    """Append a turn, merging with the previous one when the speaker is the same."""
    text = text.strip()
    speaker = speaker_name(speaker)
    if turns and turns[-1].speaker == speaker:
        turns[-1].text = f"{turns[-1].text} {text}".strip()
    else:
        turns.append(Turn(speaker, text, start))


def _valid_label(name: str) -> bool:
    name = name.strip()
    return bool(name) and len(name) <= 40 and not name.lower().startswith(("http", "www"))


def parse_txt(text: str) -> Transcript:
    """``Name: text`` / ``[hh:mm:ss] Name: text`` lines; ``# Key: value`` is metadata."""
    tr = Transcript()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    parsed: list[tuple[str, str, str, str | None]] = []  # (kind, speaker, text, ts)
    turns_seen = False
    for line in lines:
        if not line.strip() or _EXPORT_LINE.match(line):
            continue
        if not turns_seen and "header date" not in tr.meta and header_date(line):
            tr.meta["header date"] = header_date(line) or ""
            continue
        meta = _META_LINE.match(line)
        if line.lstrip().startswith("#"):
            if meta:
                tr.meta[meta.group("key").strip().lower()] = meta.group("value")
            continue
        m = _TURN_LINE.match(line)
        if m and _valid_label(m.group("name")):
            ts = m.group("ts1") or m.group("ts2") or m.group("ts3") or m.group("ts4")
            parsed.append(("turn", m.group("name").strip(), m.group("text"), ts))
            turns_seen = True
            continue
        m2 = _NAME_TS_LINE.match(line) or _BRACKET_NAME_TS_LINE.match(line)
        if m2:
            parsed.append(("turn", m2.group("name").strip(), "", m2.group("ts")))
            turns_seen = True
            continue
        parsed.append(("text", "", line, None))
    # A label seen once, without a timestamp, among several speakers is prose ("Note: ...").
    counts = Counter(s for k, s, _, _ in parsed if k == "turn")
    many = len(counts) > 2
    for kind, speaker, words, ts in parsed:
        is_turn = kind == "turn" and not (many and counts[speaker] < 2 and ts is None)
        if not tr.turns and kind == "turn" and speaker.lower() in META_KEYS and not ts:
            tr.meta[speaker.lower()] = words.strip()  # "Date: 2026-09-14" before the first turn
        elif is_turn:
            tr.turns.append(Turn(speaker_name(speaker), words.strip(), ts))
        elif tr.turns:
            line = words if kind == "text" else f"{speaker}: {words}"
            tr.turns[-1].text = f"{tr.turns[-1].text} {line.strip()}".strip()
    return _merge_same_speaker(tr)


def _merge_same_speaker(tr: Transcript) -> Transcript:
    merged: list[Turn] = []
    for t in tr.turns:
        _add(merged, t.speaker, t.text, t.start)
    tr.turns = merged
    return tr


_KV_SPLIT = re.compile(r"[,;]\s*(?=[A-Za-z][\w /-]{0,30}:)")


def _comment_meta(comments: list[str], meta: dict[str, str]) -> None:
    """``Key: value`` pairs from NOTE blocks, one per line or ``Date: x, Plan: y`` on one line."""
    for comment in comments:
        for line in (p for ln in comment.split("\n") for p in _KV_SPLIT.split(ln)):
            m = _KV.match(line)
            if m:
                meta.setdefault(m.group("key").strip().lower(), m.group("value"))


_CUE_PREFIX = re.compile(rf"^\s*(?:-\s*)?(?P<name>{_NAME}?)\s*:\s+(?P<text>.+)$", re.DOTALL)


def _captions_to_transcript(captions: list[webvtt.Caption], meta: dict[str, str]) -> Transcript:
    tr = Transcript(meta=meta)
    for cap in captions:
        _comment_meta(getattr(cap, "comments", []) or [], tr.meta)
        text = " ".join(cap.text.split("\n")).strip()
        speaker = cap.voice
        if not speaker:
            m = _CUE_PREFIX.match(text)
            if m and _valid_label(m.group("name")):
                speaker, text = m.group("name").strip(), m.group("text").strip()
        if speaker:
            _add(tr.turns, speaker.strip(), text, cap.start)
        elif tr.turns:
            tr.turns[-1].text = f"{tr.turns[-1].text} {text}".strip()
        elif text:
            _add(tr.turns, "Unknown", text, cap.start)
    return tr


def parse_vtt(text: str) -> Transcript:
    """WebVTT with ``<v Name>`` voice tags or ``Name:`` prefixes; NOTE blocks carry metadata."""
    try:
        vtt = webvtt.WebVTT.from_buffer(io.StringIO(text))
    except Exception as exc:  # webvtt raises its own error types and ValueError
        raise DataError(f"not a valid WebVTT file: {str(exc).splitlines()[0]}") from exc
    meta: dict[str, str] = {}
    _comment_meta(list(vtt.header_comments or []), meta)
    tr = _captions_to_transcript(list(vtt.captions), meta)
    _comment_meta(list(vtt.footer_comments or []), tr.meta)
    return tr


def parse_srt(text: str) -> Transcript:
    """SubRip captions; the speaker comes from a ``Name:`` prefix in the cue text."""
    try:
        srt = webvtt.WebVTT.from_buffer(io.StringIO(text), format="srt")
    except Exception as exc:  # webvtt raises its own error types and ValueError
        raise DataError(f"not a valid SRT file: {str(exc).splitlines()[0]}") from exc
    return _captions_to_transcript(list(srt.captions), {})

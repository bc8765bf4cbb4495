"""Run-summary notes of ingestion kept readable on large folders."""

from __future__ import annotations

import re
from pathlib import Path

_ONE_MESSAGE = re.compile(r": 1 message(?:, (\d+) attachments? ignored)?$")


class EmlFolderNotes:
    """Collapses the "f.eml: 1 message" notes of a folder of .eml files into one line per
    folder (a support export holds thousands of them), placed where the folder's first
    .eml note was; other notes, an mbox's among them, pass through in order."""

    def __init__(self, notes: list[str]) -> None:
        self.notes = notes
        self.folder: Path | None = None
        self.at = -1  # index in ``notes`` of the current folder's summary line
        self.files = self.attachments = 0

    def add(self, f: Path, notes: list[str]) -> None:
        for note in notes:
            m = _ONE_MESSAGE.search(note)
            if f.suffix.lower() != ".eml" or not note.startswith(str(f)) or not m:
                self.notes.append(note)
                continue
            if f.parent != self.folder:
                self.flush()
                self.folder, self.at = f.parent, len(self.notes)
                self.notes.append("")
            self.files += 1
            self.attachments += int(m.group(1) or 0)
            self._write()

    def _write(self) -> None:
        n, a = self.files, self.attachments
        note = f"{self.folder}: {n} .eml file{'s' if n != 1 else ''} of 1 message each"
        if a:
            note += f", {a} attachment{'s' if a != 1 else ''} ignored"
        self.notes[self.at] = note

    def flush(self) -> None:
        """End the current folder: the next .eml note starts a new summary line."""
        self.folder, self.at, self.files, self.attachments = None, -1, 0, 0

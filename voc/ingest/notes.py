"""Run-summary notes of ingestion kept readable on large folders."""

from __future__ import annotations

import re
from pathlib import Path

_ONE_MESSAGE = re.compile(r": 1 message(?:, (\d+) attachments? ignored)?$")


class EmlFolderNotes:
    """Collapses the "f.eml: 1 message" notes of a folder of .eml files into one line per
    folder (a support export holds thousands of them); other notes pass through in order."""

    def __init__(self, notes: list[str]) -> None:
        self.notes = notes
        self.folder: Path | None = None
        self.files = self.attachments = 0

    def add(self, f: Path, notes: list[str]) -> None:
        for note in notes:
            m = _ONE_MESSAGE.search(note)
            if f.suffix.lower() != ".eml" or not note.startswith(str(f)) or not m:
                self.flush()
                self.notes.append(note)
                continue
            if f.parent != self.folder:
                self.flush()
                self.folder = f.parent
            self.files += 1
            self.attachments += int(m.group(1) or 0)

    def flush(self) -> None:
        if self.folder is None:
            return
        n, a = self.files, self.attachments
        note = f"{self.folder}: {n} .eml file{'s' if n != 1 else ''} of 1 message each"
        if a:
            note += f", {a} attachment{'s' if a != 1 else ''} ignored"
        self.notes.append(note)
        self.folder, self.files, self.attachments = None, 0, 0

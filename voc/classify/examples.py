"""Labelled examples: reading a user's labelled CSV and the store ``voc train`` writes.

The store is a small CSV (``task,label,text``) that the classifiers read at
fit time, next to the examples in ``labels/*.yaml``. Adding the same text
again for the same task replaces its label, so re-training is idempotent.

>>> texts, labels, rejects = read_labelled(Path("labelled.csv"), "text", "label")
>>> add_examples(default_store(), "sentiment", texts, labels)
(120, 120)
"""

from __future__ import annotations

import csv
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from voc.errors import ConfigError, DataError

log = logging.getLogger(__name__)

TASKS = ("stage", "sentiment", "emotion")
#: Environment variable that overrides the default store location.
STORE_ENV = "VOC_EXAMPLES"
_COLUMNS = ["task", "label", "text"]


def default_store() -> Path:
    """``$VOC_EXAMPLES`` if set, else ``.voc/examples.csv`` in the working directory."""
    return Path(os.environ.get(STORE_ENV) or Path(".voc") / "examples.csv")


def check_task(task: str) -> str:
    """Return ``task`` if it is one of :data:`TASKS`, else raise ConfigError."""
    if task not in TASKS:
        raise ConfigError(f"unknown task '{task}'; expected one of {', '.join(TASKS)}")
    return task


def read_table(path: Path) -> pd.DataFrame:
    """A CSV (any common encoding and delimiter) or XLSX file as strings, empty cells ''."""
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: file not found")
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            df = pd.read_excel(path, dtype=str, keep_default_na=False)
        else:
            df = _read_csv(path)
    except DataError:
        raise
    except Exception as exc:  # pandas raises many types for broken files
        raise DataError(f"{path}: cannot read as a table: {exc}") from None
    df.columns = [str(c) for c in df.columns]
    return df


def _read_csv(path: Path) -> pd.DataFrame:
    raw = path.read_bytes()
    if not raw.strip():
        raise DataError(f"{path}: file is empty")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    try:
        delimiter = csv.Sniffer().sniff(text[:20000], delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    import io

    return pd.read_csv(
        io.StringIO(text), dtype=str, keep_default_na=False, sep=delimiter, engine="python"
    )


def require_column(df: pd.DataFrame, column: str, path: Path, option: str) -> None:
    """Raise ConfigError naming the file and the available columns if ``column`` is absent."""
    if column not in df.columns:
        raise ConfigError(
            f"{path}: no column '{column}' ({option}); columns are: {', '.join(df.columns)}"
        )


@dataclass
class LabelledSet:
    """Texts and labels read from a file, plus the rows that could not be used."""

    texts: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    rejects: list[tuple[int, str]] = field(default_factory=list)  # (row number, reason)


def read_labelled(path: Path, text_column: str, label_column: str) -> LabelledSet:
    """Rows with a non-empty text and label; the others are rejects with a reason.

    Row numbers in rejects are 1-based data rows (the header is row 0).
    """
    df = read_table(path)
    require_column(df, text_column, path, "--text-column")
    require_column(df, label_column, path, "--label-column")
    out = LabelledSet()
    for i, (text, label) in enumerate(zip(df[text_column], df[label_column], strict=True)):
        text, label = str(text).strip(), str(label).strip().lower()
        if not text:
            out.rejects.append((i + 1, "empty text"))
        elif not label:
            out.rejects.append((i + 1, "empty label"))
        else:
            out.texts.append(text)
            out.labels.append(label)
    if not out.texts:
        raise DataError(f"{path}: no row has both a text and a label")
    return out


def check_labels(labels: list[str], allowed: list[str], path: Path | str, task: str) -> None:
    """Raise DataError if any label is not one of ``allowed`` for ``task``."""
    bad = sorted(set(labels) - set(allowed))
    if bad:
        shown = ", ".join(repr(b) for b in bad[:5]) + (" ..." if len(bad) > 5 else "")
        raise DataError(
            f"{path}: unknown {task} label(s) {shown}; expected one of {', '.join(allowed)}"
        )


def load_store(store: Path) -> pd.DataFrame:
    """All stored examples (columns task, label, text); empty if the store does not exist."""
    store = Path(store)
    if not store.is_file():
        return pd.DataFrame(columns=_COLUMNS)
    try:
        df = pd.read_csv(store, dtype=str, keep_default_na=False)
    except Exception as exc:
        raise DataError(f"{store}: broken example store: {exc}") from None
    missing = [c for c in _COLUMNS if c not in df.columns]
    if missing:
        raise DataError(f"{store}: example store lacks column(s) {', '.join(missing)}")
    return df[_COLUMNS]


def load_examples(store: Path | None, task: str) -> tuple[list[str], list[str]]:
    """Texts and labels stored for ``task`` (none if ``store`` is None or absent)."""
    check_task(task)
    if store is None:
        return [], []
    df = load_store(store)
    df = df[df["task"] == task]
    return df["text"].tolist(), df["label"].tolist()


def add_examples(store: Path, task: str, texts: list[str], labels: list[str]) -> tuple[int, int]:
    """Add (or relabel) examples for ``task``; returns (examples given, total stored for task)."""
    check_task(task)
    if len(texts) != len(labels):
        raise ValueError("texts and labels must have the same length")
    store = Path(store)
    old = load_store(store)
    new = pd.DataFrame({"task": task, "label": labels, "text": texts})
    merged = pd.concat([old, new], ignore_index=True)
    merged = merged.drop_duplicates(subset=["task", "text"], keep="last")
    merged = merged.sort_values(["task", "label", "text"], kind="stable")
    store.parent.mkdir(parents=True, exist_ok=True)
    tmp = store.with_suffix(store.suffix + ".tmp")
    merged.to_csv(tmp, index=False)
    tmp.replace(store)
    total = int((merged["task"] == task).sum())
    log.debug("stored %d %s examples in %s (%d for the task)", len(texts), task, store, total)
    return len(texts), total

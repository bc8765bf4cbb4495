"""What a run carries from step to step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

# progress(step, advance, total): total is set on the first call of a step.
Progress = Callable[[str, int, int], None]


def no_progress(step: str, advance: int, total: int) -> None:
    """Default progress callback: does nothing."""


@dataclass
class RunContext:
    """Things every step may use: seed, label files, shared models, workspace."""

    seed: int
    labels: Any  # voc.config.LabelsSpec
    con: Any = None  # duckdb connection for caches, or None
    progress: Progress = no_progress
    models: dict[str, Any] = field(default_factory=dict)


@dataclass
class RunState:
    """Tables built so far. Steps add columns; they never rename or drop them."""

    items: pd.DataFrame
    names: dict[str, list[str]] = field(default_factory=dict)  # item_id -> names to redact
    statements: pd.DataFrame | None = None
    vectors: np.ndarray | None = None  # one row per statement, same order
    drafts: list[Any] = field(default_factory=list)  # ThemeDraft list
    friction_idx: np.ndarray | None = None  # rows of statements that are friction
    themes: pd.DataFrame | None = None
    done: set[str] = field(default_factory=set)

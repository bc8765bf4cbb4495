"""Evaluate the classifiers on a labelled table: accuracy, macro-F1, confusion matrix."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_recall_fscore_support,
)

from voc.classify.batch import Classifiers, Progress, _no_progress, classify_texts
from voc.classify.examples import check_labels, check_task, read_labelled
from voc.labels import SENTIMENT_IDS, UNKNOWN


@dataclass
class EvalResult:
    """Scores of one task on one labelled file.

    ``macro_f1`` averages over the gold classes present, so a taxonomy class that
    never occurs in the file neither helps nor hurts; predictions outside them
    (other classes, ``unknown``) count as errors.
    """

    task: str
    n: int
    n_rejected: int
    accuracy: float
    macro_f1: float
    classes: list[str]  # row and column order of ``confusion``: gold classes, then others
    confusion: np.ndarray  # rows: gold, columns: predicted
    per_class: dict[str, tuple[float, float, float, int]]  # precision, recall, F1, support
    predictions: list[str]


def allowed_labels(models: Classifiers, task: str) -> list[str]:
    """Labels a labelled file may use for ``task``."""
    if task == "stage":
        return [*models.stage.taxonomy.ids, UNKNOWN]
    if task == "sentiment":
        return list(SENTIMENT_IDS)
    tax = models.emotion.taxonomy
    return [e.id for e in tax.emotions] + [tax.none_label]


def score(task: str, gold: list[str], pred: list[str], n_rejected: int = 0) -> EvalResult:
    """Scores of ``pred`` against ``gold``."""
    present = sorted(set(gold))
    others = sorted(set(pred) - set(present))
    classes = present + others
    p, r, f, s = precision_recall_fscore_support(gold, pred, labels=present, zero_division=0)
    return EvalResult(
        task=task,
        n=len(gold),
        n_rejected=n_rejected,
        accuracy=float(accuracy_score(gold, pred)),
        macro_f1=float(f1_score(gold, pred, labels=present, average="macro", zero_division=0)),
        classes=classes,
        confusion=confusion_matrix(gold, pred, labels=classes),
        per_class={
            c: (float(p[i]), float(r[i]), float(f[i]), int(s[i])) for i, c in enumerate(present)
        },
        predictions=list(pred),
    )


def evaluate_file(
    models: Classifiers,
    path: Path,
    task: str,
    text_column: str,
    label_column: str,
    progress: Progress = _no_progress,
) -> EvalResult:
    """Classify every labelled row of ``path`` (as a whole, like ``voc classify``) and score."""
    check_task(task)
    data = read_labelled(path, text_column, label_column)
    check_labels(data.labels, allowed_labels(models, task), path, task)
    out = classify_texts(models, data.texts, progress=progress)
    return score(task, data.labels, out[task].tolist(), n_rejected=len(data.rejects))

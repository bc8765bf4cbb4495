"""bench/eval_sentiment_ratings.py: reviews read as the pipeline reads them, and the
numbers that judge sentiment and friction against the stars."""

from __future__ import annotations

import doctest
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import eval_sentiment_ratings  # noqa: E402
from eval_sentiment_ratings import load_reviews, rating_report  # noqa: E402


def test_title_and_review_are_joined_and_rows_without_text_or_rating_dropped(
    tmp_path: Path,
) -> None:
    path = tmp_path / "dev.csv"
    pd.DataFrame(
        {
            "Title": ["Lovely", None, "Only a title", None, "No rating"],
            "Review Text": ["Soft and warm.", "Too small.", None, None, "Fine."],
            "Rating": [5, 2, 4, 3, None],
        }
    ).to_csv(path, index=False)
    got = load_reviews(path)
    assert got.text.tolist() == ["Lovely\n\nSoft and warm.", "Too small.", "Only a title"]
    assert got.rating.tolist() == [5, 2, 4]


def test_report_ranks_low_star_statements_and_reads_each_review() -> None:
    rating = np.array([1, 1, 2, 3, 5, 5, 5])
    score = np.array([-0.9, 0.1, -0.6, 0.0, 0.8, -0.7, 0.4])
    label = ["negative", "neutral", "negative", "neutral", "positive", "negative", "positive"]
    flag = np.array([True, False, True, False, False, True, False])
    item = np.array([0, 0, 1, 2, 3, 3, 4])
    r = rating_report(rating, score, label, flag, item)
    # low-star negativities 0.9, -0.1, 0.6 against 5-star -0.8, 0.7, -0.4: 7 of 9 pairs
    assert r["auc_low_vs_5"] == pytest.approx(7 / 9, abs=1e-4)
    assert r["friction_1-2"] == pytest.approx(2 / 3, abs=1e-4)
    assert r["friction_5"] == pytest.approx(1 / 3, abs=1e-4)
    assert r["negative_3"] == 0.0 and "friction_4" not in r
    # review 3 holds a strong complaint (-0.7), so it reads negative despite its 5 stars
    assert r["items_1-2_negative"] == 1.0
    assert r["items_4-5_positive"] == 0.5


def test_docstring_example() -> None:
    assert doctest.testmod(eval_sentiment_ratings).failed == 0

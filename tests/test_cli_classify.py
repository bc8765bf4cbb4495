"""`voc classify`, `voc eval` and `voc train` through typer's runner."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from voc.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()

ROWS = [
    ("r1", "I was charged twice for my subscription and nobody answers my emails.", "x"),
    ("r2", "", "empty"),
    ("r3", "Thank you so much, the new dashboard is wonderful!", "y"),
    (
        "r4",
        "I love the app and use it every day. But I was charged twice this month "
        "and support still has not replied.",
        "mixed",
    ),
    ("r5", "What is the difference between the Basic and the Pro plan?", "z"),
    ("r6", "asdf qwer zxcv", "gibberish"),
]


def _write(path: Path, rows: list[tuple[str, ...]], header: tuple[str, ...]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Never read or write a real .voc/examples.csv or ~/.cache/voc from the test run.
    monkeypatch.setenv("VOC_EXAMPLES", str(tmp_path / "store" / "examples.csv"))
    monkeypatch.setenv("VOC_CACHE_DIR", str(cache))


def test_help() -> None:
    res = runner.invoke(app, ["--help"])
    for cmd in ("classify", "eval", "train"):
        assert cmd in res.output
    for cmd in ("classify", "eval", "train"):
        assert runner.invoke(app, [cmd, "--help"]).exit_code == 0


def test_classify_keeps_rows_and_adds_columns(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.csv", ROWS, ("id", "comment", "note"))
    out = tmp_path / "out.csv"
    st = tmp_path / "statements.csv"
    res = runner.invoke(
        app,
        ["classify", str(src), "--text-column", "comment", "-o", str(out), "--statements", str(st)],
    )
    assert res.exit_code == 0, res.output
    df = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(df.columns) == [
        "id",
        "comment",
        "note",
        "stage",
        "stage_confidence",
        "sentiment",
        "sentiment_score",
        "emotion",
    ]
    assert df["id"].tolist() == [r[0] for r in ROWS]
    assert df["note"].tolist() == [r[2] for r in ROWS]
    by_id = df.set_index("id")
    assert by_id.loc["r2", "stage"] == "unknown"
    assert by_id.loc["r2", "sentiment"] == "neutral"
    assert by_id.loc["r1", "sentiment"] == "negative"
    assert by_id.loc["r3", "sentiment"] == "positive"
    assert by_id.loc["r4", "sentiment"] == "negative"
    assert by_id.loc["r5", "stage"] == "consideration"
    assert by_id.loc["r6", "stage"] == "unknown"
    assert set(df["sentiment"]) <= {"negative", "neutral", "positive"}
    conf = df["stage_confidence"].astype(float)
    assert ((conf >= 0) & (conf <= 1)).all()
    # The mixed e-mail shows both sides at statement level.
    sdf = pd.read_csv(st)
    mixed = sdf[sdf["row"] == 4]
    assert {"positive", "negative"} <= set(mixed["sentiment"])
    assert "6 rows classified (1 without text)" in res.output


def test_classify_is_deterministic(tmp_path: Path, cache: Path) -> None:
    src = _write(tmp_path / "in.csv", ROWS, ("id", "comment", "note"))
    outs = []
    for name in ("a.csv", "b.csv"):
        res = runner.invoke(
            app, ["classify", str(src), "--text-column", "comment", "-o", str(tmp_path / name)]
        )
        assert res.exit_code == 0, res.output
        outs.append((tmp_path / name).read_bytes())
    assert outs[0] == outs[1]
    assert list(cache.glob("label-vectors-*.npz"))  # label vectors were cached


def test_classify_bad_column_and_missing_file(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.csv", ROWS, ("id", "comment", "note"))
    res = runner.invoke(app, ["classify", str(src), "--text-column", "text", "-o", "o.csv"])
    assert res.exit_code == 2
    assert "no column 'text'" in res.output and "comment" in res.output
    res = runner.invoke(
        app, ["classify", str(tmp_path / "nope.csv"), "--text-column", "x", "-o", "o.csv"]
    )
    assert res.exit_code == 1 and "file not found" in res.output


def test_classify_other_taxonomies(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.csv", ROWS, ("id", "comment", "note"))
    for name, ids in (
        ("journey_stages_4.yaml", {"problem_search", "education", "conversion", "ongoing_usage"}),
        ("journey_stages_9.yaml", {"evaluation", "adoption", "renewal", "advocacy"}),
    ):
        out = tmp_path / f"{name}.csv"
        res = runner.invoke(
            app,
            [
                "classify",
                str(src),
                "--text-column",
                "comment",
                "-o",
                str(out),
                "--stages",
                str(ROOT / "labels" / name),
            ],
        )
        assert res.exit_code == 0, res.output
        stages = set(pd.read_csv(out)["stage"])
        assert stages <= ids | {"unknown"}
        assert stages & ids


SENT_LABELLED = [
    ("The parcel came on time.", "positive"),
    ("The parcel came two days late.", "negative"),
    ("Where is my parcel?", "neutral"),
    ("", "neutral"),
    ("Billing page looks ok.", ""),
]


def test_train_then_eval_uses_examples(tmp_path: Path) -> None:
    # A private convention the defaults cannot know: "blue" means happy, "grey" unhappy.
    rows = [(f"Feeling blue about order {i}.", "positive") for i in range(12)]
    rows += [(f"Feeling grey about order {i}.", "negative") for i in range(12)]
    rows += [(f"Order {i} has number {i}{i}.", "neutral") for i in range(12)]
    labelled = _write(tmp_path / "lab.csv", rows, ("text", "label"))
    store = tmp_path / "ex.csv"
    res = runner.invoke(
        app, ["train", str(labelled), "--task", "sentiment", "--examples", str(store)]
    )
    assert res.exit_code == 0, res.output
    assert "stored 36 sentiment examples" in res.output
    assert len(pd.read_csv(store)) == 36
    test = _write(
        tmp_path / "test.csv",
        [
            ("Feeling blue about order 99.", "positive"),
            ("Feeling grey about order 98.", "negative"),
        ],
        ("text", "label"),
    )
    zero = runner.invoke(app, ["eval", str(test), "--task", "sentiment", "--no-examples"])
    assert zero.exit_code == 0, zero.output
    few = runner.invoke(app, ["eval", str(test), "--task", "sentiment", "--examples", str(store)])
    assert few.exit_code == 0, few.output
    assert "accuracy 1.000" in few.output
    assert "Confusion matrix" in few.output and "macro-F1" in few.output
    # Training twice on the same file does not duplicate examples.
    runner.invoke(app, ["train", str(labelled), "--task", "sentiment", "--examples", str(store)])
    assert len(pd.read_csv(store)) == 36


def test_eval_counts_rejects_and_refuses_unknown_labels(tmp_path: Path) -> None:
    lab = _write(tmp_path / "lab.csv", SENT_LABELLED, ("text", "label"))
    res = runner.invoke(app, ["eval", str(lab), "--task", "sentiment"])
    assert res.exit_code == 0, res.output
    assert "3 rows (2 skipped without text or label)" in res.output
    bad = _write(tmp_path / "bad.csv", [("hello there", "happy")], ("text", "label"))
    res = runner.invoke(app, ["eval", str(bad), "--task", "sentiment"])
    assert res.exit_code == 1 and "unknown sentiment label(s) 'happy'" in res.output
    res = runner.invoke(app, ["eval", str(lab), "--task", "mood"])
    assert res.exit_code == 2 and "unknown task 'mood'" in res.output
    res = runner.invoke(app, ["train", str(bad), "--task", "stage"])
    assert res.exit_code == 1 and "unknown stage label(s) 'happy'" in res.output


def test_eval_stage_confusion(tmp_path: Path) -> None:
    rows = [
        ("How do I activate the card that came in the post?", "onboarding"),
        ("My transfer to my landlord is still pending.", "usage"),
        ("Please close my account, I'm leaving.", "retention"),
    ]
    lab = _write(tmp_path / "lab.csv", rows, ("message", "stage"))
    res = runner.invoke(
        app,
        [
            "eval",
            str(lab),
            "--task",
            "stage",
            "--text-column",
            "message",
            "--label-column",
            "stage",
        ],
    )
    assert res.exit_code == 0, res.output
    assert "stage: 3 rows" in res.output
    for stage in ("onboarding", "usage", "retention"):
        assert stage in res.output

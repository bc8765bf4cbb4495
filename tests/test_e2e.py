"""End to end on data/sample/: the planted friction themes must come out on top."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from voc import api
from voc.config import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"


def _run(out_dir: Path, monkeypatch: pytest.MonkeyPatch) -> api.RunSummary:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    pipe = load_pipeline(ROOT / "pipelines" / "all-sources.yaml")
    pipe.output.dir = str(out_dir)
    return api.run(pipe)


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[api.RunSummary, Path]:
    mp = pytest.MonkeyPatch()
    out = tmp_path_factory.mktemp("run1")
    try:
        summary = _run(out, mp)
    finally:
        mp.undo()
    return summary, out


def _truth() -> dict[tuple[str, str], str]:
    with open(SAMPLE / ".ground_truth.csv", newline="", encoding="utf-8") as fh:
        return {(r["file"], r["ref"]): r["theme"] for r in csv.DictReader(fh)}


def _planted_stages() -> dict[str, str]:
    with open(SAMPLE / ".ground_truth.csv", newline="", encoding="utf-8") as fh:
        return {r["theme"]: r["stage"] for r in csv.DictReader(fh)}


def _frames(out: Path) -> dict[str, pd.DataFrame]:
    con = duckdb.connect(str(out / "voc.duckdb"), read_only=True)
    try:
        return {
            t: con.execute(f"SELECT * FROM {t}").df()
            for t in ("items", "statements", "themes", "rejects", "runs")
        }
    finally:
        con.close()


def test_outputs_written(sample_run: tuple[api.RunSummary, Path]) -> None:
    summary, out = sample_run
    for name in ("report.html", "report.md", "voc.duckdb"):
        assert (out / name).stat().st_size > 1000


def test_every_record_counted_per_source(sample_run: tuple[api.RunSummary, Path]) -> None:
    summary, out = sample_run
    f = _frames(out)
    items, rejects = f["items"], f["rejects"]
    counts = json.loads(f["runs"]["counts"].iloc[-1])
    assert set(counts) == {"email", "transcript", "survey", "total"}
    for kind in ("email", "transcript", "survey"):
        c = counts[kind]
        assert c["analysed"] == int((items["source_kind"] == kind).sum()) > 0
        assert c["rejected"] == int((rejects["source_kind"] == kind).sum())
        assert c["read"] == c["analysed"] + c["rejected"]
    # every ground-truth item was analysed, none rejected
    refs = {
        (Path(p).relative_to("data/sample").as_posix(), r)
        for p, r in zip(items["source_path"], items["source_ref"], strict=True)
    }
    missing = [k for k in _truth() if k not in refs]
    assert not missing, f"planted items not analysed: {missing[:5]}"


def _top6_planted_labels(out: Path) -> list[tuple[pd.Series, Counter[str]]]:
    """The top 6 themes (by rank, "other" left out), each with its items' planted labels."""
    return _themes_with_labels(out)[:6]


def test_planted_themes_rank_on_top(sample_run: tuple[api.RunSummary, Path]) -> None:
    _, out = sample_run
    planted_stage = _planted_stages()
    matched: dict[str, str] = {}
    report = []
    for th, labels in _top6_planted_labels(out):
        best, n = labels.most_common(1)[0]
        report.append((th["name"], th["stage"], dict(labels)))
        majority = best != "none" and n / labels.total() > 0.5
        if majority and best not in matched.values() and th["stage"] == planted_stage[best]:
            matched[th["theme_id"]] = best
    assert len(matched) >= 5, f"only {len(matched)} of the top 6 match planted themes: {report}"


def test_same_input_same_report(
    sample_run: tuple[api.RunSummary, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, out1 = sample_run
    _run(tmp_path, monkeypatch)
    for name in ("report.md", "report.html"):
        assert (out1 / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_planted_themes_not_split(sample_run: tuple[api.RunSummary, Path]) -> None:
    """No planted theme is the majority of two top-6 themes (bank sync and double billing
    used to come out in two or three pieces each)."""
    _, out = sample_run
    majors = [(labels.most_common(1)[0][0], th["name"]) for th, labels in _top6_planted_labels(out)]
    planted = [b for b, _ in majors if b != "none"]
    assert len(planted) == len(set(planted)), f"a planted theme is split: {majors}"


def _themes_with_labels(out: Path) -> list[tuple[pd.Series, Counter[str]]]:
    """Every theme ("other" left out), by rank, with its items' planted labels."""
    f = _frames(out)
    truth = _truth()
    items = f["items"].set_index("item_id")
    key = {
        iid: (Path(r.source_path).relative_to("data/sample").as_posix(), r.source_ref)
        for iid, r in items.iterrows()
    }
    st = f["statements"]
    rows = []
    for _, th in f["themes"][f["themes"]["theme_id"] != "other"].sort_values("rank").iterrows():
        item_ids = set(st.loc[st["theme_id"] == th["theme_id"], "item_id"])
        rows.append((th, Counter(truth.get(key[i], "none") for i in item_ids)))
    return rows


def test_pricing_is_its_own_theme_at_consideration(
    sample_run: tuple[api.RunSummary, Path],
) -> None:
    """Pricing confusion (consideration) is not merged into double billing (usage)."""
    _, out = sample_run
    rows = [(th["name"], th["stage"], lab.most_common(1)[0][0]) for th, lab in
            _themes_with_labels(out)]
    assert any(stage == "consideration" and best == "pricing_confusing"
               for _, stage, best in rows), rows
    billing = [r for r in rows if r[2] == "double_billing"]
    assert billing and billing[0][1] == "usage", rows


def test_no_theme_of_filler(sample_run: tuple[api.RunSummary, Path]) -> None:
    """No theme is mostly items without a planted theme ("I'm a casual user.", "Not great,
    actually." used to make one), and none is named after such filler."""
    _, out = sample_run
    for th, labels in _themes_with_labels(out):
        best, n = labels.most_common(1)[0]
        assert not (best == "none" and n * 2 > labels.total()), (th["name"], dict(labels))
        assert "casual user" not in th["name"]


def test_theme_names_are_problems_in_the_statements_words(
    sample_run: tuple[api.RunSummary, Path],
) -> None:
    """Top names say what goes wrong ("card verification failed", "can't cancel
    subscription"), in at most five words that the theme's statements contain."""
    import re

    from voc.themes.predicate import is_problem

    _, out = sample_run
    f = _frames(out)
    st = f["statements"]
    for th, _labels in _themes_with_labels(out)[:7]:
        texts = " ".join(st.loc[st["theme_id"] == th["theme_id"], "text"]).lower()
        said = set(re.findall(r"[a-z][a-z'’\-]*", texts.replace("’", "'")))
        if said & {"can't", "cant", "cannot", "couldn't"}:
            said.add("can't")
        words = th["name"].replace(":", "").split()
        assert len(words) <= 5, th["name"]
        assert set(words) <= said, (th["name"], set(words) - said)
        assert is_problem(th["name"]), th["name"]

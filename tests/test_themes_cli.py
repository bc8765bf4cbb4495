"""`voc themes FILE.csv --text-column COL [--all] -o OUT.csv` and the codeframe."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from voc.cli import app
from voc.codeframe import load_codeframe

runner = CliRunner()
pytestmark = pytest.mark.slow  # each run fits the classifiers and embeds

BILLING = [
    "I was charged twice for my subscription this month, this is unacceptable",
    "You billed my card two times for the same plan, I want my money back",
    "Double charged again on my credit card, second month in a row, terrible",
    "Why did you charge me twice?? Fix the billing now, I'm furious",
    "I got charged two times for one order and support ignores me",
    "Duplicate charge on my statement, billing is broken and nobody helps",
]
CRASH = [
    "The app crashes every time I open the camera, it's useless",
    "App keeps crashing on startup since the last update, so annoying",
    "It crashed three times today while I was uploading photos, awful",
    "Crashes constantly on my phone after the update, can't use it at all",
    "The app froze and crashed when I tried to save, I lost my work",
    "Every time I open settings the app crashes, really frustrating",
]
PRAISE = [
    "Love the new design, great job team!",
    "Works perfectly, the best app I have used this year.",
    "Fast delivery and friendly support, thank you.",
]


def _write_csv(path: Path) -> list[list[str]]:
    rows = [["id", "comment", "plan"]]
    texts = BILLING + PRAISE + CRASH
    for i, t in enumerate(texts, start=1):
        rows.append([str(i), t, "pro" if i % 2 else "free"])
    rows.insert(5, ["99", "", "free"])  # no text: kept, no theme
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return rows


def _read(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[list[str]]]:
    d = tmp_path_factory.mktemp("themes")
    src = d / "feedback.csv"
    return src, _write_csv(src)


def test_friction_rows_get_themes_rows_and_columns_kept(
    data: tuple[Path, list[list[str]]], tmp_path: Path
) -> None:
    src, rows = data
    out = tmp_path / "out.csv"
    res = runner.invoke(app, ["themes", str(src), "--text-column", "comment", "-o", str(out)])
    assert res.exit_code == 0, res.output
    got = _read(out)
    assert got[0] == rows[0] + ["theme_id", "theme_name"]
    assert [r[:3] for r in got[1:]] == rows[1:]  # every row, in order, values unchanged
    by_text = {r[1]: (r[3], r[4]) for r in got[1:]}
    billing = {by_text[t][0] for t in BILLING}
    crash = {by_text[t][0] for t in CRASH}
    assert len(billing) == 1 and len(crash) == 1 and billing != crash
    assert "" not in billing | crash and "other" not in billing | crash
    assert all(by_text[t] == ("", "") for t in PRAISE)  # praise is not friction
    assert by_text[""] == ("", "")
    table = _read(tmp_path / "out.themes.csv")
    assert table[0][:3] == ["rank", "theme_id", "name"]
    assert {r[1] for r in table[1:]} == billing | crash
    names = {r[1]: r[2] for r in table[1:]}
    assert "charged twice" in names[next(iter(billing))]
    assert "crash" in names[crash.pop()]


def test_all_clusters_every_row_with_text(
    data: tuple[Path, list[list[str]]], tmp_path: Path
) -> None:
    src, _ = data
    out = tmp_path / "all.csv"
    res = runner.invoke(
        app, ["themes", str(src), "--text-column", "comment", "--all", "-o", str(out)]
    )
    assert res.exit_code == 0, res.output
    got = _read(out)[1:]
    assert all(r[3] for r in got if r[1])  # every row with text has a theme (or "other")
    assert all(r[3] == "" for r in got if not r[1])


def test_bad_input_errors(data: tuple[Path, list[list[str]]], tmp_path: Path) -> None:
    src, _ = data
    res = runner.invoke(app, ["themes", str(src), "--text-column", "nope", "-o", "x.csv"])
    assert res.exit_code == 2
    assert "feedback.csv" in res.output and "'nope'" in res.output
    missing = tmp_path / "missing.csv"
    res = runner.invoke(app, ["themes", str(missing), "--text-column", "c", "-o", "x.csv"])
    assert res.exit_code == 1
    assert "missing.csv" in res.output


def test_codeframe_first_persisted_and_renamed(
    data: tuple[Path, list[list[str]]], tmp_path: Path
) -> None:
    src, _ = data
    cf = tmp_path / "codeframe.yaml"
    cf.write_text(
        yaml.safe_dump(
            {
                "themes": [
                    {
                        "id": "billing",
                        "name": "billed twice",
                        "seeds": ["I was charged twice", "duplicate charge on my card"],
                    },
                    {"id": "shipping", "name": "late delivery", "seeds": ["parcel is late"],
                     "pinned": True},
                ]
            }
        ),
        encoding="utf-8",
    )
    out = tmp_path / "cf.csv"
    args = ["themes", str(src), "--text-column", "comment", "-o", str(out), "--codeframe", str(cf)]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    by_text = {r[1]: (r[3], r[4]) for r in _read(out)[1:]}
    assert all(by_text[t] == ("billing", "billed twice") for t in BILLING)
    frame = load_codeframe(cf)
    ids = [t.id for t in frame.themes]
    assert ids[:2] == ["billing", "shipping"]
    discovered = [t for t in frame.themes if t.origin == "discovered"]
    assert len(discovered) == 1 and 3 <= len(discovered[0].seeds) <= 5
    crash_id = discovered[0].id
    assert all(by_text[t][0] == crash_id for t in CRASH)
    table = {r[1]: r for r in _read(tmp_path / "cf.themes.csv")[1:]}
    assert "shipping" in table  # pinned: listed with no statements
    # the user renames the discovered theme: the next run keeps its id, uses the new name
    raw = yaml.safe_load(cf.read_text(encoding="utf-8"))
    raw["themes"][2]["name"] = "app crashes"
    cf.write_text(yaml.safe_dump(raw), encoding="utf-8")
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    by_text = {r[1]: (r[3], r[4]) for r in _read(out)[1:]}
    assert all(by_text[t] == (crash_id, "app crashes") for t in CRASH)


def test_codeframe_errors(tmp_path: Path) -> None:
    from voc.errors import ConfigError

    bad = tmp_path / "cf.yaml"
    bad.write_text("themes:\n  - id: a\n    name: A\n    seeds: [x]\n    colour: red\n")
    with pytest.raises(ConfigError, match="cf.yaml"):
        load_codeframe(bad)
    bad.write_text("themes:\n  - id: a\n    name: A\n    seeds: [x]\n    merge_into: zz\n")
    with pytest.raises(ConfigError, match="unknown theme id 'zz'"):
        load_codeframe(bad)
    assert load_codeframe(tmp_path / "none.yaml").themes == []

"""Fast mode's MiniLM sample: its size rule, and the run summary and report saying it was used."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from voc.reduce import FAST_SAMPLE, themes_method
from voc.reduce_sample import (
    FAST_SAMPLE_CAP,
    FAST_SAMPLE_FLOOR,
    fast_sample_size,
    sample_positions,
)

ROOT = Path(__file__).resolve().parents[1]


def test_sample_size_has_a_floor_grows_slowly_and_is_bounded() -> None:
    sizes = [fast_sample_size(n) for n in range(0, 200_000, 997)]
    assert sizes == sorted(sizes)  # never shrinks as friction grows
    assert fast_sample_size(0) == 0
    assert fast_sample_size(300) == 300  # fewer than the floor: all of them
    assert fast_sample_size(FAST_SAMPLE_FLOOR) == FAST_SAMPLE_FLOOR
    assert fast_sample_size(FAST_SAMPLE_FLOOR + 1) == FAST_SAMPLE_FLOOR
    assert FAST_SAMPLE_FLOOR < fast_sample_size(8_000) < FAST_SAMPLE_CAP
    from voc.themes.cluster import REFERENCE_SIZE

    assert FAST_SAMPLE_FLOOR >= REFERENCE_SIZE  # the sample gets no small-input grain
    assert fast_sample_size(10**6) == fast_sample_size(10**8) == FAST_SAMPLE_CAP <= FAST_SAMPLE
    # slow growth: a hundred times the statements, far less than ten times the sample
    assert fast_sample_size(1_000_000) < 2 * fast_sample_size(5_000)
    assert all(fast_sample_size(n) <= n for n in (1, 5, 999, 1_001, 5_000))


def test_sample_is_deterministic_for_a_seed_and_bounded() -> None:
    n = 12_345
    k = fast_sample_size(n)
    a, b = sample_positions(n, k, 7), sample_positions(n, k, 7)
    assert np.array_equal(a, b) and len(a) == k and len(set(a.tolist())) == k
    assert a.min() >= 0 and a.max() < n and np.all(np.diff(a) > 0)
    assert not np.array_equal(a, sample_positions(n, k, 8))  # another seed, another sample


def test_themes_method_names_the_sample_and_the_placement() -> None:
    info = {"sample": 1000, "friction": 2257, "threshold": 0.3812}
    text = themes_method(info, "all-MiniLM-L6-v2@onnx")
    assert "MiniLM sample of 1,000 of 2,257 friction statements" in text
    assert "all-MiniLM-L6-v2@onnx" in text
    assert "other 1,257 were placed by the nearest static-embedding centroid" in text
    assert "0.38" in text
    whole = themes_method({"sample": 578, "friction": 578, "threshold": 0.45}, "m")
    assert "578 of 578" in whole and "placed" not in whole.split(";")[0]
    default = themes_method({"sample": 20_000, "friction": 50_000, "threshold": 0.45})
    assert "MiniLM" not in default and "30,000 were placed" in default


@pytest.mark.slow
def test_fast_run_says_it_used_a_sample_and_finds_planted_themes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """300 generated messages with planted topics, fast mode with a 150-statement sample: the
    run summary and the report's method notes say themes came from a MiniLM sample and the
    rest were placed by static centroids, and the items' themes match the planted topics."""
    # item ids hash the source path relative to the working directory, and the sample is
    # drawn by a hash of statement ids: inside tmp_path neither depends on where it is
    monkeypatch.chdir(tmp_path)
    from test_reduce_fast import item_themes, planted_nmi, run_fast

    from voc import workspace as ws

    sys.path.insert(0, str(ROOT / "bench"))
    from generate_inbox import generate

    src = tmp_path / "inbox.csv"
    generate(src, 300, "csv", seed=11)
    out = tmp_path / "out"
    summary = run_fast(src, out, max_sample=150, seed=3, name="fast-sample")
    notes = [n for n in summary.notes if n.startswith("Fast mode: themes were found")]
    assert len(notes) == 1, summary.notes
    assert "MiniLM sample of 150 of" in notes[0]
    assert "placed by the nearest static-embedding centroid" in notes[0]
    report = (out / "report.md").read_text(encoding="utf-8")
    assert notes[0] in report  # the method notes say the same

    con = ws.connect(out / "voc.duckdb", read_only=True)
    themes = item_themes(con)
    con.close()
    nmi = planted_nmi(src, themes)
    # the generator mixes context, asides and stock replies into messages as real mail does
    # (issue 8 part L): 0.43 here, where its repetitive first version gave 0.45+
    assert nmi > 0.35, nmi


def test_cli_summary_prints_the_sample_note(monkeypatch: pytest.MonkeyPatch) -> None:
    """The note a fast run adds is printed by the CLI's run summary (rich markup untouched)."""
    from rich.console import Console

    from voc import cli
    from voc.api import RunSummary

    note = themes_method({"sample": 2000, "friction": 2257, "threshold": 0.27}, "m@onnx")
    summary = RunSummary(
        pipeline="analyze",
        out_dir=Path("out"),
        workspace=Path("out/voc.duckdb"),
        reports=[],
        counts={"total": {"read": 1, "analysed": 1, "rejected": 0}},
        n_statements=1,
        n_friction=1,
        themes=[],
        notes=[note],
    )
    console = Console(record=True, width=400)
    monkeypatch.setattr(cli, "out", console)
    monkeypatch.setitem(cli._state, "quiet", False)
    cli._print_summary(summary)
    text = console.export_text()
    assert f"note: {note}" in text
    assert "MiniLM sample of 2,000 of 2,257" in text and '"other friction"' in text


def test_sample_precision_is_int8_onnx_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fast mode's sample is encoded with ONNX Runtime int8 (its NMI holds on the evaluation
    sets); VOC_SAMPLE_PRECISION chooses another path, a wrong value is a usage error."""
    from voc.embed import onnx_available
    from voc.errors import ConfigError
    from voc.reduce import sample_precision

    monkeypatch.delenv("VOC_SAMPLE_PRECISION", raising=False)
    assert sample_precision() == ("onnx-int8" if onnx_available() else "auto")
    monkeypatch.setenv("VOC_SAMPLE_PRECISION", "ONNX")
    assert sample_precision() == "onnx"
    monkeypatch.setenv("VOC_SAMPLE_PRECISION", "fp8")
    with pytest.raises(ConfigError, match="VOC_SAMPLE_PRECISION") as err:
        sample_precision()
    assert err.value.exit_code == 2


def test_sample_size_rule_at_the_measured_points() -> None:
    """The sizes the rule was chosen on (docs/benchmarks.md, part N): the airline tweets keep
    the floor, Banking77 gets the 3,500 whose int8 NMI passed float32's 3,000."""
    assert fast_sample_size(2_257) == 2_000  # airline tweets' friction statements
    assert fast_sample_size(5_885) == 2_685  # 5,000 generated messages
    assert fast_sample_size(10_003) == 3_500  # Banking77
    assert fast_sample_size(270_000) == 3_500  # 100,000 generated messages: bounded


def test_sample_by_ids_moves_only_the_rows_that_changed() -> None:
    ids = [f"s{i:05d}" for i in range(10_000)]
    a = sample_positions(len(ids), 2_000, 42, ids)
    assert np.array_equal(a, sample_positions(len(ids), 2_000, 42, ids))
    assert len(a) == 2_000 and np.all(np.diff(a) > 0)
    assert not np.array_equal(a, sample_positions(len(ids), 2_000, 43, ids))
    # five rows near the start removed: a positional draw would be redrawn entirely
    kept = ids[:10] + ids[15:]
    b = sample_positions(len(kept), 2_000, 42, kept)
    before = {ids[i] for i in a}
    after = {kept[i] for i in b}
    assert len(before ^ after) <= 20  # the removed rows and as many at the boundary
    old = {ids[i] for i in sample_positions(len(ids), 2_000, 42)}
    moved = {kept[i] for i in sample_positions(len(kept), 2_000, 42)}
    assert len(old ^ moved) > 1_000  # what the positional draw does

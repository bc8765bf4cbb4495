"""The CLI through typer's runner: help, exit codes and one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from voc.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_help_lists_commands() -> None:
    res = runner.invoke(app, ["--help"])
    assert res.exit_code == 0
    for cmd in ("analyze", "run", "validate", "report", "steps"):
        assert cmd in res.output


@pytest.mark.parametrize("cmd", ["analyze", "run", "validate", "report", "steps"])
def test_every_command_has_help(cmd: str) -> None:
    res = runner.invoke(app, [cmd, "--help"])
    assert res.exit_code == 0 and "Usage" in res.output


def test_version() -> None:
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and res.output.startswith("voc ")


def test_validate_ok() -> None:
    res = runner.invoke(app, ["validate", str(ROOT / "pipelines" / "all-sources.yaml")])
    assert res.exit_code == 0, res.output
    assert "valid pipeline 'all-sources'" in res.output


def test_validate_names_bad_key(tmp_path: Path) -> None:
    p = tmp_path / "bad.yaml"
    p.write_text("name: x\nsources:\n  - path: data\n    kind: email\n    optons: {}\n")
    res = runner.invoke(app, ["validate", str(p)])
    assert res.exit_code == 2
    assert "sources[0].optons" in res.output and "did you mean 'options'" in res.output
    assert len(res.output.strip().splitlines()) == 1


def test_validate_missing_pipeline_file(tmp_path: Path) -> None:
    res = runner.invoke(app, ["validate", str(tmp_path / "none.yaml")])
    assert res.exit_code == 2 and "pipeline file not found" in res.output


def test_run_invalid_pipeline_is_usage_error(tmp_path: Path) -> None:
    p = tmp_path / "bad.yaml"
    p.write_text("name: x\nsources: [{path: d}]\nsteps: [{name: embedd}]\n")
    res = runner.invoke(app, ["run", str(p)])
    assert res.exit_code == 2 and "unknown step 'embedd'" in res.output


def test_analyze_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "inbox.mbox"
    res = runner.invoke(app, ["analyze", str(missing), "-o", str(tmp_path / "out")])
    assert res.exit_code == 1
    assert str(missing) in res.output and "not found" in res.output


def test_analyze_nothing_readable(tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("just one line without any speakers\n")
    res = runner.invoke(app, ["analyze", str(junk), "-o", str(tmp_path / "out")])
    assert res.exit_code == 1 and "no customer text could be read" in res.output


def test_report_missing_workspace(tmp_path: Path) -> None:
    res = runner.invoke(app, ["report", str(tmp_path / "voc.duckdb")])
    assert res.exit_code == 1 and "workspace not found" in res.output


def test_report_bad_format(tmp_path: Path) -> None:
    res = runner.invoke(app, ["report", str(tmp_path / "voc.duckdb"), "--format", "pdf"])
    assert res.exit_code == 2 and "unknown format 'pdf'" in res.output


def test_steps_lists_registry() -> None:
    res = runner.invoke(app, ["steps"])
    assert res.exit_code == 0
    for name in ("redact", "segment", "embed", "classify", "friction", "cluster", "name", "rank"):
        assert name in res.output

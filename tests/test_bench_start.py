"""The start shared by the evaluation scripts (bench/eval_classify.start_eval): the eval
folder when there is one; a warning naming what the script does instead when there is not."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from eval_classify import start_eval  # noqa: E402


def test_a_missing_eval_folder_is_reported_and_gives_none(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    log = logging.getLogger("bench_start_test")
    with caplog.at_level(logging.WARNING, logger="bench_start_test"):
        assert start_eval(str(tmp_path / "absent"), log, "skipping them") is None
    assert caplog.messages == ["no shared/eval folder found; skipping them"]


def test_an_existing_eval_folder_is_returned(tmp_path: Path) -> None:
    assert start_eval(str(tmp_path), logging.getLogger("bench_start_test")) == tmp_path

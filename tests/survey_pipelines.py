"""One builder for the sample-survey pipelines that the runner, worker and cache tests run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from voc.config import DEFAULT_STEPS, Pipeline, parse_pipeline

SURVEY = Path(__file__).resolve().parents[1] / "data" / "sample" / "survey" / "nps_survey.csv"


def survey_pipeline(
    out: Path,
    src: Path | None = None,
    *,
    seed: int = 3,
    chunk_size: int = 40,
    stage_threshold: float | None = None,
) -> Pipeline:
    """A pipeline over one survey CSV (the sample's NPS survey by default), Markdown out.

    ``stage_threshold`` sets the classify step's threshold and so spells out every step.
    """
    spec: dict[str, Any] = {
        "name": "t",
        "seed": seed,
        "chunk_size": chunk_size,
        "sources": [
            {
                "path": str(src or SURVEY),
                "kind": "survey",
                "options": {"date_column": "submitted_at", "score_column": "nps"},
            }
        ],
        "output": {"dir": str(out), "formats": ["md"]},
    }
    if stage_threshold is not None:
        steps: list[dict[str, Any]] = [{"name": n} for n in DEFAULT_STEPS]
        at = DEFAULT_STEPS.index("classify")
        steps[at] = {"name": "classify", "with": {"stage_threshold": stage_threshold}}
        spec["steps"] = steps
    return parse_pipeline(spec)

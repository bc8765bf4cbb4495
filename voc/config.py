"""Pipeline files: validated data (pydantic, unknown keys refused).

A pipeline names its sources, the label taxonomies, the steps with their
parameters, the output folder and the seed. Relative paths are resolved against
the directory ``voc`` is run from.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from voc.errors import ConfigError
from voc.ingest.options import SourceOptions


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class SourceSpec(_Strict):
    """Where to read from and how."""

    path: str | list[str] = Field(description="File or folder (or a list of them).")
    kind: Literal["auto", "email", "transcript", "survey", "helpdesk"] = "auto"
    options: SourceOptions = Field(default_factory=SourceOptions)

    @property
    def paths(self) -> list[str]:
        return [self.path] if isinstance(self.path, str) else list(self.path)


class LabelsSpec(_Strict):
    """Taxonomy files; ``None`` means the packaged defaults in ``labels/``."""

    stages: str | None = None
    sentiment: str | None = None
    emotions: str | None = None
    friction_cues: str | None = None


class StepSpec(_Strict):
    """One step of the pipeline and its parameters (``with``)."""

    name: str
    with_: dict[str, Any] = Field(default_factory=dict, alias="with")


class OutputSpec(_Strict):
    """Where results go."""

    dir: str = "out"
    workspace: str = "voc.duckdb"
    formats: list[Literal["html", "md"]] = Field(default_factory=lambda: ["html", "md"])


DEFAULT_STEPS = ("redact", "segment", "embed", "classify", "friction", "cluster", "name", "rank")


class Pipeline(_Strict):
    """A whole pipeline file."""

    name: str
    description: str = ""
    seed: int = 42
    sources: list[SourceSpec] = Field(min_length=1)
    labels: LabelsSpec = Field(default_factory=LabelsSpec)
    steps: list[StepSpec] = Field(default_factory=lambda: [StepSpec(name=n) for n in DEFAULT_STEPS])
    output: OutputSpec = Field(default_factory=OutputSpec)
    fast: bool = Field(False, description="Static (distilled) embeddings: much faster.")
    chunk_size: int = Field(2000, ge=1, description="Items per map chunk (bounds memory).")

    @field_validator("steps")
    @classmethod
    def _steps_known(cls, steps: list[StepSpec]) -> list[StepSpec]:
        from voc.steps import check_steps

        check_steps(steps)
        return steps

    def config_hash(self) -> str:
        """Hash of the analysis configuration (recorded with every run).

        The output location is left out: it does not change any result.
        """
        data = self.model_dump(mode="json", by_alias=True, exclude={"output"})
        blob = json.dumps(data, sort_keys=True)
        return hashlib.sha1(blob.encode()).hexdigest()[:12]

    def step_params(self, name: str) -> dict[str, Any]:
        """Parameters of step ``name`` (empty when absent)."""
        for step in self.steps:
            if step.name == name:
                return step.with_
        return {}


def _loc(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _known_keys(model: type[BaseModel]) -> list[str]:
    return [f.alias or n for n, f in model.model_fields.items()]


def format_validation_error(exc: ValidationError, where: str) -> str:
    """One line naming the offending key, with a close-match suggestion."""
    errors = exc.errors()
    # an unknown key usually explains the other errors (a misspelt required key)
    err = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    loc = _loc(tuple(err["loc"]))
    if err["type"] == "extra_forbidden":
        key = str(err["loc"][-1])
        candidates = _candidate_keys(tuple(err["loc"][:-1]))
        close = difflib.get_close_matches(key, candidates, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        allowed = f"; allowed: {', '.join(candidates)}" if candidates else ""
        return f"{where}: unknown key '{loc}'{hint}{allowed}"
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    return f"{where}: {loc or 'top level'}: {msg}"


def _candidate_keys(parent: tuple[Any, ...]) -> list[str]:
    """Allowed keys at a location in the pipeline model tree."""
    model: type[BaseModel] = Pipeline
    for part in parent:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(str(part))
        if field is None:
            field = next((f for f in model.model_fields.values() if f.alias == part), None)
        if field is None:
            return []
        sub = _model_of(field.annotation)
        if sub is None:
            return []
        model = sub
    return _known_keys(model)


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def parse_pipeline(data: Any, where: str = "pipeline") -> Pipeline:
    """Validate a pipeline given as a dict."""
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping of keys at the top level")
    try:
        return Pipeline.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(format_validation_error(exc, where)) from None


def load_pipeline(path: str | Path) -> Pipeline:
    """Read and validate a pipeline YAML file."""
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"{p}: pipeline file not found")
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ConfigError(f"{p}: not valid YAML ({first})") from None
    return parse_pipeline(data, str(p))

"""The one registry of named pipeline steps.

Each step is a thin adapter: it validates its parameters (``with:`` in the
pipeline), calls library functions and adds columns to the run state. Steps
declare what they need and what they provide, so a pipeline whose steps are
out of order is refused before any data is read.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from voc.errors import ConfigError
from voc.state import RunContext, RunState


class Params(BaseModel):
    """Base of step parameters: unknown keys are refused."""

    model_config = ConfigDict(extra="forbid")


@dataclass(frozen=True)
class StepDef:
    name: str
    func: Callable[[RunState, RunContext, Any], None]
    params: type[Params]
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    doc: str
    phase: str = "reduce"  # map: item by item, chunk by chunk; reduce: needs all statements


REGISTRY: dict[str, StepDef] = {}


def register(
    name: str,
    params: type[Params],
    requires: Sequence[str],
    provides: Sequence[str],
    phase: str = "reduce",
) -> Callable[[Callable[[RunState, RunContext, Any], None]], Callable[..., None]]:
    """Decorator adding a step function to the registry."""

    def deco(func: Callable[[RunState, RunContext, Any], None]) -> Callable[..., None]:
        doc = (func.__doc__ or "").strip().splitlines()[0] if func.__doc__ else ""
        REGISTRY[name] = StepDef(
            name, func, params, tuple(requires), tuple(provides), doc, phase
        )
        return func

    return deco


def _registry() -> dict[str, StepDef]:
    import voc.stepdefs  # noqa: F401  (registers the built-in steps)
    import voc.themesteps  # noqa: F401

    return REGISTRY


def get_step(name: str) -> StepDef:
    """The step called ``name``, or a ConfigError suggesting close names."""
    reg = _registry()
    if name not in reg:
        close = difflib.get_close_matches(name, list(reg), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise ConfigError(f"unknown step '{name}'{hint}; known steps: {', '.join(reg)}")
    return reg[name]


def parse_params(step: StepDef, raw: dict[str, Any], where: str) -> Params:
    """Validate a step's ``with:`` mapping, naming the bad key."""
    try:
        return step.params.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        if err["type"] == "extra_forbidden":
            allowed = list(step.params.model_fields)
            close = difflib.get_close_matches(str(err["loc"][-1]), allowed, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ConfigError(
                f"{where}.with.{key}: unknown parameter{hint}; "
                f"allowed: {', '.join(allowed) or 'none'}"
            ) from None
        raise ConfigError(f"{where}.with.{key}: {err['msg']}") from None


def check_steps(steps: Sequence[Any]) -> None:
    """Names known, parameters valid, each step's inputs provided by an earlier one."""
    available = {"items"}
    seen: set[str] = set()
    reduce_seen = ""
    for i, spec in enumerate(steps):
        where = f"steps[{i}]"
        try:
            step = get_step(spec.name)
        except ConfigError as exc:
            raise ValueError(f"{where}.name: {exc}") from None
        if spec.name in seen:
            raise ValueError(f"{where}.name: step '{spec.name}' is listed twice")
        seen.add(spec.name)
        try:
            parse_params(step, spec.with_, where)
        except ConfigError as exc:
            raise ValueError(str(exc)) from None
        missing = [r for r in step.requires if r not in available]
        if missing:
            providers = [s.name for s in _registry().values() if set(missing) & set(s.provides)]
            raise ValueError(
                f"{where}: step '{spec.name}' needs {', '.join(missing)}, "
                f"which no earlier step provides (add {', '.join(providers)} before it)"
            )
        if step.phase == "map" and reduce_seen:
            raise ValueError(
                f"{where}: map step '{spec.name}' cannot follow reduce step '{reduce_seen}'"
            )
        if step.phase != "map":
            reduce_seen = reduce_seen or spec.name
        available.update(step.provides)


def describe_steps() -> list[tuple[str, str, str, str, list[str]]]:
    """(name, doc, requires, provides, parameters) of every registered step."""
    return [
        (s.name, s.doc, ", ".join(s.requires), ", ".join(s.provides), list(s.params.model_fields))
        for s in _registry().values()
    ]


__all__ = ["Field", "Params", "StepDef", "check_steps", "describe_steps", "get_step", "register"]

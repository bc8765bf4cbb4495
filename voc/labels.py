"""Label taxonomies: journey stages, sentiment, emotions and friction cues.

Taxonomies are YAML files that users may edit or replace. Each loader validates
the file with a pydantic model (unknown keys refused) and raises
:class:`voc.errors.ConfigError` naming the file and the offending key.

>>> taxonomy = load_stages()            # the packaged default, 7 stages
>>> [s.id for s in taxonomy.stages][:2]
['awareness', 'consideration']
"""

from __future__ import annotations

import difflib
import logging
import re
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

import voc
from voc.errors import ConfigError

log = logging.getLogger(__name__)

UNKNOWN = "unknown"
SENTIMENT_IDS = ("negative", "neutral", "positive")
_ID_PATTERN = r"^[a-z][a-z0-9_\-]*$"


def default_labels_dir() -> Path:
    """Folder of the packaged default taxonomies."""
    return Path(voc.__file__).parent / "default_labels"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _clean_texts(values: list[str]) -> list[str]:
    """Strip texts and drop empty ones, keeping order."""
    return [v.strip() for v in values if v and v.strip()]


def _unique_ids(ids: list[str], what: str) -> None:
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ValueError(f"duplicate {what} id(s): {', '.join(dupes)}")


class Stage(_Model):
    """One journey stage: what it means and how customers talk in it."""

    id: str = Field(pattern=_ID_PATTERN)
    name: str
    description: str
    customer_goal: str = ""
    examples: list[str] = Field(default_factory=list)
    #: How common the stage is in your data relative to the others (1 = as common).
    prior: float = Field(default=1.0, gt=0.0, le=100.0)
    #: Phrases (regular expressions, case-insensitive) by which a statement says it is at
    #: this stage ("never fly with you again"): a statement with a stage that contains one
    #: gets this stage, whatever the model and the priors prefer.
    cues: list[str] = Field(default_factory=list)

    _clean = field_validator("examples", "cues")(_clean_texts)

    @field_validator("cues")
    @classmethod
    def _compiles(cls, v: list[str]) -> list[str]:
        for cue in v:
            try:
                re.compile(cue)
            except re.error as exc:
                raise ValueError(f"cue {cue!r} is not a valid regular expression: {exc}") from None
        return v

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, v: str) -> str:
        if v == UNKNOWN:
            raise ValueError(f"'{UNKNOWN}' is reserved for statements that fit no stage")
        return v


class StageTaxonomy(_Model):
    """An ordered list of journey stages (any number, at least two)."""

    version: int | str = 1
    unknown_threshold: float = Field(default=0.3, ge=0.0, le=1.0)
    stages: list[Stage] = Field(min_length=2)

    @model_validator(mode="after")
    def _check_ids(self) -> StageTaxonomy:
        _unique_ids([s.id for s in self.stages], "stage")
        return self

    @property
    def ids(self) -> list[str]:
        return [s.id for s in self.stages]


class SentimentClass(_Model):
    """One sentiment class with its description and examples."""

    id: Literal["negative", "neutral", "positive"]
    description: str = ""
    cues: list[str] = Field(default_factory=list)
    examples: list[str] = Field(min_length=1)

    _clean = field_validator("cues", "examples")(_clean_texts)


class SentimentTaxonomy(_Model):
    """The three sentiment classes: negative, neutral, positive."""

    version: int | str = 1
    classes: list[SentimentClass]

    @model_validator(mode="after")
    def _check_ids(self) -> SentimentTaxonomy:
        ids = [c.id for c in self.classes]
        _unique_ids(ids, "sentiment")
        if sorted(ids) != sorted(SENTIMENT_IDS):
            raise ValueError(f"classes must be exactly {', '.join(SENTIMENT_IDS)}")
        return self

    def by_id(self, class_id: str) -> SentimentClass:
        return next(c for c in self.classes if c.id == class_id)


class Emotion(_Model):
    """One emotion: polarity, description, cue phrases and examples."""

    id: str = Field(pattern=_ID_PATTERN)
    polarity: Literal["negative", "neutral", "positive"]
    description: str = ""
    cues: list[str] = Field(default_factory=list)
    examples: list[str] = Field(min_length=1)

    _clean = field_validator("cues", "examples")(_clean_texts)


class EmotionTaxonomy(_Model):
    """Emotions to detect; statements with no clear emotion get ``none_label``."""

    version: int | str = 1
    none_label: str = "none"
    emotions: list[Emotion] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_ids(self) -> EmotionTaxonomy:
        ids = [e.id for e in self.emotions]
        _unique_ids(ids, "emotion")
        if self.none_label in ids:
            raise ValueError(f"none_label '{self.none_label}' must not also be an emotion id")
        return self


class CueGroup(_Model):
    """A group of problem cue phrases and how strongly one match signals friction."""

    id: str = Field(pattern=_ID_PATTERN)
    weight: float = Field(default=0.7, ge=0.0, le=1.0)
    phrases: list[str] = Field(min_length=1)
    #: The group grades ("terrible", "frustrating") without saying what went wrong.
    evaluative: bool = False

    _clean = field_validator("phrases")(_clean_texts)


class FrictionCues(_Model):
    """Problem cue groups plus the scoring parameters of the friction detector."""

    version: int | str = 1
    threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    negativity_weight: float = Field(default=0.5, ge=0.0, le=1.0)
    negativity_alone: float = Field(default=0.75, ge=0.0, le=1.0)
    negators: list[str] = Field(default_factory=list)
    groups: list[CueGroup] = Field(min_length=1)
    #: Without a non-evaluative cue, a statement needs this many topic words to be friction.
    min_topic_words: int = Field(default=0, ge=0)
    #: Words that grade or hedge ("great", "actually", "thing") and so are not topic words.
    vague_words: list[str] = Field(default_factory=list)
    #: When true, the sentiment model's negativity counts only where the words back it.
    corroborate: bool = False
    #: When true, negativity alone is not friction in an item scored at the top of its scale.
    satisfied_needs_cue: bool = False
    #: Contrast and regret words that back negativity ("but", "unfortunately", "wish").
    contrast_words: list[str] = Field(default_factory=list)

    _clean = field_validator("negators")(_clean_texts)

    @model_validator(mode="after")
    def _check_ids(self) -> FrictionCues:
        _unique_ids([g.id for g in self.groups], "cue group")
        return self


M = TypeVar("M", bound=BaseModel)


def _format_loc(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _allowed_keys(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """Field names of the (nested) model at ``loc``, for 'did you mean' hints."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if field is None:
            return []
        ann = field.annotation
        args = getattr(ann, "__args__", ())
        current = args[0] if args else ann
    return list(getattr(current, "model_fields", {}))


def _describe(model: type[BaseModel], err: dict[str, Any]) -> str:
    loc = tuple(err.get("loc", ()))
    where = _format_loc(loc)
    if err.get("type") == "extra_forbidden":
        key = str(loc[-1]) if loc else ""
        close = difflib.get_close_matches(key, _allowed_keys(model, loc), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"{where}: unknown key{hint}"
    return f"{where}: {err.get('msg', 'invalid value')}"


def _load(model: type[M], path: Path | None, default_name: str) -> M:
    path = Path(path) if path is not None else default_labels_dir() / default_name
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: label file not found") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{path}:{line} invalid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping of keys at the top level")
    try:
        obj = model.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(_describe(model, e) for e in exc.errors())
        raise ConfigError(f"{path}: {problems}") from None
    log.debug("loaded %s from %s", model.__name__, path)
    return obj


def load_stages(path: Path | None = None) -> StageTaxonomy:
    """Journey stages from ``path`` (default: the packaged 7-stage map)."""
    return _load(StageTaxonomy, path, "journey_stages.yaml")


def load_sentiment(path: Path | None = None) -> SentimentTaxonomy:
    """Sentiment classes and examples from ``path`` (default: packaged)."""
    return _load(SentimentTaxonomy, path, "sentiment.yaml")


def load_emotions(path: Path | None = None) -> EmotionTaxonomy:
    """Emotion taxonomy from ``path`` (default: packaged)."""
    return _load(EmotionTaxonomy, path, "emotions.yaml")


STAGELESS_FILE = "journey_stages_unknown.yaml"


class Stageless(_Model):
    """Statements that belong to no stage (``journey_stages_unknown.yaml``)."""

    version: int | str = 1
    examples: list[str] = Field(min_length=1)

    _clean = field_validator("examples")(_clean_texts)


def load_stageless(path: Path | None = None) -> list[str]:
    """Stage-less example statements (default: the packaged file), for any taxonomy."""
    return list(_load(Stageless, path, STAGELESS_FILE).examples)


def load_friction_cues(path: Path | None = None) -> FrictionCues:
    """Friction cue phrases and scoring parameters from ``path`` (default: packaged)."""
    return _load(FrictionCues, path, "friction_cues.yaml")

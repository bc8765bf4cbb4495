"""Options that tell the readers how to interpret a source."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class SourceOptions(BaseModel):
    """Per-source hints; every field is optional and unknown keys are refused.

    Example::

        SourceOptions(agent_domains=["ledgerly.com"], text_columns=["What could we improve?"])
    """

    model_config = ConfigDict(extra="forbid")

    agent_domains: list[str] = []
    """Sender domains whose mail is agent text (context only), e.g. ``["ledgerly.com"]``."""
    interviewers: list[str] = []
    """Speaker names that are interviewers; empty = pick by heuristic."""
    text_columns: list[str] | None = None
    """Survey open-ended columns; None = detect."""
    date_column: str | None = None
    score_column: str | None = None
    score_kind: str | None = None
    """``nps`` | ``csat`` | ``rating``; None = infer from the column name and value range."""
    id_column: str | None = None
    attribute_columns: list[str] | None = None
    """Segment columns; None = detect low-cardinality categoricals."""
    encoding: str | None = None
    """Text encoding of the files; None = detect."""

"""Options that tell the readers how to interpret a source."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class ColumnMapping(BaseModel):
    """Which column (CSV) or key (JSON, dotted paths allowed) holds what.

    Example (pipeline YAML)::

        options: {columns: {text: text, id: tweet_id, date: tweet_created,
                            author_role: inbound, attributes: [airline]}}
    """

    model_config = ConfigDict(extra="forbid")

    text: str | list[str]
    """Column(s) with the customer's words; several are joined with a blank line."""
    id: str | None = None
    date: str | None = None
    author: str | None = None
    """Author identity (hashed into ``customer_id``, used for name redaction)."""
    author_role: str | None = None
    """Column telling customer from agent; see ``customer_roles``."""
    names: list[str] = []
    """Columns holding person names (requester, agent) to redact in the row's thread;
    columns called ``name``, ``full_name``, ``requester_name``, ``customer_name`` ... are
    used without being listed."""
    thread: str | None = None
    question: str | None = None
    score: str | None = None
    score_kind: str | None = None
    attributes: list[str] = []
    records: str | None = None
    """JSON only: dotted key of the list of records (e.g. ``data.tickets``); None = the top
    level list, or the first list value of the top level object."""

    @property
    def text_columns(self) -> list[str]:
        return [self.text] if isinstance(self.text, str) else list(self.text)


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
    languages: list[str] = ["en"]
    """ISO 639-1 codes analysed; items confidently in another language are rejected.
    An empty list accepts every language."""
    max_chars: int = 100_000
    """Longer texts are rejected (a runaway field, a pasted log) instead of analysed."""
    format: str | None = None
    """Export format: ``zendesk``, ``freshdesk``, ``intercom``, ``helpscout``, ``table``
    (generic, needs ``columns``); None = detect from the file."""
    columns: ColumnMapping | None = None
    """Generic column mapping for any CSV / JSON export (see :class:`ColumnMapping`)."""
    customer_roles: list[str] = []
    """Values of the author-role column that mean "customer" (added to the built-in ones:
    customer, end-user, end_user, user, contact, lead, requester, true)."""

"""``voc ingest``: read, clean and redact sources into an items table, without analysing."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from voc.cli import (
    AgentDomainOpt,
    InterviewerOpt,
    TextColumnOpt,
    _handle_errors,
    _state,
    app,
    out,
)


class Kind(StrEnum):
    """Source kinds accepted by --kind."""

    auto = "auto"
    email = "email"
    transcript = "transcript"
    survey = "survey"
    helpdesk = "helpdesk"


@app.command()
@_handle_errors
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Files or folders: mailboxes, .eml, transcripts (.txt/.vtt/.srt/.docx), "
            "survey CSV/XLSX, helpdesk exports (Zendesk, Freshdesk, Intercom, Help Scout)."
        ),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Items file to write: items.csv or items.parquet."),
    ],
    kind: Annotated[Kind, typer.Option(help="Source kind (default: by file type).")] = Kind.auto,
    text_column: TextColumnOpt = None,
    agent_domain: AgentDomainOpt = None,
    interviewer: InterviewerOpt = None,
    language: Annotated[
        list[str] | None,
        typer.Option(help="Language code to keep (repeat; default en; 'any' keeps all)."),
    ] = None,
) -> None:
    """Write cleaned, redacted items and rejects.csv beside them; print read/analysed/rejected."""
    from voc.ingest.export import export_items
    from voc.ingest.options import SourceOptions

    langs = ["en"] if not language else [x for x in language if x.lower() != "any"]
    options = SourceOptions(
        text_columns=[text_column] if text_column else None,
        agent_domains=agent_domain or [],
        interviewers=interviewer or [],
        languages=langs,
    )
    summary = export_items(paths, output, kind.value, options)
    if _state["quiet"]:
        return
    t = Table(show_edge=False)
    for col in ("source", "read", "analysed", "rejected"):
        t.add_column(col, justify="left" if col == "source" else "right")
    for k, c in sorted(summary.by_kind.items()):
        t.add_row(k, str(c["analysed"] + c["rejected"]), str(c["analysed"]), str(c["rejected"]))
    t.add_row(
        "total", str(summary.read), str(summary.analysed), str(summary.rejected), style="bold"
    )
    for note in summary.notes:
        out.print(escape(note), style="dim", highlight=False, soft_wrap=True)
    out.print(t)
    out.print(
        f"read {summary.read}, analysed {summary.analysed}, rejected {summary.rejected}; "
        f"wrote {summary.items_path} and {summary.rejects_path}",
        highlight=False,
        soft_wrap=True,
    )

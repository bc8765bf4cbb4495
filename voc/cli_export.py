"""``voc export``: the workspace's items, statements, themes and rejects as CSV, Parquet or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from voc.cli import _handle_errors, _state, app, out


@app.command("export")
@_handle_errors
def export_cmd(
    workspace: Annotated[
        Path, typer.Argument(help="Workspace file written by a run (e.g. out/voc.duckdb).")
    ],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="csv, parquet or json (a JSON array per table).")
    ] = "csv",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Output folder (default: export/ beside the workspace)."
        ),
    ] = None,
) -> None:
    """Export items, statements, themes and rejects (schema: docs/schema.md) for other tools."""
    from voc import api

    for p in api.export(workspace, fmt, output):
        if not _state["quiet"]:
            out.print(f"wrote {p}", highlight=False)

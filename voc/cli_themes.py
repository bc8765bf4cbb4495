"""``voc themes``: friction themes for every row of a CSV (registered on :data:`voc.cli.app`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from voc.cli import _handle_errors, _state, app, out


@app.command("themes")
@_handle_errors
def themes(
    file: Annotated[Path, typer.Argument(help="Input CSV, one response per row.")],
    text_column: Annotated[str, typer.Option("--text-column", help="Column with the text.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Output CSV to write.")],
    all_rows: Annotated[
        bool, typer.Option("--all", help="Cluster every row, not only friction rows.")
    ] = False,
    codeframe: Annotated[
        Path | None,
        typer.Option("--codeframe", help="Codeframe YAML: your themes first; updated after."),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Random seed.")] = 42,
) -> None:
    """Add theme_id and theme_name to every row; write the ranked theme table beside OUT."""
    from voc.themes.csvthemes import themes_csv

    res = themes_csv(file, text_column, output, all_rows=all_rows, seed=seed, codeframe=codeframe)
    if _state["quiet"]:
        return
    out.print(
        f"{res.n_rows} rows, {res.n_text} with text, {res.n_friction} "
        f"{'clustered' if all_rows else 'friction'}: {res.n_themed} in themes, "
        f"{res.n_other} in other"
    )
    for t in res.themes[:10]:
        rank = "-" if t["rank"] is None else t["rank"]
        out.print(f"  {rank:>3}  {t['name']} ({t['n_items']})")
    out.print(f"wrote {res.out}")
    out.print(f"wrote {res.table_path}")

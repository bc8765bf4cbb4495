"""``voc`` command line: parse options, call :mod:`voc.api`, render with rich.

Exit codes: 0 ran, 1 data error (nothing readable, bad workspace), 2 usage or
configuration error (bad option, invalid pipeline).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from voc import __version__
from voc.errors import VocError

app = typer.Typer(
    name="voc",
    help="Voice of customer: from inboxes, interviews and surveys to a ranked journey friction "
    "report.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
out = Console()
err = Console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])
_state = {"quiet": False}

# Options shared by several commands, defined once so their help stays the same.
TextColumnOpt = Annotated[
    str | None, typer.Option(help="Open-ended text column of a CSV/XLSX (default: detect).")
]
AgentDomainOpt = Annotated[
    list[str] | None, typer.Option(help="E-mail domain of your support agents (repeat).")
]
InterviewerOpt = Annotated[
    list[str] | None, typer.Option(help="Interviewer name in transcripts (repeat).")
]
FastOpt = Annotated[
    bool, typer.Option("--fast", help="Static embeddings distilled from MiniLM: much faster.")
]
ClusterOpt = Annotated[
    str | None,
    typer.Option(help="Run the map phase on Dask: tcp://HOST:8786 or local:N (N workers)."),
]
WorkersOpt = Annotated[
    int | None,
    typer.Option(
        min=1, help="Map-phase worker processes (default: VOC_WORKERS, else one per core)."
    ),
]
RefitOpt = Annotated[
    bool, typer.Option("--refit", help="Re-cluster all themes instead of keeping them.")
]


def _handle_errors(func: F) -> F:
    """Turn library errors into one stderr line and the right exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except VocError as exc:
            err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        out.print(f"voc {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show debug logs.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only print errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show version.")
    ] = False,
) -> None:
    """Analyse customer feedback into a journey-map friction report."""
    _state["quiet"] = quiet
    level = logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(
        level=level,
        handlers=[RichHandler(console=err, show_path=False)],
        format="%(message)s",
        force=True,
    )


class _Bar:
    """Rich progress bar fed by the library's progress callback."""

    def __init__(self) -> None:
        self.progress = Progress(
            TextColumn("[bold]{task.description:<9}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            disable=_state["quiet"],
            transient=False,
        )
        self.tasks: dict[str, Any] = {}

    def __call__(self, step: str, advance: int, total: int) -> None:
        # total 0: not known yet (sources still streaming); a later, larger total replaces it
        if step not in self.tasks:
            self.tasks[step] = self.progress.add_task(step, total=total if total > 0 else None)
        elif total > 0 and total != self.progress.tasks[self.tasks[step]].total:
            self.progress.update(self.tasks[step], total=total)
        self.progress.advance(self.tasks[step], advance)


def _themes_phrase(shown: int, total: int) -> str:
    """"118 themes, the top 10 shown below" (or all of them, when that is all)."""
    if total <= shown:
        return f"{total} ranked themes shown below"
    return f"{total} ranked themes, the top {shown} shown below"


def _print_summary(summary: Any) -> None:
    if _state["quiet"]:
        return
    t = Table(title="Records", show_edge=False)
    for col in ("source", "read", "analysed", "rejected"):
        t.add_column(col, justify="left" if col == "source" else "right")
    for kind, c in summary.counts.items():
        style = "bold" if kind == "total" else ""
        t.add_row(kind, str(c["read"]), str(c["analysed"]), str(c["rejected"]), style=style)
    out.print(t)
    out.print(
        f"{summary.n_statements} statements, {summary.n_friction} friction, "
        + _themes_phrase(len(summary.themes), getattr(summary, "n_themes", len(summary.themes)))
        + (f", {summary.cache_hits} vectors from cache" if summary.cache_hits else "")
        + f", {getattr(summary, 'n_new_items', 0)} items analysed in this run"
    )
    if summary.themes:
        th = Table(title="Top friction themes", show_edge=False)
        for col in ("#", "theme", "stage", "items", "impact"):
            th.add_column(col, justify="right" if col in ("#", "items", "impact") else "left")
        for row in summary.themes:
            th.add_row(
                str(row["rank"]),
                str(row["name"]),
                str(row["stage"]),
                str(row["n_items"]),
                f"{row['impact']:.1f}",
            )
        out.print(th)
    for note in summary.notes:
        out.print(f"[dim]note: {note}[/]", highlight=False)
    for p in [summary.workspace, *summary.reports]:
        out.print(f"wrote {p}")


def _run_options(
    fast: bool, cluster: str | None, refit: bool, workers: int | None = None
) -> Any:
    from voc.runner import RunOptions

    if cluster:
        from voc.distributed import parse_cluster

        parse_cluster(cluster)  # a bad address is a usage error before anything is read
    return RunOptions(fast=fast, cluster=cluster, refit=refit, workers=workers)


@app.command()
@_handle_errors
def analyze(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files or folders: mailboxes, .eml, transcripts, survey CSV/XLSX."),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Output folder.")] = Path("out"),
    text_column: TextColumnOpt = None,
    date_column: Annotated[
        str | None, typer.Option(help="Date column of a CSV/XLSX (default: detect).")
    ] = None,
    agent_domain: AgentDomainOpt = None,
    interviewer: InterviewerOpt = None,
    seed: Annotated[int, typer.Option(help="Seed for every random choice.")] = 42,
    fast: FastOpt = False,
    cluster: ClusterOpt = None,
    refit: RefitOpt = False,
    workers: WorkersOpt = None,
) -> None:
    """Analyse files and folders with the default all-sources pipeline."""
    from voc import api

    pipeline = api.default_pipeline(
        [str(p) for p in paths],
        str(output),
        text_column,
        date_column,
        agent_domain or [],
        interviewer or [],
        seed=seed,
    )
    bar = _Bar()
    with bar.progress:
        summary = api.run(pipeline, bar, _run_options(fast, cluster, refit, workers))
    _print_summary(summary)


@app.command("run")
@_handle_errors
def run_cmd(
    pipeline: Annotated[
        Path, typer.Argument(help="Pipeline YAML file, e.g. pipelines/all-sources.yaml.")
    ],
    fast: FastOpt = False,
    cluster: ClusterOpt = None,
    refit: RefitOpt = False,
    workers: WorkersOpt = None,
) -> None:
    """Run a declarative pipeline: ingest, analyse, write the workspace and the report."""
    from voc import api

    bar = _Bar()
    pipe = api.validate(pipeline)
    with bar.progress:
        summary = api.run(pipe, bar, _run_options(fast, cluster, refit, workers))
    _print_summary(summary)


@app.command()
@_handle_errors
def validate(
    pipeline: Annotated[Path, typer.Argument(help="Pipeline YAML file to check.")],
) -> None:
    """Check a pipeline file without reading any data."""
    from voc import api

    pipe = api.validate(pipeline)
    if not _state["quiet"]:
        out.print(
            f"{pipeline}: valid pipeline '{pipe.name}' with {len(pipe.sources)} source(s) "
            f"and steps {', '.join(s.name for s in pipe.steps)}",
            highlight=False,
        )


@app.command()
@_handle_errors
def report(
    workspace: Annotated[
        Path, typer.Argument(help="Workspace file written by a run (e.g. out/voc.duckdb).")
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Output folder (default: beside the workspace)."),
    ] = None,
    fmt: Annotated[
        list[str] | None, typer.Option("--format", "-f", help="html and/or md (repeat).")
    ] = None,
) -> None:
    """Re-render the report from a workspace without re-analysing."""
    from voc import api
    from voc.errors import ConfigError

    formats = tuple(fmt or ("html", "md"))
    bad = [f for f in formats if f not in ("html", "md")]
    if bad:
        raise ConfigError(f"--format: unknown format '{bad[0]}' (use html or md)")
    for p in api.report(workspace, output, formats):
        if not _state["quiet"]:
            out.print(f"wrote {p}")


@app.command()
def steps() -> None:
    """List the pipeline steps with what they need, provide and accept."""
    from voc.steps import describe_steps

    t = Table(show_edge=False)
    for col in ("step", "what it does", "needs", "provides", "parameters"):
        t.add_column(col)
    for name, doc, req, prov, params in describe_steps():
        t.add_row(name, doc, req, prov, ", ".join(params))
    out.print(t)


from voc import cli_classify as _cli_classify  # noqa: E402,F401  (classify, eval, train)
from voc import cli_export as _cli_export  # noqa: E402, F401  (registers `voc export`)
from voc import cli_ingest as _cli_ingest  # noqa: E402,F401  (registers `voc ingest`)
from voc import cli_themes as _cli_themes  # noqa: E402,F401  (registers `voc themes`)

if __name__ == "__main__":  # pragma: no cover
    app()

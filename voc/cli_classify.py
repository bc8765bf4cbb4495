"""``voc classify``, ``voc eval`` and ``voc train``: statement classifiers on tables.

Registered on :data:`voc.cli.app` when :mod:`voc.cli` imports this module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from voc.cli import _Bar, _handle_errors, _state, app, out

StagesOpt = Annotated[
    Path | None,
    typer.Option("--stages", help="Journey-stage taxonomy YAML (default: packaged 7 stages)."),
]
SentimentOpt = Annotated[
    Path | None, typer.Option("--sentiment-labels", help="Sentiment YAML (default: packaged).")
]
EmotionsOpt = Annotated[
    Path | None, typer.Option("--emotions", help="Emotions YAML (default: packaged).")
]
ExamplesOpt = Annotated[
    Path | None,
    typer.Option(
        "--examples",
        help="Example store written by `voc train` (default: $VOC_EXAMPLES or "
        ".voc/examples.csv when it exists).",
    ),
]
NoExamplesOpt = Annotated[
    bool, typer.Option("--no-examples", help="Ignore stored user examples (zero-shot).")
]
TextColOpt = Annotated[str, typer.Option("--text-column", help="Column holding the text.")]
SeedOpt = Annotated[int, typer.Option(help="Seed for every random choice.")]


def _store(examples: Path | None, no_examples: bool) -> Path | None:
    from voc.classify.examples import default_store

    if no_examples:
        return None
    return examples if examples is not None else default_store()


def _build(
    stages: Path | None,
    sentiment: Path | None,
    emotions: Path | None,
    store: Path | None,
    threshold: float | None,
    seed: int,
) -> Any:
    from voc.classify.batch import build_classifiers
    from voc.errors import DataError

    if store is not None and not Path(store).is_file():
        from voc.classify.examples import default_store

        if store != default_store():
            raise DataError(f"{store}: example store not found (run `voc train` first)")
        store = None
    return build_classifiers(
        stages=stages,
        sentiment=sentiment,
        emotions=emotions,
        examples=store,
        threshold=threshold,
        seed=seed,
    )


@app.command()
@_handle_errors
def classify(
    file: Annotated[Path, typer.Argument(help="CSV or XLSX file with one text per row.")],
    text_column: TextColOpt,
    output: Annotated[Path, typer.Option("--output", "-o", help="Output CSV file.")],
    statements: Annotated[
        Path | None,
        typer.Option(help="Also write one row per statement (sentence) to this CSV."),
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(min=0.0, max=1.0, help="Stage confidence below which the stage is unknown."),
    ] = None,
    stages: StagesOpt = None,
    sentiment_labels: SentimentOpt = None,
    emotions: EmotionsOpt = None,
    examples: ExamplesOpt = None,
    no_examples: NoExamplesOpt = False,
    seed: SeedOpt = 0,
) -> None:
    """Add stage, stage_confidence, sentiment, sentiment_score and emotion to every row."""
    from voc.classify.batch import classify_file

    models = _build(
        stages, sentiment_labels, emotions, _store(examples, no_examples), threshold, seed
    )
    bar = _Bar()
    with bar.progress:
        res = classify_file(
            models,
            file,
            text_column,
            output,
            statements_output=statements,
            progress=lambda done, total: bar("classify", done, total),
        )
    if _state["quiet"]:
        return
    out.print(
        f"{res.n_rows} rows classified ({res.n_empty} without text), "
        f"embedding {res.timings.get('embed', 0):.1f} s, "
        f"classifiers {res.timings.get('classify', 0):.1f} s",
        highlight=False,
    )
    for col, counts in res.counts.items():
        out.print(f"{col}: " + ", ".join(f"{k} {v}" for k, v in counts.items()), highlight=False)
    out.print(f"wrote {res.output}")
    if res.statements_output is not None:
        out.print(f"wrote {res.statements_output}")


@app.command("eval")
@_handle_errors
def eval_cmd(
    file: Annotated[Path, typer.Argument(help="Labelled CSV or XLSX file.")],
    task: Annotated[
        str, typer.Option(help="What the labels are: stage, sentiment or emotion.")
    ] = "sentiment",
    text_column: Annotated[str, typer.Option(help="Column holding the text.")] = "text",
    label_column: Annotated[str, typer.Option(help="Column holding the gold label.")] = "label",
    threshold: Annotated[
        float | None,
        typer.Option(min=0.0, max=1.0, help="Stage confidence below which the stage is unknown."),
    ] = None,
    stages: StagesOpt = None,
    sentiment_labels: SentimentOpt = None,
    emotions: EmotionsOpt = None,
    examples: ExamplesOpt = None,
    no_examples: NoExamplesOpt = False,
    seed: SeedOpt = 0,
) -> None:
    """Print accuracy, macro-F1, per-class scores and the confusion matrix on labelled data."""
    from voc.classify.evaluate import evaluate_file
    from voc.classify.examples import check_task

    check_task(task)
    models = _build(
        stages, sentiment_labels, emotions, _store(examples, no_examples), threshold, seed
    )
    bar = _Bar()
    with bar.progress:
        res = evaluate_file(
            models,
            file,
            task,
            text_column,
            label_column,
            progress=lambda done, total: bar("classify", done, total),
        )
    out.print(
        f"{task}: {res.n} rows ({res.n_rejected} skipped without text or label)  "
        f"accuracy {res.accuracy:.3f}  macro-F1 {res.macro_f1:.3f}",
        highlight=False,
    )
    t = Table(title="Per class", show_edge=False)
    for col in ("class", "precision", "recall", "F1", "support"):
        t.add_column(col, justify="left" if col == "class" else "right")
    for c, (p, r, f, s) in res.per_class.items():
        t.add_row(c, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", str(s))
    out.print(t)
    cm = Table(title="Confusion matrix (rows: gold, columns: predicted)", show_edge=False)
    cm.add_column("gold \\ predicted")
    for c in res.classes:
        cm.add_column(c, justify="right")
    for i, c in enumerate(res.classes):
        if i < len(res.per_class):
            cm.add_row(c, *[str(int(v)) for v in res.confusion[i]])
    out.print(cm)


@app.command()
@_handle_errors
def train(
    file: Annotated[Path, typer.Argument(help="Labelled CSV or XLSX file.")],
    task: Annotated[
        str, typer.Option(help="What the labels are: stage, sentiment or emotion.")
    ] = "sentiment",
    text_column: Annotated[str, typer.Option(help="Column holding the text.")] = "text",
    label_column: Annotated[str, typer.Option(help="Column holding the label.")] = "label",
    examples: Annotated[
        Path | None,
        typer.Option(
            "--examples",
            help="Example store to add to (default: $VOC_EXAMPLES or .voc/examples.csv).",
        ),
    ] = None,
    stages: StagesOpt = None,
    emotions: EmotionsOpt = None,
) -> None:
    """Store labelled examples that `voc classify`, `voc eval` and pipelines then learn from."""
    from voc.classify.examples import (
        add_examples,
        check_labels,
        check_task,
        default_store,
        read_labelled,
    )
    from voc.labels import SENTIMENT_IDS, load_emotions, load_stages

    check_task(task)
    data = read_labelled(file, text_column, label_column)
    if task == "stage":
        allowed = load_stages(stages).ids
    elif task == "sentiment":
        allowed = list(SENTIMENT_IDS)
    else:
        tax = load_emotions(emotions)
        allowed = [e.id for e in tax.emotions] + [tax.none_label]
    check_labels(data.labels, allowed, file, task)
    store = examples if examples is not None else default_store()
    n, total = add_examples(store, task, data.texts, data.labels)
    if not _state["quiet"]:
        per = {lab: data.labels.count(lab) for lab in sorted(set(data.labels))}
        out.print(
            f"stored {n} {task} examples from {file} "
            f"({', '.join(f'{k} {v}' for k, v in per.items())}; "
            f"{len(data.rejects)} rows skipped without text or label); "
            f"{total} {task} examples now in {store}",
            highlight=False,
        )

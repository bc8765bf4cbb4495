"""Classify the rows of a table: statements first, then each row as a whole.

Each row's text is split into statements (sentences); every statement gets a
stage, a sentiment and an emotion, and the row gets the aggregate
(:func:`~voc.classify.stage.item_stage`, :func:`~voc.classify.sentiment.item_sentiment`),
so an e-mail with praise and one complaint is negative as a row while its
statements keep both labels. Rows without text still get a row: stage
``unknown``, sentiment ``neutral``, emotion ``none``.

Work goes in chunks of rows so memory stays bounded on large files.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from voc.classify import model_cache
from voc.classify._match import for_embedding
from voc.classify.context import OWN, inherit_item_stage, reacts
from voc.classify.emotion import EmotionClassifier
from voc.classify.examples import check_labels, load_examples
from voc.classify.sentiment import SentimentClassifier, item_sentiment
from voc.classify.stage import StageClassifier, is_fragment, item_stage, load_stageless
from voc.classify.vector_cache import CachedEncoder
from voc.embed import DIM, Embedder
from voc.labels import SENTIMENT_IDS, UNKNOWN, load_emotions, load_sentiment, load_stages
from voc.repeats import first_rows, first_seen
from voc.segment import split_many

log = logging.getLogger(__name__)

#: Output columns added to every row, in this order.
OUTPUT_COLUMNS = ["stage", "stage_confidence", "sentiment", "sentiment_score", "emotion"]
#: Columns of the optional statement-level output.
STATEMENT_COLUMNS = ["row", "position", "text", *OUTPUT_COLUMNS, "stage_source"]
CHUNK_ROWS = 2000

Progress = Callable[[int, int], None]


def _no_progress(done: int, total: int) -> None:
    return None


@dataclass
class Classifiers:
    """The three fitted statement classifiers and the embedder they share."""

    embedder: Embedder
    stage: StageClassifier
    sentiment: SentimentClassifier
    emotion: EmotionClassifier
    timings: dict[str, float] = field(default_factory=dict)


def build_classifiers(
    embedder: Embedder | None = None,
    stages: Path | None = None,
    sentiment: Path | None = None,
    emotions: Path | None = None,
    examples: Path | None = None,
    threshold: float | None = None,
    seed: int = 0,
) -> Classifiers:
    """Fit the classifiers from label files (default: packaged) and stored user examples."""
    emb = embedder or Embedder()
    encode = CachedEncoder(emb.encode, emb.model_id)
    stage_tax = load_stages(stages)
    sent_tax = load_sentiment(sentiment)
    emo_tax = load_emotions(emotions)
    st_x, st_y = load_examples(examples, "stage")
    se_x, se_y = load_examples(examples, "sentiment")
    em_x, em_y = load_examples(examples, "emotion")
    stageless = load_stageless()  # part of the key: an edited stage-less list means a new fit
    where = examples if examples is not None else "example store"
    check_labels(st_y, stage_tax.ids, where, "stage")
    check_labels(se_y, list(SENTIMENT_IDS), where, "sentiment")
    check_labels(em_y, [e.id for e in emo_tax.emotions] + [emo_tax.none_label], where, "emotion")

    def fit() -> tuple[StageClassifier, SentimentClassifier, EmotionClassifier]:
        # One BLAS thread: the fitted weights (and so every score) must not depend on how many
        # threads a process has, or a Dask worker and a local run would disagree in the last
        # digits.
        with threadpool_limits(limits=1, user_api="blas"):
            return (
                StageClassifier(
                    stage_tax, threshold=threshold, seed=seed, stageless=stageless
                ).fit(encode, st_x, st_y),
                SentimentClassifier(sent_tax, seed=seed).fit(encode, se_x, se_y),
                EmotionClassifier(emo_tax, seed=seed).fit(encode, em_x, em_y),
            )

    # Fitted once per taxonomy, examples, model and seed, then loaded from disk.
    key = model_cache.classifier_key(
        str(emb.model_id),
        (stage_tax, sent_tax, emo_tax),
        (st_x, st_y, se_x, se_y, em_x, em_y, stageless),
        threshold,
        seed,
    )
    stage, sent, emo = model_cache.cached_fit(key, fit)
    return Classifiers(embedder=emb, stage=stage, sentiment=sent, emotion=emo)


def distinct(
    texts: list[str], vectors: np.ndarray
) -> tuple[list[str], np.ndarray, np.ndarray] | None:
    """(distinct texts, row -> distinct index, first row of each) when ``texts`` repeat.

    None when nothing repeats, when fewer than two texts are distinct (a one-row matrix
    product may round differently from the batch's), or when one text comes with two
    different vectors: then every row is classified as it is.
    """
    uniq, where = first_seen(texts)
    if len(uniq) == len(texts) or len(uniq) < 2:
        return None
    firsts = first_rows(where)
    V = np.asarray(vectors)
    if not np.array_equal(V, V[firsts][where]):
        return None
    return uniq, where, firsts


def classify_statements(
    models: Classifiers,
    texts: list[str],
    vectors: np.ndarray,
    dedup: bool = True,
    groups: Sequence[Hashable] | None = None,
) -> pd.DataFrame:
    """The five output columns and ``stage_source`` for each statement (no embedding here).

    A text repeated in the batch is classified once and its labels copied to every row
    (:func:`distinct`; ``dedup=False`` classifies every row); only the stage's batch
    adaptation (:func:`voc.classify.adapt.spread`) runs over all rows, as it does without
    repeats, so the output is the same either way. ``groups`` (each statement's item or
    row): an ``unknown`` statement that is about the journey takes its item's confident
    stage (:func:`voc.classify.context.inherit_item_stage`, ``stage_source`` ``item``);
    without it every ``stage_source`` is ``own``.
    """
    texts = list(texts)
    found = distinct(texts, vectors) if dedup else None
    rows: np.ndarray | None = None
    texts_u, vectors_u = texts, vectors
    if found is not None:
        texts_u, rows, firsts = found
        vectors_u = np.asarray(vectors)[firsts]
    with threadpool_limits(limits=1, user_api="blas"):  # same digits whatever the thread count
        pred = models.stage.predict_detail(vectors_u, texts_u, rows=rows)
        sentiment, score = models.sentiment.predict(texts_u, vectors_u)
        emotion = models.emotion.predict(texts_u, vectors_u, score)
    # Short neutral non-questions are fragments: no stage of their own or from context.
    cand = np.flatnonzero((pred.confidence >= models.stage.threshold) | pred.placeable)
    if len(cand):
        src = cand if rows is None else rows[cand]
        frag = np.array([is_fragment(texts_u[i], float(score[i])) for i in src], dtype=bool)
        if frag.any():
            gone = cand[frag]
            pred.confidence[gone] = 0.0
            pred.placeable[gone] = False
            for i in gone:
                pred.labels[i] = UNKNOWN
    if rows is not None:
        sentiment = np.asarray(sentiment, dtype=object)[rows].tolist()
        emotion = np.asarray(emotion, dtype=object)[rows].tolist()
        score = np.asarray(score)[rows]
    stage, conf = pred.labels, pred.confidence
    source = [OWN] * len(stage)
    if groups is not None:
        # Only complaints and questions lean on their item for a stage (context.reacts).
        for i in np.flatnonzero(pred.placeable):
            j = int(i) if rows is None else int(rows[i])
            if not reacts(texts_u[j], sentiment[i]):
                pred.placeable[i] = False
        stage, conf, source = inherit_item_stage(
            stage, conf, pred.placeable, groups, pred.candidate
        )
    return pd.DataFrame(
        {
            "stage": stage,
            "stage_confidence": np.round(conf.astype(float), 4),
            "sentiment": sentiment,
            "sentiment_score": np.round(score.astype(float), 4),
            "emotion": emotion,
            "stage_source": source,
        }
    )


def _row_result(g: pd.DataFrame, none_label: str) -> tuple[str, float, str, float, str]:
    # The row's stage comes from its statements' own stages (inherited ones repeat it).
    own = (g["stage_source"] == OWN).to_numpy(dtype=float)
    s, c = item_stage(g["stage"].tolist(), g["stage_confidence"].to_numpy(), own)
    lab, sc = item_sentiment(g["sentiment"].tolist(), g["sentiment_score"].to_numpy())
    emos = [e for e in g["emotion"] if e and e != none_label]
    if lab == "negative":
        emos = [
            e
            for e, v in zip(g["emotion"], g["sentiment_score"], strict=True)
            if v < 0 and e != none_label
        ] or emos
    emo = max(sorted(set(emos)), key=emos.count) if emos else none_label
    return s, round(float(c), 4), lab, round(float(sc), 4), emo


def classify_texts(
    models: Classifiers,
    texts: list[str],
    progress: Progress = _no_progress,
    statements: list[pd.DataFrame] | None = None,
) -> pd.DataFrame:
    """Row-level output columns for ``texts`` (one output row per text, same order).

    If ``statements`` is a list, the statement-level frame of each chunk is appended to it.
    """
    none_label = models.emotion.taxonomy.none_label
    total = len(texts)
    parts: list[pd.DataFrame] = []
    models.timings.setdefault("embed", 0.0)
    models.timings.setdefault("classify", 0.0)
    progress(0, total)
    for start in range(0, total, CHUNK_ROWS):
        chunk = ["" if t is None else str(t) for t in texts[start : start + CHUNK_ROWS]]
        sents = list(split_many(chunk))
        rows: list[int] = []
        flat: list[str] = []
        for i, (raw, ss) in enumerate(zip(chunk, sents, strict=True)):
            # Short texts ("Thanks!", "Broken again") are still statements of their row.
            ss = ss or ([raw.strip()] if raw.strip() else [])
            rows += [i] * len(ss)
            flat += ss
        t0 = time.perf_counter()
        vectors = (
            models.embedder.encode([for_embedding(t) for t in flat])
            if flat
            else np.zeros((0, DIM), np.float32)
        )
        t1 = time.perf_counter()
        st = classify_statements(models, flat, vectors, groups=rows)
        models.timings["embed"] += t1 - t0
        models.timings["classify"] += time.perf_counter() - t1
        st.insert(0, "row", np.asarray(rows, dtype=int) + start)
        st.insert(1, "position", st.groupby("row").cumcount())
        st.insert(2, "text", flat)
        if statements is not None:
            statements.append(st[STATEMENT_COLUMNS])
        groups = {k: g for k, g in st.groupby("row", sort=False)}
        out = []
        for i in range(len(chunk)):
            g = groups.get(i + start)
            out.append(
                (UNKNOWN, 0.0, "neutral", 0.0, none_label)
                if g is None
                else _row_result(g, none_label)
            )
        parts.append(pd.DataFrame(out, columns=OUTPUT_COLUMNS))
        progress(len(chunk), total)
    if not parts:
        return pd.DataFrame({c: [] for c in OUTPUT_COLUMNS})
    return pd.concat(parts, ignore_index=True)


@dataclass
class ClassifyResult:
    """What :func:`classify_file` did."""

    n_rows: int
    n_empty: int
    output: Path
    statements_output: Path | None
    counts: dict[str, dict[str, int]]  # column -> value -> rows
    timings: dict[str, float]


def classify_file(
    models: Classifiers,
    path: Path,
    text_column: str,
    output: Path,
    statements_output: Path | None = None,
    progress: Progress = _no_progress,
) -> ClassifyResult:
    """Add the output columns to every row of ``path`` and write ``output`` (CSV).

    All input rows and columns are kept in order, values as written; an input
    column already named like an output column is overwritten in place.
    """
    from voc.classify.examples import read_table, require_column

    df = read_table(path)
    require_column(df, text_column, path, "--text-column")
    parts: list[pd.DataFrame] | None = [] if statements_output is not None else None
    texts = df[text_column].tolist()
    result = classify_texts(models, texts, progress=progress, statements=parts)
    for col in OUTPUT_COLUMNS:
        df[col] = result[col].to_numpy()
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(output, index=False)
    if statements_output is not None and parts is not None:
        st = (
            pd.concat(parts, ignore_index=True)
            if parts
            else pd.DataFrame(columns=STATEMENT_COLUMNS)
        )
        st["row"] = st["row"].astype(int) + 1  # 1-based data rows, like the reject messages
        Path(statements_output).parent.mkdir(parents=True, exist_ok=True)
        st.to_csv(statements_output, index=False)
    counts = {
        c: {str(k): int(v) for k, v in result[c].value_counts(sort=False).sort_index().items()}
        for c in ("stage", "sentiment", "emotion")
    }
    n_empty = sum(1 for t in texts if not str(t).strip())
    return ClassifyResult(
        n_rows=len(df),
        n_empty=n_empty,
        output=output,
        statements_output=statements_output,
        counts=counts,
        timings=dict(models.timings),
    )

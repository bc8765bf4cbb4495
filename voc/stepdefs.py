"""Built-in steps of the map phase: redact → segment → embed → classify → friction (the theme
steps, cluster → name → rank, are in :mod:`voc.themesteps`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pydantic import Field

from voc.state import RunContext, RunState
from voc.steps import Params, register


class NoParams(Params):
    pass


def _label_path(value: str | None) -> Path | None:
    return Path(value) if value else None


def _file_digest(path: Path | None) -> str:
    """SHA-1 of a label file's bytes ('' for the packaged default or a missing file, which the
    loader reports)."""
    import hashlib

    if path is None:
        return ""
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def embedder(ctx: RunContext) -> Any:
    """The run's sentence embedder, loaded once per run context."""
    from voc.embed import Embedder

    if "embedder" not in ctx.models:
        if ctx.models.get("fast") or "precision" in ctx.models:
            from voc.embed import get_embedder

            ctx.models["embedder"] = get_embedder(
                fast=bool(ctx.models.get("fast")), precision=ctx.models.get("precision", "auto")
            )
        else:
            ctx.models["embedder"] = Embedder()
    return ctx.models["embedder"]


@register("redact", NoParams, requires=["items"], provides=["redacted"], phase="map")
def redact_step(state: RunState, ctx: RunContext, params: NoParams) -> None:
    """Replace e-mail addresses, phones, card numbers, ids and known names with placeholders."""
    from voc.clean import NAMES_SCANNED_KINDS
    from voc.redact import redact_many
    from voc.redact_handles import KEEP_HANDLES_KEY

    items = state.items
    names = [state.names.get(i, []) for i in items["item_id"].tolist()]
    known = [k in NAMES_SCANNED_KINDS for k in items["source_kind"].tolist()]
    keep = state.names.get(KEEP_HANDLES_KEY)  # a run's: decided over all its items
    items["text"] = redact_many(items["text"], names, keep, known)
    questions = [q or "" for q in items["question"].tolist()]
    items["question"] = redact_many(questions, names, keep)
    ctx.progress("redact", len(items), len(items))


class SegmentParams(Params):
    min_words: int = Field(2, ge=1, description="Drop fragments with fewer words.")


@register("segment", SegmentParams, requires=["items"], provides=["statements"], phase="map")
def segment_step(state: RunState, ctx: RunContext, params: SegmentParams) -> None:
    """Split each item into statements (spaCy sentencizer); drop greetings and sign-offs."""
    from voc.segment import split_many, statement_id

    items = state.items
    cols = ["statement_id", "item_id", "position", "text"]
    data: dict[str, list[Any]] = {c: [] for c in cols}  # by column: a faster frame, the same
    sentences = split_many(items["text"], min_words=params.min_words)
    for item_id, sents in zip(items["item_id"].tolist(), sentences, strict=True):
        for pos, text in enumerate(sents):
            data["statement_id"].append(statement_id(item_id, pos))
            data["item_id"].append(item_id)
            data["position"].append(pos)
            data["text"].append(text)
    if data["text"]:
        state.statements = pd.DataFrame(data, columns=cols)
    else:
        state.statements = pd.DataFrame([], columns=cols)
    ctx.progress("segment", len(items), len(items))


class EmbedParams(Params):
    batch_size: int = Field(64, ge=1, le=1024)


@register("embed", EmbedParams, requires=["statements"], provides=["vectors"], phase="map")
def embed_step(state: RunState, ctx: RunContext, params: EmbedParams) -> None:
    """Embed statements with the local all-MiniLM-L6-v2, re-using cached vectors.

    @handles and links are left out (:func:`~voc.classify._match.for_embedding`), as in
    ``voc classify``; ``text_hash`` is the hash of the text embedded."""
    from voc.cache import cached_encode
    from voc.classify._match import for_embedding
    from voc.embed import text_hash
    from voc.repeats import first_seen

    st = state.statements
    assert st is not None
    emb = embedder(ctx)
    emb.batch_size = params.batch_size
    raw = st["text"].tolist()
    total = len(raw)
    ctx.progress("embed", 0, total)
    known = ctx.models.get("vector_cache")
    if ctx.con is None:
        # A repeated statement is cleaned and hashed once; cached_encode gets each distinct
        # text once, in first-seen order, so it embeds the same texts in the same batches.
        uniq, where = first_seen(raw)
        texts_u = [for_embedding(t) for t in uniq]
        hashes_u = [text_hash(t) for t in texts_u]
        vectors_u, _ = cached_encode(None, emb, texts_u, known=known)
        vectors = vectors_u[where] if len(uniq) < total else vectors_u
        hit_u = np.fromiter((h in known for h in hashes_u), bool, len(uniq)) if known else None
        hits = int(hit_u[where].sum()) if hit_u is not None and len(where) else 0
        ctx.progress("embed", total, total)
        st["text_hash"] = [hashes_u[i] for i in where.tolist()]
    else:
        texts = [for_embedding(t) for t in raw]
        vectors, hits = cached_encode(
            ctx.con, emb, texts, progress=lambda n: ctx.progress("embed", n, total), known=known
        )
        st["text_hash"] = [text_hash(t) for t in texts]
    state.vectors = vectors
    ctx.models["cache_hits"] = hits


class ClassifyParams(Params):
    stage_threshold: float | None = Field(None, ge=0, le=1, description="Abstain below this.")
    examples: str | None = Field(
        None,
        description="User example store from `voc train` (default: $VOC_EXAMPLES or "
        ".voc/examples.csv when it exists).",
    )
    use_examples: bool = Field(True, description="Learn from stored user examples.")


@register(
    "classify", ClassifyParams, requires=["vectors"], provides=["stage", "sentiment"], phase="map"
)
def classify_step(state: RunState, ctx: RunContext, params: ClassifyParams) -> None:
    """Journey stage, sentiment and emotion of every statement, then of every item."""
    from voc.classify.batch import build_classifiers, classify_statements
    from voc.classify.examples import default_store
    from voc.classify.sentiment import item_sentiment
    from voc.classify.stage import item_stage
    from voc.errors import ConfigError

    st, vectors = state.statements, state.vectors
    assert st is not None and vectors is not None
    labels = ctx.labels
    key = ("classifiers", params.stage_threshold, params.examples, params.use_examples)
    if key not in ctx.models:  # fitted once per run (or worker), reused for every chunk
        store: Path | None = None
        if params.use_examples:
            store = Path(params.examples) if params.examples else default_store()
            if not store.is_file():
                if params.examples:
                    raise ConfigError(f"steps.classify.with.examples: {store}: file not found")
                store = None
        ctx.models[key] = build_classifiers(
            embedder(ctx),
            stages=_label_path(labels.stages),
            sentiment=_label_path(labels.sentiment),
            emotions=_label_path(labels.emotions),
            examples=store,
            threshold=params.stage_threshold,
            seed=ctx.seed,
        )
    models = ctx.models[key]
    ctx.models["stages"] = models.stage.taxonomy
    # An unknown statement about the journey takes its item's confident stage (stage_source).
    out = classify_statements(models, st["text"].tolist(), vectors, groups=st["item_id"].tolist())
    for col in out.columns:
        st[col] = out[col].to_numpy()
    _aggregate_items(state, item_stage, item_sentiment)
    ctx.progress("classify", len(st), len(st))


def _aggregate_items(state: RunState, item_stage: Any, item_sentiment: Any) -> None:
    st, items = state.statements, state.items
    assert st is not None
    rows: dict[str, list[int]] = {}  # row positions per item: no per-item DataFrame slicing
    for pos, iid in enumerate(st["item_id"].tolist()):
        rows.setdefault(iid, []).append(pos)
    stages = st["stage"].to_numpy(dtype=object)
    confs = st["stage_confidence"].to_numpy(dtype=float)
    sents = st["sentiment"].to_numpy(dtype=object)
    scores = st["sentiment_score"].to_numpy(dtype=float)
    emotions = st["emotion"].to_numpy(dtype=object)
    # An item's stage comes from its statements' own stages (inherited ones repeat it).
    own = (
        (st["stage_source"] != "item").to_numpy(dtype=float)
        if "stage_source" in st
        else np.ones(len(st))
    )
    stage_col, conf_col, sent_col, score_col, emo_col, n_col = [], [], [], [], [], []
    for item_id in items["item_id"]:
        g = rows.get(item_id)
        if not g:
            stage_col.append("unknown")
            conf_col.append(0.0)
            sent_col.append("neutral")
            score_col.append(0.0)
            emo_col.append("none")
            n_col.append(0)
            continue
        s, c = item_stage(stages[g].tolist(), confs[g], own[g])
        lab, sc = item_sentiment(sents[g].tolist(), scores[g])
        emos = [e for e in emotions[g] if e and e != "none"]
        stage_col.append(s)
        conf_col.append(round(float(c), 4))
        sent_col.append(lab)
        score_col.append(round(float(sc), 4))
        emo_col.append(max(sorted(set(emos)), key=emos.count) if emos else "none")
        n_col.append(len(g))
    items["stage"] = stage_col
    items["stage_confidence"] = conf_col
    items["sentiment"] = sent_col
    items["sentiment_score"] = score_col
    items["emotion"] = emo_col
    items["n_statements"] = n_col


def _satisfied(items: pd.DataFrame, st: pd.DataFrame) -> np.ndarray:
    """Per statement: its item was scored at the top of its scale (a promoter, 5 of 5)."""
    from voc.classify.friction import satisfied_scores

    if "score" not in items.columns or items["score"].isna().all():
        return np.zeros(len(st), dtype=bool)
    kinds = items["score_kind"] if "score_kind" in items.columns else [""] * len(items)
    top = dict(zip(items["item_id"], satisfied_scores(items["score"], kinds), strict=True))
    return np.fromiter((top.get(i, False) for i in st["item_id"]), bool, len(st))


@register("friction", NoParams, requires=["sentiment"], provides=["friction"], phase="map")
def friction_step(state: RunState, ctx: RunContext, params: NoParams) -> None:
    """Flag friction statements: negativity combined with problem cues."""
    from voc.classify.friction import FrictionDetector
    from voc.labels import load_friction_cues

    st = state.statements
    assert st is not None
    path = _label_path(ctx.labels.friction_cues)
    # Built once per process and cue file content (parsing the YAML and building the phrase
    # matchers cost more than scoring a chunk of repetitive text).
    key = ("friction_detector", str(path), _file_digest(path))
    det = ctx.models.get(key)
    if det is None:
        det = ctx.models[key] = FrictionDetector(load_friction_cues(path))
    flags, scores = det.score(
        st["text"].tolist(), st["sentiment_score"].to_numpy(), _satisfied(state.items, st)
    )
    st["is_friction"] = flags.astype(bool)
    st["friction_score"] = np.round(scores.astype(float), 4)
    counts = st.groupby("item_id")["is_friction"].sum()
    state.items["n_friction"] = [int(counts.get(i, 0)) for i in state.items["item_id"]]
    state.friction_idx = np.flatnonzero(st["is_friction"].to_numpy())
    ctx.progress("friction", len(st), len(st))

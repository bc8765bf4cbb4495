"""Built-in theme steps: cluster → name → rank (the map-phase steps are in
:mod:`voc.stepdefs`)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import Field

from voc.state import RunContext, RunState
from voc.stepdefs import embedder
from voc.steps import Params, register
from voc.themes.rank import RankWeights

if TYPE_CHECKING:
    from voc.themes.table import ThemeDraft

log = logging.getLogger(__name__)


class ClusterParams(Params):
    distance_threshold: float = Field(0.6, gt=0, lt=2, description="Cut of the cosine tree.")
    min_size: int = Field(3, ge=2, description="Smallest theme, in statements.")
    merge_threshold: float = Field(0.85, gt=0, le=1, description="Merge themes this similar.")
    assign_threshold: float = Field(0.45, ge=0, le=1, description="Join a theme if this close.")
    other_threshold: float = Field(
        0.2, ge=0, le=1, description="Left-over statements join the nearest theme if this close."
    )
    max_fit: int = Field(12000, ge=100, description="Fit on at most this many statements.")
    method: str = Field("graph", pattern="^(graph|agglomerative)$", description="Algorithm.")
    n_neighbors: int = Field(10, ge=2, le=100, description="Neighbours in the k-NN graph.")
    resolution: float = Field(4.0, gt=0, description="Louvain resolution: higher, finer themes.")
    n_runs: int = Field(3, ge=1, le=10, description="Louvain runs combined into a consensus.")
    consensus_runs: int = Field(
        40, ge=0, le=200, description="Leiden runs whose co-association decides the themes "
        "(0: the n_runs intersection)."
    )
    codeframe: str | None = Field(None, description="Codeframe YAML: user themes come first.")
    update_codeframe: bool = Field(True, description="Append discovered themes to it.")
    subtheme_min_size: int = Field(12, ge=4, description="Themes this large get sub-themes.")
    lexical_weight: float = Field(
        0.15, ge=0, le=1, description="Share of lemma TF-IDF in the clustering similarity."
    )
    phrase_merge_threshold: float = Field(
        1.0, gt=0, le=1, description="Merge themes this similar sharing key phrases (1: off)."
    )
    max_sample: int = Field(
        20000, ge=10, description="Past this many friction statements, themes come from a "
        "sample this large and the rest join the nearest theme (bounded memory)."
    )
    stage_split_threshold: float = Field(
        0.75, ge=0, le=1, description="A part of a theme at another journey stage stays in it "
        "only if this similar to the rest (0: stages ignored)."
    )
    duplicate_merge_threshold: float = Field(
        0.9, gt=0, le=1, description="Merge themes this similar once the @addressee is taken "
        "out, when their top key phrases share words (1: off)."
    )
    addressee_held_share: float = Field(
        0.75, gt=0, le=1, description="A theme this much sent to one @handle that is less "
        "alike without it is dissolved into the themes its statements are closest to (1: off)."
    )


def _vectors_model(ctx: RunContext) -> Any:
    """The model of the vectors the reduce steps cluster: in fast mode the sample's MiniLM
    (``naming_embedder``), not the static run embedder; else the run's embedder."""
    return ctx.models.get("naming_embedder") or embedder(ctx)


@register("cluster", ClusterParams, requires=["friction", "vectors"], provides=["clusters"])
def cluster_step(state: RunState, ctx: RunContext, params: ClusterParams) -> None:
    """Group friction statements into themes without a preset number; the rest is "other".

    With a codeframe, statements go to the user's themes first; the rest is clustered.
    """
    from voc.themes.assign import cluster_with_codeframe

    st = state.statements
    assert st is not None and state.vectors is not None and state.friction_idx is not None
    vecs = state.vectors[state.friction_idx]
    opts = params.model_dump(
        exclude={"codeframe", "update_codeframe", "subtheme_min_size", "max_sample"}
    )
    texts = st["text"].to_numpy()[state.friction_idx].tolist()
    fidx = state.friction_idx
    stages = st["stage"].astype(str).to_numpy()[fidx].tolist() if "stage" in st else None
    # codeframe seeds are compared with the vectors, so the model that made them embeds them
    model = _vectors_model(ctx)
    result = cluster_with_codeframe(
        vecs, params.codeframe, lambda t: model.encode(t), ctx.seed, opts, texts, stages
    )
    ctx.models["cluster_labels"] = result.labels
    ctx.models["theme_keys"] = result.keys
    ctx.models["codeframe"] = result
    ctx.models["cluster_params"] = params
    ctx.progress("cluster", len(vecs), len(vecs))


def _drafts(
    state: RunState, ctx: RunContext, params: NameParams, cparams: ClusterParams | None
) -> list[ThemeDraft]:
    """Theme drafts of the run's current cluster labels (named, with sub-themes)."""
    from voc.themes.drafts import build_drafts

    st, vectors, fidx = state.statements, state.vectors, state.friction_idx
    assert st is not None and vectors is not None and fidx is not None
    return build_drafts(
        st,
        vectors,
        fidx,
        ctx.models["cluster_labels"],
        ctx.models.get("theme_keys", {}),
        n_key_phrases=params.n_key_phrases,
        subtheme_min_size=cparams.subtheme_min_size if cparams is not None else 12,
        seed=ctx.seed,
        names=getattr(ctx.models.get("codeframe"), "names", {}),
    )


def _merge_same_names(
    state: RunState, ctx: RunContext, texts: list[str], threshold: float,
    encode: Callable[[list[str]], np.ndarray] | None = None, synonyms: float = 1.0,
    carried: float = 1.0, subject: float = 1.0,
) -> int:
    """Merge themes whose drafts have the same name, or names swapping words ``synonyms``
    alike in ``encode``'s space, and are close in meaning, or ``carried`` close with one
    naming a problem the other's key words say
    (:func:`voc.themes.samename.merge_same_names`) into the run's cluster labels; the
    codeframe's themes are never merged. Returns how many themes were merged away."""
    from voc.themes.samename import merge_same_names, same_name_key

    if threshold >= 1 or state.vectors is None or state.friction_idx is None:
        return 0
    keep = set(ctx.models.get("theme_keys", {})) | set(
        getattr(ctx.models.get("codeframe"), "names", {})
    )
    names = {d.label: d.name for d in state.drafts}
    before = ctx.models["cluster_labels"]
    labels, merges = merge_same_names(
        before, names, state.vectors[state.friction_idx], texts, keep, threshold,
        encode if synonyms < 1 else None, synonyms, carried_similarity=carried,
        subject_similarity=subject,
    )
    for big, small, sim in merges:
        how = "same name" if same_name_key(names[big]) == same_name_key(names[small]) else (
            "same problem")
        log.info("theme %r (%d) merged into %r (%d): %s, %.3f similar", names[small],
                 int((before == small).sum()), names[big], int((before == big).sum()), how, sim)
    ctx.models["cluster_labels"] = labels
    return len(merges)


class NameParams(Params):
    n_key_phrases: int = Field(8, ge=1, le=30)
    n_quotes: int = Field(4, ge=3, le=5)
    same_name_merge_threshold: float = Field(
        0.8, gt=0, le=1, description="Merge themes that draft the same name when this "
        "similar once the @addressee is taken out, unless one sets itself apart in words "
        "(1: off)."
    )
    same_synonym_similarity: float = Field(
        0.7, gt=0, le=1, description="Names that share a word and swap another for one "
        "this similar in the run's embedding model (\"lost bag\", \"luggage lost\") count "
        "as the same name in that merge, at 0.85 similar (1: off)."
    )
    same_problem_merge_threshold: float = Field(
        0.87, gt=0, le=1, description="Merge themes this similar once the @addressee is "
        "taken out when one's key words say the problem the other's name says (\"sitting "
        "on plane\", key word \"delay\", into \"flight delayed\"), unless one sets "
        "itself apart in words (1: off)."
    )
    same_subject_merge_threshold: float = Field(
        0.85, gt=0, le=1, description="Merge themes this similar once the @addressee is "
        "taken out when their names share the thing they are about or the event they "
        "name (\"can't get through by phone\", \"waiting for phone\"), unless one sets "
        "itself apart in words (1: off)."
    )
    misfit_rank: int = Field(
        0, ge=0, description="A name fewer than a tenth of its theme's statements say, "
        "closer to this many other themes' centres than to its own (or to twice as many, "
        "however many say it), gives way to the name of a theme the step cannot name "
        "truthfully (\"mixed complaints about ...\"); 0 (the default): off. 5 suits "
        "short noisy text (tweets); it misfires on many near themes (Banking77)."
    )
    other_max_share: float = Field(
        0.09, ge=0, le=1, description="Themes nothing names (mixed, no subject, no "
        "problem a third say) are folded into \"other\", the smallest first, while it stays "
        "within this share of the friction statements (0: none folded)."
    )
    vague_share: float = Field(
        0.2, ge=0, le=1, description="A vague name (\"mixed complaints ...\", \"X issues\", "
        "\"X and Y\") gives way to the problem phrase closest to the theme's centre that this "
        "share of its statements say, as written or in a paraphrase (0: never)."
    )


def _fold_nameless(
    state: RunState, ctx: RunContext, params: NameParams, texts: list[str]
) -> None:
    """Fold the themes nothing names into "other" (:mod:`voc.themes.fold`): the
    run's cluster labels and drafts change, and the names left are numbered again
    without gaps (:func:`voc.themes.numbered.renumber`); the codeframe's themes never
    fold."""
    from voc.themes.fold import fold_drafts
    from voc.themes.numbered import renumber

    labels = ctx.models["cluster_labels"]
    # a sampled run places the rest by the themes as clustered, then folds them too
    ctx.models["unfolded_labels"], ctx.models["folded_labels"] = labels, []
    if params.other_max_share <= 0 or not len(labels):
        return
    pinned = set(getattr(ctx.models.get("codeframe"), "names", {}))
    keep = set(ctx.models.get("theme_keys", {})) | pinned
    before = state.drafts
    state.drafts, ctx.models["cluster_labels"], folds = fold_drafts(
        before, labels, texts, params.other_max_share, keep, params.n_key_phrases,
    )
    ctx.models["folded_labels"] = sorted(before[f.position].label for f in folds if f.folded)
    if ctx.models["folded_labels"]:
        renumber(state.drafts, pinned)


def _frame_mixed(drafts: list[ThemeDraft], texts: list[str], pinned: Collection[str]) -> None:
    """Mixed names (never the user's) given to the friction frame a clear share of their
    statements say, in place (:func:`voc.themes.mixed.framed_mixed`): "mixed complaints"
    over complaints that nothing gets fixed is "problem not resolved", not "other"."""
    from voc.themes.mixed import framed_mixed_names

    keep = {k for k, d in enumerate(drafts)
            if d.label < 0 or d.theme_key is not None or d.name in pinned}
    names = framed_mixed_names([d.name for d in drafts],
                               [[texts[int(j)] for j in d.statement_idx] for d in drafts], keep)
    for d, new in zip(drafts, names, strict=True):
        if new != d.name:
            log.info("mixed theme %r (%d) named by a frame or its subject: %r", d.name,
                     len(d.statement_idx), new)
            d.name = new


def _reword(
    drafts: list[ThemeDraft], vectors: np.ndarray, texts: list[str],
    encode: Callable[[list[str]], np.ndarray], pinned: Collection[str], vague_share: float,
) -> None:
    """Last words of the theme names, in place (never the user's): large vague themes
    named by the problem phrase closest to their centre
    (:func:`voc.themes.centred.rename_vague`), so are themes few of whose statements say
    their name (:func:`voc.themes.unsaid.rename_unsaid`), phrasal verbs given their particle
    ("can't check in": :func:`voc.themes.particles.with_particle`), names that are no
    phrase their statements write given one (:func:`voc.themes.phrased.rephrased`), and
    mixed names a friction frame their statements say
    (:func:`voc.themes.mixed.framed_mixed`); names left equal are numbered."""
    from voc.themes.centred import rename_vague
    from voc.themes.mixed import framed_mixed
    from voc.themes.numbered import renumber
    from voc.themes.particles import with_particle
    from voc.themes.phrased import rephrased
    from voc.themes.unsaid import rename_unsaid

    for old, new, size in rename_vague(drafts, vectors, texts, encode, pinned=pinned,
                                       min_share=vague_share):
        log.info("vague theme %r (%d) named %r", old, size, new)
    # names few of their statements say: the problem span clearly more of them write
    for old, new, size in rename_unsaid(drafts, vectors, texts, encode, pinned, vague_share):
        log.info("theme %r (%d) said by few, named %r", old, size, new)
    for d in drafts:
        if d.label >= 0 and d.theme_key is None and d.name not in pinned:
            d.name = with_particle(d.name, [texts[int(j)] for j in d.statement_idx])
    # last: a name no statement writes in its words and order gives way to a phrase
    # they write, else the honest mixed name
    for d in drafts:
        if d.label < 0 or d.theme_key is not None or d.name in pinned:
            continue
        taken = [o.name for o in drafts if o is not d]
        said = [texts[int(j)] for j in d.statement_idx]
        # a mixed name given last still gives way to a friction frame its statements say
        new = framed_mixed(rephrased(d.name, said, d.key_phrases, taken), said, taken)
        if new != d.name:
            log.info("theme %r (%d) is no phrase its statements write, named %r", d.name,
                     len(d.statement_idx), new)
            d.name = new
    # "bag lost" as its statements write it, "lost bag" (never the user's names)
    _fault_first(drafts, texts, pinned)
    # a mixed name given last may be one another theme holds ("mixed complaints" when
    # nothing else names either): numbered, the last resort, never two themes one name
    renumber(drafts, {d.label for d in drafts if d.theme_key is not None or d.name in pinned})


def _fault_first(drafts: list[ThemeDraft], texts: list[str], pinned: Collection[str]) -> None:
    """Two-word names of themes and sub-themes turned fault first where their statements
    write it so ("bag lost" → "lost bag": :func:`voc.themes.wordorder.fault_first`), in
    place; the user's names and "other" stay."""
    from voc.themes.wordorder import fault_first

    taken = {d.name.lower() for d in drafts}
    for d in drafts:
        if d.label < 0 or d.theme_key is not None or d.name in pinned:
            continue
        said = [texts[int(j)] for j in d.statement_idx]
        new = fault_first(d.name, said)
        if new != d.name and new.lower() not in taken:
            log.info("theme %r (%d) named as its statements write it: %r", d.name, len(said), new)
            taken.add(new.lower())
            d.name = new
        if d.sub_labels is None or len(d.subthemes) < 2:
            continue
        sub = np.asarray(d.sub_labels, dtype=int)
        siblings = {s.name.lower() for s in d.subthemes}
        for s in d.subthemes:
            new = fault_first(s.name, [said[j] for j in np.flatnonzero(sub == s.label)])
            if new != s.name and new.lower() not in siblings:
                siblings.add(new.lower())
                s.name = new


@register("name", NameParams, requires=["clusters"], provides=["names"])
def name_step(state: RunState, ctx: RunContext, params: NameParams) -> None:
    """Name each theme (and sub-theme) from c-TF-IDF key phrases; pick representative quotes."""
    from voc.themes.distinct import distinct_drafts
    from voc.themes.frames import frame_vectors

    st, vectors, fidx = state.statements, state.vectors, state.friction_idx
    assert st is not None and vectors is not None and fidx is not None
    cparams = ctx.models.get("cluster_params")
    # friction frames compare the statement vectors with examples their own model embeds
    model = _vectors_model(ctx)
    friction_texts = st["text"].to_numpy()[fidx]
    texts = friction_texts.tolist()
    with frame_vectors(texts, vectors[fidx], model):
        state.drafts = _drafts(state, ctx, params, cparams)
        # themes drafting the same name and close in meaning are one theme
        merged = _merge_same_names(state, ctx, texts, params.same_name_merge_threshold,
                                   model.encode, params.same_synonym_similarity,
                                   params.same_problem_merge_threshold,
                                   params.same_subject_merge_threshold)
        if merged:
            state.drafts = _drafts(state, ctx, params, cparams)
        # the user's theme names by label; name checks below take the names themselves
        pinned: dict[int, str] = getattr(ctx.models.get("codeframe"), "names", {})
        user_names = set(pinned.values())
        # names few statements say that describe other themes better: honest names
        if params.misfit_rank:
            from voc.themes.misfit import rename_misfits

            rename_misfits(state.drafts, vectors[fidx], texts, model.encode, user_names,
                           params.misfit_rank, vague_share=params.vague_share)
    # equal names told apart by what separates their themes; the user's names stay
    distinct_drafts(state.drafts, friction_texts, pinned=pinned)
    with frame_vectors(texts, vectors[fidx], model):
        # a mixed name the twins were given still gives way to a frame, before it can fold
        _frame_mixed(state.drafts, texts, user_names)
        # small themes nothing names are the "other" bucket, not themes of their own
        _fold_nameless(state, ctx, params, texts)
        _reword(state.drafts, vectors[fidx], texts, model.encode, user_names,
                params.vague_share)
    # key phrases and quotes that show the final name's problem
    from voc.themes.evidence import finish_evidence

    finish_evidence(
        state.drafts, vectors[fidx], friction_texts,
        st["statement_id"].to_numpy()[fidx], params.n_quotes, model.encode,
    )
    cf = ctx.models.get("codeframe")
    if cf is not None and cparams is not None and cparams.codeframe and cparams.update_codeframe:
        cf.persist(state.drafts, friction_texts, cparams.codeframe)
    ctx.progress("name", len(state.drafts), len(state.drafts))


class RankParams(Params):
    weights: RankWeights = Field(default_factory=RankWeights)
    recent_weeks: int = Field(4, ge=1, description="Weeks counted as the recent period.")
    period: str = Field("W", pattern="^(D|W|M)$", description="Trend period: D, W or M.")
    spike_alpha: float = Field(0.01, gt=0, lt=1, description="Poisson test level for spikes.")
    spike_min_count: int = Field(
        10, ge=1, description="Fewest items in a period for a spike (exports and report)."
    )
    segment_alpha: float = Field(0.05, gt=0, lt=1, description="FDR level for segment gaps.")


@register("rank", RankParams, requires=["names"], provides=["themes"])
def rank_step(state: RunState, ctx: RunContext, params: RankParams) -> None:
    """Rank themes by impact (customers, negativity, score effect, growth); trends, segments."""
    from voc.themes.rank import RankSettings
    from voc.themes.table import rank_themes, subtheme_column
    from voc.themes.trends import trend_tables

    st, fidx = state.statements, state.friction_idx
    assert st is not None and fidx is not None
    settings = RankSettings(weights=params.weights, recent_weeks=params.recent_weeks)
    friction = st.iloc[fidx].reset_index(drop=True)
    table, ids = rank_themes(state.drafts, friction, state.items, settings)
    labels: np.ndarray = ctx.models["cluster_labels"]
    theme_col = np.full(len(st), None, dtype=object)
    theme_col[fidx] = [ids.get(int(c)) for c in labels]
    st["theme_id"] = theme_col
    st["subtheme_id"] = subtheme_column(state.drafts, ids, fidx, len(st))
    ctx.models["tables"] = trend_tables(
        st, state.items, table, params.period, params.spike_alpha, params.segment_alpha,
        params.spike_min_count,
    )
    state.themes = table
    ctx.progress("rank", len(table), len(table))

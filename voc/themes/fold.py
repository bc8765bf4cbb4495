"""Fold themes that nothing names into "other".

Clustering leaves themes whose statements share no subject and no problem. The name step
can only call such a theme mixed ("mixed complaints", numbered "mixed complaints (2)" ...
when there are several), which tells a report reader nothing: these statements are what
issue 6 calls the explicit "other" bucket. So, once every name is final, a discovered
theme is folded into "other" (its statements get no theme) when

- nothing names it: the name step found neither a subject nor a word of what is wrong
  that a third of its statements share (:data:`voc.themes.mixed.SAYING_SHARE`), and said
  so with the bare mixed name (:data:`voc.themes.mixed.MIXED`, numbered or not: "mixed
  complaints", "mixed complaints (3)"). "mixed complaints about bag and seat" names what
  its statements say, and "mixed complaints saying missing" what goes wrong ("missing a
  full day of work", "missed surprise 60th bday": a problem a team may act on), so
  neither is folded. The verdict is the name step's, not the statements' read again: a
  theme whose only subject another theme's name holds ("fee", taken by "mixed complaints
  about fee") is named by nothing of its own, though its statements say one. Size is no
  reason to keep a nameless theme: 163 airline tweets of venting ("epic fail", "tough
  break", "stop trying to make #fleek happen") share nothing a team can act on;
- "other" stays within ``max_share`` of the friction statements once it is folded: the
  smallest are folded first (then the later ones), and folding stops at the first theme
  that would pass the cap, so "other" never grows past it.

A theme of the user's codeframe (a seeded, pinned or renamed theme) is never folded. In a
sampled run (fast mode) the statements placed later by a folded theme's centroid join
"other" too (:func:`voc.reduce_sample.place_all`), so the fold is the same as on the
whole run.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np

from voc.themes.cluster import OTHER
from voc.themes.mixed import MIXED, is_mixed
from voc.themes.numbered import unnumbered
from voc.themes.table import ThemeDraft

log = logging.getLogger(__name__)

#: Name of the "other" bucket's draft, as :func:`voc.themes.drafts.build_drafts` names it.
OTHER_NAME = "other friction"


@dataclass(frozen=True)
class Fold:
    """A theme folded into "other" (or kept by the cap): where, its name, its size."""

    position: int
    name: str
    size: int
    folded: bool


def nameless(name: str) -> bool:
    """Whether the name step named a theme by nothing: the bare mixed name, numbered or
    not ("mixed complaints", "mixed complaints (2)"), never one naming a subject or
    saying what is wrong ("mixed complaints saying missing")."""
    return is_mixed(name) and unnumbered(name).strip().lower() == MIXED


def choose_folds(
    names: Sequence[str],
    sizes: Sequence[int],
    n_friction: int,
    n_other: int,
    max_share: float,
    keep: Collection[int] = (),
) -> list[Fold]:
    """The nameless themes among ``names`` (their ``sizes`` in statements), the
    smallest first, each folded or, once "other" (``n_other`` statements now) would pass
    ``max_share`` of ``n_friction``, kept; ``keep`` positions (user themes) never fold."""
    cap = max_share * n_friction
    todo = sorted(
        (i for i, n in enumerate(names) if i not in keep and nameless(n)),
        key=lambda i: (sizes[i], -i),
    )
    out: list[Fold] = []
    full = False
    for i in todo:
        full = full or n_other + sizes[i] > cap
        if not full:
            n_other += sizes[i]
        out.append(Fold(i, names[i], int(sizes[i]), not full))
    return out


def fold_drafts(
    drafts: list[ThemeDraft],
    labels: np.ndarray,
    texts: Sequence[str],
    max_share: float,
    keep: Collection[int] = (),
    n_key_phrases: int = 8,
) -> tuple[list[ThemeDraft], np.ndarray, list[Fold]]:
    """``drafts`` and the friction statements' cluster ``labels`` with the themes
    :func:`choose_folds` folds moved into "other" (label :data:`OTHER`, whose draft is
    made or grown, its key phrases chosen again among all themes); ``keep`` are labels
    never folded (the codeframe's), as are drafts with a theme key. ``texts`` are the
    friction statements. Returns the new drafts, labels and every fold considered."""
    from voc.themes.naming import key_phrases

    labels = np.asarray(labels)
    themes = [k for k, d in enumerate(drafts) if d.label >= 0]
    kept = {j for j, k in enumerate(themes)
            if drafts[k].label in keep or drafts[k].theme_key is not None}
    folds = choose_folds(
        [drafts[k].name for k in themes], [len(drafts[k].statement_idx) for k in themes],
        len(labels), int((labels == OTHER).sum()), max_share, kept,
    )
    folds = [Fold(themes[f.position], f.name, f.size, f.folded) for f in folds]
    gone = {drafts[f.position].label for f in folds if f.folded}
    for f in folds:
        if f.folded:
            log.info("theme %r (%d statements) folded into \"other\": nothing names it",
                     f.name, f.size)
        else:
            log.info("theme %r (%d statements) kept: \"other\" would pass %.0f%% of the "
                     "friction statements", f.name, f.size, 100 * max_share)
    if not gone:
        return drafts, labels, folds
    labels = np.where(np.isin(labels, sorted(gone)), OTHER, labels)
    out = [d for d in drafts if d.label >= 0 and d.label not in gone]
    rest = np.flatnonzero(labels == OTHER)
    groups = [[str(texts[int(j)]) for j in d.statement_idx] for d in out]
    phrases = key_phrases([*groups, [str(texts[int(j)]) for j in rest]],
                          n_phrases=2 * n_key_phrases)[-1]
    other = next((d for d in drafts if d.label < 0), None)
    out.append(ThemeDraft(
        label=OTHER,
        statement_idx=rest,
        name=other.name if other is not None else OTHER_NAME,
        key_phrases=phrases[:n_key_phrases],
        quote_ids=[],
        sub_labels=np.full(len(rest), OTHER, dtype=int),
        spare_phrases=phrases[n_key_phrases:],
    ))
    return out, labels, folds

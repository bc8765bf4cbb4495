"""A statement's stage from its context: the stage of its item.

Many statements say something about the journey without saying where in it: "5 hours now.
Unacceptable." is about the service, but only the tweet's other sentence ("my flight was
delayed") places it at usage. The stage classifier leaves such a statement ``unknown`` (its
own evidence is too weak) but marks it *placeable*: relevant enough, not vetoed as
stage-less, with at least two words (:meth:`~voc.classify.stage.StageClassifier.predict_detail`).
Here a placeable statement takes the stage of its item when the item's own staged
statements agree on it confidently enough (:data:`ITEM_CONFIDENCE`), with a lower
confidence (:data:`DISCOUNT` times the item's) and ``stage_source`` :data:`FROM_ITEM`.

Stage-less statements (greetings, thanks, fragments, personal background: relevance below
:data:`~voc.classify.stage.PLACEABLE_RELEVANCE`) never inherit. The item's stage itself is
computed from its statements' own stages only, so inheriting never changes it.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np

from voc.classify.stage import item_stage
from voc.labels import UNKNOWN

#: ``stage_source`` of a statement whose stage (or ``unknown``) is its own prediction.
OWN = "own"
#: ``stage_source`` of a statement that took its item's stage.
FROM_ITEM = "item"
#: Smallest item stage confidence (:func:`~voc.classify.stage.item_stage`: winner's share
#: of the staged statements times their mean confidence) that is passed on.
ITEM_CONFIDENCE = 0.4
#: Largest item (in statements) that passes its stage on: a tweet or a short message is
#: one context, a long complaint narrative wanders (background, citations, boilerplate).
MAX_STATEMENTS = 6
#: An inherited stage's confidence is the item's times this: below what the item's own
#: statements have, so a reader (and a sort by confidence) can tell them apart.
DISCOUNT = 0.5


def reacts(text: str, sentiment: str) -> bool:
    """Whether a statement reacts to its context: a complaint or a question.

    "Unacceptable." or "When's the next one out?!" lean on the sentence before; a neutral
    statement next to a complaint is more often background ("It's my first time in NYC.").
    """
    return sentiment == "negative" or "?" in text


def inherit_item_stage(
    stages: Sequence[str],
    confidences: np.ndarray,
    placeable: np.ndarray,
    groups: Sequence[Hashable],
    candidates: Sequence[str] | None = None,
) -> tuple[list[str], np.ndarray, list[str]]:
    """(stage, confidence, stage_source) of each statement after inheriting item stages.

    ``groups`` holds each statement's item (any hashable key: item id, row number). Only
    ``unknown`` statements marked ``placeable`` change, and only when their item has at most
    :data:`MAX_STATEMENTS` statements, its own staged statements give a stage with
    confidence >= :data:`ITEM_CONFIDENCE` and, when
    ``candidates`` (the stage each statement leans to on its own) are given, that stage is
    the statement's own candidate: context confirms a weak guess, it does not overrule one
    ("Don't fly with them" in a delayed-flight tweet leans to advocacy and stays unknown).

    >>> inherit_item_stage(["usage", "unknown", "unknown"], np.array([.8, .1, .1]),
    ...                    np.array([False, True, False]), ["a", "a", "a"])
    (['usage', 'usage', 'unknown'], array([0.8, 0.4, 0.1]), ['own', 'item', 'own'])
    """
    out = list(stages)
    conf = np.array(confidences, dtype=np.float64, copy=True)
    source = [OWN] * len(out)
    if len(groups) != len(out) or len(placeable) != len(out):
        raise ValueError("stages, placeable and groups must have the same length")
    want = [i for i in np.flatnonzero(placeable) if out[i] == UNKNOWN]
    if not want:
        return out, conf, source
    keys = {groups[i] for i in want}
    members: dict[Hashable, list[int]] = {k: [] for k in keys}
    for i, g in enumerate(groups):
        if g in members:
            members[g].append(i)
    given: dict[Hashable, tuple[str, float]] = {}
    for g, idx in members.items():
        if len(idx) > MAX_STATEMENTS:
            continue
        own = [out[i] for i in idx]
        if all(s == UNKNOWN for s in own):
            continue
        s, c = item_stage(own, conf[idx])
        if s != UNKNOWN and c >= ITEM_CONFIDENCE:
            given[g] = (s, c)
    for i in want:
        hit = given.get(groups[i])
        if hit is not None and (candidates is None or candidates[i] == hit[0]):
            out[i] = hit[0]
            conf[i] = DISCOUNT * hit[1]
            source[i] = FROM_ITEM
    return out, conf, source

"""Names few of their statements say, replaced by a problem span clearly more of them write.

A large theme's name can come from a phrase only a handful of its statements say, while
most of them write another problem ("plane delays" over statements stuck on the plane for
hours). :func:`rename_unsaid` measures how many of a theme's distinct statements say its
name (:func:`name_saying`: every content lemma of the name, or a candidate span of
:mod:`voc.themes.centred` whose vector is a paraphrase of the name) and, when fewer than
the share a centred name needs (:data:`voc.themes.centred.MIN_SHARE`) do, gives a theme
of :data:`MIN_THEME` statements or more
the problem span closest to its centre (:func:`voc.themes.centred.centred_spans`) when
at least :data:`FACTOR` times as many statements say that span, and at least that share.
Statements often write what happened without a problem word ("sat on the plane for three
hours"): a second round lets such spans (:mod:`voc.themes.events`) count for the problem
span they paraphrase, though one never names a theme itself.

The user's names and codeframe themes never change, and a new name is never one another
theme has.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING

import numpy as np

from voc.cosine import unit
from voc.themes import centred as c
from voc.themes.dangling import dangles

if TYPE_CHECKING:
    from voc.themes.table import ThemeDraft

#: The new name must be said by this many times as many statements as the old one.
FACTOR = 2
#: Themes with fewer distinct statements keep their name: in a dozen, four saying a span
#: and one the name is chance (CFPB "can't afford" (13) took "never billed").
MIN_THEME = 20
#: Spans that say what happened count for a problem span this similar (cosine), above
#: :data:`voc.themes.centred.PARAPHRASE`: at 0.6 Banking77 "account wasn't allowed" (51)
#: lent "tried transferring to an account" to "can't do a transfer"; at 0.7 airline "plane
#: delay" (88) took "don't sit on the plane" over "stuck on the plane".
EVENT_PARAPHRASE = 0.65


def _content(name: str) -> frozenset[str]:
    """Lemmas of ``name`` that carry meaning, each negation as "not"; a qualifier after
    a colon only tells the theme from another ("account closed: copy")."""
    head = name.split(":", 1)[0]
    return frozenset(
        c._norm(w) for w in c._WORD.findall(head.lower().replace("’", "'"))
        if not c._function(w) or c._norm(w) == "not"
    )


def name_saying(
    name: str, texts: Sequence[str], spans: Sequence[str],
    encode: Callable[[list[str]], np.ndarray],
) -> int:
    """Distinct statements of ``texts`` saying ``name``: all its content lemmas, or one of
    ``spans`` (candidate wordings) whose vector is a paraphrase of the name's
    (:data:`voc.themes.centred.PARAPHRASE`)."""
    uniq = list(dict.fromkeys(texts))
    said = [c._lemmas(t) for t in uniq]
    want = _content(name)
    who = {i for i, s in enumerate(said) if want and want <= set(s)}
    if spans:
        vec = unit(np.asarray(encode([name, *spans]), dtype=np.float32))
        for s, sim in zip(spans, vec[1:] @ vec[0], strict=True):
            if sim >= c.PARAPHRASE:
                key = c.key_of(s)
                who |= {i for i, lem in enumerate(said) if c.says(key, lem)}
    return len(who)


def better_said(
    name: str,
    texts: Sequence[str],
    vectors: np.ndarray,
    scores: dict[str, float],
    encode: Callable[[list[str]], np.ndarray],
    taken: Collection[object] = (),
    min_share: float = c.MIN_SHARE,
    span_of: c.SpanOf = c.spans,
    paraphrase: float | None = None,
) -> tuple[str, int, int]:
    """(new name, statements saying the old, statements saying the new) when ``name`` is
    said by fewer than ``min_share`` of the distinct ``texts`` and a centred span by
    :data:`FACTOR` times as many and that share; ("", old, 0) otherwise. ``span_of``
    finds the candidate spans (problem spans, or :func:`voc.themes.events.event_spans`),
    ``paraphrase`` how alike two of them say the same; the new name reads as a problem
    and says what its verb is done to (no "never received": :mod:`voc.themes.dangling`)."""
    uniq = list(dict.fromkeys(texts))
    ranked = c.centred_spans(texts, vectors, scores, encode, paraphrase, min_share, span_of)
    old = name_saying(name, uniq, [s for s, _, _ in ranked], encode)
    least = max(c.MIN_SAYING, math.ceil(min_share * len(uniq)))
    if old >= least:
        return "", old, 0
    for span, n, _ in ranked:
        if n >= max(least, FACTOR * old) and c.reads_wrong(span) and not dangles(span) \
                and not any(k in taken for k in c._keys(span)):
            return span, old, n
    return "", old, 0


def rename_unsaid(
    drafts: Sequence[ThemeDraft],
    vectors: np.ndarray,
    texts: Sequence[str],
    encode: Callable[[list[str]], np.ndarray],
    pinned: Collection[str] = (),
    min_share: float = c.MIN_SHARE,
) -> list[tuple[str, str, int]]:
    """Rename, in place, the themes few of whose statements say their name
    (:func:`better_said`): first among problem spans, then again with the spans that say
    what happened (:func:`voc.themes.events.event_spans`) counting for the problem spans
    they paraphrase at :data:`EVENT_PARAPHRASE` ("sat on the plane" for "stuck on the
    plane"); ``min_share`` 0 renames none.
    Returns (old, new, size) per rename. ``vectors`` and ``texts`` are the friction
    statements'."""
    from voc.themes.events import event_spans

    out: list[tuple[str, str, int]] = []
    for span_of, near in ((c.spans, None), (event_spans, EVENT_PARAPHRASE)):
        out += c.rename_where(
            drafts, vectors, texts, lambda name: not c.vague(name),
            lambda name, tx, vecs, scores, taken, f=span_of, p=near: better_said(
                name, tx, vecs, scores, encode, taken, min_share, f, p)[0],
            pinned, min_share, MIN_THEME, span_of,
        )
    return out

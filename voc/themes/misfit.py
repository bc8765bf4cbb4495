"""Names that fit other themes better than their own: misfits.

A theme's name comes from what its statements say. When nothing is said by many (a
grab-bag of anger and unanswered messages), the name step's last resorts take a phrase
as few as two statements say, and a theme of 90 airline tweets, two of which mention the
weather, was called "awful weather" beside the real weather theme: a name that sends a
team the wrong way is worse than one that says the theme is mixed (all four blind
readers put it first among the worst names).

A discovered theme is a *misfit* when both hold:

- few of its statements say its name as written: fewer than :func:`voc.themes.pairs.need`
  of its distinct statements (about a tenth; :func:`voc.themes.written.written_support`).
  A name that count cannot judge (no subject word or no problem word) or a mixed name
  is never judged here;
- the name, embedded with the run's model, is closer to the centres of at least
  :data:`MAX_RANK` other themes than to its own: it describes other themes better.

Either alone is weak evidence: a name said by few can still be the gist of its theme
("internet down" over statements saying "outage", "no service", "wifi not working"),
and a name said by many can sit near a few other themes' centres in a run about one
domain. A name closer to twice as many other centres (10) than to its own is a misfit
however many say it: airline "can't change" (53 tweets, six saying it, most about fares
that rose), CFPB "account closed" (22, two saying it, beside an 18-statement theme
nearly all of which say it).

A misfit the name step's later rename by what more of its statements write would rename
(:func:`voc.themes.unsaid.rename_unsaid`: "plane delay" → "stuck on the plane") is left to
it. Any other misfit is named as the name step names a theme it cannot name truthfully
(:func:`voc.themes.mixed.unvague`: "mixed complaints about X", a friction frame many of
its statements say, or the bare mixed name, which :mod:`voc.themes.fold` folds into
"other"); a later step may still name it by the problem phrase closest to its centre
(:func:`voc.themes.centred.rename_vague`). Names the user chose never change.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING

import numpy as np

from voc.cosine import unit
from voc.themes.attest import UNSPECIFIC
from voc.themes.mixed import is_mixed, unvague
from voc.themes.pairs import need
from voc.themes.written import written_support

if TYPE_CHECKING:
    from voc.themes.table import ThemeDraft

log = logging.getLogger(__name__)

#: A name closer to this many other themes' centres than to its own fits them better.
MAX_RANK = 5
#: Themes smaller than this keep their name: a tenth of a handful is one statement.
MIN_THEME = 20


def centre_rank(name_vec: np.ndarray, centres: np.ndarray, own: int) -> int:
    """How many of ``centres`` (unit rows) other than row ``own`` are closer to the unit
    vector ``name_vec`` than row ``own`` is."""
    sims = centres @ name_vec
    return int((np.delete(sims, own) > sims[own]).sum())


def misfits(
    drafts: Sequence[ThemeDraft], vectors: np.ndarray, texts: Sequence[str],
    encode: Callable[[list[str]], np.ndarray], pinned: Collection[str] = (),
    max_rank: int = MAX_RANK, far_rank: int | None = None,
) -> list[tuple[int, int, int]]:
    """Positions in ``drafts`` of the misfit themes (see the module docstring), with how
    many statements say each name and its rank among the centres; ``vectors`` and
    ``texts`` are the friction statements' (rows of ``statement_idx``); ``far_rank``
    (twice ``max_rank`` by default) is the rank that makes a misfit of a name however
    many say it."""
    far = 2 * max_rank if far_rank is None else far_rank
    themes = [k for k, d in enumerate(drafts) if d.label >= 0 and len(d.statement_idx)]
    if len(themes) <= max_rank:
        return []
    centres = unit(np.stack([vectors[drafts[k].statement_idx].mean(axis=0) for k in themes]))
    judged: list[tuple[int, int, bool]] = []  # row, statements saying it, said by few
    for row, k in enumerate(themes):
        d = drafts[k]
        if d.theme_key is not None or d.name in pinned or is_mixed(d.name):
            continue
        uniq = list(dict.fromkeys(texts[int(j)] for j in d.statement_idx))
        if len(uniq) < MIN_THEME:
            continue
        said = written_support(d.name, uniq)
        if said is not None:  # said by many: a misfit only at ``far``
            judged.append((row, said, said < need(len(uniq))))
    if not judged:
        return []
    vecs = unit(np.asarray(encode([drafts[themes[row]].name for row, _, _ in judged]),
                           dtype=np.float32))
    found = []
    for (row, said, few), vec in zip(judged, vecs, strict=True):
        rank = centre_rank(vec, centres, row)
        log.debug("name %r of %d statements: said by %d, centre rank %d",
                  drafts[themes[row]].name, len(drafts[themes[row]].statement_idx), said, rank)
        if (few and rank >= max_rank) or rank >= far:
            found.append((themes[row], said, rank))
    return found


def rename_misfits(
    drafts: Sequence[ThemeDraft], vectors: np.ndarray, texts: Sequence[str],
    encode: Callable[[list[str]], np.ndarray], pinned: Collection[str] = (),
    max_rank: int = MAX_RANK, far_rank: int | None = None,
    vague_share: float | None = None,
) -> list[tuple[str, str, int]]:
    """Rename the misfit themes in place as the name step names a theme it cannot name
    truthfully; (old name, new name, size) of each. ``vague_share`` is the share the later
    rename by what more statements write asks (:func:`voc.themes.unsaid.rename_unsaid`;
    its default when None): a misfit that rename would rename is left to it."""
    out = []
    found = misfits(drafts, vectors, texts, encode, pinned, max_rank, far_rank)
    if found:
        # a name the later step renames by what more statements write is no final name
        # ("plane delay" → "stuck on the plane"): that step names it, not this one
        from voc.themes import centred
        from voc.themes.unsaid import rename_unsaid

        share = centred.MIN_SHARE if vague_share is None else vague_share
        trial = [copy.copy(d) for d in drafts]
        rename_unsaid(trial, vectors, texts, encode, pinned, share)
        found = [f for f in found if trial[f[0]].name == drafts[f[0]].name]
    for k, said, rank in found:
        d = drafts[k]
        tx = [texts[int(j)] for j in d.statement_idx]
        new = unvague(UNSPECIFIC, list(dict.fromkeys(tx)), d.key_phrases)
        if new == d.name:
            continue
        log.info("theme %r (%d) said by %d, nearer %d other centres: named %r",
                 d.name, len(tx), said, rank, new)
        out.append((d.name, new, len(tx)))
        d.name = new
    return out

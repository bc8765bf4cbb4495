"""Turn cluster labels into named theme drafts, with sub-themes for large themes."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd

from voc.themes.cluster import OTHER
from voc.themes.lemmas import lemma
from voc.themes.mixed import MIXED, is_mixed
from voc.themes.naming import key_phrases, theme_name
from voc.themes.pos import glued
from voc.themes.predicate import is_problem
from voc.themes.quotes import centre_quote
from voc.themes.represent import cluster_statements
from voc.themes.subphrase import worked_in
from voc.themes.subwritten import FILLER, name_words, written_subthemes
from voc.themes.table import SubTheme, ThemeDraft

_WORD = re.compile(r"[a-z][a-z'’\-]*|\d+")


def _lemmas(phrase: str) -> set[str]:
    return {lemma(w) for w in _WORD.findall(phrase.lower())}


def named_apart(name: str, parent: str) -> bool:
    """True when a sub-theme's ``name`` says a word its parent's name lacks, other than a
    :data:`FILLER` word: "bag lost: suitcase" under "bag lost" does, "hour delay" (or
    "delay: hour") under "hour delay" does not, nor "card problems" under "card not
    arrived", and tells a reader nothing about what sets it apart."""
    return bool(_lemmas(name) - _lemmas(parent) - FILLER) if parent else bool(name)


#: Share of its theme a lone sub-theme must hold to stand beside the remainder: a tenth
#: is a part a reader looks for ("no seat", 32 of "seat issues"); less is a stray corner.
LONE_SHARE = 0.1
#: Fewest statements of a lone sub-theme: fewer than this show no repeated problem.
LONE_MIN = 5


def lone_kept(
    s: SubTheme, parent: str, n_theme: int, texts: Sequence[str],
    common: Collection[str] = frozenset(),
) -> bool:
    """True when the only sub-theme left apart still shows a reader a part of its theme:
    named by its own phrase (no "parent: word"), saying a word ``parent`` lacks other than
    a negation, a :data:`FILLER` word or only the run's ``common`` (domain) words ("no
    bag" under "lost bag", "flight missed" under "connection missed" say it again), unless
    the parent says only a thing and "problems" ("no seat" under "seat issues"); holding
    :data:`LONE_SHARE` of the theme (at least :data:`LONE_MIN` statements, under
    :data:`DOMINANT`); said, as one span of a clause
    (:func:`voc.themes.written.written_support`), by :data:`QUALIFIER_SHARE` of its
    distinct ``texts`` (its own statements; ``n_theme``: its theme's count)."""
    from voc.themes.evidence import said_by, said_words
    from voc.themes.written import written_support

    if ":" in s.name or is_mixed(s.name) or is_mixed(parent) or not texts:
        return False
    if not max(LONE_MIN, LONE_SHARE * n_theme) <= len(texts) < DOMINANT * n_theme:
        return False
    own = name_words(parent)
    new = name_words(s.name) - own - FILLER - {"not"}
    if (not new and not own & FILLER) or (new and new <= set(common)):
        return False
    distinct = list(dict.fromkeys(t.strip().lower() for t in texts))
    least = max(2, QUALIFIER_SHARE * len(distinct))
    said = [said_words(t) for t in distinct]
    return said_by(s.name, said) >= least and (written_support(s.name, distinct) or 0) >= least


def fold_unnamed(
    sub: np.ndarray, subs: Sequence[SubTheme], parent: str, siblings: bool = False,
    texts: Sequence[str] = (), common: Collection[str] = frozenset(),
) -> tuple[np.ndarray, list[SubTheme]]:
    """Sub-theme labels and sub-themes with those not :func:`named_apart` from ``parent``
    or named "mixed complaints ..." (a part of a theme named for having no one problem
    tells a reader nothing), and (with ``siblings``) those named as a larger sibling,
    folded into the theme's remainder (label :data:`OTHER`, shown as "other" with its
    count); all are folded when fewer than two stay apart (one sub-theme beside the rest
    is no hierarchy) unless the one left passes :func:`lone_kept` given the theme's
    ``texts`` (aligned with ``sub``) and the run's ``common`` words."""
    kept: list[SubTheme] = []
    seen: set[frozenset[str]] = set()
    for s in sorted(subs, key=lambda s: (-s.n_statements, s.label)):
        key = frozenset(_lemmas(s.name))
        if named_apart(s.name, parent) and not is_mixed(s.name) and not (
            siblings and key in seen
        ):
            kept.append(s)
            seen.add(key)
    labels = np.asarray(sub, dtype=int)
    lone = len(kept) == 1 and len(texts) == len(labels) and lone_kept(
        kept[0], parent, len(labels),
        [texts[j] for j in np.flatnonzero(labels == kept[0].label)], common)
    if len(kept) < 2 and not lone:
        kept = []
    keep = {s.label for s in kept}
    folded = np.where(np.isin(labels, sorted(keep)), labels, OTHER)
    return folded, [s for s in subs if s.label in keep]


#: How many times more often a sub-theme's statements must say its qualifier than the
#: rest of its theme's statements: "can't book: flight" twice, from two siblings that
#: both say "flight", sets neither apart.
LIFT = 2.0
#: Share of a sub-theme's distinct statements that must say its qualifier: "worst
#: customer service: agents" from 2 of 39 statements names a stray word, not the part.
QUALIFIER_SHARE = 0.2


def _qualifier_ok(
    phrase: str,
    parent: str,
    texts: Sequence[str],
    thing: bool = True,
    others: Sequence[str] = (),
    common: Collection[str] = frozenset(),
) -> bool:
    """A sub-theme qualifier: a phrase of words its parent's name lacks and not only the
    run's ``common`` (domain) words ("can't book: flight" on airline), no glued slip,
    usable by :func:`voc.themes.distinct.usable_phrase` (said by two distinct statements, no
    code, not only general words; with ``thing``, ending in a noun) and, given the
    theme's ``others`` statements, said :data:`LIFT` times as often by ``texts`` as by
    them (the class-based contrast between siblings: "bag lost: job" from four
    statements of 300 that say "job" no more than the rest does not set them apart)."""
    from voc.themes.distinct import distinct_said, usable_phrase
    from voc.themes.evidence import said_by

    own = _lemmas(parent)
    if not phrase or _lemmas(phrase) & own or any(glued(w) for w in phrase.split()):
        return False
    if _lemmas(phrase) <= set(common):
        return False
    said = distinct_said(texts)
    if not usable_phrase(phrase, own, said, texts, thing=thing):
        return False
    if said_by(phrase, said) < QUALIFIER_SHARE * len(said):
        return False
    if not others:
        return True
    rest = distinct_said(others)
    inside = said_by(phrase, said) / max(1, len(said))
    return inside >= LIFT * said_by(phrase, rest) / max(1, len(rest))


def joined(parent: str, qualifier: str, texts: Sequence[str]) -> str:
    """The sub-theme's ``qualifier`` worked into the phrase its statements write with it
    ("lost suitcase" for "luggage lost" + "suitcase": :func:`voc.themes.subphrase.worked_in`),
    else "": "parent: qualifier" reads as two labels glued together (every blind reader
    rejected "worst airline: airport"), so the sub-theme keeps its own name or folds."""
    return worked_in(parent, qualifier, texts) if qualifier else ""


def sub_name(
    parent: str,
    name: str,
    phrases: Sequence[str] = (),
    texts: Sequence[str] = (),
    others: Sequence[str] = (),
    common: Collection[str] = frozenset(),
) -> str:
    """A sub-theme name that reads as a problem and differs from its parent's: its own
    when it says one ("identity check failed"), else the parent's problem with the
    sub-theme's subject worked into what its statements write (:func:`joined`: "lost
    suitcase" under "luggage lost"); when its own name is the parent's (or only its
    words), the first of the sub-theme's key phrases of other words its statements work
    in so ("wrong exchange rate for cash"). A qualifier is said by at least two of the
    sub-theme's statements (when ``texts`` are given), said much more by them than by
    the theme's ``others`` (:func:`_qualifier_ok`), never a code or a general word
    ("minutes") and a thing named ("suitcase"), never a verb or an adjective
    ("updated"). A name that is the parent's with words added ("card charged twice")
    keeps them only when they pass as a qualifier. Never "parent: qualifier" (r31q: read
    as two labels glued together): without a qualifier worked in, the sub-theme keeps its
    own name when that says a problem; a name without one under a problem ("bag drop"
    under "bag lost") gives the parent's, so :func:`fold_unnamed` folds it."""
    room = max(1, 5 - len(parent.split()))

    def ok(q: str, thing: bool) -> bool:
        if not texts:
            return bool(q) and not _lemmas(q) & _lemmas(parent)
        return _qualifier_ok(q, parent, texts, thing, others, common)

    def fitting() -> Iterator[str]:  # key phrases short enough that qualify as a thing
        return (p for p in phrases if len(p.split()) <= room and ok(p, True))

    def tail() -> str:
        return next(fitting(), "")

    def worked() -> str:  # the first qualifier its statements work in
        return next((w for p in fitting() if (w := joined(parent, p, texts))), "")

    if is_mixed(parent):
        # the parts of a mixed theme are named by their own statements, or what they mention
        found = tail() if name == parent else ""
        return f"{MIXED} about {found}" if found else name
    if is_mixed(name):
        # a noun it names, else its best key phrase, as a qualifier ("no flight bag:
        # customer"), never a cut of its words ("no flight bag: and customer")
        named = [q for q in name.partition(" about ")[2].split(" and ") if q]
        nouns = [q for q in named if not _lemmas(q) & _lemmas(parent)]
        found = next((q for q in nouns if ok(q, True)), "") or tail() \
            if parent and named else ""
        return joined(parent, found, texts) or name
    if parent and _lemmas(name) <= _lemmas(parent):
        return worked() or name
    if parent and texts and lemma(name.split()[-1].lower()) in FILLER:
        # "delivery problems" under "haven't received card" says only that something is
        # wrong with a thing: that thing qualifies the parent, if it sets the part apart
        subject = " ".join(w for w in name.split()
                           if lemma(w.lower()) not in FILLER | _lemmas(parent))
        found = joined(parent, subject, texts) if subject and ok(subject, True) else ""
        return found or worked() or parent
    extra = _lemmas(name) - _lemmas(parent)
    if parent and _lemmas(parent) <= _lemmas(name) and texts:
        # the parent's name with a word added ("card charged twice" under "charged
        # twice"): that word must set the sub-theme apart as a qualifier would
        added = [w for w in name.split() if lemma(w.lower()) in extra]
        if added and ok(" ".join(added), False):
            return name
        return worked() or parent
    if is_problem(name) or not is_problem(parent) or name in parent:
        return name
    words = [w for w in name.split() if lemma(w) not in _lemmas(parent)] or name.split()
    own = " ".join(words[-room:])
    found = joined(parent, own, texts) if ok(own, True) else ""
    return found or worked() or parent


def subtheme_labels(vecs: np.ndarray, texts: list[str], min_size: int, seed: int) -> np.ndarray:
    """Sub-theme label per statement of a large theme (-1: none), clustered at a finer grain."""
    return cluster_statements(
        vecs,
        texts,
        min_size=max(3, min_size // 4),
        # 1.0 (scaled down for a few dozen statements) never split a theme of the sample
        resolution=2.0,
        assign_threshold=0.0,
        seed=seed,
        stable=False,
    )


#: A lemma this share of a run's statements say is a domain word no sub-theme qualifier
#: may be alone: half :data:`voc.themes.distinct.COMMON_SHARE`, since the parts of one
#: theme are told apart by finer things than themes are ("refund isn't showing:
#: account", "couldn't transfer: money" on Banking77, where 13% and 11% say them).
SUB_COMMON_SHARE = 0.1


#: Key phrases per sub-theme.
SUB_PHRASES = 5


#: Share of a theme's statements one sub-theme may hold: a larger one splits nothing
#: ("flight cancelled: phone", 223 of 233), so the theme is shown whole.
DOMINANT = 0.8


def name_subthemes(
    sub: np.ndarray, texts: list[str], parent: str = "", common: Collection[str] = frozenset()
) -> list[SubTheme]:
    """Named sub-themes of one theme from its statements' sub-theme labels (none if < 2,
    or when one holds :data:`DOMINANT` of the theme), without those :func:`fold_unnamed`
    folds into the theme's remainder. Every qualifier is weighed against the theme's
    other statements (:data:`LIFT`), so siblings are never told apart by a word the
    whole theme says ("stop calling: phone"); a name a larger sibling still holds is
    folded."""
    ids = sorted(set(sub.tolist()) - {OTHER})
    if len(ids) < 2:
        return []
    groups = [np.flatnonzero(sub == c) for c in ids]
    if max(len(g) for g in groups) >= DOMINANT * len(texts):
        return []
    more = key_phrases([[texts[i] for i in g] for g in groups], n_phrases=2 * SUB_PHRASES)
    phrases = [m[:SUB_PHRASES] for m in more]  # the greedy choice: a prefix of the longer
    stx = [[texts[i] for i in g] for g in groups]
    # a sub-theme is never named by a frame (framed=False): a mixed one takes its parent
    own = [theme_name(ph, t, t[0], False) for ph, t in zip(phrases, stx, strict=True)]
    # every qualifier is weighed against the theme's other statements: one the whole
    # theme says ("stop calling: phone", "atm not working: cash") sets no part apart
    rests = [[texts[i] for i in np.flatnonzero(sub != c)] for c in ids]
    names = [sub_name(parent, o, m, t, r, common)
             for o, m, t, r in zip(own, more, stx, rests, strict=True)]
    subs = [
        SubTheme(
            label=c,
            name=n,
            key_phrases=ph,
            n_statements=len(g),
            spare_phrases=m[SUB_PHRASES:],
        )
        for c, g, n, ph, m in zip(ids, groups, names, phrases, more, strict=True)
    ]
    # named by what their statements write, or folded (:mod:`voc.themes.subwritten`)
    subs = written_subthemes(subs, sub, texts, parent)
    return fold_unnamed(sub, subs, parent, siblings=True, texts=texts, common=common)[1]


def _subthemes(
    vecs: np.ndarray, texts: list[str], min_size: int, seed: int, parent: str = "",
    common: Collection[str] = frozenset(),
) -> tuple[np.ndarray, list[SubTheme]]:
    """Sub-theme label per statement of a large theme (-1: none) and the sub-themes."""
    sub = subtheme_labels(vecs, texts, min_size, seed)
    subs = name_subthemes(sub, texts, parent, common)
    if not subs:
        return np.full(len(texts), OTHER, dtype=int), []
    keep = sorted(s.label for s in subs)
    return np.where(np.isin(sub, keep), sub, OTHER), subs


def build_drafts(
    st: pd.DataFrame,
    vectors: np.ndarray,
    fidx: np.ndarray,
    labels: np.ndarray,
    keys: dict[int, str],
    n_key_phrases: int = 8,
    subtheme_min_size: int = 12,
    seed: int = 0,
    names: dict[int, str] | None = None,
) -> list[ThemeDraft]:
    """One draft per label (and per pinned codeframe theme), named, without quotes yet:
    :func:`voc.themes.evidence.finish_evidence` picks them once every name is final."""
    names = names or {}
    uniq = sorted(set(labels.tolist()) | set(keys), key=lambda c: (c < 0, c))
    texts = st["text"].to_numpy()[fidx]
    groups = [np.flatnonzero(labels == c) for c in uniq]
    # twice as many as shown: phrases that repeat the final name are dropped later
    # (:mod:`voc.themes.evidence`); the greedy choice makes the first n the same
    more = key_phrases([texts[g].tolist() for g in groups], n_phrases=2 * n_key_phrases)
    from voc.themes.distinct import common_lemmas  # the run's domain words

    common = common_lemmas([str(t) for c, g in zip(uniq, groups, strict=True) if c >= 0
                            for t in texts[g]], SUB_COMMON_SHARE)
    drafts: list[ThemeDraft] = []
    for c, g, m in zip(uniq, groups, more, strict=True):
        ph = m[:n_key_phrases]
        vecs = vectors[fidx[g]]
        tx = texts[g].tolist()
        if c < 0:
            name = "other friction"
        elif c in names:
            name = names[c]
        else:
            first = centre_quote(vecs, tx)
            name = theme_name(ph, tx, tx[first] if first >= 0 else "")
        sub_labels, subs = (
            _subthemes(vecs, tx, subtheme_min_size, seed, name, common)
            if c >= 0 and len(g) >= subtheme_min_size
            else (np.full(len(g), OTHER, dtype=int), [])
        )
        drafts.append(
            ThemeDraft(
                label=int(c),
                statement_idx=g,
                name=name,
                key_phrases=ph,
                quote_ids=[],  # picked once the name is final: evidence.finish_evidence
                theme_key=keys.get(int(c)),
                sub_labels=sub_labels,
                subthemes=subs,
                spare_phrases=m[n_key_phrases:],
            )
        )
    return drafts


def names_from(result: Any) -> dict[int, str]:
    """Codeframe names per label, from a :class:`voc.themes.assign.ClusterResult`."""
    return dict(getattr(result, "names", {}) or {})

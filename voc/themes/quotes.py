"""Pick representative quotes: close to the theme centre, readable and different from each other.

A product manager reads three to five quotes per theme. On real support traffic the
statements nearest the centre are often the same complaint written twice ("Flight
Cancelled Flightled." from three airlines' customers), a retweet of another quote, or
mostly @handles and links. So a quote is chosen in order of closeness to the centre,
statements that say a word of the theme's name (they show its subject or problem)
first, and skipping:

- a **near copy** of a quote already chosen: their content lemmas (handles, links,
  numbers and stop words aside) overlap at Jaccard >= :data:`COPY_JACCARD`, or one holds
  all of the other's (of at least 3, or 2 of at most 4), or the sentence vectors are
  ``max_similarity`` close;
- a **retweet** ("RT @user: ...") when another statement is left;
- an **unreadable** statement: at least half of its tokens are handles, hashtags or links,
  or fewer than :data:`MIN_WORDS` plain words are left.

- past the :data:`MIN_QUOTES`-th quote, a statement that says no word of the name: a
  fourth quote about something else is noise beside the name, so a theme whose
  statements rarely say its name shows three.

Skipped statements fill up only when fewer than three quotes would otherwise be shown.
Measured with ``bench/audit_report.py`` (quotes sharing no word with the name, mean
cosine of the quotes to their theme's centre): ``docs/benchmarks.md``, round 11.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

from voc.themes.lemmas import lemma_terms

#: Two quotes sharing this share of their content lemmas say the same thing.
COPY_JACCARD = 0.6
#: Quotes shown whatever they say (when the theme has that many distinct texts); more
#: are shown only when they say a word of the name.
MIN_QUOTES = 3
#: Plain words (handles, hashtags and links aside) a readable quote has at least.
MIN_WORDS = 3
_TOKEN = re.compile(r"\S+")
_NOISE = re.compile(r"^[\"'(]*(?:@\w+|#\w+|https?://\S*|www\.\S*)[^\w]*$", re.IGNORECASE)
_RETWEET = re.compile(r"^\W*RT\s+@\w+", re.IGNORECASE)
_PLAIN = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b", re.IGNORECASE)


@lru_cache(maxsize=65536)
def gist(text: str) -> frozenset[str]:
    """Content lemmas of ``text``: what it says, spelling, handles and filler aside."""
    return frozenset(lemma_terms(_POSSESSIVE.sub("", text)))


def near_copy(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when two gists say the same thing (see the module docstring)."""
    if not a or not b:
        return a == b
    shared, small = len(a & b), min(len(a), len(b))
    if shared >= COPY_JACCARD * len(a | b):
        return True
    # one says all the other says: a copy with more words ("flight cancelled, can't go home")
    return shared == small and (small >= 3 or small == 2 and shared * 2 >= len(a | b))


def says_name(name: str, texts: Sequence[str]) -> bool:
    """True when some text says a content word of ``name`` (its :func:`gist`), or the
    name has none."""
    want = gist(name)
    return not want or any(want & gist(t) for t in texts)


def is_retweet(text: str) -> bool:
    """"RT @user: ..." (a copy of someone else's tweet)."""
    return bool(_RETWEET.match(text))


def readable(text: str) -> bool:
    """Not mostly handles, hashtags and links, and at least :data:`MIN_WORDS` plain words."""
    toks = _TOKEN.findall(text)
    noise = [t for t in toks if _NOISE.match(t) or t.upper() == "RT"]
    if not toks or len(noise) * 2 >= len(toks):
        return False
    plain = [w for t in toks if t not in noise for w in _PLAIN.findall(t)]
    return len(plain) >= MIN_WORDS


def _closeness(vectors: np.ndarray) -> np.ndarray:
    """Cosine of each vector to the unit mean of ``vectors``."""
    centre = vectors.mean(axis=0)
    centre = centre / max(float(np.linalg.norm(centre)), 1e-12)
    return vectors @ centre


def _ranked(
    sims: np.ndarray,
    texts: Sequence[str],
    min_chars: int,
    max_chars: int,
    shows: Callable[[int], bool] = lambda i: False,
) -> list[int]:
    """Indices by closeness to the centre (``sims``), statements that ``shows`` (say the
    name) first and very short or very long ones after the others; ties by text."""

    def tier(i: int) -> int:
        fits = min_chars <= len(texts[i]) <= max_chars
        return (0 if shows(i) else 1) + (0 if fits else 2)

    return sorted(range(len(texts)), key=lambda i: (tier(i), -round(float(sims[i]), 6), texts[i]))


def centre_quote(
    vectors: np.ndarray, texts: Sequence[str], min_chars: int = 25, max_chars: int = 320
) -> int:
    """Index of the statement :func:`representative` would quote first without a name
    (-1 for no texts), at a fraction of its cost: no gists, no diversity checks.

    Naming uses it as a fallback text before the final quotes are picked once the name
    is known (:func:`voc.themes.evidence.finish_evidence`).
    """
    if not len(texts):
        return -1
    order = _ranked(_closeness(vectors), texts, min_chars, max_chars)
    return next((i for i in order if readable(texts[i]) and not is_retweet(texts[i])), order[0])


def representative(
    vectors: np.ndarray,
    texts: Sequence[str],
    k: int = 3,
    max_similarity: float = 0.9,
    min_chars: int = 25,
    max_chars: int = 320,
    name: str = "",
) -> list[int]:
    """Indices of up to ``k`` quotes, best first (see the module docstring).

    Ranked by cosine to the centroid; with ``name``, statements saying one of its content
    lemmas come first, and only those are taken past the :data:`MIN_QUOTES`-th. Very
    short or very long statements come after the others. At least three distinct texts
    are returned when the theme has them, even if they are similar.
    """
    n = len(texts)
    if n == 0:
        return []
    sims = _closeness(vectors)
    gists = [gist(t) for t in texts]
    want = gist(name) if name else frozenset()

    order = _ranked(sims, texts, min_chars, max_chars, lambda i: bool(want & gists[i]))
    chosen: list[int] = []
    seen_texts: set[str] = set()

    def take(i: int) -> None:
        chosen.append(i)
        seen_texts.add(texts[i].strip().lower())

    for i in order:
        if texts[i].strip().lower() in seen_texts or is_retweet(texts[i]):
            continue
        if want and len(chosen) >= MIN_QUOTES and not want & gists[i]:
            continue  # past the third, a quote shows the name's subject or problem
        if not readable(texts[i]):
            continue
        if any(near_copy(gists[i], gists[j]) for j in chosen):
            continue
        if any(float(vectors[i] @ vectors[j]) > max_similarity for j in chosen):
            continue
        take(i)
        if len(chosen) == k:
            return chosen
    # too few diverse, readable ones: fill up with the next closest distinct texts,
    # readable ones that are not retweets first
    for relaxed in (False, True):
        for i in order:
            if len(chosen) >= min(k, MIN_QUOTES):
                return chosen
            if i in chosen or texts[i].strip().lower() in seen_texts:
                continue
            if relaxed or (readable(texts[i]) and not is_retweet(texts[i])):
                take(i)
    return chosen

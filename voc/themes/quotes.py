"""Pick representative quotes: close to the theme centre and different from each other."""

from __future__ import annotations

import numpy as np


def representative(
    vectors: np.ndarray,
    texts: list[str],
    k: int = 3,
    max_similarity: float = 0.9,
    min_chars: int = 25,
    max_chars: int = 320,
) -> list[int]:
    """Indices of up to ``k`` quotes, best first.

    Ranked by cosine to the centroid; a candidate too similar to one already
    chosen is skipped, as are very short or very long statements unless there
    is nothing else. At least three distinct texts are returned when the theme
    has them, even if they are similar.
    """
    n = len(texts)
    if n == 0:
        return []
    centre = vectors.mean(axis=0)
    centre = centre / max(float(np.linalg.norm(centre)), 1e-12)
    sims = vectors @ centre
    order = sorted(range(n), key=lambda i: (-round(float(sims[i]), 6), texts[i]))
    fits = [i for i in order if min_chars <= len(texts[i]) <= max_chars]
    rest = [i for i in order if i not in set(fits)]
    chosen: list[int] = []
    seen_texts: set[str] = set()
    for i in fits + rest:
        norm = texts[i].strip().lower()
        if norm in seen_texts:
            continue
        if any(float(vectors[i] @ vectors[j]) > max_similarity for j in chosen):
            continue
        chosen.append(i)
        seen_texts.add(norm)
        if len(chosen) == k:
            break
    # too few diverse ones: fill up with the next closest distinct texts
    for i in fits + rest:
        if len(chosen) >= min(k, 3):
            break
        norm = texts[i].strip().lower()
        if i not in chosen and norm not in seen_texts:
            chosen.append(i)
            seen_texts.add(norm)
    return chosen

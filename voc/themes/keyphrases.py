"""Key phrases of themes, chosen by class-based TF-IDF.

Candidates are the noun phrases and verb phrases a part-of-speech tagger finds
(:mod:`voc.themes.pos`: "bank sync", "card verification", "charged twice", "not
load"), keyed by lemmas so inflections count as one phrase, shown in the theme's
most frequent wording; stop words, placeholders, numbers, chat boilerplate and fixed
expressions ("no doubt", "in an attempt to": :mod:`voc.themes.idioms`) are never part
of one. A phrase scores by how much more frequent it is in the theme than
across all themes (c-TF-IDF), and must occur in several of the theme's statements.
Two- and three-word phrases are preferred when they score close to the best single
word, because "charged twice" says more than "charged". They name themes
(:mod:`voc.themes.naming`) and tell clashing names apart (:mod:`voc.themes.distinct`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from voc.themes.idioms import unidiom
from voc.themes.pos import phrases as phrases_of
from voc.themes.wording import REDACTED, boilerplate, surface

__all__ = ["NGRAM_BONUS", "key_phrases"]

NGRAM_BONUS = {1: 1.0, 2: 1.6, 3: 1.5}


def key_phrases(
    clusters: Sequence[Sequence[str]],
    n_phrases: int = 8,
    max_n: int = 3,
    min_doc_share: float = 0.08,
    min_docs: int = 2,
) -> list[list[str]]:
    """Key phrases per cluster (best first) from each cluster's statement texts, each
    said by ``min_doc_share`` of them and at least ``min_docs`` (clusters of 4+).

    Class-based TF-IDF over the lemmas of noun and verb phrases
    (:func:`voc.themes.pos.phrases`): "charged twice", "charge twice" and
    "charges twice" count as one phrase, shown in its most frequent wording.
    """
    per_cluster: list[Counter[str]] = []
    forms: list[dict[str, Counter[str]]] = []
    total: Counter[str] = Counter()
    for texts in clusters:
        c: Counter[str] = Counter()
        f: dict[str, Counter[str]] = {}
        for text in texts:
            found = phrases_of(unidiom(text), max_n)  # no "doubt" of "no doubt"
            c.update(found.keys())  # document frequency within the cluster
            for key, said in found.items():
                f.setdefault(key, Counter())[said] += 1
        per_cluster.append(c)
        forms.append(f)
        total.update(c)
    n_clusters = max(len(clusters), 1)
    out: list[list[str]] = []
    for texts, counts, f in zip(clusters, per_cluster, forms, strict=True):
        n_docs = max(len(texts), 1)
        min_df = max(min_docs, math.ceil(min_doc_share * n_docs)) if n_docs >= 4 else 1
        scored: list[tuple[float, str]] = []
        for key, df in counts.items():
            if df < min_df or _unshowable(key):
                continue
            tf = df / n_docs
            idf = math.log(1 + n_clusters * df / total[key])
            n = key.count(" ") + 1
            scored.append((tf * idf * NGRAM_BONUS.get(n, 1.0), key))
        scored.sort(key=lambda s: (-s[0], s[1]))
        chosen: list[str] = []
        for _, key in scored:
            if any(f" {key} " in f" {c} " or f" {c} " in f" {key} " for c in chosen):
                continue
            chosen.append(key)
            if len(chosen) == n_phrases:
                break
        out.append([surface(f[k]) for k in chosen])
    return out


def _unshowable(key: str) -> bool:
    """A phrase that is no evidence: a redaction mark ("xxxx xxxx", "dob xx") or the
    boilerplate of complaint letters ("fcra", "account number")."""
    return any(REDACTED.fullmatch(w) for w in key.split()) or boilerplate(key)

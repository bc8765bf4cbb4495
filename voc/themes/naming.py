"""Name themes with short readable phrases chosen by class-based TF-IDF.

Candidates are word n-grams (1-3 words) that neither start nor end with a stop
word and contain no placeholder or number. A phrase scores by how much more
frequent it is in the theme than across all themes (c-TF-IDF), and must occur
in several of the theme's statements. Two- and three-word phrases are preferred
when they score close to the best single word, because "charged twice" says
more than "charged".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

_KEEP = {"not", "no", "never", "cannot", "twice", "again", "nothing", "without", "first"}
STOPWORDS = frozenset(
    (
        set(STOP_WORDS)
        | {
            "im",
            "ive",
            "dont",
            "cant",
            "didnt",
            "doesnt",
            "wont",
            "isnt",
            "thats",
            "hi",
            "hello",
            "thanks",
            "thank",
            "please",
            "pls",
            "just",
            "really",
            "like",
            "got",
            "get",
            "also",
            "still",
            "ok",
            "okay",
            "yes",
            "yeah",
            "um",
            "uh",
            "hey",
            "lot",
            "team",
            "guys",
        }
    )
    - _KEEP
)
_TOKEN = re.compile(r"\[[a-z]+\]|[a-z][a-z'’\-]*[a-z]|[a-z]")
_CONTRACTION = {"can't": "cannot", "won't": "will not", "n't": " not"}
NGRAM_BONUS = {1: 1.0, 2: 1.6, 3: 1.5}


def tokens(text: str) -> list[str]:
    """Lowercase word tokens; placeholders like [EMAIL] kept as-is to be excluded later."""
    t = text.lower().replace("’", "'")
    return [w.strip("'-") for w in _TOKEN.findall(t)]


def _ngrams(words: list[str], max_n: int) -> set[str]:
    out: set[str] = set()
    for n in range(1, max_n + 1):
        for i in range(len(words) - n + 1):
            gram = words[i : i + n]
            if gram[0] in STOPWORDS or gram[-1] in STOPWORDS:
                continue
            if any(w.startswith("[") or len(w) < 2 or "'" in w for w in gram):
                continue
            if n == 1 and gram[0] in _KEEP:
                continue
            out.add(" ".join(gram))
    return out


def key_phrases(
    clusters: Sequence[Sequence[str]],
    n_phrases: int = 8,
    max_n: int = 3,
    min_doc_share: float = 0.08,
) -> list[list[str]]:
    """Key phrases per cluster (best first) from each cluster's statement texts."""
    per_cluster: list[Counter[str]] = []
    total: Counter[str] = Counter()
    for texts in clusters:
        c: Counter[str] = Counter()
        for text in texts:
            c.update(_ngrams(tokens(text), max_n))  # document frequency within the cluster
        per_cluster.append(c)
        total.update(c)
    n_clusters = max(len(clusters), 1)
    out: list[list[str]] = []
    for texts, counts in zip(clusters, per_cluster, strict=True):
        n_docs = max(len(texts), 1)
        min_df = max(2, math.ceil(min_doc_share * n_docs)) if n_docs >= 4 else 1
        scored: list[tuple[float, str]] = []
        for phrase, df in counts.items():
            if df < min_df:
                continue
            tf = df / n_docs
            idf = math.log(1 + n_clusters * df / total[phrase])
            n = phrase.count(" ") + 1
            scored.append((tf * idf * NGRAM_BONUS.get(n, 1.0), phrase))
        scored.sort(key=lambda s: (-s[0], s[1]))
        chosen: list[str] = []
        for _, phrase in scored:
            if any(phrase in c or c in phrase for c in chosen):
                continue
            chosen.append(phrase)
            if len(chosen) == n_phrases:
                break
        out.append(chosen)
    return out


def theme_name(phrases: Sequence[str], texts: Sequence[str], fallback: str = "") -> str:
    """A short name a person would write, from the key phrases and the theme's texts.

    The best key phrase is used when it already has several words ("pricing
    page"). Otherwise the most frequent multi-word phrase of the theme that
    contains its top key words wins ("card verification" over "verification",
    "charged twice" over "charged"), weighted by how many of them it holds.
    """
    if not phrases:
        words = tokens(fallback)[:5]
        return " ".join(words) if words else "unnamed theme"
    if " " in phrases[0]:
        return phrases[0]
    top = [p for p in phrases if " " not in p][:3]
    df: Counter[str] = Counter()
    for text in texts:
        df.update(_ngrams(tokens(text), 3))
    best: tuple[float, str] | None = None
    for phrase, count in sorted(df.items()):
        if " " not in phrase or count < 2:
            continue
        words = set(phrase.split())
        weight = sum(len(top) - i for i, u in enumerate(top) if u in words)
        if weight == 0:
            continue
        score = count * weight / (1 + 0.3 * phrase.count(" "))
        if best is None or score > best[0]:
            best = (score, phrase)
    return best[1] if best else phrases[0]

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


#: What went wrong, as a person would say it: (pattern over lowercase text, phrase).
PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), name)
    for p, name in (
        (r"\b(charged|billed) (me )?(twice|double|two times)|double[- ]charg|duplicate charge",
         "charged twice"),
        (r"\b(crash|crashes|crashed|crashing)\b", "crashes"),
        (r"\b(fail|fails|failed|failing|failure)\b", "fails"),
        (r"\b(not|n't|never|stopped) (work|working|load|loading|sync|syncing|connect|"
         r"connecting)\b|\bbroken\b", "not working"),
        (r"\b(declined|rejected|refused)\b", "declined"),
        (r"\b(missing|disappeared|vanished)\b", "missing"),
        (r"\b(wrong|incorrect|inaccurate)\b", "wrong"),
        (r"\b(slow|sluggish|takes forever|lag|lags|laggy)\b", "slow"),
        (r"\b(locked out|can't log|cannot log|can not log|unable to log)", "cannot log in"),
        (r"\b(waiting|waited|no response|no reply|never heard|days later|still waiting)\b",
         "long wait"),
        (r"\b(confus\w*|unclear|hard to find|can't find|cannot find|no idea how)\b",
         "confusing"),
        (r"\b(too expensive|overpriced|price increase|price hike|costs too much)\b",
         "too expensive"),
        (r"\b(error|errors)\b", "errors"),
    )
)


def problem_phrase(texts: Sequence[str], min_share: float = 0.2) -> str:
    """The most frequent way things go wrong in ``texts`` (in at least ``min_share``)."""
    counts: Counter[str] = Counter()
    for text in texts:
        t = text.lower().replace("’", "'")
        counts.update({name for pat, name in PROBLEMS if pat.search(t)})
    if not counts:
        return ""
    order = {name: i for i, (_, name) in enumerate(PROBLEMS)}
    name, n = min(counts.items(), key=lambda kv: (-kv[1], order[kv[0]]))
    return name if n >= max(2, min_share * len(texts)) else ""


def theme_name(phrases: Sequence[str], texts: Sequence[str], fallback: str = "") -> str:
    """A short name a person would write: what is affected, plus what goes wrong.

    The subject comes from the key phrases (:func:`subject_phrase`); when the
    theme's statements share a way of going wrong that the subject does not
    already say ("fails", "charged twice", "long wait"), it is appended:
    "bank sync" + "fails" → "bank sync fails".
    """
    subject = subject_phrase(phrases, texts, fallback)
    problem = problem_phrase(texts)
    if not problem or subject == "unnamed theme":
        return subject
    sw = set(subject.split())
    pw = set(problem.split())
    if sw <= pw:
        return problem
    if sw & pw or any(p.search(subject) for p, name in PROBLEMS if name == problem):
        return subject
    if problem == "long wait":
        return f"long wait for {subject}"
    return f"{subject} {problem}"


def subject_phrase(phrases: Sequence[str], texts: Sequence[str], fallback: str = "") -> str:
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

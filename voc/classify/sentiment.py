"""Sentiment classifier: embeddings plus lexical features, trained on the taxonomy.

Features per statement:

- the sentence embedding (meaning, including sarcasm the lexicon misses);
- VADER compound / positive / negative scores when ``vaderSentiment`` is
  installed (negation, intensifiers, emoticons);
- counts of each class's cue phrases from ``sentiment.yaml`` (customer-service
  language: "still waiting", "third time", "thanks for nothing", ...);
- punctuation: question mark, exclamation, and "thanks ... but".

A seeded multinomial logistic regression is trained on the taxonomy's written
examples; classes are not re-weighted, so the larger negative set (complaints
come in many forms) acts as the prior of a support inbox. A user's labelled
statements train a second model, blended in as their number grows.
The score is ``P(positive) - P(negative)`` in [-1, 1].
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from voc.classify._match import CueMatcher, normalize
from voc.classify.adapt import spread
from voc.labels import SENTIMENT_IDS, SentimentTaxonomy

log = logging.getLogger(__name__)

Encode = Callable[[list[str]], np.ndarray]

#: Scale of the lexical block relative to the unit-norm embedding. Airline tweets, zero-shot
#: macro-F1 (with C): 0.5 (16) 0.706, 0.35 (8) 0.718, 0.25 (4) 0.713; the lighter blocks
#: change the friction statements enough to split two planted themes of the sample.
LEXICAL_SCALE = 0.5
#: Item-level: a statement at or below this score is a strong complaint.
STRONG_COMPLAINT = -0.5
#: Scores within +-NEUTRAL_BAND of 0 are neutral at item level.
NEUTRAL_BAND = 0.2
#: Sample weight of a user-labelled statement relative to a written example.
USER_WEIGHT = 3.0
#: Inverse regularisation of the logistic regression.
MODEL_C = 16.0
#: Number of user examples at which the model trained on them alone weighs as much as
#: the taxonomy's (its weight is n / (n + USER_PRIOR)). Airline tweets, 16 per class:
#: macro-F1 0.714 at 16, 0.716 at 32 (3 draws, spread 0.009).
USER_PRIOR = 16.0
#: Inverse regularisation of the model trained on user examples alone (embeddings only:
#: the lexical block over-fits a few dozen examples).
USER_C = 1.0

_THANKS_BUT = re.compile(r"\b(thanks|thank you|appreciate)\b.*\b(but|however|still)\b")


@lru_cache(maxsize=1)
def _vader() -> Any | None:
    """VADER analyzer, or None when the optional package is absent."""
    try:
        from voc.classify.vader_fast import FastVader  # VADER's numbers, less work per word
    except ImportError:  # pragma: no cover - depends on the environment
        log.info("vaderSentiment not installed; sentiment uses embeddings and cues only")
        return None
    return FastVader()


#: Texts whose VADER scores this process remembers (then it starts over): support inboxes
#: repeat statements across chunks ("Thanks!", "Any update?", template sentences).
VADER_MEMO = 100_000
_VADER_MEMO: dict[str, tuple[float, float, float]] = {}


def vader_scores(texts: list[str]) -> np.ndarray:
    """(n, 3) compound, pos, neg from VADER; zeros when it is not installed.

    VADER is pure Python and scores a text alone, so a text seen before in this process
    (any chunk) takes its remembered scores: the same numbers, computed once.
    """
    analyzer = _vader()
    out = np.zeros((len(texts), 3), dtype=np.float32)
    if analyzer is None:
        return out
    memo = _VADER_MEMO
    for i, text in enumerate(texts):
        got = memo.get(text)
        if got is None:
            s = analyzer.polarity_scores(text)
            got = (s["compound"], s["pos"], s["neg"])
            if len(memo) >= VADER_MEMO:
                memo.clear()
            memo[text] = got
        out[i] = got
    return out


class SentimentClassifier:
    """Label statements negative / neutral / positive with a score in [-1, 1]."""

    def __init__(self, taxonomy: SentimentTaxonomy, seed: int = 0) -> None:
        self.taxonomy = taxonomy
        self.seed = seed

    def _lexical(self, texts: list[str]) -> np.ndarray:
        counts = self.cues_.counts(texts)
        cue = np.array(
            [[min(c.get(cid, 0), 3) / 3 for cid in SENTIMENT_IDS] for c in counts],
            dtype=np.float32,
        ).reshape(len(texts), len(SENTIMENT_IDS))
        norm = [normalize(t) for t in texts]
        punct = np.array(
            [[float("?" in t), float("!" in t), float(bool(_THANKS_BUT.search(t)))] for t in norm],
            dtype=np.float32,
        ).reshape(len(texts), 3)
        return np.hstack([vader_scores(texts), cue, punct])

    def features(self, texts: list[str], vectors: np.ndarray) -> np.ndarray:
        """Embedding and scaled lexical features side by side."""
        if len(texts) != len(vectors):
            raise ValueError("texts and vectors must have the same length")
        V = np.asarray(vectors, dtype=np.float32)
        return np.hstack([V, LEXICAL_SCALE * self._lexical(list(texts))])

    def fit(
        self,
        encode: Encode,
        extra_texts: list[str] | None = None,
        extra_labels: list[str] | None = None,
    ) -> SentimentClassifier:
        """Train on the taxonomy's examples, plus the user's labelled statements if given.

        User examples join the written ones with sample weight :data:`USER_WEIGHT`, and
        also train a second model of their own (embeddings only), blended in with weight
        ``n / (n + USER_PRIOR)``: a few labels adapt the classifier without replacing what
        the taxonomy teaches, many labels take over. (The first alone added nothing on
        airline tweets, 16 per class: macro-F1 0.680 vs 0.689 zero-shot on the same rows.)
        """
        self.cues_ = CueMatcher({c.id: c.cues for c in self.taxonomy.classes})
        texts: list[str] = []
        y: list[int] = []
        for cls in self.taxonomy.classes:
            texts += cls.examples
            y += [SENTIMENT_IDS.index(cls.id)] * len(cls.examples)
        extra_texts, extra_labels = list(extra_texts or []), list(extra_labels or [])
        if len(extra_texts) != len(extra_labels):
            raise ValueError("extra_texts and extra_labels must have the same length")
        bad = sorted(set(extra_labels) - set(SENTIMENT_IDS))
        if bad:
            raise ValueError(f"unknown sentiment label(s): {', '.join(bad)}")
        # In the main model, user examples keep the written examples' class balance (labels
        # are often drawn evenly per class, the data rarely is); the taxonomy sets the prior.
        share = np.bincount(y, minlength=len(SENTIMENT_IDS)) / max(len(y), 1)
        yu = np.array([SENTIMENT_IDS.index(lab) for lab in extra_labels], dtype=int)
        nu = np.bincount(yu, minlength=len(SENTIMENT_IDS))
        per = np.where(nu > 0, share * len(yu) / np.maximum(nu, 1), 0.0)
        w = np.array([1.0] * len(texts) + [USER_WEIGHT * per[k] for k in yu])
        n_written = len(texts)
        all_texts = texts + extra_texts
        V = np.asarray(encode(all_texts), dtype=np.float32)
        self.model_ = LogisticRegression(C=MODEL_C, max_iter=2000, random_state=self.seed).fit(
            self.features(all_texts, V), np.array(y + yu.tolist()), sample_weight=w
        )
        # It only shares out the probability of the classes it has seen (predict_proba), and
        # its classes are balanced: how many labels a user gives a class is not its frequency.
        self.user_model_: LogisticRegression | None = None
        self.user_weight_ = 0.0
        # The user's examples are labelled nodes of the transductive graph (see predict).
        self.seed_vectors_ = V[n_written:]
        self.seed_labels_ = np.eye(len(SENTIMENT_IDS))[yu]
        if len(set(yu.tolist())) >= 2:
            self.user_model_ = LogisticRegression(
                C=USER_C, max_iter=2000, class_weight="balanced", random_state=self.seed
            ).fit(V[n_written:], yu)
            self.user_weight_ = len(yu) / (len(yu) + USER_PRIOR)
        log.debug(
            "sentiment classifier fit on %d examples and %d user examples",
            n_written,
            len(extra_texts),
        )
        return self

    def predict_proba(self, texts: list[str], vectors: np.ndarray) -> np.ndarray:
        """(n, 3) probabilities in the order negative, neutral, positive."""
        if len(texts) == 0:
            return np.zeros((0, 3))
        F = self.features(texts, vectors)
        out = np.zeros((len(texts), 3))
        out[:, self.model_.classes_] = self.model_.predict_proba(F)
        if self.user_model_ is not None:
            seen = self.user_model_.classes_
            pu = out.copy()
            mass = out[:, seen].sum(axis=1, keepdims=True)
            pu[:, seen] = mass * self.user_model_.predict_proba(np.asarray(vectors, np.float32))
            out = (1 - self.user_weight_) * out + self.user_weight_ * pu
        return out

    def predict(
        self, texts: list[str], vectors: np.ndarray, adapt: bool = False
    ) -> tuple[list[str], np.ndarray]:
        """Labels and scores ``P(positive) - P(negative)`` in [-1, 1].

        ``adapt``: smooth the probabilities over the batch's own nearest-neighbour graph,
        with the user's examples as labelled nodes (:func:`voc.classify.adapt.spread`).
        Off by default: on airline tweets it adds little (macro-F1 0.706 -> 0.720
        zero-shot, 0.707 -> 0.714 with 16 per class) and it moves enough sentiment scores
        of the sample inbox to split a planted friction theme in two.
        """
        p = self.predict_proba(texts, vectors)
        if adapt and len(p):
            sv = getattr(self, "seed_vectors_", None)
            seeds = (sv, self.seed_labels_) if sv is not None and len(sv) else (None, None)
            p = spread(p, vectors, *seeds)
        labels = [SENTIMENT_IDS[i] for i in p.argmax(axis=1)]
        scores = np.clip(p[:, 2] - p[:, 0], -1.0, 1.0) if len(p) else np.zeros(0)
        return labels, scores


def item_sentiment(labels: list[str], scores: np.ndarray) -> tuple[str, float]:
    """Sentiment of an item from its statements.

    The mean score decides, except that one strong complaint makes the item
    negative even amid praise ("Love the app. But I was charged twice."): a
    customer who complains has a problem, however polite the rest.

    >>> item_sentiment(["positive", "negative"], np.array([0.8, -0.9]))
    ('negative', -0.475)
    """
    s = np.asarray(scores, dtype=np.float64)
    if len(s) == 0:
        return "neutral", 0.0
    mean = float(s.mean())
    worst = float(s.min())
    if worst <= STRONG_COMPLAINT:
        return "negative", min((mean + worst) / 2, -NEUTRAL_BAND / 2)
    if mean >= NEUTRAL_BAND:
        return "positive", mean
    if mean <= -NEUTRAL_BAND:
        return "negative", mean
    # Weak signals: let the statement labels break the tie.
    n_neg = labels.count("negative")
    n_pos = labels.count("positive")
    if n_neg > n_pos and mean < 0:
        return "negative", mean
    if n_pos > n_neg and mean > 0:
        return "positive", mean
    return "neutral", mean

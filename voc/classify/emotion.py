"""Emotion classifier: embeddings and cue phrases, gated by sentiment.

A seeded logistic regression on the embeddings of each emotion's examples gives
probabilities; matched cue phrases add to them. The statement's sentiment
score decides which emotions are possible: negative statements get a
negative-polarity emotion, positive ones a positive emotion, and near-neutral
statements get ``none`` unless a cue clearly names an emotion ("I can't find
where to ..." is confusion even when said calmly).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import numpy as np
from sklearn.linear_model import LogisticRegression

from voc.classify._match import CueMatcher
from voc.labels import EmotionTaxonomy

log = logging.getLogger(__name__)

Encode = Callable[[list[str]], np.ndarray]

#: Sentiment scores with |score| below this count as neutral.
NEUTRAL_BAND = 0.25
#: Probability added per matched cue (at most two cues count).
CUE_BOOST = 0.25
#: Combined evidence below this gives ``none``.
MIN_EVIDENCE = 0.35
#: Weight of a user-labelled example relative to a taxonomy example.
USER_WEIGHT = 3.0


class EmotionClassifier:
    """Assign each statement an emotion id from the taxonomy, or its ``none_label``."""

    def __init__(self, taxonomy: EmotionTaxonomy, seed: int = 0) -> None:
        self.taxonomy = taxonomy
        self.seed = seed

    def fit(
        self,
        encode: Encode,
        extra_texts: list[str] | None = None,
        extra_labels: list[str] | None = None,
    ) -> EmotionClassifier:
        """Train on the taxonomy's examples (and descriptions) plus user-labelled statements.

        User statements labelled with an emotion id count as examples of it, weighted
        :data:`USER_WEIGHT`; those labelled ``none_label`` are not emotion examples and
        are left out.
        """
        self.classes_ = [e.id for e in self.taxonomy.emotions]
        self.polarity_ = np.array([e.polarity for e in self.taxonomy.emotions])
        self.cues_ = CueMatcher({e.id: e.cues for e in self.taxonomy.emotions})
        texts: list[str] = []
        y: list[int] = []
        for k, emotion in enumerate(self.taxonomy.emotions):
            extra = [emotion.description] if emotion.description.strip() else []
            texts += emotion.examples + extra
            y += [k] * (len(emotion.examples) + len(extra))
        w = [1.0] * len(texts)
        for text, label in zip(extra_texts or [], extra_labels or [], strict=True):
            if label in self.classes_:
                texts.append(text)
                y.append(self.classes_.index(label))
                w.append(USER_WEIGHT)
        X = np.asarray(encode(texts), dtype=np.float32)
        if len(self.classes_) > 1:
            self.model_: LogisticRegression | None = LogisticRegression(
                C=4.0, max_iter=2000, class_weight="balanced", random_state=self.seed
            ).fit(X, np.array(y), sample_weight=np.array(w))
        else:
            self.model_ = None
        log.debug("emotion classifier fit on %d texts, %d emotions", len(texts), len(y))
        return self

    def evidence(self, texts: list[str], vectors: np.ndarray) -> np.ndarray:
        """(n, n_emotions) model probability plus cue boosts."""
        n, k = len(texts), len(self.classes_)
        if self.model_ is None:
            p = np.ones((n, k))
        else:
            p = np.zeros((n, k))
            p[:, self.model_.classes_] = self.model_.predict_proba(
                np.asarray(vectors, dtype=np.float32)
            )
        # the same additions as cell by cell, in one array operation
        hits = [[min(c.get(cid, 0), 2) for cid in self.classes_] for c in self.cues_.counts(texts)]
        return p + CUE_BOOST * np.asarray(hits, dtype=np.float64).reshape(n, k)

    def predict(
        self, texts: list[str], vectors: np.ndarray, sentiment_scores: np.ndarray
    ) -> list[str]:
        """Emotion id or the taxonomy's ``none_label`` for each statement."""
        if len(texts) != len(vectors) or len(texts) != len(sentiment_scores):
            raise ValueError("texts, vectors and sentiment_scores must have the same length")
        if len(texts) == 0:
            return []
        none = self.taxonomy.none_label
        ev = self.evidence(list(texts), vectors)
        cue_hits = np.array(
            [[c.get(cid, 0) > 0 for cid in self.classes_] for c in self.cues_.counts(texts)]
        ).reshape(len(texts), len(self.classes_))
        # All rows at once (one boolean matrix), same rules as row by row.
        s = np.asarray(sentiment_scores, dtype=np.float64)[:, None]
        neg, pos = self.polarity_ == "negative", self.polarity_ == "positive"
        neutral = self.polarity_ == "neutral"
        # Calm statement: only an emotion named by a cue, of matching lean.
        lean = np.where(s < 0, neg | neutral, pos | neutral)
        allowed = np.where(
            s <= -NEUTRAL_BAND, neg, np.where(s >= NEUTRAL_BAND, pos, cue_hits & lean)
        )
        allowed = allowed | (neutral & cue_hits)
        masked = np.where(allowed, ev, -np.inf)
        best = masked.argmax(axis=1)
        top = masked[np.arange(len(best)), best]
        keep = allowed.any(axis=1) & (top >= MIN_EVIDENCE)
        return [self.classes_[j] if k else none for j, k in zip(best.tolist(), keep, strict=True)]

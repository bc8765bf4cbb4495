"""Journey-stage classifier built from a :class:`~voc.labels.StageTaxonomy`.

Views of the taxonomy's examples (plus each stage's description and goal) are
blended (:data:`BLEND`):

- a logistic regression on sentence embeddings (the main signal);
- cosine similarity to each stage's centroid (off by default: it hurt on real data);
- a logistic regression on word n-grams, when texts are given (lexical cues
  such as "refund" or "promo code" that embeddings blur), weighed as much as the first.

Statements far from every example (off-topic, gibberish, greetings) get a low
*relevance* and therefore low confidence; below the threshold they are
``unknown``. Relevance is the larger of two measures (:meth:`StageClassifier.relevance`):
closeness to the nearest written example, and a customer-context score, a logistic
regression telling the taxonomy's examples from written stage-less statements
(greetings, thanks, fragments, small talk: ``journey_stages_unknown.yaml``), so that
"flight delayed 5 hours" counts as being about the service although no example says it.
Nothing here knows the stage ids: any taxonomy works.

:meth:`StageClassifier.predict` then adapts the probabilities to the batch being
classified (label spreading over its own nearest-neighbour graph, :mod:`voc.classify.adapt`);
relevance, and so ``unknown``, is computed before and apart from that.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from voc.classify.adapt import spread
from voc.cosine import unit
from voc.errors import ConfigError
from voc.labels import (  # noqa: F401  (Stageless, STAGELESS_FILE: re-exported)
    STAGELESS_FILE,
    UNKNOWN,
    Stageless,
    StageTaxonomy,
    load_stageless,
)

log = logging.getLogger(__name__)

Encode = Callable[[list[str]], np.ndarray]

#: Blend weights of the embedding LR, centroid cosine and lexical LR views. The centroid
#: view is off: on Banking77 it lowered macro-F1 (0.738 -> 0.709 zero-shot, whole dev file).
BLEND = (0.5, 0.0, 0.5)
#: Softmax temperature for centroid cosines.
COSINE_TEMPERATURE = 0.05
#: None lets the number of examples per stage act as a prior (broad stages have more).
CLASS_WEIGHT: str | None = None
#: Max cosine to the nearest training example at which relevance is 0 and 1.
RELEVANCE_RANGE = (0.25, 0.45)
#: Customer-context score (probability that a statement reads like the stage examples
#: rather than like the stage-less ones) at which that part of relevance is 0 and 1.
CONTEXT_RANGE = (0.5, 0.9)
#: Regularisation of the customer-context model.
CONTEXT_C = 1.0
#: A statement whose nearest stage-less example is this much closer than its nearest
#: stage example has relevance 0 ("Sent from my iPhone"); the same margin the other way
#: leaves relevance as it is, linear in between.
STAGELESS_MARGIN = 0.05
#: Relevance (see :meth:`StageClassifier.relevance`) from which an ``unknown`` statement
#: counts as about the journey, not stage-less, and may take its item's stage.
PLACEABLE_RELEVANCE = 0.35
#: Sample weight of a user-labelled example relative to a taxonomy example.
USER_WEIGHT = 3.0
#: Number of user examples at which their own model weighs as much as the taxonomy's
#: (Banking77, 16 per stage: macro-F1 0.786 at 16, 0.790 at 32, 0.781 at 64).
USER_PRIOR = 32.0
#: Regularisation of the model trained on user examples only.
USER_C = 1.0


def _softmax(x: np.ndarray) -> np.ndarray:
    z = x - x.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


#: Fewest words (two letters or more, not a handle, link, hashtag or a redaction mask such
#: as XXXX) a statement needs to be given a stage: a link, a row of hashtags or "XXXX
#: XXXX" says nothing about the journey however close its vector falls to an example.
MIN_WORDS = 2
_WORD = re.compile(r"(?<![@#\w/.])(?![xX]{2,}(?![^\W\d_]))[^\W\d_]{2,}(?![\w/])")
_NOISE = re.compile(r"(?:https?://|www\.)\S+|[@#]\w+")


def _words(text: str) -> Iterator[re.Match[str]]:
    if "@" in text or "#" in text or "http" in text or "www." in text:
        text = _NOISE.sub(" ", text)
    return _WORD.finditer(text)


def content_words(text: str) -> int:
    """Words of two letters or more, leaving out handles, links, hashtags and XXXX masks.

    >>> content_words("@united http://t.co/x #dca XXXX ok")
    1
    """
    return sum(1 for _ in _words(text))


_ONE = r"(?<![\w/.])[^\W\d_]{2,}(?![\w/])"
_PLAIN_TWO = re.compile(_ONE + ".*?" + _ONE, re.S)
_NOT_PLAIN = re.compile(r"[@#]|http|www\.|[xX]{2}")


#: A statement of at most this many :func:`content_words` that carries no sentiment
#: (:data:`FRAGMENT_SENTIMENT`) and asks nothing is a fragment ("Account number XXXX",
#: "Member since 2003.", "on the plane."): no stage, not even from context.
FRAGMENT_WORDS = 3
#: Largest absolute sentiment score (-1...1) of such a fragment: "Rude staff." or "Never
#: again" say how the customer feels and keep their stage.
FRAGMENT_SENTIMENT = 0.1
#: Longest fragment, in characters (words glued together without spaces are not one).
FRAGMENT_CHARS = 80


def is_fragment(text: str, sentiment_score: float) -> bool:
    """Whether ``text`` is a short, neutral non-question: a label, a number, a heading.

    >>> is_fragment("Account number XXXX", 0.0), is_fragment("Rude staff.", -0.6)
    (True, False)
    """
    if abs(sentiment_score) >= FRAGMENT_SENTIMENT or "?" in text or len(text) > FRAGMENT_CHARS:
        return False
    return not has_content(text, FRAGMENT_WORDS + 1)


def has_content(text: str, at_least: int = MIN_WORDS) -> bool:
    """Whether ``text`` has ``at_least`` :func:`content_words` (stops counting there)."""
    if at_least == 2 and not _NOT_PLAIN.search(text):
        return _PLAIN_TWO.search(text) is not None  # one scan, no handles or masks to skip
    return sum(1 for _ in islice(_words(text), at_least)) >= at_least


def training_set(taxonomy: StageTaxonomy) -> tuple[list[str], list[str], list[float]]:
    """Texts, labels and sample weights from a taxonomy: examples, description, goal."""
    texts: list[str] = []
    labels: list[str] = []
    weights: list[float] = []
    for stage in taxonomy.stages:
        for ex in stage.examples:
            texts.append(ex)
            labels.append(stage.id)
            weights.append(1.0)
        # Descriptions read like definitions, not like customers: weigh them less.
        for extra in (stage.description, stage.customer_goal):
            if extra.strip():
                texts.append(extra.strip())
                labels.append(stage.id)
                weights.append(0.5)
    return texts, labels, weights


@dataclass
class StagePrediction:
    """What :meth:`StageClassifier.predict_detail` returns, one entry per statement."""

    labels: list[str]  #: stage id or ``unknown``
    confidence: np.ndarray  #: in [0, 1]
    placeable: np.ndarray  #: bool: ``unknown`` yet about the journey (may take a context stage)
    candidate: list[str]  #: the stage the statement leans to, even when ``unknown``


class StageClassifier:
    """Assign each statement a journey stage id, or ``unknown`` when unsure.

    >>> clf = StageClassifier(load_stages()).fit(Embedder().encode)
    >>> clf.predict(Embedder().encode(["I was charged twice"]), ["I was charged twice"])
    (['usage'], array([0.8...]))
    """

    def __init__(
        self,
        taxonomy: StageTaxonomy,
        threshold: float | None = None,
        seed: int = 0,
        stageless: list[str] | None = None,
    ) -> None:
        self.taxonomy = taxonomy
        self.threshold = taxonomy.unknown_threshold if threshold is None else threshold
        self.seed = seed
        self.stageless = load_stageless() if stageless is None else list(stageless)

    def fit(
        self,
        encode: Encode,
        extra_texts: list[str] | None = None,
        extra_labels: list[str] | None = None,
    ) -> StageClassifier:
        """Train on the taxonomy's examples plus optional user-labelled statements."""
        texts, labels, weights = training_set(self.taxonomy)
        extra_texts = list(extra_texts or [])
        extra_labels = list(extra_labels or [])
        if len(extra_texts) != len(extra_labels):
            raise ConfigError(
                f"extra_texts ({len(extra_texts)}) and extra_labels ({len(extra_labels)}) "
                "must have the same length"
            )
        unknown = sorted(set(extra_labels) - set(self.taxonomy.ids))
        if unknown:
            raise ConfigError(
                f"extra_labels: unknown stage id(s) {', '.join(unknown)}; "
                f"expected one of {', '.join(self.taxonomy.ids)}"
            )
        texts += extra_texts
        labels += extra_labels
        weights += [USER_WEIGHT] * len(extra_texts)

        self.classes_ = list(self.taxonomy.ids)
        self.prior_ = np.array([s.prior for s in self.taxonomy.stages], dtype=np.float64)
        self.cues_ = [
            (k, re.compile("|".join(f"(?:{c})" for c in s.cues), re.I))
            for k, s in enumerate(self.taxonomy.stages)
            if s.cues
        ]
        every = [c for s in self.taxonomy.stages for c in s.cues]
        self.any_cue_ = re.compile("|".join(f"(?:{c})" for c in every), re.I) if every else None
        y = np.array([self.classes_.index(lab) for lab in labels])
        w = np.array(weights)
        X = np.asarray(encode(texts), dtype=np.float32)
        self.train_vectors_ = unit(X)
        self._fit_context(encode, X)

        self.embed_lr_ = LogisticRegression(
            C=8.0, max_iter=2000, class_weight=CLASS_WEIGHT, random_state=self.seed
        ).fit(X, y, sample_weight=w)

        is_example = w >= 1.0
        self.centroids_ = unit(
            np.stack(
                [
                    X[(y == k) & is_example].mean(axis=0)
                    if ((y == k) & is_example).any()
                    else X[y == k].mean(axis=0)
                    for k in range(len(self.classes_))
                ]
            )
        )

        self.vectorizer_ = TfidfVectorizer(
            ngram_range=(1, 2), sublinear_tf=True, min_df=1, lowercase=True
        )
        T = self.vectorizer_.fit_transform(texts)
        self.lex_lr_ = LogisticRegression(
            C=4.0, max_iter=2000, class_weight=CLASS_WEIGHT, random_state=self.seed
        ).fit(T, y, sample_weight=w)
        self.user_model_: LogisticRegression | None = None
        self.user_weight_ = 0.0
        yu = np.array([self.classes_.index(lab) for lab in extra_labels], dtype=int)
        Xu = X[len(X) - len(extra_texts) :]
        # The user's examples are labelled nodes of the transductive graph (see predict).
        self.seed_vectors_ = unit(Xu)
        self.seed_labels_ = np.eye(len(self.classes_))[yu]
        if len(set(extra_labels)) >= 2:
            # No class re-weighting: if the user's labels follow their data, so does the prior.
            self.user_model_ = LogisticRegression(
                C=USER_C, max_iter=2000, random_state=self.seed
            ).fit(Xu, yu)
            self.user_weight_ = len(extra_texts) / (len(extra_texts) + USER_PRIOR)
        log.debug("stage classifier fit on %d texts, %d stages", len(texts), len(self.classes_))
        return self

    def _fit_context(self, encode: Encode, X: np.ndarray) -> None:
        """Customer-context model: the taxonomy's texts against the stage-less ones."""
        self.context_lr_: LogisticRegression | None = None
        if not self.stageless:
            return
        N = np.asarray(encode(self.stageless), dtype=np.float32)
        self.stageless_vectors_ = unit(N)
        Xc = unit(np.vstack([X, N]))
        yc = np.r_[np.ones(len(X), int), np.zeros(len(N), int)]
        self.context_lr_ = LogisticRegression(
            C=CONTEXT_C, max_iter=2000, class_weight="balanced", random_state=self.seed
        ).fit(Xc, yc)
        self.context_coef_ = self.context_lr_.coef_[0].astype(np.float32)
        self.context_intercept_ = float(self.context_lr_.intercept_[0])
        self.reference_ = np.vstack([self.train_vectors_, self.stageless_vectors_])

    def context(self, vectors: np.ndarray) -> np.ndarray:
        """Probability that each statement reads like a stage example, not stage-less."""
        if getattr(self, "context_lr_", None) is None:
            return np.zeros(len(vectors))
        return self._context_unit(unit(np.asarray(vectors, dtype=np.float32)))

    def _context_unit(self, V: np.ndarray) -> np.ndarray:
        # The logistic regression's probability, without scikit-learn's per-call checks.
        z = V @ self.context_coef_ + self.context_intercept_
        return 1.0 / (1.0 + np.exp(-z.astype(np.float64)))

    def predict_proba(
        self, vectors: np.ndarray, texts: list[str] | None = None, prior: bool = True
    ) -> np.ndarray:
        """Blended stage probabilities, shape (n, n_stages), rows sum to 1.

        ``prior=False`` leaves out the taxonomy's stage priors (used for confidence).
        """
        V = unit(np.asarray(vectors, dtype=np.float32))
        p_lr = self.embed_lr_.predict_proba(V)
        w_lr, w_cos, w_lex = BLEND
        p_cos = (
            _softmax((V @ self.centroids_.T) / COSINE_TEMPERATURE) if w_cos > 0 else 0.0 * p_lr
        )
        if texts is not None:
            if len(texts) != len(V):
                raise ValueError("texts and vectors must have the same length")
            p_lex = self.lex_lr_.predict_proba(self.vectorizer_.transform(texts))
        else:
            p_lex, w_lex = np.zeros_like(p_lr), 0.0
        p = (w_lr * p_lr + w_cos * p_cos + w_lex * p_lex) / (w_lr + w_cos + w_lex)
        if self.user_model_ is not None:
            pu = np.zeros_like(p)
            pu[:, self.user_model_.classes_] = self.user_model_.predict_proba(V)
            p = (1 - self.user_weight_) * p + self.user_weight_ * pu
        if not prior:
            return p
        # Stage priors from the taxonomy: the models see a few examples per stage, not
        # how often each stage occurs in real feedback.
        p = p * self.prior_
        return p / p.sum(axis=1, keepdims=True)

    def _seeds(self) -> tuple[np.ndarray | None, np.ndarray | None]:
        sv = getattr(self, "seed_vectors_", None)
        return (sv, self.seed_labels_) if sv is not None and len(sv) else (None, None)

    def relevance(self, vectors: np.ndarray) -> np.ndarray:
        """How much each vector is about the journey, in [0, 1].

        The larger of closeness to the nearest training text and the customer-context
        score (:meth:`context`), each rescaled to [0, 1], times a veto that falls to 0
        when a stage-less example is nearer than any stage example
        (:data:`STAGELESS_MARGIN`).
        """
        V = unit(np.asarray(vectors, dtype=np.float32))
        lo, hi = RELEVANCE_RANGE
        if getattr(self, "context_lr_", None) is None:
            nearest = (V @ self.train_vectors_.T).max(axis=1)
            return np.clip((nearest - lo) / (hi - lo), 0.0, 1.0)
        # One product against the stage examples and the stage-less ones together.
        sims = V @ self.reference_.T
        n = len(self.train_vectors_)
        nearest, off = sims[:, :n].max(axis=1), sims[:, n:].max(axis=1)
        rel = np.clip((nearest - lo) / (hi - lo), 0.0, 1.0)
        clo, chi = CONTEXT_RANGE
        ctx = np.clip((self._context_unit(V) - clo) / (chi - clo), 0.0, 1.0)
        m = STAGELESS_MARGIN
        veto = np.clip((nearest - off + m) / (2 * m), 0.0, 1.0) if m > 0 else 1.0
        return np.maximum(rel, ctx) * veto

    def cue_hits(self, texts: list[str] | None, which: np.ndarray) -> np.ndarray | None:
        """(len(which), stages) bool: ``texts[which[j]]`` contains one of the stage's ``cues``.

        None when none does (or no texts or cues are given).
        """
        cues = getattr(self, "cues_", [])
        if texts is None or not cues or len(which) == 0:
            return None
        anyone = getattr(self, "any_cue_", None)
        H = np.zeros((len(which), len(self.classes_)), dtype=bool)
        seen: dict[int, np.ndarray] = {}
        for j, i in enumerate(which.tolist()):
            if i in seen:
                H[j] = seen[i]
                continue
            text = texts[i]
            if anyone is None or anyone.search(text):
                for k, rx in cues:
                    if rx.search(text):
                        H[j, k] = True
            seen[i] = H[j]
        return H if H.any() else None

    def predict(
        self,
        vectors: np.ndarray,
        texts: list[str] | None = None,
        adapt: bool = True,
        rows: np.ndarray | None = None,
    ) -> tuple[list[str], np.ndarray]:
        """Stage ids (or ``unknown``) and confidences in [0, 1].

        ``adapt``: smooth the probabilities over the batch's own nearest-neighbour graph,
        with the user's examples as labelled nodes (:func:`voc.classify.adapt.spread`;
        batches under :data:`voc.classify.adapt.MIN_ROWS` statements are left as they are).
        ``rows``: ``vectors``/``texts`` are the batch's distinct statements and row ``i`` of
        the batch is ``rows[i]`` of them; each is scored once, the adaptation still runs
        over every row of the batch (same output as passing the rows themselves).
        """
        pred = self.predict_detail(vectors, texts, adapt, rows)
        return pred.labels, pred.confidence

    def predict_detail(
        self,
        vectors: np.ndarray,
        texts: list[str] | None = None,
        adapt: bool = True,
        rows: np.ndarray | None = None,
    ) -> StagePrediction:
        """:meth:`predict`, plus which ``unknown`` statements are placeable from context."""
        if len(vectors) == 0 or (rows is not None and len(rows) == 0):
            return StagePrediction([], np.zeros(0), np.zeros(0, dtype=bool), [])
        own = self.predict_proba(vectors, texts, prior=False)
        V = unit(np.asarray(vectors, np.float32))
        rel = self.relevance(vectors)
        if rows is not None:
            own, V, rel = own[rows], V[rows], rel[rows]
        raw = spread(own, V, *self._seeds()) if adapt else own
        p = raw * self.prior_
        best = p.argmax(axis=1)
        # Confidence comes from the evidence alone (no prior), so a prior never lifts an
        # off-topic statement above the threshold. The top probability is rescaled so a
        # uniform guess is 0 and certainty is 1, keeping the threshold meaningful for any
        # number of stages. Neighbours that disagree flatten the adapted probabilities, so
        # the chosen stage's probability is the larger of the adapted one and the
        # statement's own: adaptation may change the choice, never make a clear case
        # ``unknown`` (the sample inbox had 40 more unknown statements without this).
        k = p.shape[1]
        at = np.arange(len(raw))
        chosen = np.maximum(raw[at, best], own[at, best])
        top = (chosen - 1.0 / k) / (1.0 - 1.0 / k)
        conf = np.clip(np.sqrt(np.clip(top, 0, 1)) * rel, 0.0, 1.0)
        # Unknown but about the journey (relevant enough, not vetoed as stage-less): such a
        # statement may take the stage of its item (voc.classify.context).
        placeable = (conf < self.threshold) & (rel >= PLACEABLE_RELEVANCE)
        # A statement that says its stage ("never flying with you again") gets that stage,
        # whatever the priors; the confidence (and so unknown) is left as it was. Only
        # statements with a stage, or placeable ones, need their text scanned.
        need = np.flatnonzero((conf >= self.threshold) | placeable)
        hits = self.cue_hits(texts, need if rows is None else np.asarray(rows)[need])
        if hits is not None:
            said = hits.any(axis=1)
            at_said = need[said]
            best[at_said] = np.where(hits, raw[need], -1.0)[said].argmax(axis=1)
        if texts is not None and MIN_WORDS > 0:
            # Only statements that would get a stage (or one from context) need their words
            # counted.
            cand = np.flatnonzero((conf >= self.threshold) | placeable)
            src = cand if rows is None else np.asarray(rows)[cand]
            empty = {int(i) for i in np.unique(src) if not has_content(texts[i], MIN_WORDS)}
            if empty:
                gone = cand[np.array([int(i) in empty for i in src], dtype=bool)]
                conf[gone] = 0.0
                placeable[gone] = False
        labels = [
            self.classes_[b] if c >= self.threshold else UNKNOWN
            for b, c in zip(best, conf, strict=True)
        ]
        candidate = [self.classes_[b] for b in best]
        return StagePrediction(labels, conf.astype(np.float64), placeable, candidate)


def item_stage(
    stages: list[str], confidences: np.ndarray, weights: np.ndarray | None = None
) -> tuple[str, float]:
    """Stage of an item from its statements' stages: confidence-weighted vote.

    ``unknown`` statements do not vote; ties go to the stage seen first. The
    returned confidence is the winner's share of the votes times its mean
    confidence, so a split item is less certain than a unanimous one.

    >>> item_stage(["usage", "unknown", "usage", "retention"], np.array([.9, .1, .8, .5]))
    ('usage', 0.566...)
    """
    conf = np.asarray(confidences, dtype=np.float64)
    w = np.ones(len(stages)) if weights is None else np.asarray(weights, dtype=np.float64)
    votes: dict[str, float] = {}
    mass: dict[str, float] = {}
    for stage, c, wi in zip(stages, conf, w, strict=True):
        if stage == UNKNOWN or wi <= 0:
            continue
        votes[stage] = votes.get(stage, 0.0) + c * wi
        mass[stage] = mass.get(stage, 0.0) + wi
    if not votes:
        return UNKNOWN, 0.0
    winner = max(votes, key=lambda s: votes[s])  # dict order keeps first-seen on ties
    total_mass = sum(mass.values())
    share = mass[winner] / total_mass
    mean_conf = votes[winner] / mass[winner]
    return winner, float(share * mean_conf)

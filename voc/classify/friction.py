"""Friction detection: problem cues combined with negativity.

A statement is friction when it reports a problem: a failure, waiting,
repeated contact, confusion, a money issue or being blocked. Cue phrases from
``friction_cues.yaml`` are matched on lowercase tokens (``spacy.blank("en")``
with a PhraseMatcher); a phrase ending in ``*ing`` ("keep *ing") counts only when the
next word is an -ing form ("keep getting", "keeps crashing"), not for "keep it" or
"keep me updated", where the same word says nothing is repeated. Their strength is
then scaled by how negative the statement is, so a neutral question ("Can I get a
refund if I cancel?") or praise ("I can't believe how easy that was!") is not
friction, while a strongly negative statement with no listed cue still can be::

    neg   = max(0, -sentiment)
    a     = cue * (1 - w + w * neg)            # cue evidence, scaled by negativity
    b     = alone * max(0, neg - 0.1) / 0.9    # negativity on its own
    score = (1 - (1 - a) * (1 - b)) * (1 - max(0, sentiment))

with ``w = negativity_weight`` and ``alone = negativity_alone`` from the cue file.

The sentiment model was taught on support-inbox examples with a negative prior and reads
many plain review and survey sentences as strongly negative ("I wore it to work all
week.", "I recently got this on sale."). With ``corroborate`` on, the negativity-alone
part ``b`` counts only where the words back that reading (:meth:`corroborated`): a cue
matched, VADER's lexicon finds a negative word, a word is a negation, or a contrast or
regret word (``contrast_words``: "but", "unfortunately", "wish") is used.
A negator ("no problem", "it's perfect", "nothing really") cancels the cue matches it
contains and, when no other cue is left, the negativity part too: a survey answer
like "Nothing, it's perfect for me." that the sentiment model reads as negative says
there is no problem.

A customer's own score outranks the model's reading: in an item scored at the top of its
scale (an NPS promoter, 9-10; a CSAT answer or rating of 5 on the 1-5 scale the impact
score assumes), negativity alone makes nothing friction when ``satisfied_needs_cue`` is on;
a cue still does ("5 stars, though the zip broke after a week" is a problem told by a happy
customer). On the clothing reviews most plain sentences misread as negative come from
5-star reviews ("I recently got this on sale.").

Negativity and evaluative cues ("terrible", "frustrating", group ``evaluative: true``)
say *that* the speaker is unhappy, not *what* about. Interview and survey talk is full
of such turns ("Not great, actually.", "So this is where it gets frustrating.", "No
strong feelings either way.") and the sentiment model often reads short neutral
answers as negative ("I'm a casual user."). Without a non-evaluative cue, a statement
is therefore friction only when it names what it is about: at least
``min_topic_words`` topic words (content words and numbers that are not stop words,
evaluative cue words or ``vague_words`` such as "great", "actually", "thing"), one
fewer when an evaluative cue says the unhappiness in so many words ("The app is
terrible since the update.").
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
from spacy.attrs import ORTH
from spacy.lang.en.stop_words import STOP_WORDS

from voc.classify._match import CueMatcher, Span, _docs
from voc.classify.sentiment import vader_scores
from voc.labels import FrictionCues
from voc.repeats import first_rows, first_seen

log = logging.getLogger(__name__)

try:  # VADER's negation words ("not", "never", "cannot", "without", ...)
    from vaderSentiment.vaderSentiment import NEGATE as _VADER_NEGATE
except ImportError:  # pragma: no cover - depends on the environment
    _VADER_NEGATE = ["not", "no", "never", "nothing", "none", "nor", "cannot", "without"]
#: VADER scores "no" and "nobody" by rules of their own, outside its negation list.
_NEGATIONS = frozenset(_VADER_NEGATE) | {"no", "nobody"}


def negated(word_lower: str) -> bool:
    """True for a negation word, as VADER tells them ("not", "never", "n't", "cannot")."""
    return word_lower in _NEGATIONS or "n't" in word_lower


#: Extra strength for each further cue group matched in the same statement.
MULTI_GROUP_BONUS = 0.1
_NEGATOR_KEY = "__negator__"
#: A cue phrase's last token that stands for any -ing form ("keep *ing").
GERUND_SLOT = "*ing"
#: Suffix of the matcher key of a group's phrases that need an -ing form after them.
_GERUND_KEY = "__ing__"
#: Words whose topic-word test a detector remembers (then it starts over).
TOPIC_WORDS_MEMO = 200_000
_UNSEEN = object()


def _inside(span: Span, spans: list[Span]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _split_gerund(phrases: list[str]) -> tuple[list[str], list[str]]:
    """Plain phrases, and the words before the slot of those ending in ``*ing``."""
    plain: list[str] = []
    gerund: list[str] = []
    for p in phrases:
        words = p.split()
        if len(words) > 1 and words[-1] == GERUND_SLOT:
            gerund.append(" ".join(words[:-1]))
        else:
            plain.append(p)
    return plain, gerund


def _gerund_at(doc: Any, j: int) -> bool:
    """True when token ``j`` of ``doc`` is an -ing form ("getting", not "ring" or "it")."""
    if j >= len(doc):
        return False
    w = doc[j].lower_
    return doc[j].is_alpha and len(w) > 4 and w.endswith("ing")


class FrictionDetector:
    """Flag friction statements and score them in [0, 1]."""

    def __init__(self, cues: FrictionCues) -> None:
        self.cues = cues
        self._weights = {g.id: g.weight for g in cues.groups}
        groups: dict[str, list[str]] = {}
        for g in cues.groups:
            plain, gerund = _split_gerund(g.phrases)
            groups[g.id] = plain
            if gerund:
                groups[g.id + _GERUND_KEY] = gerund
        if cues.negators:
            groups[_NEGATOR_KEY] = cues.negators
        self._matcher = CueMatcher(groups)
        self._evaluative = {g.id for g in cues.groups if g.evaluative}
        self._graded = self._evaluative | {g + _GERUND_KEY for g in self._evaluative}
        self._not_topic = frozenset(STOP_WORDS) | {w.lower() for w in cues.vague_words}
        self._topic: dict[int, str | None] = {}  # orth id -> topic word or None
        self._contrast = frozenset(w.lower() for w in cues.contrast_words)

    def corroborated(self, texts: list[str], groups_of: list[list[str]]) -> np.ndarray:
        """True where the words back a negative reading: a cue matched, VADER's lexicon
        finds a negative word (or a negated positive one), a word is a negation ("not",
        "never", "n't") or a contrast or regret word is used ("but", "unfortunately",
        "wish"). Everywhere when ``corroborate`` is off."""
        if not self.cues.corroborate:
            return np.ones(len(texts), dtype=bool)
        out = vader_scores(texts)[:, 2] > 0.0
        for i, doc in enumerate(_docs(texts)):
            if not out[i]:
                out[i] = bool(groups_of[i]) or any(
                    negated(t.lower_) or t.lower_ in self._contrast for t in doc
                )
        return out

    def cue_groups(self, texts: list[str]) -> list[list[str]]:
        """Ids of the cue groups found in each text (negated matches removed)."""
        return self._analyse(texts)[0]

    @property
    def evaluative_groups(self) -> frozenset[str]:
        """Ids of the cue groups that grade rather than name a problem."""
        return frozenset(self._evaluative)

    def topic_words(self, texts: list[str], only: list[int] | None = None) -> list[list[str]]:
        """Words saying what each text (or each of ``only``) is about: content words and
        numbers, not evaluative cue words, stop words or vague words ("Not great,
        actually." has none)."""
        docs, found = _docs(texts), self._matcher.match(texts)
        out: list[list[str]] = []
        topic = self._topic
        for i in range(len(texts)) if only is None else only:
            graded = [sp for g, spans in found[i].items() if g in self._graded for sp in spans]
            # tokens inside an evaluative match (what _inside tells, one set per text)
            covered = {t for s, e in graded for t in range(s, e)}
            words = []
            doc = docs[i]
            for j, orth in enumerate(doc.to_array(ORTH).tolist()):
                w = topic.get(orth, _UNSEEN)
                if w is _UNSEEN:
                    w = self._topic_word(doc.vocab[orth])
                if w is None or j in covered:
                    continue
                words.append(w)
            out.append(words)
        return out

    def _topic_word(self, lex: Any) -> str | None:
        """The topic word a token of this lexeme gives, or None: the test depends on the
        word alone (its text, ``like_num``, ``is_alpha``), so it is made once per word."""
        w = lex.text.strip("'-")
        keep = (lex.like_num or (lex.is_alpha and len(w) >= 2)) and w not in self._not_topic
        if len(self._topic) >= TOPIC_WORDS_MEMO:
            self._topic.clear()
        self._topic[lex.orth] = w if keep else None
        return w if keep else None

    def vague(self, texts: list[str], groups_of: list[list[str]] | None = None) -> np.ndarray:
        """True where a text has no non-evaluative cue and fewer than ``min_topic_words``
        topic words: it says the speaker is unhappy (or nothing at all), not about what."""
        need = self.cues.min_topic_words
        found = self.cue_groups(texts) if groups_of is None else groups_of
        out = np.zeros(len(texts), dtype=bool)
        if need <= 0:
            return out
        cand = [i for i, g in enumerate(found) if not set(g) - self._evaluative]
        if cand:
            for i, w in zip(cand, self.topic_words(texts, cand), strict=True):
                # an evaluative word is the speaker's own, not a model's reading: one less
                out[i] = len(w) < (need - 1 if found[i] else need)
        return out

    def _analyse(self, texts: list[str]) -> tuple[list[list[str]], np.ndarray]:
        """Cue group ids per text, and whether a text says "no problem" (negator, no cue)."""
        out: list[list[str]] = []
        no_problem = np.zeros(len(texts), dtype=bool)
        docs = _docs(texts)
        for i, found in enumerate(self._matcher.match(texts)):
            negated = found.get(_NEGATOR_KEY, [])
            groups: set[str] = set()
            for key, spans in found.items():
                if key == _NEGATOR_KEY:
                    continue
                if key.endswith(_GERUND_KEY):
                    key = key[: -len(_GERUND_KEY)]
                    spans = [(s, e + 1) for s, e in spans if _gerund_at(docs[i], e)]
                if any(not _inside(sp, negated) for sp in spans):
                    groups.add(key)
            out.append(sorted(groups, key=lambda g: (-self._weights[g], g)))
            no_problem[i] = bool(negated) and not groups
        return out, no_problem

    def cue_strength(
        self, texts: list[str], groups_of: list[list[str]] | None = None
    ) -> np.ndarray:
        """Strongest matched group's weight plus a bonus per further group, in [0, 1]."""
        strength = np.zeros(len(texts))
        found = self.cue_groups(texts) if groups_of is None else groups_of
        for i, groups in enumerate(found):
            if groups:
                top = max(self._weights[g] for g in groups)
                strength[i] = min(1.0, top + MULTI_GROUP_BONUS * (len(groups) - 1))
        return strength

    def score(
        self,
        texts: list[str],
        sentiment_scores: np.ndarray,
        satisfied: np.ndarray | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Boolean friction flags and scores in [0, 1] for each text; ``satisfied`` marks
        texts of items scored at the top of their scale (:func:`satisfied_scores`)."""
        s = np.asarray(sentiment_scores, dtype=np.float64)
        if len(texts) != len(s):
            raise ValueError("texts and sentiment_scores must have the same length")
        top = np.zeros(len(s), dtype=bool) if satisfied is None else np.asarray(satisfied, bool)
        if len(top) != len(s):
            raise ValueError("texts and satisfied must have the same length")
        if len(texts) == 0:
            return np.zeros(0, dtype=bool), np.zeros(0)
        # A (text, sentiment, satisfied) row repeated in the batch is scored once: every
        # step below works row by row, so copying the result is the same as scoring it
        # again. (Scores are keyed by their bits, so -0.0 and NaN are told apart exactly.)
        bits = np.ascontiguousarray(s).view(np.uint64).tolist()
        pairs, where = first_seen(list(zip(texts, bits, top.tolist(), strict=True)))
        if len(pairs) < len(texts):
            rows = first_rows(where)
            flags, scores = self._score([p[0] for p in pairs], s[rows], top[rows])
            return flags[where], scores[where]
        return self._score(list(texts), s, top)

    def _score(
        self, texts: list[str], s: np.ndarray, satisfied: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        w = self.cues.negativity_weight
        neg = np.clip(-s, 0.0, 1.0)
        pos = np.clip(s, 0.0, 1.0)
        groups_of, no_problem = self._analyse(list(texts))
        cue = self.cue_strength(list(texts), groups_of)
        cue_part = cue * (1.0 - w + w * neg)
        # the model's negativity on its own, with no word to back it, is not trusted
        alone = np.where(self.corroborated(texts, groups_of), neg, 0.0)
        neg_part = self.cues.negativity_alone * np.clip(alone - 0.1, 0.0, 1.0) / 0.9
        neg_part = np.where(no_problem, 0.0, neg_part)
        if self.cues.satisfied_needs_cue:  # the customer's top score outranks the model
            neg_part = np.where(satisfied, 0.0, neg_part)
        combined = 1.0 - (1.0 - cue_part) * (1.0 - neg_part)
        # unhappy about nothing named: no friction, whatever the sentiment model read
        combined = np.where(self.vague(list(texts), groups_of), 0.0, combined)
        scores = np.clip(combined * (1.0 - pos), 0.0, 1.0)
        return scores >= self.cues.threshold, scores


#: Lowest NPS of a promoter, and the top of the 1-5 scale CSAT and ratings are read on.
PROMOTER_NPS = 9.0
TOP_OF_FIVE = 5.0


def satisfied_scores(scores: Any, kinds: Any) -> np.ndarray:
    """True where an item's score is at the top of its scale: an NPS of 9-10 (a promoter),
    a CSAT or rating of 5 (read on 1-5, as the impact score reads them). Missing scores
    are never satisfied."""
    s = np.asarray(scores, dtype=np.float64)
    nps = np.asarray([str(k or "") == "nps" for k in kinds], dtype=bool)
    with np.errstate(invalid="ignore"):
        return np.where(nps, s >= PROMOTER_NPS, s >= TOP_OF_FIVE) & ~np.isnan(s)

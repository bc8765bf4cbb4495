"""VADER's ``polarity_scores`` with the same arithmetic and less work per word.

vaderSentiment 3.3.2 walks every character of a text in Python (to swap emojis for their
descriptions, building the string one character at a time) and, for every lexicon word,
lower-cases the whole statement again up to four times (``_negation_check``,
``_special_idioms_check``). :class:`FastVader` skips the character walk when no character of
the text is an emoji of the lexicon (the walk would return the text unchanged) and
lower-cases the words once per text; every rule, its order and every float operation are
VADER's own, so the scores are the same numbers (``tests/test_vader_fast.py`` compares them
with the package's on generated and real text).
"""

from __future__ import annotations

from typing import Any

from vaderSentiment import vaderSentiment as vs

_NEGATE = frozenset(vs.NEGATE)


def _negated(word_lower: str) -> bool:
    """``vaderSentiment.negated([word])`` for one lower-cased word."""
    return word_lower in _NEGATE or "n't" in word_lower


class FastVader(vs.SentimentIntensityAnalyzer):
    """``SentimentIntensityAnalyzer`` whose ``polarity_scores`` gives the package's results."""

    def __init__(self) -> None:
        super().__init__()
        self._emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)

    def polarity_scores(self, text: str) -> dict[str, float]:
        if not isinstance(text, str) or not self._emoji_chars.isdisjoint(text):
            return super().polarity_scores(text)
        # No character is an emoji: VADER's walk would rebuild ``text`` as it is.
        sentitext = vs.SentiText(text.strip())
        words = sentitext.words_and_emoticons
        lower = [w.lower() for w in words]
        lexicon = self.lexicon
        sentiments: list[Any] = []
        n = len(words)
        for i, item_lower in enumerate(lower):
            valence = 0
            if item_lower in vs.BOOSTER_DICT:
                sentiments.append(valence)
                continue
            if i < n - 1 and item_lower == "kind" and lower[i + 1] == "of":
                sentiments.append(valence)
                continue
            if item_lower not in lexicon:
                sentiments.append(valence)
                continue
            sentiments.append(self._valence(sentitext.is_cap_diff, words, lower, i))
        sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, sentitext.text)

    def _valence(self, is_cap_diff: bool, words: list[str], lower: list[str], i: int) -> Any:
        """``sentiment_valence`` for the lexicon word ``words[i]`` (``lower``: the words
        lower-cased once)."""
        lexicon = self.lexicon
        item = words[i]
        item_lowercase = lower[i]
        n = len(words)
        valence = lexicon[item_lowercase]
        if item_lowercase == "no" and i != n - 1 and lower[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and lower[i - 1] == "no")
            or (i > 1 and lower[i - 2] == "no")
            or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"])
        ):
            valence = lexicon[item_lowercase] * vs.N_SCALAR
        if item.isupper() and is_cap_diff:
            if valence > 0:
                valence += vs.C_INCR
            else:
                valence -= vs.C_INCR
        for start_i in range(0, 3):
            if i > start_i and lower[i - (start_i + 1)] not in lexicon:
                s = vs.scalar_inc_dec(words[i - (start_i + 1)], valence, is_cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation_check(valence, lower, start_i, i)
                if start_i == 2:
                    valence = _special_idioms_check(valence, lower, i)
        return _least_check(valence, lower, i, lexicon)


def _least_check(valence: Any, lower: list[str], i: int, lexicon: dict[str, float]) -> Any:
    if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * vs.N_SCALAR
    elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        valence = valence * vs.N_SCALAR
    return valence


def _negation_check(valence: Any, lower: list[str], start_i: int, i: int) -> Any:
    if start_i == 0 and _negated(lower[i - (start_i + 1)]):
        valence = valence * vs.N_SCALAR
    if start_i == 1:
        if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            valence = valence
        elif _negated(lower[i - (start_i + 1)]):
            valence = valence * vs.N_SCALAR
    if start_i == 2:
        if (
            lower[i - 3] == "never"
            and (lower[i - 2] == "so" or lower[i - 2] == "this")
            or (lower[i - 1] == "so" or lower[i - 1] == "this")
        ):
            valence = valence * 1.25
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            valence = valence
        elif _negated(lower[i - (start_i + 1)]):
            valence = valence * vs.N_SCALAR
    return valence


def _special_idioms_check(valence: Any, lower: list[str], i: int) -> Any:
    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in vs.SPECIAL_CASES:
            valence = vs.SPECIAL_CASES[seq]
            break
    if len(lower) - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in vs.SPECIAL_CASES:
            valence = vs.SPECIAL_CASES[zeroone]
    if len(lower) - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in vs.SPECIAL_CASES:
            valence = vs.SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in vs.BOOSTER_DICT:
            valence = valence + vs.BOOSTER_DICT[n_gram]
    return valence

"""Language of customer text, with py3langid (an offline, maintained fork of langid.py).

Short texts ("ok thanks", "lol") are unreliable to identify, so a language is only *decided*
when the text has enough letters and the identifier is confident; otherwise it is ''
(undetermined) and the item is analysed as usual. Items confidently in a language outside the
supported set become rejects, so they are reported rather than mis-analysed.

Example::

    >>> detect("Je n'arrive pas à exporter mes factures depuis hier")
    Detection(language='fr', confidence=0.99...)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MIN_LETTERS = 20
"""Fewer letters than this: language undetermined ('')."""
MIN_CONFIDENCE = 0.9
"""Normalised probability needed to decide a language."""
MAX_CHARS = 600
"""Only the start of long texts is looked at (speed; long texts are not mixed often)."""
BATCH_MIN = 32
"""Fewer texts than this: :func:`detect_many` asks the identifier one text at a time."""

_LETTER = re.compile(r"[^\W\d_]")
_ENOUGH_LETTERS = re.compile(rf"(?:[\W\d_]*[^\W\d_]){{{MIN_LETTERS}}}")
"""Matches at the start of a text with at least MIN_LETTERS letters (``_LETTER``), reading
only up to the last of them: the same answer as counting them all."""
_PLACEHOLDER = re.compile(r"\[[A-Z]+\]|https?://\S+|[@#]\w+|\S+@\S+")


@dataclass(frozen=True)
class Detection:
    """Detected ISO 639-1 code ('' when undetermined) and the identifier's confidence."""

    language: str
    confidence: float


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _sample(text: str) -> str | None:
    """What the identifier is shown: the start of ``text`` without placeholders, links and
    handles; None when that has fewer than :data:`MIN_LETTERS` letters."""
    sample = text[:MAX_CHARS]
    if "[" in sample or "@" in sample or "#" in sample or "http" in sample:
        sample = _PLACEHOLDER.sub(" ", sample)  # each of its alternatives needs one of those
    if _ENOUGH_LETTERS.match(sample) is None:
        return None
    return sample


def _decision(lang: str, prob: float) -> Detection:
    prob = float(prob)
    if prob < MIN_CONFIDENCE:
        return Detection("", round(prob, 4))
    return Detection(str(lang), round(prob, 4))


def detect(text: str) -> Detection:
    """Language of ``text``; '' when too short or not confident enough. Deterministic."""
    sample = _sample(text)
    if sample is None:
        return Detection("", 0.0)
    return _decision(*_identifier().classify(sample))


def detect_many(texts: Sequence[str]) -> list[Detection]:
    """:func:`detect` of every text, with the same decisions, in batches.

    py3langid walks each text's bytes through its feature automaton in a Python loop and
    scores it in a small matrix product of its own, which was most of the cost of reading
    a CSV. :mod:`voc.langbatch` does both for all texts at once; a text whose probability
    is too close to :data:`MIN_CONFIDENCE` for the batched float32 arithmetic to be sure
    of the decision is identified by py3langid itself. Languages are those of
    :func:`detect`; a confidence may differ from it in its last float32 bits.
    """
    samples = [_sample(t) for t in texts]
    todo = [i for i, s in enumerate(samples) if s is not None]
    out = [Detection("", 0.0)] * len(samples)
    if len(todo) < BATCH_MIN:
        for i in todo:
            out[i] = _decision(*_identifier().classify(samples[i]))
        return out
    from voc.langbatch import classify_many

    for i, (lang, prob) in zip(
        todo, classify_many(_identifier(), [samples[i] for i in todo], MIN_CONFIDENCE), strict=True
    ):
        out[i] = _decision(lang, prob)
    return out


def unsupported_reason(language: str, supported: list[str]) -> str | None:
    """Reject reason when ``language`` is decided and not supported, else None.

    An empty ``supported`` list accepts every language.
    """
    if not language or not supported or language in {s.lower() for s in supported}:
        return None
    return f"language '{language}' not supported (supported: {', '.join(supported)})"

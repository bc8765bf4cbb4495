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
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MIN_LETTERS = 20
"""Fewer letters than this: language undetermined ('')."""
MIN_CONFIDENCE = 0.9
"""Normalised probability needed to decide a language."""
MAX_CHARS = 600
"""Only the start of long texts is looked at (speed; long texts are not mixed often)."""

_LETTER = re.compile(r"[^\W\d_]")
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


def detect(text: str) -> Detection:
    """Language of ``text``; '' when too short or not confident enough. Deterministic."""
    sample = _PLACEHOLDER.sub(" ", text[:MAX_CHARS])
    letters = len(_LETTER.findall(sample))
    if letters < MIN_LETTERS:
        return Detection("", 0.0)
    lang, prob = _identifier().classify(sample)
    prob = float(prob)
    if prob < MIN_CONFIDENCE:
        return Detection("", round(prob, 4))
    return Detection(str(lang), round(prob, 4))


def unsupported_reason(language: str, supported: list[str]) -> str | None:
    """Reject reason when ``language`` is decided and not supported, else None.

    An empty ``supported`` list accepts every language.
    """
    if not language or not supported or language in {s.lower() for s in supported}:
        return None
    return f"language '{language}' not supported (supported: {', '.join(supported)})"

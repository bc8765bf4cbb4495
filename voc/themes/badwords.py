"""Words that judge badly, from the sentiment lexicons the wheels ship (no word list of
our own): what :func:`voc.themes.centred.reads_wrong` takes for a problem word."""

from __future__ import annotations

import re
from functools import lru_cache

from voc.themes.lemmas import lemma

_WORD = re.compile(r"[a-z][a-z'\-]*")


#: Words that say a text complains, not what is wrong ("complaint experian").
_META = frozenset({"complaint", "problem", "issue", "complain"})


#: A word judges badly at this VADER valence or lower (its scale is -4 to 4).
NEGATIVE_VADER = 0.5
#: An adjective judges badly when its senses average this polarity or lower (-1 to 1).
NEGATIVE_POLARITY = 0.1
_SENSE = re.compile(
    r'<word form="(?P<form>[^"]+)"[^>]*?\spos="JJ"[^>]*?\spolarity="(?P<polarity>[-\d.]+)"'
)


@lru_cache(maxsize=1)
def negative_words() -> frozenset[str]:
    """Words that judge badly: adjectives whose senses average a negative polarity in
    pattern's sentiment lexicon (in the TextBlob wheel: "small", "thin", "poor") and
    the words VADER's lexicon rates negative ("wrong", "broken", "itchy")."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from voc.themes.pos import load_text_module

    out = {w for w, v in SentimentIntensityAnalyzer().lexicon.items() if v <= -NEGATIVE_VADER}
    polar: dict[str, list[float]] = {}
    xml = load_text_module().EN_DIR / "en-sentiment.xml"
    for m in _SENSE.finditer(xml.read_text(encoding="utf-8")):
        polar.setdefault(m["form"].lower(), []).append(float(m["polarity"]))
    out |= {w for w, ps in polar.items() if sum(ps) / len(ps) <= -NEGATIVE_POLARITY}
    return frozenset(w for w in out if _WORD.fullmatch(w) and lemma(w) not in _META)

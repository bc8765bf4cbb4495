"""Lemmas and candidate phrases of short customer statements.

Lemmas come from spaCy's English lookup table (``spacy-lookups-data``), applied to
lowercase word tokens: "charged" → "charge", "flights" → "flight", "was" → "be".
Candidate phrases are lemma n-grams inside *chunks*: runs of content words split at
stop words, punctuation, placeholders and numbers (the RAKE rule), which keeps noun
phrases ("bank sync", "card verification") and verb phrases with their adverb
("charge twice") while never spanning "the" or "and". There is no part-of-speech
tagger here (no trained spaCy pipeline ships), so chunks are lexical, not parsed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lookups import Table

#: Words that carry the problem and so stay inside phrases, though spaCy lists them.
KEEP = frozenset({"not", "no", "never", "cannot", "twice", "again", "nothing", "without", "first"})
#: Chat filler and boilerplate that say nothing about a theme.
FILLER = frozenset(
    {
        "im", "ive", "dont", "cant", "didnt", "doesnt", "wont", "isnt", "thats", "hi", "hello",
        "thanks", "thank", "please", "pls", "just", "really", "like", "got", "get", "also",
        "still", "ok", "okay", "yes", "yeah", "um", "uh", "hey", "lot", "team", "guys", "be",
        "have", "do", "amp", "http", "https", "www", "com", "rt", "dm", "u", "ur", "thx",
    }
)
STOPWORDS = frozenset((set(STOP_WORDS) | FILLER) - KEEP)
#: Articles, possessives and demonstratives: the words that open a noun phrase ("my",
#: "those"), which theme names step over to reach its noun.
DETERMINERS = frozenset({"a", "an", "the", "my", "our", "your", "his", "her", "their", "its",
                         "this", "that", "these", "those", "some", "any"})
_TOKEN = re.compile(r"\[[a-z_]+\]|@\w+|#\w+|https?://\S+|\d[\d.,:/]*|[a-z][a-z'’\-]*[a-z]|[a-z]|[.,;:!?()\"]")
#: Irregular or negated forms the lookup table leaves alone.
_EXTRA = {"can't": "cannot", "won't": "not", "n't": "not", "cancelled": "cancel",
          "cancelling": "cancel", "canceled": "cancel", "canceling": "cancel"}


_WORD = re.compile(r"[a-z][a-z'\-]*")


@lru_cache(maxsize=1)
def _table() -> Table:
    from spacy.lookups import load_lookups

    return load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Lemma of one lowercase word ("charged" → "charge"); unknown words as given."""
    if word in _EXTRA:
        return _EXTRA[word]
    return str(_table().get(word, word))


def _raw_tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("’", "'"))


def _is_word(tok: str) -> bool:
    return _WORD.fullmatch(tok) is not None and "'" not in tok


def chunks(text: str) -> list[list[tuple[str, str]]]:
    """Runs of (lemma, surface word) pairs of content words, split at stop words and marks."""
    out: list[list[tuple[str, str]]] = []
    run: list[tuple[str, str]] = []
    for tok in _raw_tokens(text):
        word = tok.lstrip("#").strip("'-")
        lem = lemma(word) if word and _is_word(word) else ""
        if not lem or len(word) < 2 or lem in STOPWORDS or word in STOPWORDS:
            if run:
                out.append(run)
            run = []
            continue
        run.append((lem, word))
    if run:
        out.append(run)
    return out


def lemma_terms(text: str) -> list[str]:
    """Content lemmas of ``text`` in order (for TF-IDF): no stop words, marks or numbers."""
    return [lem for run in chunks(text) for lem, _ in run]


def phrases(text: str, max_n: int = 3) -> dict[str, str]:
    """Candidate phrases of ``text``: lemma n-gram → its surface form here (first seen)."""
    out: dict[str, str] = {}
    for run in chunks(text):
        for n in range(1, max_n + 1):
            for i in range(len(run) - n + 1):
                gram = run[i : i + n]
                if n == 1 and gram[0][0] in KEEP:
                    continue
                key = " ".join(lem for lem, _ in gram)
                out.setdefault(key, " ".join(w for _, w in gram))
    return out

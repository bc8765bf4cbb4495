"""Lowercase phrase matching on a blank spaCy tokenizer (no lemmas, no models), and the
text normalisation applied before embedding statements for classification."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import spacy
from spacy.matcher import PhraseMatcher

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


@lru_cache(maxsize=1)
def blank_nlp() -> Any:
    """The shared ``spacy.blank("en")`` pipeline (tokenizer only)."""
    return spacy.blank("en")


def normalize(text: str) -> str:
    """Lowercase and straighten typographic apostrophes so cues match."""
    return text.translate(_APOSTROPHES).lower()


Span = tuple[int, int]

# The tokenised docs of the last batch of texts: sentiment, emotion and friction match
# their cues on the same statements one after another, so they tokenise them once.
# One (texts, docs, doc by text) triple, read and replaced as a whole, so that threads
# sharing the module (a Dask worker runs several tasks at once) never pair one batch's
# texts with another's docs. A batch of other texts (the friction step sees the classify
# step's statements again, grouped with their scores) re-uses the docs of the texts it
# shares with the last batch: tokenising a text always gives the same doc.
_LAST: list[tuple[tuple[str, ...], list[Any], dict[str, Any]]] = [((), [], {})]


def _docs(texts: Sequence[str]) -> list[Any]:
    key = tuple(texts)
    last_key, docs, by_text = _LAST[0]
    if key != last_key:
        todo = [t for t in dict.fromkeys(key) if t not in by_text]
        made = dict(zip(todo, blank_nlp().pipe(normalize(t) for t in todo), strict=True))
        docs = [made[t] if t in made else by_text[t] for t in key]
        _LAST[0] = (key, docs, dict(zip(key, docs, strict=True)))
    return docs


class CueMatcher:
    """Find cue phrases, grouped by key, in texts.

    ``match(texts)`` returns, per text, ``{key: [(start, end), ...]}`` with token
    offsets, so callers can tell overlapping matches apart (for negators).
    """

    def __init__(self, groups: Mapping[str, Sequence[str]]) -> None:
        self.groups = {k: list(v) for k, v in groups.items()}
        nlp = blank_nlp()
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._keys: dict[int, str] = {}
        self._last: tuple[tuple[str, ...], list[dict[str, list[Span]]]] = ((), [])
        for key, phrases in self.groups.items():
            patterns = [nlp.make_doc(normalize(p)) for p in phrases if p.strip()]
            if patterns:
                self._matcher.add(key, patterns)
                self._keys[nlp.vocab.strings[key]] = key

    def match(self, texts: Sequence[str]) -> list[dict[str, list[Span]]]:
        """The matches of each text (callers read them, never change them).

        The result for the last batch is kept: the emotion and friction steps ask for the
        same batch's matches twice (evidence and cue hits; cue groups and topic words)."""
        key = tuple(texts)
        last_key, last = self._last
        if key == last_key:
            return last
        out: list[dict[str, list[Span]]] = []
        for doc in _docs(key):
            found: dict[str, list[Span]] = {}
            for match_id, start, end in self._matcher(doc):
                found.setdefault(self._keys[match_id], []).append((start, end))
            out.append(found)
        self._last = (key, out)  # replaced as a whole, as _LAST
        return out

    def counts(self, texts: Sequence[str]) -> list[dict[str, int]]:
        """Number of matches of each key per text."""
        return [{k: len(v) for k, v in m.items()} for m in self.match(texts)]


_HANDLES_URLS = re.compile(r"(?:\B@\w+|https?://\S+|\bwww\.\S+)")
_SPACES = re.compile(r"\s+")


def for_embedding(text: str) -> str:
    """The text without @handles and links, which say who and where, not how it feels.

    Brand handles otherwise pull every statement about one company towards the
    same place in embedding space. Text that is nothing but handles is kept as is.

    >>> for_embedding("@united still waiting for my bag http://t.co/x")
    'still waiting for my bag'
    """
    if "@" in text or "http" in text or "www." in text:  # else the first pattern finds nothing
        stripped = _SPACES.sub(" ", _HANDLES_URLS.sub(" ", text)).strip()
    else:
        # str.split() cuts at the same white space as ``\s`` (str.isspace), and joining the
        # words with one space is the substitution followed by strip()
        stripped = " ".join(text.split())
    return stripped or text

"""Split cleaned item text into statements (sentences) with spaCy's rule-based sentencizer."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from voc.sentsplit import Splitter

_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*(?:[-*•]|\d+[.)])\s)")
_SPACES = re.compile(r"\s+")
_BULLET = re.compile(r"^(?:[-*•]|\d+[.)])\s+")
_BOILERPLATE = re.compile(
    r"^(?:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^.!?]{0,40}"
    r"|(?:many |big )?thanks?(?: you)?(?: (?:so|very) much)?(?: in advance)?(?: again)?"
    r"|(?:kind |best |warm )?regards|best|cheers|sincerely|ty|thx"
    r"|(?:i )?hope (?:this|that) helps|hope you(?:'re| are) (?:well|doing well))"
    r"[\s,.!:;\-\[\]A-Za-z]{0,25}$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
_OTHER_SPACE = re.compile(r"[^\S ]|  ")
"""Whitespace other than single spaces."""
_TRAILING_MARK = re.compile(r"(?:^|\s)([#@]+)$")
"""A hashtag or handle mark the sentencizer left at the end of a sentence."""


@lru_cache(maxsize=1)
def _nlp() -> Any:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def statement_id(item_id: str, position: int) -> str:
    """Stable id of the statement at ``position`` in item ``item_id``."""
    return hashlib.sha1(f"{item_id}:{position}".encode()).hexdigest()[:16]


def is_boilerplate(sentence: str) -> bool:
    """Greetings, sign-offs and thanks that carry no customer content."""
    words = _WORD.findall(sentence)
    if len(words) == 0:
        return True
    return len(words) <= 7 and bool(_BOILERPLATE.match(sentence.strip()))


def _paragraphs(text: str) -> list[str]:
    if _OTHER_SPACE.search(text) is None:
        # single spaces only: no paragraph break (it needs a newline), nothing to collapse
        p = _BULLET.sub("", text.strip())
        return [p] if p else []
    return _paragraphs_all(text)


def _paragraphs_all(text: str) -> list[str]:
    """:func:`_paragraphs`, every step."""
    parts = _PARAGRAPH.split(text)
    cleaned = (_BULLET.sub("", _SPACES.sub(" ", p).strip()) for p in parts if p and p.strip())
    return [p for p in cleaned if p]


def split_statements(text: str, min_words: int = 2) -> list[str]:
    """Sentences of ``text`` worth analysing, in order.

    Paragraph breaks and list bullets always end a statement; line wraps
    inside a paragraph do not. Greetings, sign-offs and fragments with fewer
    than ``min_words`` words are dropped.
    """
    return next(iter(split_many([text], min_words=min_words)))


@lru_cache(maxsize=1)
def _inner_punct() -> re.Pattern[str]:
    """A sentence-final character (the sentencizer's ``punct_chars``) followed by more text."""
    chars = "".join(sorted(_nlp().get_pipe("sentencizer").punct_chars))
    return re.compile(f"[{re.escape(chars)}].*?[^{re.escape(chars)}]", re.DOTALL)


@lru_cache(maxsize=1)
def _splitter() -> Splitter:
    return Splitter(_nlp())


def _sentences(paragraphs: list[str]) -> Iterator[list[str]]:
    """Sentence texts of each paragraph, as spaCy's sentencizer splits them.

    A paragraph with no sentence-final character before its end cannot be split by the
    sentencizer (it only starts a sentence after one), so it is one sentence as it
    stands. The others are split by :class:`voc.sentsplit.Splitter`, which gives the
    sentencizer's sentences from spaCy's tokenization of each space-free piece (cached)
    without building documents; a paragraph with other whitespace than single spaces
    (never made by :func:`_paragraphs`) goes through ``nlp.pipe``.
    """
    inner = _inner_punct()
    split = _splitter().split
    for p in paragraphs:
        if inner.search(p) is None:
            yield [p.strip()]
        elif _OTHER_SPACE.search(p) is None and p == p.strip():
            yield split(p)
        else:
            yield [sent.text.strip() for sent in _nlp()(p).sents]


def split_many(texts: Iterable[str], min_words: int = 2) -> Iterator[list[str]]:
    """:func:`split_statements` over many texts, batched through spaCy."""
    texts = texts.tolist() if hasattr(texts, "tolist") else list(texts)  # a Series: not per item
    paragraphs = [_paragraphs(t or "") for t in texts]
    flat = [p for ps in paragraphs for p in ps]
    sents = _sentences(flat)
    for ps in paragraphs:
        out: list[str] = []
        for p in ps:
            found = next(sents)
            if "#" in p or "@" in p:
                found = _rejoin_marks(found, p)
            for s in found:
                n_words = len(_WORD.findall(s))  # once: is_boilerplate(s) counts them too
                if n_words < min_words or n_words == 0:
                    continue
                if n_words <= 7 and _BOILERPLATE.match(s.strip()):
                    continue  # is_boilerplate(s), with the word count already known
                out.append(s)
        yield out


def _rejoin_marks(sents: list[str], paragraph: str) -> list[str]:
    """Sentences with a trailing ``#``/``@`` put back on the word it marks.

    spaCy's sentencizer keeps punctuation after a sentence end in that sentence, so
    "Delayed again. #fail" splits as "Delayed again. #" and "fail"; the mark goes back
    to the start of the next sentence (with the space the paragraph had there, if any),
    and is dropped when it ends the paragraph.
    """
    out = list(sents)
    for i, s in enumerate(out):
        m = _TRAILING_MARK.search(s)
        if m is None:
            continue
        mark = m.group(1)
        out[i] = s[: m.start(1)].rstrip()
        if i + 1 < len(out):
            nxt = out[i + 1]
            out[i + 1] = mark + nxt if mark + nxt in paragraph else f"{mark} {nxt}"
    return [s for s in out if s]

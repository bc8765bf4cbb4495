"""spaCy's sentencizer, reproduced without building spaCy documents.

The sentencizer starts a sentence at the first token that is neither punctuation nor a
sentence-final character (``punct_chars``) after a token that is a sentence-final
character. Which tokens exist depends only on spaCy's tokenizer, and the tokenizer splits
text at single spaces and then tokenizes each space-free piece on its own (prefixes,
suffixes, infixes, special cases; results cached per piece). So the sentences of a
paragraph follow from, per piece, where its tokens start and whether each is punctuation
or a sentence-final character. :class:`Splitter` asks spaCy's own tokenizer that for
every distinct piece with a character other than letters and digits (once, then cached),
knows it without asking for pieces of letters and digits only (one token or several, none
punctuation), and runs the sentencizer's loop over the pieces.

Paragraphs with any whitespace other than single spaces (which
:func:`voc.segment._paragraphs` never produces) are left to spaCy by the caller. The
result is the same list of sentences as ``[s.text.strip() for s in nlp(p).sents]``;
``tests/test_segment_fast.py`` checks it on the sample and the evaluation texts.
"""

from __future__ import annotations

import re
from typing import Any

_Sig = tuple[tuple[int, ...], bool, tuple[int, ...], bool]
"""(starts if no period before, period after; starts if a period before, period after)."""

_PLAIN: _Sig = ((), False, (0,), False)
"""A piece of letters and digits: its first token starts a sentence after a period."""

_NOT_PLAIN = re.compile(r"(?<![^ ])[^ ]*?(?:[^\w ]|_)[^ ]*")
"""A whole space-free piece with a character that is not a letter or digit (``\\w`` is
``str.isalnum()`` plus ``_``): the pieces for which ``piece.isalnum()`` is false."""

MAX_CACHE = 200_000
"""Pieces remembered; the cache is emptied when it grows past this (memory stays bounded)."""


class Splitter:
    """Sentence texts of space-separated paragraphs, as spaCy's sentencizer makes them."""

    def __init__(self, nlp: Any) -> None:
        self._tokenizer = nlp.tokenizer
        self._punct_chars = frozenset(nlp.get_pipe("sentencizer").punct_chars)
        self._sigs: dict[str, _Sig] = {}

    def _signature(self, piece: str) -> _Sig:
        """How the sentencizer's loop goes through the tokens of one piece, from either
        state (after a sentence-final token or not)."""
        toks = [(t.idx, t.is_punct, t.text in self._punct_chars) for t in self._tokenizer(piece)]
        out: list[Any] = []
        for seen in (False, True):
            starts: list[int] = []
            for idx, punct, final in toks:
                if seen and not punct and not final:
                    starts.append(idx)
                    seen = False
                elif final:
                    seen = True
            out += [tuple(starts), seen]
        return (out[0], out[1], out[2], out[3])

    def split(self, paragraph: str) -> list[str]:
        """Sentences of ``paragraph`` (single spaces only, stripped), stripped.

        Only pieces with a character other than a letter or digit are looked at: a piece of
        letters and digits (:data:`_PLAIN`) only ends the wait for a sentence start, which
        the first one after a looked-at piece does.
        """
        sigs = self._sigs
        starts = [0]
        seen = False
        after = 0  # where the piece after the last one looked at starts
        for m in _NOT_PLAIN.finditer(paragraph):
            at = m.start()
            if seen and at > after:  # a plain piece in between starts the sentence
                starts.append(after)
                seen = False
            piece = m.group()
            sig = sigs.get(piece)
            if sig is None:
                if len(sigs) >= MAX_CACHE:
                    sigs.clear()
                sig = sigs[piece] = self._signature(piece)
            if seen:
                got, seen = sig[2], sig[3]
            else:
                got, seen = sig[0], sig[1]
            for s in got:
                starts.append(at + s)
            after = m.end() + 1
        if seen and after < len(paragraph):
            starts.append(after)
        if len(starts) == 1:
            return [paragraph.strip()]
        starts.append(len(paragraph))
        return [paragraph[a:b].strip() for a, b in zip(starts, starts[1:], strict=False)]

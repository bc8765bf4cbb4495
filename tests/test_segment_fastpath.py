"""Paragraphs that skip spaCy split exactly as spaCy's sentencizer would split them."""

from __future__ import annotations

import random

from voc import segment

WORDS = ["the", "app", "crashed", "e.g.", "U.S.", "3.5", "why", "help", "refund", "www.x.com"]
ENDS = ["", ".", "!", "?", "...", "!!", "?!", " :)", "。", "।"]


def _spacy_only(paragraph: str) -> list[str]:
    return [s.text.strip() for s in segment._nlp()(paragraph).sents]


def test_fast_path_matches_spacy() -> None:
    rng = random.Random(7)
    paragraphs = []
    for _ in range(600):
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 12))]
        if rng.random() < 0.5:  # a sentence end inside
            words.insert(rng.randint(0, len(words)), rng.choice(ENDS[1:]))
        paragraphs.append((" ".join(words) + rng.choice(ENDS)).strip())
    got = list(segment._sentences(paragraphs))
    assert got == [_spacy_only(p) for p in paragraphs]
    fast = [p for p in paragraphs if not segment._inner_punct().search(p)]
    assert len(fast) > 30  # the fast path was taken for many


def test_split_many_unchanged_on_messy_text() -> None:
    text = (
        "Hi team,\n\nMy card was charged twice!! Can you refund it? Thanks.\n"
        "- export fails\n- sync broken since 3.5\n\nKind regards, Dana"
    )
    assert segment.split_statements(text) == [
        "My card was charged twice!!",
        "Can you refund it?",
        "export fails",
        "sync broken since 3.5",
    ]

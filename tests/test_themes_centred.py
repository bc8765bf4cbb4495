"""Vague theme names replaced by the problem phrase closest to the theme's centre."""

from __future__ import annotations

import numpy as np

from voc.embed import Embedder
from voc.themes.centred import (
    _lemmas,
    key_of,
    negative_words,
    reads_wrong,
    rename_vague,
    says,
    spans,
    vague,
)
from voc.themes.lemmas import STOPWORDS
from voc.themes.table import ThemeDraft

#: What a jacket's reviews say besides their shared problem: nothing two of them share.
CHATTER = [
    "I bought it at the store last week.",
    "The color is lovely in person.",
    "The lining feels nice and warm.",
    "I wore it to work twice already.",
    "Zipper is stiff at first.",
    "Pockets are a bit shallow for my phone.",
    "My sister has the same one in green.",
    "It came in a nice box with tissue paper.",
]
SMALL = [
    "The jacket runs small, order a size up.",
    "Beautiful coat but it runs small in the shoulders.",
    "Sadly this runs small so I sent it back.",
    "Runs a bit small, I'm usually a medium and needed a large.",
    *CHATTER,
]
SCATTERED = [
    *CHATTER,
    "The buttons are a little loose.",
    "I had to wait two weeks for delivery.",
    "The sleeves are long on me.",
    "Washing it was easy.",
]
OTHER = [
    "My card was declined at the shop.",
    "Card declined again when paying online.",
    "Why is my card declined abroad?",
    "The app declined my card twice.",
]


def _drafts(first: list[str], name: str) -> tuple[list[ThemeDraft], list[str]]:
    texts = [*first, *OTHER]
    a = ThemeDraft(0, np.arange(len(first)), name, [], [])
    b = ThemeDraft(1, np.arange(len(first), len(texts)), "card declined", [], [])
    return [a, b], texts


def test_vague_names() -> None:
    for name in ("mixed complaints about size and pants", "dress issues", "payment problems",
                 "sweater complaints", "account issues: credit", "loan and mortgage"):
        assert vague(name), name
    for name in ("flight delayed", "no refund", "runs small", "delayed and cancelled"):
        assert not vague(name), name


def test_spans_are_problems_as_written() -> None:
    found = spans("The dress runs small and the fabric is see-through.")
    assert "runs small" in found.values()
    assert "didn't fit" in spans("It didn't fit at all, way too tight in the bust.").values()
    assert "too tight" in spans("It didn't fit at all, way too tight in the bust.").values()
    # a span never crosses a conjunction or a new clause's subject
    assert not any(" and " in s or " i " in f" {s} " for s in spans(
        "I waited days but i didn't receive anything and they never called.").values())
    # fixed expressions and words that only say "complaint" are no problem
    assert not any("doubt" in s for s in spans("No doubt the coat is warm.").values())
    assert not reads_wrong("complaint experian")
    for text in SMALL + SCATTERED:
        for s in spans(text).values():
            assert s.split()[-1] not in STOPWORDS, s


def test_negative_words_judge_badly() -> None:
    bad = negative_words()
    assert {"thin", "tight", "broken", "poor"} <= bad
    assert not {"complaint", "problem", "lovely", "nice"} & bad


def test_says_in_order_with_small_gaps() -> None:
    assert says(key_of("runs small"), _lemmas("It runs a bit small"))
    assert not says(key_of("runs small"), _lemmas("Small things run the world"))
    assert says(key_of("didn't fit"), _lemmas("It did not fit me"))


def test_vague_theme_named_by_the_span_a_fifth_say(embedder: Embedder) -> None:
    drafts, texts = _drafts(SMALL, "mixed complaints about jacket and store")
    vecs = embedder.encode(texts)
    renamed = rename_vague(drafts, vecs, texts, embedder.encode)
    assert drafts[0].name == "runs small"
    assert renamed == [("mixed complaints about jacket and store", "runs small", len(SMALL))]
    assert drafts[1].name == "card declined"  # a name that says a problem stays


def test_scattered_theme_keeps_its_honest_name(embedder: Embedder) -> None:
    drafts, texts = _drafts(SCATTERED, "mixed complaints about coat and store")
    vecs = embedder.encode(texts)
    assert rename_vague(drafts, vecs, texts, embedder.encode) == []
    assert drafts[0].name == "mixed complaints about coat and store"


def test_user_names_and_taken_names_stay(embedder: Embedder) -> None:
    drafts, texts = _drafts(SMALL, "jacket issues")
    vecs = embedder.encode(texts)
    assert rename_vague(drafts, vecs, texts, embedder.encode, pinned={"jacket issues"}) == []
    assert drafts[0].name == "jacket issues"
    drafts, texts = _drafts(SMALL, "jacket issues")
    drafts[1].name = "runs small"
    rename_vague(drafts, vecs, texts, embedder.encode)
    assert drafts[0].name != "runs small"


def test_a_name_taken_in_other_words_order_stays(embedder: Embedder) -> None:
    """"small runs" is "runs small" in another order: two themes never read alike."""
    drafts, texts = _drafts(SMALL, "jacket issues")
    vecs = embedder.encode(texts)
    drafts[1].name = "small runs"
    rename_vague(drafts, vecs, texts, embedder.encode)
    assert drafts[0].name != "runs small"

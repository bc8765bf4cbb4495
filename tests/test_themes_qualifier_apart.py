"""A qualifier says what sets a theme or a sub-theme apart: a thing its statements say
and its siblings do not, never a time, a vague noun, a place or a cut clause (r17q)."""

from __future__ import annotations

import numpy as np

from voc.themes.distinct import distinct_names, n_duplicates, usable_phrase
from voc.themes.drafts import name_subthemes, sub_name
from voc.themes.mixed import is_mixed
from voc.themes.qualify import is_noun_strict, plain_qualifier


def test_plain_qualifier_rejects_time_vague_and_place_words() -> None:
    texts = ["Bags lost in Miami again", "Miami lost my bag", "lost bag at Miami airport"]
    for word in ("tomorrow", "friday", "reason", "steps", "mistake", "long time", "chances"):
        assert not plain_qualifier(word, texts), word
    assert not plain_qualifier("miami", texts)  # a place the statements write as a name
    assert not plain_qualifier("customers", texts)  # who, not what
    assert plain_qualifier("checked bag", texts)
    assert plain_qualifier("cancelled", texts)  # another problem is what went wrong


def test_a_verb_form_the_lexicon_knows_only_by_its_stem_is_no_noun() -> None:
    assert not is_noun_strict("slandering")
    assert is_noun_strict("suitcase")


def test_a_qualifier_never_starts_mid_clause() -> None:
    texts = ["weather is not control of the airline", "not control, they said",
             "bad weather is not in our control"]
    said = [frozenset(t.lower().split()) for t in texts]
    assert not usable_phrase("not control", {"bad", "weather"}, said, texts)


CANCELLED = [
    "My flight was cancelled and nobody told me.",
    "Flight cancelled again, no notice at all.",
    "They cancelled my flight without a word.",
    "Cancelled flight, no email, nothing.",
    "Flight got cancelled, no text message.",
    "My flight is cancelled and no one called.",
]
TOMORROW = [
    "Flight cancelled tomorrow because of the storm?",
    "Will my flight tomorrow be cancelled, the storm is coming",
    "Cancelled flight tomorrow, what now",
    "Is tomorrow's flight cancelled too?",
    "My flight tomorrow was cancelled.",
]


def test_a_time_word_never_qualifies() -> None:
    texts = ["Flight cancelled tomorrow", "tomorrow flight cancelled", "cancelled again tomorrow"]
    said = [frozenset(t.lower().split()) for t in texts]
    assert not usable_phrase("tomorrow", {"flight", "cancel"}, said, texts)


def test_a_clash_is_not_told_apart_by_a_time_word() -> None:
    out = distinct_names(["flight cancelled", "flight cancelled"], [CANCELLED, TOMORROW])
    assert n_duplicates(out) == 0
    assert out[0] == "flight cancelled"
    assert "tomorrow" not in out[1]
    # "storm" sets it apart but no span says it with a problem word, and no problem
    # phrase is its own: glued on, which says more than a number
    assert out[1] == "flight cancelled: storm", out


def test_clashing_mixed_names_are_told_apart_by_subjects_never_a_colon() -> None:
    one = ["It went wrong again.", "This keeps happening.", "Never again, seriously.",
           "What a mess this was."]
    # no noun said twice: the old way took a word said twice, "mixed complaints: going"
    two = ["The voucher never came, it just happened.", "Going nowhere with the refund desk.",
           "The lounge was closed, it happened again.", "Going home without my luggage."]
    out = distinct_names(["mixed complaints", "mixed complaints"], [one, two])
    assert n_duplicates(out) == 0
    assert all(is_mixed(n) and ":" not in n for n in out), out
    # every noun of ``two`` is said once: no subject tells it apart, so it is numbered
    # (r18m; "… about desk and lounge" said nothing of the theme)
    assert out[1] == "mixed complaints (2)", out


def test_a_parent_name_with_a_word_every_part_says_is_not_a_subtheme_name() -> None:
    mine = ["card charged twice at the cafe", "my card was charged twice for coffee",
            "charged twice on my card at a cafe", "card charged twice for one coffee"]
    rest = ["card charged twice for the hotel", "charged twice on my card for rent",
            "the card got charged twice online", "card charged twice for a taxi"]
    # "card" is said by the whole theme: the part is the cafe, not the card
    name = sub_name("charged twice", "card charged twice", ["card", "cafe", "coffee"],
                    mine, rest)
    assert name == "charged twice at cafe", name  # as they write it


def test_a_subtheme_named_x_problems_is_folded_when_x_is_worked_in_nowhere() -> None:
    mine = ["the delivery of my card is late", "card delivery problems again",
            "delivery has not come, where is my card", "delivery of the card failed"]
    rest = ["I have not received my card yet", "still no card after a month",
            "card not arrived", "where is my new card"]
    name = sub_name("haven't received card", "delivery problems", ["delivery"], mine, rest)
    # "delivery" sets it apart, but no span says it with a problem word: named as its
    # parent (folded), never "haven't received card: delivery" (r31q)
    assert name == "haven't received card", name


def test_subtheme_qualifier_the_whole_theme_says_sets_no_part_apart() -> None:
    """Most of "stop calling" says "phone": "stop calling phone" beside "stop calling
    office" names what the whole theme is about, so that part is not told apart; its
    sibling, alone, stays only as a part its statements write
    (:func:`voc.themes.drafts.lone_kept`)."""
    phone = ["stop calling my phone", "please stop calling my phone",
             "stop calling my phone number", "stop calling my cell phone",
             "they keep calling my phone, stop calling"]
    office = ["stop calling me at my office", "stop calling my office phone",
              "stop calling my phone at the office", "stop calling the office phone",
              "please stop calling my office"]
    sub = np.array([0] * len(phone) + [1] * len(office))
    subs = name_subthemes(sub, [*phone, *office], "stop calling")
    assert [s.name for s in subs] == ["stop calling office"]


def test_what_one_statement_says_never_qualifies_a_clash() -> None:
    """Round 11 took "flight delayed: pilot" from one statement of two: a qualifier is
    said by two statements at least, else the smaller theme is numbered."""
    big = ["the flight was delayed", "flight delayed again", "delayed flight today"]
    small = ["flight delayed, and the pilot never showed up", "flight delayed again"]
    out = distinct_names(["flight delayed", "flight delayed"], [big, small])
    assert out == ["flight delayed", "flight delayed (2)"]

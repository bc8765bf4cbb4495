"""A mixed name names only subjects a real share of its distinct statements say (r34m):
"mixed complaints about honeymoon" (2 of 23), "... about epic" (a vague word) and "...
about cause and death" (one tweet sent three times) told readers the theme was about what
hardly any of it says; an honest "mixed complaints (saying W)" does not."""

from __future__ import annotations

from voc.themes.distinct import distinct_names, mixed_apart, n_duplicates
from voc.themes.mixed import MIXED, mixed_name, named_least
from voc.themes.wording import distinct

#: Lost days and missed plans, two of which say "honeymoon" (airline, seed 42).
LOST_DAYS = [
    "So far lost one of 3 days :(",
    "Just upset that I lost 2 additional work days and paid for my own hotel.",
    "Missed surprise 60th bday which was reason for trip.",
    "Our honeymoon was delayed a day because a gas cap was not screwed on!",
    "We lost the first night of our honeymoon in an airport.",
    "Over 4 weeks since you took our money and left us stranded 9 hours from home.",
    "Second day without clothes is pretty inconvenient.",
    "Called 10x in the last 3 days, and haven't gotten through.",
    "Missed a full day skiing because of this.",
    "Lost a whole vacation day sitting in Dallas.",
    "I lost two days of my trip thanks to you.",
    "Missed my cousin's wedding, thanks.",
    "Three days late getting home, lost pay.",
    "Never made it to the conference at all.",
    "We lost our first day in Cancun.",
    "That cost me the weekend.",
]


def test_a_noun_two_of_sixteen_statements_say_names_no_mixed_theme() -> None:
    name = mixed_name(LOST_DAYS)
    assert "honeymoon" not in name, name
    assert name in (MIXED, f"{MIXED} saying lost"), name


def test_a_vague_subject_never_names_a_mixed_theme_by_the_about_path() -> None:
    texts = ["Epic fail.", "Was 6.99 epic #fail .", "What a major #fail at an airport",
             "Ya never fail to let me down!", "Keep up the #Failing", "United fails again."]
    assert mixed_name(texts, about="epic") == f"{MIXED} saying fail"


#: One tweet sent to three airlines, among statements that share nothing.
COPIES = [
    "@VirginAmerica did you know that suicide is the second leading cause of death?",
    "@AmericanAir did you know that suicide is the second leading cause of death?",
    "@united Did you know that suicide is the second leading cause of death",
    "Toddler in his own row #fail",
    "Ya never let me down!",
    "Really bad, guys.",
    "What a major mess at an airport of this size",
    "Set to song.",
    "Keep it up.",
    "Your people are kind, the infrastructure is horrid",
]


def test_copies_of_one_statement_count_once_for_a_mixed_subject() -> None:
    assert len(distinct(COPIES)) == 8
    name = mixed_name(COPIES)
    assert "cause" not in name and "death" not in name, name
    assert mixed_apart(COPIES, [MIXED]) == ""


def test_distinct_keeps_statements_that_differ_in_words_or_numbers() -> None:
    texts = ["Flight 12 delayed.", "flight 34 delayed", "@a Flight 12 delayed!", "!!", "??"]
    assert distinct(texts) == ["Flight 12 delayed.", "flight 34 delayed", "!!", "??"]


def test_the_share_a_mixed_subject_needs_grows_with_the_theme() -> None:
    assert named_least(["a", "b", "c", "d"]) == 2
    assert named_least([f"s{i}" for i in range(23)]) == 4
    assert named_least([f"s{i}" for i in range(61)]) == 10
    # the mixed theme's named subjects: said by that many, "seat" (2 of 6) still names one
    texts = ["My seat was broken.", "The seat was dirty.", "Lost my bag.", "Bag never came.",
             "The bag fee is a joke.", "Whole day wasted."]
    assert mixed_name(texts) == f"{MIXED} about bag and seat"


def test_in_a_clash_of_mixed_names_the_theme_saying_the_subject_most_keeps_it() -> None:
    small = ["My payments were never applied.", "Two payments went missing.",
             "The payments posted late again.", "Nobody answers the phone."]
    big = ["The payment was late.", "A payment vanished.", "My payment bounced.",
           *[f"They never called back, {i} times now." for i in range(17)]]
    out = distinct_names([f"{MIXED} about payment", f"{MIXED} about payments"], [big, small])
    assert out[1] == f"{MIXED} about payments", out
    assert n_duplicates(out) == 0 and not any("(" in n for n in out), out

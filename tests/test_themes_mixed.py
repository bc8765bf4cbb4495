"""Vague names and mixed themes (voc.themes.mixed), and clashes resolved without numbers."""

from __future__ import annotations

import pytest

from voc.themes.distinct import distinct_names, n_duplicates
from voc.themes.mixed import MIXED, is_mixed, mixed_name, unvague, vague_name


@pytest.mark.parametrize(
    "name",
    ["times disconnected", "people wrong", "poor way", "entire day lost", "epic failed",
     "issue wait", "horrible day", "unspecific complaints"],
)
def test_a_name_with_only_a_vague_subject_is_vague(name: str) -> None:
    assert vague_name(name)


@pytest.mark.parametrize(
    "name",
    ["hours on hold", "hour delay", "long wait", "bag lost", "charged twice", "no response",
     "worst airline", "how to top up", "can't check in", "mixed complaints about bag"],
)
def test_names_of_a_thing_waiting_or_a_question_are_not_vague(name: str) -> None:
    assert not vague_name(name)


MIXED_TEXTS = [
    "My seat was broken and nobody cared.",
    "The seat next to me was dirty.",
    "Lost my bag again, what is wrong with you people.",
    "My bag never showed up.",
    "The bag fee is a joke.",
    "Whole day wasted, just wrong.",
]


def test_a_mixed_theme_names_the_nouns_most_statements_say() -> None:
    assert mixed_name(MIXED_TEXTS) == f"{MIXED} about bag and seat"
    # another theme already has that name: the next pair
    assert mixed_name(MIXED_TEXTS, taken=[f"{MIXED} about bag and seat"]) \
        == f"{MIXED} about seat"


def test_a_mixed_theme_without_a_shared_noun_names_its_shared_problem_word() -> None:
    texts = ["epic fail.", "What a major #fail today", "You failed again", "Impossible."]
    assert mixed_name(texts) == f"{MIXED} saying fail"
    assert mixed_name(["Just no.", "Not really."]) == MIXED


def test_a_vague_name_becomes_mixed_and_says_so() -> None:
    out = unvague("people wrong", MIXED_TEXTS)
    assert is_mixed(out) and "bag" in out
    assert unvague("bag lost", MIXED_TEXTS) == "bag lost"


def test_a_vague_subject_gives_way_to_the_thing_the_statements_say_it_of() -> None:
    texts = [
        "My bag was lost in Denver.",
        "They lost my bag twice this year.",
        "Bag lost again!",
        "Whole day lost waiting at the desk.",
    ]
    assert unvague("day lost", texts) == "bag lost"


#: Statements naming nothing: with them no subject covers half of a theme (it stays mixed).
VAGUE_TEXTS = ["Whole day wasted.", "Never again.", "Just awful.", "So fed up.",
               "What a joke.", "Unbelievable, honestly."]


def test_two_mixed_themes_never_share_a_name_nor_get_a_number() -> None:
    other = [
        "The seat was broken.",
        "A bag fee again?",
        "My seat was dirty and the fee was absurd.",
        "The fee is a joke, the bag was wet.",
        *VAGUE_TEXTS[:5],
    ]
    one = [*MIXED_TEXTS, *VAGUE_TEXTS]
    first, second = mixed_name(one), mixed_name(other)
    out = distinct_names([first, first], [one, other])
    assert n_duplicates(out) == 0 and out[0] == first
    assert is_mixed(out[1]) and "(" not in out[1] and ", " not in out[1]
    assert second != first

"""A mixed name names subjects a real share of its statements say as nouns, never the
run's domain word (r18m): "mixed complaints about flight and gate", "… deplane and
detectors" (one statement each) and "… board" (a verb) said nothing."""

from __future__ import annotations

from voc.themes.distinct import distinct_names, mixed_apart, n_duplicates
from voc.themes.mixed import MIXED, mixed_name, mixed_subjects, undomained, verb_said

GATE = [
    "Flight stuck at the gate for two hours.",
    "Our flight went back to the gate, no word why.",
    "The flight crew never showed up.",
    "Flight delayed and the crew is missing.",
    "Flight sat on the plane at the gate forever.",
    "Why is my flight still not boarding?",
]


def test_mixed_subjects_reads_the_nouns_of_a_mixed_name() -> None:
    assert mixed_subjects(f"{MIXED} about bag and seat") == ["bag", "seat"]
    assert mixed_subjects(f"{MIXED} about early bird") == ["early bird"]
    assert mixed_subjects(f"{MIXED} saying fail") == []
    assert mixed_subjects(MIXED) == []


def test_a_mixed_name_never_names_a_lemma_every_theme_says() -> None:
    assert mixed_name(GATE) == f"{MIXED} about flight and gate"  # nothing tells "flight"
    assert mixed_name(GATE, common={"flight"}) == f"{MIXED} about gate and crew"


def test_distinct_names_renames_a_mixed_name_with_the_domain_word_without_a_clash() -> None:
    other = ["My bag was lost.", "Lost bag again.", "Bag never came."]
    names = [f"{MIXED} about flight and gate", "bag lost"]
    out = distinct_names(names, [GATE, other], common={"flight"})
    # five of six statements say the gate or the crew: two subjects glued name no problem,
    # so the theme stays honestly mixed (r32s; r19b named it "gate and crew")
    assert out == [f"{MIXED} about gate and crew", "bag lost"], out
    # a user's name is kept as written
    assert undomained(names, [GATE, other], {"flight"}, keep={0}) == names


def test_a_word_said_as_a_verb_is_no_subject() -> None:
    texts = ["Still waiting to board the plane.", "We wait to board, an hour now.",
             "They let us board late and we boarded with no food.",
             "Boarding took forever, the plane is dirty.",
             "We boarded at noon and the plane has no power."]
    # the tagger reads "to board" as a noun: the old name was "… about plane and board"
    assert verb_said("board", texts)
    assert not verb_said("plane", texts)
    assert mixed_name(texts) == f"{MIXED} about plane", mixed_name(texts)


def test_a_mixed_subject_needs_a_share_of_the_statements() -> None:
    texts = [f"Complaint {i}: nothing worked today." for i in range(28)] + [
        "The voucher was useless.", "Another voucher that failed.",
        "The lounge was shut.", "The lounge was closed."]
    # two of 32 statements each: no subject a reader would call the theme's
    assert not mixed_name(texts).startswith(f"{MIXED} about"), mixed_name(texts)


def test_clashing_mixed_names_never_take_a_noun_one_statement_says() -> None:
    one = ["It went wrong again.", "This keeps happening.", "Never again, seriously.",
           "What a mess this was."]
    two = ["The voucher never came, it just happened.", "Going nowhere with the refund desk.",
           "The lounge was closed, it happened again.", "Going home without my luggage."]
    assert mixed_apart(two, [MIXED]) == ""
    out = distinct_names([MIXED, MIXED], [one, two])
    assert n_duplicates(out) == 0
    assert out == [MIXED, f"{MIXED} (2)"], out

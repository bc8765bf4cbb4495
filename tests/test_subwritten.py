"""Sub-theme names their own statements write, or no sub-theme (voc.themes.subwritten)."""

from __future__ import annotations

from collections import Counter

import numpy as np

from voc.themes.cluster import OTHER
from voc.themes.evidence import finish_evidence
from voc.themes.subwritten import (
    in_order,
    inflected,
    least,
    own_words,
    passes,
    reworded,
    set_apart,
    written_by,
    written_name,
    written_subthemes,
)
from voc.themes.table import SubTheme, ThemeDraft

STUCK_PLANE = [
    "stuck on the plane for two hours",
    "we are stuck on plane at the gate again",
    "still stuck on this plane, no update",
    "passengers stuck on plane in Philly",
    "no air on the plane and we cannot get off",
    "crew says maybe another hour",
]
STUCK_AIRPORT = [
    "stuck in the airport overnight",
    "I am stuck in airport in Memphis another day",
    "now stuck in Tampa until Wednesday",
    "we are stuck at the airport with the kids",
    "stranded at the terminal all night",
]


def test_a_name_few_of_its_statements_write_is_not_written() -> None:
    texts = ["my bags never showed up", "waiting for bags for an hour",
             "she got her bag after 3 days", "second day without clothes",
             "no bags at the carousel", "told to leave the bags", "bag drop is slow",
             "still no luck finding my bag", "the bag fee is too high", "lost 3 bags"]
    assert not written_by("info lost", texts)  # nobody writes it
    assert not written_by("no bags", texts)  # one of ten: a stray phrase
    assert written_by("stuck on plane", STUCK_PLANE)  # four of six


def test_every_content_word_of_a_written_name_is_said() -> None:
    # "stuck in the airplane" attests one noun of "stuck in airplanes bathroom"
    texts = ["stuck in the airplane again", "stuck in airplane for an hour",
             "a man stuck in your airplanes bathroom", "nobody helps", "late again"]
    assert not written_by("stuck in airplanes bathroom", texts)
    assert written_by("stuck in airplane", texts)


def test_a_name_without_a_problem_word_is_written_in_its_order() -> None:
    texts = ["I am a victim of identity theft", "victim of identity theft and fraud",
             "I have unauthorized inquiries on my report", "remove the unauthorized inquiries"]
    assert in_order("victim theft", texts) == 0
    assert in_order("unauthorized inquiries", texts) == 2


def test_a_letter_sent_twice_counts_once() -> None:
    letter = ("To date, the plaintiff has failed to demonstrate any capacity or willingness "
              "to validate the alleged debt much less certify the fair, accurate, complete and "
              "compliant reporting of it")
    texts = [letter, letter.replace("To date", "As of today"), "the debt is not mine",
             "they never sent a letter", "please remove the account"]
    assert not written_by("failed to demonstrate any capacity", texts)
    # short statements said alike by many customers each count
    cards = [f"card {n} has not arrived yet" for n in ("one", "two", "three")] + ["hello"]
    assert written_by("card not arrived", cards)


def test_a_qualifier_most_statements_say_keeps_its_colon() -> None:
    texts = ["luggage lost, the baggage office is closed", "lost luggage, baggage claim empty",
             "the baggage desk says my luggage was lost", "luggage lost again"]
    assert written_by("luggage lost: baggage", texts)  # three of four say "baggage"
    assert not written_by("luggage lost: suitcase", texts)


def test_a_name_saying_its_parent_again_is_not_its_own() -> None:
    assert not own_words("no luggage", "luggage lost")  # only a negation added
    assert not own_words("bag problems", "bag lost")
    assert own_words("missed connection", "flight delayed")
    assert own_words("no seat", "seat issues")  # the parent only says "problems"


def test_a_near_synonym_of_the_parent_says_it_again() -> None:
    sims = {("baggage", "luggage"): 0.87, ("luggage", "suitcase"): 0.77,
            ("flight", "plane"): 0.73}

    def similar(a: str, b: str) -> float:
        return 1.0 if a == b else sims.get((min(a, b), max(a, b)), 0.1)

    assert reworded("luggage lost: baggage", "luggage lost", similar)
    assert reworded("baggage lost", "luggage lost", similar)
    assert not reworded("suitcase lost", "luggage lost", similar)  # a narrower word
    assert not reworded("stuck on plane", "flight stuck", similar)
    assert not reworded("baggage lost", "luggage lost", None)  # no model: no check


def test_a_name_the_whole_theme_writes_sets_no_part_apart() -> None:
    rest = ["stuck on the plane at the gate", "three hours stuck on plane with kids",
            "stuck on plane, crew silent", "been stuck on the plane since noon",
            *STUCK_AIRPORT]
    assert not set_apart("stuck on plane", STUCK_PLANE, rest)
    assert set_apart("stuck on plane", STUCK_PLANE, STUCK_AIRPORT)


def test_a_name_left_open_or_a_siblings_is_refused() -> None:
    texts = ["the information was blocked in the file", "information blocked in error",
             "they blocked the information in my file", "information blocked again"]
    assert not passes("information blocked in", "information disputed", texts, [])
    assert passes("information blocked", "information disputed", texts, [])
    logs = ["I can't log in to the site", "can't log in since monday", "cannot log in at all"]
    assert passes("can't log in", "account closed", logs, [])
    assert not passes("can't log in", "account closed", logs, [], taken={("log", "not")} | {
        tuple(sorted({"not", "log", "in"}))} | _key("can't log in"))


def _key(name: str) -> set[tuple[str, ...]]:
    from voc.themes.qualify import name_key

    return {name_key(name)}


def test_an_unwritten_name_gives_way_to_a_phrase_its_statements_write() -> None:
    texts = ["no hotel for the night after the cancellation", "they gave us no hotel",
             "no hotel voucher and no food", "no hotel, no help, nothing",
             "slept on the floor since there was no hotel", "the hotel was dirty"]
    rest = ["the voucher is useless", "voucher expired before I could use it",
            "they refused my meal voucher", "voucher for $10 is a joke"]
    assert written_name("hotel useless", "hotel and voucher problems", texts, rest,
                        ["night", "hotel"]) == "no hotel"
    # nothing they write passes: the sub-theme is folded
    assert written_name("voucher useless", "hotel and voucher problems", rest, texts) == ""


def test_subthemes_without_a_written_name_are_folded_at_the_end() -> None:
    texts = STUCK_PLANE + STUCK_AIRPORT + ["the pilot said weather", "weather again",
                                           "so cold in here", "what a day"]
    sub = np.array([0] * len(STUCK_PLANE) + [1] * len(STUCK_AIRPORT) + [2] * 4)
    subs = [SubTheme(0, "stuck on plane", [], 6), SubTheme(1, "stuck in airport", [], 5),
            SubTheme(2, "weather blamed", ["weather"], 4)]
    kept = written_subthemes(subs, sub, texts, "flight stuck")
    assert [s.name for s in kept] == ["stuck on plane", "stuck in airport"]


def test_finish_evidence_folds_a_subtheme_its_statements_do_not_name() -> None:
    texts = STUCK_PLANE + STUCK_AIRPORT + ["the pilot said weather", "weather again",
                                           "so cold in here", "what a day", "info lost"]
    # the run's other theme, so that "stuck" and "plane" are no domain words
    others = [f"refund {i} for order never came" for i in range(100)]
    n = len(texts) + len(others)
    vecs = np.eye(n, dtype=np.float32) + 0.5
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    d = ThemeDraft(0, np.arange(16), "flight stuck", [], [])
    d.sub_labels = np.array([0] * 6 + [1] * 5 + [2] * 5)
    d.subthemes = [SubTheme(0, "stuck on plane", [], 6), SubTheme(1, "stuck in airport", [], 5),
                   SubTheme(2, "info lost", [], 5)]
    refunds = ThemeDraft(1, np.arange(16, n), "refund never came", [], [])
    finish_evidence([d, refunds], vecs, texts + others, [f"s{i}" for i in range(n)], 4)
    assert [s.name for s in d.subthemes] == ["stuck on plane", "stuck in airport"]
    assert (np.asarray(d.sub_labels)[11:] == OTHER).all()


def test_a_found_phrase_says_its_verb_as_the_statements_do() -> None:
    said = Counter({"received": 5, "receive": 1})
    assert inflected("bill never receive", said) == "bill never received"
    assert inflected("card never arrived", said) == "card never arrived"
    assert inflected("never receive bill", Counter({"receive": 3})) == "never receive bill"


def test_a_tenth_of_a_subthemes_statements_write_its_name_at_least_two() -> None:
    assert [least(n) for n in (4, 20, 21, 60)] == [2, 2, 3, 6]


def test_drafted_subthemes_saying_the_parent_again_are_folded() -> None:
    from voc.themes.drafts import name_subthemes

    texts = ["no bags on the carousel", "still no bags after two hours", "no bags and no answers",
             "we have no bags", "no bags for the whole family",
             "they lost my stroller", "lost stroller at the gate", "stroller lost again",
             "the stroller was lost", "lost our stroller on the way",
             "lost my suitcase with the gifts", "suitcase lost on connection",
             "they lost my suitcase", "lost suitcase and no call", "suitcase was lost"]
    sub = np.array([0] * 5 + [1] * 5 + [2] * 5)
    kept = name_subthemes(sub, texts, "bag lost")
    assert 0 not in {s.label for s in kept}  # "no bags" says "bag lost" again
    assert [s.name for s in kept] == ["suitcase lost"]

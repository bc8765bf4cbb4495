"""A mixed theme named by the judgement a third of its statements make of one thing
(voc.themes.judged), and the share a "saying W" name needs (voc.themes.mixed)."""

from __future__ import annotations

from voc.themes.judged import judged_name, wrongs_said
from voc.themes.mixed import MIXED, _subject_word, judged, mixed_name, undomained

RUDE = [
    "Has the most useless & rude employees ever at the airport, never again.",
    "Your staff were rude and unhelpful at the counter.",
    "The agent behind the counter was very rude to my mother.",
    "Very rude employee at the check-in desk this morning.",
    "Rude employees at gate B12 again.",
    "The flight attendants have been so rude the whole trip.",
    "Nobody would tell us anything about our connection.",
    "I asked for a supervisor and was told no.",
    "No one picked up for four hours.",
]


def test_a_judgement_a_third_say_names_the_theme_with_what_it_is_said_of() -> None:
    words = wrongs_said(RUDE, len(RUDE) / 3)
    assert words[0] == "rude"
    # "employees" 2 and "employee" 1 (one lemma), "staff" 1, "counter" 1, "attendants" 1
    assert judged_name(RUDE, words, _subject_word) == "rude employees"
    assert judged(RUDE) == "rude employees"
    assert judged(RUDE, taken=["rude employees"]) == ""


def test_a_verb_or_a_judgement_said_of_no_one_thing_names_nothing() -> None:
    fails = ["epic fail.", "What a major #fail today", "You failed again", "fail fail"]
    assert judged(fails) == ""  # "fail" is a verb: its sense shifts with what it is said of
    scattered = ["Rude.", "So rude of them!", "That was rude", "Rude employee here."]
    assert judged(scattered) == ""  # said of one noun once: fewer than two


def test_a_mixed_theme_headed_for_its_subjects_takes_the_judgement_first() -> None:
    names = undomained([f"{MIXED} about staff and employees", "flight delayed"],
                       [RUDE, ["Flight delayed."] * 3], common=frozenset())
    assert names == ["rude employees", "flight delayed"]


def test_saying_w_needs_a_third_of_the_statements() -> None:
    # "break" said by 2 of 8 in two senses ("tough break", "broken foot") names nothing
    texts = ["Being told 'tough break' is unacceptable.", "Stranded with a broken foot.",
             "Been trying for weeks no use", "Not a fan of Mother Nature today.",
             "In a few weeks", "1500 characters are not enough", "Still here #neveragain",
             "Your moveup policy really sucks."]
    assert mixed_name(texts) == MIXED
    assert mixed_name(texts[:2] + texts[3:5]) == f"{MIXED} saying break"  # 2 of 4


def test_a_vague_shared_problem_is_not_attested_into_a_paraphrase(monkeypatch) -> None:
    # 145 venting tweets: "epic failing" is vague; 15 saying "doesn't work" once named
    # them all "doesn't work", though they share nothing: the theme is mixed
    import voc.themes.naming as naming

    monkeypatch.setattr(naming, "_most_shared", lambda texts: "epic failing")
    monkeypatch.setattr(naming, "attested_name", lambda name, ph, texts: "doesn't work")
    texts = ["Epic fail.", "That link doesn't work.", "Never again!", "Really, guys?"]
    assert naming.theme_name(["fleek"], texts) == MIXED

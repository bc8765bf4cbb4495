"""Theme names that are a phrase a person writes (voc.themes.phrased)."""

from __future__ import annotations

from test_themes_cli import BILLING  # six statements about being charged twice

from voc.themes.phrased import clipped, person_phrase, rephrased, together

PLANE = [
    "Sat on the plane for 3 hours waiting for a gate.",
    "We have been waiting on the plane for two hours.",
    "Still waiting on this plane, no updates.",
    "Stuck on the plane at JFK.",
    "stuck on the plane with no air.",
    "Been stuck on a plane for hours now.",
    "No one tells us anything on the plane.",
]
REFUND = [
    "No refund for my cancelled flight.",
    "Still no refund for the cancelled flight.",
    "I was promised a refund for a cancelled flight.",
    "no refund after 3 weeks",
    "Where is my refund?",
]
LET = [
    "Your website won't let me log in.",
    "The app won't let me pick a seat.",
    "It won't let me check in online.",
    "The site is down again.",
]


def test_words_no_statement_writes_together_are_no_phrase() -> None:
    # "waiting on the plane" writes no "waiting plane": the dropped preposition garbles it
    assert together("waiting plane", PLANE) == 0
    assert not person_phrase("waiting plane", PLANE)
    assert not person_phrase("refund cancelled", REFUND)
    assert not person_phrase("waited line", ["We waited in line for an hour.",
                                             "waited in line at the desk", "long line"])


def test_a_garbled_name_takes_the_phrase_its_statements_write() -> None:
    assert rephrased("waiting plane", PLANE) == "stuck on plane"
    assert rephrased("refund cancelled", REFUND) == "refund for cancelled flight"
    # a name taken by another theme is never given
    assert rephrased("refund cancelled", REFUND, taken=["refund for cancelled flight"]) \
        == "no refund"


def test_a_name_that_stops_before_its_object_is_clipped() -> None:
    assert clipped("won't let", LET)
    assert not person_phrase("won't let", LET)
    assert not clipped("doesn't work", ["The app doesn't work.", "wifi doesn't work"])


def test_names_readers_kept_stay() -> None:
    kept = {
        "useless agent": ["The agent was useless.", "useless agents at the desk"],
        "rude staff": ["Your staff were rude to us.", "The employees were rude."],
        "bag lost": ["They lost my bag.", "My bag was lost again.", "bag lost in Denver"],
        "flight cancelled": ["My flight was cancelled.", "flight cancelled again!"],
        "stuck on a plane": PLANE,
        "hours on hold": ["3 hours on hold", "on hold for two hours now"],
        "hours on hold (2)": ["3 hours on hold", "2 hours on hold again"],
        # a friction frame's name summarises by design
        "can't get through by phone": ["I keep calling and nobody picks up.",
                                       "Tried calling 10 times today."],
        "no wifi": ["No wifi on the plane.", "no wifi again", "The wifi is broken."],
        "wrong address": ["Sent to the wrong address.", "wrong address on my account"],
        "delayed trains": ["Trains delayed again.", "my train was delayed", "delayed trains"],
        "account locked": ["My account was locked.", "account locked for no reason"],
        "never arrived": ["The package never arrived.", "It never arrived."],
        "can't change flights": ["Trying to change my flight online.",
                                 "I am unable to change my flight.", "can't change flights"],
        "seat problems": ["My seat was broken.", "The seat would not recline."],
        "mixed complaints about seat": ["anything"],
    }
    for name, texts in kept.items():
        assert person_phrase(name, texts), name
        assert rephrased(name, texts) == name, name


def test_the_same_input_gives_the_same_name() -> None:
    assert rephrased("waiting plane", PLANE) == rephrased("waiting plane", list(PLANE))


def test_the_name_step_gives_a_garbled_name_a_written_phrase_last() -> None:
    import numpy as np

    from voc.themes.table import ThemeDraft
    from voc.themesteps import _reword

    drafts = [ThemeDraft(0, np.arange(len(PLANE)), "waiting plane", [], [])]
    vectors = np.eye(len(PLANE), 8)
    _reword(drafts, vectors, PLANE, lambda xs: np.ones((len(xs), 8)), (), 0.2)
    assert drafts[0].name == "stuck on plane"
    pinned = [ThemeDraft(0, np.arange(len(PLANE)), "waiting plane", [], [])]
    _reword(pinned, vectors, PLANE, lambda xs: np.ones((len(xs), 8)), ("waiting plane",), 0.2)
    assert pinned[0].name == "waiting plane"  # the user's names never change


def test_a_grammatical_name_gives_way_only_to_a_dropped_preposition() -> None:
    # a paraphrase no statement writes word for word stays: it is a phrase a person writes
    reward = ["My referral reward disappeared after a day.",
              "I never received the referral bonus.", "The referral count says zero."]
    assert person_phrase("referral bonus disappeared", reward)
    atm = ["The ATM kept my card and gave me no money.", "No cash came out of the machine."]
    assert person_phrase("atm didn't give cash", atm)
    # the statements write the words with the preposition the name dropped
    assert not person_phrase("refund cancelled", REFUND)


def test_a_garbled_name_keeps_what_it_says_of_its_thing_when_that_is_written() -> None:
    # no one writes "billing charged twice"; two write "charged (me) twice"
    assert rephrased("billing charged twice", BILLING, ["charged", "billing"]) == "charged twice"
    # taken by another theme: not given twice
    assert rephrased("billing charged twice", BILLING, ["charged", "billing"],
                     taken=["charged twice"]) != "charged twice"

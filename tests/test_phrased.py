"""Theme names that are a phrase a person writes (voc.themes.phrased)."""

from __future__ import annotations

from test_themes_cli import BILLING  # six statements about being charged twice

from voc.themes.phrased import (
    about_few,
    attested,
    clipped,
    person_phrase,
    rephrased,
    together,
    unpasted,
)

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


def test_a_grammatical_name_stands_on_what_its_statements_write() -> None:
    # another noun may stand in its thing's place: two of three write it
    reward = ["My referral reward disappeared after a day.",
              "The referral bonus disappeared from my account.", "The referral count says zero."]
    assert person_phrase("referral bonus disappeared", reward)
    # the statements write the words with the preposition the name dropped
    assert not person_phrase("refund cancelled", REFUND)


def test_a_grammatical_shape_alone_is_no_evidence() -> None:
    # clause-shaped, adjective-led and "no X" names no statement writes, nor says in a clause
    bills = ["I missed a payment because the bill never came.", "My statement was late again.",
             "They did not send a billing statement.", "The bill had the wrong amount.",
             "no statement for three months"]
    assert not person_phrase("statement bill missed", bills)
    waits = ["Ridiculous wait times today.", "I expected a wait, just not that long.",
             "Flight delayed 3 hours.", "Another delay, no updates.", "On hold forever."]
    assert not person_phrase("long wait for delay", waits)
    credit = ["The incorrect reporting is harming my credit.", "It is wrong.",
              "They will not fix my credit report.", "Wrong balance on my credit report."]
    assert not person_phrase("credit wrong", credit)


def test_a_grammatical_name_its_statements_say_in_a_clause_stands() -> None:
    # "Bank of America refused", "failed to", "is unable to": the bank refused
    bank = ["Bank of America refused to expedite this transfer.",
            "Bank of America failed to provide proper disclosures.",
            "Bank of America is unable to protect its clients accounts.",
            "The bank can not reverse it at all.", "I tried to dispute this and got nowhere."]
    assert attested("bank refused", bank) >= 3
    assert person_phrase("bank refused", bank)
    # one writes it, most write its place
    airport = ["If not I'm having to sleep at the airport again tonight.",
               "What's more frustrating is being stranded at the airport.",
               "What a major fail at an airport of this size",
               "I lost a day at the airport and off my trip.",
               "Came to the airport and your rep told me to screw off",
               "Weird you don't have a club in the busiest airports."]
    assert person_phrase("stranded at the airport", airport)


def test_a_grammatical_name_whose_head_and_problem_are_written_stands() -> None:
    # no one writes "swift transfers pending"; three write their transfer is pending
    swift = ["I sent money via SWIFT yesterday.", "Why is my transfer pending?",
             "Transfer still pending after a week", "The transfer is pending again."]
    assert person_phrase("swift transfers pending", swift)


def test_a_name_about_a_thing_few_statements_say_gives_way() -> None:
    cold = ["Sitting on a freezing bus because nobody is in the plane.",
            "now the freezing bus is just doing circles?"]
    cold += [f"Stranded {k} hours at gate {k} in the cold, no one helps." for k in range(18)]
    assert about_few("freezing bus", cold)
    assert not person_phrase("freezing bus", cold)
    assert not about_few("freezing bus", [*cold[:2], "The bus never came.", *cold[2:7]])  # 3 of 8
    # a preposition's object is what the name is about: "on hold"
    hold = [f"{k} minutes on hold again" for k in range(2)] + [
        f"Been on hold for {k} hours." for k in range(20)]
    assert not about_few("minutes on hold", hold)


def test_a_label_whose_thing_and_problem_no_statement_says_together_gives_way() -> None:
    beer = ["The person who hasn't been delayed for hours is on a runway with a baby",
            "maybe announce the delay so we don't sit on the plane for an hour",
            "The $3 beer charge, however, is not ok",
            "2 hour delay while sitting on the plane and you still wanna charge me for beer?"]
    assert not person_phrase("beer delay", beer)
    assert person_phrase("card fraud", ["Fraud on my card again.", "card fraud twice",
                                        "Someone used my card."])


def test_copies_of_one_pasted_text_count_once() -> None:
    pasted = ("To date, the plaintiff has failed to demonstrate the capacity of the creditor "
              "whose claims the alleged debt rests on")
    legal = [pasted + ". I dispute it.", pasted + ". Remove it now.",
             "I have received no knowledge of any contractual relationship.",
             "Fails to provide validation and proof of claim within thirty days."]
    assert len(unpasted(legal)) == 3
    assert together("plaintiff failed", unpasted(legal)) == 1  # not 2
    assert unpasted(["My flight was cancelled.", "My flight was cancelled.", "bag lost"]) \
        == ["My flight was cancelled.", "bag lost"]


def test_a_garbled_name_keeps_what_it_says_of_its_thing_when_that_is_written() -> None:
    # no one writes "billing charged twice"; two write "charged (me) twice"
    assert rephrased("billing charged twice", BILLING, ["charged", "billing"]) == "charged twice"
    # taken by another theme: not given twice
    assert rephrased("billing charged twice", BILLING, ["charged", "billing"],
                     taken=["charged twice"]) != "charged twice"


SAVINGS = [
    "I no longer want to be a customer of this bank after their unfair policies.",
    "However, due to the bank's improper failure to close my savings account and in the "
    "meantime charge me $5 monthly fees, the current balance is now negative.",
    "Please reference my prior complaint about my checking and savings accounts.",
    "This appears to be an attempt to generate fees from me when my savings account "
    "should have been closed long ago.",
    "The bank has done this to countless customers and should pay heavy penalties.",
]


def test_a_negated_name_is_said_by_a_failure_to_do_it_or_what_should_have_happened() -> None:
    # round 34's blind readers kept "savings account not closed" over the mixed name;
    # its statements write it nominalised ("failure to close") and as what should have
    # happened ("should have been closed")
    assert attested("savings account not closed", SAVINGS) == 2
    assert person_phrase("savings account not closed", SAVINGS)
    assert rephrased("savings account not closed", SAVINGS) == "savings account not closed"
    # what merely should be done ("should pay") says nothing did not happen
    assert not person_phrase("customers not paid", SAVINGS)

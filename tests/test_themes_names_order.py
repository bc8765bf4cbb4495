"""Glued last resorts and the order a negated verb and its noun are written in (round 15).

A name the chain cannot attest is never two unrelated words ("ground staff dropped":
"ground staff" said once, "dropped" once): the theme is said to be mixed. A name composed
verb first ("don't recognize card") must be written so: the noun after the verb or
before it with the customer between; a noun written doing the verb comes first
("bankruptcy court doesn't verify").
"""

from __future__ import annotations

from voc.themes.actedon import doer_first, in_written_order, roles
from voc.themes.attest import glued_pair, rename
from voc.themes.naming import theme_name

MIXED_TWEETS = [
    "@air you have yet to respond back to my message",
    "@air incredibly unfriendly ground staff and false promises",
    "@air you dropped the ball on this one",
    "@air still no apology for the mess",
    "@air that link is not helpful at all",
    "@air I sent a DM two weeks ago and heard nothing",
    "@air thanks for the standard reply",
    "@air another week has passed without news",
]


def test_a_pair_nobody_says_together_is_glued() -> None:
    assert glued_pair("ground staff dropped", ["staff"], MIXED_TWEETS)
    # a subject many say with the problem beside it is no glue
    said = ["my bag was lost", "bag lost again", "lost my bag at the gate", "where is my bag"]
    assert not glued_pair("bag lost", ["bag"], said)


def test_rename_never_returns_a_glued_pair() -> None:
    name = rename("ground staff dropped", ["staff", "response"], MIXED_TWEETS)
    assert name != "ground staff dropped"
    assert "ground staff dropped" not in theme_name(["staff", "response"], MIXED_TWEETS)


TRANSACTIONS = [
    "I don't recognize some transactions on my card",
    "There are transactions that I don't recognize, someone has my card",
    "I see transactions I don't recognize, I think someone is using my card",
    "Someone is using my card without permission",
]

COURTS = [
    "The bankruptcy court does not verify information for the bureaus",
    "I was told the court does not verify a bankruptcy",
    "The courthouse said the court does not verify anything with the credit bureaus",
]


def test_roles_tell_what_the_verb_acts_on_from_who_does_it() -> None:
    assert roles("transactions", "recognize", TRANSACTIONS) == (3, 0)
    assert roles("card", "recognize", TRANSACTIONS) == (0, 0)  # "on my card" is a place
    assert roles("bankruptcy court", "verify", COURTS) == (0, 3)


def test_verb_first_name_takes_the_noun_written_as_its_object() -> None:
    name = in_written_order("don't recognize card", "card", "don't recognize", "recognize",
                            ["card", "transactions"], TRANSACTIONS)
    assert name == "don't recognize transactions"


def test_a_noun_written_doing_the_verb_comes_first() -> None:
    name = in_written_order("don't verify bankruptcy court", "bankruptcy court",
                            "don't verify", "verify", ["bankruptcy court"], COURTS)
    assert name == "bankruptcy court doesn't verify"
    assert doer_first("courts", "don't verify") == "courts don't verify"


def test_a_noun_written_as_the_object_keeps_the_verb_first() -> None:
    said = ["I didn't make this payment", "there is a payment I didn't make",
            "a payment that I did not make"]
    name = in_written_order("didn't make payment", "payment", "didn't make", "make", [], said)
    assert name == "didn't make payment"


def test_said_of_writes_the_doer_first() -> None:
    from voc.themes.naming import said_of
    from voc.themes.predicate import Predicate

    pred = Predicate("failure", "don't verify", "information", "verify")
    name = said_of("bankruptcy court", pred, ["bankruptcy court"], COURTS)
    assert name == "bankruptcy court doesn't verify"



DELAYED = [f"@air my flight {n} was delayed again by {h} hours" for n, h in
           [("a", 2), ("b", 3), ("c", 4), ("d", 5), ("e", 6), ("f", 7), ("g", 8), ("h", 9)]]
MISSED = [
    "@air the delay made me miss my flight to Boston",
    "@air I will miss my flight because the gate moved",
    "@air missed my connecting flight after the delay",
    "@air we are going to miss the flight home, no help",
    "@air missed flight and now stuck overnight",
    "@air delayed so long that I miss the flight",
]


def test_a_clash_renamed_for_another_problem_writes_its_past_form() -> None:
    from voc.themes.distinct import distinct_names

    out = distinct_names(["flight delayed", "flight delayed"], [DELAYED, MISSED])
    assert out == ["flight delayed", "flight missed"]  # never "flight miss"


def test_a_vague_noun_with_a_said_problem_is_no_glue() -> None:
    # "days" names no thing, but it is a noun many say, and "long wait" is said: no glue
    said = ["long wait for days now", "a long wait, days of it", "waited days", "days gone",
            "still no word after days", "the long wait continues"]
    assert not glued_pair("long wait for days", ["wait", "days"], said)
    # a verb as subject, never said beside the problem: glue
    tweets = ["flights arrive late every day", "we will arrive tomorrow", "delayed again",
              "crew delayed", "arrive at noon", "so delayed"]
    assert glued_pair("arrive delayed", ["arrive", "delayed"], tweets)

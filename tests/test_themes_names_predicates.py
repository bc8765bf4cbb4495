"""Broken and glued predicate names (round 21 of issue 6).

Each test is one rule of the naming chain, on a few statements written for it: an adverb
after the problem verb is no part of the predicate ("keep getting delayed later"), a lone
verb is shown inflected after its subject ("card expires", not "card expire"), a plain
head already says what is wrong ("booking problems", never "booking problems
cancelled"), a name whose subject is a stop word ("call") is still checked against the
statements, "couldn't get" needs its "get", a noun the statements write in neither role
of a customer's negated verb is not glued to it ("didn't care gold"), and a name most of
whose writers deny it gives way to what more of them write ("payments missed").
"""

from __future__ import annotations

from voc.themes.actedon import in_written_order
from voc.themes.attest import UNSPECIFIC, attested_name
from voc.themes.bestpred import best_predicate, compose
from voc.themes.naming import _named, shared_problem, theme_name
from voc.themes.written import written_support

LATER = [
    "the flight keeps getting delayed later and later",
    "our flight keeps getting delayed later tonight",
    "my flight keeps getting delayed later, what is going on",
    "the flight to Denver is full",
]
UPLOAD = [
    "the upload failed miserably again",
    "my upload failed miserably twice today",
    "the upload failed miserably, third time",
]
TWICE = ["my card was declined twice at the shop", "card declined twice today",
         "the card got declined twice"]


def _composed(subject: str, texts: list[str]) -> str:
    pred = best_predicate(subject, texts)
    assert pred is not None
    return compose(subject, pred)


def test_an_adverb_after_the_problem_verb_is_dropped() -> None:
    assert _composed("flight", LATER) == "flight keeps getting delayed"
    assert _composed("upload", UPLOAD) == "upload failed"
    # "twice" says what happened, not how
    assert _composed("card", TWICE) == "card declined twice"


EXPIRE = [
    "my card will expire next month, do I need a new one?",
    "my card is about to expire, what now?",
    "the card will expire soon, how do I renew it?",
    "my card expires in May, will you send a new card?",
    "when my card expires do I order the replacement?",
]


def test_a_lone_base_verb_is_shown_as_the_statements_inflect_it() -> None:
    # "will expire", "about to expire" outvote "expires", but "card expire" reads broken
    assert _composed("card", EXPIRE) == "card expires"


BOOKING = [
    "more booking problems on your site today, and then my flight was cancelled",
    "booking problems again, the trip got cancelled",
    "your booking problems are endless",
    "I had booking problems all week",
    "booking problems with the app, it cancelled my seat",
]


def test_a_plain_head_takes_no_second_predicate() -> None:
    assert _named(["booking problems", "site"], BOOKING) == "booking problems"
    assert theme_name(["booking problems", "site"], BOOKING) == "booking problems"


CALL = [
    "my flight keeps getting delayed later and later",
    "they told me to call back later, still nobody picks up",
    "I have to call again tomorrow, nobody answers",
    "delayed again, the call center is closed",
    "the call dropped after an hour on hold",
]


def test_a_stop_word_subject_is_checked_too() -> None:
    # "call" is a stop word: the name was never checked, and no statement writes it
    assert written_support("call keep getting delayed", CALL, stop_subject=True) == 0
    assert written_support("call dropped", CALL, stop_subject=True) == 1
    assert attested_name("call keep getting delayed", ["call", "flight"], CALL) == UNSPECIFIC


SHIRT = [
    "i couldn't believe it was the same shirt in the store",
    "couldn't stop wearing this shirt, love the color",
    "i couldn't decide which shirt color to keep",
    "the shirt runs a bit long but i love it",
]


def test_a_negated_get_must_be_said_with_its_object() -> None:
    assert written_support("couldn't get shirt", SHIRT) == 0
    assert written_support("couldn't get shirt", ["i couldn't get the shirt over my head",
                                                  "couldn't get this shirt in blue"]) == 2


GOLD = [
    "the agent said she didn't care if I complained",
    "you don't care about gold members at all",
    "I pay for gold status and get nothing",
    "asked to pay more to keep my gold status",
    "lost my gold status after one bad year",
]
MODEL = [
    "it did not look the way it does on the model",
    "when it arrived it looked nothing like it does on the model",
    "the dress did not look like the photo at all",
    "my only complaint is the hem wrinkles easily",
    "the color is darker than the picture shows",
    "does not look like the model, sending it back",
]


def test_a_noun_written_in_neither_role_is_not_glued_to_the_verb() -> None:
    # nobody "doesn't care gold": they don't care about gold members
    assert in_written_order("didn't care gold", "gold", "didn't care", "care", [], GOLD) \
        == "didn't care"
    # "did not look the way it does on the model": the model is no object of "look"
    assert shared_problem(MODEL) == "didn't look"
    assert "model" not in theme_name(["not look", "model"], MODEL).split()[:3]


PAYMENTS = [
    "I make my payments on time and have not missed a payment",
    "the app says I missed a payment in March",
    "a letter says I missed a payment, which is wrong",
    "the system did not post my payment on time",
    "my payment was not posted for two weeks",
    "they did not post the payment I made by phone",
    "the payment I made in March was not posted and now I owe a late fee",
    "they reported me late though the payment was made",
    "customer service could not explain the late payment",
    "I was charged a late fee again",
]


def test_a_name_some_deny_gives_way_to_what_more_write() -> None:
    # three write "missed a payment", one of them denying it; five that it was not posted
    assert written_support("payments missed", PAYMENTS) == 3
    assert attested_name("payments missed", ["payment", "missed", "late"], PAYMENTS) \
        == "didn't post payment"

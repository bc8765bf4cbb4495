"""Theme names that glue words nobody says together (round 13 of issue 6).

Each test is a rule of the naming chain, on a few statements written for it: an object
after a problem must be said too ("weather doesn't excuse"), a judgement written once
is no name ("disappointed agent"), a place is no problem ("sitting on plane"), a modal is
no problem word ("canned response"), a problem noun is not put before its own verb
("delay delayed"), a time word is no subject ("card today"), "keeps getting
declined" keeps its auxiliary, and a predicate goes to the key noun it is said of
("didn't make payment", not "didn't make app").
"""

from __future__ import annotations

from voc.themes.bestpred import best_predicate, compose
from voc.themes.bestsaid import best_written, said_with
from voc.themes.naming import _with_noun, said_of, subject_core
from voc.themes.predicate import predicates
from voc.themes.written import written_support

WEATHER = [
    "@air I understand weather is not your fault, but the service was awful",
    "@air the weather is not an excuse for 3 hours on hold",
    "@air weather was not the problem, your staff was",
    "@air weather doesn't excuse poor customer service",
]


def test_an_object_after_the_problem_must_be_said_too() -> None:
    # "weather ... not" is said four times, with "excuse" after it twice
    assert written_support("weather doesn't excuse", WEATHER) == 2
    # a subject before the problem and none after: one noun of the subject is enough
    assert written_support("bag lost", ["my bag was lost", "bag lost again"]) == 2


AGENTS = [
    "@air I'm disappointed that the agent at the desk walked away from the line",
    "@air worst agents at this airport, people stand in line for hours",
    "@air your agents hung up on me twice, what a rude agent",
    "@air the line is not moving and nobody answers",
]


def test_a_judgement_written_once_before_its_noun_is_no_name() -> None:
    # three statements judge the agent ("disappointed", "worst", "rude"), each word once
    found = best_written(AGENTS, ["agent", "line"], "agent", least=2)
    assert found is None or found.text != "disappointed agent"


PLANE = [
    "@air sitting on the plane for two hours, no word from the pilot",
    "@air we are sitting on the plane and nobody tells us anything",
    "@air still sitting on the plane at the gate",
    "@air sitting on plane, the delay is now 3 hours",
    "@air the delay is a joke, sitting here forever",
]


def test_a_place_without_a_problem_word_is_no_written_name() -> None:
    found = best_written(PLANE, ["plane", "sitting"], "plane", least=2)
    assert found is None or not found.text.startswith("sitting")


def test_a_modal_is_no_problem_word() -> None:
    texts = [
        "@air got a canned response again",
        "@air another canned response, nothing else",
        "@air your canned response is no help",
    ]
    found = said_with("response", texts)
    assert found is None or "canned" not in found.text


def test_a_problem_noun_is_not_put_before_its_own_verb() -> None:
    texts = ["all these delays again", "delayed again", "6 hour delay", "delays every week"]
    assert _with_noun("delay", "delayed", texts) == "delays"
    assert _with_noun("delay", "delayed", ["the delay", "delayed"]) == "delay"
    assert _with_noun("flight", "delayed", texts) == "flight delayed"
    assert _with_noun("", "delayed", texts) == "delayed"


def test_time_words_are_no_subject() -> None:
    assert subject_core("card today") == "card"
    assert subject_core("transaction times") == "transaction"
    assert subject_core("pm flight") == "flight"
    assert subject_core("today") == "today"  # nothing else to name


def test_keeps_getting_declined_keeps_its_auxiliary() -> None:
    (pred,) = predicates("My card keeps getting declined when I try.")
    assert pred.surface == "keeps getting declined"
    (pred,) = predicates("The app keeps crashing.")
    assert pred.surface == "keeps crashing"


def test_a_predicate_goes_to_the_key_noun_it_is_said_of() -> None:
    texts = [
        "There is a payment in the app that I didn't make.",
        "I didn't make this payment.",
        "I didn't make a payment yesterday but the app shows one.",
        "A payment I didn't make is in my app.",
        "Why is there a payment I didn't make?",
    ]
    pred = best_predicate("app", texts)
    assert pred is not None and pred.surface == "didn't make"
    assert compose("app", pred) == "didn't make app"  # what the old chain named it
    assert said_of("app", pred, ["app", "payment"], texts) == "didn't make payment"
    # a one-word problem stays with the subject: it is said of every noun near it
    pending = ["my card is pending", "the card top-up is pending", "pending card payment"]
    pred = best_predicate("card", pending)
    assert pred is not None and said_of("card", pred, ["card", "top-up"], pending) == "card pending"

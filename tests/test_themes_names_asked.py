"""Question names are whole short questions, or none.

Each test fails on the names :func:`voc.themes.asked.question_name` gave before: "how to
come funds" (the object is the subject of "come"), "what credit card do i" (cut at five
words, and "you" is the one who accepts), "where can card" (a modal without its verb).
The statements are written for these tests, after one-line bank queries.
"""

from __future__ import annotations

from voc.themes.asked import ask, question_name

COME_FROM = [
    "How can I see where my funds come from?",
    "How can I tell where the funds came from?",
    "How do I find out where my funds come from?",
    "Where did the funds come from?",
    "How can I check where my funds came from?",
]
ACCEPT = [
    "What US credit cards do you accept?",
    "What credit cards do you accept?",
    "Which credit cards do you accept for top ups?",
    "What credit cards do you take?",
    "Do you accept my credit card?",
]
WHERE_USE = [
    "Where can I use my card?",
    "Where can I use this card?",
    "Where can I use my card abroad?",
    "Is there a list of where I can use my card?",
]


def test_the_object_before_the_verb_is_its_subject() -> None:
    a = ask("Where does my money come from?")
    assert a is not None and (a.verb, a.obj, a.obj_first) == ("come", "money", True)
    a = ask("How do I top up my card?")
    assert a is not None and (a.verb, a.obj, a.obj_first) == ("top up", "card", False)
    # fronted before the auxiliary it is what is acted on: "what currencies can I hold"
    a = ask("What currencies can I hold?")
    assert a is not None and (a.verb, a.obj, a.obj_first, a.who) == ("hold", "currency", False,
                                                                     "i")


def test_no_how_to_name_of_a_verb_and_its_subject() -> None:
    name = question_name(COME_FROM)
    assert "come funds" not in name and "come money" not in name, name


def test_a_long_question_is_shortened_whole_with_its_own_subject() -> None:
    name = question_name(ACCEPT)
    assert name in ("what card do you accept", "what cards do you accept"), name


def test_a_modal_without_its_verb_makes_no_question() -> None:
    name = question_name(WHERE_USE)
    assert name != "where can card" and (not name or "use" in name.split()), name

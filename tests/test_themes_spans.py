"""Question names ask about a verb and its whole object, as the statements write them.

Each test fails on the names :func:`voc.themes.asked.question_name` gave before: "how to
find auto" (the object cut inside "auto top-up"), "why verify" (no object), "how to
change marriage" (a verb glued to a noun it is not said of), "how long certain date
delivered" and "how long will china take" (no question a person writes). The statements
are written for these tests, after one-line bank queries.
"""

from __future__ import annotations

from voc.themes.asked import question_name, whole_asked
from voc.themes.spans import best_span, span_support, verb_spans

AUTO = [
    "I can't find the auto top up option.",
    "Where do I find the auto top-up?",
    "How do I find the auto-top up feature?",
    "How do I set up auto top-up?",
    "Is there an auto top-up option?",
    "Is there an auto top up feature?",
    "How do I find auto top up?",
    "I want to find the auto top up option.",
]
VERIFY = [
    "Why do I have to verify the top-up?",
    "Why verify the top-ups?",
    "why do i need to verify my top up?",
    "Why verify a top-up?",
    "Why do the top-ups need to be verified?",
]
MARRIED = [
    "How do I change my name after marriage?",
    "I got married and need to change my name.",
    "How can I change my name? I just got married.",
    "I would like to change my name after marriage.",
    "How do I change my name since I got married?",
]
DELIVERY = [
    "How long is delivery to the US?",
    "How long is the delivery time?",
    "Can it be delivered on a certain date?",
    "Can I have it delivered on a certain date?",
    "How long is delivery?",
    "How long does it take?",
]
CHINA = [
    "How long will it take to transfer something to China?",
    "How long will a transfer from China take?",
    "How long will it take to transfer money from China?",
    "How long will my transfer take?",
    "How long will it take to send a transfer from China?",
]


def test_spans_keep_the_object_whole() -> None:
    assert [s.said for s in verb_spans("How do I set up an auto top-up?")] == [
        "set up auto top-up"]
    assert [s.said for s in verb_spans("I need to change my name")] == ["change name"]
    assert [s.said for s in verb_spans("How do I reset my passcode?")] == ["reset passcode"]
    # "auto" is no verb ("Can I auto top up?"); "China" after "to" is a place
    assert verb_spans("Can I auto top up?") == ()
    assert verb_spans("I sent it to China") == ()


def test_a_cut_object_is_not_supported() -> None:
    assert span_support("find auto", AUTO) == 0
    assert span_support("find auto top-up", AUTO) >= 3
    assert best_span(AUTO, 2)[0] == "find auto top-up"


def test_a_question_cut_before_its_object_is_made_whole() -> None:
    assert question_name(AUTO) == "how to find auto top-up"
    assert whole_asked("how to find auto", AUTO) == "how to find auto top-up"
    assert question_name(VERIFY) == "why verify top-up"
    assert question_name(MARRIED) == "how to change name"
    assert whole_asked("how to change marriage", MARRIED) == "how to change name"


def test_a_whole_question_is_kept() -> None:
    assert whole_asked("how to change name", MARRIED) == "how to change name"
    assert whole_asked("how long does transfer take", CHINA) == "how long does transfer take"


def test_a_problem_is_no_question_how_to() -> None:
    cant = ["I can't use my card.", "Why can't I use my card?", "I cannot use my card here",
            "My card: I can't use it.", "Unable to use my card"]
    assert best_span(cant, 2) == ("", 0)


def test_how_long_asks_about_a_thing_not_a_place() -> None:
    assert question_name(DELIVERY) == "how long is delivery"
    assert question_name(CHINA) == "how long will transfer take"


FEES = [
    "Why was I charged a fee for a transfer?",
    "Why is there a fee for my transfer?",
    "Why did I get charged a fee for transferring money?",
    "I was charged a fee for a transfer, why?",
    "Why was a fee charged on my transfer?",
]
FUNDS = [
    "Where do my funds come from?",
    "Where do the funds come from?",
    "How can I tell where my funds come from?",
    "Where do my available funds come from?",
    "How do I see where my funds come from?",
]
ATMS = [
    "What ATMs accept my card?",
    "Which ATMs accept this card?",
    "What ATMs accept this card?",
    "How do I use my card at an ATM?",
    "Where is the closest ATM?",
]


def test_a_why_question_says_which_one() -> None:
    # before: "why fee charged", the same for a transfer, a card payment or a withdrawal
    assert question_name(FEES) == "why transfer fee charged"


def test_where_does_the_object_come_from() -> None:
    # before: "" (the object is the subject of "come": no "how to come funds")
    assert question_name(FUNDS) == "where do funds come from"


def test_which_things_do_the_verb() -> None:
    # before: "how to accept atm"
    assert whole_asked("how to accept atm", ATMS) == "what ATMs accept card"


def test_what_asks_about_the_noun_it_is_written_with() -> None:
    payroll = [
        "What do I need to do to receive my payroll?",
        "What do I do to receive my payroll here?",
        "Can I receive my payroll in this account?",
    ]
    # before: "what payroll do i receive", a question none of them asks
    assert question_name(payroll) != "what payroll do i receive"
    accept = ["What credit cards do you accept?", "What credit cards do you take?",
              "Which credit cards do you accept?"]
    assert question_name(accept).startswith("what")

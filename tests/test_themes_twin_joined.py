"""Twins without a name of their own (r33q, round 33 lead).

A twin is named by the name joined to its phrase the way its statements write the phrase
("no response about my letters"), when enough of them write it so and say the name;
else, when the name says what goes wrong, the phrase after a colon ("no response:
letter", which blind readers kept); a topic name is never glued ("account issues:
number": readers preferred the honest mixed name); a number is left only for a twin that
says the name as much as the one keeping it (the same problem twice).
"""

from __future__ import annotations

from voc.themes.distinct import distinct_names, glued, n_duplicates
from voc.themes.mixed import is_mixed
from voc.themes.twinname import joined_name

CALLS = [
    "I got no response from the company after calling twice.",
    "No response from customer service for three weeks.",
    "Still no response after my phone call last month.",
    "They promised a call back and I had no response.",
    "No response from the agent I spoke with.",
    "Two weeks and no response from anyone at the bank.",
]
LETTERS = [
    "I wrote to the bank about my letters. No response.",
    "Nothing came back about my letters, still no response from them.",
    "I asked the manager about my letters and got no response.",
    "I followed up about my letters twice; no response yet.",
    "They owe me an answer about my letters.",
]


def test_a_twin_is_named_by_its_phrase_as_its_statements_join_it() -> None:
    out = distinct_names(["no response", "no response"], [CALLS, LETTERS])
    assert out == ["no response", "no response about my letters"], out


def test_joined_name_wants_the_phrase_written_after_a_preposition() -> None:
    assert joined_name("no response", "letters", LETTERS) == "no response about my letters"
    # "letters" written by none after a preposition: no joined name
    sent = ["I sent letters and got no response.", "No response, though I sent letters."]
    assert joined_name("no response", "letters", sent) == ""


def test_joined_name_wants_statements_that_say_the_name() -> None:
    # they write "about my letters" but never "response": the name is not theirs
    quiet = [t.replace("No response", "Nothing").replace("no response", "nothing")
             for t in LETTERS]
    assert joined_name("no response", "letters", quiet) == ""


def test_joined_name_keeps_the_noun_after_the_phrase() -> None:
    late = ["Late payments on my credit report are wrong.",
            "They put late payments on my credit report again.",
            "Two late payments showed up."]
    assert joined_name("late payments", "credit", late) == \
        "late payments on my credit report"


ACCOUNT = [
    "My account issues started when they froze it.",
    "The problems were never fixed by the bank.",
    "My deposits went missing again.",
    "I have account issues every month with this bank.",
    "They will not explain why my checking was frozen.",
    "The bank froze my savings after the merger.",
]
NUMBERS = [
    "They gave me a case number and never called back.",
    "The number they gave me was disconnected.",
    "I was asked for my account number four times.",
    "A stranger had my number and opened a line.",
    "The rate on my statement did not match the contract.",
]


def test_a_twin_that_does_not_say_the_name_is_mixed_not_glued_or_numbered() -> None:
    # the keeper says its name in a third of its statements only: no twin is "misnamed"
    out = distinct_names(["account issues", "account issues"], [ACCOUNT, NUMBERS])
    assert out[0] == "account issues", out
    assert is_mixed(out[1]) and ":" not in out[1] and "(" not in out[1], out
    assert n_duplicates(out) == 0


def test_a_twin_saying_the_name_as_much_is_still_numbered() -> None:
    same = ["the flight was delayed", "flight delayed again"]
    out = distinct_names(["flight delayed", "flight delayed"], [same, list(same)])
    assert sorted(out) == ["flight delayed", "flight delayed (2)"]


def test_joined_name_keeps_the_determiner_most_write() -> None:
    asked = ["Can I exchange currencies in the app?", "How do I exchange currency in the app?",
             "exchange currencies in app please", "where to exchange currency"]
    assert joined_name("how to exchange currencies", "app", asked) == \
        "how to exchange currencies in the app"


def test_a_twin_saying_the_name_in_few_statements_is_mixed_not_numbered() -> None:
    # half as often as the keeper (1 of 6 against 2 of 6), but under a third of its own
    twin = [*NUMBERS, "I still have account issues with them."]
    out = distinct_names(["account issues", "account issues"], [ACCOUNT, twin])
    assert out[0] == "account issues" and is_mixed(out[1]), out


def test_only_a_name_saying_what_goes_wrong_is_glued_to_its_phrase() -> None:
    assert glued("no response", "letter") == "no response: letter"
    assert glued("late payments", "credit") == "late payments: credit"
    # a topic name glued to a word is two labels: the caller names the twin mixed
    assert glued("account issues", "number") == ""
    assert glued("payment problems", "fee") == ""
    assert glued("mixed complaints about fee", "bag") == ""
    assert glued("no response", "") == ""

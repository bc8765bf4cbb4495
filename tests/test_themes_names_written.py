"""Theme names whose problem is said of their subject as written (round 10 of issue 6).

Small synthetic themes written for these tests: a problem word said in another clause
than the subject must not be glued to it ("ticket missed" over refund complaints), and a
phrase one statement says never names a theme.
"""

from __future__ import annotations

import re

from voc.themes.naming import key_phrases, theme_name
from voc.themes.written import clauses, written_support

OTHERS = [
    [
        "@air my bag was lost on the way to Denver",
        "@air lost my bag again, third time",
        "@air bag lost, nobody at the desk",
        "@air still no bag after two days, lost luggage claim open",
    ],
    [
        "@air the wifi is not working on this flight",
        "@air wifi not working again, paid for nothing",
        "@air no wifi on a 5 hour flight",
    ],
]

#: Refund complaints: "ticket" and "missed" occur, never one said of the other.
REFUNDS = [
    "@air it is taking two months to refund my ticket, I missed the trip because of you",
    "@air where is my refund? the ticket was cancelled in May and I missed my sister's wedding",
    "@air still waiting on a refund for a ticket, I have missed three calls from your agents",
    "@air two months and no refund for the cancelled ticket",
    "@air refund still not received for my ticket",
    "@air I was promised a refund in 7 days, it has been 8 weeks, my ticket number is useless",
    "@air my refund is taking forever and the ticket money is stuck",
    "@air refund still not received and I missed the deadline to rebook",
    "@air why is a refund taking two months?",
    "@air no refund yet, missed work calling you about my ticket",
]

#: A collector that keeps calling: "phone number" and "refused" are in different clauses.
COLLECTOR = [
    "A collector keeps calling my phone number every day even after I asked them to stop "
    "and they refused to send me anything in writing.",
    "They call my phone number five times a day, and when I asked for validation they "
    "refused.",
    "The collection agency keeps calling my work phone number and my family; I refused to "
    "give them my bank details.",
    "I get calls at all hours from this collector. They keep calling even though I told "
    "them to stop calling me.",
    "The calls never stop. They keep calling my cell phone and my parents' phone number.",
    "This debt collector keeps calling me at work after I told them not to call.",
    "Repeated calls from the collector, sometimes 8 calls a day, to my phone number.",
    "They keep calling my phone about a debt, I asked them to stop calling.",
]

#: Long letters: the failure word ("failed") is said of the bank in one clause, the
#: subject ("credit report") sits in another.
LETTERS = [
    "I checked my credit report in March. The bank failed to send me any notice before "
    "they closed the account, and it is still on my credit report as a late payment.",
    "My credit report shows a late payment that is not mine. I disputed it twice, but the "
    "bureau failed to investigate and the late payment is still there.",
    "There is a late payment on my credit report from 2019. I sent proof I paid on time; "
    "the lender failed to correct it.",
    "A late payment was reported on my credit report although I was on autopay. The "
    "servicer failed to apply my payment.",
    "I found a late payment on my credit report. I called them and they failed to explain "
    "why the late payment was reported.",
    "The late payment on my credit report is wrong. The company failed to respond to my "
    "dispute letter.",
]

#: A small theme sharing one problem; one statement holds a rare phrase.
SMALL = [
    "@air cavalli calves flight cancelled, cmon fam",
    "@air my flight cancelled again tonight",
    "@air flight cancelled with no notice",
]


def _name(texts: list[str]) -> str:
    phrases = key_phrases([texts, *OTHERS])[0]
    return theme_name(phrases, texts, texts[0])


def test_clauses_split_at_punctuation_and_clause_words() -> None:
    got = [" ".join(w) for w, _ in clauses("The ticket was fine, but I missed the call and cried")]
    assert got == ["the ticket was fine", "i missed the call", "cried"]


def test_written_support_needs_subject_and_problem_side_by_side() -> None:
    texts = [
        "my bag was lost",
        "they lost my checked bag",
        "the bag arrived but my coat was lost",  # lost is said of the coat
        "lost in the airport for hours, my bag is fine",  # another clause
    ]
    assert written_support("bag lost", texts) == 2
    assert written_support("refund not received", ["refund still not received"]) == 1
    assert written_support("hours on hold", ["on hold for 2 hours again"]) == 1
    assert written_support("can't check in", ["I am unable to check in online"]) == 1
    # a verb of the name must be said too: "never received a bill" says nothing of the debt
    assert written_support("debt collection never received", ["I never received a bill"]) == 0
    assert written_support("flight", ["flight"]) is None  # no problem word: not checked


def test_refund_theme_is_not_ticket_missed() -> None:
    name = _name(REFUNDS)
    assert name != "ticket missed" and "missed" not in name, name
    assert "refund" in name, name


def test_collector_calls_are_not_phone_number_refused() -> None:
    name = _name(COLLECTOR)
    assert "refused" not in name, name
    assert re.search(r"call|collector", name), name


def test_problem_in_another_clause_of_a_long_letter_is_not_glued() -> None:
    name = _name(LETTERS)
    assert "failed" not in name, name
    assert "late payment" in name or "credit report" in name, name


def test_small_theme_is_not_named_from_one_statements_rare_words() -> None:
    name = _name(SMALL)
    assert not {"cavalli", "calves", "cmon", "fam"} & set(name.split()), name
    assert name in ("flight cancelled", "cancelled flight"), name


def test_never_a_bare_word() -> None:
    texts = [
        "@air what a week",
        "@air this week has been a week",
        "@air one more week of this",
        "@air worst week of travel ever, flight delayed twice",
    ]
    name = _name(texts)
    assert len(name.split()) >= 2, name


def test_an_on_topic_noun_compound_beats_an_unsaid_plain_name_about_another_noun() -> None:
    from voc.themes.attest import _compound_kept

    top = ["account", "age", "children", "daughter"]
    assert _compound_kept("age limit", "account problems", top)  # Banking77 age_limit
    assert _compound_kept("exchange currencies", "discount problems", ["discount", "currency"])
    assert not _compound_kept("late flight", "food problems", ["food", "flight", "home"])
    assert not _compound_kept("home tomorrow", "flight problems", ["home", "flight"])
    assert not _compound_kept("age limit", "age problems", top)  # same subject: plain wins
    assert not _compound_kept("hidden limit", "auto problems", ["auto", "limit"])  # not nouns
    assert not _compound_kept("age limit", "account problems", ["card", "pin"])  # off topic


def test_a_verb_said_of_its_object_is_said_too() -> None:
    """"didn't make app" needs "make": "the app didn't load" says no such thing."""
    texts = ["The app didn't load", "my app did not open today", "app isn't loading"]
    assert written_support("didn't make app", texts) == 0
    assert written_support("didn't make app", ["I didn't make this app"]) == 1
    # the word after the problem is said too (round 13): "did not open" is another verb
    assert written_support("app didn't load", texts) == 2
    # long letters say it in many words and keep the looser reading
    letter = ("I wrote to the company three times about this and waited for weeks. " * 4
              + "The app did not open.")
    assert written_support("didn't make app", [letter]) == 1


def test_a_relative_clause_after_a_prepositional_phrase_is_not_said_of_its_noun() -> None:
    """"payments in the app that I didn't make": the payments were not made, not the app."""
    texts = [
        "There are a couple payments shown in the app that I didn't make",
        "There is a payment in my app I did not make",
    ]
    assert written_support("didn't make app", texts) == 0
    assert written_support("didn't make app", ["this is the app that I didn't make"]) == 1

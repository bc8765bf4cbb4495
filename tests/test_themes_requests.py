"""Names of themes of one-line requests and questions (issue 6, round 11).

The statements are written for these tests (not taken from any evaluation set): short
support queries, most of them questions, as in a bank's help chat. Each naming test fails
on the name of main 57909a1 ("identity problems", "payment didn't process").
"""

from __future__ import annotations

from test_themes_names_attested import OTHERS  # the same two other themes

from voc.themes.naming import key_phrases, theme_name
from voc.themes.requests import (
    ask_share,
    asking,
    is_requests,
    request_name,
    whole_question,
)


def _name(texts: list[str]) -> str:
    """The name with the attested tests' other themes plus one of questions beside it."""
    phrases = key_phrases([texts, *OTHERS, QUESTIONS])[0]
    return theme_name(phrases, texts, texts[0])


QUESTIONS = ["how do I order a new card?", "where is my new card?", "when will my card arrive?"]


IDENTITY = [
    "How do I verify my identity?",
    "How can I verify my identity for the account?",
    "What do I need to verify my identity?",
    "Why do you need to verify my identity?",
    "How do I verify my identity with a passport?",
    "Which documents verify my identity?",
    "I would like to verify my identity today",
    "How long does it take to verify my identity?",
    "Is there a problem with my identity check?",
    "I can't verify my identity, the app keeps asking",
]


def test_a_theme_of_questions_is_named_by_what_it_asks() -> None:
    assert is_requests(IDENTITY)
    assert _name(IDENTITY) == "how to verify identity"  # main: "identity problems"


UNKNOWN_PAYMENT = [
    "There is a payment from an online seller I don't recognize",
    "Why is there a payment from a foreign shop I don't recognize?",
    "I see a card payment to a strange company I don't recognize",
    "What is this payment from a weird merchant I don't recognize?",
    "A payment from some odd seller I don't recognize showed up",
    "Why is a payment to an online store I don't recognize on my account?",
    "My payment didn't process yesterday",
    "The payment didn't process at the shop",
    "Why did my payment not go through?",
    "There's a payment on my statement I didn't make",
]


def test_a_request_theme_keeps_the_problem_its_words_put_together() -> None:
    # "payment from an online seller I don't recognize": within a few words, not side by
    # side; the customers do not recognise a payment, it did not fail to process
    assert is_requests(UNKNOWN_PAYMENT)
    assert _name(UNKNOWN_PAYMENT) == "don't recognize payment"  # main: "payment didn't process"


def test_whole_questions_only() -> None:
    assert whole_question("how to top up card")
    assert whole_question("how long does transfer take")
    assert whole_question("where is new card")
    assert not whole_question("how to stolen card")  # no base-form verb after "how to"
    assert not whole_question("how long does new card")  # cut before its verb
    assert not whole_question("why extra charge come")
    assert not whole_question("why verify")


NOT_ALLOWED = [
    "Why is my beneficiary not allowed?",
    "Why isn't my beneficiary allowed?",
    "Why is the beneficiary not allowed for transfers?",
    "My beneficiary was not allowed, why?",
    "Why was my beneficiary not allowed?",
]


def test_a_question_never_drops_the_negation_most_of_them_say() -> None:
    assert request_name("", [], NOT_ALLOWED) != "why beneficiary allowed"


def test_tweets_and_letters_are_not_requests() -> None:
    tweets = ["@bank why is my card declined?", "@bank how do I verify my identity?",
              "@bank where is my new card?"]
    assert ask_share(tweets) == 0.0 and not is_requests(tweets)
    letter = " ".join(["I am writing about the payment on my statement."] * 10)
    assert not is_requests([letter, letter + " Why?"])


def test_asking_counts_questions_about_the_same_thing() -> None:
    assert asking("how to verify identity", IDENTITY) >= 6
    assert asking("how to top up card", IDENTITY) == 0


TOP_UP_LIMIT = [
    "Is there a top-up limit?",
    "What is the top-up limit per day?",
    "Does the top-up limit apply to every card?",
    "How high is the top-up limit?",
    "Can I raise my top-up limit?",
    "What is the maximum I can top up?",
    "Is there a top-up limit for new customers?",
    "Where do I see my top-up limit?",
]


def test_a_theme_asking_about_a_thing_is_named_by_it_not_by_unsaid_problems() -> None:
    name = _name(TOP_UP_LIMIT)
    assert "problems" not in name  # main: "limit problems", a word none of them says
    # two of eight ask what it is: asked as they ask it (before r13q: "top-up limit")
    assert name == "what is top-up limit"
    no_what = [t for t in TOP_UP_LIMIT if not t.startswith("What")]
    assert _name(no_what) == "top-up limit"

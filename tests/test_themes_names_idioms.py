"""Fixed expressions, "no" that leads another noun, denied problems and reversed
compounds never make a theme's name (issue 6, naming: idioms and glued names).

Every theme here is small and synthetic (written for these tests, not taken from any
evaluation set). Each naming test fails on the name the name step gave before: an idiom
read as a problem ("no avail", "attempt problems"), a "no" said of another noun ("no
account" of "no record of my account"), a problem the statements deny ("payments
missed" of "I have not missed a payment") and a compound read backwards ("department
fraud" of "fraud department").
"""

from __future__ import annotations

from voc.themes.attest import attested_name, glued_pair
from voc.themes.idioms import idiomatic, idioms, mask, unidiom
from voc.themes.keyphrases import key_phrases
from voc.themes.naming import theme_name
from voc.themes.pairs import denied, no_led
from voc.themes.plain import modifies, plain_name, plain_subject
from voc.themes.said import BREAK, phrases_said, raw_tokens


def _name(texts: list[str]) -> str:
    """The theme's name, its key phrases weighed against one other theme of praise."""
    praise = ["love the new app", "great service thanks", "the staff were lovely"]
    return theme_name(key_phrases([texts, praise])[0], texts, texts[0])


def test_the_packaged_list_holds_the_common_idioms() -> None:
    found = {" ".join(e) for e in idioms()}
    assert {"to no avail", "no doubt", "no longer", "at no point", "no fun"} <= found


def test_mask_blanks_whole_expressions_only() -> None:
    toks = ["i", "tried", "to", "no", "avail", "and", "they", "had", "no", "funds"]
    assert mask(toks, "|") == ["i", "tried", "|", "|", "|", "and", "they", "had", "no", "funds"]
    assert unidiom("No doubt I tried In an attempt to fix it") == ", I tried , fix it"
    assert unidiom("no funds left") == "no funds left"


def test_idiomatic_names() -> None:
    assert idiomatic("no avail") and idiomatic("no fun at all") and idiomatic("No doubt")
    assert not idiomatic("no response") and not idiomatic("no funds") and not idiomatic("")


def test_problem_phrases_never_cross_an_idiom() -> None:
    toks = raw_tokens("I emailed them to no avail.")
    assert toks[3:6] == [BREAK] * 3
    said = {s.text for s in phrases_said(["I emailed them to no avail", "called to no avail"])}
    assert "no avail" not in said


NO_AVAIL = [
    "I called the bank five times to no avail.",
    "Tried to reach their support team to no avail.",
    "I emailed twice to no avail and nobody replied.",
    "I have written to them three times to no avail.",
    "We asked the branch manager for help, to no avail.",
    "I disputed the charge online to no avail.",
    "No one has called me back since March.",
    "Nobody ever replied to my letters.",
]


def test_to_no_avail_is_never_the_problem_of_a_name() -> None:
    name = _name(NO_AVAIL)
    assert "avail" not in name
    assert "avail" not in attested_name("no avail", [], NO_AVAIL)


NO_RECORD = [
    "The bank said they have no record of my account.",
    "They claim no knowledge of the account at all.",
    "Customer service has no record of my savings account.",
    "The agent had no information about my account.",
    "They had no record of the account being opened.",
    "The collector has no proof of the account.",
    "My account was closed without notice.",
    "Nobody could tell me why the account was frozen.",
]


def test_no_must_lead_the_subject_not_another_noun() -> None:
    assert no_led("no account", NO_RECORD) == 0
    assert no_led("no record", NO_RECORD) == 3
    assert no_led("no real response", ["still no real response", "no response at all"]) == 1
    assert no_led("account closed", NO_RECORD) is None
    assert attested_name("no account", ["account", "record"], NO_RECORD) != "no account"


NOT_MISSED = [
    "I have never missed a payment on this loan.",
    "I have not missed a single payment in six years.",
    "They reported my payment late although I didn't miss any payment.",
    "My payments were made on time and never missed.",
    "The servicer says payments were missed but I have the bank statements.",
    "They did not post the payment I made on time.",
    "My payment was applied to the wrong month.",
    "The payment I sent was returned with no explanation.",
    "The late fee appeared although the payment posted on the due date.",
    "Every payment was made by autopay on the same day.",
]


def test_denied_counts_statements_that_only_deny_the_problem() -> None:
    assert denied("payments missed", NOT_MISSED) == 4
    assert denied("missed payments", NOT_MISSED) == 4
    assert denied("never missed payment", NOT_MISSED) == 0  # the name holds the negation


def test_a_problem_the_statements_deny_is_not_attested() -> None:
    name = attested_name("payments missed", ["payment", "missed", "made"], NOT_MISSED)
    assert name != "payments missed"


FRAUD_DEPARTMENT = [
    "I called the fraud department about the charge.",
    "The fraud department denied my claim.",
    "I was transferred to the fraud department twice.",
    "Their fraud department never called me back.",
    "I spoke to the fraud department and filed a claim.",
    "The fraud department asked me for more evidence.",
]


def test_a_modifier_is_no_problem_head() -> None:
    assert modifies("fraud", frozenset({"department"}), ["the", "fraud", "department"])
    assert not modifies("fraud", frozenset({"department"}), ["department", "fraud"])
    assert plain_subject(["fraud"], FRAUD_DEPARTMENT) == "fraud"
    assert plain_name(["fraud", "department"], FRAUD_DEPARTMENT) != "department fraud"


def test_a_fixed_expression_is_never_a_plain_subject() -> None:
    texts = [
        "They called my mother in an attempt to collect a debt.",
        "The collector keeps calling in an attempt to reach my brother.",
        "They left messages in an attempt to get payment.",
        "The agency harassed me in an attempt to collect.",
    ]
    assert plain_subject(["attempt"], texts) == ""


SCATTERED = [
    "I filed a fraud claim with the bank.",
    "The bank denied the refund.",
    "My fraud claim is still open after a month.",
    "The bank denied my request for a new card.",
    "I reported the fraud to the bank in June.",
    "The bank called about the fraud alert.",
    "The bank says the fraud claim needs more evidence.",
    "A fraud alert was placed on my account.",
]


def test_words_no_two_statements_say_together_are_glued() -> None:
    assert glued_pair("fraud alert denied", ["fraud", "bank"], SCATTERED)
    assert not glued_pair("bank denied", ["fraud", "bank"], SCATTERED)


ASKED_FOR_MORE = [
    "Couldn't ask for more from the crew, but the phone rep hung up on me.",
    "The flight itself? Couldn't ask for more. The call centre transferred me twice.",
    "Honestly couldn't ask for more on board, but the rep never called back.",
    "Could not ask for more from the app, yet the agent put me through to the wrong desk.",
    "I couldn’t ask for more, except a rep who answers the phone.",
    "The rep transferred me and then the line went dead.",
]


def test_couldnt_ask_for_more_is_praise_not_a_problem() -> None:
    """Fails before the expression was listed: "couldn't ask" was a problem phrase the
    statements say (airline tweets named a theme of phone holds "couldn't ask")."""
    said = {s.text for s in phrases_said(ASKED_FOR_MORE)}
    assert not any("ask" in s for s in said) and "never called back" in said
    assert idiomatic("couldn't ask for more") and not idiomatic("can't ask for a refund")

"""Names for themes that would be mixed: a distinctive subject in a problem frame
(voc.themes.framenames)."""

from __future__ import annotations

from voc.themes.framenames import frame_name, framed
from voc.themes.mixed import is_mixed, unvague
from voc.themes.naming import theme_name

REFUNDS = [
    "@air cancelled my ticket and it is taking two months to refund",
    "@air 8 weeks to refund this ticket, totally unacceptable",
    "@air still waiting for my refund, this is ridiculous",
    "@air I am waiting for the refund since January",
    "@air you charged me twice for one ticket",
    "@air the ticket price changed while I was paying",
    "@air why do I need to pay a fee to change my ticket",
    "@air bought a ticket online and got nothing",
    "@air my friend can't use her ticket",
    "@air the voucher was never applied to my ticket",
]

HANG_UPS = [
    "@air your automated system hung up on me again",
    "@air called 12 times, the system hangs up every time",
    "@air the phone system hangs up after the menu",
    "@air been calling for days, the system just hangs up",
    "@air no callback option at all",
    "@air the phone line disconnects when I call",
    "@air call volume too high, try later, they said",
    "@air 45 minutes on the phone for nothing",
    "@air why don't you hire more people for the phones",
    "@air I left my number and nobody called",
    "@air the menu has 8 options and none fit",
    "@air tried the phone, the website and twitter",
]

SEATS = [
    "@air booked seats together months ago and we got 2 middle seats",
    "@air the seat was hard, not enough cushion",
    "@air seats in row 8 don't recline",
    "@air you gave my plus seat away",
    "@air the new seats on the regional jets just suck",
    "@air paid for an upgrade and lost the seat",
    "@air smallest seats I have ever sat in",
    "@air the crew was great though, flight on time",
    "@air rebooked me into a lousy coach seat",
    "@air my flight was fine, the bag took ages",
]

CONTENT_FREE = [
    "@air No kidding. Oy.",
    "@air prove it",
    "@air is this a sick joke?",
    "@air Engadget Theverge Wired reddit",
    "@air you're killing me from the inside",
    "@air thanks for patronizing",
]


def test_a_subject_carried_in_one_frame_names_the_theme() -> None:
    # four of ten wait for a refund, each worded differently
    assert frame_name(REFUNDS, ["refund", "ticket", "pay"]) == "waiting for refund"
    assert framed(["refund", "ticket"], REFUNDS)[0] == (4, "refund", "waiting")


def test_a_frame_most_statements_share_is_said_of_the_noun_they_say_it_of() -> None:
    assert frame_name(HANG_UPS, ["system", "phone", "call"]) == "system hangs up"


def test_a_subject_a_clear_majority_says_names_the_theme_with_a_plain_head() -> None:
    assert frame_name(SEATS, ["seat", "upgrade", "flight"]) == "seat problems"


def test_a_domain_word_said_everywhere_is_not_the_subject() -> None:
    meals = [
        "@air no food on a 5 hour flight", "@air food voucher of $12 for the wait",
        "@air the flight was late again", "@air flight cancelled, no dinner",
        "@air flight delayed, I need to get home", "@air flight full, no meal left",
        "@air this flight is a joke", "@air flight attendant ignored us",
        "@air another flight, another delay",
    ]
    # "flight" is said by 7 of 9, twice as many as "food", the better key phrase
    assert frame_name(meals, ["food", "flight", "meal"]) == ""


def test_two_subjects_said_together_by_a_majority_are_named_together() -> None:
    texts = REFUNDS[4:] + [
        "@air I want a refund", "@air the refund form is broken", "@air refund please",
        "@air no refund for my cancelled flight", "@air gate agent was rude",
    ]
    assert frame_name(texts, ["ticket", "refund", "flight"]) == "ticket and refund problems"


def test_a_content_free_theme_stays_mixed() -> None:
    assert frame_name(CONTENT_FREE, ["kidding", "joke"]) == ""
    assert is_mixed(unvague("unspecific complaints", CONTENT_FREE, ["kidding", "joke"]))


def test_a_taken_name_gives_way() -> None:
    assert frame_name(SEATS, ["seat", "upgrade"], taken=["seat problems"]) == ""
    assert frame_name(REFUNDS, ["refund", "ticket"], taken=["waiting for refund"]) == ""


def test_a_theme_once_mixed_is_named_and_a_sub_theme_is_not() -> None:
    assert theme_name(["seat", "upgrade", "paid", "flight"], SEATS) == "seat problems"
    # sub-themes keep the chain's mixed name, which their parent qualifies
    assert is_mixed(theme_name(["seat", "upgrade", "paid", "flight"], SEATS, "", False))


def test_a_shared_frame_is_not_said_of_a_noun_few_of_its_statements_say_it_of() -> None:
    texts = [
        "@air he hung up on me", "@air they hung up on me twice", "@air hung up on again",
        "@air the agent hung up", "@air your system hung up", "@air the system hangs up",
        "@air the phone line disconnects", "@air lost my bag", "@air gate changed",
        "@air no wifi on board", "@air rude crew", "@air late again",
    ]
    # 7 of 12 hang up, but only 2 of them say it of the system
    assert frame_name(texts, ["system", "agent", "phone"]) == ""
    assert frame_name(texts[:7] + ["@air the system hung up on me"],
                      ["system", "agent", "phone"]) == "system hung up"

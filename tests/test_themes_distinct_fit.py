"""The twin whose statements say a shared name keeps it (r32s): the largest theme of a
clash kept the plain name even when its statements do not say it (CFPB seed 42: "account
closed" on 22 statements about one bank's letters and runarounds, 2 saying it, beside
"account closed: check" on 18 statements, 17 saying it). A twin saying the name far less
than the one that keeps it is named honestly as mixed, not glued to a qualifier."""

from __future__ import annotations

from voc.themes.distinct import distinct_names, keeper, misnamed
from voc.themes.mixed import is_mixed

CLOSED = [
    "My account was closed without any notice.",
    "They closed my account for inactivity.",
    "The bank closed my account and kept my money.",
    "My savings account was closed for no reason.",
    "Account closed and nobody would tell me why.",
]
BANK = [
    "The bank sent a letter saying they could not help with the mortgage.",
    "Their letter said my dispute was denied.",
    "The bank put a hold on my deposit for two weeks.",
    "The bank ignored my fraud claim and the letter I mailed.",
    "Every letter from the bank contradicts the last one.",
    "I was locked out of online banking again.",
    "The bank reversed my deposit without a letter.",
    "My account was closed, they said, but the bank still charges fees.",
]


def test_the_twin_that_says_the_name_keeps_it() -> None:
    texts = [BANK, CLOSED]
    assert keeper([0, 1], "account closed", texts) == 1
    assert misnamed([0, 1], "account closed", texts) == [0]
    out = distinct_names(["account closed", "account closed"], texts)
    assert out[1] == "account closed", out
    assert is_mixed(out[0]) and ":" not in out[0], out


def test_a_smaller_twin_that_does_not_say_the_name_is_mixed() -> None:
    # the largest says "account closed" and keeps it; the smaller says it once in eight
    texts = [[*CLOSED, "They closed my checking account.", "Account closed overnight.",
              "The account was closed twice."], BANK]
    assert keeper([0, 1], "account closed", texts) == 0
    assert misnamed([0, 1], "account closed", texts) == [1]
    out = distinct_names(["account closed", "account closed"], texts)
    assert out[0] == "account closed" and is_mixed(out[1]) and ":" not in out[1], out


def test_the_largest_keeps_the_name_when_both_say_it() -> None:
    more = [*CLOSED, "They closed my checking account.", "Account closed overnight."]
    texts = [more, CLOSED[:4]]
    assert keeper([0, 1], "account closed", texts) == 0
    assert misnamed([0, 1], "account closed", texts) == []

"""Tests for voc.themes.owned and the names that use it: subjects a team owns."""

from __future__ import annotations

from voc.themes.framenames import frame_name
from voc.themes.mixed import domain_nouns, is_mixed, mixed_name
from voc.themes.owned import abbreviation, handles, idiom_nouns, owned


def test_people_generic_words_abbreviations_and_handles_are_not_owned() -> None:
    texts = ["@Delta took off on time", "@united lost my seat"]
    assert handles(texts) == {"delta", "united"}
    for word in ("kids", "wife", "home", "svc", "delta"):
        assert not owned(word, texts), word
    for word in ("seat", "refund", "wifi", "app", "website"):
        assert owned(word, texts), word
    assert abbreviation("svc") and abbreviation("lga") and not abbreviation("app")


def test_a_noun_said_only_inside_an_idiom_is_found() -> None:
    assert idiom_nouns("@united Delta took care of us") == {"care"}
    assert idiom_nouns("Our fleet's on fleek") == {"fleek"}
    assert idiom_nouns("your care for customers, take care") == frozenset()


def test_a_person_a_competitor_or_a_generic_word_is_not_a_subject() -> None:
    kids = ["@air should a stranger help my kids", "@air my kids were left alone",
            "@air 3 kids and no help", "@air kids crying all flight", "@air the kids waited"]
    home = ["@air we HAVE TO GET HOME TOMORROW", "@air heading home at last",
            "@air can I get home before 12", "@air never getting home tonight"]
    rival = ["@air two flights cancelled, both @Delta flights took off",
             "@air @Delta took care of us", "@air switching to @Delta",
             "@air @Delta got me there on time", "@air @Delta gave me a hotel"]
    for texts, phrases in ((kids, ["kids"]), (home, ["home"]), (rival, ["delta"])):
        name = frame_name(texts, phrases)
        assert not name.endswith("problems"), name


def test_a_subject_said_mostly_as_a_verb_is_not_a_subject() -> None:
    texts = ["@air you will charge me again", "@air over charged by 100s of dollars",
             "@air they charged me twice", "@air does not cover the charge"]
    assert frame_name(texts, ["charge"]) == ""


def test_mixed_names_never_use_the_domain_word() -> None:
    meals = [
        "@air no food on my flight", "@air food was cold, flight late",
        "@air the food ran out on the flight", "@air flight delayed, no snack",
        "@air flight full, plane dirty", "@air this flight again, plane late",
        "@air flight cancelled", "@air the flight was a joke",
    ]
    assert domain_nouns(["flight", "food", "plane"], meals, ["food", "flight"]) == {"flight"}
    name = mixed_name(meals, phrases=["food", "flight", "plane"])
    assert is_mixed(name) and "flight" not in name, name
    assert "flight" in mixed_name(meals)  # no key phrases: nothing tells the domain word


def test_mixed_names_skip_idioms_handles_and_abbreviations() -> None:
    texts = ["@air @Delta took care of me", "@Delta took care of us, cust svc happy",
             "@air lost my bag, cust svc", "@air the bag was torn"]
    assert mixed_name(texts) == "mixed complaints about bag"

"""Subjects of mixed-theme names (r20b): never a noun the statements say inside a fixed
expression or as a verb ("debt and attempt", "care and gold"), a person ("items and
customer"), nor a word many themes of the run say ("error and information")."""

from __future__ import annotations

from voc.themes.compounds import unowned
from voc.themes.mixed import (
    MIXED,
    mixed_name,
    spread_lemmas,
    subject_nouns,
    undomained,
    verb_said,
)

ATTEMPT = [
    "They call me about a debt every day in an attempt to scare me.",
    "Harassed about a debt in an attempt to reach my cousin.",
    "The collector called my work in an attempt to shame me over the debt.",
    "Letters about a debt that was paid off years ago.",
]


def test_a_noun_said_inside_a_fixed_expression_is_no_subject() -> None:
    said = subject_nouns(ATTEMPT)
    assert "attempt" not in said, said  # "in an attempt to" is an idiom (labels/idioms.yaml)
    assert said["debt"] == 4
    assert mixed_name(ATTEMPT) == f"{MIXED} about debt", mixed_name(ATTEMPT)


CARE = [
    "You clearly dont care about your gold members.",
    "They didnt care at all, my gold status means nothing.",
    "We care about you, they say, and then cancel on a gold member.",
    "Staff could not care less about gold members.",
    "Thanks for nothing, gold status is a joke.",
]


def test_a_noun_after_a_negation_an_auxiliary_or_a_pronoun_is_a_verb() -> None:
    # the tagger reads "dont care" as a noun: the old name was "… about gold and care"
    assert verb_said("care", CARE)
    assert not verb_said("gold", CARE)
    assert mixed_name(CARE) == f"{MIXED} about gold and members", mixed_name(CARE)


def test_a_person_never_names_a_mixed_theme() -> None:
    texts = ["Lost me as a customer, the items never came.",
             "Two items missing from the box.", "Worst customer service, items broken.",
             "A loyal customer treated like this.", "The items were the wrong colour."]
    assert mixed_name(texts) == f"{MIXED} about items", mixed_name(texts)


def _theme(topic: str) -> list[str]:
    return [f"The {topic} was wrong and the information they gave me was useless.",
            f"My {topic} failed again.", f"Nobody fixed the {topic} information.",
            f"Second {topic} problem this month.", f"Still no {topic} after a week."]


def test_a_word_many_themes_say_names_no_mixed_theme() -> None:
    mixed = ["An error in the information on my file.", "Error after error, no answer.",
             "The information is wrong and nobody checks it.", "They admit the error.",
             "My file was shared without asking.", "The clerk made an error."]
    texts = [mixed, *(_theme(t) for t in ("loan", "mortgage", "lease", "transfer"))]
    assert "information" in spread_lemmas(texts)
    assert "loan" not in spread_lemmas(texts)
    assert spread_lemmas(texts[:3]) == spread_lemmas([]) == frozenset()  # too few themes
    names = [f"{MIXED} about error and information", "loan failed", "mortgage failed",
             "lease failed", "transfer failed"]
    out = undomained(names, texts, frozenset())
    # four of six say "error", a problem noun: no mixed theme but "errors"
    # (:mod:`voc.themes.sameproblem`); "information", which many themes say, names nothing
    assert out[0] == "errors", out
    assert out[1:] == names[1:]


def test_a_word_many_themes_say_names_a_theme_most_of_whose_statements_say_it() -> None:
    texts = ["My credit report is wrong.", "The credit report shows a debt I paid.",
             "A stranger's loan on my credit report.", "Nobody fixes the report."]
    spread = frozenset({"credit", "report", "information"})
    assert unowned(spread, texts, 0.5) == {"information"}

"""Subjects' share of a theme and the compounds its statements write them in (r19b)."""

from __future__ import annotations

from voc.themes.compounds import compound, covered, phrase_lemmas


def _any(key: str, word: str, names: frozenset[str]) -> bool:
    return word not in names


def test_a_noun_is_shown_as_the_compound_most_of_its_statements_write() -> None:
    texts = ["My credit report is wrong.", "Two credit reports show the debt.",
             "The credit report still lists it.", "My credit score dropped."]
    assert compound("credit", texts, _any) == "credit report"
    # one statement of four writes "credit score": no compound for "score"
    assert compound("score", texts, _any) == "score"


def test_covered_counts_statements_saying_any_subject_by_lemma() -> None:
    texts = ["The loans are late.", "Mortgage escrow wrong.", "Nothing works.",
             "Student loan billing."]
    assert covered(["loan", "mortgage"], texts) == 3
    assert covered(["student loan"], texts) == 1
    assert phrase_lemmas("Credit Reports") == {"credit", "report"}

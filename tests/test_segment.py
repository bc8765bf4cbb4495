from voc.segment import is_boilerplate, split_many, split_statements, statement_id


def test_paragraphs_and_sentences_split_but_line_wraps_do_not() -> None:
    text = "Hi team,\n\nI was charged twice this month! That is\nnot ok.\n\nThanks,\n"
    assert split_statements(text) == ["I was charged twice this month!", "That is not ok."]


def test_greetings_and_signoffs_dropped_short_complaints_kept() -> None:
    assert split_statements("Charged twice. Thanks so much.") == ["Charged twice."]
    assert is_boilerplate("Hello Ledgerly team,")
    assert is_boilerplate("Many thanks in advance!")
    assert not is_boilerplate("Thanks for nothing, the sync is broken again")


def test_bullets_become_statements_without_markers() -> None:
    out = split_statements("- export is broken\n- sync fails daily\n1) login loops")
    assert out == ["export is broken", "sync fails daily", "login loops"]


def test_split_many_keeps_alignment_with_empty_texts() -> None:
    out = list(split_many(["", "One statement here.", "   "]))
    assert out == [[], ["One statement here."], []]


def test_statement_ids_are_stable_and_distinct() -> None:
    assert statement_id("abc", 0) == statement_id("abc", 0)
    assert statement_id("abc", 0) != statement_id("abc", 1)


def test_hashtag_and_handle_marks_stay_on_their_word() -> None:
    # the sentencizer keeps punctuation after a sentence end in that sentence: "again. #"
    assert split_statements("Flight delayed again. #fail #nocustomerservice") == [
        "Flight delayed again.",
        "#fail #nocustomerservice",
    ]
    assert split_statements("Great job. @delta please fix the app now") == [
        "Great job.",
        "@delta please fix the app now",
    ]
    assert split_statements("Bag lost. # of calls so far: five") == [
        "Bag lost.",
        "# of calls so far: five",
    ]
    # a lone mark whose word was too short to keep is dropped, not left on the sentence
    assert split_statements("Where is my refund? #help") == ["Where is my refund?"]
    out = list(split_many(["Lost bag. #fail now", "No marks here. Fine text"]))
    assert all(not s.endswith(("#", "@")) for ss in out for s in ss)

"""Names keep the word that tells a theme from its neighbours (its first key phrases)."""

from voc.themes.bestpred import best_predicate, distinct_head, distinct_problem, key_rank
from voc.themes.naming import theme_name

#: Top-ups still pending: most say it "hasn't gone through"; more say it failed in
#: scattered words ("didn't work", "rejected", "declined"), the words of failed top-ups.
PENDING = [
    "My top-up hasn't gone through yet.",
    "My top-up did not go through yet.",
    "It seems my top-up has not gone through.",
    "The top-up still hasn't gone through after an hour.",
    "My top-up has not gone through today.",
    "My top-up didn't work.",
    "The top-up didn't work this morning.",
    "Sadly my top-up didn't work.",
    "My top-up was rejected.",
    "The top-up got rejected again.",
    "My top-up was declined.",
    "Why was my top-up declined?",
    "The top-up was denied.",
]
PENDING_PHRASES = ["go through", "top-up", "not gone", "work", "take"]


def test_key_rank_is_the_first_key_phrase_holding_the_word() -> None:
    assert key_rank("go", PENDING_PHRASES) == 0
    assert key_rank("work", PENDING_PHRASES) == 3  # past the first three: not distinctive
    assert key_rank("decline", PENDING_PHRASES) == 3


def test_a_more_distinctive_problem_word_wins_when_comparably_many_say_it() -> None:
    plain = best_predicate("top-up", PENDING)
    assert plain is not None and plain.key == "failure"  # more statements fail than wait
    pred = best_predicate("top-up", PENDING, distinct=PENDING_PHRASES)
    assert pred is not None and pred.head == "go"
    assert pred.surface == "hasn't gone through"


def test_the_distinctive_word_needs_enough_statements() -> None:
    hdf = {("failure", "work"): 9, ("not go", "go"): 4}
    assert distinct_head(hdf, ("failure", "work"), 10, 2, PENDING_PHRASES) == (
        "failure", "work", 10,
    )  # 4 of the kind's 10: fewer than half
    hdf = {("failure", "work"): 9, ("not go", "go"): 6}
    assert distinct_head(hdf, ("failure", "work"), 10, 2, PENDING_PHRASES) == ("not go", "go", 6)


def test_pending_top_ups_are_named_by_what_tells_them_from_failed_ones() -> None:
    name = theme_name(PENDING_PHRASES, PENDING)
    assert name == "top-up hasn't gone through"


#: A blocked PIN: some say they entered the wrong PIN, as many that it is blocked, and
#: "unblock" and "blocked" are what tells the theme from other PIN questions.
BLOCKED = [
    "I entered the wrong PIN too many times.",
    "I typed the wrong PIN three times.",
    "I put in the wrong PIN and now it's locked.",
    "Wrong PIN entered too many times, help.",
    "My PIN is blocked.",
    "My PIN got blocked, what now?",
    "Why is my PIN blocked?",
    "The PIN is blocked after three tries.",
    "How do I unblock my PIN?",
    "Please unblock my PIN.",
]
BLOCKED_PHRASES = ["pin", "unblock", "blocked", "entered", "times"]


def test_a_subject_saying_its_problem_gives_way_to_the_distinctive_predicate() -> None:
    assert distinct_problem("wrong pin", BLOCKED_PHRASES, BLOCKED) == "pin blocked"


def test_the_subject_stays_when_a_first_key_phrase_holds_its_problem_word() -> None:
    assert distinct_problem("wrong pin", ["wrong pin", "unblock", "blocked"], BLOCKED) == ""
    assert distinct_problem("wrong account", ["wrong account", "rent"], BLOCKED) == ""
    assert distinct_problem("pin", BLOCKED_PHRASES, BLOCKED) == ""  # no problem word


def test_a_blocked_pin_is_named_so_not_by_the_wrong_pin_that_blocked_it() -> None:
    assert theme_name(BLOCKED_PHRASES, BLOCKED) == "pin blocked"

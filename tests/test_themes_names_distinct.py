"""Names keep the word that tells a theme from its neighbours (its first key phrases)."""

from voc.themes.bestpred import best_predicate
from voc.themes.distinctive import distinct_problem, distinct_verb
from voc.themes.keyrank import distinct_head, key_rank
from voc.themes.naming import theme_name
from voc.themes.particles import ends_open

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
    )  # 4: fewer than half as many as say "work" (9)
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


def test_a_particle_after_a_negated_verb_ends_a_phrasal_verb_not_a_fragment() -> None:
    assert not ends_open(["top-up", "hasn't", "gone", "through"])
    assert ends_open(["stuck", "in"])
    assert ends_open(["wait", "dropped", "off"])  # no subject's negated verb before it
    assert not ends_open(["card", "declined"])


#: Stolen cards: "stolen", the first key phrase, is said by nearly all, but it is no
#: problem word of the cue file, so the name took the word a few say ("card lost").
STOLEN = [
    "My card was stolen.",
    "I think my card has been stolen!",
    "My card has been stolen, what do I do?",
    "How do I replace a stolen card?",
    "I need to report a stolen card.",
    "Someone stole my wallet with my card in it.",
    "My card was stolen yesterday.",
    "I lost my card, or maybe it was stolen.",
    "I lost my card on the bus.",
    "My card is lost.",
]
STOLEN_PHRASES = ["stolen", "card", "wallet", "report", "lost"]


def test_a_first_key_phrase_participle_most_say_names_the_theme() -> None:
    assert distinct_verb("stolen", best_predicate("card", STOLEN), STOLEN_PHRASES, STOLEN) == (
        "card stolen"
    )
    assert theme_name(STOLEN_PHRASES, STOLEN) == "card stolen"


def test_a_participle_needs_to_be_the_first_key_phrase_and_said_by_most() -> None:
    assert distinct_verb("stolen", None, ["card", "stolen"], STOLEN) == ""
    assert distinct_verb("lost", None, ["lost", "card"], STOLEN) == ""  # 3 of 10 say it
    assert distinct_verb("stolen", None, ["keeps stolen", "card"], STOLEN) == ""


def test_a_participle_names_no_theme_of_questions() -> None:
    asked = [
        "Where are the cards delivered to?",
        "What areas are cards delivered to?",
        "Where can the cards be delivered?",
        "Where are your cards delivered?",
        "My card was delivered to the wrong address.",
    ]
    assert distinct_verb("delivered", None, ["delivered", "cards"], asked) == ""
    told = [asked[-1], "The card was delivered to my old flat."]
    assert distinct_verb("delivered", None, ["delivered", "card"], told) == "card delivered"

"""Sub-theme names worked into the phrase their statements write, not "parent: word"."""

from __future__ import annotations

from voc.themes.drafts import sub_name
from voc.themes.subphrase import worked_in

SUITCASE = [
    "you lost my suitcase on the way to Denver",
    "lost my suitcase again, second time this year",
    "my suitcase was lost and nobody calls back",
    "they lost the suitcase with all my work clothes",
    "still no sign of my suitcase",
]
BAGS = [
    "my bag never showed up at the carousel",
    "bag lost on a direct flight",
    "lost bag, no update for a week",
    "where is my bag, it has been three days",
    "the app says my bag is in Chicago",
]


def test_a_qualifier_is_worked_into_the_phrase_the_statements_write() -> None:
    """"luggage lost: suitcase" read as two labels glued: they say "lost my suitcase"."""
    assert worked_in("luggage lost", "suitcase", SUITCASE) == "lost suitcase"
    name = sub_name("luggage lost", "luggage lost", ["suitcase"], SUITCASE, BAGS)
    assert name == "lost suitcase", name


def test_a_phrase_with_a_preposition_keeps_it() -> None:
    letters = [
        "I got no reply to my letter of March",
        "no reply to the letter I sent twice",
        "sent a letter, no reply to it",
        "still no reply to my letter",
        "they ignore every letter I write",
    ]
    assert worked_in("no response", "letter", letters) == "no reply to letter"


def test_a_span_never_crosses_a_clause_nor_a_handle() -> None:
    """"phone and lost" is two clauses; "@airline lost" is no phrase of its own."""
    texts = ["phone and lost hours", "phone, lost again",
             "lost @phone again", "phone and lost two days"]
    assert worked_in("luggage lost", "phone", texts) == ""


def test_without_a_phrase_saying_a_problem_the_qualifier_stays_apart() -> None:
    """Statements that name the thing only beside no problem give no phrase: the
    sub-theme is named as its parent (folded), never "luggage lost: suitcase", two labels
    glued together (r31q)."""
    texts = ["the suitcase of my wife", "suitcase from Denver to Miami",
             "a blue suitcase with a red tag"]
    assert worked_in("luggage lost", "suitcase", texts) == ""
    assert sub_name("luggage lost", "luggage lost", ["suitcase"], texts) == "luggage lost"


def test_a_parent_runs_into_the_span_that_continues_it() -> None:
    """"how to change: reservation" → they write "how to change the reservation"."""
    texts = ["how to change my reservation online", "how to change the reservation for Friday",
             "please change reservation to an earlier date", "change reservation page is blank"]
    assert worked_in("how to change", "reservation", texts) == "how to change reservation"


def test_the_qualifier_follows_the_preposition_they_put_before_it() -> None:
    """"exchange rate wrong: cash" → "wrong exchange rate for cash", the parent in the
    order they write it."""
    texts = ["a wrong exchange rate for my cash at the airport",
             "I got cash abroad and the exchange rate was wrong",
             "wrong exchange rate when I took out cash",
             "again the wrong exchange rate for cash",
             "they gave me a wrong exchange rate, I only wanted cash"]
    assert worked_in("exchange rate wrong", "cash", texts) == "wrong exchange rate for cash"


def test_a_qualifier_few_of_the_part_say_names_no_subtheme() -> None:
    """A word two statements in twelve say is a stray word, not what the part is about: the
    part keeps no qualifier (so it is folded into the theme's remainder)."""
    mine = ["worst customer service ever", "your customer service is terrible",
            "customer service was useless today", "horrible customer service again",
            "the customer service agents were rude", "customer service is a joke",
            "never seen customer service this bad", "customer service hung up on me",
            "the customer service agents lied", "customer service failed me",
            "customer service is the worst", "terrible customer service all week"]
    rest = ["worst customer service on the phone", "customer service phone line is awful",
            "bad customer service", "worst customer service of any airline"]
    name = sub_name("worst customer service", "worst customer service", ["agents"], mine, rest)
    assert name == "worst customer service", name


def test_a_clash_qualifier_is_worked_in_or_the_part_folded() -> None:
    """Siblings told apart as "stuck on plane: gate" read as glued labels: worked into
    what they write, or (a word few of them say) back to the bare name to be folded."""
    from voc.themes.evidence import unglued

    gate = ["stuck on the plane at the gate for two hours", "we are stuck on plane at gate",
            "still stuck on the plane at gate 9", "two hours on the plane, no info"]
    assert unglued("stuck on plane: gate", gate) == "stuck on plane at gate"
    few = ["stuck for hours on the tarmac", "stuck on the runway for hours",
           "three hours stuck, nobody tells us anything", "stuck here forever",
           "stuck at the gate", "stuck again tonight"]
    assert unglued("stuck: gate", few) == "stuck"
    assert unglued("stuck on runway", few) == "stuck on runway"  # no colon: as it is


def test_a_qualifier_no_phrase_works_in_stays_only_when_half_say_it() -> None:
    """"bad staff: agent" from 2 of 6 statements names a word, not the part: folded back
    (the name before the colon); said by most of them, the qualifier stays."""
    from voc.themes.evidence import unglued

    rude = ["the staff were rude to my mother", "horrible attitude from the crew",
            "rude agent at check in", "nobody at the desk would help",
            "the gate agent laughed at us", "unfriendly people everywhere"]
    assert unglued("bad staff: agent", rude) == "bad staff"
    fee = ["annual fee charged again", "they refused to waive the annual fee",
           "an annual fee I never agreed to", "why is there an annual fee",
           "card cancelled", "called twice"]
    assert unglued("card issues: annual fee", fee) == "card issues: annual fee"

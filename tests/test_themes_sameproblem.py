"""A theme most of whose statements say one problem is named by it, not as mixed."""

from voc.themes.mixed import is_mixed, mixed_name
from voc.themes.sameproblem import plural, problem_name

# most say "delayed" or "delays", of no one subject (airline seed 1, "hour delay")
DELAYED = [
    "#delayed #again #needtocatchmynextflight #alreadyrebookedonce",
    "EWR was top ranked for domestic delays.",
    "@united how is it tripitPro has accurate delayed dept.",
    "I'm delayed in TYS, likely gonna miss my connection in CLT.",
    "What a great way to finish an 18 hour delayed arrival!!",
    "@united delayed another hour",
    "weather delays next few weeks",
    "Delayed because of the copilot isn't here?",
    "time to give up my status and switch, you are so terrible.",
    "another 2 hour delay, third time this month",
]

# delays and wait times, neither said by half alone (airline seed 1, "long wait for delay")
WAITS = [
    "I had a 40 minute layover and now have a 15 min delay on my first flight.",
    "Ridiculous wait times.",
    "I expected a wait... Just not that long.",
    "Completely unacceptable wait times!!!",
    "Err 2 hour wait time for the Exec.",
    "Delayed because of the copilot isn't here?",
    "Another delay on the tarmac.",
    "delayed two hours and nobody told us",
    "Called 10x in the last 3 days, and haven't gotten through.",
    "Should I keep the kids here all night?",
]

# stranded, but never a "strand" as a noun: no kind of problem to name
STRANDED = [
    "stranded in Philadelphia airport for 32 hours",
    "we are stranded at the gate with no info",
    "stranded in Denver overnight",
    "left stranded with two kids",
    "stranded again, thanks a lot",
    "my mom is stranded in Chicago",
]


def test_delays_name_a_theme_most_of_whose_statements_say_them() -> None:
    assert mixed_name(DELAYED) == "delays"


def test_two_problems_that_together_most_statements_say() -> None:
    assert mixed_name(WAITS) == "delays and wait times"


def test_a_problem_written_only_as_a_verb_names_nothing() -> None:
    assert problem_name(STRANDED) == ""
    assert is_mixed(mixed_name(STRANDED))


# late by hours, an adjective after a duration: no "long lates"
LATE = [
    "2 hours late and no word from anyone",
    "flight 3 hours late again",
    "we were 5 hours late into Denver",
    "late again, every single week",
    "crew showed up late",
    "running late, missed my meeting",
]


def test_an_adjective_after_a_duration_names_nothing() -> None:
    assert problem_name(LATE) == ""


def test_taken_problem_name_leaves_the_mixed_name() -> None:
    assert problem_name(DELAYED, taken=["Delays"]) == ""
    assert is_mixed(mixed_name(DELAYED, taken=["delays"]))


def test_plural() -> None:
    assert [plural(w) for w in ("delay", "glitch", "reply", "outage")] == [
        "delays", "glitches", "replies", "outages"]

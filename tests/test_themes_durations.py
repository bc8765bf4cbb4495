"""Names whose only subject is a length of time (voc.themes.durations)."""

from __future__ import annotations

from voc.themes.attest import attested_name
from voc.themes.durations import as_duration

STUCK = [
    "stuck in Denver with no sleep for 20 hours, is there a hotel voucher?",
    "now stranded in Boston for another 6 hours and nobody at the desk",
    "stuck on the runway for the last hour, can we get water",
    "my wife has been stuck in Phoenix all day waiting on a seat",
]


def test_unit_ahead_of_problem_moves_after_it_in_the_plural() -> None:
    assert as_duration("hour stuck in", STUCK) == "stuck for hours"


def test_attested_name_says_the_duration_as_written() -> None:
    # the chain keeps "hour stuck in" (said beside each other, never as written)
    assert attested_name("hour stuck in", ["stuck in", "hours"], STUCK) == "stuck for hours"


def test_unit_after_problem_takes_the_plural_they_write() -> None:
    waited = ["waited 2 hours at the counter", "we waited 3 hrs for a gate agent",
              "waited an hour for bags"]
    assert as_duration("waited hour", waited) == "waited hours"
    assert as_duration("waiting for hour", waited) == "waiting for hours"


def test_mostly_one_unit_stays() -> None:
    one = ["waited an hour on hold", "half an hour on the phone", "sat there for 3 hours"]
    assert as_duration("waited hour", one) == "waited hour"


def test_compound_they_write_stays() -> None:
    delays = ["a 3 hour delay again", "the 2 hour delay made me miss it", "5 hours late"]
    assert as_duration("hour delay", delays) == "hour delay"


def test_other_subjects_stay() -> None:
    texts = ["my flight was delayed 3 hours", "flight delayed for hours"]
    assert as_duration("flight delayed", texts) == "flight delayed"
    assert as_duration("hours on hold", texts) == "hours on hold"
    assert as_duration("flight hour delayed", texts) == "flight hour delayed"


def test_unit_before_a_noun_is_a_compound() -> None:
    late = ["another 20 minutes of delays", "delays of 45 minutes each time", "more delays"]
    assert as_duration("minute delays", late) == "minute delays"

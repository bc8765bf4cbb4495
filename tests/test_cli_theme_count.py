"""The run summary says how many themes there are, not only how many it shows."""

from voc.api import RunSummary
from voc.cli import _themes_phrase


def test_summary_gives_the_total_theme_count_beside_the_shown_top() -> None:
    assert _themes_phrase(10, 118) == "118 ranked themes, the top 10 shown below"
    assert _themes_phrase(9, 9) == "9 ranked themes shown below"
    assert _themes_phrase(0, 0) == "0 ranked themes shown below"


def test_run_summary_has_a_theme_count_field() -> None:
    fields = RunSummary.__dataclass_fields__
    assert "n_themes" in fields and fields["n_themes"].default == 0

"""Quotes and key phrases a product manager can read (voc.themes.quotes, voc.themes.evidence)."""

from __future__ import annotations

import numpy as np
import pytest

from voc.themes import subwritten
from voc.themes.evidence import code_like, finish_evidence, shown_phrases
from voc.themes.quotes import gist, is_retweet, near_copy, readable, representative
from voc.themes.table import SubTheme, ThemeDraft


def _near_centre(n: int) -> np.ndarray:
    """Unit vectors whose closeness to their centre falls with the index; any two are
    less than 0.9 similar (below the vector check), so only the texts tell copies apart."""
    rows = np.zeros((n, n + 1), dtype=np.float32)
    for i in range(n):
        a = 0.95 - 0.15 * i / max(n - 1, 1)
        rows[i, 0], rows[i, i + 1] = a, np.sqrt(1 - a * a)
    return rows


CANCELLED = [
    "@AmericanAir Flight's Cancelled Flightled.",
    "@SouthwestAir flight Cancelled Flightled.",
    "@AmericanAir Flight Cancelled Flightled, can't go home until tomorrow.",
    "RT @jane: my flight was cancelled and nobody told me why",
    "@united @AmericanAir @JetBlue #fail http://t.co/xyz",
    "They cancelled my flight and rebooked me two days later.",
    "Cancelled again, the app never warned me about it.",
    "Flight cancelled at the gate after three hours of waiting.",
]


def test_gist_ignores_handles_possessives_and_stop_words() -> None:
    assert gist("@AmericanAir Flight's Cancelled Flightled.") == gist(
        "@SouthwestAir flight Cancelled Flightled."
    )
    assert near_copy(gist(CANCELLED[0]), gist(CANCELLED[2]))  # the second says it all again
    assert not near_copy(gist(CANCELLED[5]), gist(CANCELLED[6]))


def test_retweets_and_handle_soup_are_recognised() -> None:
    assert is_retweet(CANCELLED[3]) and not is_retweet(CANCELLED[5])
    assert not readable(CANCELLED[4])
    assert readable(CANCELLED[5]) and not readable("@united ok")


def test_quotes_skip_copies_retweets_and_handle_soup() -> None:
    vecs = _near_centre(len(CANCELLED))
    picked = representative(vecs, CANCELLED, k=4)
    texts = [CANCELLED[i] for i in picked]
    assert len(picked) == 4
    assert sum("Flightled" in t for t in texts) == 1  # one of the three copies
    assert CANCELLED[3] not in texts and CANCELLED[4] not in texts
    assert representative(vecs, CANCELLED, k=4) == picked  # deterministic


def test_at_least_three_quotes_even_when_all_are_copies() -> None:
    same = ["Flight cancelled.", "flight cancelled!!", "@united Flight cancelled", "Flight X"]
    picked = representative(_near_centre(4), same, k=4)
    assert len(picked) >= 3 and len({same[i].lower() for i in picked}) == len(picked)


def test_quotes_that_say_the_name_come_first() -> None:
    texts = [
        "This is the third time this month, unbelievable service.",
        "My bag was lost on the way to Denver.",
        "They lost my bag and the claim desk was closed.",
        "Terrible, nobody cares about customers anymore.",
        "Still no news about the bag they lost.",
        "Worst airline ever, never again with them.",
    ]
    vecs = _near_centre(len(texts))
    assert representative(vecs, texts, k=3) == [0, 1, 2]  # by closeness alone
    assert representative(vecs, texts, k=4) == [0, 1, 2, 3]
    # statements saying the name's words come first, the closest of them first
    assert representative(vecs, texts, k=3, name="bag lost") == [1, 2, 4]
    # past the third, only a quote that says the name: none is left, so three are shown
    assert representative(vecs, texts, k=4, name="bag lost") == [1, 2, 4]
    far = [*texts, "The bag strap broke on the belt."]  # the farthest: after the closer ones
    assert representative(_near_centre(len(far)), far, k=4, name="bag lost") == [1, 2, 4, 6]
    assert representative(_near_centre(len(far)), far, k=3, name="strap broke") == [6, 0, 1]


def test_code_like_tokens() -> None:
    texts = ["Stuck at DFW again", "DFW gate closed", "the ATM ate my card", "atm fee"]
    for word in ("ua", "pm", "flt", "XXXX", "x", "2nd", "dfw", "jfk", "@united"):
        assert code_like(word, texts), word
    for word in ("delay", "bag", "atm", "wifi", "refund"):
        assert not code_like(word, texts), word


def test_shown_phrases_drop_name_words_codes_and_one_statement_phrases() -> None:
    texts = [
        "Flight cancelled at DFW, mechanical issues again",
        "cancelled flight, DFW crew said mechanical issues",
        "Flight cancelled and my hotel voucher never came",
        "flight cancelled 10 pm no hotel voucher",
        "Flight was cancelled, rebooked on UA",
    ]
    phrases = ["flight", "cancelled", "mechanical issues", "dfw", "pm", "hotel voucher", "ua",
               "rebooked"]
    assert shown_phrases(phrases, "flight cancelled", texts) == ["mechanical issues",
                                                                "hotel voucher"]


def test_finish_evidence_refills_phrases_and_requotes_with_the_final_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the sub-themes' placeholder names ("a", "b") would be folded as unwritten
    # (tests/test_subwritten.py); here only their key phrases are checked
    monkeypatch.setattr(subwritten, "written_subthemes", lambda subs, *a, **k: list(subs))
    texts = CANCELLED + ["Gate agent was rude about the cancellation.", "Rude gate agent."]
    vecs = _near_centre(len(texts))
    d = ThemeDraft(0, np.arange(8), "flight cancelled", ["flight", "cancelled"], [],
                   spare_phrases=["flightled", "app"])
    d.sub_labels = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    d.subthemes = [SubTheme(0, "a", ["flightled"], 4), SubTheme(1, "b", ["cancelled"], 4)]
    other = ThemeDraft(1, np.array([8, 9]), "rude gate agent", ["gate agent"], [])
    finish_evidence([d, other], vecs, texts, [f"s{i}" for i in range(len(texts))], 4)
    # "flight", "cancelled" repeat the name, "app" is said once: a spare one fills up
    assert d.key_phrases == ["flightled"]
    assert len(d.quote_ids) == 4 and "s4" not in d.quote_ids and "s3" not in d.quote_ids
    assert d.quote_ids == [f"s{r}" for r in d.quote_rows]
    assert d.subthemes[0].key_phrases == ["flightled"]
    assert d.subthemes[1].key_phrases == ["cancelled"]
    assert other.key_phrases == []  # the name says it

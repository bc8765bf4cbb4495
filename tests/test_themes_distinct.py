"""Theme names are distinct within a run (voc.themes.distinct)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from voc.themes.distinct import (
    clashes,
    distinct_drafts,
    distinct_names,
    n_duplicates,
    name_key,
)
from voc.themes.table import SubTheme, ThemeDraft

GATE = [
    "My flight was delayed at the gate for three hours with no update.",
    "Flight delayed again, we sat at the gate and nobody told us anything.",
    "Delayed flight, stuck at the gate since noon.",
    "The flight is delayed and the gate agent has no idea when we leave.",
    "Flight delayed at the gate, the gate agent keeps changing the time.",
    "Another delayed flight and the gate area is packed.",
    "Flight delayed two hours at the gate with no explanation.",
    "Our flight was delayed, the gate agent was rude.",
]
CALL = [
    "Flight delayed and I have been on hold for an hour, please call back.",
    "My flight was delayed, I called and was told to call back later.",
    "Flight delayed and nobody will call back.",
    "Delayed flight, asked them to call back and nothing happened.",
    "Flight delayed, I waited for a call back that never came.",
    "The flight is delayed and the call back line is busy.",
]
BAGS = [
    "Flight delayed and my bag was lost on arrival.",
    "Delayed flight and now the lost bag desk is closed.",
    "My flight was delayed and they lost my bag.",
    "Flight delayed, lost bag, no compensation.",
]


def test_name_key_ignores_order_inflection_and_articles() -> None:
    assert name_key("flight delayed") == name_key("Delayed flights")
    assert name_key("the flight delayed") == name_key("flight delayed")
    assert name_key("flight delayed") != name_key("flight cancelled")
    assert n_duplicates(["flight delayed", "delayed flight", "bag lost", "flight delayed"]) == 2


def test_clashing_names_are_told_apart_by_what_separates_the_themes() -> None:
    names = ["flight delayed", "delayed flights", "flight delayed", "bag lost"]
    texts = [GATE, CALL, BAGS, ["My bag was lost.", "Lost bag again."]]
    out = distinct_names(names, texts)
    assert n_duplicates(out) == 0
    assert out[3] == "bag lost"  # not in a clash: unchanged
    # the largest keeps the plain name, because the others became specific
    assert out[0] == "flight delayed"
    assert "call" in out[1]
    assert out[1].startswith("delayed flights: ")  # its own wording, then what differs
    assert "bag" in out[2]
    # a qualifier is said in the theme's statements, not made up
    for name, tx in zip(out[1:3], texts[1:3], strict=True):
        tail = name.split(":")[-1].strip().split()
        assert all(any(w in t.lower() for t in tx) for w in tail)
    assert distinct_names(names, texts) == out  # deterministic


CALLS = [
    "I called five times and nobody calls back.",
    "Called again, no call back from anyone.",
    "They promised a call back and never called.",
    "Still waiting for a call back after three days.",
    "No call back, no email, nothing.",
    "Can't get through, the line just rings.",
    "Tried calling all day, can't get through to anyone.",
    "I called and the call dropped.",
    "no call back again today",
    "Called twice, no answer at all.",
]
HOLD = [
    "On hold for two hours and then they hung up.",
    "Two hours on hold and nobody picked up.",
    "I was put on hold for an hour.",
    "Hours on hold just to speak to someone.",
    "on hold again, 90 minutes so far",
    "They keep me on hold forever.",
]


def test_twin_is_named_by_the_problem_its_statements_say_never_glued() -> None:
    """Two themes drafting "can't get through by phone" (CFPB and airline, r31q): the
    smaller, whose statements say "hours on hold" and the other's do not, is named so, as
    a person would write it, not "can't get through by phone: hold" (glued on only when no
    phrase of its own is free)."""
    name = "can't get through by phone"
    out = distinct_names([name, name], [CALLS, HOLD])
    assert out == [name, "hours on hold"]
    # the phrase must be free: with "hours on hold" taken, what sets it apart is glued on
    out = distinct_names([name, name, "hours on hold"], [CALLS, HOLD, ["hours on hold"] * 2])
    assert out[0] == name and out[1] != "hours on hold" and n_duplicates(out) == 0


def test_user_names_never_change_and_the_others_all_become_specific() -> None:
    names = ["flight delayed", "flight delayed", "flight delayed"]
    texts = [GATE, CALL, BAGS]
    out = distinct_names(names, texts, pinned=[1])
    assert out[1] == "flight delayed"
    assert out[0] != "flight delayed" and out[2] != "flight delayed"  # the largest too
    assert n_duplicates(out) == 0


def test_other_is_left_alone_and_numbering_is_the_last_resort() -> None:
    same = ["the flight was delayed", "flight delayed again"]
    out = distinct_names(["flight delayed", "flight delayed", "other friction"],
                         [same, list(same), ["x y"]], skip=[2])
    assert n_duplicates(out) == 0
    assert out[2] == "other friction"
    assert sorted(out[:2]) == ["flight delayed", "flight delayed (2)"]


def test_the_largest_keeps_the_plain_name_when_a_smaller_one_has_no_qualifier() -> None:
    # the small theme says nothing the large one does not: it is numbered, the large one
    # (the report's first line) stays "flight delayed" instead of "flight delayed: gate"
    small = ["flight delayed", "the flight is delayed"]
    out = distinct_names(["flight delayed", "flight delayed"], [GATE, small])
    assert out[0] == "flight delayed"
    assert out[1] == "flight delayed (2)"
    out = distinct_names(["flight delayed", "flight delayed"], [small, GATE])
    assert out[1] == "flight delayed" and out[0] == "flight delayed (2)"


def _draft(label: int, idx: list[int], name: str) -> ThemeDraft:
    return ThemeDraft(label, np.asarray(idx), name, [], [])


def test_drafts_and_subthemes_are_made_distinct_in_place() -> None:
    texts = np.array(GATE + CALL + BAGS, dtype=object)
    d0 = _draft(0, list(range(8)), "flight delayed")
    d1 = _draft(1, list(range(8, 14)), "flight delayed")
    d2 = _draft(2, list(range(14, 18)), "flight delayed")  # pinned by the user
    other = _draft(-1, [], "other friction")
    # two sub-themes of d0 with one name: made distinct within their parent
    d0.sub_labels = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    d0.subthemes = [SubTheme(0, "gate delay", [], 4), SubTheme(1, "gate delay", [], 4)]
    distinct_drafts([d0, d1, d2, other], texts, pinned={2})
    assert d2.name == "flight delayed"
    assert len({d0.name, d1.name, d2.name}) == 3
    assert other.name == "other friction"
    assert d0.subthemes[0].name != d0.subthemes[1].name


def test_name_step_applies_distinct_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the pipeline's name step: every theme named alike comes out distinct (the
    naming itself is forced to one name so that the clash is certain)."""
    import voc.themes.drafts as drafts
    from voc.state import RunContext, RunState
    from voc.themesteps import NameParams, name_step

    monkeypatch.setattr(drafts, "theme_name", lambda *a, **k: "flight delayed")
    texts = GATE + CALL + BAGS
    st = pd.DataFrame({"statement_id": [f"s{i}" for i in range(len(texts))], "text": texts})
    rng = np.random.default_rng(0)
    state = RunState(items=pd.DataFrame(), statements=st,
                     vectors=rng.normal(size=(len(texts), 8)).astype(np.float32),
                     friction_idx=np.arange(len(texts)))
    labels = np.array([0] * len(GATE) + [1] * len(CALL) + [2] * len(BAGS))
    ctx = RunContext(seed=0, labels=None, models={"cluster_labels": labels, "theme_keys": {}})
    name_step(state, ctx, NameParams())
    names = [d.name for d in state.drafts]
    assert not clashes(names)
    assert names[0] == "flight delayed"  # the largest keeps the plain name


def test_a_twin_name_says_no_word_twice() -> None:
    from voc.themes.twinname import worked_name

    said = ["three hours on hold", "hours on hold again", "on hold for hours"]
    assert "on hold on hold" not in worked_name("hours on hold", "hold", said)


TRANSFERS = [
    "How do I transfer money to my bank account?",
    "How can I transfer money from my account?",
    "how to transfer money to another bank",
    "I want to transfer money abroad, how?",
    "How long does it take to transfer money?",
    "Transfer money to a friend, how do I do it?",
]
CARDS = [
    "Can I transfer money using my credit card?",
    "How do I transfer money using a credit card?",
    "Is it possible to transfer money using credit card?",
    "Which credit card can I use to top up?",
    "Do you accept American Express credit card?",
]


def test_a_question_twin_is_named_by_what_its_queries_ask() -> None:
    """Banking77's "how to transfer money" twins (r31q): the one asking about credit
    cards is named by what its queries write, never "how to transfer money: credit card"
    (glued) nor "how to transfer money (2)" (it says which)."""
    name = "how to transfer money"
    out = distinct_names([name, name], [TRANSFERS, CARDS])
    assert out == [name, "transfer money using credit card"]

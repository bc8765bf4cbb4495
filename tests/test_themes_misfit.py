"""Names few statements say that describe other themes better give way to honest ones."""

from __future__ import annotations

import logging
from collections.abc import Callable

import numpy as np
import pytest

from voc.embed import Embedder
from voc.themes.misfit import centre_rank, misfits, rename_misfits
from voc.themes.table import ThemeDraft
from voc.themes.written import written_support

WEATHER = [
    "The snow storm grounded every flight out of Denver.",
    "Flight delayed four hours because of the ice storm.",
    "Weather delay again, the whole airport is snowed in.",
    "Fog in San Francisco and our flight is on hold.",
    "The blizzard cancelled our trip home.",
]
BAGS = [
    "My bag never arrived in Boston.",
    "Lost luggage, nobody at the desk can find it.",
    "Three days and still no sign of my suitcase.",
    "They lost my bag on a direct flight.",
    "Baggage claim says my luggage is in Chicago.",
]
PHONE = [
    "On hold for two hours and then the call dropped.",
    "Nobody picks up the phone at the call centre.",
    "Waited on the phone all morning for an agent.",
    "The hold music has been playing for 90 minutes.",
    "Your phone line hangs up on me every time.",
]
#: Twenty tweets of anger that share no problem; one mentions the weather.
ANGER = [
    "Worst airline ever, never again.",
    "You people are a joke.",
    "Epic fail, as always.",
    "Unbelievable how you treat your customers.",
    "I am done with this company.",
    "Shame on you, honestly.",
    "What a disgrace of an operation.",
    "This is pathetic, even for you.",
    "Nobody there seems to care at all.",
    "Thanks for nothing, really.",
    "I will tell everyone I know to avoid you.",
    "Not impressed, not one bit.",
    "How is this acceptable in 2015?",
    "Seriously, what is wrong with you guys?",
    "You should be embarrassed.",
    "So much for customer first.",
    "The awful weather is no excuse for this mess.",
    "Every single time something goes wrong.",
    "You have lost a loyal customer today.",
    "I expected so much better from you.",
]


def _run(anger_name: str) -> tuple[list[ThemeDraft], list[str]]:
    texts = [*ANGER, *WEATHER, *BAGS, *PHONE]
    spans = [(0, 20, anger_name), (20, 25, "weather delay"), (25, 30, "bag lost"),
             (30, 35, "on hold for hours")]
    drafts = [ThemeDraft(k, np.arange(a, b), name, [], []) for k, (a, b, name) in
              enumerate(spans)]
    return drafts, texts


def _named_by_drafts(
    anger_name: str,
) -> tuple[list[str], np.ndarray, Callable[..., str]]:
    """Texts, theme labels and a naming function giving each theme its :func:`_run` name:
    what the name step fixture takes."""
    drafts, texts = _run(anger_name)
    labels = np.zeros(len(texts), dtype=int)
    for d in drafts:
        labels[d.statement_idx] = d.label

    def name(phrases: list[str], tx: list[str], first: str = "", framed: bool = True) -> str:
        return drafts[int(labels[texts.index(tx[0])])].name

    return texts, labels, name


def test_centre_rank_counts_closer_centres() -> None:
    centres = np.eye(3, dtype=np.float32)
    name = np.array([0.6, 0.8, 0.0], dtype=np.float32)
    assert centre_rank(name, centres, 1) == 0
    assert centre_rank(name, centres, 0) == 1
    assert centre_rank(name, centres, 2) == 2


def test_a_name_few_say_that_fits_another_theme_is_a_misfit(embedder: Embedder) -> None:
    drafts, texts = _run("awful weather")
    vectors = embedder.encode(texts)
    found = misfits(drafts, vectors, texts, embedder.encode, max_rank=1)
    assert [k for k, _, _ in found] == [0]
    renamed = rename_misfits(drafts, vectors, texts, embedder.encode, max_rank=1)
    assert renamed and renamed[0][0] == "awful weather"
    assert "weather" not in drafts[0].name
    assert drafts[1].name == "weather delay"  # the others keep theirs


def test_a_name_many_say_is_a_misfit_only_far_from_its_theme(embedder: Embedder) -> None:
    # three of the twenty say "weather delay": a tenth, so only a far rank makes it one
    said = [*ANGER[:17], "Weather delay, again.", "Another weather delay today.",
            "A weather delay and no help."]
    drafts, texts = _run("weather delay")
    texts = [*said, *texts[20:]]
    drafts[1].name = "storm cancellations"
    vectors = embedder.encode(texts)
    assert written_support("weather delay", said) == 3
    assert misfits(drafts, vectors, texts, embedder.encode, max_rank=1) == []
    found = misfits(drafts, vectors, texts, embedder.encode, max_rank=1, far_rank=1)
    assert [(k, n) for k, n, _ in found] == [(0, 3)]


def test_names_that_fit_or_that_many_say_stay(embedder: Embedder) -> None:
    # the same theme under its gist: few say it, but it fits no other theme better
    drafts, texts = _run("customers let down")
    vectors = embedder.encode(texts)
    assert written_support("customers let down", ANGER) == 0
    assert misfits(drafts, vectors, texts, embedder.encode, max_rank=1) == []
    # the user's names never change
    drafts, texts = _run("awful weather")
    assert misfits(drafts, vectors, texts, embedder.encode, pinned={"awful weather"},
                   max_rank=1) == []
    # a small theme keeps its name: a tenth of a handful is no evidence
    small = [ThemeDraft(d.label, d.statement_idx[:10], d.name, [], []) for d in drafts]
    assert misfits(small, vectors, texts, embedder.encode, max_rank=1) == []


def test_name_step_renames_a_misfit_unless_turned_off(
    name_step_drafts: Callable[..., int], embedder: Embedder, caplog: pytest.LogCaptureFixture
) -> None:
    from voc.themesteps import NameParams

    texts, labels, name = _named_by_drafts("awful weather")
    for rank, renamed in ((1, True), (0, False)):
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="voc.themes.misfit"):
            name_step_drafts(name, texts, embedder.encode(texts), labels,
                             NameParams(misfit_rank=rank))
        assert any("'awful weather'" in r.getMessage() for r in caplog.records) is renamed


def test_misfit_leaves_to_the_later_rename_at_the_runs_share(
    embedder: Embedder, monkeypatch: pytest.MonkeyPatch, name_step_drafts: Callable[..., int]
) -> None:
    # the trial of the later rename asks the share the run gives it, not its default
    import voc.themes.unsaid as unsaid

    shares: list[float] = []

    def trial(drafts: list[ThemeDraft], *args: object) -> list[tuple[str, str, int]]:
        shares.append(float(args[-1]))
        return []

    monkeypatch.setattr(unsaid, "rename_unsaid", trial)
    drafts, texts = _run("awful weather")
    vectors = embedder.encode(texts)
    rename_misfits(drafts, vectors, texts, embedder.encode, max_rank=1, vague_share=0.35)
    drafts, texts = _run("awful weather")
    rename_misfits(drafts, vectors, texts, embedder.encode, max_rank=1)
    assert shares == [0.35, 0.2]
    # the name step gives it ``name.with.vague_share``
    from voc.themesteps import NameParams

    shares.clear()
    texts, labels, name = _named_by_drafts("awful weather")
    name_step_drafts(name, texts, vectors, labels, NameParams(misfit_rank=1, vague_share=0.35))
    assert shares and set(shares) == {0.35}

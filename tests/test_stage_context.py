"""Stages from context: an ``unknown`` statement about the journey takes its item's stage.

The texts below are written for these tests (none is a training example of the taxonomy or
of ``journey_stages_unknown.yaml``).
"""

from __future__ import annotations

import numpy as np
import pytest

from voc.classify import StageClassifier
from voc.classify._match import for_embedding
from voc.classify.batch import STATEMENT_COLUMNS, build_classifiers, classify_texts
from voc.classify.context import DISCOUNT, FROM_ITEM, OWN, inherit_item_stage
from voc.classify.stage import is_fragment
from voc.embed import Embedder
from voc.labels import UNKNOWN, load_stages


def test_a_placeable_unknown_statement_takes_its_items_stage() -> None:
    stages, conf, source = inherit_item_stage(
        ["usage", "unknown", "unknown", "unknown"],
        np.array([0.8, 0.2, 0.1, 0.25]),
        np.array([False, True, False, True]),
        ["a", "a", "a", "b"],
    )
    assert stages == ["usage", "usage", UNKNOWN, UNKNOWN]
    assert source == [OWN, FROM_ITEM, OWN, OWN]
    # Lower than the item's own statements; untouched elsewhere.
    assert conf[1] == pytest.approx(DISCOUNT * 0.8) and conf[1] < conf[0]
    assert conf[[0, 2, 3]].tolist() == [0.8, 0.1, 0.25]


def test_a_split_or_weak_item_passes_nothing_on() -> None:
    # Two stages, half the votes each: the item's confidence is half the winner's.
    stages, _, source = inherit_item_stage(
        ["usage", "retention", "unknown"],
        np.array([0.5, 0.5, 0.1]),
        np.array([False, False, True]),
        [7, 7, 7],
    )
    assert stages[2] == UNKNOWN and source == [OWN] * 3
    # A lone weak statement is not enough either.
    stages, _, _ = inherit_item_stage(
        ["purchase", "unknown"], np.array([0.31, 0.1]), np.array([False, True]), [1, 1]
    )
    assert stages == ["purchase", UNKNOWN]


def test_inheriting_needs_a_staged_statement_of_the_same_item() -> None:
    stages, _, source = inherit_item_stage(
        ["usage", "unknown"], np.array([0.9, 0.2]), np.array([False, True]), ["x", "y"]
    )
    assert stages == ["usage", UNKNOWN] and source == [OWN, OWN]
    with pytest.raises(ValueError, match="same length"):
        inherit_item_stage(["usage"], np.array([0.9]), np.array([True]), ["x", "y"])


@pytest.fixture(scope="module")
def models(embedder: Embedder):
    return build_classifiers(embedder, examples=None)


#: Items (one text each) of two statements: the first clearly staged, the second about the
#: journey but too vague to place on its own.
ITEMS = [
    "Our flight to Denver was cancelled at the gate and nobody explained why. "
    "Who is going to pay for my hotel?",
    "My internet has dropped out every evening for two weeks. "
    "It went off again tonight in the middle of a meeting.",
]


def test_vague_statements_take_their_items_stage(models, tmp_path) -> None:
    parts: list = []
    rows = classify_texts(models, ITEMS, statements=parts)
    st = parts[0]
    assert list(st.columns) == STATEMENT_COLUMNS
    assert rows["stage"].tolist() == ["usage", "usage"]
    first = st[st["position"] == 0]
    assert first["stage"].tolist() == ["usage", "usage"]
    assert first["stage_source"].tolist() == [OWN, OWN]
    # Each second statement is usage, and if it got that from its item it says so and is
    # less confident than the first.
    second = st[st["position"] == 1]
    assert second["stage"].tolist() == ["usage", "usage"]
    for _, r in second.iterrows():
        if r["stage_source"] == FROM_ITEM:
            mine = first[first["row"] == r["row"]]["stage_confidence"].iloc[0]
            assert r["stage_confidence"] < mine
    assert (st["stage_source"] == FROM_ITEM).any()


def test_stageless_statements_never_inherit(models) -> None:
    texts = [
        "My parcel was marked delivered but never arrived at my door. "
        "Thanks in advance. I am a retired schoolteacher from Ohio. Hi. lol"
    ]
    parts: list = []
    classify_texts(models, texts, statements=parts)
    st = parts[0]
    assert st["stage"].iloc[0] == "usage"
    rest = st.iloc[1:]
    assert rest["stage"].tolist() == [UNKNOWN] * len(rest), rest[["text", "stage"]]
    assert set(rest["stage_source"]) == {OWN}


@pytest.fixture(scope="module")
def clf(embedder: Embedder) -> StageClassifier:
    return StageClassifier(load_stages()).fit(embedder.encode)


#: Leaving, or speaking for (or against) the brand, in few words: the usage prior must not
#: win when the statement says it (written for this test).
INTENT = [
    ("I am never flying with this airline again.", "retention"),
    ("That's it, I'm moving my accounts to a credit union.", "retention"),
    ("Won't be buying from you ever again.", "retention"),
    ("Going to cancel my account after this.", "retention"),
    ("Switching to another phone company next week.", "retention"),
    ("I tell all my coworkers to shop with you.", "advocacy"),
    ("I recommend this hotel to everybody.", "advocacy"),
]

#: Stage-less: personal background and reference fragments (written for this test).
BACKGROUND = [
    "I am a mother of four.",
    "I'm a veteran of the Gulf War.",
    "I have lived in this house since 1987.",
    "My father was a mechanic.",
    "Account holder name.",
    "Invoice number below.",
]


def _predict(clf: StageClassifier, embedder: Embedder, texts: list[str]):
    vectors = embedder.encode([for_embedding(t) for t in texts])
    return clf.predict(vectors, texts, adapt=False)


def test_leaving_and_recommending_beat_the_usage_prior(
    clf: StageClassifier, embedder: Embedder
) -> None:
    labels, _ = _predict(clf, embedder, [t for t, _ in INTENT])
    got = [(t, g, p) for (t, g), p in zip(INTENT, labels, strict=True)]
    assert [x for x in got if x[1] != x[2]] == []


def test_personal_background_and_fragments_stay_unknown(models) -> None:
    """Alone, and next to a clear usage complaint: no stage of their own or from the item."""
    parts: list = []
    complaint = "My card was declined at the till twice this week and nobody can tell me why."
    classify_texts(models, [*BACKGROUND, " ".join([complaint, *BACKGROUND])], statements=parts)
    st = parts[0]
    probes = st[st["text"] != complaint]
    assert len(probes) == 2 * len(BACKGROUND)
    got = probes[probes["stage"] != UNKNOWN][["text", "stage", "stage_source"]]
    assert got.empty, got
    assert st.loc[st["text"] == complaint, "stage"].tolist() == ["usage"]


def test_fragments_are_short_neutral_non_questions() -> None:
    assert is_fragment("Account number XXXX", 0.0)
    assert is_fragment("Member since 2003.", -0.02)
    assert not is_fragment("Rude staff.", -0.6)  # says how the customer feels
    assert not is_fragment("Refund status?", 0.0)  # asks something
    assert not is_fragment("The app crashes every time I open the camera.", 0.0)


def test_cues_choose_the_stage_but_never_lift_unknown(clf: StageClassifier, embedder) -> None:
    """A cue picks the stage of a staged statement; an off-topic one stays unknown."""
    texts = [
        "Never again, what a waste of a weekend.",
        "The cat said never again to the bath, lol.",
    ]
    labels, conf = _predict(clf, embedder, texts)
    assert labels == ["retention", UNKNOWN]
    plain = StageClassifier(
        load_stages().model_copy(
            update={"stages": [s.model_copy(update={"cues": []}) for s in load_stages().stages]}
        )
    ).fit(embedder.encode)
    labels2, conf2 = _predict(plain, embedder, texts)
    assert labels2[0] != "retention" and labels2[1] == UNKNOWN  # the prior wins without cues
    assert conf2 == pytest.approx(conf)


def test_an_items_stage_comes_from_its_own_statements_only() -> None:
    """The pipeline's item aggregate leaves inherited stages out of the vote."""
    import pandas as pd

    from voc.classify.sentiment import item_sentiment
    from voc.classify.stage import item_stage
    from voc.state import RunState
    from voc.stepdefs import _aggregate_items

    items = pd.DataFrame({"item_id": ["a", "b"]})
    st = pd.DataFrame(
        {
            "item_id": ["a", "a", "a", "b"],
            "stage": ["usage", "usage", "usage", "retention"],
            "stage_confidence": [0.8, 0.3, 0.3, 0.6],
            "sentiment": ["negative"] * 4,
            "sentiment_score": [-0.5] * 4,
            "emotion": ["none"] * 4,
            "stage_source": [OWN, FROM_ITEM, FROM_ITEM, OWN],
        }
    )
    state = RunState(items=items, statements=st)
    _aggregate_items(state, item_stage, item_sentiment)
    assert state.items["stage"].tolist() == ["usage", "retention"]
    # As if the two inherited statements were unknown: 0.8, not a mean with their 0.3.
    assert state.items["stage_confidence"].tolist() == [0.8, 0.6]


def test_a_bad_cue_is_an_error_naming_the_file_and_the_cue(tmp_path) -> None:
    from voc.errors import ConfigError

    bad = tmp_path / "stages.yaml"
    bad.write_text(
        "stages:\n"
        "  - {id: usage, name: Usage, description: Using it.}\n"
        "  - {id: retention, name: Retention, description: Leaving., cues: ['never (again']}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"stages\.yaml.*never \(again"):
        load_stages(bad)

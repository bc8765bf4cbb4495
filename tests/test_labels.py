"""Label taxonomies: defaults load, custom maps load, bad files fail clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from voc.errors import ConfigError
from voc.labels import (
    default_labels_dir,
    load_emotions,
    load_friction_cues,
    load_sentiment,
    load_stages,
)

DEFAULT_STAGES = [
    "awareness",
    "consideration",
    "purchase",
    "onboarding",
    "usage",
    "retention",
    "advocacy",
]

FOUR_STAGES = """
version: 2
unknown_threshold: 0.25
stages:
  - id: discover
    name: Discover
    description: Finding out about us.
    examples: ["I saw your ad."]
  - id: buy
    name: Buy
    description: Paying for it.
    customer_goal: Pay quickly.
    examples: ["Checkout failed."]
  - id: use
    name: Use
    description: Using it every day.
    examples: ["The app crashes."]
  - id: leave
    name: Leave
    description: Cancelling.
    examples: ["Cancel my plan."]
"""


def write(tmp_path: Path, text: str, name: str = "stages.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_dir_holds_the_taxonomies() -> None:
    names = {p.name for p in default_labels_dir().glob("*.yaml")}
    assert {"journey_stages.yaml", "sentiment.yaml", "emotions.yaml", "friction_cues.yaml"} <= names


def test_default_stages() -> None:
    taxonomy = load_stages()
    assert taxonomy.ids == DEFAULT_STAGES
    assert 0 < taxonomy.unknown_threshold < 1
    for stage in taxonomy.stages:
        assert len(stage.examples) >= 20, stage.id
        assert stage.description and stage.customer_goal
        assert len(set(stage.examples)) == len(stage.examples), stage.id


def test_default_sentiment_emotions_cues() -> None:
    sentiment = load_sentiment()
    assert sorted(c.id for c in sentiment.classes) == ["negative", "neutral", "positive"]
    assert all(len(c.examples) >= 40 for c in sentiment.classes)
    emotions = load_emotions()
    assert {e.id for e in emotions.emotions} == {
        "frustration",
        "confusion",
        "anxiety",
        "disappointment",
        "satisfaction",
        "delight",
    }
    assert emotions.none_label == "none"
    cues = load_friction_cues()
    ids = {g.id for g in cues.groups}
    assert {"failure", "waiting", "repeated_contact", "confusion", "money", "blocked"} <= ids


def test_custom_four_stage_map(tmp_path: Path) -> None:
    taxonomy = load_stages(write(tmp_path, FOUR_STAGES))
    assert taxonomy.ids == ["discover", "buy", "use", "leave"]
    assert taxonomy.unknown_threshold == 0.25
    assert taxonomy.stages[0].customer_goal == ""


def test_unknown_key_is_named(tmp_path: Path) -> None:
    bad = FOUR_STAGES.replace('examples: ["Checkout failed."]', 'exampels: ["Checkout failed."]')
    with pytest.raises(ConfigError) as err:
        load_stages(write(tmp_path, bad))
    msg = str(err.value)
    assert "stages.yaml" in msg and "stages[1].exampels" in msg and "'examples'" in msg


def test_unknown_top_level_key(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown_treshold"):
        load_stages(write(tmp_path, FOUR_STAGES.replace("unknown_threshold", "unknown_treshold")))


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (FOUR_STAGES.replace("id: use", "id: buy"), "duplicate stage id"),
        (FOUR_STAGES.replace("id: use", "id: unknown"), "reserved"),
        (FOUR_STAGES.replace("threshold: 0.25", "threshold: 3"), "unknown_threshold"),
        ("stages: [", "invalid YAML"),
        ("- just a list", "mapping"),
    ],
)
def test_invalid_stage_files(tmp_path: Path, text: str, needle: str) -> None:
    with pytest.raises(ConfigError, match=needle):
        load_stages(write(tmp_path, text))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_stages(tmp_path / "nope.yaml")


def test_sentiment_needs_all_three_classes(tmp_path: Path) -> None:
    text = (
        "classes:\n  - id: negative\n    examples: [bad]\n  - id: positive\n    examples: [good]\n"
    )
    with pytest.raises(ConfigError, match="exactly"):
        load_sentiment(write(tmp_path, text, "sentiment.yaml"))


def test_friction_group_needs_phrases(tmp_path: Path) -> None:
    text = "groups:\n  - id: failure\n    weight: 0.8\n    phrases: []\n"
    with pytest.raises(ConfigError, match=r"groups\[0\]\.phrases"):
        load_friction_cues(write(tmp_path, text, "cues.yaml"))


@pytest.mark.parametrize(
    ("name", "n", "first", "last"),
    [
        ("journey_stages_4.yaml", 4, "problem_search", "ongoing_usage"),
        ("journey_stages_9.yaml", 9, "problem_recognition", "advocacy"),
    ],
)
def test_shipped_alternative_stage_maps(name: str, n: int, first: str, last: str) -> None:
    tax = load_stages(default_labels_dir() / name)
    assert len(tax.stages) == n
    assert tax.ids[0] == first and tax.ids[-1] == last
    for stage in tax.stages:
        assert stage.description and stage.customer_goal and len(stage.examples) >= 5


def test_default_emotions_cover_the_required_set() -> None:
    ids = {e.id for e in load_emotions().emotions}
    assert {
        "frustration",
        "confusion",
        "anxiety",
        "disappointment",
        "satisfaction",
        "delight",
    } <= ids


def test_default_stages_have_examples_from_several_industries() -> None:
    # Banking, telecom, travel, retail and software words all appear in the examples.
    text = " ".join(ex.lower() for s in load_stages().stages for ex in s.examples)
    for word in ("card", "sim", "flight", "order", "app"):
        assert word in text

from pathlib import Path

import pytest

from voc.config import DEFAULT_STEPS, load_pipeline, parse_pipeline
from voc.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = {"name": "x", "sources": [{"path": "data"}]}


@pytest.mark.parametrize("name", ["all-sources", "support-inbox", "interview-synthesis", "survey"])
def test_shipped_pipelines_validate(name: str) -> None:
    p = load_pipeline(ROOT / "pipelines" / f"{name}.yaml")
    assert p.name == name
    assert [s.name for s in p.steps] == list(DEFAULT_STEPS)


def test_defaults_fill_in() -> None:
    p = parse_pipeline(MINIMAL)
    assert p.seed == 42 and p.output.dir == "out"
    assert [s.name for s in p.steps] == list(DEFAULT_STEPS)
    assert p.sources[0].paths == ["data"]


def test_unknown_top_level_key_named_with_suggestion() -> None:
    with pytest.raises(ConfigError, match=r"unknown key 'sourcs'.*did you mean 'sources'"):
        parse_pipeline({"name": "x", "sourcs": []}, "p.yaml")


def test_unknown_nested_key_names_its_path() -> None:
    data = {**MINIMAL, "sources": [{"path": "d", "optoins": {}}]}
    with pytest.raises(ConfigError, match=r"sources\[0\]\.optoins.*did you mean 'options'"):
        parse_pipeline(data)


def test_unknown_step_suggests_close_name() -> None:
    data = {**MINIMAL, "steps": [{"name": "redact"}, {"name": "segmnt"}]}
    with pytest.raises(ConfigError, match=r"steps\[1\]\.name: unknown step 'segmnt'.*'segment'"):
        parse_pipeline(data)


def test_bad_step_parameter_named() -> None:
    data = {**MINIMAL, "steps": [{"name": "segment", "with": {"min_wrds": 3}}]}
    with pytest.raises(ConfigError, match=r"steps\[0\]\.with\.min_wrds.*did you mean 'min_words'"):
        parse_pipeline(data)


def test_nested_rank_weight_typo_named() -> None:
    steps = [{"name": n} for n in DEFAULT_STEPS[:-1]]
    steps.append({"name": "rank", "with": {"weights": {"negativty": 1}}})
    with pytest.raises(ConfigError, match=r"steps\[7\]\.with\.weights\.negativty"):
        parse_pipeline({**MINIMAL, "steps": steps})


def test_steps_out_of_order_refused() -> None:
    data = {**MINIMAL, "steps": [{"name": "segment"}, {"name": "cluster"}]}
    with pytest.raises(ConfigError, match=r"steps\[1\]: step 'cluster' needs"):
        parse_pipeline(data)


def test_wrong_type_and_missing_sources() -> None:
    with pytest.raises(ConfigError, match=r"seed"):
        parse_pipeline({**MINIMAL, "seed": "abc"})
    with pytest.raises(ConfigError, match=r"sources"):
        parse_pipeline({"name": "x"})


def test_file_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="pipeline file not found"):
        load_pipeline(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: [unclosed\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_pipeline(bad)
    listy = tmp_path / "list.yaml"
    listy.write_text("- a\n- b\n")
    with pytest.raises(ConfigError, match="expected a mapping"):
        load_pipeline(listy)


def test_config_hash_changes_with_config() -> None:
    a = parse_pipeline(MINIMAL)
    b = parse_pipeline({**MINIMAL, "seed": 7})
    assert a.config_hash() == parse_pipeline(MINIMAL).config_hash()
    assert a.config_hash() != b.config_hash()

"""The codeframe remembers which theme each statement joined, so re-runs keep them there."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from voc.codeframe_members import (
    load_members,
    member_owner,
    members_path,
    save_members,
    text_key,
)
from voc.errors import ConfigError
from voc.themes.assign import cluster_with_codeframe

DIM = 8


def _axis(k: int) -> np.ndarray:
    v = np.zeros(DIM, dtype=np.float32)
    v[k] = 1.0
    return v


def _encode(texts: list[str]) -> np.ndarray:
    return np.stack([_axis(int(t[-1])) for t in texts])


def _codeframe(path: Path, themes: list[dict[str, object]]) -> Path:
    path.write_text(yaml.safe_dump({"assign_threshold": 0.8, "themes": themes}))
    return path


def test_members_file_round_trips_beside_the_codeframe(tmp_path: Path) -> None:
    cf = tmp_path / "frame.yaml"
    assert members_path(cf) == tmp_path / "frame.members.csv"
    assert load_members(cf) == {}
    save_members(cf, [(text_key("my zip "), "t2"), (text_key("oxy"), "t1"),
                      (text_key("my zip"), "t3")])
    assert load_members(cf) == {text_key("oxy"): "t1", text_key("my zip"): "t2"}  # first kept
    assert "zip" not in members_path(cf).read_text()  # hashes, never the text


def test_a_bad_members_file_names_itself(tmp_path: Path) -> None:
    cf = tmp_path / "frame.yaml"
    members_path(cf).write_text("id,text\nx,y\n")
    with pytest.raises(ConfigError, match=r"frame\.members\.csv: expected the columns"):
        load_members(cf)


def test_membership_beats_seeds_but_not_a_users_seeded_theme() -> None:
    texts = ["seen", "seen too", "new", "claimed"]
    members = {text_key("seen"): "old", text_key("seen too"): "gone",
               text_key("claimed"): "old"}
    index_of = {"old": 0, "gone": 0, "mine": 1}  # "gone" was merged into "old"
    seed_owner = np.array([-1, 1, 1, 1])
    user = np.array([False, True])
    got = member_owner(texts, members, index_of, seed_owner, user)
    # a member far from every seed stays; a user's seed match wins over a discovered theme
    assert got.tolist() == [0, 1, 1, 1]
    got = member_owner(texts, members, index_of, seed_owner, np.array([False, False]))
    assert got.tolist() == [0, 0, 1, 0]


def test_statements_far_from_every_seed_go_back_to_their_theme(tmp_path: Path) -> None:
    # six statements on axes 2 and 3 that no seed reaches: without the members file they
    # are clustered afresh; with it they return to the theme (and merge target) they joined
    rng = np.random.default_rng(0)
    x = np.asarray([_axis(k) + 0.05 * rng.normal(size=DIM) for k in (0, 0, 2, 2, 3, 3)],
                   dtype=np.float32)
    texts = [f"statement {i}" for i in range(6)]
    cf = _codeframe(tmp_path / "cf.yaml", [
        {"id": "billing", "name": "charged twice", "seeds": ["seed 0"], "origin": "discovered"},
        {"id": "sync", "name": "sync fails", "seeds": ["seed 1"], "origin": "discovered"},
        {"id": "old-sync", "name": "sync", "seeds": ["seed 1"], "merge_into": "sync"},
    ])
    before = cluster_with_codeframe(x, cf, _encode, seed=0, options={}, texts=texts)
    assert [before.keys.get(int(lab)) for lab in before.labels[2:]] == [None] * 4
    save_members(cf, [(text_key(texts[2]), "billing"), (text_key(texts[3]), "billing"),
                      (text_key(texts[4]), "old-sync"), (text_key(texts[5]), "old-sync")])
    after = cluster_with_codeframe(x, cf, _encode, seed=0, options={}, texts=texts)
    got = [after.keys.get(int(lab)) for lab in after.labels]
    assert got == ["billing", "billing", "billing", "billing", "sync", "sync"]


def test_a_rerun_over_the_written_codeframe_keeps_every_statement_in_its_theme(
    tmp_path: Path,
) -> None:
    from voc import api
    from voc import workspace as ws
    from voc.config import DEFAULT_STEPS, parse_pipeline

    survey = Path(__file__).resolve().parents[1] / "data" / "sample" / "survey" / "nps_survey.csv"
    cf = tmp_path / "codeframe.yaml"
    got = []
    for run in (1, 2):
        steps = [{"name": n, "with": {"codeframe": str(cf)}} if n == "cluster" else {"name": n}
                 for n in DEFAULT_STEPS]
        out = tmp_path / f"out{run}"
        api.run(parse_pipeline({  # type: ignore[arg-type]
            "name": "rerun", "seed": 3, "fast": True,
            "sources": [{"path": str(survey), "kind": "survey"}],
            "steps": steps, "output": {"dir": str(out), "formats": ["md"]},
        }))
        con = ws.connect(out / "voc.duckdb", read_only=True)
        got.append(con.execute(
            "SELECT statement_id, theme_id FROM statements WHERE is_friction ORDER BY 1"
        ).fetchall())
        con.close()
    assert members_path(cf).exists() and len(got[0]) > 50
    assert got[0] == got[1]

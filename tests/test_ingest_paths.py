"""ingest_paths and detect_kind: folder walks, skipping, errors, read = items + rejects."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from voc.errors import ConfigError, DataError
from voc.ingest import SourceOptions, detect_kind, ingest_paths

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.eml", "email"),
        ("a.MBOX", "email"),
        ("a.txt", "transcript"),
        ("a.vtt", "transcript"),
        ("a.srt", "transcript"),
        ("a.csv", "survey"),
        ("a.xlsx", "survey"),
    ],
)
def test_detect_kind(name: str, kind: str) -> None:
    assert detect_kind(Path(name)) == kind


def test_detect_kind_unknown_names_file() -> None:
    with pytest.raises(DataError, match=r"notes\.pdf: unsupported file type '\.pdf'"):
        detect_kind(Path("notes.pdf"))


def test_extensionless_mbox(tmp_path: Path) -> None:
    f = tmp_path / "Inbox"
    f.write_text("From a@b Mon Sep 14 09:00:00 2026\nFrom: a@b.example\n\nHello there\n")
    assert detect_kind(f) == "email"


def test_missing_path() -> None:
    with pytest.raises(DataError, match="nope/missing.csv: file not found"):
        ingest_paths([Path("nope/missing.csv")])


def test_unknown_kind() -> None:
    with pytest.raises(ConfigError, match="unknown source kind 'chat'"):
        ingest_paths([FIXTURES], kind="chat")


def test_whole_tree(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(FIXTURES, root)
    (root / "README.md").write_text("# about")
    (root / "notes.md").write_text("x")
    (root / "gen.py").write_text("x = 1")
    (root / ".hidden.csv").write_text("x")
    (root / ".cache").mkdir()
    (root / ".cache" / "a.eml").write_text("x")
    (root / "logo.png").write_bytes(b"\x89PNG")
    result = ingest_paths([root], options=SourceOptions(agent_domains=["ledgerly.com"]))
    assert result.read == len(result.items) + len(result.rejects)
    # 8 e-mails, 8 survey answers, 7 transcript turns; one French e-mail, one German e-mail
    # and one French survey answer are rejected as not in a supported language
    assert len(result.items) == 8 + 8 + 7 - 3
    assert sum("not supported (supported: en)" in r.reason for r in result.rejects) == 3
    assert f"skipped {root / 'logo.png'}: unsupported type" in result.notes
    assert not any("README" in n or ".md" in n or ".py" in n or "hidden" in n for n in result.notes)
    paths = [i.source_path for i in result.items]
    assert paths == sorted(paths)  # deterministic order: sorted walk
    assert {i.source_kind for i in result.items} == {"email", "transcript", "survey"}
    assert len({i.item_id for i in result.items}) == len(result.items)


def test_fixed_kind_skips_other_files_in_folders() -> None:
    result = ingest_paths([FIXTURES], kind="survey")
    assert {i.source_kind for i in result.items} == {"survey"}
    assert any(n.endswith("support.mbox: not a survey file") for n in result.notes)


def test_explicit_file_and_rerun_is_deterministic() -> None:
    paths = [FIXTURES / "transcripts" / "p1.txt", FIXTURES / "emails" / "html_only.eml"]
    a, b = ingest_paths(paths), ingest_paths(paths)
    assert [i.item_id for i in a.items] == [i.item_id for i in b.items]
    assert a.items[0].source_path == str(paths[0])


def test_options_forbid_unknown_keys() -> None:
    with pytest.raises(ValueError, match="agent_domain"):
        SourceOptions(agent_domain=["x.com"])  # type: ignore[call-arg]


def test_broken_files_each_rejected_once(tmp_path: Path) -> None:
    (tmp_path / "a.xlsx").write_bytes(b"not a zip")
    (tmp_path / "b.vtt").write_bytes(b"garbage\x00\x01")
    (tmp_path / "c.eml").write_bytes(bytes(range(256)))
    (tmp_path / "d.csv").write_text('a,b\n"unterminated,1\n')
    shutil.copy(FIXTURES / "transcripts" / "p3.srt", tmp_path / "e.srt")
    result = ingest_paths([tmp_path])
    reasons = {Path(r.source_path).name: r.reason for r in result.rejects if r.source_ref == "file"}
    assert set(reasons) == {"a.xlsx", "b.vtt", "c.eml", "d.csv"}
    assert reasons["a.xlsx"].startswith("not a valid Excel workbook")
    assert reasons["b.vtt"].startswith("not a valid WebVTT file")
    assert reasons["d.csv"].startswith("cannot read table")
    assert all("\n" not in r for r in reasons.values())
    assert len(result.items) == 2  # the good transcript still read

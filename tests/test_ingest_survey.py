"""Survey reader: column roles, one record per (row, text column), blanks, overrides."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from voc.errors import ConfigError
from voc.ingest import SourceOptions, ingest_paths
from voc.ingest.survey import read_survey_file
from voc.records import IngestResult

SURVEYS = Path(__file__).parent / "fixtures" / "ingest" / "surveys"
REASON = "What is the main reason for your score?"
IMPROVE = "What could we improve?"
NPS = "How likely are you to recommend Ledgerly? (0-10)"


@pytest.fixture(scope="module")
def nps() -> IngestResult:
    return read_survey_file(SURVEYS / "nps.csv")  # cp1252, ';'-delimited


def test_columns_detected(nps: IngestResult) -> None:
    note = nps.notes[0]
    assert f"text = '{REASON}', '{IMPROVE}'" in note
    assert f"score = '{NPS}' (nps)" in note
    assert "date = 'Submitted At'" in note and "id = 'Response ID'" in note
    assert "attributes = 'Plan', 'Region'" in note  # not Email or Name


def test_one_record_per_row_and_text_column(nps: IngestResult) -> None:
    assert nps.read == 10
    assert len(nps.items) == 7
    refs = {r.source_ref: r.reason for r in nps.rejects}
    assert refs == {
        f"row 2: {IMPROVE}": "empty answer",
        f"row 3: {IMPROVE}": "empty answer",  # "N/A"
        f"row 5: {REASON}": "empty answer",
    }


def test_item_fields(nps: IngestResult) -> None:
    item = nps.items[0]
    assert item.source_ref == f"row 1: {REASON}"
    assert item.question == REASON
    assert item.text == "I was charged twice and the refund took weeks."
    assert item.score == 3.0 and item.score_kind == "nps"
    assert item.author == "dana@acme-corp.com"
    assert item.names == ["Dana Whitfield"]
    assert item.attributes == {"plan": "Premium", "region": "EU"}
    assert item.created_at == datetime(2026, 9, 1, 10, 0)
    assert item.channel == "survey" and item.source_kind == "survey"


def test_encoding_detected(nps: IngestResult) -> None:
    assert any(i.text == "Réglages de TVA déroutants, mais ça marche." for i in nps.items)


def test_blank_score_is_none(nps: IngestResult) -> None:
    last = nps.items[-1]
    assert last.source_ref == f"row 5: {IMPROVE}"
    assert last.score is None and last.score_kind == ""


def test_no_text_column_rejects_file_and_others_go_on() -> None:
    result = ingest_paths([SURVEYS])
    (bad,) = [r for r in result.rejects if r.source_ref == "file"]
    assert bad.source_path.endswith("no_text.csv") and bad.category == "invalid"
    assert bad.reason == "no open-ended text column found (name one with --text-column)"
    assert len(result.items) == 6  # + one French answer rejected as an unsupported language
    assert [r.reason for r in result.rejects if "language" in r.reason] == [
        "language 'fr' not supported (supported: en)"
    ]


def test_overrides_and_unknown_column(tmp_path: Path) -> None:
    opts = SourceOptions(text_columns=[IMPROVE], attribute_columns=["region"], score_kind="rating")
    result = read_survey_file(SURVEYS / "nps.csv", opts)
    assert {i.question for i in result.items} == {IMPROVE}
    assert result.items[0].attributes == {"region": "EU"}
    assert result.items[0].score_kind == "rating"
    with pytest.raises(ConfigError, match="'Feedback' not found; available columns: Response ID"):
        read_survey_file(SURVEYS / "nps.csv", SourceOptions(text_columns=["Feedback"]))


def _xlsx(tmp_path: Path) -> Path:
    df = pd.DataFrame(
        {
            "respondent": ["a1", "a2", "a3", "a4"],
            "CSAT": [1, 5, 4, 2],
            "Date": pd.to_datetime(["2026-08-01", "2026-08-02", "2026-08-03", "2026-08-04"]),
            "Segment": ["SMB", "SMB", "Mid", "Mid"],
            "Comments": [
                "Support took five days to answer my ticket.",
                "",
                "Love the dashboard but exports are slow.",
                "Pricing changed without any notice at all.",
            ],
        }
    )
    path = tmp_path / "csat.xlsx"
    df.to_excel(path, index=False)
    return path


def test_xlsx_csat(tmp_path: Path) -> None:
    result = read_survey_file(_xlsx(tmp_path))
    refs = [i.source_ref for i in result.items]
    assert refs == ["row 1: Comments", "row 3: Comments", "row 4: Comments"]
    first = result.items[0]
    assert first.score == 1.0 and first.score_kind == "csat"
    assert first.author == "a1" and first.attributes == {"segment": "SMB"}
    assert first.created_at == datetime(2026, 8, 1)
    assert [r.source_ref for r in result.rejects] == ["row 2: Comments"]


def test_rating_and_author_fallback(tmp_path: Path) -> None:
    f = tmp_path / "r.csv"
    f.write_text(
        "Rating\tFeedback\n4\tThe onboarding checklist was really helpful\n"
        "2\tCould not find where to change my billing address\n",
    )
    result = read_survey_file(f)
    assert [i.score_kind for i in result.items] == ["rating", "rating"]
    assert result.items[0].author == f"{f} row 1"


def test_empty_csv_rejected(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_text("")
    result = ingest_paths([tmp_path])
    assert [(r.source_ref, r.reason) for r in result.rejects] == [("file", "empty file")]

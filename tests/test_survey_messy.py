"""Survey exports as Qualtrics, SurveyMonkey, Google Forms and hand-kept Excel sheets give them
(QA round 10). The CSV fixtures in tests/fixtures/surveys_messy/ are written for these tests;
the workbooks are built here with openpyxl."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from voc.errors import ConfigError
from voc.ingest.options import SourceOptions
from voc.ingest.survey import read_survey_file
from voc.ingest.survey_values import age_band, excel_serials, iso_offsets, score_number

FIX = Path(__file__).parent / "fixtures" / "surveys_messy"


def test_qualtrics_three_header_rows() -> None:
    res = read_survey_file(FIX / "qualtrics_export.csv")
    assert res.read == 4  # four respondents: the question-text and ImportId rows are not
    assert [it.source_ref for it in res.items] == [
        "row 1: What could we do better?",
        "row 2: What could we do better?",
        "row 4: What could we do better?",
    ]
    first = res.items[0]
    assert first.question == "What could we do better?"
    assert (first.score, first.score_kind) == (5.0, "csat")  # "Very satisfied"
    assert [it.score for it in res.items] == [5.0, 2.0, 1.0]
    assert first.attributes == {"what_is_your_age": "25-34", "which_plan_are_you_on": "Pro"}
    assert first.created_at == datetime(2026, 3, 2, 9, 14, 3)
    assert "\n" in res.items[2].text  # a multi-line answer keeps its line break
    assert res.rejects[0].reason == "empty answer"


def test_qualtrics_question_id_still_names_a_column() -> None:
    by_id = read_survey_file(FIX / "qualtrics_export.csv", SourceOptions(text_columns=["Q4"]))
    assert [it.question for it in by_id.items] == ["What could we do better?"] * 3
    with pytest.raises(ConfigError, match="not found"):
        read_survey_file(FIX / "qualtrics_export.csv", SourceOptions(text_columns=["Q9"]))


def test_google_forms_gmt_offsets() -> None:
    res = read_survey_file(FIX / "google_forms_gmt.csv")
    assert [it.created_at for it in res.items] == [
        datetime(2026, 3, 2, 8, 15, 2),  # 9:15 AM GMT+1 = 8:15 UTC (not 10:15)
        datetime(2026, 3, 2, 22, 40, 19),
        datetime(2026, 3, 3, 13, 1, 55),  # 8:01 AM GMT-5
    ]
    assert [it.attributes["age"] for it in res.items] == ["25-34", "45-54", "35-44"]


def _excel_with_title(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Customer feedback survey - spring 2026 (export)"])
    ws.append([])
    ws.append(["Response #", "Submitted", "How likely are you to recommend us? (0-10)", "Age",
               "Plan", "Comments", "Length"])
    rows = [
        (1, 46084.3951, "9 - Very likely", "34", "Pro",
         "Reports are great.\nThe bank sync breaks every Monday though."),
        (2, 46085.5, "10 - Extremely likely", 41, "Free", "Setup took five minutes, lovely."),
        (3, 46086.25, "3", "67", "Pro", "I was charged twice and nobody answered my emails."),
    ]
    for k, row in enumerate(rows):
        ws.append([*row, f"=LEN(F{4 + k + (1 if k == 2 else 0)})"])
        if k == 1:
            ws.append([])  # a blank row between pasted blocks
    ws.append([])
    ws.append(["Total responses", None, None, None, None, None, "=COUNTA(F4:F7)"])
    wb.save(path)
    return path


def test_excel_title_rows_labels_serials_and_total(tmp_path: Path) -> None:
    res = read_survey_file(_excel_with_title(tmp_path / "sheet.xlsx"))
    assert [it.question for it in res.items] == ["Comments"] * 3
    assert [it.score for it in res.items] == [9.0, 10.0, 3.0]
    assert {it.score_kind for it in res.items} == {"nps"}
    assert res.items[0].created_at == datetime(2026, 3, 3, 9, 28, 56)
    assert [it.attributes for it in res.items] == [
        {"age": "25-34", "plan": "Pro"},
        {"age": "35-44", "plan": "Free"},
        {"age": "65+", "plan": "Pro"},
    ]
    assert res.items[0].text.splitlines()[1] == "The bank sync breaks every Monday though."
    # the total row is read and rejected with its reason, not taken for a respondent
    assert res.read == 4
    assert [r.reason for r in res.rejects] == [
        "summary row ('Total responses'), not a response"
    ]


def test_surveymonkey_labels_and_last_name(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Respondent ID", "Collector ID", "Start Date", "First Name", "Last Name",
               "How satisfied were you with your order?", "What could we improve?"])
    ws.append([None, None, None, None, None, "Response", "Open-Ended Response"])
    ws.append([114000001, 4321, datetime(2026, 3, 2, 9, 0), "Dana", "Whitfield",
               "Very satisfied", "Nothing really, Whitfield here, happy customer of six years."])
    ws.append([114000002, 4321, datetime(2026, 3, 2, 9, 5), "Omar", "Haddad",
               "Very dissatisfied", "Mr Haddad is me, and my refund never arrived."])
    ws.append([114000003, 4321, datetime(2026, 3, 2, 9, 7), "", "",
               "Neither satisfied nor dissatisfied", "The pricing page is confusing."])
    path = tmp_path / "sm.xlsx"
    wb.save(path)
    res = read_survey_file(path)
    assert [it.score for it in res.items] == [5.0, 1.0, 3.0]
    assert res.items[0].score_kind == "csat"
    assert res.items[0].names == ["Dana Whitfield"]
    assert res.items[1].names == ["Omar Haddad"]
    assert res.items[0].attributes == {}  # Collector ID is the tool's, not a segment
    from voc.redact import redact

    assert redact(res.items[1].text, res.items[1].names) == (
        "[NAME] is me, and my refund never arrived."
    )


@pytest.mark.parametrize(
    ("cell", "number"),
    [("9 - Very likely", 9.0), ("0 - Not at all likely", 0.0), ("Very satisfied", 5.0),
     ("somewhat dissatisfied", 2.0), ("4 stars", 4.0), ("7", 7.0), ("great", None), ("", None)],
)
def test_score_number(cell: str, number: float | None) -> None:
    assert score_number(cell) == number


def test_value_helpers() -> None:
    assert [age_band(v) for v in ("17", "18", "24", "25", "64", "65", "n/a")] == [
        "under 18", "18-24", "18-24", "25-34", "55-64", "65+", "n/a"]
    assert excel_serials(["46084.5", ""]) == ["2026-03-03T12:00:00", ""]
    assert excel_serials(["46084.5", "12"]) is None  # not every cell a serial: not dates
    assert iso_offsets("2026/03/02 9:15:02 AM GMT+1") == "2026/03/02 9:15:02 AM +01:00"
    assert pd.Timestamp(iso_offsets("2026-03-02 09:15 UTC-05:30")).utcoffset() is not None


def test_csv_title_line_above_header() -> None:
    res = read_survey_file(FIX / "title_row.csv")
    assert res.read == 3
    assert [it.question for it in res.items] == ["Comments"] * 3
    assert [it.score for it in res.items] == [9.0, 3.0, 10.0]
    assert [it.attributes for it in res.items] == [{"plan": "Pro"}, {"plan": "Free"},
                                                   {"plan": "Pro"}]

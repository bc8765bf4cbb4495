"""Survey exports: SurveyMonkey two-row headers, Typeform, Google Forms and .xlsx."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from voc.ingest import ingest_paths
from voc.ingest.options import SourceOptions

FIX = Path(__file__).parent / "fixtures" / "surveys"


def test_surveymonkey_two_row_header() -> None:
    res = ingest_paths([FIX / "surveymonkey_export.csv"])
    refs = [r.source_ref for r in res.records()]
    assert refs == [
        "row 1: What is the main reason for your score?",
        "row 2: What is the main reason for your score?",
        "row 3: What is the main reason for your score?",
    ]
    first = res.items[0]
    assert first.score == 3.0 and first.score_kind == "nps"
    assert first.attributes["which_plan_are_you_on"] == "Premium"
    assert first.attributes["what_features_do_you_use"] == "Invoices, Bank sync"
    assert first.created_at is not None and first.created_at.day == 2
    assert first.author == "dana@acme-corp.com"
    assert not any("ip" in k for k in first.attributes)  # IP Address is personal data
    assert res.rejects[0].reason == "empty answer"


def test_typeform_export() -> None:
    res = ingest_paths([FIX / "typeform_export.csv"])
    assert len(res.items) == 3
    item = res.items[0]
    assert item.question == "What was the hardest part of getting started?"
    assert item.score == 2.0 and item.score_kind == "rating"
    assert item.attributes == {"what_is_your_company_size": "1-10"}
    assert item.author == "8x7kq2m1p0rst9uv"  # the "#" response token is the id


def test_google_forms_export() -> None:
    res = ingest_paths([FIX / "google_forms_export.csv"])
    assert [i.score for i in res.items] == [4.0, 8.0]
    assert res.items[0].created_at is not None and res.items[0].created_at.hour == 10
    assert res.items[1].attributes == {"which_region_are_you_in": "APAC"}
    assert res.rejects[0].source_ref == "row 3: What should we improve first?"


def test_xlsx_with_override(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["id", "plan", "csat", "comment", "notes"])
    ws.append([1, "Pro", 2, "The bank feed has been broken for a week now", "call back"])
    ws.append([2, "Free", 5, "Love the new invoice templates, very clean", ""])
    path = tmp_path / "csat.xlsx"
    wb.save(path)
    res = ingest_paths([path], options=SourceOptions(text_columns=["comment"], score_kind="csat"))
    assert [i.text for i in res.items] == [
        "The bank feed has been broken for a week now",
        "Love the new invoice templates, very clean",
    ]
    assert res.items[0].score == 2.0 and res.items[0].score_kind == "csat"
    assert res.items[0].attributes.get("plan") == "Pro"

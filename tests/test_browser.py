"""The HTML report in a real headless Chromium: screenshot, console, filters, hostile text.

Chromium comes from the distribution (``make test`` installs Debian's ``chromium`` when it runs
as root); it is driven with Playwright's Python API and never downloaded by Playwright.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from test_report import build_workspace

from voc.report import write_reports

CHROMIUM = os.environ.get("VOC_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
)
if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
    pytest.skip(
        f"{CHROMIUM} not found: run `make test` as root to apt-get install chromium",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def report_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("browser")
    con = build_workspace(tmp / "ws.duckdb")  # its quotes hold <script>, onerror= and javascript:
    paths = write_reports(con, tmp / "out", ["html"])
    con.close()
    return paths[0].resolve().as_uri()


@pytest.fixture
def page(browser, report_url):
    pg = browser.new_page(viewport={"width": 1280, "height": 900})
    events: dict[str, list[str]] = {"errors": [], "dialogs": [], "requests": []}
    pg.on("console", lambda m: m.type == "error" and events["errors"].append(m.text))
    pg.on("pageerror", lambda e: events["errors"].append(str(e)))
    pg.on("dialog", lambda d: (events["dialogs"].append(d.message), d.dismiss()))
    pg.on("request", lambda r: events["requests"].append(r.url))
    pg.goto(report_url)
    pg.wait_for_load_state("load")
    pg.events = events  # type: ignore[attr-defined]
    yield pg
    pg.close()


def test_screenshot_and_no_console_errors(page, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    assert page.events["errors"] == []  # includes CSP violations: our script is allowed by hash
    assert all(u.startswith(("file:", "data:")) for u in page.events["requests"])
    assert page.is_visible("#filters")  # shown by the script, so the script ran
    assert page.locator(".journey > .stage").count() == 6
    assert page.locator("svg.chart-journey").count() == 1


def _visible_rows(page) -> list[str]:
    return page.eval_on_selector_all(
        "table.ranked tbody tr",
        "rows => rows.filter(r => !r.hidden).map(r => r.cells[1].innerText)",
    )


def test_source_filter_changes_what_is_shown(page) -> None:
    before_rows = _visible_rows(page)
    before_quotes = page.locator("details.quote:visible").count()
    stage_before = page.inner_text(".journey > .stage:nth-child(1) .fcount")
    page.select_option("#f-source", "transcript")
    assert "Showing" in page.inner_text("#f-status")
    after_quotes = page.locator("details.quote:visible").count()
    assert 0 < after_quotes < before_quotes
    sources = page.eval_on_selector_all(
        "details.quote", "qs => qs.filter(q => !q.hidden).map(q => q.dataset.source)"
    )
    assert set(sources) == {"transcript"}
    assert page.inner_text(".journey > .stage:nth-child(1) .fcount") != stage_before
    assert len(_visible_rows(page)) <= len(before_rows)
    page.click("#f-reset")
    assert _visible_rows(page) == before_rows
    assert page.locator("details.quote:visible").count() == before_quotes


def test_segment_filter_hides_quotes_of_other_segments(page) -> None:
    page.select_option("#f-segment", "plan=Basic")
    visible = page.eval_on_selector_all(
        "details.quote", "qs => qs.filter(q => !q.hidden).map(q => q.dataset.segments)"
    )
    assert visible and all('"plan=Basic"' in v for v in visible)
    counts = page.eval_on_selector_all(
        "table.ranked tbody tr", "rows => rows.map(r => r.querySelector('.fcount').innerText)"
    )
    assert counts != ["5", "5", "5"]  # each theme shows only its Basic-plan statements


def test_hostile_text_runs_nothing(page) -> None:
    for d in page.locator("details.quote").all():
        d.evaluate("el => { el.open = true; }")
    page.mouse.move(400, 400)
    page.wait_for_timeout(200)
    text = page.inner_text("main")
    assert "<script>alert(1)</script> the checkout | broke" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert page.events["dialogs"] == []
    assert page.locator("main script, main img, main iframe").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.evaluate("document.scripts.length") == 1
    assert page.events["errors"] == []


def test_print_layout_hides_controls_and_opens_quotes(page, tmp_path: Path) -> None:
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert not page.is_visible("#filters")
    assert page.locator("details.quote[open]").count() == page.locator("details.quote").count()
    pdf = page.pdf(path=str(tmp_path / "report.pdf"), format="A4")
    assert pdf[:5] == b"%PDF-" and len(pdf) > 20_000
    assert page.events["errors"] == []

"""Screenshots of a rendered report for the docs, taken with the distribution's Chromium.

    python docs/make_screenshots.py out/report.html docs

Writes ``report-top.png`` (journey map, viewport), ``report-themes.png`` (ranked themes) and
``report-theme.png`` (the top theme with its quotes) and ``report-filtered.png`` (the same
page filtered to survey answers).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main(report: str, out_dir: str) -> int:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 1000}, device_scale_factor=1)
        page.goto(Path(report).resolve().as_uri())
        page.screenshot(path=str(out / "report-top.png"))
        page.locator("#themes").scroll_into_view_if_needed()
        page.evaluate("document.getElementById('themes').scrollIntoView()")
        page.screenshot(path=str(out / "report-themes.png"))
        page.evaluate("document.getElementById('theme-1').scrollIntoView()")
        page.screenshot(path=str(out / "report-theme.png"))
        page.select_option("#f-source", "survey")
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(out / "report-filtered.png"))
        browser.close()
    for name in ("report-top.png", "report-themes.png", "report-theme.png", "report-filtered.png"):
        print(f"wrote {out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))

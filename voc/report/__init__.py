"""The journey friction report: Markdown and self-contained HTML, rendered from a workspace.

Example::

    from voc.workspace import connect
    from voc.report import write_reports

    con = connect("out/voc.duckdb", read_only=True)
    write_reports(con, Path("out"))          # out/report.html, out/report.md

Rendering is deterministic: the same workspace gives byte-identical files. The
only time shown is the run's own ``started_at``.
"""

from __future__ import annotations

from voc.report.load import load_report_data
from voc.report.model import ReportData
from voc.report.render import render_html, render_markdown, write_reports

__all__ = ["ReportData", "load_report_data", "render_html", "render_markdown", "write_reports"]

"""Render :class:`ReportData` to Markdown and to one self-contained HTML file.

Two Jinja2 environments share the package's templates: the HTML one autoescapes
every value; the Markdown one escapes every printed value through
:func:`voc.report.fmt.md_finalize`, so customer text can never become markup,
links or table cells in either format.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import duckdb
import jinja2
from markupsafe import Markup

from voc.errors import ConfigError
from voc.report import fmt
from voc.report.load import load_report_data
from voc.report.methods import method_notes
from voc.report.model import ReportData
from voc.report.visuals import build_visuals

FORMATS: dict[str, str] = {"html": "report.html", "md": "report.md"}
ALIASES: dict[str, str] = {"markdown": "md", "htm": "html"}

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
COLOURS: dict[str, str] = {"negative": "#D55E00", "neutral": "#999999", "positive": "#0072B2"}


def _filters() -> dict[str, object]:
    return {
        "num": fmt.num,
        "pct": fmt.pct,
        "signed": fmt.signed,
        "dec": fmt.dec,
        "md": fmt.md,
        "raw": fmt.Raw,
    }


def _globals() -> dict[str, object]:
    return {"colours": COLOURS}


@lru_cache(maxsize=2)
def _env(kind: str) -> jinja2.Environment:
    """The Jinja2 environment for ``"html"`` or ``"md"`` (built once per process)."""
    options: dict[str, object] = {
        "loader": jinja2.PackageLoader("voc.report", "templates"),
        "undefined": jinja2.StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }
    if kind == "html":
        env = jinja2.Environment(autoescape=True, **options)  # type: ignore[arg-type]
    else:
        env = jinja2.Environment(autoescape=False, finalize=fmt.md_finalize, **options)  # type: ignore[arg-type]  # noqa: E501
    env.filters.update(_filters())
    env.globals.update(_globals())
    return env


def _context(data: ReportData) -> dict[str, object]:
    return {"data": data, "run": data.run, "notes": method_notes(data)}


SCRIPT_HASH_MARK = "@VOC_SCRIPT_HASH@"
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def _script_text() -> str:
    return (files("voc.report") / "templates" / "filters.js").read_text(encoding="utf-8")


def _pin_script(html: str) -> str:
    """Allow exactly the report's own inline script in the Content-Security-Policy.

    The policy lists the SHA-256 of the script as it stands in the final file, so anything
    else that might ever end up as script (it cannot: all text is escaped) would not run.
    """
    found = _SCRIPT.search(html)
    digest = hashlib.sha256(found.group(1).encode("utf-8")).digest() if found else b""
    token = base64.b64encode(digest).decode("ascii") if found else "none"
    return html.replace(SCRIPT_HASH_MARK, token, 1)


def _tidy(text: str) -> str:
    """Strip trailing spaces and runs of blank lines; end with exactly one newline."""
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n") + "\n"


def render_markdown(data: ReportData) -> str:
    """The report as Markdown (GitHub-flavoured tables, blockquoted customer quotes)."""
    return _tidy(_env("md").get_template("report.md.j2").render(_context(data)))


def render_html(data: ReportData) -> str:
    """The report as one self-contained HTML page: inline CSS, SVG and script, no requests."""
    context = _context(data)
    context["visuals"] = build_visuals(data)
    context["script"] = Markup(_script_text())
    context["script_hash_mark"] = SCRIPT_HASH_MARK
    html = _tidy(_env("html").get_template("report.html.j2").render(context))
    return _pin_script(html)


def _formats(formats: Sequence[str]) -> list[str]:
    out: list[str] = []
    for raw in formats:
        name = ALIASES.get(raw.strip().lower(), raw.strip().lower())
        if name not in FORMATS:
            known = ", ".join(FORMATS)
            raise ConfigError(f"report format {raw!r} is not supported (use one of: {known})")
        if name not in out:
            out.append(name)
    return out


def write_reports(
    con: duckdb.DuckDBPyConnection,
    out_dir: Path,
    formats: Sequence[str] = ("html", "md"),
) -> list[Path]:
    """Render the workspace's report and write ``out_dir/report.html`` and/or ``report.md``.

    Returns the written paths in the order of ``formats``. Example::

        paths = write_reports(connect("out/voc.duckdb"), Path("out"))
    """
    names = _formats(formats)
    data = load_report_data(con)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    render = {"html": render_html, "md": render_markdown}
    paths: list[Path] = []
    for name in names:
        path = out / FORMATS[name]
        path.write_text(render[name](data), encoding="utf-8", newline="\n")
        paths.append(path)
    return paths

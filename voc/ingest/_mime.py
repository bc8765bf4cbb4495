"""MIME helpers: body text of a message (plain preferred, else HTML), attachments, names."""

from __future__ import annotations

import logging
import re
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.utils import getaddresses

from bs4 import BeautifulSoup, NavigableString, Tag

from voc.ingest._text import decode_bytes

logger = logging.getLogger(__name__)

_BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "tr",
    "li",
    "ul",
    "ol",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "hr",
    "section",
    "article",
    "header",
    "footer",
)


def decode_header_value(value: object) -> str:
    """Header text with RFC 2047 encoded words decoded and folding undone; never raises."""
    raw = re.sub(r"\r?\n[ \t]+", " ", str(value))
    if "=?" not in raw:
        return raw
    try:
        return str(make_header(decode_header(raw)))
    except Exception:  # a malformed encoded word: keep the raw text
        return raw


def header(msg: Message, name: str) -> str:
    """Decoded value of header ``name`` ('' when absent or unreadable)."""
    try:
        value = msg.get(name)
    except Exception:  # a header so broken it cannot be read
        return ""
    return "" if value is None else decode_header_value(value)


def html_to_text(html: str) -> str:
    """Readable text from HTML: drop scripts, styles and quoted blocks; keep line breaks."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "head", "title", "meta", "noscript"]):
        tag.decompose()
    # Quoted history in Gmail / Apple Mail / Thunderbird HTML; the text rules catch the rest.
    for tag in soup.select("blockquote, div.gmail_quote, div.moz-cite-prefix, div#divRplyFwdMsg"):
        tag.decompose()
    # Source line breaks inside HTML text are just spaces; <br> and blocks make the lines.
    for node in soup.find_all(string=True):
        if type(node) is NavigableString and not node.find_parent("pre"):  # not comments
            node.replace_with(re.sub(r"\s+", " ", str(node)))
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for li in soup.find_all("li"):
        li.insert(0, "- ")
    for tag in soup.find_all(_BLOCK_TAGS):
        if isinstance(tag, Tag):
            tag.insert_before("\n")
            tag.insert_after("\n")
    for cell in soup.find_all(["td", "th"]):
        cell.insert_after(" ")
    text = soup.get_text()
    return re.sub(r"\n[ \t]*(?=\n)", "\n", text)


def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        text, _ = decode_bytes(payload, part.get_content_charset())
    else:  # not decodable as bytes (odd structure): fall back to the raw payload
        raw = part.get_payload()
        text = raw if isinstance(raw, str) else ""
    if part.get_content_type() == "text/html":
        text = html_to_text(text)
    return text


def _is_attachment(part: Message) -> bool:
    if part.is_multipart():
        return False
    disposition = (part.get_content_disposition() or "").lower()
    if disposition == "attachment":
        return True
    return bool(part.get_filename()) and part.get_content_maintype() != "text"


def body_text(msg: Message) -> tuple[str, int]:
    """Body text of ``msg`` (text/plain preferred, else text/html) and its attachment count."""
    attachments = sum(1 for p in msg.walk() if _is_attachment(p))
    body: Message | None = None
    if isinstance(msg, EmailMessage):
        body = msg.get_body(preferencelist=("plain", "html"))
    if body is None:
        texts = [
            p
            for p in msg.walk()
            if p.get_content_maintype() == "text"
            and not _is_attachment(p)
            and p.get_content_subtype() in ("plain", "html")
        ]
        plain = [p for p in texts if p.get_content_subtype() == "plain"]
        body = (plain or texts or [None])[0]
    if body is None:
        return "", attachments
    return _part_text(body), attachments


_ROLE_WORDS = {
    "support",
    "team",
    "help",
    "helpdesk",
    "billing",
    "noreply",
    "no-reply",
    "info",
    "sales",
    "admin",
    "service",
    "customer",
    "care",
    "notifications",
    "mailer",
    "daemon",
    "accounts",
}


_ADDRESS_HEADERS = ("From", "To", "Cc", "Reply-To")


def person_names(msg: Message, headers: tuple[str, ...] = _ADDRESS_HEADERS) -> list[str]:
    """Display names in the address headers that look like people (not "Ledgerly Support")."""
    values = [str(v) for h in headers for v in (msg.get_all(h) or [])]
    names: list[str] = []
    for display, _addr in getaddresses(values):
        display = decode_header_value(display).strip().strip('"').strip()
        # "Priya at Ledgerly", "Priya from Ledgerly Support", "Priya (Ledgerly)" -> "Priya"
        display = re.split(r"\s+(?:at|from|via|@|\||-|–)\s+|\s*\(", display)[0].strip()
        if "," in display:  # "Whitfield, Dana"
            last, _, first = display.partition(",")
            display = f"{first.strip()} {last.strip()}".strip()
        words = display.split()
        if not words or len(words) > 4 or "@" in display:
            continue
        if any(w.lower().strip(".") in _ROLE_WORDS for w in words):
            continue
        capitalised = [re.fullmatch(r"[A-ZÀ-Þ][\w'’.-]*", w) for w in words]
        # "Jan de Vries", "Ludwig van Beethoven": a particle between capitalised words
        middle = zip(capitalised[1:-1], words[1:-1], strict=True)
        inner = all(c or w in _PARTICLES for c, w in middle)
        if capitalised[0] and capitalised[-1] and inner and display not in names:
            names.append(display)
    return names


_PARTICLES = {"de", "van", "der", "den", "von", "da", "di", "del", "della", "la", "le", "du",
              "dos", "das", "ten", "ter", "y", "bin", "al"}

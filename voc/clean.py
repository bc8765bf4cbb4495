"""Cleaning of customer text: quoted replies, signatures and whitespace.

These are pure string functions; the readers call them and keep the result
(cleaned, not yet redacted) as the item text.

Example::

    >>> strip_quoted_reply("Still broken.\\nOn 14 Sep 2026, Ann <a@x.com> wrote:\\n> Hi")
    'Still broken.'
"""

from __future__ import annotations

import logging
import re
import unicodedata
from typing import NamedTuple

logger = logging.getLogger(__name__)

# --- whitespace -----------------------------------------------------------------------------

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")


_NOT_SIMPLE = re.compile(r"[\t\n\r\f\v]|  ")


def normalize_whitespace(text: str) -> str:
    """NFC-normalise, unify line ends, collapse runs of spaces and blank lines, trim.

    Line breaks are kept (a single blank line separates paragraphs).
    """
    if text.isascii() and _NOT_SIMPLE.search(text) is None:
        # ASCII is NFC already and has no invisible or exotic spaces; one line with no run
        # of spaces or tabs: nothing below changes it but the final trim.
        return text.strip()
    return _normalize(text)


def _normalize(text: str) -> str:
    """:func:`normalize_whitespace`, every step."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _INVISIBLE.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_NEWLINES.sub("\n\n", "\n".join(lines)).strip()


_LIST_ITEM = re.compile(r"^(?:[-*\u2022]\s|\d{1,2}[.)]\s)")


def unwrap_lines(text: str) -> str:
    """Join hard-wrapped lines inside paragraphs (mail clients wrap at ~72 columns).

    A line break is kept after a very short line or one ending in punctuation, and before
    list items, so greetings, lists and deliberate breaks survive.
    """
    out: list[str] = []
    for para in normalize_whitespace(text).split("\n\n"):
        lines = para.split("\n")
        joined = lines[0]
        for prev, line in zip(lines, lines[1:], strict=False):
            keep_break = (
                len(prev) < 25 or prev.endswith((".", "!", "?", ":", ";")) or _LIST_ITEM.match(line)
            )
            if keep_break:
                joined += "\n" + line
            elif re.search(r"[^\W\d_]-$", prev):  # "re-" + "entering": a wrapped compound
                joined += line
            else:
                joined += " " + line
        out.append(joined)
    return "\n\n".join(out)


# --- quoted replies ---------------------------------------------------------------------------

_WROTE = re.compile(
    r"^(?:On|Le|Am|El|Il|Op)\s.{0,250}?"
    r"(?:wrote|a écrit|schrieb|escribió|ha scritto|schreef)\s*:\s*$",
    re.IGNORECASE,
)
_REPLY_MARKERS = re.compile(
    r"^(?:-{2,}\s*(?:Original Message|Forwarded message|Reply message)\s*-{2,}"
    r"|Begin forwarded message:?"
    r"|_{10,}"
    r")\s*$",
    re.IGNORECASE,
)
_HEADER_LINE = re.compile(r"^\*?(From|Sent|Date|To|Cc|Subject)\s*:\*?\s*\S", re.IGNORECASE)
_QUOTED = re.compile(r"^\s*>")


def _is_outlook_header(lines: list[str], i: int) -> bool:
    """A ``From:`` line followed within 5 lines by ``Sent:``/``Date:`` and ``To:``/``Subject:``."""
    m = _HEADER_LINE.match(lines[i])
    if not m or m.group(1).lower() != "from":
        return False
    seen = set()
    for line in lines[i + 1 : i + 6]:
        h = _HEADER_LINE.match(line)
        if h:
            seen.add(h.group(1).lower())
    return bool(seen & {"sent", "date"}) and bool(seen & {"to", "subject"})


def _is_wrote_line(lines: list[str], i: int) -> bool:
    """Attribution line ("On <date>, <name> wrote:"), possibly wrapped over two lines."""
    line = lines[i].strip()
    if _WROTE.match(line) and re.search(r"\d", line):
        return True
    if i + 1 >= len(lines) or not re.search(r"\d", line):
        return False
    nxt = lines[i + 1].strip()
    if _WROTE.match(nxt) or len(nxt) > 100:
        return False
    return bool(_WROTE.match(f"{line} {nxt}"))


def strip_quoted_reply(text: str) -> str:
    """Remove quoted earlier messages from a reply, keeping the new text.

    Cuts at the first attribution line ("On ... wrote:", also wrapped over two lines),
    "-----Original Message-----", Outlook "From:/Sent:/To:" header blocks, "Begin forwarded
    message:" and Outlook's underscore rule; drops ``>``-quoted lines anywhere (inline replies
    between quotes are kept).
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    bare = [ln.strip().replace("\u00a0", " ") for ln in lines]
    kept: list[str] = []
    for i, line in enumerate(lines):
        if _REPLY_MARKERS.match(bare[i]) or _is_wrote_line(bare, i) or _is_outlook_header(bare, i):
            break
        if _QUOTED.match(line):
            continue
        kept.append(line)
    return "\n".join(kept).strip()


# --- signatures -------------------------------------------------------------------------------


class Stripped(NamedTuple):
    """Text with the signature removed, and person names found in the sign-off."""

    text: str
    names: list[str]


_SIGNOFF_WORDS = (
    r"thanks(?: (?:again|so much|in advance|a lot))?|thank you(?: (?:again|so much))?|many thanks"
    r"|thx|ty|best(?: regards| wishes)?|kind regards|warm regards|warmest regards|regards"
    r"|cheers|sincerely|yours(?: truly| sincerely)?|all the best|talk soon|cordially|br"
    r"|respectfully|take care|warmly|love|with thanks|with gratitude|speak soon|kind wishes"
    # other languages
    r"|merci|(?:bien )?cordialement|bien à vous|amitiés|(?:viele|liebe|beste|freundliche) grüße"
    r"|mit freundlichen grüßen|(?:viele|liebe) grüsse|gruß|grüße|lg|vg|mfg|un saludo|saludos"
    r"(?: cordiales)?|atentamente|cordiali saluti|saluti|cumprimentos|abraços|groetjes"
    r"|met vriendelijke groet|vänliga hälsningar|hälsningar|med venlig hilsen"
)
_SIGNOFF = re.compile(rf"^(?:{_SIGNOFF_WORDS})\s*[,.!]?\s*$", re.IGNORECASE)
_SIGNOFF_WITH_NAME = re.compile(
    rf"^(?:{_SIGNOFF_WORDS})\s*[,.!]?\s*[-–—]?\s*"
    r"(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})\s*$",
    re.IGNORECASE,
)
_HARD_SIGNATURE = re.compile(
    r"^(?:--\s*"
    r"|sent from my \w+.*"
    r"|sent from (?:mail|outlook|yahoo mail|gmail) for .*"
    r"|sent (?:from|via) (?:my )?(?:mobile|phone|iphone|ipad|android|samsung|galaxy|blackberry).*"
    r"|get outlook for .*"
    r"|(?:this|the) (?:e-?mail|message|communication)(?: message)?(?: \(?(?:and|including) any"
    r" attachments?\)?)? (?:and any attachments? )?(?:is|are|may be|contains?) .*confidential.*"
    r"|(?:this|the) (?:e-?mail|message) and any (?:files|attachments).*"
    r"|the information (?:contained )?in this (?:e-?mail|message).*"
    r"|confidentiality notice\b.*"
    r"|disclaimer:.*"
    r")$",
    re.IGNORECASE,
)
_NAME_TOKEN = r"[A-ZÀ-Þ][a-zà-ÿ'’-]+|[A-Z]\.?"
_NAME_LINE = re.compile(rf"^(?:{_NAME_TOKEN})(?:\s+(?:{_NAME_TOKEN})){{0,3}}$")
_NOT_NAMES = {
    "team",
    "support",
    "inc",
    "ltd",
    "llc",
    "corp",
    "gmbh",
    "co",
    "company",
    "customer",
    "the",
    "hi",
    "hello",
    "dear",
    "hey",
    "thanks",
    "thank",
    "regards",
    "best",
    "cheers",
    "please",
    "help",
    "urgent",
    "manager",
    "director",
    "founder",
    "ceo",
    "cto",
    "cfo",
    "owner",
    "sent",
    "from",
    "mobile",
    "office",
    "accounts",
    "billing",
    "finance",
    "operations",
}
_CONTACT = re.compile(
    r"(@|https?://|www\.|\+?\d[\d\s().-]{6,}\d|\b(?:tel|phone|mobile|cell|fax|ext)\b)",
    re.IGNORECASE,
)


def _looks_like_name(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > 40 or not _NAME_LINE.match(line):
        return False
    words = {w.strip(".").lower() for w in line.split()}
    return not (words & _NOT_NAMES)


def _is_sig_line(line: str) -> bool:
    """A short line as found in signature blocks: name, title, company, phone, address, URL."""
    s = line.strip()
    if _CONTACT.search(s) and len(s) <= 80:
        return True
    return 0 < len(s) <= 50 and not s.endswith(("?", "!")) and not re.search(r"[.!?]\s+\S", s)


def _names_in(line: str) -> list[str]:
    line = line.strip()
    return [line] if _looks_like_name(line) else []


def _trailing_block(lines: list[str], start: int) -> list[str]:
    """Non-empty lines from ``start`` to the end."""
    return [ln for ln in lines[start:] if ln.strip()]


def strip_signature(text: str) -> Stripped:
    """Remove a trailing signature block; return the text and names found in it.

    Handles the ``-- `` delimiter, "Sent from my iPhone", "Get Outlook for ...", legal
    disclaimers, sign-offs ("Thanks,", "Best,", "Regards,", "Cheers,") followed by 1-4 short
    lines (name, title, phone), "Thanks, Dana" on one line, and a bare name/title/contact block
    closing the message. The customer's sentences are kept: "Thanks for nothing." stays.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    names: list[str] = []
    # 1. hard delimiters: cut at the first one (not on the first line: nothing would remain)
    for i, line in enumerate(lines):
        if i > 0 and _HARD_SIGNATURE.match(line.strip().replace("\u00a0", " ")):
            if re.match(r"^--\s*$", line.strip()):
                after = _trailing_block(lines, i + 1)
                if after:
                    names += _names_in(after[0])
            lines = lines[:i]
            break
    while lines and not lines[-1].strip():
        lines.pop()
    nonempty = [i for i, ln in enumerate(lines) if ln.strip()]
    # 2. a sign-off within the last 5 non-empty lines, followed only by short lines
    for i in reversed(nonempty[-5:]):
        s = lines[i].strip()
        after = _trailing_block(lines, i + 1)
        if i == nonempty[0] or len(after) > 4 or not all(_is_sig_line(a) for a in after):
            continue
        m = _SIGNOFF_WITH_NAME.match(s)
        if not after and s.endswith(("!", ".")):
            continue  # a closing "Thanks!" with nothing after it is the customer's own words
        if _SIGNOFF.match(s) or (m and not after and _looks_like_name(m.group("name"))):
            if m and not _SIGNOFF.match(s):
                names.append(m.group("name"))
            elif after:
                names += _names_in(after[0])
            lines = lines[:i]
            return Stripped("\n".join(lines).strip(), _dedupe(names))
    # 3. no sign-off: a closing block whose first line is a name ("Dana Whitfield / Ops, Acme")
    for i in nonempty[-4:]:
        block = _trailing_block(lines, i)
        prev = lines[i - 1].strip() if i > 0 else ""
        boundary = prev == "" or prev.endswith((",", ".", "!"))
        if (
            i != nonempty[0]
            and boundary
            and _looks_like_name(lines[i])
            and all(_is_sig_line(b) for b in block)
        ):
            names += _names_in(lines[i])
            lines = lines[:i]
            break
    return Stripped("\n".join(lines).strip(), _dedupe(names))


def _dedupe(names: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for n in names:
        seen.setdefault(n.lower(), n)
    return list(seen.values())


_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|morning|good (?:morning|afternoon|evening))\s+"
    r"(?P<name>[A-ZÀ-Þ][a-zà-ÿ'’-]+(?: [A-ZÀ-Þ][a-zà-ÿ'’-]+)?)\s*[,!.:]?",
    re.IGNORECASE,
)


def greeting_names(text: str) -> list[str]:
    """Names addressed in a greeting line ("Hi Priya," -> ["Priya"]), for redaction."""
    names = []
    for line in text.split("\n")[:3]:
        m = _GREETING.match(line.strip())
        if m and m.group("name")[0].isupper() and _looks_like_name(m.group("name")):
            names.append(m.group("name"))
    return names


def clean_email_body(text: str) -> Stripped:
    """Full cleaning of an e-mail body: quoted reply, signature, wrapping and whitespace.

    The names returned come from the sign-off and the greeting.
    """
    text = normalize_whitespace(text)
    text = strip_quoted_reply(text)
    stripped = strip_signature(text)
    names = _dedupe(stripped.names + greeting_names(stripped.text))
    return Stripped(unwrap_lines(stripped.text), names)

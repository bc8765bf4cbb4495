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

from voc.clean_forward import FORWARD_MARKER, forward_at, keeps_forward, only_pointer
from voc.clean_signoffs import _HARD_SIGNATURE, _INLINE_SIGNOFF, _SIGNOFF, _SIGNOFF_WITH_NAME
from voc.redact_freeform import names_in_text

logger = logging.getLogger(__name__)

NAMES_SCANNED_KINDS = frozenset({"email", "helpdesk", "transcript"})
"""Source kinds whose readers put the names an item's text gives itself
(:func:`voc.redact_freeform.names_in_text` of the item's final text) among ``Item.names``:
e-mail and helpdesk bodies through :func:`clean_email_body` / :func:`clean_one_line`,
transcript turns through the transcript reader. :func:`voc.redact.redact` need not look
for them again in those items' texts (``names_known``); survey answers, questions and
subjects are scanned there."""

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
    between quotes are kept). A forward of the customer's own earlier message is kept (see
    :func:`strip_quoted`).
    """
    return strip_quoted(text).text


def strip_quoted(
    text: str, sender: str = "", team_domains: tuple[str, ...] = (), _depth: int = 0
) -> Stripped:
    """:func:`strip_quoted_reply`, keeping forwarded text that is the customer's own: a
    forward with nothing but "FYI" / "any update?" above it, or one whose ``From`` is
    ``sender``, unless it comes from one of ``team_domains`` (the support team's). The
    forward's headers and the replies quoted inside it are dropped; the names are the
    display names of kept forwards' senders."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    bare = [ln.strip().replace("\u00a0", " ") for ln in lines]
    kept: list[str] = []
    for i, line in enumerate(lines):
        if _is_wrote_line(bare, i):
            break
        if (
            _REPLY_MARKERS.match(bare[i])
            or FORWARD_MARKER.match(bare[i])
            or _is_outlook_header(bare, i)
        ):
            fwd = forward_at(bare, i) if _depth < 5 else None
            above = "\n".join(kept)
            if fwd is not None and keeps_forward(above, fwd, sender, team_domains):
                inner = strip_quoted(
                    "\n".join(lines[fwd.body_start :]), sender, team_domains, _depth + 1
                )
                above = strip_signature(above).text
                own = "" if only_pointer(above) else above.strip()
                joined = "\n\n".join(p for p in (own, inner.text) if p)
                return Stripped(joined, _dedupe(fwd.names + inner.names))
            break
        if _QUOTED.match(line):
            continue
        kept.append(line)
    return Stripped("\n".join(kept).strip(), [])


# --- signatures -------------------------------------------------------------------------------


class Stripped(NamedTuple):
    """Text with the signature removed, and person names found in the sign-off."""

    text: str
    names: list[str]


_NAME_TOKEN = r"[A-ZÀ-Þ][a-zà-ÿ'’-]+|[A-Z]\.?"
_PARTICLE = r"de|van|der|den|von|da|di|del|della|la|le|du|dos|das|ten|ter|y|bin|al"
_NAME_LINE = re.compile(
    rf"^(?:{_NAME_TOKEN})(?:\s+(?:(?:{_PARTICLE})\s+)?(?:{_NAME_TOKEN})){{0,3}}$"
)
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
    # 2. a sign-off within the last 9 non-empty lines, followed only by short lines (at most
    # 4, or 8 after a sign-off alone on its line: "Cordialement," + name, title, address)
    for i in reversed(nonempty[-9:]):
        s = lines[i].strip()
        after = _trailing_block(lines, i + 1)
        if i == nonempty[0] or not all(_is_sig_line(a) for a in after):
            continue
        if len(after) > 4 and (len(after) > 8 or not _SIGNOFF.match(s)):
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
    # 3. a strong sign-off closing the last sentence's line ("... Cordialement, Jean Dupont")
    if nonempty:
        last = nonempty[-1]
        m = _INLINE_SIGNOFF.search(lines[last])
        if m is not None:
            if m.group("name") and _looks_like_name(m.group("name")):
                names.append(m.group("name"))
            lines[last] = lines[last][: m.start()]
            return Stripped("\n".join(lines).strip(), _dedupe(names))
    # 4. no sign-off: a closing block whose first line is a name ("Dana Whitfield / Ops, Acme")
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
    r"^(?:hi|hello|hey|dear|morning|good (?:morning|afternoon|evening)"
    r"|hallo|guten (?:tag|morgen|abend)|sehr geehrter?|liebe[rs]?|bonjour|bonsoir|cher|chère"
    r"|hola|buenos días|buenas tardes|estimad[oa]|querid[oa]|buongiorno|ciao|gentile|caro|cara"
    r"|beste|geachte|hoi|olá|prezad[oa]|hej)\s+"
    r"(?:(?:mr|mrs|ms|miss|dr|prof|herr|frau|monsieur|madame|mme|m|señor|señora|sr|sra|srta"
    r"|signor|signora|sig|dhr|mevr|mevrouw|meneer)\.?\s+)?"
    r"(?P<name>[A-ZÀ-Þ][a-zà-ÿ'’-]+(?: [A-ZÀ-Þ][a-zà-ÿ'’-]+)?)\s*[,!.:]?",
    re.IGNORECASE,
)


def greeting_names(text: str) -> list[str]:
    """Names addressed in a greeting line ("Hi Priya," -> ["Priya"], "Hello Mr. Patel,"
    -> ["Patel"], "Hallo Herr Müller," -> ["Müller"]), for redaction."""
    names = []
    for line in text.split("\n")[:3]:
        m = _GREETING.match(line.strip())
        if m and m.group("name")[0].isupper() and _looks_like_name(m.group("name")):
            names.append(m.group("name"))
    return names


def clean_email_body(
    text: str, sender: str = "", team_domains: tuple[str, ...] = ()
) -> Stripped:
    """Full cleaning of an e-mail body: quoted reply, signature, wrapping and whitespace.

    ``sender`` (the From address) and ``team_domains`` (the support team's) decide whether
    a forwarded message is the customer's own (kept) or a quote (cut): see
    :func:`strip_quoted`. The names returned come from kept forwards' headers, the sign-off,
    the greeting and the text itself ("My name is ...").
    """
    text = normalize_whitespace(text)
    quoted = strip_quoted(text, sender, team_domains)
    stripped = strip_signature(quoted.text)
    names = quoted.names + stripped.names + greeting_names(stripped.text)
    text = unwrap_lines(stripped.text)
    return Stripped(text, _dedupe(names + names_in_text(text)))


def clean_one_line(text: str) -> Stripped:
    """Cleaning of a one-line message (a ticket or tweet): whitespace and a strong sign-off
    closing it ("... Cordialement, Jean Dupont"); names from the sign-off, a greeting and the
    text ("My name is ...", "I'm Sarah,")."""
    text = normalize_whitespace(text)
    names: list[str] = []
    m = _INLINE_SIGNOFF.search(text)
    if m is not None and m.start() > 0:
        if m.group("name") and _looks_like_name(m.group("name")):
            names.append(m.group("name"))
        text = text[: m.start()].rstrip()
    return Stripped(text, _dedupe(names + greeting_names(text) + names_in_text(text)))

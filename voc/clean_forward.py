"""Forwarded messages that carry the customer's own words.

A customer who forwards their own earlier complaint ("FYI", "any update?", or nothing at all
above it), or a message sent from their own address, is still speaking: the forwarded text
is kept, without its forward headers and without the replies quoted inside it. A forward of
somebody else's mail under a message of its own (the customer's new words above it) is a
quote, and is cut like a reply.

Recognised forwards: Gmail ``---------- Forwarded message ---------``, Apple Mail ``Begin
forwarded message:``, Outlook's ``From: / Sent: / To: / Subject: FW:`` block (after
``-----Original Message-----`` or an underscore rule, or alone), and their French, German,
Spanish, Italian and Dutch markers.

Example::

    >>> forward_at(["FYI", "", "---------- Forwarded message ---------",
    ...             "From: Ann <ann@x.com>", "Subject: bill", "", "Charged twice."], 2).sender
    'ann@x.com'
"""

from __future__ import annotations

import re
from email.utils import parseaddr
from typing import NamedTuple

FORWARD_MARKER = re.compile(
    r"^(?:-{2,}\s*(?:Forwarded message|Mensaje reenviado|Message transféré|Message transfere"
    r"|Weitergeleitete Nachricht|Messaggio inoltrato|Doorgestuurd bericht|Mensagem encaminhada)"
    r"\s*-{2,}"
    r"|Begin forwarded message:?|Début du message réexpédié\s*:?|Anfang der weitergeleiteten"
    r" Nachricht:?|Inicio del mensaje reenviado:?|Inizio messaggio inoltrato:?"
    r"|Begin doorgestuurd bericht:?)\s*$",
    re.IGNORECASE,
)
_ORIGINAL_MARKER = re.compile(r"^(?:-{2,}\s*Original Message\s*-{2,}|_{10,})\s*$", re.I)
_HEADER = re.compile(
    r"^\*?(?P<key>From|Sent|Date|To|Cc|Bcc|Subject|Reply-To|De|Von|Envoyé|Gesendet|Enviado|"
    r"Fecha|Datum|Date|À|An|Para|Objet|Betreff|Asunto|Oggetto|Da|Inviato|A|Onderwerp|Van"
    r"|Aan|Verzonden)\s*:\*?\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_FROM_KEYS = {"from", "de", "von", "da", "van"}
_SUBJECT_KEYS = {"subject", "objet", "betreff", "asunto", "oggetto", "onderwerp"}
_FW_SUBJECT = re.compile(r"^\s*(?:fwd?|tr|wg|rv|i|fw)\s*:", re.IGNORECASE)
_FILLER = re.compile(
    r"^(?:(?:hi|hello|hey|dear)\b[^.!?\n]{0,30}[,!]?\s*)?"
    r"(?:fyi|fya|see below|please see below|pls see below|see (?:the )?(?:e-?mail|message"
    r"|thread|trail|chain|note)s? below|below|any updates?(?: on this)?|any news|still waiting"
    r"(?: for (?:an? )?(?:answer|reply|response))?|following up|follow(?:ing)?[- ]up"
    r"(?: on (?:this|the below|my (?:e-?mail|message|complaint)))?|forwarding(?: (?:this|again))?"
    r"|fwd?|bump|please (?:help|advise|respond|reply)|see attached|as discussed|resending"
    r"|sending (?:this )?again|re-?sending|again|second request|third request"
    r"|for your information|zur info|pour info|para su información|ter info)"
    r"[\s.!?,:)(-]*$",
    re.IGNORECASE,
)


class Forward(NamedTuple):
    """A forward found at a line: where its body starts, its sender and the names in it."""

    body_start: int
    sender: str
    names: list[str]
    explicit: bool  # a forward marker or an FW: subject, not just a header block


def _header_block(lines: list[str], start: int) -> tuple[int, dict[str, str]]:
    """Header lines from ``start`` (blank lines before them allowed): (end, headers)."""
    i = start
    while i < len(lines) and not lines[i].strip():
        i += 1
    headers: dict[str, str] = {}
    while i < len(lines):
        m = _HEADER.match(lines[i].strip())
        if not m:
            break
        headers.setdefault(m.group("key").lower(), m.group("value").strip())
        i += 1
    return i, headers


def forward_at(lines: list[str], i: int) -> Forward | None:
    """The forward starting at line ``i`` (a marker line, or a header block), or None."""
    line = lines[i].strip()
    marker = bool(FORWARD_MARKER.match(line))
    if marker or _ORIGINAL_MARKER.match(line):
        end, headers = _header_block(lines, i + 1)
    else:
        end, headers = _header_block(lines, i)
    if not headers or not (set(headers) & _FROM_KEYS):
        return None
    subject = next((headers[k] for k in _SUBJECT_KEYS if k in headers), "")
    explicit = marker or bool(_FW_SUBJECT.match(subject))
    raw_from = next(headers[k] for k in _FROM_KEYS if k in headers)
    display, address = parseaddr(raw_from.replace("[mailto:", "<").replace("]", ">"))
    if "@" not in address:
        found = re.search(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", raw_from)
        address = found.group(0) if found else ""
    names = [display.strip('" ')] if display and "@" not in display else []
    return Forward(end, address.lower(), names, explicit)


_POINTER = re.compile(
    r"^(?:(?:hi|hello|hey|dear)\b[^.!?\n]{0,30}[,!]?\s*)?"
    r"(?:fyi|fya|see below|please see below|pls see below|see (?:the )?(?:e-?mail|message"
    r"|thread|trail|chain|note)s? below|below|forwarding(?: (?:this|again))?|fwd?"
    r"|see attached|for your information|zur info|pour info|para su información|ter info)"
    r"[\s.!?,:)(-]*$",
    re.IGNORECASE,
)


def only_pointer(text: str) -> bool:
    """True when the text above a forward only points at it ("FYI", "see below"): dropped
    when the forward is kept ("any update?" is kept: it says the customer is waiting)."""
    body = " ".join(ln.strip() for ln in text.split("\n") if ln.strip())
    return not body or bool(_POINTER.match(body))


def only_filler(text: str) -> bool:
    """True when the text above a forward says nothing of its own ("FYI", "any update?")."""
    body = " ".join(ln.strip() for ln in text.split("\n") if ln.strip())
    return not body or bool(_FILLER.match(body))


def keeps_forward(above: str, fwd: Forward, sender: str, agent_domains: tuple[str, ...]) -> bool:
    """Whether a forward is the customer's own earlier message: sent from the same address,
    or forwarded with nothing of their own above it (and not from the support team)."""
    if sender and fwd.sender and fwd.sender == sender.lower():
        return True
    domain = fwd.sender.rpartition("@")[2]
    if domain and any(domain == d or domain.endswith("." + d) for d in agent_domains):
        return False
    return fwd.explicit and only_filler(above)

"""Redaction of personal data in customer text.

Replaces e-mail addresses, phone numbers, payment cards (Luhn-checked), IBANs (mod-97
checked), IPv4 addresses, US SSNs, secrets in URL query strings and known person names
with placeholders, leaving amounts, dates, times, years, order numbers and versions alone.

Example::

    >>> redact("Call Dana on (415) 555-0134 or dana@acme.com", names=["Dana Whitfield"])
    'Call [NAME] on [PHONE] or [EMAIL]'
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

logger = logging.getLogger(__name__)

EMAIL = "[EMAIL]"
PHONE = "[PHONE]"
CARD = "[CARD]"
IBAN = "[IBAN]"
IP = "[IP]"
ID = "[ID]"
SECRET = "[SECRET]"
NAME = "[NAME]"

_SECRET_RE = re.compile(
    r"(?P<key>[?&;#](?:access_?token|refresh_?token|id_?token|token|api_?key|apikey|key|secret"
    r"|client_?secret|password|passwd|pwd|pass|sig|signature|auth|code|session_?id|sessionid"
    r"|sid|otp|hash|x-amz-signature|x-amz-credential)=)(?P<value>[^&#\s\"'<>]+)",
    re.IGNORECASE,
)
_EMAIL_RE = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+'-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b"
)
_IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")
_CARD_RE = re.compile(r"(?<![\w#$€£.,/-])\d(?:[ -]?\d){12,18}(?![\w/]|[.,-]\d)")
_SSN_RE = re.compile(r"(?<![\w#-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])")
_SEP = r"[ .\-\u00a0]"
_PHONE_RE = re.compile(
    r"(?<![\w#$€£./:-])(?:"
    # international: +CC, optional (0) or (area), groups of digits
    rf"\+\d{{1,3}}{_SEP}?(?:\(\d{{1,4}}\){_SEP}?)?\d{{1,5}}(?:{_SEP}?\d{{2,5}}){{1,4}}"
    # North American: (415) 555-0134, 415-555-0134, 415.555.0134, 1-800-555-0134
    rf"|(?:1{_SEP})?(?:\(\d{{3}}\){_SEP}?|\d{{3}}{_SEP})\d{{3}}{_SEP}\d{{4}}"
    # national trunk prefix 0: 020 7946 0958, 07700 900123, 030-1234567
    rf"|0\d{{1,4}}{_SEP}?\d{{3,4}}{_SEP}?\d{{3,4}}"
    r")(?![\w/]|[.,:-]\d)"
)
_IPV4_RE = re.compile(
    r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
    r"(?![\w]|\.\d)"
)
_VERSION_BEFORE = re.compile(r"\b(?:v|version|ver\.?|build|release|firmware|app)\s*$", re.I)


def luhn_ok(digits: str) -> bool:
    """True when the digit string passes the Luhn checksum."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def iban_ok(candidate: str) -> bool:
    """True when the IBAN passes the ISO 13616 mod-97 check."""
    s = candidate.replace(" ", "").upper()
    if not 15 <= len(s) <= 34:
        return False
    moved = s[4:] + s[:4]
    try:
        number = int("".join(str(int(c, 36)) for c in moved))
    except ValueError:
        return False
    return number % 97 == 1


def _card(m: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", m.group(0))
    if 13 <= len(digits) <= 19 and luhn_ok(digits) and len(set(digits)) > 1:
        return CARD
    return m.group(0)


def _iban(m: re.Match[str]) -> str:
    return IBAN if iban_ok(m.group(0)) else m.group(0)


def _phone(m: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", m.group(0))
    return PHONE if 7 <= len(digits) <= 15 else m.group(0)


def _ip(m: re.Match[str]) -> str:
    before = m.string[max(0, m.start() - 12) : m.start()]
    return m.group(0) if _VERSION_BEFORE.search(before) else IP


def _secret(m: re.Match[str]) -> str:
    return m.group("key") + SECRET


_RULES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (_SECRET_RE, _secret),
    (_EMAIL_RE, EMAIL),
    (_IBAN_RE, _iban),
    (_CARD_RE, _card),
    (_SSN_RE, ID),
    (_IPV4_RE, _ip),
    (_PHONE_RE, _phone),
)

# Labels and words that are not names to redact, and first names that are also everyday
# words ("my bill", "you will"): those are only redacted when capitalised.
_NOT_NAMES = {
    "unknown",
    "interviewer",
    "moderator",
    "participant",
    "speaker",
    "customer",
    "agent",
    "host",
    "user",
    "respondent",
    "researcher",
    "facilitator",
    "support",
    "team",
    "q",
    "a",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "the",
}
_COMMON_WORDS = {
    "bill",
    "will",
    "may",
    "mark",
    "grace",
    "hope",
    "joy",
    "faith",
    "rose",
    "summer",
    "june",
    "april",
    "august",
    "sunny",
    "amber",
    "pat",
    "art",
    "chase",
    "dawn",
    "frank",
    "gene",
    "guy",
    "jack",
    "ray",
    "rich",
    "rob",
    "sue",
    "sandy",
    "penny",
    "max",
    "chip",
    "don",
    "drew",
    "gay",
    "holly",
    "iris",
    "ivy",
    "lily",
    "major",
    "miles",
    "norm",
    "page",
    "pierce",
    "reed",
    "rock",
    "sky",
    "stone",
    "tab",
    "vernon",
    "wade",
    "win",
    "cash",
    "price",
    "young",
    "long",
    "brown",
    "white",
    "green",
    "black",
    "gray",
    "grey",
    "king",
    "bell",
    "ash",
    "jan",
    "sam",
    "ben",
}


def _name_variants(names: Iterable[str]) -> tuple[list[str], list[str]]:
    """(case-insensitive, case-sensitive) name strings: full names and first names."""
    loose: set[str] = set()
    strict: set[str] = set()
    for raw in names:
        name = " ".join(str(raw).replace(",", " ").split())
        if not name or any(ch.isdigit() for ch in name) or name.lower() in _NOT_NAMES:
            continue
        tokens = [t for t in name.split() if t.strip(".").lower() not in _NOT_NAMES]
        if not tokens:
            continue
        variants = {" ".join(tokens), name} if len(tokens) > 1 else {tokens[0]}
        variants.add(tokens[0])
        for v in variants:
            v = v.strip(".")
            if len(v) < 2:
                continue
            (strict if v.lower() in _COMMON_WORDS else loose).add(v)
    return sorted(loose, key=lambda s: (-len(s), s)), sorted(strict, key=lambda s: (-len(s), s))


@lru_cache(maxsize=4096)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    loose, strict = _name_variants(names)
    parts = []
    if loose:
        parts.append("(?i:" + "|".join(_flex(n) for n in loose) + ")")
    if strict:
        parts.append("|".join(_flex(n[0].upper() + n[1:]) for n in strict))
    if not parts:
        return None
    return re.compile(r"(?<![\w@])(?:" + "|".join(parts) + r")(?![\w@])")


def _flex(name: str) -> str:
    """Escaped name where any run of spaces matches any whitespace."""
    return r"\s+".join(re.escape(part) for part in name.split())


def redact(text: str, names: Iterable[str] = ()) -> str:
    """Replace personal data in ``text`` with placeholders such as ``[EMAIL]`` and ``[NAME]``."""
    if not text:
        return text
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    key = tuple(sorted({str(n) for n in names if str(n).strip()}))
    if key:
        pattern = _names_pattern(key)
        if pattern is not None:
            text = pattern.sub(NAME, text)
    return text

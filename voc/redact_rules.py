"""The structured personal data :mod:`voc.redact` replaces, one pattern and replacement each.

E-mail addresses, phone numbers (international and national forms), payment cards
(Luhn-checked), IBANs (mod-97 checked), IPv4 and IPv6 addresses, national id numbers (US SSN,
UK NI number, Spanish DNI/NIE, Italian codice fiscale, French NIR, Canadian SIN, Indian
Aadhaar, all checksum- or format-checked, plus any number after an id keyword such as
"passport no."), secrets in URLs (query tokens, ``user:password@``, long path tokens), API
keys / JWTs, spelled-out e-mail addresses and bare phone numbers (:mod:`voc.redact_freeform`).
:data:`RULES` lists them in the order they run; :data:`NEEDS`, :data:`NEEDS_DIGIT` and
:data:`NEEDS_SIX_DIGITS` say what a text must hold for each to match (the prefilters of
:mod:`voc.redact_plan`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from voc.redact_checks import _aadhaar, _dni, _nir, _sin, iban_ok, luhn_ok
from voc.redact_freeform import (
    _BARE_PHONE_RE,
    _OBFUSCATED_EMAIL_RE,
    MAIL_WORDS,
    _bare_phone,
    _obfuscated_email,
    after_number_keyword,
)

EMAIL = "[EMAIL]"
PHONE = "[PHONE]"
CARD = "[CARD]"
IBAN = "[IBAN]"
IP = "[IP]"
ID = "[ID]"
SECRET = "[SECRET]"

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
    # international with 00: 0044 20 7946 0958, 00 49 30 1234567
    rf"|00{_SEP}?[1-9]\d{{0,2}}{_SEP}?(?:\(0\){_SEP}?)?\d{{1,5}}(?:{_SEP}?\d{{2,5}}){{1,4}}"
    # pairs after a trunk 0: 06 12 34 56 78, 01.23.45.67.89
    rf"|0[1-9](?:{_SEP}?\d\d){{4}}"
    # national trunk prefix 0: 020 7946 0958, 07700 900123, 030-1234567
    rf"|0\d{{1,4}}{_SEP}?\d{{3,4}}{_SEP}?\d{{3,4}}"
    r")(?![\w/]|[.,:-]\d)"
)
_IPV4_RE = re.compile(
    r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
    r"(?![\w]|\.\d)"
)
_IPV6_RE = re.compile(
    r"(?<![\w:.])(?:"
    r"(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
    r"|(?:[0-9A-Fa-f]{1,4}:){1,7}:"
    r"|(?:[0-9A-Fa-f]{1,4}:){1,6}(?::[0-9A-Fa-f]{1,4}){1,6}"
    r"|::(?:[0-9A-Fa-f]{1,4}:){0,5}[0-9A-Fa-f]{1,4}"
    r"|fe80:(?::[0-9A-Fa-f]{0,4}){0,4}%\w+"
    r")(?![\w:])"
)
_URL_USERINFO_RE = re.compile(r"(?P<scheme>\b[a-z][a-z0-9+.-]*://)[^\s/@:]+:[^\s/@]+@", re.I)
# Long opaque path segments in URLs (reset / invite / magic-login links)
_URL_PATH_TOKEN_RE = re.compile(
    r"(?P<pre>\bhttps?://[^\s/]+(?:/[^\s/?#]*)*?/)"
    r"(?P<tok>(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{24,})(?=[/?#\s,;)\]]|[.!]?(?:\s|$))"
)
_API_KEY_RE = re.compile(
    r"\b(?:eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"  # JWT
    r"|AKIA[0-9A-Z]{16}"  # AWS access key id
    r"|(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}"  # Stripe-style keys
    r"|gh[pousr]_[A-Za-z0-9]{30,}"  # GitHub tokens
    r"|xox[abprs]-[A-Za-z0-9-]{10,})"  # Slack tokens
)
_NINO_RE = re.compile(
    r"\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b"
)
_DNI_RE = re.compile(r"\b(?P<num>[XYZ]?\d{7,8})[- ]?(?P<letter>[A-Z])\b")
_CODICE_FISCALE_RE = re.compile(r"\b[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]\b")
_NIR_RE = re.compile(
    r"\b(?P<body>[12] ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3})"
    r" ?(?P<key>\d{2})\b"
)
_SIN_RE = re.compile(
    r"(?<![\w-])(?<!\+\d )(?<!\+\d\d )(?<!\+\d\d\d )\d{3}[- ]\d{3}[- ]\d{3}(?![\w-]|[.,]\d)"
)
_AADHAAR_RE = re.compile(r"(?<![\w-])[2-9]\d{3}[- ]\d{4}[- ]\d{4}(?![\w-]|[.,]\d)")
_ID_KEYWORD_RE = re.compile(
    r"(?P<key>\b(?:passport|ssn|social security|national (?:id|insurance)|id card|identity card"
    r"|tax id|tax number|tin|nino|ni number|bsn|personnummer|driver'?s licen[cs]e|licen[cs]e"
    r" number|dni|nie|nif|codice fiscale|aadhaar|pan|sin|steuer-?id)"
    r"(?:\s*(?:no\.?|number|num\.?|#|id))?\s*(?:is|:|=|-)?\s*)"
    r"(?P<value>(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{4,18}[A-Z0-9])(?![\w-])",
    re.IGNORECASE,
)
_VERSION_BEFORE = re.compile(r"\b(?:v|version|ver\.?|build|release|firmware|app)\s*$", re.I)


def _id_keyword(m: re.Match[str]) -> str:
    if m.group("value").startswith("["):
        return m.group(0)
    return m.group("key") + ID


def _userinfo(m: re.Match[str]) -> str:
    return m.group("scheme") + SECRET + "@"


def _path_token(m: re.Match[str]) -> str:
    return m.group("pre") + SECRET


def _card(m: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", m.group(0))
    issuer_ok = digits[0] in "23456" and (len(digits) != 13 or digits[0] == "4")
    if 13 <= len(digits) <= 19 and issuer_ok and luhn_ok(digits) and len(set(digits)) > 1:
        return CARD
    return m.group(0)


def _iban(m: re.Match[str]) -> str:
    return IBAN if iban_ok(m.group(0)) else m.group(0)


def _phone(m: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", m.group(0))
    if not 7 <= len(digits) <= 15:
        return m.group(0)
    if digits == m.group(0):  # one run of digits after "case number", "order": not a phone
        return m.group(0) if after_number_keyword(m) else PHONE
    return PHONE


def _ip(m: re.Match[str]) -> str:
    before = m.string[max(0, m.start() - 12) : m.start()]
    return m.group(0) if _VERSION_BEFORE.search(before) else IP


def _secret(m: re.Match[str]) -> str:
    return m.group("key") + SECRET


RULES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (_SECRET_RE, _secret),
    (_URL_USERINFO_RE, _userinfo),
    (_API_KEY_RE, SECRET),
    (_URL_PATH_TOKEN_RE, _path_token),
    (_EMAIL_RE, EMAIL),
    (_OBFUSCATED_EMAIL_RE, _obfuscated_email),
    (_IBAN_RE, _iban),
    (_CARD_RE, _card),
    (_SSN_RE, ID),
    (_NINO_RE, ID),
    (_DNI_RE, _dni),
    (_CODICE_FISCALE_RE, ID),
    (_NIR_RE, _nir),
    (_AADHAAR_RE, _aadhaar),
    (_SIN_RE, _sin),
    (_ID_KEYWORD_RE, _id_keyword),
    (_IPV6_RE, IP),
    (_IPV4_RE, _ip),
    (_PHONE_RE, _phone),
    (_BARE_PHONE_RE, _bare_phone),
)

# Substrings without which a pattern cannot match (lower-cased text).
NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    _SECRET_RE: ("=",),
    _URL_USERINFO_RE: ("://",),
    _URL_PATH_TOKEN_RE: ("http",),
    _API_KEY_RE: ("eyj", "akia", "_live_", "_test_", "gh", "xox"),
    _EMAIL_RE: ("@",),
    _OBFUSCATED_EMAIL_RE: ("[at", "(at", "{at", "<at", "[@", "(@", "{@", "<@", *MAIL_WORDS),
    _ID_KEYWORD_RE: (
        "passport",
        "ssn",
        "social",
        "national",
        "id",
        "tax",
        "tin",
        "nino",
        "ni number",
        "bsn",
        "personnummer",
        "licen",
        "dni",
        "nie",
        "nif",
        "codice",
        "aadhaar",
        "pan",
        "sin",
        "steuer",
    ),
    _IPV6_RE: ("::", ":"),
    _IPV4_RE: (".",),
}

# Patterns that cannot match without a digit (each has a ``\d`` it must match): skipped
# for the many texts that have none. Placeholders and kept matches never add a digit.
NEEDS_DIGIT = frozenset(
    (
        _IBAN_RE, _CARD_RE, _SSN_RE, _NINO_RE, _DNI_RE, _CODICE_FISCALE_RE, _NIR_RE,
        _AADHAAR_RE, _SIN_RE, _ID_KEYWORD_RE, _IPV4_RE, _PHONE_RE, _BARE_PHONE_RE,
    )
)
# Patterns that change nothing in a text with fewer than 6 digits (cards, national ids and
# phone numbers all have more): skipped for the many texts with a time, a price or a count.
NEEDS_SIX_DIGITS = frozenset(
    (
        _CARD_RE, _SSN_RE, _NINO_RE, _DNI_RE, _CODICE_FISCALE_RE, _NIR_RE, _AADHAAR_RE,
        _SIN_RE, _PHONE_RE, _BARE_PHONE_RE,
    )
)

"""Redaction of personal data in customer text.

Replaces e-mail addresses, phone numbers (international and national forms), payment cards
(Luhn-checked), IBANs (mod-97 checked), IPv4 and IPv6 addresses, national id numbers (US SSN,
UK NI number, Spanish DNI/NIE, Italian codice fiscale, French NIR, Canadian SIN, Indian
Aadhaar, all checksum- or format-checked, plus any number after an id keyword such as
"passport no."), secrets in URLs (query tokens, ``user:password@``, long path tokens) and
API keys / JWTs, known person names and the names a text gives for its writer ("My name is
..."), spelled-out e-mail addresses ("x at gmail dot com"), bare 10-digit phone numbers and
people's @handles (:mod:`voc.redact_freeform`) with placeholders, leaving amounts, dates,
times, years, order numbers, flight numbers and versions alone.

Example::

    >>> redact("Call Dana on (415) 555-0134 or dana@acme.com", names=["Dana Whitfield"])
    'Call [NAME] on [PHONE] or [EMAIL]'
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection, Iterable
from functools import lru_cache

from voc.redact_checks import _aadhaar, _dni, _nir, _sin, iban_ok, luhn_ok
from voc.redact_checks import verhoeff_ok as verhoeff_ok  # re-exported (tests, fixtures)
from voc.redact_freeform import (
    _BARE_PHONE_RE,
    _OBFUSCATED_EMAIL_RE,
    MAIL_WORDS,
    _bare_phone,
    _obfuscated_email,
    addressed_handles,
    after_number_keyword,
    names_in_text,
    redact_handles,
)

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


_RULES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
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

_MAIL_WORDS = MAIL_WORDS

# Substrings without which a pattern cannot match (lower-cased text).
_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    _SECRET_RE: ("=",),
    _URL_USERINFO_RE: ("://",),
    _URL_PATH_TOKEN_RE: ("http",),
    _API_KEY_RE: ("eyj", "akia", "_live_", "_test_", "gh", "xox"),
    _EMAIL_RE: ("@",),
    _OBFUSCATED_EMAIL_RE: ("[at", "(at", "{at", "<at", "[@", "(@", "{@", "<@", *_MAIL_WORDS),
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
_DIGIT = re.compile(r"\d")
_NEEDS_DIGIT = frozenset(
    (
        _IBAN_RE, _CARD_RE, _SSN_RE, _NINO_RE, _DNI_RE, _CODICE_FISCALE_RE, _NIR_RE,
        _AADHAAR_RE, _SIN_RE, _ID_KEYWORD_RE, _IPV4_RE, _PHONE_RE, _BARE_PHONE_RE,
    )
)
# Patterns that change nothing in a text with fewer than 6 digits (cards, national ids and
# phone numbers all have more): skipped for the many texts with a time, a price or a count.
_SIX_DIGITS = re.compile(r"\d(?:\D*\d){5}")
_NEEDS_SIX_DIGITS = frozenset(
    (
        _CARD_RE, _SSN_RE, _NINO_RE, _DNI_RE, _CODICE_FISCALE_RE, _NIR_RE, _AADHAAR_RE,
        _SIN_RE, _PHONE_RE, _BARE_PHONE_RE,
    )
)

# Labels and words that are not names to redact, and first names that are also everyday
# words ("my bill", "you will"): those are only redacted when capitalised.
_NOT_NAMES_TEXT = (
    "unknown interviewer moderator participant speaker customer agent host user respondent "
    "researcher facilitator support team q a mr mrs ms dr prof the "
)
_NOT_NAMES = set(_NOT_NAMES_TEXT.split())
_COMMON_WORDS_TEXT = (
    "bill will may mark grace hope joy faith rose summer june april august sunny amber pat "
    "art chase dawn frank gene guy jack ray rich rob sue sandy penny max chip don drew gay "
    "holly iris ivy lily major miles norm page pierce reed rock sky stone tab vernon wade win "
    "cash price young long brown white green black gray grey king bell ash jan sam ben "
)
_COMMON_WORDS = set(_COMMON_WORDS_TEXT.split())


_TITLES = ("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Miss", "Prof.")


def _surname_alone(surname: str) -> set[str]:
    """The surname of a known full name as written alone ("Regards, Patel", "Patel:",
    "BRADLEY"): capitalised or upper case only, and not when it is an everyday word
    ("Brown", "Long"), which only the full name, "Mr Brown" or "Brown, Ann" redact."""
    s = surname.strip(".")
    if len(s) < 3 or s.lower() in _COMMON_WORDS or not s[0].isupper() or "(" in s:
        return set()
    forms = {s, s.upper()}
    if s.isupper():
        forms.add(s.capitalize())
    return forms


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
        if len(tokens) > 1:  # "Whitfield, Dana", "Mr. O'Neil"
            variants.add(f"{tokens[-1]}, {tokens[0]}")
            variants.update(f"{t} {tokens[-1]}" for t in _TITLES)
            strict.update(_surname_alone(tokens[-1]))
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


def _needles(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    needs = _NEEDS.get(pattern)
    return re.compile("|".join(re.escape(n) for n in needs)) if needs is not None else None


# Per rule: (pattern, replacement, needs a digit, substrings one of which it needs): the
# checks of _NEEDS_DIGIT and _NEEDS, each one C call (a regex of the substrings finds one
# exactly when one of them is in the text) instead of a Python loop per rule and text.
class _SpelledEmailGate:
    """The substring test of the spelled-out e-mail rule: a bracketed "at" / "@", or a word
    " at " with a spelled " dot " or a mail provider's name (cheaper than its regex, and
    rarer than " at " alone)."""

    _CUE = re.compile(r"[\[({<] ?(?:at|@)|\sat\s")
    _BRACKET = re.compile(r"[\[({<] ?(?:at|@)")
    _WITH_AT = re.compile("|".join(re.escape(w) for w in _MAIL_WORDS))

    def search(self, low: str) -> bool | None:
        if self._CUE.search(low) is None:
            return None
        if self._WITH_AT.search(low) is not None or self._BRACKET.search(low) is not None:
            return True
        return None


# Tighter exact gates for two rules whose plain substrings ("id", "pan", "sin", "gh") are in
# most English texts ("did", "using", "night"): the keyword starts a word (the pattern's
# ``\b``), and a GitHub token has its ``gh?_`` prefix.
_GATES: dict[re.Pattern[str], re.Pattern[str]] = {
    _ID_KEYWORD_RE: re.compile(
        r"\b(?:passport|ssn|social|national|id|tax|tin|nino|ni number|bsn|personnummer|driver"
        r"|licen|dni|nie|nif|codice|aadhaar|pan|sin|steuer)"
    ),
    _API_KEY_RE: re.compile(r"eyj|akia|_live_|_test_|gh[pousr]_|xox"),
}


class _Substring:
    """The gate of a rule that needs one substring: ``in``, cheaper than a regex search."""

    def __init__(self, needle: str) -> None:
        self.needle = needle

    def search(self, low: str) -> bool | None:
        return True if self.needle in low else None


def _gate(pattern: re.Pattern[str]) -> re.Pattern[str] | _SpelledEmailGate | _Substring | None:
    if pattern is _OBFUSCATED_EMAIL_RE:
        return _SpelledEmailGate()
    needs = _NEEDS.get(pattern, ())
    if pattern not in _GATES and len(needs) == 1:
        return _Substring(needs[0])
    return _GATES.get(pattern) or _needles(pattern)


_PLAN = tuple((p, r, p in _NEEDS_DIGIT, _gate(p)) for p, r in _RULES)
_PLAN_NO_DIGIT = tuple(rule for rule in _PLAN if not rule[2])
_PLAN_FEW_DIGITS = tuple(rule for rule in _PLAN if rule[0] not in _NEEDS_SIX_DIGITS)
_ANY_NO_DIGIT = re.compile(
    "|".join(
        _GATES[rule[0]].pattern
        if rule[0] in _GATES
        else _SpelledEmailGate._CUE.pattern
        if rule[0] is _OBFUSCATED_EMAIL_RE
        else "|".join(re.escape(n) for n in _NEEDS.get(rule[0], ("",)))
        for rule in _PLAN_NO_DIGIT
    )
)
"""Finds what one of the rules that need no digit needs (each rule's gate, or less): in a
text without digits and without any of them, no rule can apply."""


def redact(
    text: str,
    names: Iterable[str] = (),
    keep_handles: Collection[str] | None = None,
    names_known: bool = False,
) -> str:
    """Replace personal data in ``text`` with placeholders such as ``[EMAIL]`` and ``[NAME]``.

    ``keep_handles``: lower-cased @handles to leave (brands); None keeps those the text
    opens with (see :func:`voc.redact_freeform.redact_handles`). ``names_known``: the
    names the text gives itself ("My name is ...", :func:`names_in_text`) are among
    ``names`` already (its reader looked for them, :data:`voc.clean.NAMES_SCANNED_KINDS`),
    so they are not looked for again.
    """
    if not text:
        return text
    low = text.lower()
    if _DIGIT.search(text) is not None:  # replacements never add a digit
        plan = _PLAN if _SIX_DIGITS.search(text) is not None else _PLAN_FEW_DIGITS
    elif _ANY_NO_DIGIT.search(low) is not None:
        plan = _PLAN_NO_DIGIT
    else:
        plan = ()
    before = text
    for pattern, repl, _, needles in plan:
        if needles is not None and needles.search(low) is None:
            continue  # cheap substring test before an expensive pattern
        text = pattern.sub(repl, text)
    low = low if text == before else None
    return _redact_people(text, names, keep_handles, low, names_known)


def _redact_people(
    text: str,
    names: Iterable[str],
    keep: Collection[str] | None,
    low: str | None = None,
    names_known: bool = False,
) -> str:
    """@handles, then the names given and those the text gives itself ("My name is ...",
    unless ``names_known``). ``low``: ``text.lower()`` when known."""
    if "@" in text:
        text = redact_handles(text, keep)
        low = None
    own = [] if names_known else names_in_text(text, low)
    return _redact_names(text, [*names, *own] if own else names)


def _redact_names(text: str, names: Iterable[str]) -> str:
    if not names:  # an empty list or tuple (most statements of a run)
        return text
    key = tuple(sorted({str(n) for n in names if str(n).strip()}))
    if key:
        pattern = _names_pattern(key)
        if pattern is not None:
            text = pattern.sub(NAME, text)
    return text


def redact_unfiltered(
    text: str, names: Iterable[str] = (), keep_handles: Collection[str] | None = None
) -> str:
    """:func:`redact` with every rule run on every text (no prefilter): the reference the
    prefilters are checked against (tests, ``bench/text_identity.py``)."""
    if not text:
        return text
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    return _redact_people(text, names, keep_handles)


def redact_many(
    texts: Iterable[str],
    names: Iterable[Iterable[str]],
    keep_handles: Collection[str] | None = None,
    names_known: Iterable[bool] | None = None,
) -> list[str]:
    """:func:`redact` over many texts (each with its own names); a text repeated with the
    same names (a survey question asked of every respondent) is redacted once.

    @handles kept are ``keep_handles`` (lower-cased) or, when None, those that open at least
    :data:`voc.redact_freeform.MIN_ADDRESSED` of ``texts`` (the brands addressed).
    ``names_known``: per text, whether its own names are among its names already (see
    :func:`redact`); None: no text's are.
    """
    done: dict[tuple[str, tuple[str, ...], bool], str] = {}
    out: list[str] = []
    if hasattr(texts, "tolist"):  # a Series: one call, not one per item
        texts = texts.tolist()
    texts = texts if isinstance(texts, list) else list(texts)
    keep = addressed_handles(texts) if keep_handles is None else set(keep_handles)
    known = [False] * len(texts) if names_known is None else list(names_known)
    for text, ns, kn in zip(texts, names, known, strict=True):
        key = (text, tuple(ns), kn)
        got = done.get(key)
        if got is None:
            got = done[key] = redact(text, key[1], keep, kn)
        out.append(got)
    return out

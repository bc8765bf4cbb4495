"""Which rules of :mod:`voc.redact_rules` can change a text, decided cheaply before any runs.

Most statements hold no digit and none of the substrings a rule needs ("@", "://", "=", an id
keyword ...): each rule gets a gate (a substring test or one small regex) and the rules that
need a digit, or six digits, are left out of the plan of a text without them. The output is
the same as running every rule (``redact_unfiltered``, checked by the tests and
``bench/text_identity.py``).
"""

from __future__ import annotations

import re

from voc.redact_freeform import _OBFUSCATED_EMAIL_RE, MAIL_WORDS
from voc.redact_rules import (
    _API_KEY_RE,
    _EMAIL_RE,
    _ID_KEYWORD_RE,
    _IPV4_RE,
    _IPV6_RE,
    NEEDS,
    NEEDS_DIGIT,
    NEEDS_SIX_DIGITS,
    RULES,
)

_MAIL_WORDS = MAIL_WORDS
DIGIT = re.compile(r"\d")
SIX_DIGITS = re.compile(r"\d(?:\D*\d){5}")
"""A text with fewer than 6 digits: the rules of :data:`NEEDS_SIX_DIGITS` change nothing."""


def _needles(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    needs = NEEDS.get(pattern)
    return re.compile("|".join(re.escape(n) for n in needs)) if needs is not None else None


# Per rule: (pattern, replacement, needs a digit, substrings one of which it needs): the
# checks of NEEDS_DIGIT and _NEEDS, each one C call (a regex of the substrings finds one
# exactly when one of them is in the text) instead of a Python loop per rule and text.
class _SpelledEmailGate:
    """The substring test of the spelled-out e-mail rule: a bracketed "at" / "@", or a word
    " at " with a spelled " dot " or a mail provider's name (cheaper than its regex, and
    rarer than " at " alone)."""

    _BRACKET = re.compile(r"[\[({<] ?(?:at|@)")
    _AT_WORD = re.compile(r"at(?<=\sat)\s")  # "at" first: the engine skips to each one
    _WITH_AT = re.compile("|".join(re.escape(w) for w in _MAIL_WORDS))

    def search(self, low: str) -> bool | None:
        # a bracketed "at" / "@", or a word "at" with a spelled "dot" or a provider's name
        if ("[" in low or "(" in low or "{" in low or "<" in low) and self._BRACKET.search(
            low
        ) is not None:
            return True
        if self._AT_WORD.search(low) is not None and self._WITH_AT.search(low) is not None:
            return True
        return None


# Tighter exact gates for rules whose plain substrings are in most texts: an id keyword
# ("id", "pan", "sin" are in "did", "using") starts a word (the pattern's ``\b``; the
# keywords as a trie, by first letter, twice as fast as a flat alternation), a GitHub token
# has its ``gh?_`` prefix; an e-mail address has a local-part character just before its
# "@" (a tweet's "@handle" has a space); an IPv4 address has ".1." (a dot, 1-3 digits and a
# dot), an IPv6 one "::" or a hex digit on both sides of a ":" (or "fe80:%eth0"). Each
# pattern starts with a literal ("@", ".", ":") the engine skips to.
_GATES: dict[re.Pattern[str], re.Pattern[str]] = {
    _ID_KEYWORD_RE: re.compile(
        r"\b(?:p(?:assport|ersonnummer|an)|s(?:sn|ocial|in|teuer)|n(?:ational|ino|i number|ie"
        r"|if)|id|t(?:ax|in)|bsn|d(?:river|ni)|licen|codice|aadhaar)"
    ),
    _API_KEY_RE: re.compile(r"eyj|akia|_live_|_test_|gh[pousr]_|xox"),
    _EMAIL_RE: re.compile(r"@(?<=[a-z0-9._%+'-]@)"),
    _IPV4_RE: re.compile(r"\.\d{1,3}\."),
    _IPV6_RE: re.compile(r"::|:(?<=[0-9a-f]:)[0-9a-f%]"),
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
    needs = NEEDS.get(pattern, ())
    if pattern not in _GATES and len(needs) == 1:
        return _Substring(needs[0])
    return _GATES.get(pattern) or _needles(pattern)


PLAN = tuple((p, r, p in NEEDS_DIGIT, _gate(p)) for p, r in RULES)
PLAN_NO_DIGIT = tuple(rule for rule in PLAN if not rule[2])
PLAN_FEW_DIGITS = tuple(rule for rule in PLAN if rule[0] not in NEEDS_SIX_DIGITS)

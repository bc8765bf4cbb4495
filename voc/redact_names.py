"""Known person names (from headers, signatures, speaker labels, helpdesk users and what a
text says of its writer) as :mod:`voc.redact` replaces them: the full name, the first name,
"Last, First", "Mr Last" and the surname alone, with everyday words among them ("Bill",
"May", "Brown") only when capitalised.

Example::

    >>> redact_names("Dana said Mr Whitfield would call", ["Dana Whitfield"])
    '[NAME] said [NAME] would call'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

NAME = "[NAME]"

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


def redact_names(text: str, names: Iterable[str]) -> str:
    """``text`` with each of ``names`` (in the forms above) replaced by ``[NAME]``."""
    if not names:  # an empty list or tuple (most statements of a run)
        return text
    key = tuple(sorted({str(n) for n in names if str(n).strip()}))
    if key:
        pattern = _names_pattern(key)
        if pattern is not None:
            text = pattern.sub(NAME, text)
    return text

"""Checksums of the numbers :mod:`voc.redact` replaces: Luhn (cards, Canadian SIN), ISO 13616
mod 97 (IBAN), Verhoeff (Aadhaar), the Spanish DNI/NIE check letter and the French NIR key.

Example::

    >>> luhn_ok("4111111111111111"), iban_ok("GB82 WEST 1234 5698 7654 32")
    (True, True)
"""

from __future__ import annotations

import re

ID = "[ID]"


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


_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def _dni(m: re.Match[str]) -> str:
    num = m.group("num")
    digits = str("XYZ".index(num[0])) + num[1:] if num[0] in "XYZ" else num
    if len(digits) != 8:
        return m.group(0)
    return ID if _DNI_LETTERS[int(digits) % 23] == m.group("letter") else m.group(0)


def _nir(m: re.Match[str]) -> str:
    body = m.group("body").replace(" ", "").replace("2A", "19").replace("2B", "18")
    return ID if 97 - int(body) % 97 == int(m.group("key")) else m.group(0)


def _sin(m: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", m.group(0))
    return ID if luhn_ok(digits) else m.group(0)


_VERHOEFF_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
_VERHOEFF_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]


def verhoeff_ok(digits: str) -> bool:
    """True when the digit string passes the Verhoeff checksum (Aadhaar numbers)."""
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[i % 8][int(ch)]]
    return c == 0


def _aadhaar(m: re.Match[str]) -> str:
    return ID if verhoeff_ok(re.sub(r"\D", "", m.group(0))) else m.group(0)

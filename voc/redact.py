"""Redaction of personal data in customer text.

Replaces e-mail addresses, phone numbers (international and national forms), payment cards
(Luhn-checked), IBANs (mod-97 checked), IPv4 and IPv6 addresses, national id numbers (US SSN,
UK NI number, Spanish DNI/NIE, Italian codice fiscale, French NIR, Canadian SIN, Indian
Aadhaar, all checksum- or format-checked, plus any number after an id keyword such as
"passport no."), secrets in URLs (query tokens, ``user:password@``, long path tokens) and
API keys / JWTs (:mod:`voc.redact_rules`, run through the prefilters of
:mod:`voc.redact_plan`), known person names (:mod:`voc.redact_names`) and the names a text
gives for its writer ("My name is ..."), spelled-out e-mail addresses ("x at gmail dot com"),
bare 10-digit phone numbers and people's @handles (:mod:`voc.redact_freeform`), the other
people a text names ("your agent Sarah", "my husband Mark", "-Becky", "^JS", names spelled
out: :mod:`voc.redact_people`) with placeholders, leaving amounts, dates, times, years,
order numbers, flight numbers and versions alone.

Example::

    >>> redact("Call Dana on (415) 555-0134 or dana@acme.com", names=["Dana Whitfield"])
    'Call [NAME] on [PHONE] or [EMAIL]'
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable

from voc.redact_checks import iban_ok as iban_ok  # re-exported (tests)
from voc.redact_checks import luhn_ok as luhn_ok
from voc.redact_checks import verhoeff_ok as verhoeff_ok
from voc.redact_freeform import addressed_handles, redact_handles
from voc.redact_names import NAME as NAME
from voc.redact_names import redact_names
from voc.redact_people import people_in_text
from voc.redact_plan import DIGIT, PLAN, PLAN_FEW_DIGITS, PLAN_NO_DIGIT, SIX_DIGITS
from voc.redact_rules import CARD, EMAIL, IBAN, ID, IP, PHONE, RULES, SECRET

__all__ = [
    "CARD", "EMAIL", "IBAN", "ID", "IP", "NAME", "PHONE", "SECRET", "iban_ok", "luhn_ok",
    "redact", "redact_many", "redact_unfiltered", "verhoeff_ok",
]

logger = logging.getLogger(__name__)


def redact(
    text: str,
    names: Iterable[str] = (),
    keep_handles: Collection[str] | None = None,
    names_known: bool = False,
) -> str:
    """Replace personal data in ``text`` with placeholders such as ``[EMAIL]`` and ``[NAME]``.

    ``keep_handles``: lower-cased @handles to leave (brands); None keeps those the text
    opens with (see :func:`voc.redact_freeform.redact_handles`). ``names_known``: the
    names the text gives itself ("My name is ...",
    :func:`voc.redact_freeform.names_in_text`) are among ``names`` already (its reader
    looked for them, :data:`voc.clean.NAMES_SCANNED_KINDS`), so they are not looked for
    again; the other people it names (:mod:`voc.redact_people`) are always looked for.
    """
    if not text:
        return text
    low = text.lower()
    if DIGIT.search(text) is not None:  # replacements never add a digit
        plan = PLAN if SIX_DIGITS.search(text) is not None else PLAN_FEW_DIGITS
    else:
        plan = PLAN_NO_DIGIT
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
    """@handles, sign-off initials and spelled-out names, then the names given, those the
    text gives itself ("My name is ...", unless ``names_known``) and those of the other
    people it names ("your agent Sarah", :mod:`voc.redact_people`). ``low``:
    ``text.lower()`` when known."""
    if "@" in text:
        text = redact_handles(text, keep)
        low = None
    text, own = people_in_text(text, text.lower() if low is None else low, names_known)
    return redact_names(text, [*names, *own] if own else names)


def redact_unfiltered(
    text: str, names: Iterable[str] = (), keep_handles: Collection[str] | None = None
) -> str:
    """:func:`redact` with every rule run on every text (no prefilter): the reference the
    prefilters are checked against (tests, ``bench/text_identity.py``)."""
    if not text:
        return text
    for pattern, repl in RULES:
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

"""Decoding bytes of unknown encoding into text."""

from __future__ import annotations

import codecs
import logging
from pathlib import Path

from charset_normalizer import from_bytes

logger = logging.getLogger(__name__)


def _known(encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` trying the declared charset, UTF-8, then detection.

    Returns ``(text, encoding_used)``. Never raises: the last resort is
    cp1252 with replacement characters.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    declared_enc = _known(declared)
    if declared_enc in ("latin-1", "iso8859-1"):
        declared_enc = "cp1252"  # what mail clients mean by it (smart quotes at 0x80-0x9f)
    # Valid UTF-8 with non-ASCII bytes is almost never another encoding, so a wrong
    # "iso-8859-1" label on UTF-8 text is overridden; UTF-16/32 labels are trusted.
    if declared_enc and declared_enc.startswith(("utf-16", "utf-32")):
        candidates: list[str] = [declared_enc]
    else:
        candidates = ["utf-8"] + ([declared_enc] if declared_enc else [])
    for enc in candidates:
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data).best()
    if best is not None and best.encoding and _mostly_non_latin(str(best)):
        logger.debug("detected encoding %s", best.encoding)
        return str(best), best.encoding
    # Detection is unreliable on short Western text (it picks cp1250 for French),
    # so Latin-script text that is valid cp1252 is read as cp1252.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    if best is not None and best.encoding:
        logger.debug("detected encoding %s", best.encoding)
        return str(best), best.encoding
    return data.decode("cp1252", errors="replace"), "cp1252"


def _mostly_non_latin(text: str) -> bool:
    """True when most letters are outside the Latin script (Cyrillic, Greek, CJK...)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    non_latin = sum(1 for c in letters if ord(c) > 0x24F)
    return non_latin > len(letters) / 2


def read_text(path: Path, encoding: str | None = None) -> tuple[str, str]:
    """Read a text file; an explicit ``encoding`` is used strictly, else detected."""
    data = path.read_bytes()
    if encoding:
        return data.decode(encoding), encoding
    return decode_bytes(data)

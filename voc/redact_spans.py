"""Names :mod:`voc.redact` replaces where they stand, with no name to look for elsewhere:
the initials or name signing off a text (``... help. ^JS``, ``*HCK``, ``-KB``, ``- Callum``,
``Thanks-Emir``) and a name spelled letter by letter after a name cue or after the word it
spells (``my last name is S-M-I-T-H``, ``that's Smith, S M I T H``).

Example::

    >>> redact_spans("Please DM us. ^JS")
    'Please DM us. ^[NAME]'
"""

from __future__ import annotations

import re

from voc.redact_given import GIVEN, PLACE_LIKE

NAME = "[NAME]"

# A name spelled letter by letter: "S-M-I-T-H", "S M I T H", "s.m.i.t.h".
_SPELLED = r"(?<![\w-])[A-Za-z](?:(?:\s?[-.]\s?|\s)[A-Za-z]){2,}(?![\w-])"
_SPELLED_AFTER_CUE = re.compile(
    r"(?P<cue>\b(?i:name|surname)\s*(?i:is|was|'s|:)?\s*(?:\[NAME\]\s*[,:;-]?\s*)?"
    r"|\b(?i:spelled|spelt|spelling)\s*(?i:it\s*)?:?\s*)"
    rf"(?P<spelled>{_SPELLED})"
)
_WORD_THEN_SPELLED = re.compile(
    rf"(?P<word>\b[A-Z][a-zA-Z'’-]+)\s*[,:;(-]?\s*(?P<spelled>{_SPELLED})\)?"
)


# The mark first (the engine skips to it), what is before it checked after.
_CARET_INITIALS = re.compile(
    r"[\^*]\s?(?P<who>[A-Z]{2,4}|[A-Z][a-z]{1,11}(?:[A-Z][a-z]{1,11})?)"
    r"(?P<tail>\s*[.!]?[\"”]?\s*(?:\d/\d\s*)?(?:https?://\S+\s*)?)$"
)
_CARET_BEFORE = frozenset(" \t\n.!?)\"”:;/0123456789")
# "... help. -KB", "... soon! ~Debs", "Thanks - Callum": a dash or tilde after a sentence's
# end (or a given name after a space), then initials or one capitalised word closing the text.
_DASH_SIGNOFF = re.compile(
    r"[-–—~]\s?(?P<who>[A-Z]{2,3}|[A-Z][a-z]{1,11})"
    r"(?P<tail>\s*[.!]?\s*(?:\d/\d\s*)?(?:https?://\S+\s*)?)$"
)
_DASH_LEAD = re.compile(
    r"(?:[.!?)…:;]|[\U0001F300-\U0001FAFF\u2600-\u27BF]|\b(?i:ty|thanks|thank\s+you|thx|cheers))"
    r"[\"”]?\s*$"
)
_NOT_INITIALS_TEXT = (
    "LOL LMAO LMFAO ROFL HA HAHA SMH OMG WTF FYI TY THX BTW IMO IMHO JK NOT FAIL WIN YAY"
    " USA UK EU PS Chairman Thanks Thank Thx Cheers Love Peace Out Enjoy Sincerely Regards"
    " Again Please Help Fail Sad Seriously Disappointed Frustrated Not Never Always Yes No"
    " Ugh Wow Lol Smh Omg Happy Angry Annoyed Done Fixed Resolved Update Edit Sent Amen"
    " Finally Cheers Bye Later Soon Ok Okay Sorry Unacceptable Pathetic Shame Ridiculous"
    " Delayed Cancelled Canceled Again Nope Yup Yep Yeah"
)
_NOT_INITIALS = frozenset(_NOT_INITIALS_TEXT.split())
_SIGN_TAIL = 60
"""Characters at the end of a text where a dash sign-off is looked for (after a URL)."""


def redact_spans(text: str, low: str | None = None) -> str:
    """``text`` with a sign-off's initials (``^JS``, ``*TK`` closing it) and names spelled
    letter by letter after a name cue (``S-M-I-T-H``) replaced by ``[NAME]``."""
    if "^" in text or "*" in text:
        m = _CARET_INITIALS.search(text)
        if m is not None and m.group("who") not in _NOT_INITIALS and (
            m.start() == 0 or text[m.start() - 1] in _CARET_BEFORE
        ):
            text = text[: m.start("who")] + NAME + m.group("tail")
    tail = text[-_SIGN_TAIL:]
    if "-" in tail or "~" in tail or "–" in tail or "—" in tail:
        m = _DASH_SIGNOFF.search(text, max(0, len(text) - _SIGN_TAIL))
        if m is not None and _dash_signoff(text, m):
            text = text[: m.start("who")] + NAME + m.group("tail")
    low = text.lower() if low is None else low
    if "name" in low or "spel" in low or (
        "that" in low and ("that's" in low or "thats" in low or "that is" in low)
    ):
        text = _SPELLED_AFTER_CUE.sub(_spelled_cue, text)
        text = _WORD_THEN_SPELLED.sub(_word_spelled, text)
    return text


def _dash_signoff(text: str, m: re.Match[str]) -> bool:
    """Whether the dash and word closing ``text`` sign it off: after a sentence's end or a
    thanks, or a given name after a space."""
    who, at = m.group("who"), m.start()
    if who in _NOT_INITIALS:
        return False
    if _DASH_LEAD.search(text, max(0, at - 20), at) is not None:
        return True  # "... help. -KB", "Thanks-Emir"
    if at and not text[at - 1].isspace():
        return False
    return who in GIVEN and who not in PLACE_LIKE and at > 0


def _letters(spelled: str) -> str:
    return re.sub(r"[^A-Za-z]", "", spelled)


def _spelled_cue(m: re.Match[str]) -> str:
    if len(_letters(m.group("spelled"))) < 3:
        return m.group(0)
    return m.group("cue") + NAME


def _word_spelled(m: re.Match[str]) -> str:
    """A word followed by its own spelling ("Smith, S M I T H"): both are a name."""
    if _letters(m.group("spelled")).lower() != m.group("word").lower():
        return m.group(0)
    return NAME + ", " + NAME

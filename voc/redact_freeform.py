"""Personal data written loosely in free text: what :mod:`voc.redact` adds to its rules.

* e-mail addresses spelled out to dodge scrapers: ``ohcamaro at gmail dot com``,
  ``john.smith[at]gmail.com``, ``jane (at) yahoo (dot) com``;
* bare 10/11-digit North American numbers (``please call me 9148445695``) and UK mobiles
  without spaces, unless an order / tracking / account / case keyword comes just before;
* names people give themselves: ``My name is Sarah Connor``, ``I'm Sarah,``, ``This is Priya
  from``, and a sign-off name closing a one-line text (``... Thanks, Maria``);
* @handles of people (``DM me @johnsmith``): a handle is kept only when it is one the texts
  address often (a brand such as ``@united``), has a support word in it (``@AmazonHelp``,
  ``@comcastcares``, ``@Ask_Spectrum``) or, for a single text, when it opens the text.

Example::

    >>> names_in_text("Hi, my name is Sarah Connor and I was charged twice. Thanks, Maria")
    ['Sarah Connor', 'Maria']
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import lru_cache

HANDLE = "[HANDLE]"

# --- spelled-out e-mail addresses -------------------------------------------------------------

_BR_AT = r"\s*[\[({<]\s*(?:at|@)\s*[\])}>]\s*"
_BR_DOT = r"\s*[\[({<]\s*dot\s*[\])}>]\s*"
_WORD_AT = r"\s+(?i:at)\s+"
_WORD_DOT = r"\s+(?i:dot)\s+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_OBFUSCATED_EMAIL_RE = re.compile(
    r"(?<![\w.+-])(?P<local>[A-Za-z0-9][A-Za-z0-9._%+-]{0,63})"
    rf"(?P<at>{_BR_AT}|{_WORD_AT})"
    rf"(?P<domain>{_LABEL}(?:(?:{_BR_DOT}|{_WORD_DOT}|\.){_LABEL})*"
    rf"(?:{_BR_DOT}|{_WORD_DOT}|\.)(?i:[a-z]{{2,6}}))(?![\w@]|\.\w)"
)
# A plain " at " is an address only with a mail provider's domain or a spelled-out "dot":
# "look at amazon.com" and "meet at gate.B" stay.
# (only names that are not everyday words: "at live.com" or "at me.com" stay as they are)
_PROVIDERS_TEXT = (
    "gmail googlemail yahoo ymail hotmail outlook msn aol icloud protonmail proton gmx yandex "
    "comcast verizon sbcglobal btinternet virginmedia laposte wanadoo t-online zoho fastmail "
    "hushmail tutanota"
)
_PROVIDERS = frozenset(_PROVIDERS_TEXT.split())
MAIL_WORDS = (" dot ", "[dot", "(dot", *sorted(_PROVIDERS))
"""Substrings one of which an address spelled with a plain " at " has (its gate)."""
_NOT_LOCAL_TEXT = (
    "me us them you him her it home work look looked email mail address this that account "
    "here there him everyone anyone someone someone's inbox box them. once least"
)
_NOT_LOCAL = frozenset(_NOT_LOCAL_TEXT.split())


def _obfuscated_email(m: re.Match[str]) -> str:
    if m.group("at").strip() and m.group("at").strip().lower() not in ("at",):
        return "[EMAIL]"  # [at], (at), {at}, [@]: always an address
    if m.group("local").lower() in _NOT_LOCAL:
        return m.group(0)
    domain = m.group("domain")
    spelled = re.search(r"\s(?i:dot)\s|[\[({<]", domain) is not None
    first = re.split(r"\.|\s|[\[({<]", domain, maxsplit=1)[0].lower()
    return "[EMAIL]" if spelled or first in _PROVIDERS else m.group(0)


# --- bare phone numbers -----------------------------------------------------------------------

# Candidates start with a digit or "(", so the engine skips to them; _bare_phone checks the
# shape and what is around them.
_BARE_PHONE_RE = re.compile(r"\d{10,12}|\(\d{3}\) ?\d{7}|44 7\d{9}")
_BARE_PHONE_SHAPE = re.compile(
    r"1?[2-9]\d{2}[2-9]\d{6}"  # North American, no separators: 9148445695, 18005550199
    r"|\([2-9]\d{2}\) ?[2-9]\d{6}"  # (347)5550101
    r"|44 ?7\d{9}"  # UK mobile in international form without +: 447700900456
)
_NOT_BEFORE = set("#$€£./:+-_")
_TRAILING_DIGIT = re.compile(r"[.,:-]\d")
_NUMBER_KEYWORD = re.compile(
    r"(?:order|tracking|track|confirmation|conf|invoice|inv|ticket|case|ref|reference|booking"
    r"|reservation|account|acct|a/c|claim|transaction|txn|serial|model|isbn|asin|item|receipt"
    r"|membership|member|loyalty|rewards|policy|po|sku|upc|id|pnr|record|locator|incident|"
    r"request|sr|complaint|check|cheque|routing|card|parcel|package|shipment|waybill)"
    r"\s*(?:number|num|no|nr|n°|#|id|code)?\s*[.:#]?\s*(?:is|was|:)?\s*$",
    re.IGNORECASE,
)


def _bare_phone(m: re.Match[str]) -> str:
    """``[PHONE]`` for a number without separators standing alone, not after "order",
    "tracking", "account", "case" ... (the reference numbers people quote)."""
    text, start, end = m.string, m.start(), m.end()
    if start and (text[start - 1].isalnum() or text[start - 1] in _NOT_BEFORE):
        return m.group(0)
    if end < len(text) and (
        text[end].isalnum() or text[end] in "/_" or _TRAILING_DIGIT.match(text, end) is not None
    ):
        return m.group(0)
    if _BARE_PHONE_SHAPE.fullmatch(m.group(0)) is None:
        return m.group(0)
    return m.group(0) if after_number_keyword(m) else "[PHONE]"


def after_number_keyword(m: re.Match[str]) -> bool:
    """True when "order", "tracking no.", "account", "case #" ... comes just before."""
    return _NUMBER_KEYWORD.search(m.string[max(0, m.start() - 40) : m.start()]) is not None


# --- names people give themselves -------------------------------------------------------------

# Common given names (US, UK, Spanish, Indian, Arabic, East Asian ...) that are not also
# everyday English words: the cue "I'm X" / "Thanks, X" alone is too weak for "I'm Canadian"
# or "Thanks, United", so there X must be one of these.
_FIRST_NAMES_TEXT = (
    """aaliyah aarav aaron abdul abdullah abel abigail adam adeline adrian ahmed aiden aisha alan
    albert alejandro alessandro alex alexa alexander alexandra alfie ali alice alicia alison
    allison alyssa amanda amelia amir amit amy ana ananya anders andrea andreas andres andrew
    andy angela angelina anil anita anjali ann anna anne annie anthony antonio archie aria
    ariana arianna arjun arthur arun asher ashley ashton audrey aurora austin ava axel barbara
    beau becca becky bella ben benjamin bennett bentley beth betty beverly bianca bob bobby
    brandon braxton brayden braylon brenda brian brielle brittany brody brooklyn bruce bryan
    bryson caitlin caleb calvin camden cameron camila camille carl carla carlos carmen carol
    caroline carolyn carson carter catherine charles charlie charlotte chen cheryl chloe chris
    christian christina christine christopher claire claudia cole colin colton connor cora
    craig crystal cynthia damian dana daniel daniela danielle danny david dean deborah debra
    declan deepak delilah denise dennis derek dev devon diana diane diego dmitri dominic donna
    dorothy douglas dylan easton eduardo edward eleanor elena eli eliana elias elijah elizabeth
    ella ellen elliot elliott emilia emiliano emily emma emmanuel emmett eric erica erik erin
    ethan eugene eva evan evelyn everett everly ezekiel ezra fatima felipe fernando finn fiona
    francesca francesco francisco françois freddie gabriel gabriela gabriella gael gary gavin
    george georgia gerald gianna giovanni giulia giuseppe gloria grayson greg gregory greyson
    guadalupe hailey hannah hans harold harper harrison harry haruto hassan hazel heather helen
    henry hiroshi hudson hugo hui hussein ian ibrahim ingrid irene isaac isabel isabella isaiah
    isla ivan jace jackson jacob jake james jameson jamie jan jane janet janice jason javier
    jaxon jayce jayden jean jeff jeffrey jenn jenna jennifer jenny jeremiah jeremy jerry jess
    jessica jessie jesus jill jim jimmy joan joe joel joey john johnny jon jonah jonathan
    jordan jorge jose joseph josephine josh joshua josiah juan judah jude judith judy julia
    julian julie julien jun justin jürgen kai karen karim kat kate katherine kathleen kathryn
    kathy katie katy kavya kayden kayla kaylee keith kelly ken kenji kennedy kenneth kenny
    kevin khalid kim kimberly klaus kyle landon larry lars laura lauren layla leah lei leo
    leonardo levi li liam lincoln linda lindsay lisa liz logan lorenzo louis luca lucas lucia
    lucy luis luke lydia maddox madeline madelyn madison maggie malachi manuel marc marco
    marcus maria mariana marie marilyn mario marta martha martin mary mason mateo matt matteo
    matthew maxwell maya meg megan melissa mia micah michael michel michelle mickey miguel mike
    milo ming mohammad mohammed molly monica muhammad mustafa myles nancy naomi natalie nate
    nathan nathaniel neha neil nicholas nick nicolas nicole nina noah nolan nora nova olga
    oliver olivia ollie omar oscar owen pablo paisley pamela paola patricia patrick paul paula
    pedro penelope pete peter phil philip pierre pieter piper pooja priya quinn rachel rafael
    rahul raj rajesh ralph ramesh randy ravi raymond rebecca reggie rhett ricardo richard rick
    ricky riley robert roberto robin roger rohit roman ron ronald ronnie rosa rowan ruby russ
    ruth ryan ryder sabrina sakura sally sam samantha samir samuel sandra sanjay sanne santiago
    sara sarah sasha savannah sawyer scarlett scott sean sebastian sergei sergio shannon sharon
    shawn shirley silas simon skylar sofia sophia sophie stan stefan steph stephanie stephen
    steve steven stu sunil suresh susan sven sylvia takashi tanya tara ted teddy teresa terry
    tess theodore thierry thomas tiffany tim timmy timothy tina todd tom tommy tony tracy
    trevor tristan troy tyler valentina valeria valerie vanessa vicky victor victoria vijay
    vince vincent violet virginia vivek vivian walter wayne wei wendy wes wesley weston william
    wyatt xander xavier ximena xin yan youssef yuki yusuf zach zachary zack zion zoe zoey"""
)
_FIRST_NAMES = frozenset(_FIRST_NAMES_TEXT.split())
_CAP = r"[A-ZÀ-Þ][a-zà-ÿ'’-]+"
_PARTICLE = r"de|van|der|den|von|da|di|del|della|la|le|du|dos|das|ten|ter"
_STOP_AFTER_NAME_TEXT = (
    "and but from here with at on in of for the a an my your our i i'm its it's is was"
)
_STOP_AFTER_NAME = frozenset(_STOP_AFTER_NAME_TEXT.split())
_MY_NAME_RE = re.compile(
    rf"\b(?:[Mm]y name is|[Mm]y name's|[Nn]ame's|[Mm]y name:)\s+"
    rf"(?P<name>{_CAP}(?:\s+(?:(?:{_PARTICLE})\s+)?{_CAP}){{0,2}})"
)
_I_AM_RE = re.compile(
    r"(?:I'm|I’m|Im|I am|[Tt]his is)\s+"
    rf"(?P<name>{_CAP}(?:\s+{_CAP})?)"
    r"(?P<after>\s*(?:[,.!;:)\-–—]|\s(?:from|here|and|with)\b|$))"
)
_SIGNOFF_END_RE = re.compile(
    r"(?:^|(?<=[\s.!?,;]))(?i:thanks|thank you|many thanks|thx|cheers|regards|best regards"
    r"|kind regards|best|sincerely|cordially)\s*[,!.:-]?\s*"
    rf"(?P<name>{_CAP}(?:\s+{_CAP})?)\s*[.!]*\s*$"
)
# Substrings (lower-cased text) without which each pattern cannot match: plain ``in`` tests,
# far cheaper than letting the regex engine try every position of every text.
_I_AM_CUES = ("i'm", "i’m", "im ", "i am", "this is")
_TAIL = 80
"""Characters at the end of a text where a closing sign-off name is looked for."""


def _is_first_name(word: str) -> bool:
    return word.lower() in _FIRST_NAMES


def names_in_text(text: str, low: str | None = None) -> list[str]:
    """Names a text gives for its writer: "My name is X Y", "I'm X", "This is X from",
    "... Thanks, X" at the end. Only "My name is" trusts any capitalised words; the weaker
    cues need a common given name."""
    if not text:
        return []
    low = text.lower() if low is None else low
    found: list[str] = _my_name(text) if "name" in low else []
    # ``or`` chains, not any(): this runs on every text redacted
    if "i'm" in low or "i’m" in low or "im " in low or "i am" in low or "this is" in low:
        found += _i_am(text, low)
    end = text.rstrip(" .!\n\t")
    sp = end.rfind(" ") + 1
    if not end[sp : sp + 1].isupper():  # the last word (a name) is capitalised
        return list(dict.fromkeys(found)) if len(found) > 1 else found
    tail = low[-_TAIL:]
    if "thank" in tail or "best" in tail or "regards" in tail or "cheers" in tail or (
        "thx" in tail or "sincerely" in tail or "cordially" in tail
    ):
        m = _SIGNOFF_END_RE.search(text, max(0, len(text) - _TAIL))
        if m is not None and _is_first_name(m.group("name").split()[0]):
            found.append(m.group("name"))
    return list(dict.fromkeys(found)) if len(found) > 1 else found


_ADDRESSED_RE = re.compile(
    r"(?:\b(?i:thanks|thank you)(?:\s+(?i:so much|again|very much))?"
    r"(?:\s+(?i:for)\s+[\w'’ ]{1,40}?)?"
    r"|\b(?i:hi|hello|hey|welcome|morning|bye|good to see you|nice to meet you))"
    rf",?\s+(?P<name>{_CAP})\b(?!\s*[’']s\b)"
)


def addressed_names(text: str) -> list[str]:
    """Given names a speaker addresses someone by: ``"Thanks for joining, Rosa."``, ``"Hi
    Devon,"``; only common given names (``"Thanks for coming, Monday"`` stays)."""
    low = text.lower()
    if not any(cue in low for cue in ("thank", "hi", "hello", "hey", "welcome", "morning", "bye",
                                      "meet you", "see you")):
        return []
    found = [m.group("name") for m in _ADDRESSED_RE.finditer(text)]
    return list(dict.fromkeys(n for n in found if _is_first_name(n)))


def _my_name(text: str) -> list[str]:
    found = []
    for m in _MY_NAME_RE.finditer(text):
        words = m.group("name").split()
        while words and words[-1].lower() in _STOP_AFTER_NAME:
            words.pop()
        if words and words[0].lower() not in _STOP_AFTER_NAME:
            found.append(" ".join(words))
    return found


def _i_am_matches(text: str, low: str) -> list[re.Match[str]]:
    """Matches of the "I'm X" pattern, tried only where a cue starts (when lower-casing kept
    the length, as it does but for a few letters such as "İ")."""
    if len(low) != len(text):
        return list(_I_AM_RE.finditer(text))
    out = []
    for cue in _I_AM_CUES:
        at = low.find(cue)
        while at >= 0:
            m = _I_AM_RE.match(text, at)
            if m is not None and (at == 0 or text[at - 1] in " \t\n,.!;:("):
                out.append(m)
            at = low.find(cue, at + 1)
    return sorted(out, key=lambda m: m.start())


def _i_am(text: str, low: str) -> list[str]:
    found = []
    for m in _i_am_matches(text, low):
        words = m.group("name").split()
        strong = m.group(0).lower().startswith("this is") and "from" in m.group("after")
        if words and (_is_first_name(words[0]) or strong):
            if len(words) > 1 and words[1].lower() in _STOP_AFTER_NAME:
                words = words[:1]
            found.append(" ".join(words))
    return found


# --- @handles ---------------------------------------------------------------------------------

# "@" first (the engine then skips to each "@"), the character before it checked after
_HANDLE_RE = re.compile(r"@(?<![\w@.+-]@)(?P<h>[A-Za-z0-9_]{1,30})\b(?!@|\.\w)")
_AT_WORD = re.compile(r"@(\w+)")
_LEADING_HANDLES_RE = re.compile(r"^(?:\s*\.?@[A-Za-z0-9_]{1,30}\b[:,]?)+")
_TIME_LIKE = re.compile(r"\d{1,2}(?::?\d\d)?(?:am|pm|h)?|\d+(?:k|x|st|nd|rd|th)?", re.I)
_ORG_HANDLE = re.compile(
    r"help|support|care|service|assist|team|official|^ask|news|_?hq$|desk|airlines?$|air$",
    re.IGNORECASE,
)
"""Words in a handle that make it an organisation's (``@HPSupport``, ``@Ask_Spectrum``,
``@comcastcares``): people's handles rarely have them."""
MIN_ADDRESSED = 5
"""A handle opening at least this many of the texts redacted together is a brand's."""


def leading_handles(text: str) -> list[str]:
    """The handles a text opens with (its addressees), lower-cased."""
    m = _LEADING_HANDLES_RE.match(text)
    return _AT_WORD.findall(m.group(0).lower()) if m else []


def addressed_handles(texts: Iterable[str], min_texts: int = MIN_ADDRESSED) -> set[str]:
    """Handles (lower-cased) that open at least ``min_texts`` of ``texts``: the brands a
    corpus of tweets is addressed to (``@united``, ``@AmazonHelp``), kept by
    :func:`redact_handles`. All-digit handles (anonymised user ids) never count."""
    counts: dict[str, int] = {}
    for text in texts:
        if text[:1] != "@":
            if not text[:1].isspace() or text.lstrip()[:1] != "@":
                continue
            text = text.lstrip()
        m = _LEADING_HANDLES_RE.match(text)
        if m is not None:
            for h in set(_AT_WORD.findall(m.group(0).lower())):
                counts[h] = counts.get(h, 0) + 1
    return {h for h, n in counts.items() if n >= min_texts and not h.isdigit()}


def redact_handles(text: str, keep: Collection[str] | None = None) -> str:
    """Replace @handles of people with ``[HANDLE]``.

    ``keep`` holds the lower-cased handles to leave (brands, from :func:`addressed_handles`);
    when it is None (a text alone), the handles the text opens with are its addressees and
    stay, unless all digits. Times and counts written after "@" ("@5pm", "@2x") stay.
    """
    if "@" not in text:
        return text
    kept = set(leading_handles(text.lstrip())) if keep is None else keep

    def repl(m: re.Match[str]) -> str:
        h = m.group("h")
        if _stays(h) or (h.lower() in kept and not h.isdigit()):
            return m.group(0)
        return HANDLE

    return _HANDLE_RE.sub(repl, text)


@lru_cache(maxsize=65536)
def _stays(handle: str) -> bool:
    """A time or count ("@5pm", "@2x") or an organisation's handle: never redacted."""
    if _TIME_LIKE.fullmatch(handle) and not (handle.isdigit() and len(handle) >= 5):
        return True
    return _ORG_HANDLE.search(handle) is not None

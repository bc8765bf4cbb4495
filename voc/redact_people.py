"""Names of other people a text mentions: staff, family and friends, agents' sign-offs.

:mod:`voc.redact_freeform` finds the names a text gives for its writer ("My name is ...");
this module finds the people it talks about or to, by a common given name
(:mod:`voc.redact_given`) next to a cue:

* a role or a relation just before: ``your agent Sarah``, ``gate agent Ricky J``,
  ``Captain Steve Connolly``, ``my husband Mark``, ``Grandma Ella``;
* talking or thanking: ``spoke with Jessica``, ``thanks to Julian``, ``shout out to Kim``;
* a post or a verb of service just after: ``Kim at gate B12``, ``Jessica in billing``,
  ``Claudia in IAH``, ``Karen with customer service``, ``Marcus helped me``, ``Sharon was
  so helpful``, ``Ricky J (gate agent)``, an initial (``Tara G``, ``Lynn S.``);
* addressed: ``Hi Stephen,``, ``Thanks Becky!``, ``... do better, Joel.``, the first word
  after the @handles a tweet opens with;
* a sign-off closing the text: ``-Becky``, ``- Matt``, ``~ Ellen``, ``^Jane 2/2`` (initials
  such as ``^JS`` and names spelled out are replaced where they stand, by
  :mod:`voc.redact_spans`);
* named: ``her name was Samantha``, ``a rep named Tiffani``, ``my last name is Smith``
  (any capitalised word there).

Given names that are mostly places here (``Austin``, ``Charlotte``, ``Jackson``,
``Savannah``, ``Logan``) count only after a role, relation, talking or naming cue, never
after a place word (``San Diego``, ``St. Louis``) or before one (``John Wayne airport``,
``Jackson Hole``).

Example::

    >>> others_in_text("Your agent Sarah hung up on me, my husband Mark called twice")
    ['Sarah', 'Mark']
"""

from __future__ import annotations

import re

from voc.redact_freeform import names_in_text
from voc.redact_given import EVERYDAY, PLACE_LIKE, given_names
from voc.redact_spans import redact_spans

_CAPWORD = re.compile(r"(?<![\w@#\[])[A-ZÀ-Þ][a-zà-ÿ]+(?![\w\]])")
_SURNAME = r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_NOT_SURNAME_TEXT = (
    """The And Or But At In On From With To For Of Is Was Are Were Has Had Have Will Would
    Can Could Did Does Do Not No Yes Thanks Thank Thx Please Hi Hello Hey Dear Sir Madam
    Airport Airlines Airline Airways Air International Intl Terminal Club Lounge Customer
    Service Services Care Support Team Desk Counter Gate Center Centre Reservations Flight
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Today Tomorrow Yesterday
    Tonight You Your We Our My He She They It This That Who What Why How When Where Just
    Very So Great Awesome Amazing Rocks Rock Helped Was Said Told Vice President CEO"""
)
_NOT_SURNAME = frozenset(_NOT_SURNAME_TEXT.split())

# A name, its surname or an initial, and what follows.
_FULL = re.compile(
    rf"(?P<name>[A-ZÀ-Þ][a-zà-ÿ]+)(?P<sur>\s+{_SURNAME})?"
    r"(?P<init>\s+[A-HJ-Z](?:\.|(?=[\s,;:!?)]|$)))?"
)
_PLACE_BEFORE = re.compile(
    r"\b(?:San|Santa|St|Saint|Ste|Los|Las|Cabo|Fort|Ft|Port|Mount|Mt|Lake|New|Puerto|Porto"
    r"|São|El|La|Hurricane|Storm|Super|Hail|Kit)\.?\s+$"
)
_PLACE_AFTER = re.compile(
    r"\s*(?:'s\s+Vineyard|\s(?i:airport|international|intl|terminal|airlines?|airways|avenue"
    r"|ave|street|st|road|rd|boulevard|blvd|county|city|state|university|college|hospital"
    r"|center|centre|hall|park|square|bridge|river|beach|island|bay|hole|heights|falls"
    r"|springs|valley|station|mall|universe|potter|adams|and\s+morty|bros|de\s+allende)\b)"
)

_ROLE = (
    r"agent|agt|rep|representative|supervisor|spvsr|manager|mgr|pilot|captain|capt"
    r"|first\s+officer|attendant|flight\s+att|fa|steward|stewardess|purser|crew\s+member"
    r"|crewmember|employee|staff\s+member|staffer|associate|cashier|driver|technician|tech"
    r"|advisor|adviser|specialist|operator|clerk|concierge|host|hostess|server|waiter"
    r"|waitress|officer|nurse|doctor|guard|colleague|co-?worker|boss|teammate"
)
_RELATION = (
    r"husband|wife|hubby|son|daughter|mom|mum|mother|dad|father|friend|boyfriend|girlfriend"
    r"|bf|gf|partner|fianc[eé]e?|sister|brother|sis|bro|kid|child|baby|aunt|uncle|grandma"
    r"|grandmother|granny|grandpa|grandfather|grandson|granddaughter|cousin|niece|nephew"
    r"|neighbou?r|roommate|flatmate|mother-in-law|father-in-law|sister-in-law|brother-in-law"
    r"|stepson|stepdaughter|stepmom|stepdad|family\s+friend|best\s+friend|bestie"
)
# Strong cues just before a name: places are not excluded ("spoke with Austin in billing").
_STRONG_BEFORE = re.compile(
    rf"(?:\b(?i:{_ROLE})\.?|\b(?i:my|our|your|ur|his|her|their)\s+(?:(?i:{_RELATION})|little"
    rf"\s+(?i:{_RELATION}))|\b(?:Grandma|Grandpa|Granny|Nana|Aunt|Auntie|Uncle|Cousin|Captain"
    r"|Capt|Officer|Nurse|Dr|Agent|Sister|Brother)\.?"
    r"|\b(?i:family\s+friend|best\s+friend|(?:a|an|our)\s+friend)"
    r"|\b(?i:spoke|speaking|spoken|talked|talking|chatted|chatting|dealt|dealing|worked|working)"
    r"\s+(?i:to|with)|\b(?i:helped|assisted|served|handled|rescued|saved|greeted)\s+(?i:by)"
    r"|\b(?i:thanks|thank\s+you|shout\s*-?outs?|kudos|props|compliments?|hats\s+off)\s+(?i:to)"
    r"|\b(?i:compliment|commend|recognize|recognise|praise))"
    r"\s*[\"“']?\s*$"
)
_CALLED_BEFORE = re.compile(r"\b(?i:named|called|nicknamed)\s*[\"“']?\s*$")
_ADDRESSED_BEFORE = re.compile(
    r"(?:^|(?<=[\s,.!?:;(\"“]))(?i:hi|hello|hey|hiya|dear|thanks|thank\s+you|thx|ty|cheers"
    r"|good\s+luck|bye|welcome|good\s+(?:morning|afternoon|evening)|(?:hi|hey|hello)\s+there"
    r"|sorry)[,!]?\s*[,]?\s+$"
    r"|\b(?i:thanks|thank\s+you)\s+(?i:for)\s+[\w'’ ]{1,40}?,?\s+$"
    r"|^\s*[\"“]?(?:RT\s+)?(?:(?:\.?@\w+|\[HANDLE\])[:,]?\s+)+$"
)
_VOCATIVE_BEFORE = re.compile(r"[,]\s*$")
_VOCATIVE_AFTER = re.compile(r"\s*(?:[.!?,]|$)")
_SIGN_BEFORE = re.compile(r"(?:^|[\s.!?)\"”:;])(?:[-–—~^]|(?i:ty|thanks|thx)\s*[-–—])\s*$")
_SIGN_AFTER = re.compile(r"\s*[.!]?[\"”]?\s*(?:\d/\d\s*)?(?:https?://\S+\s*)?$")
_BARE_SIGN_BEFORE = re.compile(r"[.!?)]\s+$")
_POST_AFTER = re.compile(
    r"\s*(?:\((?i:gate\s+agent|agent|ticket\s+agent|supervisor|manager|rep|fa)\)"
    r"|\s(?:at|in|from|with|@)\s+(?:the\s+|your\s+|ur\s+|our\s+)?"
    r"(?:(?i:gates?|desk|front\s+desk|counters?|check-?in|ticket|ticketing|call\s+cent(?:er|re)"
    r"|customer\s+(?:service|care|relations|support)|billing|reservations|baggage|bag\s+drop"
    r"|lounge|club|security|store|branch|office|help\s*desk|support|the\s+airport|airport"
    r"|arrivals|departures|boarding)\b|[A-Z]{3}\b|[A-Z][a-z]+))"
)
_ROLE_AFTER = re.compile(
    r"\s+(?:\((?:the\s+)?)?(?i:supervisor|agent|manager|rep|representative|flight\s+attendant"
    r"|gate\s+agent|ticket\s+agent|attendant|captain|pilot)\b"
)
_CLAUSE_END_AFTER = re.compile(r"\s*[!?]")
_PREPOSITION_BEFORE = re.compile(
    r"\b(?i:to|in|at|from|of|with|for|about|into|via|visit|visiting|near|like|love|watch"
    r"|watching|see|seeing|meet|call|calling)\s+$"
)
_SERVICE_AFTER = re.compile(
    r"\s+(?:(?i:helped|assisted|hung\s+up|told\s+(?:me|us|my)|said|went\s+(?:above|out)"
    r"|took\s+care|fixed|resolved|sorted|rebooked|refused|rocks|rock|ROCKS|saved|rescued"
    r"|deserves|was\s+beyond)"
    r"|(?:was|is|has\s+been)\s+(?:(?:so|very|really|extremely|super|beyond|absolutely"
    r"|incredibly|truly|just|the\s+most)\s+)?(?i:rude|helpful|unhelpful|nice|kind|great"
    r"|awesome|amazing|wonderful|fantastic|excellent|terrific|the\s+best|patient|friendly"
    r"|polite|professional|courteous|sweet|lovely|brilliant|outstanding|phenomenal"
    r"|condescending|dismissive|useless|mean|nasty|unprofessional|horrible|terrible|awful"
    r"|a\s+(?:superhero|hero|star|gem|rockstar|lifesaver|saint|pleasure)|our\s+hero"
    r"|your\s+saviou?r))\b"
)
_ENDS_WITH_INITIAL = re.compile(r"\s[A-Z]$")
_AUX_BEFORE = re.compile(
    r"\b(?i:has|have|had|hasn't|haven't|hadn't|not|is|isn't|was|wasn't|be|being|would|could"
    r"|should|will|to)\s+$"
)
_QUOTED = re.compile(r"[\"“]\s*$")
_QUOTE_AFTER = re.compile(r"\s*[\"”]")

# "her name was Samantha", "a rep named Tiffani", "my last name is Smith": any capitalised
# word(s) after the cue. Tried only where "name" / "called" is (found with str.find), the
# words before checked backwards from there.
_NAME_OWNER_BEFORE = re.compile(
    r"(?:\b(?:her|his|their|the\s+(?:agent|rep|representative|supervisor|manager|lady|guy)"
    r"'?s?|agent'?s|rep'?s)\s+(?:first\s+|last\s+|full\s+)?"
    r"|\b(?:my|her|his)\s+(?:first|last|full|middle|maiden|family|given)\s*-?\s*|\bsur)$"
)
_PERSON_BEFORE = re.compile(
    r"\b(?:agent|rep|representative|supervisor|manager|lady|guy|gentleman|woman|man|girl"
    r"|someone|somebody|person|employee|attendant|pilot|captain|associate|husband|wife|son"
    r"|daughter|friend|dog|cat)\s+$"
)
_NAME_IS_AFTER = re.compile(
    rf"\s*(?:(?i:is|was)\s|'s\s|:)\s*[\"“]?(?P<name>{_SURNAME}(?:\s+{_SURNAME})?)"
)
_NAME_AFTER = re.compile(rf"\s+[\"“]?(?P<name>{_SURNAME}(?:\s+{_SURNAME})?)")

# "SNA agent Jacquie Plitt", "supervisor Dana Kowalski": a role, then a capitalised word and
# a capitalised surname. Two such words after a role are a person's full name even when the
# given name is not a common one (:mod:`voc.redact_given`). Found by the pair of capitalised
# words first (a cheap scan), then the word before it looked up among the roles' last words.
_PAIR = re.compile(
    rf"(?<=[A-Za-z.] )(?P<given>[A-Z][a-z]+) (?P<sur>{_SURNAME})(?![\w@'’])"
)
_ROLE_LAST = frozenset(
    w.replace("\\", "")
    for alt in _ROLE.split("|")
    for w in [alt.split("\\s+")[-1]]
    if "?" not in w and "[" not in w
) | {"coworker", "co-worker"}
_TITLE_WORDS_TEXT = (
    """General Counsel Director Officer Manager President Senior Junior Chief Executive Head
    Assistant Associate Regional District Operations Account Accounts Sales Relations Lead
    Supervisor Agent Representative Specialist Analyst Engineer Express American"""
)
_NOT_NAME_WORDS = _NOT_SURNAME | frozenset(_TITLE_WORDS_TEXT.split())


def _role_full_names(text: str) -> list[str]:
    """Full names (a capitalised given name and surname) right after a role word, neither
    word a common capitalised word or a title (:data:`_NOT_NAME_WORDS`), nor a place-like
    name or the start of a place ("agent Jacquie Plitt", not "agent Delta Airlines", "rep
    Santa Ana" or "associate General Counsel")."""
    out = []
    for m in _PAIR.finditer(text):
        given, sur = m.group("given"), m.group("sur")
        if given in _NOT_NAME_WORDS or sur in _NOT_NAME_WORDS or given in PLACE_LIKE:
            continue
        before = text[max(0, m.start() - 30) : m.start()].split()
        if not before or before[-1].rstrip(".").lower() not in _ROLE_LAST:
            continue
        if _PLACE_BEFORE.search(given + " ") or _PLACE_AFTER.match(text, m.end()):
            continue  # "rep Santa Ana", "agent Logan Airport"
        out.append(f"{given} {sur}")
    return out


def people_in_text(text: str, low: str, writer_known: bool = False) -> tuple[str, list[str]]:
    """``text`` with sign-off initials and spelled-out names replaced (:func:`redact_spans`),
    and the names of the people it names: its writer's (:func:`names_in_text`, unless
    ``writer_known``) and the others' (:func:`others_in_text`). ``low``: ``text.lower()``.

    One test for a capitalised given name serves both: without one, and without "name" or
    "this is", :func:`names_in_text` finds nothing, so it is not run (most texts)."""
    spanned = redact_spans(text, low)
    if spanned != text:
        text, low = spanned, spanned.lower()
    given = given_names(text)
    named = "name" in low
    found = []
    if not writer_known and (given or named or "this is" in low):
        found = names_in_text(text, low)
    if named or "called" in low:
        found += _named(text, low)
    if given:
        found += _cued(text, given)
    found += _role_full_names(text)
    return text, found


def others_in_text(text: str, low: str | None = None) -> list[str]:
    """Names of other people in ``text`` (see the module docstring), in order, unique."""
    low = text.lower() if low is None else low
    found: list[str] = _named(text, low) if "name" in low or "called" in low else []
    given = given_names(text)
    if given:
        found += _cued(text, given)
    found += _role_full_names(text)
    return list(dict.fromkeys(found)) if len(found) > 1 else found


def _named(text: str, low: str) -> list[str]:
    if len(low) != len(text):  # lower-casing changed the length ("İ"): offsets differ
        return []
    out = []
    for cue in ("name", "called"):
        at = low.find(cue)
        while at >= 0:
            m = _named_at(text, low, at, cue)
            if m is not None:
                words = m.group("name").split()
                while words and words[-1] in _NOT_SURNAME:
                    words.pop()
                if words and words[0] not in _NOT_SURNAME:
                    out.append(" ".join(words))
            at = low.find(cue, at + 1)
    return out


def _named_at(text: str, low: str, at: int, cue: str) -> re.Match[str] | None:
    """The name after the cue ``cue`` at ``at`` ("her name was X", "a rep named X")."""
    lo = max(0, at - 40)
    if cue == "name" and low.startswith("named", at):
        if _PERSON_BEFORE.search(low, lo, at) is not None:
            return _NAME_AFTER.match(text, at + 5)
        return None
    if at and low[at - 1].isalpha() and not low.startswith("sur", at - 3):
        return None
    if cue == "called":
        return _NAME_AFTER.match(text, at + 6) if _PERSON_BEFORE.search(low, lo, at) else None
    if _NAME_OWNER_BEFORE.search(low, lo, at) is not None:
        return _NAME_IS_AFTER.match(text, at + 4)
    return None


def _cued(text: str, given: set[str] | frozenset[str]) -> list[str]:
    out = []
    for w in _CAPWORD.finditer(text):
        if w.group(0) not in given:
            continue
        m = _FULL.match(text, w.start())
        if m is None:
            continue
        name = _with_surname(m)
        start = m.start()
        if _is_person(text, start, start + len(name), m.group("name"), name):
            out.append(name)
    return out


def _with_surname(m: re.Match[str]) -> str:
    """The given name with its capitalised surname and initial, when they look like ones."""
    name = m.group("name")
    sur = m.group("sur")
    if sur and sur.split()[0] not in _NOT_SURNAME:
        name += sur
        if m.group("init"):
            name += m.group("init")
    elif not sur and m.group("init"):
        name += m.group("init")
    return name.rstrip(".")


def _is_person(text: str, start: int, end: int, given: str, name: str) -> bool:
    """Whether the name at ``text[start:end]`` (``given`` its given name) is a person's, by
    the cues around it."""
    lo = max(0, start - 60)
    if _PLACE_BEFORE.search(text, lo, start) or _PLACE_AFTER.match(text, end):
        return False
    if _STRONG_BEFORE.search(text, lo, start):
        return True
    if given in EVERYDAY and text.startswith(".", end) and _ENDS_WITH_INITIAL.search(name):
        return True  # "Mark T.": an everyday word with an initial and its period
    if given in PLACE_LIKE or given in EVERYDAY:
        return False
    if _CALLED_BEFORE.search(text, lo, start):
        return True
    if _ENDS_WITH_INITIAL.search(name):
        return True  # "Tara G", "Lynn S.": a given name and an initial
    if _SIGN_BEFORE.search(text, lo, start) and _SIGN_AFTER.match(text, end):
        return True
    if _ADDRESSED_BEFORE.search(text, lo, start):
        return True
    if _VOCATIVE_BEFORE.search(text, lo, start) and _VOCATIVE_AFTER.match(text, end):
        return True
    if _BARE_SIGN_BEFORE.search(text, lo, start) and _SIGN_AFTER.match(text, end):
        return True
    if _QUOTED.search(text, lo, start) and _QUOTE_AFTER.match(text, end):
        return True
    if _POST_AFTER.match(text, end) or _ROLE_AFTER.match(text, end):
        return True
    if _CLAUSE_END_AFTER.match(text, end) and not _PREPOSITION_BEFORE.search(text, lo, start):
        return True  # "Which station is this Alex?", "Pray for me Becky!"
    # "Marcus helped me", not "hasn't Ben fixed" (a typo for "been")
    return _SERVICE_AFTER.match(text, end) is not None and not _AUX_BEFORE.search(text, lo, start)

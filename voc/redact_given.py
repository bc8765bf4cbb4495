"""Which capitalised words can be a person's given name, for :mod:`voc.redact_people`.

The ~600 common given names of :mod:`voc.redact_freeform` (US, UK, Spanish, Indian, Arabic,
East Asian ...) and ~130 more, capitalised; those that are also everyday words ("Mark",
"Will", "Grace", from :mod:`voc.redact_names`), names only after a role or a relation; and
those that are mostly places in customer text ("Austin", "Charlotte"), which weak cues skip.
"""

from __future__ import annotations

import re

from voc.redact_freeform import _FIRST_NAMES
from voc.redact_names import _COMMON_WORDS

MORE_GIVEN_TEXT = (
    """alan alvin andre barry bernard bradley brent brett byron cassie cassy chad clarence
    cliff clifford clint cody colleen cory courtney curtis darren darryl dave deedee delaney
    derrick desmond dolores donna doreen duncan dwayne eddie edgar eilish ernie floyd fred
    gail glenn gordon gwen harvey heidi howard jared jen jenni jerome jesse jodi jody joanne
    karl kirsten kirsty krista kristen kristin kristy kurt leslie lexie lindsey lloyd lonnie
    lori lorraine lou louise lynn mandy marcia marlene marty maureen melanie melvin mindy
    mitch mitchell nadia natasha neal nelson nikki norma norman otis patty peggy perry renee
    rhonda rita roberta robyn rochelle rodney roland ross roxanne roy rudy russell shane
    shauna sheila shelby sherry stacey stacy stanley stuart tammy tania terrence theresa
    toni traci travis trisha vera veronica wallace wanda warren willie yolanda yvonne callum
    ceri debs debbie"""
)
GIVEN = frozenset(n[:1].upper() + n[1:] for n in (*_FIRST_NAMES, *MORE_GIVEN_TEXT.split()))
EVERYDAY = frozenset(w.capitalize() for w in _COMMON_WORDS) - GIVEN
"""Given names that are also everyday words ("Mark", "Will", "Grace"): a name only after a
role or a relation ("my husband Mark", "your agent Will")."""
ANY_GIVEN = GIVEN | EVERYDAY
PLACE_LIKE_TEXT = (
    """Austin Charlotte Jackson Madison Savannah Georgia Virginia Brooklyn Lincoln Logan
    Kennedy Jordan Victoria Hudson Camden Tyler Mia Aurora Diego Francisco Jose Antonio Louis
    Juan Pedro Lucas Miguel Jesus Paris Florence Sydney Dallas Houston Phoenix Orlando Troy
    Eugene Nova Jan Jun Alexa"""
)
PLACE_LIKE = frozenset(PLACE_LIKE_TEXT.split())
"""Given names that are mostly places (or not people) in customer text: weak cues skip them."""

_CAPITALISED = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]+")
_CAPITALISED_ASCII = re.compile(r"[A-Z][a-z]+")
"""Capitalised runs (inside words too): a cheap first test that a given name is there."""


def given_names(text: str) -> set[str]:
    """The given names (:data:`ANY_GIVEN`) among the capitalised runs of letters in
    ``text``: a superset of those a cue can make a name."""
    runs = (_CAPITALISED_ASCII if text.isascii() else _CAPITALISED).findall(text)
    return ANY_GIVEN.intersection(runs) if runs else set()

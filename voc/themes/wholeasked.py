"""Question names made whole: a verb with its whole object, said as most of them say it.

A question name built from votes on a verb and an object ("how to find auto", "why
verify", "how to change marriage") can cut the object inside a compound ("auto top-up"),
drop it, or glue a verb to a noun it is never said with. :func:`whole_asked` keeps a
question whose verb and object the statements write together (:mod:`voc.themes.spans`)
and otherwise names the theme by the "what"/"which" question or the verb and whole object
most of them write, with a question word they use ("how to find auto top-up", "what ATMs
take card", "why verify top-up", "can I change PIN"). :func:`which_one` makes a "why"
question about a one-word object say which one ("why transfer fee charged").
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from voc.themes.lemmas import lemma
from voc.themes.pos import lexicon_tag
from voc.themes.question import ask, first_words
from voc.themes.spans import asked_of, best_span, purpose, span_support


def which_one(name: str, texts: Sequence[str], max_words: int) -> str:
    """A "why" question about a one-word object that says which one, when enough of the
    statements say what it is for (:func:`voc.themes.spans.purpose`): "why fee charged"
    → "why transfer fee charged", "why cash withdrawal fee charged"."""
    words = name.split()
    if len(words) != 3 or words[0] != "why" or lexicon_tag(words[1]) == "JJ":
        return name  # "why extra charge" says which one already
    what = purpose(words[1], texts, max(2, math.ceil(SPAN_SHARE * len(texts))))
    if not what or len(words) + len(what.split()) > max_words or lemma(words[1]) in {
        lemma(w) for w in what.split()
    }:
        return name
    return " ".join(["why", what, *words[1:]])


#: Share of a theme's distinct statements that must write a verb and its object for it
#: to name the theme in place of a question that cuts them.
SPAN_SHARE = 0.04
#: The share that must write a verb and its object for it to name a theme of questions
#: whose question words give no name.
NEW_SPAN_SHARE = 0.08


def _asked_part(name: str) -> tuple[str, str]:
    """A question name split into its question words and the verb phrase it asks about
    ("how to" + "find auto"); ("", "") for a question of another shape."""
    words = name.split()
    for head in (("how", "to"), ("where", "can", "i"), ("where", "do", "i"), ("can", "i")):
        if tuple(words[: len(head)]) == head:
            return " ".join(head), " ".join(words[len(head):])
    if words[:1] == ["how"] and words[1:2] not in (["long"], ["much"], ["many"]):
        return "how", " ".join(words[1:])
    if words[:1] == ["why"] and len(words) == 2 and lexicon_tag(words[1]) in ("VB", "VBP"):
        return "why", words[1]  # "why verify": the verb without what is verified
    return "", ""


def whole_asked(name: str, texts: Sequence[str], max_words: int = 5) -> str:
    """``name`` when the verb and object it asks about are written whole by two of the
    statements (or by one, when nothing else is); else the question about the verb and
    whole object most of them write (:func:`voc.themes.spans.best_span`: "how to find
    auto" → "how to find auto top-up", "why verify" → "why verify top-up"); "" when
    there is none."""
    uniq = list(dict.fromkeys(texts))
    head, part = _asked_part(name)
    said_so = span_support(part, uniq) if len(part.split()) >= 2 else 0
    if name and not head or said_so >= 2:
        return name
    # a question cut is replaced by any whole one several write; none is made up from
    # nothing unless clearly more of them write it
    least = max(2, math.ceil((SPAN_SHARE if name else NEW_SPAN_SHARE) * len(uniq)))
    which = asked_of(uniq, least, max_words)
    if which:
        return which  # "what ATMs accept card", not "how to accept atm"
    said, _ = best_span(uniq, least, max_words - 2)
    if not said:
        # one of them writes it whole ("how do I top up my card"): nothing says it better
        return name if said_so else ""
    why = sum(ask(t) is not None and ask(t).qword == "why" for t in uniq)  # type: ignore[union-attr]
    if head == "why" or 2 * why > len(uniq):
        return f"why {said}"
    words = {w for t in uniq for w in first_words(t)}
    if {"how", "to"} <= words:
        return f"how to {said}"
    # only words they say: "can I change PIN" where nobody asks "how"
    can = sum(t.lower().replace("’", "'").lstrip().startswith("can i ") for t in uniq)
    return f"can I {said}" if can >= least else ""

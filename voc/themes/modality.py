"""Words said under a frame that does not assert them: asked for, failed, or only due.

"I asked them to close my account", "please block this", "I demand that the information
be deleted", "their failure to close my account", "she refused to remove the charge",
"it should have been closed": each holds a problem word ("close", "block", "delete",
"remove") that did *not* happen; the statement asks for it, says it was not done, or
says it ought to have been. :func:`framed` tells whether a word of a clause sits under
such a frame, so that the names built on it ("account closed", "information blocked")
are not attested by these statements (:mod:`voc.themes.written`). The frames are
linguistic, no domain words:

- a request: a verb of asking before the word ("ask", "request", "demand", "insist",
  "urge", "beg", "want") or "please";
- a failure or refusal to act: "fail", "failure", "refuse", "refusal", "neglect",
  "decline", "unwilling" followed by "to" ("failed to close", "declined to remove");
- a modal of obligation ("should", "must", "ought", "shall", "need to be": "must be
  deleted", a request) or a counterfactual ("should have", "would have", "could have":
  "should have been closed", a failure).

A question word between the frame and the word ends it: "I asked why my account was
closed" says it was closed.
"""

from __future__ import annotations

from collections.abc import Sequence

from voc.themes.lemmas import DETERMINERS, lemma

#: Verbs of asking: what follows them is asked for, not done.
REQUEST = frozenset({"ask", "request", "demand", "insist", "urge", "beg", "want", "please"})
#: Failing or refusing to act, when followed by "to": what follows was not done.
FAILURE = frozenset({"fail", "failure", "refuse", "refusal", "neglect", "decline", "unwilling",
                     "reluctant"})
#: Modals of obligation: what follows is due, not done.
OBLIGATION = frozenset({"should", "must", "ought", "shall", "shouldve", "should've"})
#: Modals that make a counterfactual with "have": "could have been closed".
COUNTERFACTUAL = frozenset({"would", "could", "might"})
#: Words that end a frame: what follows them is reported, not asked ("asked why it was
#: closed").
QUESTION = frozenset({"why", "how", "what", "when", "where", "whether", "if", "who", "which",
                      "about"})
#: How many words before the word a frame may stand ("asked them to please close my
#: savings account").
REACH = 6


def frame_at(words: Sequence[str], j: int) -> str:
    """The kind of frame the word at ``j`` of a clause's lowercase ``words`` is said
    under: "request" (asked for or due: "asked them to close", "must be deleted"),
    "failure" (not done: "failed to close", "should have been closed"), or "" when it
    is asserted. A frame governs the first verb after it: another verb between them
    ("please help, my flight appears cancelled"), a question word ("asked why it was
    closed"), a clause break or a determiner before the word (an attribute: "request a
    lost bag form") ends it; a denied failure ("never fails to") and a modal asking a
    question ("should I be charged?") are none."""
    from voc.themes.pos import AUX, lexicon_tag
    from voc.themes.written import CLAUSE_WORDS

    if j and words[j - 1] in DETERMINERS:
        return ""  # an attribute ("request a lost bag form"), which no frame governs
    for i in range(j - 1, max(-1, j - 1 - REACH), -1):
        w = words[i]
        if w in QUESTION or w in CLAUSE_WORDS or not w[:1].isalpha():
            return ""  # a question, another clause or a break (punctuation) ends a frame
        nxt = words[i + 1] if i + 1 < len(words) else ""
        lem = lemma(w)
        if (w in OBLIGATION or w in COUNTERFACTUAL) and nxt in _PRONOUNS:
            return ""  # a question ("should I be charged a fee?"), not an obligation
        if (w in OBLIGATION or w in COUNTERFACTUAL) and nxt == "have":
            return "failure"  # a counterfactual: "should have been closed"
        if w in OBLIGATION or w == "need" and nxt == "to" and "be" in words[i + 2 : j]:
            return "request"
        if (lem in FAILURE or w in FAILURE) and nxt == "to":
            denied = i and (words[i - 1] in ("never", "not") or words[i - 1].endswith("n't"))
            return "" if denied else "failure"
        if w == "please":
            return "request" if j - i <= 2 else ""
        if lem in REQUEST:
            # a noun of asking ("my request was denied") frames nothing
            return "" if i and words[i - 1] in DETERMINERS else "request"
        if w not in AUX and lexicon_tag(w).startswith("VB"):
            return ""  # the frame, if any, is that verb's
    return ""


#: Subjects after a modal that ask a question ("should I", "must we").
_PRONOUNS = frozenset({"i", "you", "we", "they", "he", "she", "it"})


def framed(words: Sequence[str], j: int) -> bool:
    """Whether the word at ``j`` of a clause's ``words`` is asked for, not done, or only
    due (see :func:`frame_at`)."""
    return bool(frame_at(words, j))


def opens_frame(words: Sequence[str], j: int) -> bool:
    """Whether the word at ``j`` is a failure, refusal or request followed by "to"
    ("refused to remove"): what comes after it is what was not done."""
    lem = lemma(words[j])
    return (lem in FAILURE or lem in REQUEST or words[j] in FAILURE) \
        and j + 1 < len(words) and words[j + 1] == "to"


def asserts(words: Sequence[str]) -> bool:
    """Whether a name's lowercase ``words`` assert a plain state ("account closed"), not
    a negation, a blocked act or a frame of its own ("can't close account", "account not
    closed", "asked to block information"), which frames attest as they are."""
    return not any(
        w.endswith("n't") or w in ("not", "no", "never", "cannot", "cant", "unable")
        or lemma(w) in REQUEST or w in OBLIGATION or opens_frame(words, i)
        for i, w in enumerate(words)
    )

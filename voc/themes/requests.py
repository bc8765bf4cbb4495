"""Names of themes of one-line requests and questions ("How do I verify my identity?").

Support queries are short and mostly ask something ("Why is there a payment I don't
recognise?", "I want to cancel a transfer"). A product manager names a theme of them by
what the customer asks about or cannot do ("how to verify identity", "don't recognize
payment"), not by a plain "identity problems". A theme is one of *requests*
(:func:`is_requests`) when its statements are brief (median at most :data:`BRIEF_WORDS`
words) and at least :data:`REQUEST_SHARE` of them are questions or requests
(:func:`voc.themes.asked.ask`); tweets, which open with a handle, and letters are not.

For such a theme whose name is not said as written, :func:`request_name` gives the
question most of them ask (:func:`voc.themes.asked.question_name`: "how to verify
identity") or the name itself when its problem is said within
:data:`voc.themes.pairs.WINDOW` tokens of its subject by :func:`voc.themes.pairs.need` of
them (a one-line query has one clause to say it in: "don't recognize payment", "haven't
received new card"), whichever more of them say (:func:`asking`; the name on a tie). A
question name must read whole (:func:`whole_question`): no "how to stolen card", no "how
long does new card" cut before its verb, and no question that drops the negation most of
them say ("why beneficiary allowed" over "why is my beneficiary not allowed"). A noun
compound with no problem word, said by as many, names what they ask about ("top-up
limit") rather than an unsaid "limit problems".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from voc.themes.asked import ask, question_name
from voc.themes.keyasked import keyed_question
from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.pairs import has_thing, need, parts, support
from voc.themes.pos import lexicon_tag
from voc.themes.wording import lemmas_said

#: Statements of at most this many words (median) are one-line requests.
BRIEF_WORDS = 15
#: Share of a theme's distinct statements that must ask or request for it to be one of
#: requests.
REQUEST_SHARE = 0.2
#: Words a whole question never ends in.
_OPEN_END = frozenset({"to", "do", "does", "did", "is", "are", "can", "will", "i", "my", "the",
                       "a", "an", "get", "have", "come", "go", "happen"})


def brief(texts: Sequence[str]) -> bool:
    """Whether the median statement has at most :data:`BRIEF_WORDS` words."""
    lengths = sorted(len(t.split()) for t in texts)
    return bool(lengths) and lengths[len(lengths) // 2] <= BRIEF_WORDS


def ask_share(texts: Sequence[str]) -> float:
    """Share of the distinct ``texts`` that ask a question or make a request."""
    uniq = list(dict.fromkeys(texts))
    return sum(ask(t) is not None for t in uniq) / len(uniq) if uniq else 0.0


def is_requests(texts: Sequence[str]) -> bool:
    """Whether ``texts`` are one-line requests and questions (see the module docstring)."""
    return brief(texts) and ask_share(texts) >= REQUEST_SHARE


def whole_question(name: str) -> bool:
    """Whether a question name reads whole: three words at least, a word in its base form
    after "how to" ("how to top up card", not "how to stolen card"), a verb last after
    "how long does" ("how long does transfer take", not "how long does new card"), and
    no auxiliary, pronoun or light verb last ("why atm get")."""
    words = name.lower().split()
    if len(words) < 3 or words[-1] in _OPEN_END:
        return False
    if words[:2] == ["how", "to"]:
        verb = words[2]  # "top" of "top up" is no verb to the lexicon, but is its own lemma
        return lemma(verb) == verb and lexicon_tag(verb) not in ("VBD", "VBN", "VBG")
    if words[0] == "how" and words[1] in ("long", "much", "many") and words[2] in (
        "do", "does", "will"
    ):
        return lexicon_tag(words[-1]).startswith("VB")
    return True


def request_name(name: str, phrases: Sequence[str], texts: Sequence[str]) -> str:
    """A name for a theme of requests whose ``name`` is not said as written (see the
    module docstring); "" when neither a question nor ``name`` fits."""
    uniq = list(dict.fromkeys(texts))
    asked = keyed_question(question_name(uniq), phrases, uniq)
    if asked and (not whole_question(asked) or _negation_dropped(asked, uniq)):
        asked = ""
    window = support(name, uniq) if name else None
    if window is not None and window >= need(len(uniq)) and has_thing(name, phrases) and (
        not asked or window >= asking(asked, uniq)
    ):
        return name
    if asked:
        return asked
    if window is None and _compound(name) and not parts(name)[1] \
            and _saying(name, uniq) >= need(len(uniq)):
        # what they ask about ("top-up limit"), not an unsaid "limit problems"; asked as
        # they ask it when many of them ask what it is ("what is top-up limit")
        return _what_is(name, uniq)
    return ""


def _what_is(name: str, texts: Sequence[str]) -> str:
    """``name`` asked as "what is ``name``" when at least :data:`WHAT_SHARE` of ``texts``
    (and :func:`need`) ask a "what is"/"what's" question, else ``name``."""
    asking_what = sum(bool(_WHAT_IS.search(t)) for t in texts)
    least = max(need(len(texts)), WHAT_SHARE * len(texts))
    return f"what is {name}" if asking_what >= least else name


#: Share of a theme's statements asking "what is" for its compound to be asked so.
WHAT_SHARE = 0.15


_WHAT_IS = re.compile(r"\bwhat(?:'s|’s| is| are)\b", re.IGNORECASE)


def _compound(name: str) -> bool:
    """Two or more different nouns ("top-up limit", "cash machines")."""
    words = name.lower().split()
    return len(words) >= 2 and len(set(words)) == len(words) and all(
        "-" in w or lexicon_tag(w).startswith("NN") for w in words
    )


def _saying(phrase: str, texts: Sequence[str]) -> int:
    """How many ``texts`` say every lemma of ``phrase``."""
    want = {lemma(w) for w in phrase.lower().split()}
    return sum(want <= lemmas_said(t) for t in texts)


def asking(question: str, texts: Sequence[str]) -> int:
    """How many distinct ``texts`` ask about what ``question`` asks: a question or request
    whose verb or object shares a content word with it."""
    want = {lemma(w) for w in question.lower().split()} - STOPWORDS
    n = 0
    for text in dict.fromkeys(texts):
        a = ask(text)
        n += a is not None and bool(want & set(f"{a.verb} {a.obj}".split()))
    return n


#: Negations that may come before the verb a question asks about ("isn't", "not").
_NEGATIONS = frozenset({"not", "no", "never", "cannot", "can't", "cant"})


def _negation_dropped(question: str, texts: Sequence[str]) -> bool:
    """Whether most statements saying the question's last word negate it (within three
    words before it), which the question name leaves out."""
    last = question.lower().split()[-1]
    said = negated = 0
    for text in texts:
        words = _words(text)
        at = [i for i, w in enumerate(words) if w == last]
        if not at:
            continue
        said += 1
        negated += any(
            w in _NEGATIONS or w.endswith("n't") for i in at for w in words[max(0, i - 3) : i]
        )
    return said > 0 and 2 * negated >= said


def _words(text: str) -> list[str]:
    return [w.strip(".,!?:;\"()") for w in text.lower().replace("’", "'").split()]


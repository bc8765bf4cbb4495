"""Which way round the statements write a negated verb and its noun.

A name such as "don't recognize card" puts the verb first because the customer is the
one who does not recognise: the noun is what the verb acts on. That reading is only
true when the statements write the noun so: after the verb ("didn't make a payment"),
or before it with the customer between them ("a withdrawal I didn't make",
"transactions that I don't recognize"). A noun written before the verb with no one
between is the one doing it ("the court does not verify"): then the name says the noun
first ("bankruptcy court doesn't verify"), as written; written in neither role, the noun
is dropped ("didn't care", never "didn't care gold"). :func:`in_written_order` picks the
order; :mod:`voc.themes.naming` calls it (:func:`verb_first_order`) for names composed
verb first.
"""

from __future__ import annotations

from collections.abc import Sequence

from voc.themes.bestpred import FIRST_PERSON
from voc.themes.lemmas import DETERMINERS, lemma
from voc.themes.pos import lexicon_tag, parse
from voc.themes.predicate import Predicate
from voc.themes.said import BREAK, VAGUE_NOUNS, raw_tokens, token_keys
from voc.themes.wording import lemma_key, proper_names

#: Tokens between a verb and what it acts on, at most ("didn't make any of these payments").
AFTER = 4
#: Tokens between a noun and the verb after it, at most ("payments that I didn't make").
BEFORE = 5
#: Who the customer is, between an object and its verb.
_CUSTOMER = frozenset({"i", "we", "i've", "i'd", "i'm", "we've", "me"})
#: Negated auxiliaries of the plural or first person, and their third person singular.
_SINGULAR = {"don't": "doesn't", "haven't": "hasn't", "aren't": "isn't", "weren't": "wasn't"}
#: Words after which a noun is where or with what, not what the verb acts on.
_PREPOSITIONS = frozenset({"on", "in", "at", "from", "to", "for", "with", "by", "of", "via",
                           "into", "through", "over", "about", "since", "before", "after",
                           "like"})
#: Least statements that must write a noun in one role for the name to say it so.
LEAST = 2


def _nounish(word: str) -> bool:
    """A noun, or a word the lexicon does not know ("withdrawl"): part of a noun phrase."""
    tag = lexicon_tag(word)
    return tag.startswith("NN") or (not tag and "'" not in word and word != BREAK)


def _compound(toks: Sequence[str], j: int) -> int:
    """Where the run of noun-like words ending at ``j`` starts."""
    k = j
    while k > 0 and _nounish(toks[k - 1]):
        k -= 1
    return k


def _in_place(toks: Sequence[str], k: int) -> bool:
    """Whether the noun phrase starting at ``k`` follows a preposition, past its
    determiner and adjectives ("in my app", "from an odd seller")."""
    j = k - 1
    while j >= 0 and k - j <= 3 and (toks[j] in DETERMINERS
                                     or lexicon_tag(toks[j]).startswith("JJ")):
        j -= 1
    return j >= 0 and toks[j] in _PREPOSITIONS


def _object_after(toks: Sequence[str], keys: Sequence[str], i: int, head: str) -> bool:
    """Whether the first noun phrase after the verb at ``i`` holds ``head``."""
    for j in range(i + 1, min(len(keys), i + 1 + AFTER)):
        if toks[j] == BREAK or toks[j] in _PREPOSITIONS:
            return False  # "charges I didn't make on my card": the card is no object
        if _nounish(toks[j]):
            end = j
            while end + 1 < len(toks) and _nounish(toks[end + 1]):
                end += 1
            return head in keys[j : end + 1]
    return False


def _said_before(toks: Sequence[str], keys: Sequence[str], i: int, head: str) -> str:
    """"object" when the nearest noun phrase before the verb at ``i`` holds ``head`` with
    the customer between ("transactions that I don't recognize"), "doer" when it holds it
    with no one between ("the court does not verify"), else ""; places ("in my app") are
    passed over."""
    between: list[str] = []
    j = i - 1
    while j >= 0 and i - j <= BEFORE + 3:
        if toks[j] == BREAK:
            return ""
        if not _nounish(toks[j]):
            between.append(toks[j])
            j -= 1
            continue
        k = _compound(toks, j)
        if _in_place(toks, k):
            j = k - 1
            continue
        if head not in keys[k : j + 1]:
            return ""
        return "object" if set(between) & _CUSTOMER else "doer"
    return ""


def roles(noun: str, verb: str, texts: Sequence[str]) -> tuple[int, int]:
    """How many distinct ``texts`` write ``noun`` (its head word, by lemma) as what
    ``verb`` acts on, and how many as what does it (before the verb, no one between)."""
    head, v = lemma(noun.split()[-1].lower()), lemma(verb.lower())
    acted = doing = 0
    for text in dict.fromkeys(texts):
        toks = raw_tokens(text)
        keys = token_keys(toks)
        at = [i for i, k in enumerate(keys) if k == v]
        before = {_said_before(toks, keys, i, head) for i in at}
        acted += any(_object_after(toks, keys, i, head) for i in at) or "object" in before
        doing += "doer" in before
    return acted, doing


def doer_first(subject: str, surface: str) -> str:
    """``subject`` before its negated predicate, the auxiliary agreeing with it:
    "bankruptcy court" + "don't verify" → "bankruptcy court doesn't verify"."""
    words = surface.split()
    head = subject.split()[-1].lower()
    if words and words[0] in _SINGULAR and not head.endswith("s"):
        words[0] = _SINGULAR[words[0]]
    return " ".join([subject, *words])


def in_written_order(
    name: str, subject: str, surface: str, head: str, nouns: Sequence[str],
    texts: Sequence[str],
) -> str:
    """``name``, composed verb first ("don't recognize card"), in the order the statements
    write it: kept when they write ``subject`` as what the verb (``head``) acts on, else
    the verb with the first of ``nouns`` they do write so ("don't recognize
    transactions"), else the subject first when they write it doing the verb ("bankruptcy
    court doesn't verify"); the predicate alone (``surface``) when none of them writes
    the noun in either role ("didn't care" of "she didn't care if I complained" beside
    "gold status": a noun glued to a verb nobody writes it with), else ``name``."""
    words = surface.split()
    if not words or not name.startswith(surface) or not head:
        return name
    acted, doing = roles(subject, head, texts)
    if acted >= LEAST:
        return name
    mine = {lemma(w.lower()) for w in subject.split()}
    for noun in nouns:
        if {lemma(w.lower()) for w in noun.split()} & mine or noun.lower() in VAGUE_NOUNS:
            continue
        if roles(noun, head, texts)[0] >= max(LEAST, doing):
            return f"{surface} {noun}"
    if doing >= LEAST:
        return _with_object(doer_first(subject, surface), mine, head, nouns, texts)
    return name if acted or doing else surface


def _with_object(
    name: str, mine: set[str], head: str, nouns: Sequence[str], texts: Sequence[str]
) -> str:
    """A doer-first name with the first of ``nouns`` that :data:`LEAST` statements write
    as what its verb acts on ("atm didn't give" + "cash": "the ATM didn't give me the
    cash"), in at most five words; ``name`` itself when none is."""
    for noun in nouns:
        words = {lemma(w.lower()) for w in noun.split()}
        if words & mine or noun.lower() in VAGUE_NOUNS or lemma(head) in words:
            continue
        if len(name.split()) + len(noun.split()) <= 5 \
                and roles(noun, head, texts)[0] >= LEAST:
            return f"{name} {noun}"
    return name


def verb_first_order(
    name: str, pred: Predicate, phrases: Sequence[str], texts: Sequence[str]
) -> str:
    """``name`` composed verb first by a customer's negation ("don't recognize card") in
    the order its statements write it (:func:`in_written_order`, with the best five key
    ``phrases`` that are nouns: "don't recognize transactions" where they write
    "transactions I don't recognize"), the predicate alone when they write the noun in
    neither role ("didn't look" of "did not look the way it does on the model")."""
    if pred.surface.split()[0] not in FIRST_PERSON or not name.startswith(f"{pred.surface} "):
        return name
    nouns = [p for p in phrases[:5] if lemma_key(p) in parse(p).nouns
             and p.lower() not in proper_names(texts)]
    said = name[len(pred.surface) + 1 :]
    return in_written_order(name, said, pred.surface, pred.head, nouns, texts)

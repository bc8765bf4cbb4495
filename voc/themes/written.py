"""Names said of their subject *as written*: subject and problem in one clause, side by side.

A statement says a name as written when one clause of it holds every content word of
the name (its subject words and its problem words, see :func:`voc.themes.attest.parts`;
words match by lemma, negations as a class: "cannot" = "can't" = "unable", "not" = any
other "n't") in one span whose other tokens are function words (stop words: determiners,
pronouns, prepositions, auxiliaries, "still", "again"; negations; numbers) and at most
:data:`MAX_MODIFIERS` other words (a short modifier): "bag was lost", "lost my checked bag",
"no response", "on hold for 2 hours", "can't check in", "refund still not received"; a
pronoun ("it was declined") stands for the subject when the statement says the subject.
Clauses end at punctuation, handles, links and clause-joining words ("and", "but",
"because", "when", ...), so a subject in one clause and a failure verb in the next ("the
ticket was fine but I missed the call") do not attest "ticket missed". A verb the name
says of its object ("make" of "didn't make app", "get" of "couldn't get shirt") must be said
too in short statements, and
a relative clause after a prepositional phrase is not said of the noun inside it ("payments
shown in the app that I didn't make" do not attest "didn't make app"). A word after the
problem, when the subject comes before it ("weather doesn't *excuse*"), is said too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from voc.themes.lemmas import DETERMINERS, STOPWORDS
from voc.themes.modality import asserts, framed, opens_frame

#: Other words a span may hold besides the name's words and function words.
MAX_MODIFIERS = 1
#: Words that start a new clause.
CLAUSE_WORDS = frozenset(
    {"and", "but", "because", "cause", "cuz", "so", "since", "while", "although", "though",
     "however", "when", "whenever", "then", "after", "before", "if", "until", "unless", "or",
     "also", "plus", "yet", "whereas", "instead", "otherwise", "meanwhile"}
)
_TOKEN = re.compile(
    r"@\w+|#\w+|https?://\S+|www\.\S+|\[[a-z_]+\]|\d[\d.,:/]*(?:am|pm|hrs?|h|min|mins)?\b"
    r"|[a-z][a-z'\-]*[a-z]|[a-z]|[.,;:!?()\"/]"
)
_NUMBER = "#"
_PRONOUNS = frozenset({"it"})
#: Statements of at most this many words may refer to their subject as "it"; in long
#: letters "it" is anything.
PRONOUN_WORDS = 40
_BLOCKED = frozenset({"can't", "cannot", "unable", "couldn't", "cant"})
_NEGATION_KEYS = frozenset({"not", "can't", "never", "no"})
_FUNCTION_EXTRA = frozenset({_NUMBER, "keep", "keeps", "kept", "even", "ever", "yet", "anymore",
                             "now", "just", "already", "totally", "completely", "really"})


def _is_function(word: str, key: str) -> bool:
    return word in STOPWORDS or word in _FUNCTION_EXTRA or key in ("not", "can't", "never", "no")


@lru_cache(maxsize=20000)
def clauses(text: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """The clauses of ``text``: each as (words, keys), lowercase."""
    from voc.themes.said import token_keys

    out: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    cur: list[str] = []

    def close() -> None:
        if cur:
            out.append((tuple(cur), tuple(token_keys(cur))))
            cur.clear()

    for tok in _TOKEN.findall(text.lower().replace("’", "'").replace("`", "'")):
        if tok[0].isdigit():
            cur.append(_NUMBER)
        elif not tok[0].isalpha() or tok in CLAUSE_WORDS:
            close()
        else:
            cur.append(tok)
    close()
    return tuple(out)


#: Words that open a relative clause after its noun ("the payment *that* I didn't make",
#: "the payment *I* didn't make").
_RELATIVE = frozenset({"that", "which", "who", "whom", "i", "you", "we", "they", "he", "she"})
_PREPOSITIONS = frozenset({"in", "on", "at", "from", "with", "into", "onto", "to", "of", "for",
                           "by", "through", "via", "within", "inside"})


def _antecedent_above(words: Sequence[str], j: int) -> bool:
    """Whether the noun at ``j`` closes a prepositional phrase that a relative clause
    follows ("payments shown in the *app* that I didn't make"): the clause is said of the
    word the phrase modifies (the payments), not of the noun inside it."""
    if j + 1 >= len(words) or words[j + 1] not in _RELATIVE:
        return False
    k = j - 1
    while k >= 0 and words[k] in DETERMINERS:
        k -= 1
    # the phrase modifies a word before it ("payments in", "shown in"), not a pronoun
    # ("help me with the bag you lost": the bag is what was lost)
    return k >= 1 and words[k] in _PREPOSITIONS and words[k - 1] not in STOPWORDS


def says(
    problem: Sequence[frozenset[str]],
    subject: frozenset[str],
    words: Sequence[str],
    keys: Sequence[str],
    pronouns: frozenset[str] = frozenset(),
    asserted: bool = False,
) -> bool:
    """Whether one span of a clause holds, for every problem word, one of its keys
    (``problem``: the word and the words of its kind), and at least one key of
    ``subject`` (or, leading the span, one of ``pronouns``: "it was declined"), with at
    most :data:`MAX_MODIFIERS` other content words. With ``asserted``, a problem word
    asked for, failed or only due (:func:`voc.themes.modality.framed`: "asked them to
    close", "should have been closed") says nothing, nor does a failure or refusal of
    what is done to the subject ("refused to remove the charge" for "charge refused")."""
    n = len(keys)
    any_problem = frozenset().union(*problem)
    for i in range(n):
        lead = keys[i] in pronouns
        if keys[i] not in any_problem and keys[i] not in subject and not lead:
            continue
        got = [False] * len(problem)
        got_s = False
        others = 0
        opened = False  # a refusal to act ("refused to") before the subject
        for j in range(i, n):
            k = keys[j]
            if k in any_problem:
                if asserted and framed(words, j):
                    break
                opened = opened or asserted and opens_frame(words, j)
                for m, alts in enumerate(problem):
                    got[m] = got[m] or k in alts
            elif k in subject or (j == i and lead):
                if opened:
                    break
                got_s = got_s or not _antecedent_above(words, j)
            elif not _is_function(words[j], k):
                others += 1
                if others > MAX_MODIFIERS:
                    break
            if got_s and all(got):
                return True
    return False


#: Kinds of problem people say in many words, whose words attest each other ("confusing",
#: "doesn't explain", "wasn't sure"); a generic failure word ("failed", "missed", "lost")
#: attests only itself.
SYNONYM_KINDS = frozenset({"confusion", "waiting", "repeated_contact", "blocked"})


@lru_cache(maxsize=4096)
def _alternatives(key: str) -> frozenset[str]:
    """``key`` and the problem words of its kind (see :data:`SYNONYM_KINDS`)."""
    from voc.themes.predicate import cue_group_of

    groups = cue_group_of()
    kind = groups.get(key)
    if kind not in SYNONYM_KINDS:
        return frozenset({key})
    return frozenset({key} | {k for k, g in groups.items() if g == kind})


def _sides(
    words: Sequence[str], nouns: Sequence[str], probs: frozenset[str]
) -> tuple[list[str], list[str]]:
    """The noun keys of a name before its first problem word and after it."""
    from voc.themes.said import key

    keys = [key(w) for w in words]
    at = next((i for i, k in enumerate(keys) if k in probs), len(keys))
    want = set(nouns)
    return ([k for k in keys[:at] if k in want], [k for k in keys[at + 1 :] if k in want])


#: Auxiliaries that are the content verb of a name after a negation: "couldn't *get*
#: shirt" is not said by "couldn't believe it was the same shirt".
_CONTENT_AUX = frozenset({"get", "got", "gets", "getting"})
#: Words a name holds that are never its subject: question words and the verbs of
#: aspect ("keep getting delayed").
_NOT_SUBJECT = frozenset({"how", "why", "what", "when", "where", "who", "which", "keep",
                          "keeps", "kept", "getting", "being"})


def _stop_subject(words: Sequence[str], problem: Sequence[str]) -> list[str]:
    """The keys of a name's nouns and verbs that are stop words ("call" of "call
    disconnected"): a name whose only subject is such a word is still said of it, not
    of whatever its statements say the problem of."""
    from voc.themes.pos import AUX, lexicon_tag
    from voc.themes.said import key

    return [k for w in words if (k := key(w)) not in problem and w not in AUX
            and w not in _NOT_SUBJECT and "'" not in w
            and lexicon_tag(w).startswith(("NN", "VB"))]


def written_support(
    name: str, texts: Sequence[str], stop_subject: bool = False, with_framed: bool = False
) -> int | None:
    """How many distinct ``texts`` say ``name`` as written (see :func:`_written`); with
    ``stop_subject``, a name whose only subject words are stop words ("call keep getting
    delayed") is counted too, said of those words (:func:`_stop_subject`); with
    ``with_framed``, statements that only ask for it, say it failed or was due ("asked them to
    close my account" for "account closed": :mod:`voc.themes.modality`) count too."""
    return _written(name, tuple(dict.fromkeys(texts)), stop_subject, with_framed)


@lru_cache(maxsize=4096)
def _written(
    name: str, texts: tuple[str, ...], stop_subject: bool = False, with_framed: bool = False
) -> int | None:
    """How many distinct ``texts`` say ``name`` as written (see the module docstring);
    None for a name without a subject word or without a problem word.

    The span must hold every problem word of the name and every verb of its subject
    ("received" of "debt collection never received": "never received a bill" says nothing
    of the debt), and at least one of its nouns ("referral reward disappeared" attests
    "referral bonus disappeared"); a blocked name ("can't cancel subscription") needs only
    its problem word and verb ("I cant find where to cancel").
    """
    from voc.themes.attest import parts
    from voc.themes.pos import AUX, lexicon_tag
    from voc.themes.said import key

    subject, problem = parts(name)
    words = name.lower().split()
    if not subject and stop_subject:
        subject = _stop_subject(words, problem)
    probs = frozenset(problem) - frozenset(subject)
    if not subject or not probs:
        return None
    verbs = [k for k in dict.fromkeys(key(w) for w in words if lexicon_tag(w).startswith("VB")
                                      and not lexicon_tag(w).startswith("NN"))
             if k in subject]
    # a verb the name says of its object ("make" of "didn't make app") is said too
    first = next((i for i, w in enumerate(words) if key(w) in subject), len(words))
    said_verbs = [k for k in dict.fromkeys(key(w) for w in words[:first]
                                           if lexicon_tag(w).startswith("VB")
                                           and not lexicon_tag(w).startswith("NN")
                                           and (w not in AUX or w in _CONTENT_AUX))
                  if k not in subject and k not in probs and k not in _NEGATION_KEYS]
    nouns = [k for k in subject if k not in verbs]
    if not nouns:
        nouns, verbs = verbs, []
    alts = [_alternatives(p) - frozenset(subject) for p in sorted(probs)]
    alts += [frozenset({v}) for v in verbs]
    before, after = _sides(words, nouns, probs)
    if before and after:
        # a subject, a problem, then a word of what is wrong with it ("weather doesn't
        # excuse", "app didn't load"): that word is said too ("weather is not your
        # fault" says nothing of an excuse)
        nouns = before
        alts.append(frozenset(after))
    # a short statement that says the name's verb of its object in other words says
    # something else ("the app isn't loading" is no "didn't make app"); long letters
    # keep the looser reading
    alts_short = [*alts, *(frozenset({v}) for v in said_verbs)]
    subj = frozenset(nouns)
    # "account closed" is not said by "asked them to close it" nor "should have been closed"
    plain = asserts(words) and not with_framed
    if words[0] in _BLOCKED and verbs:
        subj = frozenset(verbs)
    n = 0
    for text in dict.fromkeys(texts):
        cls = clauses(text)
        # "my card ... it was declined": a pronoun stands for a subject the statement says
        short = sum(len(w) for w, _ in cls) <= PRONOUN_WORDS
        pron = _PRONOUNS if short and any(subj & set(k) for _, k in cls) else frozenset()
        n += any(says(alts_short if short else alts, subj, w, k, pron, plain) for w, k in cls)
    return n

"""One question read for what it asks: question word, auxiliary, verb and object.

"How do I top up my card?" asks *how* (auxiliary *do*) to *top up* (its verb, with its
particle) the *card* (the noun phrase it acts on); "Where does my money come from?" asks
*where* of *money*, said before its verb as its subject. :func:`ask` reads a statement so
with the part-of-speech chunks of :mod:`voc.themes.pos`; requests ("I want to cancel a
transfer") are read as questions asking how. :mod:`voc.themes.asked` names a theme of
questions from what most of them ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.pos import AUX, VERB_KEEP, Chunk, chunks, noun_core, verb_core

#: Question words that open a question.
QWORDS = frozenset({"how", "why", "where", "when", "what", "which"})
#: Auxiliaries that open a yes/no question ("can I ...", "is it possible to ...").
YES_NO = frozenset({"can", "could", "is", "are", "do", "does", "will", "am", "should"})
#: Verbs too general to say what is asked ("how do I get", "what happens").
_LIGHT = frozenset({"be", "have", "do", "get", "go", "happen", "need", "want", "possible", "like",
                    "wish", "help", "wanna"})
#: Nouns that are the customer or the company, not what is asked about.
_NOT_OBJECT = frozenset({"i", "me", "you", "it", "way", "thing", "reason", "option"})
_PARTICLES = frozenset({"up", "out", "in", "off", "down", "back", "over"})
#: Openings of a request, which asks how to do what follows ("I want to get a card").
REQUESTS = ("i want to", "i need to", "i'd like to", "i would like to", "i wish to",
            "i wanna", "help me")
#: Greetings and fillers that may come before the question word.
_OPENERS = frozenset({"hi", "hello", "hey", "so", "ok", "okay", "please", "and", "but", "um"})


@dataclass(frozen=True)
class Ask:
    """One question: its question word, auxiliary said, content verb and object."""

    qword: str
    aux: str = ""
    verb: str = ""  # lemma key ("top up")
    verb_said: str = ""  # as written ("topped up")
    obj: str = ""  # lemma key of the noun phrase asked about ("new card")
    obj_said: str = ""
    #: the object was said before the verb, as its subject ("where does money come from")
    obj_first: bool = False
    #: the pronoun after the auxiliary ("what cards do *you* accept")
    who: str = ""


def first_words(text: str) -> list[str]:
    words = [w.lower().strip(".,!?:;\"'") for w in text.replace("’", "'").split()]
    return [w for w in words if w]


def _cut(ch: Chunk) -> Chunk:
    """The noun phrase before a pronoun the chunker glued on ("the card I" of "the card I
    ordered")."""
    k = next((i for i, t in enumerate(ch.tags) if i and t == "PRP"), len(ch.tags))
    return Chunk(ch.kind, ch.words[:k], ch.tags[:k])


@lru_cache(maxsize=65536)
def ask(text: str) -> Ask | None:
    """The question ``text`` asks (None when it is no question)."""
    words = first_words(text)
    while words and words[0] in _OPENERS:
        words = words[1:]
    if not words:
        return None
    first = words[0]
    if first == "what" and words[1:2] in (["a"], ["an"]) and "?" not in text:
        return None  # an exclamation: "what a joke", "what a major #fail"
    yes_no = first in YES_NO and len(words) > 1 and words[1] in ("i", "you", "it", "we", "there")
    request = " ".join(words[:4]).startswith(REQUESTS)
    if first not in QWORDS and not yes_no and not request:
        return None
    qword = "want" if request else first
    if first == "how" and len(words) > 1 and words[1] in ("long", "much", "many"):
        qword = f"how {words[1]}"  # "how long does a transfer take"
    chs = chunks(text)
    start = next(
        (i for i, ch in enumerate(chs) if ch.words and ch.words[0].lower() == first), None
    )
    if start is None:
        return None
    aux = ""
    verb = verb_said = obj = obj_said = ""
    obj_first = False
    rest = chs[start:]
    for i, ch in enumerate(rest):
        ws = [w.lower() for w in ch.words]
        prev = rest[i - 1] if i else None
        if (
            not verb
            and ch.kind in ("ADJP", "NP")
            and len(ws) == 1
            and prev is not None
            and prev.kind == "NP"
            and prev.words[-1].lower() in ("i", "you", "we")
        ):
            # a tagger slip after the subject: "how do I top up" reads "top" as adjective
            nxt = rest[i + 1] if i + 1 < len(rest) else None
            part = [nxt.words[0].lower()] if nxt is not None and nxt.kind in ("PP", "PRT") and (
                nxt.words[0].lower() in _PARTICLES) else []
            verb = " ".join([lemma(ws[0]), *part])
            verb_said = " ".join([ws[0], *part])
            continue
        if (
            not verb
            and ch.kind == "NP"
            and prev is not None
            and prev.words[-1].lower() == "to"
            and len(ws) >= 2
            and ch.tags[0].startswith("NN")
            and ch.tags[1] in ("PRP$", "DT")
        ):
            # "to change my PIN" read as one noun phrase: the first word is the verb
            verb = verb_said = lemma(ws[0])
            rest_np = Chunk("NP", ch.words[1:], ch.tags[1:])
            noun = [(lem, w) for lem, w, _ in noun_core(_cut(rest_np))[-2:]]
            if noun:
                obj = " ".join(lem for lem, _ in noun)
                obj_said = " ".join(w for _, w in noun)
                break
            continue
        if ch.kind == "VP" and not verb and ws[-1] == "get" and i + 1 < len(rest) and (
            rest[i + 1].kind == "NP"
        ):
            verb = verb_said = "get"  # "can I get a virtual card": get is to obtain
            continue
        if ch.kind == "VP" and not verb:
            aux = aux or next((w for w in ws if w in AUX and w != qword), "")
            core = [
                (lem, w) for lem, w, _ in verb_core(ch, tuple(rest[i + 1 :]))
                if lem not in ("not", "never", "no", "cannot")
            ]
            content = [
                (lem, w) for lem, w in core
                if lem not in _LIGHT
                and (lem not in STOPWORDS or lem in VERB_KEEP or w in _PARTICLES)
            ]
            if content and any(lem not in STOPWORDS or lem in VERB_KEEP for lem, _ in content):
                verb = " ".join(lem for lem, _ in content)
                verb_said = " ".join(w for _, w in content)
            continue
        if ch.kind == "NP":
            noun = [(lem, w) for lem, w, _ in noun_core(_cut(ch))[-2:] if lem not in _NOT_OBJECT]
            if noun and not obj:
                obj = " ".join(lem for lem, _ in noun)
                obj_said = " ".join(w for _, w in noun)
                # after the auxiliary, before the verb: its subject ("where does money
                # come from"); fronted before the auxiliary it is the object ("what
                # currencies can I hold")
                obj_first = not verb and bool(aux or qword in YES_NO)
                if verb or qword in ("where", "what", "which") and aux in ("is", "are"):
                    break  # "where is the card I ordered": the verb after it is a detail
    if not verb and not obj:
        return None
    k = next((i for i, w in enumerate(words[1:], 1) if w in AUX and w != qword), 0)
    who = words[k + 1] if k and k + 1 < len(words) and words[k + 1] in ("i", "you", "we") else ""
    return Ask(qword, aux, verb, verb_said, obj, obj_said, obj_first and bool(verb), who)

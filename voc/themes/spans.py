"""What a request asks to do, as its statement writes it: a verb and its whole object.

"How do I set up an auto top-up?", "I need to change my name", "Why verify the top-up?"
ask to *set up auto top-up*, *change my name*, *verify the top-up*. :func:`verb_spans`
finds such spans in one statement: a verb in the place a request puts one (after "to",
after "I"/"we"/"you" and their auxiliaries, or opening an imperative), its particle
("set up"), and the noun phrase right after it, taken whole to its last noun ("auto
top-up", "SWIFT transfers", "disposable card"), never cut inside a compound. Spans are
keyed by lemmas ("top up", "top-up" and "topup" are one word) and shown as most of
them write them, so a name made of one is a piece of what customers wrote.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.pos import lexicon_tag, past_participle

#: Words before a verb's place: "to", and the subjects of a request.
_BEFORE_VERB = frozenset({"to", "i", "we", "you"})
#: Auxiliaries and adverbs that may stand between the subject and the verb.
_BETWEEN = frozenset({
    "can", "could", "do", "does", "did", "will", "would", "should", "must", "may", "might",
    "just", "also", "still", "really", "actually", "ever", "now", "quickly", "urgently",
    "please", "then", "even", "already", "not", "never", "go", "able", "be",
})
#: Verbs too general to say what is asked ("I have a card", "I need to").
_LIGHT = frozenset({
    "be", "have", "do", "need", "want", "like", "wish", "go", "think", "try", "let",
    "seem", "look", "feel", "tell", "help", "say", "ask", "hope", "wonder", "understand",
    "am", "mean", "keep", "happen", "expect",
})
#: Stop words that are verbs a request asks to do ("give", "show", "top up").
_VERBS_KEPT = frozenset({"give", "take", "make", "put", "see", "show", "move", "call", "top",
                         "get"})
#: Stop words that are nouns a request names ("change my name").
_NOUNS_KEPT = frozenset({"name", "amount", "top-up"})
_DETERMINERS = frozenset({
    "my", "the", "a", "an", "this", "that", "your", "our", "these", "those", "some", "any",
    "another", "his", "her", "their",
})
_PARTICLES = frozenset({"up", "out", "in", "off", "down", "back", "over"})
_OBJECT_WORDS = 3
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]|[^\sA-Za-z]+")
_TOP_UP = re.compile(r"\btop[\s\-]?ups?\b", re.IGNORECASE)


@dataclass(frozen=True)
class Span:
    """One verb with its object: lemma key, written form, and the object's lemma key."""

    key: str
    said: str
    obj: str
    #: the noun a "what"/"which" question asks about, the verb's subject: "what ATMs"
    #: of "What ATMs accept my card?" (question word and noun as written)
    asked: str = ""


def _tokens(text: str) -> list[str]:
    """Words with "top up"/"top-up"/"topup" as one word; punctuation as its own token."""
    t = _TOP_UP.sub(lambda m: "top-ups" if m.group(0).lower().endswith("s") else "top-up",
                    text.replace("’", "'"))
    return _TOKEN.findall(re.sub(r"(\w)-top-up", r"\1 top-up", t))  # "auto-top up"


def _key(word: str) -> str:
    w = word.lower()
    return "top-up" if w.startswith("top-up") else lemma(w)


def _verb(word: str, first: bool, after: str = "") -> bool:
    """Whether ``word`` can be the verb of a request in a verb's place (``first``: the
    statement's first word, which is capitalised whatever it is; ``after``: the next)."""
    w = word.lower()
    if w == "top-up":
        return True
    if not w.isalpha() or (not first and word != w):
        return False  # "to China", "to US": a name, not a verb
    if lemma(w) in _LIGHT or w in _LIGHT or (w in STOPWORDS and w not in _VERBS_KEPT):
        return False
    tag = lexicon_tag(w)
    if tag == "NN":  # "change", "reset my" are verbs too; "auto" is not: no "autoed"
        return bool(past_participle(w)) or after.lower() in _DETERMINERS
    return tag in ("VB", "VBP", "") or tag.startswith("VB") and lemma(w) == w  # "set"


def _noun(word: str, first: bool) -> bool:
    """Whether ``word`` may stand in an object noun phrase."""
    w = word.lower()
    if w in _NOUNS_KEPT or w.startswith("top-up"):
        return True
    if not re.fullmatch(r"[a-z][a-z\-]*", w) or w in STOPWORDS or w in _DETERMINERS:
        return False
    tag = lexicon_tag(w)
    return tag.startswith(("NN", "JJ")) or tag == "" or (first and tag in ("VBG", "VBN"))


def _head(word: str) -> bool:
    """Whether ``word`` can end a noun phrase: a noun, a compound or an unknown word."""
    w = word.lower()
    return w in _NOUNS_KEPT or w.startswith("top-up") or "-" in w or \
        lexicon_tag(w).startswith("NN") or lexicon_tag(w) == "" or word.isupper()


def _asked_nouns(toks: list[str]) -> dict[int, str]:
    """Verb places after "what"/"which" and the nouns they ask about ("What ATMs accept
    my card?": the verb's place 2, "what ATMs")."""
    out: dict[int, str] = {}
    for i, w in enumerate(toks):
        if w.lower() not in ("what", "which"):
            continue
        j = i + 1
        while j < len(toks) and j - i <= 2 and _noun(toks[j], j == i + 1):
            j += 1
        if j > i + 1 and _head(toks[j - 1]):
            nouns = (t if t[1:] != t[1:].lower() else t.lower() for t in toks[i + 1 : j])
            k = j + (j < len(toks) and toks[j].lower() in ("will", "would", "can", "could"))
            out[k] = " ".join([w.lower(), *nouns])  # "ATMs" as written, "Atms" not
    return out


def _verb_places(toks: list[str]) -> list[int]:
    low = [t.lower() for t in toks]
    out = [0, *_asked_nouns(toks)] if toks else []
    for i, w in enumerate(low):
        if w not in _BEFORE_VERB:
            continue
        j = i + 1
        while j < len(low) and low[j] in _BETWEEN:
            j += 1
        if j < len(low):
            out.append(j)
    return sorted(set(out))


@lru_cache(maxsize=65536)
def verb_spans(text: str) -> tuple[Span, ...]:
    """The verb + object spans of ``text`` (see the module docstring), in order."""
    toks = _tokens(text)
    out: list[Span] = []
    asked = _asked_nouns(toks)
    for i in _verb_places(toks):
        if not _verb(toks[i], i == 0, toks[i + 1] if i + 1 < len(toks) else ""):
            continue
        verb = [toks[i].lower()]
        j = i + 1
        if j < len(toks) and toks[j].lower() in _PARTICLES:
            verb.append(toks[j].lower())
            j += 1
        while j < len(toks) and toks[j].lower() in _DETERMINERS:
            j += 1
        obj: list[str] = []
        while j < len(toks) and len(obj) < _OBJECT_WORDS + 1 and (
            _noun(toks[j], not obj) or obj and toks[j][0].isupper() and toks[j].isalpha()
        ):
            obj.append(toks[j])  # "Apple Pay": a name is one noun, whatever its words
            j += 1
        if len(obj) == 1 and j + 1 < len(toks) and toks[j] == "of":
            k = j + 1 + (toks[j + 1].lower() in _DETERMINERS)
            if k < len(toks) and _head(toks[k]) and _noun(toks[k], False):
                obj += ["of", toks[k]]  # "source of funds", "proof of address"
        if len(obj) > _OBJECT_WORDS:
            continue  # a run longer than a name holds: no whole object to show
        while obj and (not _head(obj[-1]) or obj[-1] == "of"):
            obj.pop()
        if not obj:
            continue
        if verb[0] == "top-up":
            verb[:1] = ["top", "up"] if len(verb) == 1 else ["top"]  # the verb is two words
        words = [*verb, *(w if w[0].isupper() and len(w) > 1 else w.lower() for w in obj)]
        if len({_key(w) for w in words}) < len(words):
            continue  # "transfer transfers": no lemma twice
        vkey = "top-up" if verb[:2] == ["top", "up"] else _key(verb[0])
        okey = " ".join(_key(w) for w in obj)
        out.append(Span(f"{vkey} {okey}", " ".join(words), okey, asked.get(i, "")))
    return tuple(out)


#: Words that end an object without saying more ("the auto top-up option").
_GENERIC = frozenset({"option", "feature", "service", "function", "facility", "thing", "process"})


def _tally(
    texts: Sequence[str], found: Callable[[str], Iterable[tuple[str, str]]]
) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """How many distinct ``texts`` hold each key ``found`` gives (key, written form) of
    them, and each key's written forms."""
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for text in dict.fromkeys(texts):
        seen: set[str] = set()
        for key, said in found(text):
            forms.setdefault(key, Counter())[said] += 1
            if key not in seen:
                seen.add(key)
                counts[key] += 1
    return counts, forms


def _whole_spans(text: str) -> list[tuple[str, str]]:
    """The spans of ``text``, each also without a generic last word ("auto top-up" of
    "auto top-up option")."""
    out: list[tuple[str, str]] = []
    for s in verb_spans(text):
        said = s.said.split()
        out.append((s.key, s.said))
        if len(s.obj.split()) > 1 and said[-1].lower() in _GENERIC:
            out.append((s.key.rsplit(" ", 1)[0], " ".join(said[:-1])))
    return out


def _counted(texts: Sequence[str]) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """How many distinct ``texts`` write each span (:func:`_whole_spans`), and its forms."""
    return _tally(texts, _whole_spans)


def _first(forms: Counter[str]) -> str:
    """The most written form (the first in order on a tie)."""
    return min(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0]


_NEGATION = re.compile(r"n't\b|\b(?:not|cannot|cant|unable|never|no)\b", re.IGNORECASE)


def _negated(key: str, texts: Sequence[str]) -> bool:
    """Whether a third or more of the ``texts`` writing span ``key`` negate something."""
    saying = [t for t in texts if any(s.key == key or s.key.startswith(key + " ")
                                      for s in verb_spans(t))]
    return 3 * sum(bool(_NEGATION.search(t.replace("’", "'"))) for t in saying) >= len(saying)


def _as_noun(said: str, texts: Sequence[str]) -> bool:
    """Whether ``said`` is written after a determiner by as many statements as say it at
    all: a noun phrase ("an auto top-up"), not a verb and its object."""
    pat = re.compile(rf"\b{re.escape(said)}\b", re.IGNORECASE)
    det = re.compile(rf"\b(?:{'|'.join(_DETERMINERS)})\s+{re.escape(said)}\b", re.IGNORECASE)
    norm = [_TOP_UP.sub("top-up", t) for t in texts]
    n_said = sum(bool(pat.search(t)) for t in norm)
    return n_said > 0 and 2 * sum(bool(det.search(t)) for t in norm) >= n_said


def _compounded(said: str, n_verb: int, texts: Sequence[str]) -> str:
    """``said`` (its first ``n_verb`` words the verb) with the word most statements
    writing its object put right after it, when that word is no stop word: the rest of a
    compound ("use apple" → "use apple watch")."""
    obj = " ".join(said.split()[n_verb:])
    if not obj:
        return said
    pat = re.compile(rf"\b{re.escape(obj)}\s+([a-z][a-z\-]*)", re.IGNORECASE)
    norm = [_TOP_UP.sub("top-up", t) for t in texts]
    after = Counter(m.group(1).lower() for t in norm for m in [pat.search(t)] if m)
    n_said = sum(bool(re.search(rf"\b{re.escape(obj)}\b", t, re.I)) for t in norm)
    if not after:
        return said
    word, n = min(after.items(), key=lambda kv: (-kv[1], kv[0]))
    if 2 * n > n_said and word not in STOPWORDS and word not in _DETERMINERS \
            and lemma(word) not in {lemma(w) for w in said.lower().split()}:
        return f"{said} {word}"
    return said


def best_span(texts: Sequence[str], least: int, max_words: int = 3) -> tuple[str, int]:
    """The verb + object most distinct ``texts`` write (its written form and support), at
    least ``least`` of them and at most ``max_words`` words, and asked rather than said
    not to work (most of the statements writing it negate nothing: "I can't use my card"
    is a problem, not a question how to use it); ("", 0) when none is."""
    counts, forms = _counted(texts)
    uniq = list(dict.fromkeys(texts))
    for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if n < least:
            break
        if _negated(key, uniq):
            continue
        said = _first(forms[key])
        said = _compounded(said, len(said.split()) - len(key.split(" ", 1)[1].split()), uniq)
        if len(said.split()) <= max_words and not _as_noun(said, uniq):
            return said, n
    return "", 0


def span_support(phrase: str, texts: Sequence[str]) -> int:
    """How many distinct ``texts`` write the verb + object ``phrase`` with its object
    whole: to its last word, modifiers aside ("get virtual card" of "get a disposable
    virtual card"); 0 when it is not one ("find auto" of "find the auto top-up")."""
    spans = verb_spans(f"to {phrase}")
    whole = len(_tokens(phrase))
    mine = next((s for s in spans if len(_tokens(s.said)) == whole), None)
    if mine is None:
        return 0
    verb = mine.key[: len(mine.key) - len(mine.obj)].strip()
    n = 0
    for text in dict.fromkeys(texts):
        n += any(
            s.key.startswith(verb + " ") and _ends(s.obj, mine.obj)
            for s in verb_spans(text)
        )
    return n


def _ends(obj: str, end: str) -> bool:
    """Whether object key ``obj`` ends in ``end``, a generic last word aside."""
    words = obj.split()
    if words and words[-1] in _GENERIC and len(words) > 1:
        words = words[:-1]
    return obj == end or " ".join(words) == end or obj.endswith(" " + end) \
        or " ".join(words).endswith(" " + end)


def asked_of(texts: Sequence[str], least: int, max_words: int = 5) -> str:
    """The "what"/"which" question most distinct ``texts`` ask with its verb and whole
    object, at least ``least`` of them: "what ATMs accept card" of "What ATMs accept my
    card?"; "" when none is."""
    # "what businesses" and "which merchants accept my card" ask one thing
    counts, forms = _tally(
        texts, lambda t: [(s.key, f"{s.asked} {s.said}") for s in verb_spans(t) if s.asked]
    )
    for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if n < least:
            break
        said = _first(forms[key])
        if len(said.split()) <= max_words:
            return said
    return ""


def purpose(obj: str, texts: Sequence[str], least: int) -> str:
    """The noun phrase most ``texts`` say ``obj`` is for, whole and as written, when at
    least ``least`` of them say one: "transfer" of "a fee for a transfer", "cash
    withdrawal" of "charged a fee for my cash withdrawal"; "" when none is."""
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    pat = re.compile(rf"\b{re.escape(obj)}s?\b(?:\s+\w+)?\s+(?:for|on)\s+(.*)", re.IGNORECASE)
    for text in dict.fromkeys(texts):
        m = pat.search(_TOP_UP.sub("top-up", text))
        if m is None:
            continue
        toks = [t for t in _tokens(m.group(1))[:4]]
        while toks and toks[0].lower() in _DETERMINERS:
            toks = toks[1:]
        np: list[str] = []
        for t in toks[:2]:
            if not _noun(t, not np) or t.lower() == obj:
                break
            np.append(t.lower())
        while np and not _head(np[-1]):
            np.pop()
        if np:
            key = " ".join(_key(w) for w in np)
            counts[key] += 1
            forms.setdefault(key, Counter())[" ".join(np)] += 1
    if not counts:
        return ""
    key, n = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if n < least:
        return ""
    return _first(forms[key])


#: Prepositions that end a question after its verb ("where do funds come from").
_ENDING = frozenset({"from", "to", "for", "with", "in", "on", "at"})


def word_after(verb: str, texts: Sequence[str]) -> str:
    """The preposition most of the ``texts`` writing ``verb`` put right after it, when
    more than half of them do ("come" → "from"); "" otherwise."""
    pat = re.compile(rf"\b{re.escape(verb)}\b\s*([a-z]*)", re.IGNORECASE)
    after = [m.group(1).lower() for t in texts for m in pat.finditer(t)]
    if not after:
        return ""
    word, n = Counter(after).most_common(1)[0]
    return word if word in _ENDING and 2 * n > len(after) else ""

"""What a theme of questions asks about, in its statements' own words.

Many support messages are questions ("How do I top up my card?", "Where is my new
card?", "Why was I charged a fee?"). A theme of them is named after the thing asked, as
a person would write it: "how to top up card", "where is new card", "why fee charged".
Each question is read with the part-of-speech chunks of :mod:`voc.themes.pos`: its
question word, the auxiliary after it, its first content verb (with particle: "top up")
and the noun phrase it acts on. Questions vote once each, and the pattern most of them
share gives the name; every word of it is a word of the statements.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from voc.themes.lemmas import lemma
from voc.themes.pos import lexicon_tag
from voc.themes.question import QWORDS, REQUESTS, YES_NO, Ask, ask, first_words
from voc.themes.spans import word_after
from voc.themes.wholeasked import which_one, whole_asked

__all__ = ["QWORDS", "REQUESTS", "YES_NO", "Ask", "ask", "question_name", "whole_asked"]


#: Share of a theme's statements that must be questions for it to be named as one.
MIN_QUESTION_SHARE = 0.3


def _best(counts: Counter[str], need: int) -> str:
    if not counts:
        return ""
    key, n = min(counts.items(), key=lambda kv: (-kv[1], -kv[0].count(" "), kv[0]))
    return key if n >= need else ""


def _said(forms: dict[str, Counter[str]], key: str) -> str:
    return min(forms[key].items(), key=lambda kv: (-kv[1], kv[0]))[0] if key in forms else ""


def question_name(texts: Sequence[str], min_share: float = 0.2, max_words: int = 5) -> str:
    """The name of a theme of questions by what it asks, or "" when it is not one.

    At least ``MIN_QUESTION_SHARE`` of the distinct statements must be questions, and
    the asked-about verb or object must be said by at least two and ``min_share`` of
    them. "how to top up card", "where is new card", "why card declined".
    """
    uniq = list(dict.fromkeys(texts))
    asks = [a for a in (ask(t) for t in uniq) if a is not None]
    if not uniq or len(asks) < max(2, MIN_QUESTION_SHARE * len(uniq)):
        return ""
    need = max(2, int(min_share * len(asks) + 0.999))
    qwords = Counter(a.qword for a in asks)
    verbs: Counter[str] = Counter()
    objs: Counter[str] = Counter()
    vforms: dict[str, Counter[str]] = {}
    oforms: dict[str, Counter[str]] = {}
    for a in asks:
        if a.verb:
            verbs[a.verb] += 1
            vforms.setdefault(a.verb, Counter())[a.verb_said] += 1
        if a.obj:
            # "virtual card" also says "card": the longer phrase wins when said as often
            ow = a.obj.split()
            sw = a.obj_said.split()
            for k in range(len(ow)):
                key = " ".join(ow[k:])
                objs[key] += 1
                oforms.setdefault(key, Counter())[" ".join(sw[k:])] += 1
    obj = _best(objs, need)
    # what is asked about is said alike; what to do with it less so ("hold", "exchange")
    vneed = need if not obj else max(2, int(0.1 * len(asks) + 0.999))
    if obj and " " not in obj:
        longer = [k for k in objs if k.endswith(" " + obj) and objs[k] * 3 >= objs[obj]]
        if longer:
            obj = min(longer, key=lambda k: (-objs[k], k))
    said_words = {w for t in uniq for w in first_words(t)}
    # places and other names, written capitalised mid-sentence ("from China")
    names = {w.lower().strip(".,!?:;") for t in uniq for w in t.split()[1:]
             if w[:1].isupper() and w[1:2].islower()}
    verb = _best(verbs, vneed)
    name = _name(asks, qwords, said_words, verb, obj, vforms, oforms, max_words, names, uniq)
    return whole_asked(which_one(name, uniq, max_words), uniq, max_words)


def _name(
    asks: Sequence[Ask], qwords: Counter[str], said_words: set[str], verb: str, obj: str,
    vforms: dict[str, Counter[str]], oforms: dict[str, Counter[str]], max_words: int,
    names: set[str] | None = None, texts: Sequence[str] = (),
) -> str:
    """The question asking about ``verb`` and ``obj`` ("" when none is whole)."""
    if not verb and not obj:
        return ""
    qword = min(
        (q for q in qwords if q in QWORDS or q.startswith("how ")),
        key=lambda q: (-qwords[q], q),
        default="",
    ) or min(qwords, key=lambda q: (-qwords[q], q))
    v = _said(vforms, verb) if verb else ""
    o = _said(oforms, obj) if obj else ""
    if o and v:  # "how to transfer transfer money": the verb says it once
        vl = {lemma(w) for w in v.split()}
        ow = o.split()
        mod = _shared_modifier(asks) if qword == "why" and lemma(ow[-1]) in vl else ""
        if mod:  # "why extra charge", not "why charged", of extra pounds, fees, charges
            return f"why {mod}"
        o = "" if lemma(ow[-1]) in vl else " ".join(w for w in ow if lemma(w) not in vl)
    pairs = [a.obj_first for a in asks if a.verb == verb and _ends(a.obj, obj)] if o else []
    if 2 * sum(pairs) > len(pairs) and qword == "how":
        # "how can I tell where funds come from" asks where: the question word most
        # questions about the object doing the verb use ("where do funds come from")
        mine = Counter(a.qword for a in asks if a.verb == verb and a.obj_first and (
            a.qword in QWORDS))
        qword = min(mine, key=lambda q: (-mine[q], q)) if mine else qword
    if verb and qword in ("what", "which", "want", *YES_NO) and qwords["how"] >= 2:
        qword = "how"  # "what do I do to activate my card" asks how to: "how to activate card"
    # "where does money come from": the object is the verb's subject, so "how to come
    # funds" or "where can I come funds" would not be what anyone asks
    pairs = [a.obj_first for a in asks if a.verb == verb and _ends(a.obj, obj)] if o else []
    as_subject = 2 * sum(pairs) > len(pairs)
    after = word_after(v, texts) if v and o and as_subject else ""
    words = _form(qword, asks, said_words, verb, v, o, as_subject, names or set(), after)
    if len(words) > max_words and len(o.split()) > 1:
        # a shorter whole question rather than a cut one: "what card do you accept"
        words = _form(
            qword, asks, said_words, verb, v, o.split()[-1], as_subject, names or set(), after
        )
    words = [w for w in words if w]
    if len(words) < 2 or len(words) > max_words:
        return ""
    if words[0] in ("what", "which") and texts and _fronted(words[0], words[1], texts) < 2:
        return ""  # "what payroll do i receive" of "what do I do to receive my payroll"
    return " ".join(words)


#: Share of the questions whose objects must open with one adjective for a "why" name
#: to say it ("why extra charge" where 10 of 40 ask about an "extra" charge, fee or pound).
MODIFIER_SHARE = 0.2


def _shared_modifier(asks: Sequence[Ask]) -> str:
    """The adjective that at least :data:`MODIFIER_SHARE` (and two) of the questions'
    objects open with, whatever their nouns ("extra" of "extra charge", "extra pound"),
    with the noun most of those say ("extra charge"); "" when none does."""
    objs = [a.obj_said.split() for a in asks if len(a.obj.split()) == 2]
    mods = Counter(o[0] for o in objs if lexicon_tag(o[0]) == "JJ")
    if not mods:
        return ""
    word, n = min(mods.items(), key=lambda kv: (-kv[1], kv[0]))
    if n < max(2, MODIFIER_SHARE * len(asks)):
        return ""
    heads = Counter(o[1] for o in objs if o[0] == word)
    return f"{word} {min(heads, key=lambda h: (-heads[h], h))}"


def _fronted(qword: str, word: str, texts: Sequence[str]) -> int:
    """How many ``texts`` write ``word`` right after ``qword``, but for two words between
    ("what credit cards do you ...")."""
    pat = re.compile(rf"\b{qword}\s+(?:[\w\-]+\s+){{0,2}}{re.escape(word)}s?\b", re.I)
    return sum(bool(pat.search(t)) for t in texts)


def _ends(phrase: str, key: str) -> bool:
    return phrase == key or phrase.endswith(" " + key)


def _aux(asks: Sequence[Ask], qword: str) -> str:
    """The auxiliary most questions with ``qword`` say after it."""
    aux = Counter(a.aux for a in asks if a.qword == qword and a.aux)
    return min(aux, key=lambda x: (-aux[x], x)) if aux else ""


def _how_long(qword: str, asks: Sequence[Ask], base: str, names: set[str]) -> list[str]:
    """"how long does transfer take", "how long is delivery": the thing whose time, cost
    or count is asked is the noun phrase most of these questions ask about, never a place
    or other name (``names``: "how long will china take" of "how long will it take to
    transfer to China"); [] when there is none."""
    a = _aux(asks, qword)
    family = ("is", "are") if a in ("is", "are") else ("does", "do", "will")
    if a not in (*family, ""):
        return []  # "how many transactions can I make" is too long to be a name
    heads: Counter[str] = Counter()
    said: dict[str, Counter[str]] = {}
    for x in asks:
        if x.qword == qword and x.aux in family and x.obj and not set(x.obj.split()) & names:
            head = x.obj.split()[-1]
            heads[head] += 1
            said.setdefault(head, Counter())[x.obj_said] += 1
    if not heads:
        return []
    head, n = min(heads.items(), key=lambda kv: (-kv[1], kv[0]))
    if n < 2:
        return []
    o = min(said[head].items(), key=lambda kv: (-kv[1], kv[0].count(" "), kv[0]))[0]
    plural = lemma(o.split()[-1]) != o.split()[-1]
    if a in ("is", "are"):
        return [*qword.split(), "are" if plural else "is", *o.split()]
    if a != "will":
        a = "do" if plural else "does"  # "how long does transfer take", not "do transfer"
    return [*qword.split(), a, *o.split(), *base.split()] if base else []


def _form(
    qword: str, asks: Sequence[Ask], said_words: set[str], verb: str, v: str, o: str,
    as_subject: bool, names: set[str], after: str = "",
) -> list[str]:
    """The words of a whole short question asking ``qword`` about verb ``v`` and object
    ``o`` ([] when no grammatical question can be made of them)."""
    # after an auxiliary the verb is said in its base form ("what card can I use")
    base = verb if verb and set(verb.split()) <= said_words else ""
    if qword in ("how long", "how much", "how many"):
        return _how_long(qword, asks, base, names)
    if qword == "how" or (qword in YES_NO and "how" in said_words):
        if o and as_subject:
            return []
        # the base form when someone says it ("top up", not "topped up")
        base = base or v
        if not base:
            return []
        return ["how", "to", *base.split(), *o.split()] if "to" in said_words else (
            ["how", *base.split(), *o.split()])
    if qword == "why":
        return ["why", *o.split(), *v.split()] if v else []
    if qword in ("where", "when"):
        a = _aux(asks, qword)
        if v and o and as_subject and base and lexicon_tag(v.split()[0]) != "VBN":
            # "where do funds come from": the object is the verb's subject (not of a
            # passive: "where can cards be delivered")
            sa = Counter(x.aux for x in asks if x.qword == qword and x.verb == verb and (
                x.obj_first))
            a = min(sa, key=lambda x: (-sa[x], x)) if sa else ""
            if a in ("do", "does", "did"):
                a = "do" if lemma(o.split()[-1]) != o.split()[-1] else "does"
            return [qword, a, *o.split(), *base.split(), *([after] if after else [])] if (
                a in ("do", "does", "will")) else []
        if v and a in ("can", "do"):  # "where can I find PIN"
            return [qword, a, "i", *v.split(), *o.split()] if o and not as_subject else []
        if v and a in ("will", "does"):  # "when will card arrive"
            return [qword, a, *o.split(), *v.split()] if o else []
        # without its verb only a copula makes a question: "where is card", not "where can card"
        a = a or "is"
        return [qword, a, *o.split()] if o and a in ("is", "are", "was", "were") and (
            a in said_words) else []
    if qword in ("what", "which"):
        a = _aux(asks, qword)
        who = Counter(x.who for x in asks if x.qword == qword and x.aux == a and x.who)
        w = min(who, key=lambda x: (-who[x], x)) if who else ("i" if "i" in said_words else "")
        if a in ("can", "do") and w:  # "what cards do you accept", not "what phone do I
            # steal" of "what do I do if my phone was stolen"
            return [qword, *o.split(), a, w, *base.split()] if o and base and not (
                as_subject) else []
        if a in ("is", "are") and o and v and lexicon_tag(v.split()[-1]) == "VBN":
            a = "are" if lemma(o.split()[-1]) != o.split()[-1] else "is"
            return [qword, *o.split(), a, *v.split()]  # "what currencies are supported"
        return []  # "what businesses accept": the verb's own object is cut off
    # yes/no: "can I top up by card"
    return [qword, "i", *v.split(), *o.split()] if v and qword in ("can", "could") and not (
        o and as_subject) else []

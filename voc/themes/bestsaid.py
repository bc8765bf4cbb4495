"""The problem phrase that names a theme best, among those its statements say.

:func:`best_said` and :func:`best_written` pick, among the problem phrases a theme's
statements say (:func:`voc.themes.said.phrases_said`), the one the most distinct
statements say (as written, for :func:`best_written`: :mod:`voc.themes.written`),
weighted by how distinctive its subject is among the theme's class-based TF-IDF key
phrases; :func:`said_with` and :func:`said_next` complete a subject with the problem word
most statements say beside it ("fee" + "charged" → "fee charged"). Used by
:mod:`voc.themes.attest`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.pairs import WINDOW, judged, need
from voc.themes.pos import glued, lexicon_tag
from voc.themes.predicate import problem_lemmas
from voc.themes.said import (
    Said,
    Vocab,
    is_noun,
    key,
    phrases_said,
    raw_tokens,
    said_of_thing,
    token_keys,
    wrong_words,
)
from voc.themes.wording import surface
from voc.themes.written import written_support

__all__ = ["best_said", "best_written", "of_thing", "said_next", "said_with", "subject_words"]


def distinctness(subject: str, phrases: Sequence[str]) -> float:
    """1 plus twice how high the subject's words rank among the key phrases (1 when
    absent)."""
    want = {lemma(w) for w in subject.split()}
    for rank, p in enumerate(phrases):
        if want & {lemma(w) for w in p.lower().split()}:
            return 1.0 + 2.0 * (len(phrases) - rank) / max(len(phrases), 1)
    return 1.0


def best_said(
    texts: Sequence[str],
    phrases: Sequence[str] = (),
    subject: str = "",
    least: int = 0,
    same_subject: bool = False,
    things: bool = False,
) -> Said | None:
    """The problem phrase most distinct statements say (see :func:`phrases_said`),
    weighted by the distinctiveness of what it is said of (:func:`distinctness` over the key
    ``phrases``, and ``subject`` when given); None unless ``least`` statements (default:
    :func:`need`) say it; with ``same_subject`` only phrases said of ``subject``, with
    ``things`` only phrases said of a thing (:func:`said_of_thing`)."""
    uniq = list(dict.fromkeys(texts))
    least = least or need(len(uniq))
    subj = {lemma(w) for w in subject.lower().split()}
    known = Vocab(known=frozenset(w for p in phrases for w in p.lower().split()))
    best: tuple[float, Said] | None = None
    for s in phrases_said(uniq, phrases):
        if s.support < least:
            break
        score = s.support * distinctness(s.subject, phrases)
        if not is_noun(s.subject.split()[-1], known):
            score *= 0.35  # "doesn't help": no thing it is said of
        if subj & {lemma(w) for w in s.subject.split()}:
            score *= 1.5
        elif same_subject:
            continue
        if things and not said_of_thing(s):
            continue
        if len(s.text.split()) > 4:
            score *= 0.8
        if best is None or score > best[0]:
            best = (score, s)
    return best[1] if best else None


#: Negations and vague words that never complete a subject on their own ("credit report not").
_NOT_ALONE = frozenset({"not", "can't", "never", "no", "zero", "without", "down", "long", "full",
                        "lack", "stop", "late"})


#: Modal verbs say nothing wrong, whatever word their key comes from ("canned" → "can").
_MODALS = frozenset({"can", "could", "will", "would", "shall", "should", "may", "might", "must"})


#: "stopped", "stops" say something failed ("sync stopped"); "stop" asks for it ("stop calling").
_STOPPED = frozenset({"stopped", "stops"})


def said_with(subject: str, texts: Sequence[str]) -> Said | None:
    """The subject with the problem word the most distinct statements say within
    :data:`WINDOW` tokens of it, in the order they say it ("credit report" +
    "inaccurate" → "inaccurate credit report"; "fee" + "charged" → "fee charged"); None
    unless two statements do. The word goes where most of them put it."""
    subj = [key(w) for w in subject.lower().split()]
    if not subj:
        return None
    wrong = wrong_words()
    df: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    after: Counter[str] = Counter()
    for text in dict.fromkeys(texts):
        toks = raw_tokens(text)
        keys = token_keys(toks)
        at = [i for i in range(len(keys)) if keys[i : i + len(subj)] == subj]
        seen: set[str] = set()
        for i, (w, k) in enumerate(zip(toks, keys, strict=True)):
            if k in subj or (k in _NOT_ALONE and w not in _STOPPED) or w in _NOT_ALONE \
                    or w in STOPWORDS or glued(w) or k in seen or k in _MODALS:
                continue
            tag = lexicon_tag(w)
            if not (k in wrong or w in wrong) or tag in ("NN", "VB", "VBP") or (
                tag == "NNS" and k not in problem_lemmas()
            ):
                continue  # a noun ("fee") or an action ("cancel") is not what is wrong
            near = [j for j in at if -WINDOW <= i - j <= WINDOW + len(subj) - 1]
            if near:
                seen.add(k)
                forms.setdefault(k, Counter())[w] += 1
                after[k] += i > near[0]
        df.update(seen)
    if not df:
        return None
    k, n = min(df.items(), key=lambda kv: (-kv[1], kv[0]))
    if n < 2:
        return None
    word = surface(forms[k])
    named = [*subject.split(), word] if after[k] * 2 > n else [word, *subject.split()]
    return Said(" ".join(named), subject, n)


def best_written(
    texts: Sequence[str], phrases: Sequence[str], subject: str, least: int,
    same_subject: bool = False,
) -> Said | None:
    """The problem phrase (:func:`phrases_said`, said of a thing or a blocked action) the
    most distinct statements say as written (:func:`written_support`), weighted as
    :func:`best_said` weighs; None unless ``least`` statements say it."""
    uniq = list(dict.fromkeys(texts))
    subj = {lemma(w) for w in subject.lower().split()}
    best: tuple[float, Said] | None = None
    for s in phrases_said(uniq, phrases)[:60]:
        if not of_thing(s):
            continue
        about = bool(subj & {lemma(w) for w in s.subject.split()})
        if same_subject and not about:
            continue
        n = written_support(s.text, uniq)
        if n is None and not judged(s.text):
            continue  # no problem word: "sitting on plane" says where, not what is wrong
        # judgements of one noun vote together ("bad seat", "lousy coach seat"), when the
        # one shown is written before it at least twice ("disappointed ... agent" is not)
        n = s.support if n is None or judged(s.text) and n >= 2 else n
        if n < least:
            continue
        score = n * distinctness(s.subject, phrases) * (1.5 if about else 1.0)
        if len(s.text.split()) > 4:
            score *= 0.8
        if best is None or score > best[0]:
            best = (score, Said(s.text, s.subject, n))
    return best[1] if best else None



def of_thing(s: Said) -> bool:
    """A phrase said of a thing ("no response", "bag lost", "never received refund") or a
    blocked action ("can't check in"); not a negated verb alone ("didn't work", "wouldn't
    seat": the verb is no thing)."""
    words = s.text.split()
    if words[0] in ("can't", "unable", "couldn't"):
        return True
    if (words[0] in ("not", "never") or words[0].endswith("n't")) and len(words) > 1 \
            and s.subject == words[1]:
        return False
    return said_of_thing(s)


def said_next(subject: str, texts: Sequence[str], least: int = 0) -> Said | None:
    """The subject with the problem word the most distinct statements say of it as
    written (see :mod:`voc.themes.written`), in the order they say it; None unless
    ``least`` (default :func:`need`) of them do."""
    found = said_with(subject, texts)
    if found is None:
        return None
    n = written_support(found.text, texts)
    least = least or need(len(list(dict.fromkeys(texts))))
    return found if n is not None and n >= least else None


def subject_words(name: str, keys: Sequence[str]) -> str:
    """The words of ``name`` that are its subject (``keys``: their lemma keys), as
    written ("credit report refused" → "credit report")."""
    return " ".join(w for w in name.split() if key(w.lower()) in keys)

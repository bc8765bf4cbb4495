"""Names whose problem the statements say of their subject: attested names.

A theme name pairs a subject with a problem word ("flight cancelled"). The pairing is
*attested* when the theme's statements say that problem of that subject: the two within
:data:`WINDOW` tokens of each other, in either order, in at least
``max(2, MIN_SHARE × n)`` of its ``n`` distinct statements (all of them when fewer).
A pairing built from a subject in one clause and a failure verb in another ("response
missed" over statements saying "still no response") is not. :func:`attested_name`
keeps an attested name and replaces a bare or glued one by the problem phrase most
statements say (:func:`best_said`, over :func:`voc.themes.said.phrases_said`, weighted
by how distinctive its subject is among the theme's class-based TF-IDF key phrases).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from voc.themes.asked import QWORDS, question_name
from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.plain import PLAIN_HEADS, plain_head, plain_name, plain_subject
from voc.themes.pos import glued, lexicon_tag
from voc.themes.predicate import evaluative_lemmas, problem_lemmas
from voc.themes.problems import PROBLEMS, SMALL_THEME
from voc.themes.said import (
    BREAK,
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
from voc.themes.subjects import JUDGEMENTS, main_noun
from voc.themes.wording import TIME_WORDS
from voc.themes.written import written_support

__all__ = ["MIN_SHARE", "WINDOW", "Said", "attested_name", "best_said", "key", "need", "parts",
           "phrases_said", "said_of_thing", "said_with", "support"]

#: Tokens either side within which a problem word is said of a subject.
WINDOW = 6
#: Share of a theme's distinct statements that must attest its name (at least two).
MIN_SHARE = 0.10

def parts(name: str) -> tuple[list[str], list[str]]:
    """The subject keys and problem keys of a name ("no response" → (["response"], ["no"]))."""
    toks = [t for t in raw_tokens(name) if t != BREAK]
    keys = token_keys(toks)
    wrong = wrong_words()
    problem = [k for w, k in zip(toks, keys, strict=True)
               if k in wrong or w in wrong or w in PLAIN_HEADS]
    subject = [
        k for w, k in zip(toks, keys, strict=True)
        if k not in problem and w not in STOPWORDS and k not in STOPWORDS and len(w) > 1
    ]
    return subject, problem


def need(n: int) -> int:
    """Statements that must attest a name of a theme of ``n`` distinct statements: about
    :data:`MIN_SHARE` of them (rounded to the nearest), at least two (all when fewer)."""
    return min(n, max(2, math.floor(MIN_SHARE * n + 0.5)))


def support(name: str, texts: Sequence[str]) -> int | None:
    """How many distinct ``texts`` say every problem word of ``name`` within
    :data:`WINDOW` tokens of one of its subject words; None for a name without a
    subject or without a problem word (a bare noun, a question)."""
    subject, problem = parts(name)
    subj, probs = set(subject), set(problem) - set(subject)
    if not subj or not probs:
        return None
    n = 0
    for text in dict.fromkeys(texts):
        toks = raw_tokens(text)
        keys = token_keys(toks)
        at = [i for i, k in enumerate(keys) if k in subj]
        if at and all(
            any(abs(i - j) <= WINDOW for i, k in enumerate(keys) if k == p for j in at if j != i)
            for p in probs
        ):
            n += 1
    return n


def _distinct(subject: str, phrases: Sequence[str]) -> float:
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
    weighted by the distinctiveness of what it is said of (:func:`_distinct` over the key
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
        score = s.support * _distinct(s.subject, phrases)
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
                    or w in STOPWORDS or glued(w) or k in seen:
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
    word = min(forms[k].items(), key=lambda kv: (-kv[1], kv[0]))[0]
    named = [*subject.split(), word] if after[k] * 2 > n else [word, *subject.split()]
    return Said(" ".join(named), subject, n)


def attested_name(name: str, phrases: Sequence[str], texts: Sequence[str]) -> str:
    """``name`` when its statements say its problem of its subject as written (in one
    clause, side by side: :func:`voc.themes.written.written_support`) in at least
    :func:`need` of them, else a name that is.

    A bare subject ("week"), a fragment without a thing ("not care"), or a subject glued
    to a problem word said of something else ("ticket missed" over "taking two months to
    refund") gives way to the problem phrase most distinct statements say of a thing
    (:func:`best_said`, at least :func:`need` of them: "no response", "bag lost"), else to
    the most distinctive noun phrase many statements share with a plain problem head
    (:func:`voc.themes.plain.plain_name`: "mortgage payment problems"), else to the
    problem phrase most of them say. An attested pairing gives way to a phrase about the
    same subject at least twice as many say ("flight delayed" where most say "flight
    cancelled"). Questions ("how to top up") are kept.
    """
    words = name.lower().split()
    uniq = list(dict.fromkeys(texts))
    if not uniq or not words or words[0] in QWORDS or words[0] in ("can", "could"):
        return name
    least = need(len(uniq))
    kinds = [pat for pat, kind in PROBLEMS if kind == name.lower()]
    if kinds and sum(any(p.search(t.lower()) for p in kinds) for t in uniq) >= least:
        return name  # a kind of problem in the words people use for it ("charged twice")
    said = written_support(name, uniq)
    if said is not None and said < least and _judged(name):
        said = next((s.support for s in phrases_said(uniq, phrases) if s.text == name), said)
    subject, _ = parts(name)
    if said is not None and said >= least and (len(words) > 1) and _has_thing(name, phrases):
        best = best_said(uniq, phrases, " ".join(subject))
        if best is None or not said_of_thing(best):
            return name
        if best.support >= 2 * said and set(subject) & {lemma(w) for w in best.subject.split()}:
            return best.text
        if {lemma(w) for w in words} < {lemma(w) for w in best.text.split()} \
                and len(best.text.split()) <= 4:
            return best.text  # the fuller wording they use: "can't check" → "can't check in"
        return name
    return rename(name, phrases, uniq)


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
        if not _of_thing(s):
            continue
        about = bool(subj & {lemma(w) for w in s.subject.split()})
        if same_subject and not about:
            continue
        n = written_support(s.text, uniq)
        # judgements of one noun vote together ("bad seat", "lousy coach seat")
        n = s.support if n is None or _judged(s.text) else n
        if n < least:
            continue
        score = n * _distinct(s.subject, phrases) * (1.5 if about else 1.0)
        if len(s.text.split()) > 4:
            score *= 0.8
        if best is None or score > best[0]:
            best = (score, Said(s.text, s.subject, n))
    return best[1] if best else None


#: Statements of at most this many words (median) are one-line requests.
BRIEF_WORDS = 15


def _brief(texts: Sequence[str]) -> bool:
    lengths = sorted(len(t.split()) for t in texts)
    return bool(lengths) and lengths[len(lengths) // 2] <= BRIEF_WORDS


def _judged(text: str) -> bool:
    """A judgement before a noun ("worst customer service"): as written by construction."""
    first = text.split()[0]
    return first in JUDGEMENTS or lemma(first) in evaluative_lemmas()


def _of_thing(s: Said) -> bool:
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


def rename(name: str, phrases: Sequence[str], texts: Sequence[str]) -> str:
    """A name for a theme whose name is not attested as written (see
    :func:`attested_name`); ``name`` itself when nothing better is said."""
    uniq = list(dict.fromkeys(texts))
    least = need(len(uniq))
    subject, _ = parts(name)
    # what the name is about: its nouns ("wifi" of "wifi isn't working"), not its verbs
    verbs = {key(w) for w in name.lower().split() if lexicon_tag(w).startswith("VB")}
    about = " ".join(k for k in subject if k not in verbs) or " ".join(subject)
    best = (
        best_written(uniq, phrases, about, least, same_subject=True)
        or (said_next(_subject_words(name, subject), uniq) if subject else None)
        or best_written(uniq, phrases, " ".join(phrases[:3]), least, same_subject=True)
    )
    if best is not None and _with_topic(best.text, phrases, uniq):
        return best.text
    said = written_support(name, uniq) if subject else None
    if said and len(uniq) <= SMALL_THEME and _has_thing(name, phrases):
        # a handful of statements, one saying the problem of the subject as written and
        # no phrase said by more ("card verification failed"; "verification error", ...)
        return name
    best = best_written(uniq, phrases, about, least)
    top = _lemmas_of(phrases[:3])
    if best is not None and top & {lemma(w) for w in best.subject.split()}:
        return best.text
    plain = plain_name(phrases, uniq)
    if plain:
        return plain
    if best is None:
        best = best_said(uniq, phrases, about, least=min(2, len(uniq)), things=True)
    if best is None and subject:
        best = said_next(_subject_words(name, subject), uniq, least=min(2, len(uniq)))
    if best is not None:
        return best.text
    asked = question_name(uniq)
    if asked:
        return asked  # a theme of questions is named by what it asks ("how to top up")
    window = support(name, uniq) if _brief(uniq) else None
    if window is not None and window >= least and _has_thing(name, phrases) \
            and not plain_head(plain_subject(phrases, uniq), uniq):
        # one-line requests ("I can't add money"), nothing said as written, no plain
        # head written: the name their words put close together (:data:`WINDOW`) rather
        # than an unsaid "problems"; never in tweets or letters, whose clauses it crosses
        return name
    plain = plain_name(phrases, uniq, said=False)
    if plain and _compound_kept(name, plain, phrases):
        return name  # "age limit", not an unsaid "account problems" about another noun
    if plain:
        return plain
    if len(name.split()) < 2 or not parts(name)[1]:
        # never a bare word: the noun most of them say, with a plain head
        main = plain_subject([main_noun(uniq, min_share=0.0)], uniq)
        return f"{main} problems" if main else "unspecific complaints"
    return name


def _lemmas_of(phrases: Sequence[str]) -> set[str]:
    """The lemmas of every word of ``phrases`` (a theme's best key phrases)."""
    return {lemma(w) for p in phrases for w in p.lower().split()}


def _compound_kept(name: str, plain: str, phrases: Sequence[str]) -> bool:
    """Whether an on-topic noun compound ``name`` ("age limit": 2-3 different nouns, one
    of them in the three best key phrases) beats a plain name about none of its nouns."""
    words = name.lower().split()
    if not 2 <= len(words) <= 3 or len(set(words)) < len(words):
        return False
    if not all(lexicon_tag(w).startswith("NN") and w not in TIME_WORDS for w in words):
        return False  # nouns only, no time words ("home tomorrow")
    mine = {lemma(w) for w in words}
    top = _lemmas_of(phrases[:3])
    return bool(mine & top) and not mine & {lemma(w) for w in plain.lower().split()}


#: Themes of at least this many distinct statements are named about their top key phrase.
TOPIC_MIN = 8
#: A name sharing a word with this many of the best key phrases is on topic.
TOPIC_PHRASES = 4


def on_topic(name: str, phrases: Sequence[str], texts: Sequence[str]) -> str:
    """``name`` unless it contradicts the theme's top key phrases: when one of the two best
    is a noun phrase many statements share (:func:`voc.themes.plain.plain_subject`) and the
    name shares no word with the :data:`TOPIC_PHRASES` best, the problem most say of that
    phrase as written, else that phrase with a plain problem head."""
    uniq = list(dict.fromkeys(texts))
    if len(uniq) < TOPIC_MIN or not phrases:
        return name
    top = plain_subject(phrases[:2], uniq)
    if not top:
        return name
    mine = {lemma(w) for w in name.lower().split()}
    if mine & _lemmas_of(phrases[:TOPIC_PHRASES]):
        return name
    best = best_said(uniq, phrases, top, least=need(len(uniq)), same_subject=True, things=True)
    if best is not None:
        return best.text
    return plain_name([top], uniq, said=False) or name


def _n_saying(subject: str, texts: Sequence[str]) -> int:
    want = {key(w) for w in subject.split()}
    return sum(want <= set(token_keys(raw_tokens(t))) for t in texts) if want else 0


def _has_thing(name: str, phrases: Sequence[str]) -> bool:
    """Whether ``name`` names a thing (a noun, or a word of the key phrases the lexicon
    does not know) or an action the customer cannot do ("can't check in")."""
    toks = name.lower().split()
    if toks[0] in ("can't", "cannot", "unable", "couldn't"):
        return True
    known = Vocab(known=frozenset(w for p in phrases for w in p.lower().split()))
    return any(is_noun(w, known) for w in toks)


def _with_topic(text: str, phrases: Sequence[str], texts: Sequence[str]) -> bool:
    """Whether a replacement ``text`` names a thing (not only "doesn't help")."""
    return len(text.split()) > 1 and _has_thing(text, phrases)


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


def _subject_words(name: str, keys: Sequence[str]) -> str:
    """The words of ``name`` that are its subject (``keys``: their lemma keys), as
    written ("credit report refused" → "credit report")."""
    return " ".join(w for w in name.split() if key(w.lower()) in keys)

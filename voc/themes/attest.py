"""Names whose problem the statements say of their subject: attested names.

A theme name pairs a subject with a problem word ("flight cancelled"). The pairing is
*attested* when the theme's statements say that problem of that subject: the two within
:data:`WINDOW` tokens of each other, in either order, in at least
``max(2, MIN_SHARE × n)`` of its ``n`` distinct statements (all of them when fewer).
A pairing built from a subject in one clause and a failure verb in another ("response
missed" over statements saying "still no response") is not. :func:`attested_name`
keeps an attested name and replaces a bare or glued one by the problem phrase most
statements say (:func:`voc.themes.bestsaid.best_said`, over
:func:`voc.themes.said.phrases_said`, weighted by how distinctive its subject is among the
theme's class-based TF-IDF key phrases); :func:`rename` and :func:`on_topic` are the
later links of the chain. Counting attestation is :mod:`voc.themes.pairs`' part.
"""

from __future__ import annotations

from collections.abc import Sequence

from voc.themes.asked import QWORDS, question_name
from voc.themes.bestsaid import best_said, best_written, said_next, said_with, subject_words
from voc.themes.durations import as_duration
from voc.themes.idioms import idiomatic
from voc.themes.lemmas import lemma
from voc.themes.pairs import (
    MIN_SHARE,
    WINDOW,
    denied,
    has_thing,
    judged,
    need,
    no_led,
    parts,
    support,
)
from voc.themes.plain import plain_head, plain_name, plain_subject
from voc.themes.pos import lexicon_tag
from voc.themes.problems import PROBLEMS, SMALL_THEME
from voc.themes.requests import brief, is_requests, request_name
from voc.themes.said import Said, key, phrases_said, raw_tokens, said_of_thing, token_keys
from voc.themes.subjects import main_noun
from voc.themes.unasserted import unasserted_name
from voc.themes.wording import TIME_WORDS
from voc.themes.written import written_support

__all__ = ["MIN_SHARE", "WINDOW", "Said", "attested_name", "best_said", "key", "need",
           "on_topic", "parts", "phrases_said", "rename", "said_of_thing", "said_with",
           "support"]


def attested_name(name: str, phrases: Sequence[str], texts: Sequence[str]) -> str:
    """The attested name (:func:`_attested`), a lone time unit said as a duration
    ("hour stuck in" → "stuck for hours": :func:`voc.themes.durations.as_duration`); a
    state most of its statements only ask for or say was not reached, as they say it
    ("savings account not closed": :func:`voc.themes.unasserted.unasserted_name`)."""
    return unasserted_name(name, texts) or as_duration(_attested(name, phrases, texts), texts)


def _attested(name: str, phrases: Sequence[str], texts: Sequence[str]) -> str:
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
    cancelled"), and a name some statements deny to a phrase about its subject twice as
    many write as meant (:func:`_written_more`). Questions ("how to top up") are kept.
    """
    words = name.lower().split()
    uniq = list(dict.fromkeys(texts))
    if not uniq or not words or words[0] in QWORDS or words[0] in ("can", "could"):
        return name
    if idiomatic(name):
        return _unidiomatic(rename(name, phrases, uniq))  # "no avail" says no problem
    least = need(len(uniq))
    kinds = [pat for pat, kind in PROBLEMS if kind == name.lower()]
    if kinds and sum(any(p.search(t.lower()) for p in kinds) for t in uniq) >= least:
        return name  # a kind of problem in the words people use for it ("charged twice")
    said = written_support(name, uniq)
    if said is not None and said < least and judged(name):
        said = next((s.support for s in phrases_said(uniq, phrases) if s.text == name), said)
    written = said
    if said is not None:
        said = _as_meant(name, said, uniq)
    subject, _ = parts(name)
    if said is not None and said >= least and (len(words) > 1) and has_thing(name, phrases):
        # some deny it ("have not missed a payment"): what more of them write instead
        more = _written_more(name, said, phrases, " ".join(subject), uniq) \
            if written is not None and said < written else ""
        if more:
            return more
        best = best_said(uniq, phrases, " ".join(subject))
        if best is None or not said_of_thing(best):
            return name
        if best.support >= 2 * said and set(subject) & {lemma(w) for w in best.subject.split()}:
            return best.text
        if {lemma(w) for w in words} < {lemma(w) for w in best.text.split()} \
                and len(best.text.split()) <= 4:
            return best.text  # the fuller wording they use: "can't check" → "can't check in"
        return name
    if is_requests(uniq):
        # one-line requests: what they ask, else the name their words put close together
        return request_name(name, phrases, uniq) or rename(name, phrases, uniq)
    return rename(name, phrases, uniq)


#: Another phrase about a name's subject replaces it when this many times as many
#: statements write it as meant.
WRITTEN_LIFT = 2


def _written_more(
    name: str, said: int, phrases: Sequence[str], subject: str, texts: Sequence[str]
) -> str:
    """The phrase about ``name``'s subject that :data:`WRITTEN_LIFT` times as many
    ``texts`` write as meant as the ``said`` that write ``name`` ("didn't post payment"
    written by six where two say "payments missed", the others denying they missed one);
    "" when none is."""
    best = _meant(best_written(texts, phrases, subject, WRITTEN_LIFT * max(said, 1),
                               same_subject=True), WRITTEN_LIFT * max(said, 1), texts)
    if best is None or best.text == name or not _with_topic(best.text, phrases, texts):
        return ""
    return best.text


def _as_meant(name: str, said: int, texts: Sequence[str]) -> int:
    """``said`` (statements attesting ``name`` as written) without those that say it
    otherwise than the name means: a "no" leading another noun ("no record of the
    account" for "no account": :func:`voc.themes.pairs.no_led`), or the problem only
    denied ("have not missed a payment" for "payments missed": :func:`denied`)."""
    led = no_led(name, texts)
    if led is not None:
        said = min(said, led)
    return max(0, said - denied(name, texts))


def _meant(best: Said | None, least: int, texts: Sequence[str]) -> Said | None:
    """``best`` unless fewer than ``least`` of ``texts`` say it as it means
    (:func:`_as_meant`)."""
    if best is None or _as_meant(best.text, best.support, texts) >= least:
        return best
    return None


def _unidiomatic(name: str) -> str:
    """``name``, or :data:`UNSPECIFIC` when it still holds a fixed expression."""
    return UNSPECIFIC if idiomatic(name) else name


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
        _meant(best_written(uniq, phrases, about, least, same_subject=True), least, uniq)
        or (said_next(subject_words(name, subject), uniq) if subject else None)
        or _meant(best_written(uniq, phrases, " ".join(phrases[:3]), least, same_subject=True),
                  least, uniq)
    )
    if best is not None and _with_topic(best.text, phrases, uniq):
        return best.text
    said = written_support(name, uniq) if subject else None
    if said and len(uniq) <= SMALL_THEME and has_thing(name, phrases):
        # a handful of statements, one saying the problem of the subject as written and
        # no phrase said by more ("card verification failed"; "verification error", ...)
        return name
    best = _meant(best_written(uniq, phrases, about, least), least, uniq)
    top = _lemmas_of(phrases[:3])
    if best is not None and top & {lemma(w) for w in best.subject.split()}:
        return best.text
    plain = plain_name(phrases, uniq)
    if plain:
        return plain
    if best is None:
        best = best_said(uniq, phrases, about, least=min(2, len(uniq)), things=True)
    if best is None and subject:
        best = said_next(subject_words(name, subject), uniq, least=min(2, len(uniq)))
    if best is not None:
        return best.text
    asked = question_name(uniq)
    if asked:
        return asked  # a theme of questions is named by what it asks ("how to top up")
    window = support(name, uniq) if brief(uniq) else None
    if window is not None and window >= least and has_thing(name, phrases) \
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
    if glued_pair(name, phrases, uniq):
        # never two unrelated words: without the subject words few say ("st flight
        # delayed" → "flight delayed") when that is said together, else mixed
        trimmed = _said_subject(name, uniq)
        return trimmed if trimmed and not glued_pair(trimmed, phrases, uniq) else UNSPECIFIC
    if written_support(name, uniq, stop_subject=True) == 0:
        return UNSPECIFIC  # no statement writes it ("call keep getting delayed"): glued
    return name


def _said_subject(name: str, texts: Sequence[str]) -> str:
    """``name`` without its subject words fewer than :func:`need` of ``texts`` say;
    "" when none is left out or no subject word is left."""
    least = need(len(texts))
    said = [set(token_keys(raw_tokens(t))) for t in texts]
    subject, _ = parts(name)
    few = {k for k in subject if sum(k in s for s in said) < least}
    if not few or few == set(subject):
        return ""
    return " ".join(w for w in name.split() if key(w.lower()) not in few)


#: What :func:`rename` returns for a theme it cannot name truthfully (see
#: :func:`voc.themes.mixed.unvague`, which says what its statements mention most).
UNSPECIFIC = "unspecific complaints"


def glued_pair(name: str, phrases: Sequence[str], texts: Sequence[str]) -> bool:
    """Whether ``name`` glues a subject and a problem word its statements do not say
    together: no statement says them side by side (:data:`WINDOW`), and the subject is
    a verb, not a thing ("arrive delayed"), fewer than :func:`need` statements say it
    or one says the problem ("ground staff dropped": "ground staff" said in one of 67,
    "dropped" in another); in a theme of :data:`TOPIC_MIN` statements or more, words no
    two statements say together ("fraud department denied" of "denied my fraud claim")."""
    uniq = list(dict.fromkeys(texts))
    subject, problem = parts(name)
    if not subject or not problem or (support(name, uniq) or 0) >= 2:
        return False
    if len(uniq) >= TOPIC_MIN:
        return True  # many statements, none two saying the words together
    least = need(len(uniq))
    said = [set(token_keys(raw_tokens(t))) for t in uniq]
    of_subject = sum(set(subject) <= s for s in said)
    of_problem = sum(set(problem) <= s for s in said)
    verb = all(lexicon_tag(k).startswith("VB") for k in subject)  # "arrive", "tried"
    return verb and not has_thing(" ".join(subject), phrases) or of_subject < least \
        or of_problem < 2


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
    phrase as written, else that phrase with a plain problem head; a "how to" question
    (what they ask how to do) is kept."""
    uniq = list(dict.fromkeys(texts))
    if len(uniq) < TOPIC_MIN or not phrases or name.startswith("how to "):
        return name  # what they ask how to do ("how to get money") is what they want
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


def _with_topic(text: str, phrases: Sequence[str], texts: Sequence[str]) -> bool:
    """Whether a replacement ``text`` names a thing (not only "doesn't help")."""
    return len(text.split()) > 1 and has_thing(text, phrases)


"""Name themes with short readable phrases from their key phrases.

Key phrases are chosen by class-based TF-IDF (:func:`voc.themes.keyphrases.key_phrases`,
imported here for the modules and tests that take it from this one).

A theme's name is its subject (the best noun phrase) plus what goes wrong, taken
from the clauses of its statements whose subject it is ("card verification" +
"failed"), so names read like "card verification failed" or "bank sync keeps
disconnecting"; a predicate goes to another of the best key nouns when clearly more
statements say it of that noun (:func:`said_of`: "didn't make payment", not "didn't make
app"). A name that leaves out what its verb is done to ("can't change", "stuck in") takes
the object its statements write, else says the theme is mixed (:func:`_whole`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from voc.themes.actedon import verb_first_order
from voc.themes.asked import QWORDS, question_name
from voc.themes.aswritten import written_form
from voc.themes.attest import attested_name, on_topic, rename
from voc.themes.bestpred import best_predicate, compose
from voc.themes.dangling import completed, dangles
from voc.themes.distinctive import distinct_problem, distinct_verb, participle, verb_named
from voc.themes.keyasked import keyed_question
from voc.themes.keyphrases import key_phrases
from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.mixed import mixed_name, unvague, vague_name
from voc.themes.particles import ends_open
from voc.themes.plain import PLAIN_HEADS
from voc.themes.pos import lexicon_tag, parse, past_participle
from voc.themes.predicate import (
    Predicate,
    evaluative_lemmas,
    is_problem,
    predicates,
    problem_lemmas,
)
from voc.themes.problems import (
    PROBLEMS,
    WAITING,
    common_problem,
    literal_problem,
    predicate_phrase,
    problem_phrase,
    waiting_at,
)
from voc.themes.problemspans import said_span
from voc.themes.subjects import (
    JUDGEMENTS,
    SAID_WRONG,
    evaluated,
    judgement,
    main_noun,
    paired,
    problem_with,
    subject_phrase,
    subject_problem,
)
from voc.themes.wording import (
    REDACTED,
    TIME_WORDS,
    boilerplate,
    lemma_key,
    lemmas_said,
    proper_names,
    said_in,
    tokens,
)
from voc.themes.written import written_support

__all__ = [
    "key_phrases", "main_noun", "predicate_phrase", "problem_phrase", "theme_name", "tokens",
]

#: When fewer of a theme's statements than this say one of its two best key phrases,
#: the theme has no shared subject to be named after.
MIN_SUBJECT_SHARE = 0.25


def _share_saying(phrases: Sequence[str], texts: Sequence[str]) -> float:
    """Share of ``texts`` holding every lemma of at least one of ``phrases``."""
    wants = [w for w in ({lemma(t) for t in tokens(p)} for p in phrases) if w]
    if not texts or not wants:
        return 0.0
    said = [lemmas_said(t) for t in texts]
    return sum(any(w <= s for w in wants) for s in said) / len(texts)

UNSPECIFIC = "unspecific complaints"


def theme_name(
    phrases: Sequence[str], texts: Sequence[str], fallback: str = "", framed: bool = True
) -> str:
    """A short name a person would write (see :func:`_named`), whose problem its
    statements say of its subject (see :func:`attested_name`); ``framed=False`` (a
    sub-theme, qualified by its parent when mixed) never names it by a frame
    (:func:`voc.themes.framenames.frame_name`)."""
    uniq = list(dict.fromkeys(texts))
    if len(uniq) >= 2:
        # a key phrase one statement says is a detail of one story ("cavalli calves")
        phrases = [p for p in phrases if _n_saying(p, uniq) >= 2]
        if not phrases:  # a small mixed theme: the problem most of its statements share
            name = _most_shared(uniq)
            # a vague problem ("epic failing") is not attested into a paraphrase of it
            name = (name if vague_name(name) else attested_name(name, phrases, uniq)) \
                if name else rename("", phrases, uniq)
            name = _written_so(name, uniq, phrases)
            return unvague(_whole(name, uniq, phrases), uniq, phrases, framed)
    name = _worded(phrases, texts, fallback)
    if name != UNSPECIFIC and not verb_named(name, phrases, texts):
        name = on_topic(attested_name(name, phrases, texts), phrases, texts)
    # in the words and order the statements write, else the next candidate ("gate not
    # boarding", "board disappeared" are written by none)
    name = _written_so(name, uniq, phrases)
    # a vague subject ("times disconnected") or nothing shared: say what, or that it is mixed
    return unvague(_whole(name, uniq, phrases), uniq, phrases, framed)


def _whole(name: str, texts: Sequence[str], phrases: Sequence[str]) -> str:
    """``name``, or when it leaves out what its verb is done to ("can't change", "stuck
    in": :func:`voc.themes.dangling.dangles`) the object enough statements write after
    it ("can't change flight"), else the honest mixed name: nothing said names it."""
    if not dangles(name):
        return name
    return completed(name, texts) or mixed_name(texts, phrases=phrases)


def _written_so(name: str, uniq: Sequence[str], phrases: Sequence[str]) -> str:
    """``name`` in the words, forms and order the statements write it
    (:func:`voc.themes.aswritten.written_form`: "miss my flight" for "flight missing"),
    else the problem span most of them write (:func:`said_span`) when they write it so
    and it shares a word with ``name``, else ``name`` itself: a blind read found the
    honest fallback ("agent problems" for "useless agent") worse than the name. A name
    ending in a noun ("debt dispute") is a compound people write as a label, never
    reordered ("dispute the debt" read worse)."""
    if not name or name == UNSPECIFIC or vague_name(name):
        return name
    words = tokens(name)
    if words and lexicon_tag(words[-1]).startswith("NN"):
        return name
    said = written_form(name, uniq)
    if said:
        return said
    span = said_span(uniq, phrases)
    return span if _same_problem(name, span) and written_form(span, uniq) == span else name


def _same_problem(name: str, span: str) -> bool:
    """Whether ``span`` says what ``name`` says: a shortening of it ("no response" of "no
    response from email"), or it shares a word of the name past the name's subject, the
    problem ("hasn't boarded" for "gate not boarding"); not a span sharing only the
    subject ("refund was wrong" for "refund never arrived"), nor one sharing nothing
    ("waiting in line" for "useless agent")."""
    own = [lemma(w) for w in tokens(name) if lemma(w) not in STOPWORDS]
    said = {lemma(w) for w in tokens(span)} - STOPWORDS
    if not own or not said:
        return False
    return said <= set(own) or bool(said & set(own[1:]))


def _n_saying(phrase: str, texts: Sequence[str]) -> int:
    """How many ``texts`` hold every lemma of ``phrase``."""
    want = {lemma(t) for t in tokens(phrase)}
    return sum(want <= lemmas_said(t) for t in texts) if want else 0


def _worded(phrases: Sequence[str], texts: Sequence[str], fallback: str = "") -> str:
    """The name from the key phrases and the statements' clauses (see :func:`_named`)."""
    name = _named(phrases, texts, fallback)
    words = name.split()
    if len(words) > 1 and words[-1] in WAITING:
        return waiting_at(" ".join(words[:-1]), texts) or name  # "gate waiting" → "waiting at gate"
    if len(words) > 1 and lemma(words[0]) == words[0] and lexicon_tag(words[0]) == "VB" \
            and words[0] not in ("how", "why") and parse(" ".join(words[1:])).nouns:
        # "miss connection" → "missed connection", when the statements write it so
        past = past_participle(words[0], Counter(w for t in texts for w in tokens(t)))
        if past and lemma(words[0]) in problem_lemmas():
            return " ".join([past, *words[1:]])
    return name


def _named(phrases: Sequence[str], texts: Sequence[str], fallback: str = "") -> str:
    """A short name a person would write: what is affected, plus what goes wrong.

    The subject comes from the key phrases (:func:`subject_phrase`), never from
    redaction marks, times, the boilerplate of complaint letters ("pursuant", "FTC") or,
    while other key phrases remain, names of companies and places ("Delta", "Equifax").
    What goes wrong is the verb phrase the theme's statements use with that subject
    (:func:`predicate_phrase`: "bank sync" + "keeps disconnecting"), else the way of
    going wrong most of them share ("fails", "charged twice", "long wait"), else the
    word they put beside the subject (:func:`subject_problem`: "flight delayed", "no
    response"). A theme whose statements share no subject is named by the problem most
    of them share, with what it happens to.
    """
    # redaction marks ("XXXX" in CFPB narratives, "xx/xx/2019") and times of day name nothing
    phrases = [
        p for p in phrases
        if not any(REDACTED.fullmatch(w) for w in p.lower().split()) and not boilerplate(p)
        and not set(p.lower().split()) <= TIME_WORDS
    ]
    names = proper_names(texts)
    common = [p for p in phrases if p.lower() not in names]
    phrases = common + [p for p in phrases if p.lower() in names]
    if phrases and _narrative(texts):
        phrases = _most_said_first(phrases, texts)
    name = _drafted(phrases, texts, fallback)
    if name == UNSPECIFIC:
        return _most_shared(texts) or name
    if not says_wrong(name) and parse(name).nouns and not _plain_headed(name) \
            and not participle(name.split()[-1], phrases):
        # a bare subject: the problem said beside it, else the predicate or problem word
        # its statements say most ("flight" + "delayed"); a subject few statements say (a
        # small mixed theme) gives way to the problem most of them share
        if _share_saying([name], texts) < MIN_SUBJECT_SHARE and len(texts) >= 3:
            shared = _most_shared(texts)
            if shared:
                return shared
        pred = best_predicate(name, texts, min_share=0.0, distinct=phrases)
        named = (
            subject_problem(name, texts)[0]
            or (compose(name, pred) if pred is not None else "")
            or problem_with(name, texts)
            or common_problem(name, texts)
            or name
        )
        return named
    words = name.split()
    fragment = len(words) == 1 or words[0] in ("not", "no") or ends_open(words)
    if fragment and not parse(name).nouns and words[0] not in QWORDS and len(texts) >= 3:
        # no noun ("stuck in", "not help"): what most statements share, said of what
        return _most_shared(texts) or name
    return name


def _plain_headed(name: str) -> bool:
    """Whether ``name`` ends in a plain head ("booking problems"): it says plainly that
    something is wrong, and another problem word after it glues a second predicate on
    ("booking problems cancelled")."""
    words = name.lower().split()
    return len(words) > 1 and words[-1] in PLAIN_HEADS


def _most_shared(texts: Sequence[str]) -> str:
    """The problem most statements share with the noun they say it of, else the noun most
    of them say with the problem word most of them say ("flight" + "cancelled")."""
    shared = shared_problem(texts)
    if shared and says_wrong(shared) and parse(shared).nouns:
        return shared
    main = main_noun(texts, min_share=0.0)
    return common_problem(main, texts) if main else ""


#: Statements of at least this many words (median) are narratives: long complaint
#: letters, whose most distinctive phrase is often a detail of one story.
NARRATIVE_WORDS = 40


def _narrative(texts: Sequence[str]) -> bool:
    lengths = sorted(len(t.split()) for t in texts)
    return bool(lengths) and lengths[len(lengths) // 2] >= NARRATIVE_WORDS


def _most_said_first(phrases: Sequence[str], texts: Sequence[str]) -> list[str]:
    """Key phrases with the noun phrase most of the statements say first, when it is
    said by clearly more of them than the best key phrase ("credit report" said in 15
    of 18 letters over "police report" said in 6)."""
    shares = [_share_saying([p], texts) for p in phrases]
    nouns = [i for i, p in enumerate(phrases) if lemma_key(p) in parse(p).nouns]
    if not nouns:
        return list(phrases)
    best = max(nouns, key=lambda i: (shares[i], -i))
    if best == 0 or shares[best] < 1.5 * shares[0]:
        return list(phrases)
    return [phrases[best], *(p for i, p in enumerate(phrases) if i != best)]


#: Words of waiting, which say what is wrong in "hours on hold", "waiting for agent".
_WAITING = frozenset({"wait", "waiting", "waited", "hold", "delay", "delays"})


def says_wrong(name: str) -> bool:
    """Whether ``name`` says what is wrong or asked: a problem, negation, judgement or
    question word."""
    words = name.lower().split()
    if not words:
        return False
    if words[0] in QWORDS or words[0] in ("how", "can", "could") or is_problem(name):
        return True
    wrong = SAID_WRONG | JUDGEMENTS | evaluative_lemmas() | _WAITING
    return any(w in wrong or lemma(w) in wrong or w.endswith("n't") for w in words)


def shared_problem(texts: Sequence[str]) -> str:
    """A theme with no shared subject, named by the problem most of its statements
    share, with what it happens to: "can't get through on phone", "no response"."""
    pred = best_predicate("", texts)
    main = main_noun(texts)
    if pred is not None:
        saying = [t for t in texts if any(p.key == pred.key for p in predicates(t))]
        subject = pred.obj or main_noun(saying, min_share=0.0) or main
        if subject:
            return verb_first_order(compose(subject, pred), pred, (), texts)
    if main:
        return subject_problem(main, texts)[0] or judgement(main, texts)[0]
    return ""


#: Words that end a subject phrase but say when or how often, not what is affected.
_WHEN = TIME_WORDS | {"times"}


def subject_core(subject: str) -> str:
    """A subject phrase without the time words around it: "pm flight" → "flight",
    "card today" → "card", "transaction times" → "transaction" (when or how often, not
    what is affected); a time word alone stays."""
    sw = subject.split()
    while len(sw) > 1 and sw[0].lower() in TIME_WORDS:
        sw = sw[1:]
    while len(sw) > 1 and sw[-1].lower() in _WHEN:
        sw = sw[:-1]
    return " ".join(sw)


#: Another key noun takes a predicate when this many times the statements say it of it.
SAID_OF_LIFT = 1.5


def said_of(subject: str, pred: Predicate, phrases: Sequence[str], texts: Sequence[str]) -> str:
    """The subject with its predicate, or another of the three best key nouns (no company
    or place) with it when clearly more statements say the predicate of that noun as
    written ("didn't make payment" over "didn't do in app"); a one-word predicate stays
    with the subject."""
    subject = subject_as_said(subject, pred, texts)
    name = compose(subject, pred)
    if " " not in pred.surface:
        return name  # one word ("pending", "failed") is said of every noun near it
    best = written_support(name, texts) or 0
    mine = {lemma(w) for w in subject.lower().split()}
    for p in phrases[:3]:
        if {lemma(w) for w in p.lower().split()} & mine or lemma_key(p) not in parse(p).nouns:
            continue
        other = compose(p, pred)
        n = written_support(other, texts) or 0
        if n > SAID_OF_LIFT * max(best, 1) and p.lower() not in proper_names(texts):
            name, best = other, n
    return verb_first_order(name, pred, phrases, texts)


def subject_as_said(subject: str, pred: Predicate, texts: Sequence[str]) -> str:
    """The subject as the statements saying ``pred`` say it: its head noun alone when
    at least half of them say the head and fewer than half of those say the whole
    phrase ("card expiring" where 71 say the card expires and 33 of them a "new card",
    of which nothing is said to expire)."""
    words = subject.split()
    if len(words) < 2:
        return subject
    saying = [
        lemmas_said(t) for t in dict.fromkeys(texts)
        if any(p.key == pred.key for p in predicates(t))
    ]
    whole = {lemma(w.lower()) for w in words}
    head = {lemma(words[-1].lower())}
    n_head = sum(head <= s for s in saying)
    n_whole = sum(whole <= s for s in saying)
    return words[-1] if 2 * n_head >= len(saying) and 2 * n_whole < n_head else subject


def _with_noun(main: str, problem: str, texts: Sequence[str]) -> str:
    """A one-word problem with the noun most statements say ("flight" + "delayed"); when
    that noun is the problem itself ("delay" of "delayed"), the noun alone, in the plural
    when they write it so ("delays", never "delay delayed")."""
    if not main:
        return problem
    head = main.split()[-1]
    if lemma(head.lower()) != lemma(problem.lower()):
        return f"{main} {problem}"
    said = Counter(w for t in texts for w in tokens(t))
    plural = f"{head.lower()}s"
    return " ".join([*main.split()[:-1], plural if said[plural] else head])


def _drafted(phrases: Sequence[str], texts: Sequence[str], fallback: str = "") -> str:
    """The name from the subject and predicate (see :func:`theme_name`)."""
    subject = subject_phrase(phrases, texts, fallback)
    if subject == "unnamed theme":
        return subject
    subject = subject_core(subject)
    top = list(phrases[:2]) or [subject]
    # a theme of questions ("How do I top up?") is named by what it asks
    asked = keyed_question(question_name(texts), phrases, texts)
    if _share_saying(top, texts) < MIN_SUBJECT_SHARE and len(texts) >= 5:
        # no subject most statements share ("casual user" said by 2 of 11): name the
        # shared way of going wrong, or say plainly that nothing specific is shared
        return problem_phrase(texts) or asked or UNSPECIFIC
    main = "" if parse(subject).nouns else main_noun(texts)
    if is_problem(subject, cues=False):
        if " " not in subject:
            # "delayed" says what goes wrong but not with what: "flight delayed"
            pair = paired(subject, [*phrases, *([main] if main else [])], texts)
            return pair or asked or _with_noun(main, subject, texts)
        # "charged twice", "discount code declined": it says what goes wrong, unless a
        # more distinctive key phrase says it otherwise ("pin blocked" over "wrong pin")
        return distinct_problem(subject, phrases, texts) or subject
    verb = subject
    if main and not is_problem(subject):
        subject = main  # "go through" is what happens to the "top-up": the subject
    pred = best_predicate(subject, texts, distinct=phrases)
    if main and (kept := distinct_verb(verb, pred, phrases, texts)):
        return kept  # "card stolen", not "card lost", when most say "stolen"
    if pred is not None:
        # few say the shown word ("customer service miss"), or more statements judge the
        # subject than say the problem: the shared judgement says more
        judged, n_judged = judgement(subject, texts)
        if judged and (pred.weak or n_judged > pred.support):
            return judged
        return said_of(subject, pred, phrases, texts)
    predicate = predicate_phrase(subject, texts)
    if predicate and is_problem(predicate):
        return f"{subject} {predicate}"
    problem = problem_phrase(texts, min_share=0.15)
    if problem and not said_in(problem, texts):
        # "long wait", "not working" name a kind of problem in words nobody here wrote:
        # the statements' own judgement or question, when they share one, comes first
        better = evaluated(subject, texts) or asked
        if better:
            return better
    if asked and not problem:
        return asked
    if not problem:
        return evaluated(subject, texts) or subject
    sw = {lemma(w) for w in subject.split()}
    pw = {lemma(w) for w in problem.split()}
    if sw <= pw or (sw & pw and len(pw) > 1):
        return problem  # "subscription charge" + "charged twice": the problem says it all
    if sw & pw or any(p.search(subject) for p, name in PROBLEMS if name == problem):
        return subject
    if not said_in(problem, texts):
        # in the statements' words: "waiting for agent", not an invented "long wait"
        said = literal_problem(problem, texts)
        if said in ("waiting", "waited", "still waiting"):
            return f"{said} for {subject}" if said_in("for", texts) else f"{subject} {said}"
        if said.startswith(("no ", "never ")):
            return f"{said} from {subject}" if said_in("from", texts) else f"{subject} {said}"
        return f"{subject} {said}" if said else subject
    if problem == "long wait":
        return f"long wait for {subject}"
    return f"{subject} {problem}"

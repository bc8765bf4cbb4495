"""Names for themes whose statements share no subject: vague names and mixed themes.

A name whose subject is only a vague word ("times disconnected", "people wrong", "poor
way", "entire day lost", "epic failed") or a plain head with nothing it is about ("issue
wait") tells a reader nothing. :func:`vague_name` finds them; :func:`unvague` first puts
a thing the statements say in the vague word's place when they say the name's problem of
it as written ("times disconnected" → "call disconnected"), else says plainly that the
theme is mixed and what its statements mention most (:func:`mixed_name`: "mixed
complaints about bag and seat", "mixed complaints saying fail"), instead of
"unspecific complaints". A mixed name is
always the same words before "about" (:data:`MIXED`), so the report and its data show
which themes are mixed (:func:`is_mixed`).
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Collection, Sequence

from voc.themes.attest import need, parts
from voc.themes.compounds import (
    compound,
    covered,
    phrase_lemmas,
    spread_lemmas,
    unowned,
    verb_said,
)
from voc.themes.framenames import (
    DOMAIN_LIFT,
    MIN_CARRIED,
    SUBJECT_MAJORITY,
    TOP_PHRASES,
    frame_name,
)
from voc.themes.frames import frame_library_name
from voc.themes.idioms import unidiom
from voc.themes.judged import judged_name, wrongs_said
from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.owned import abbreviation, handles, idiom_nouns, owned
from voc.themes.pos import glued, lexicon_tag, parse
from voc.themes.problemkinds import kind_said
from voc.themes.problemspans import said_span, unsaid_head
from voc.themes.requests import is_requests
from voc.themes.said import VAGUE_NOUNS
from voc.themes.sameproblem import problem_name
from voc.themes.wording import (
    REDACTED,
    TIME_WORDS,
    boilerplate,
    distinct,
    proper_names,
    surface,
    tokens,
)
from voc.themes.written import written_support

log = logging.getLogger(__name__)

#: The start of every mixed theme's name.
MIXED = "mixed complaints"

#: Words that name no subject: vague nouns, and the words tweets use as interjections or
#: intensifiers in the noun's place ("epic fail", "guess wrong", "whole day").
VAGUE = VAGUE_NOUNS | frozenset(
    {"epic", "guess", "whole", "entire", "nut", "nuts", "stuff", "unspecific", "complaint",
     "complaints", "general", "issue", "problem"}
)
#: Problem words where a time or a place is the point ("hours on hold", "hour delay").
_WAITING = frozenset({"hold", "wait", "delay", "late", "stuck", "stranded", "sit", "long"})
_HEADS = frozenset({"issue", "issues", "problem", "problems"})
#: Nouns of the statements the mixed name may name, at most.
MIXED_NOUNS = 2
#: Share of a mixed theme's distinct statements that must say one of its one or two
#: subjects for them to name it without "mixed complaints about": half, so the name says
#: what most of the theme is about.
SUBJECT_COVER = 0.5
#: A second subject said by this share as many statements as the first, two in five,
#: makes the theme about two things ("loan and mortgage"), which no subject names;
#: fewer, and it is a stray beside the first ("size and pants", 6 of 19).
SECOND_SHARE = 0.4
#: Share of a mixed theme's distinct statements (near-duplicates once) that must say a
#: subject for "mixed complaints about X" to name it: about a seventh. A tenth let a word
#: of two statements name a theme of 23 ("honeymoon" over lost days and missed plans,
#: "clothes" 2 of 22): the name then says the theme is about what hardly any of it says.
#: A fifth would drop subjects a theme does share ("email" 12 of 61, "fee" 9 of 51).
NAMED_SHARE = 0.15
#: Distinct statements that must say a subject a mixed name names, at least: one
#: statement said five times names nothing the theme shares ("derelict and nature").
NAMED_LEAST = 2
#: The head after one plain subject ("sweater complaints"): a bare noun names no theme.
HEAD = "complaints"
#: Statements that must say one plain subject for "X complaints": two of four saying
#: "work" is no evidence of what a theme is about.
SINGLE_LEAST = 10
#: Statements that must say the subject (or a compound) for it to name the theme: four
#: of seven saying "crew" or "plane" named a theme about passengers.
PAIR_LEAST = 5
#: Share of a mixed theme's distinct statements that must say the word of what is wrong
#: for "mixed complaints saying W" to name it: a third. A word a few of its statements
#: say names nothing the theme shares, and few say it in one sense: "break" said by 3
#: of 52 airline tweets ("tough break", "broken foot", "on break"), "stop" by 3 of 44
#: ("stop trying to make #fleek happen").
SAYING_SHARE = 1 / 3


def is_mixed(name: str) -> bool:
    """Whether ``name`` says its theme is mixed (see :func:`mixed_name`)."""
    return name.lower().startswith(MIXED)


def vague_name(name: str) -> bool:
    """Whether ``name`` names no subject: its subject words are all vague ("times
    disconnected", "people wrong", "entire day lost"), or it has none and only a plain
    head leading it ("issue wait"). Names of waiting ("hours on hold", "long wait"), questions and
    names without a problem word are left alone."""
    words = name.lower().split()
    if not words or is_mixed(name):
        return False
    if name.lower() == "unspecific complaints":
        return True
    subject, problem = parts(name)
    if not subject:
        return words[0] in _HEADS  # a plain head leading nothing it is about: "issue wait"
    if any(lemma(w) in _WAITING or w in _WAITING for w in words):
        return False
    if not problem:
        return False
    return all(k in VAGUE or lemma(k) in VAGUE or k in TIME_WORDS for k in subject)


def named_least(texts: Sequence[str]) -> int:
    """Distinct ``texts`` (near-duplicates once: :func:`voc.themes.wording.distinct`) that
    must say a subject for a mixed name to name it: :data:`NAMED_SHARE` of them, and
    :data:`NAMED_LEAST` at least (more than there are when the theme is that small)."""
    return max(NAMED_LEAST, math.ceil(NAMED_SHARE * len(distinct(texts)) - 1e-9))


def subject_nouns(texts: Sequence[str]) -> Counter[str]:
    """Distinct statements (near-duplicates once: :func:`voc.themes.wording.distinct`)
    saying each noun a subject can be (one word, shown as most often written): no vague
    word, name, time, code, redaction or boilerplate, nor a noun said inside a fixed
    expression (:func:`voc.themes.idioms.unidiom`: "doubt" of "no doubt", "attempt" of
    "in an attempt to")."""
    uniq = distinct(texts)
    names = proper_names(uniq) | handles(uniq)
    df: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = {}
    for text in uniq:
        seen: set[str] = set()
        found = [(k, w) for key, said in parse(unidiom(text)).nouns.items()
                 for k, w in zip(key.split(), said.lower().split(), strict=False)]
        # compounds the tagger leaves out ("top-up"): things people name
        found += [(w, w) for w in tokens(text) if "-" in w.strip("-")]
        idioms = idiom_nouns(text)
        for k, w in found:
            if k in seen or w in idioms or not _subject_word(k, w, names):
                continue
            seen.add(k)
            df[k] += 1
            shown.setdefault(k, Counter())[w] += 1
    return Counter({surface(shown[k]): n for k, n in df.items()})


def _subject_word(key: str, word: str, names: frozenset[str]) -> bool:
    return (
        len(word) >= 3 and word.replace("-", "").isalpha()
        and key not in VAGUE and word not in VAGUE
        and word not in STOPWORDS and word not in TIME_WORDS and word not in names
        and not REDACTED.fullmatch(word) and not boilerplate(word) and not glued(word)
        and not lexicon_tag(word).startswith(("JJ", "RB"))
        and not abbreviation(word)
    )


def mixed_name(texts: Sequence[str], taken: Sequence[str] = (), about: str = "",
               phrases: Sequence[str] = (), common: Collection[str] = frozenset()) -> str:
    """"mixed complaints about X and Y": the nouns the most distinct statements say
    (:func:`named_least` each: a seventh of them, two at least, near-duplicates once),
    never a word they say as a verb at least as often (:func:`voc.themes.compounds.verb_said`:
    "board", "land"); "mixed complaints about X" with one such noun; with none, "mixed
    complaints saying W" with the word of what is wrong most of them say ("fail",
    "rude") when :data:`SAYING_SHARE` of them say it, else "mixed complaints". A name in
    ``taken`` (another theme's) gives way to the next nouns or word, so two mixed themes
    never share a name while one is left.
    A subject ``about`` (the noun phrase of an unsaid "X problems") as many say
    comes first: "mixed complaints about credit report", "mixed complaints about phone
    and line"; never a proper name, person or generic word (:mod:`voc.themes.owned`) as
    subject or ``about``, nor,
    given the theme's key ``phrases``, a domain word (:func:`domain_nouns`: "flight"), nor
    a noun whose lemma is among the run's ``common`` lemmas (every theme says it), nor a
    vague word (:data:`VAGUE`: "epic") by any path. When no subject is said widely
    enough the name says what is wrong, else is plain "mixed complaints": an honest
    vague name, not one naming what two of 23 statements say ("honeymoon"). First of
    all, a theme most of whose statements say one problem as a noun is no mixed theme:
    it is named by the problem (:func:`voc.themes.sameproblem.problem_name`: "delays")."""
    uniq = distinct(texts)
    # most of it says one problem: not mixed, named by the problem ("delays")
    problem = problem_name(uniq, taken)
    if problem:
        return problem
    least = named_least(uniq)
    ranked, domain = _ranked(uniq, phrases, common, about, least)
    names = [f"{MIXED} about {' and '.join(ranked[i : i + MIXED_NOUNS])}"
             for i in range(len(ranked))]
    if about and _n_saying(about, uniq) >= least and not _vague(about) \
            and all(owned(w, uniq) for w in about.split()) and about not in domain:
        own = {lemma(w) for w in about.lower().split()}
        rest = [w for w in ranked if lemma(w.lower()) not in own]
        first = f"{MIXED} about {about}"
        names = [f"{first} and {rest[0]}" if rest and " " not in about else first, *names]
    names += [f"{MIXED} saying {w}"
              for w in wrongs_said(uniq, SAYING_SHARE * len(uniq))]
    taken_set = {t.lower() for t in taken}
    return next((n for n in names if n not in taken_set), MIXED)


def _ranked(texts: Sequence[str], phrases: Sequence[str] = (),
            common: Collection[str] = frozenset(), about: str = "", least: int = 0,
            ) -> tuple[list[str], frozenset[str]]:
    """The nouns a mixed name may name, the most distinct statements first (each said
    by ``least`` of them, by default :func:`voc.themes.pairs.need`; no person or generic
    word: :func:`voc.themes.owned.owned`), and the domain nouns left out (told among
    the nouns :func:`voc.themes.pairs.need` of them say, whatever ``least``)."""
    some = need(len(distinct(texts)))
    least = least or some
    nouns = sorted(subject_nouns(texts).items(), key=lambda kv: (-kv[1], kv[0]))
    domain = domain_nouns([w for w, n in nouns if n >= some] + [about] * bool(about), texts,
                          phrases)
    domain |= {w for w, _ in nouns if lemma(w.lower()) in common}
    ranked = [w for w, n in nouns if n >= least and w not in domain and owned(w, texts)
              and not verb_said(w, texts)]
    return ranked, domain


def _vague(phrase: str) -> bool:
    """Whether a word of ``phrase`` is vague (:data:`VAGUE`: "epic", "stuff")."""
    return any(w in VAGUE or lemma(w) in VAGUE for w in phrase.lower().split())


def mixed_subjects(name: str) -> list[str]:
    """The subjects a mixed ``name`` names ("mixed complaints about bag and seat" → bag,
    seat); none for "mixed complaints" or "mixed complaints saying fail"."""
    head = f"{MIXED} about "
    if not name.lower().startswith(head):
        return []
    return name[len(head):].split(" and ")


def undomained(names: Sequence[str], texts: Sequence[Sequence[str]],
               common: Collection[str], keep: Collection[int] = ()) -> list[str]:
    """``names`` with every mixed name that names a ``common`` lemma (a domain word every
    theme says: "mixed complaints about flight and gate") named again by
    :func:`mixed_name` without it, then every mixed name whose subjects most statements
    say named by them (:func:`subjects_name`: "student loan and mortgage"), unless at
    ``keep`` (user names, "other friction"). The theme's key phrases cannot tell
    "flight" from a subject when it ranks first; the run's ``common`` lemmas can, and so
    can the lemmas many of its themes say (:func:`voc.themes.compounds.spread_lemmas`:
    "information"), which name a theme's subject only when half its statements say
    them (:func:`voc.themes.compounds.unowned`: "credit report")."""
    out = list(names)
    spread = spread_lemmas([t for i, t in enumerate(texts) if i not in keep])
    commons = [frozenset(common) | unowned(spread, t, SUBJECT_COVER) for t in texts]
    for i, name in enumerate(out):
        said = [lemma(w.lower()) for s in mixed_subjects(name) for w in s.split()]
        if i in keep or not any(w in commons[i] for w in said):
            continue
        out[i] = mixed_name(texts[i], taken=[n for k, n in enumerate(out) if k != i],
                            common=commons[i])
    for i, name in enumerate(out):
        if i not in keep and is_mixed(name):
            taken = [n for k, n in enumerate(out) if k != i]
            out[i] = subjects_name(texts[i], common=commons[i], taken=taken) \
                or judged(texts[i], taken) or name
            if out[i] != name:
                log.debug("mixed theme of %d statements %r named by its subjects: %r",
                          len(set(texts[i])), name, out[i])
    return out


def judged(texts: Sequence[str], taken: Sequence[str] = ()) -> str:
    """"rude staff" for a theme a third of whose statements (:data:`SAYING_SHARE`) judge
    one thing (:func:`voc.themes.judged.judged_name`), "" else."""
    uniq = list(dict.fromkeys(texts))
    return judged_name(uniq, wrongs_said(uniq, SAYING_SHARE * len(uniq)), _subject_word,
                       taken)


def subjects_name(texts: Sequence[str], phrases: Sequence[str] = (),
                  common: Collection[str] = frozenset(), taken: Sequence[str] = (),
                  spans: bool = True, kinds: bool = True) -> str:
    """A name for a theme headed for "mixed complaints" by what its statements are about,
    "" when they share no subject. The subjects are the nouns :func:`mixed_name` may name
    (said by a tenth at least, no domain, ``common`` or verb-said word; never a person,
    generic word or name: :func:`voc.themes.owned.owned`), the second only when
    :data:`SECOND_SHARE` as many say it as the first, each as the noun-noun compound
    most of its statements write (:func:`voc.themes.compounds.compound`: "student loan").
    What is wrong with a subject names the theme when enough statements write it
    (:func:`voc.themes.problemspans.said_span`, a span holding the subject: "battery
    drains"); else one subject does (a compound as written, "student loan"; one plain
    noun as "X complaints", when :data:`SINGLE_LEAST` say it) when :data:`SUBJECT_COVER`
    of the statements, and :data:`PAIR_LEAST` at least, say it. Two subjects never name
    it together: "vehicle and car", "color and bust" read as two labels glued and say
    nothing wrong (blind readers reject every one), so such a theme keeps its honest
    mixed name. A name in ``taken`` is never given; no span unless ``spans``, no kind of
    problem unless ``kinds``."""
    uniq = list(dict.fromkeys(texts))
    if not uniq:
        return ""
    taken_set = {t.lower() for t in taken}
    # the kind of problem half of them name ("mechanical issues" or "mechanical
    # problems"): an adjective and a vague head, which no subject noun counts
    kind = kind_said(uniq, common) if kinds else ""
    if kind and kind not in taken_set:
        return kind
    nouns = _ranked(uniq, phrases, common)[0]
    if not nouns:
        return ""
    # a second subject said by far fewer than the first is a stray ("size and pants")
    said = subject_nouns(uniq)
    nouns = nouns[:1] + [w for w in nouns[1:MIXED_NOUNS]
                         if said[w] >= SECOND_SHARE * said[nouns[0]]]
    subjects = [compound(w, uniq, _subject_word) for w in nouns]
    if len(subjects) == 2 and phrase_lemmas(subjects[0]) & phrase_lemmas(subjects[1]):
        subjects = subjects[:1]  # "student loan" and "loan" are one subject
    names: list[str] = []
    for subject in subjects if spans else ():
        span = said_span(uniq, phrases, subject)
        if span and phrase_lemmas(span) & phrase_lemmas(subject):
            names.append(span)
    # two subjects as "X and Y" are two topics glued ("vehicle and car", "color and
    # bust"): they name no problem and no one subject, so only one subject names it;
    # a second said mostly beside the first is part of it ("the charges on this bill")
    plain = subjects[0] if len(subjects) == 1 or _beside(subjects, uniq) else ""
    cover = covered([plain], uniq) if plain else 0
    if plain and cover >= max(SUBJECT_COVER * len(uniq), PAIR_LEAST) \
            and (" " in plain or cover >= SINGLE_LEAST):
        names.append(plain if " " in plain else f"{plain} {HEAD}")
    return next((n for n in names if n.lower() not in taken_set), "")


def _beside(subjects: Sequence[str], texts: Sequence[str]) -> bool:
    """Whether the second of two ``subjects`` is said apart from the first by fewer than
    :data:`SECOND_SHARE` as many ``texts`` as say the first: "charges" 8 of 21, all but
    a few in statements saying "bill" (14), is part of the bill, not a second topic;
    "mortgage" (4) beside "student loan" (5) is one."""
    first = [t for t in texts if covered(subjects[:1], [t])]
    apart = covered(subjects[1:], [t for t in texts if t not in set(first)])
    return apart < SECOND_SHARE * len(first)


def domain_nouns(nouns: Sequence[str], texts: Sequence[str],
                 phrases: Sequence[str]) -> frozenset[str]:
    """Those of ``nouns`` said by :data:`voc.themes.framenames.DOMAIN_LIFT` times as many
    ``texts`` as a noun key phrase of the theme ranked above them (one of ``nouns``, or a
    noun among its :data:`voc.themes.framenames.TOP_PHRASES` best) that
    :data:`voc.themes.framenames.MIN_CARRIED` texts say at least: they rank lower
    only because every theme says them ("flight" below "food"), as
    :func:`voc.themes.framenames.frame_name` tells them."""
    rank: dict[str, int] = {}
    for i, p in enumerate(phrases):
        rank.setdefault(lemma(p.lower()), i)
    keys = {lemma(w.lower()) for w in nouns}
    above = [(i, p) for i, p in enumerate(phrases) if lemma(p.lower()) in keys
             or i < TOP_PHRASES and _thing(p.lower().split()[-1], texts)]
    said = {p: _n_saying(p, texts) for _, p in above}
    out = set()
    for w in nouns:
        r = rank.get(lemma(w.lower()), len(phrases))
        n = _n_saying(w, texts)
        if any(i < r and said[b] >= MIN_CARRIED and n >= DOMAIN_LIFT * said[b]
               for i, b in above):
            out.add(w)
    return frozenset(out)


def _thing(word: str, texts: Sequence[str]) -> bool:
    """Whether ``word`` is a common noun a team can own ("food", not "jfk" or "twitter")."""
    return lexicon_tag(word).startswith("NN") and owned(word, texts)


def _n_saying(phrase: str, texts: Sequence[str]) -> int:
    """How many distinct ``texts`` say every word of ``phrase`` (by lemma)."""
    want = {lemma(w) for w in phrase.lower().split()}
    return sum(want <= {lemma(w) for w in tokens(t)} for t in dict.fromkeys(texts))


#: A plain "X problems" name: one or two subjects and a plain head, nothing wrong said.
_PLAIN = re.compile(r"^[\w'-]+( [\w'-]+)?( and [\w'-]+)? (problems|issues)$")


def plain_problems(name: str) -> bool:
    """Whether ``name`` is a plain "X problems" name ("ticket and refund problems")."""
    return bool(_PLAIN.match(name.lower()))


def unvague(
    name: str, texts: Sequence[str], phrases: Sequence[str] = (), framed: bool = True
) -> str:
    """:func:`_unvague`, then a mixed name, or a plain "X problems" name none of whose
    subjects most statements say (:func:`_carried`), gives way to the friction
    frame (``labels/frames.yaml``, :func:`voc.themes.frames.frame_library_name`) a clear
    share of the statements say ("no reply from support"), unless ``framed`` is False (a
    sub-theme) or the statements are one-line requests (questions name their subject)."""
    out = _unvague(name, texts, phrases, framed)
    uniq = list(dict.fromkeys(texts))
    if framed and (is_mixed(out) or plain_problems(out) and not _carried(out, uniq)) \
            and not is_requests(uniq):
        return frame_library_name(uniq) or out
    return out


def framed_mixed(name: str, texts: Sequence[str], taken: Sequence[str] = ()) -> str:
    """A mixed ``name`` given last (by the twin, fold or rephrase steps after
    :func:`unvague`) gives way to the friction frame a clear share of ``texts`` say
    (:func:`voc.themes.frames.frame_library_name`: "problem not resolved", "can't get a
    refund", a problem readers keep over a topic), else to what most of them are about
    (:func:`named_last`: "mechanical issues", "bill complaints"), unless it is ``taken``
    or the statements are one-line requests; any other name is kept."""
    uniq = list(dict.fromkeys(texts))
    if not is_mixed(name) or is_requests(uniq):
        return name
    return frame_library_name(uniq, taken) or named_last(name, uniq, taken) or name


def named_last(name: str, texts: Sequence[str], taken: Sequence[str] = ()) -> str:
    """The name :func:`subjects_name` gives a theme whose mixed ``name`` was given after
    :func:`undomained` (by the steps that rephrase names last), when it names a subject
    ``name`` names (so no domain word: "flight complaints") or the kind of problem an
    adjective says ("mechanical issues"); "" else. No problem span: without the
    theme's key phrases a span may be no phrase a person writes ("worse is plane")."""
    mine = {lemma(w.lower()) for s in mixed_subjects(name) for w in s.split()}
    # the kind first, as subjects_name asks it, computed once here
    kind = kind_said(texts)
    if kind and kind not in {t.lower() for t in taken}:
        first = kind.split()[0].lower()
        return kind if lemma(first) in mine or not lexicon_tag(first).startswith("NN") else ""
    out = subjects_name(texts, taken=taken, spans=False, kinds=False)
    return out if out and phrase_lemmas(out) & mine else ""


def framed_mixed_names(names: Sequence[str], texts: Sequence[Sequence[str]],
                       keep: Collection[int] = ()) -> list[str]:
    """``names`` with each mixed one (not at ``keep``: the user's) given to its frame
    (:func:`framed_mixed`), in order, each against the names the others hold by then: two
    themes never take one frame's name."""
    out = list(names)
    for i, t in enumerate(texts):
        if i not in keep:
            out[i] = framed_mixed(out[i], t, [n for k, n in enumerate(out) if k != i])
    return out


def _carried(name: str, texts: Sequence[str]) -> bool:
    """Whether a subject of the plain "X problems" ``name`` is said by
    :data:`voc.themes.framenames.SUBJECT_MAJORITY` of ``texts`` (the theme is about it)."""
    subjects = " ".join(name.split()[:-1]).split(" and ")
    return any(_n_saying(s, texts) >= SUBJECT_MAJORITY * len(texts) for s in subjects if s)


def _unvague(
    name: str, texts: Sequence[str], phrases: Sequence[str] = (), framed: bool = True
) -> str:
    """``name`` with its vague subject replaced by the noun most statements say when
    they say the name's problem of it as written ("times disconnected" → "call
    disconnected"), else :func:`mixed_name`; ``name`` itself when it is not vague.

    A plain head the statements do not write of its subject ("phone problems": see
    :func:`voc.themes.problemspans.unsaid_head`) hides what is wrong: the problem span enough of
    them write (:func:`voc.themes.problemspans.said_span`: "can't get boarding pass") takes its
    place, else :func:`mixed_name` says the theme is mixed."""
    uniq = list(dict.fromkeys(texts))
    if unsaid_head(name, uniq):
        # one-line requests keep the noun they ask about ("fund problems") when no span is
        # said: "mixed" would hide a shared subject
        about = " ".join(name.split()[:-1])
        if is_requests(uniq):
            return said_span(uniq, phrases, about) or name
        return said_span(uniq, phrases, about) or framed and frame_name(uniq, phrases) \
            or mixed_name(uniq, about=about, phrases=phrases)
    if not vague_name(name):
        return name
    subject, _ = parts(name)
    vague = set(subject)
    rest = [w for w in name.split() if lemma(w.lower()) not in vague and w.lower() not in vague
            and w.lower() not in STOPWORDS]
    problem = " ".join(rest)
    least = need(len(uniq))
    if problem and parts(problem)[1] and not set(tokens(problem)) & _HEADS:
        best: tuple[int, str] | None = None
        for noun, n in subject_nouns(uniq).most_common(5):
            if n < least:
                break
            said = written_support(f"{noun} {problem}", uniq)
            if said is not None and said >= least and (best is None or said > best[0]):
                best = (said, f"{noun} {problem}")
        if best is not None:
            return best[1]
    return framed and frame_name(uniq, phrases) or mixed_name(uniq, phrases=phrases)

"""Make theme names distinct within one run.

Each theme is named on its own (:mod:`voc.themes.naming`), so two themes about the
same kind of problem can come out with the same name ("flight delayed" ten times in
a run on airline tweets). A report that lists a name twice is not trusted, so after
every theme is named, names that are equal, or equal after lemmatising and ignoring
word order ("flight delayed", "delayed flights"), are told apart by what separates
the themes:

1. the clashing themes are compared with each other only: their key phrases are
   chosen by class-based TF-IDF between them (:func:`voc.themes.keyphrases.key_phrases`
   over their statements); a phrase counts for a theme when it adds a word to the name,
   names a thing (:func:`voc.themes.qualify.names_thing`) or another problem, no other
   theme of the clash took it, and the theme's statements say it :data:`MIN_LIFT`
   times as often as any other clashing theme's, the largest difference first;
2. a theme where at least half the statements say another problem than the name's, of
   the name's subject ("card" ... "stolen"), is renamed for it ("card lost" → "card
   stolen"); when that name is taken, or when its most specific phrase is such a
   problem said of the subject by fewer (at least :data:`MIN_SAID_OF`), it is named for
   both ("flight delayed or cancelled"); either way it leaves the clash;
3. else it is named for that phrase, as a person would write it: the phrase worked into
   the span its statements write with it ("no response to letter"), else the problem
   phrase most of its statements say that the other themes of the clash say at most a
   :data:`MIN_LIFT`-th as often ("hours on hold"; :mod:`voc.themes.twinname`), else the
   name joined to the phrase as the statements saying the name write it after a
   preposition ("no response about my letters", :func:`voc.themes.twinname.joined_name`),
   else by the preposition the run writes between the name's noun and the phrase's
   ("response to my letter": "no response to letters",
   :func:`voc.themes.twinname.run_joined`), else "<name>: <its phrase>" when the name
   says what goes wrong ("no response: letter",
   :func:`glued`), never when it names only a topic ("account issues: number": blind
   readers of round 33 kept the first and preferred the mixed name to the second); a
   phrase is said by at least
   :data:`MIN_SAID` distinct statements of the theme and is never a code ("jfk", "ua",
   "pm": see :func:`voc.themes.evidence.code_like`), a stray token, a cut clause ("not
   control") or what names no thing (:func:`voc.themes.qualify.plain_qualifier`: a time,
   a vague noun, a person or a place: "tomorrow", "reason", "customers", "miami");
4. the largest theme left in the clash keeps the plain name, unless a smaller one is the
   one whose statements say it (:func:`keeper`: half of them, three times as often as
   the largest's); a twin saying it three times less often than the one that keeps it,
   when half of that one's statements say it, is not its twin but misnamed, and takes
   its honest mixed name (:func:`misnamed`: CFPB's "account closed" on 22 statements
   about one bank, 2 saying it, beside 17 of 18); a theme still without a name of its
   own tries every phrase ending in a noun that at least two of its
   statements say, :data:`MIN_LIFT` times as often as any other member, worked in the
   same way (:func:`_loose`), then the problem phrase only it says, then the first such
   phrase joined as written, else after a colon (:func:`glued`);
5. a theme still without a name of its own is named honestly as mixed
   (:func:`_unnamed`: "mixed complaints about account and number"), unless its
   statements say the name :data:`SAME_SHARE` as often as the keeper's (and
   :data:`SAME_SAID` of them at least): the same
   problem twice, the only theme numbered ("delay (2)"), the last resort that keeps
   names distinct.

A mixed name ("mixed complaints", :mod:`voc.themes.mixed`) takes no qualifier: a clash
of mixed names is told apart by the themes' subjects (:func:`mixed_apart`: "mixed
complaints about desk and lounge"), else numbered; "mixed complaints: going" says nothing.

Names the user chose in the codeframe (pinned or renamed themes) never change; the
discovered themes that clash with one all become specific. Sub-theme names are made
distinct within their parent the same way. Everything is ordered by size, then
position, so the result is deterministic.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

import numpy as np

from voc.themes.evidence import junk_phrase, said_by, said_words
from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.mixed import (
    MIXED,
    is_mixed,
    mixed_name,
    mixed_subjects,
    named_least,
    subject_nouns,
    undomained,
)
from voc.themes.naming import key_phrases
from voc.themes.pos import lexicon_tag, past_participle
from voc.themes.qualify import (
    another_problem,
    function_word,
    is_noun_strict,
    name_key,
    name_lemmas,
    names_thing,
    plain_qualifier,
    problem_word,
    problem_words,
    qualified,
    rewrite,
    said_of,
)
from voc.themes.question import QWORDS, YES_NO
from voc.themes.twinname import (
    twin_name,
    unworked_name,
    worked_name,
)
from voc.themes.wording import distinct, lemmas_said, tokens

if TYPE_CHECKING:
    from voc.themes.table import ThemeDraft

log = logging.getLogger(__name__)

#: A specific phrase is said by this many times the share of any other clashing theme.
MIN_LIFT = 1.5
#: Words a qualified name may have in all ("flight delayed: call back later").
MAX_WORDS = 6
#: Another problem word qualifies a name when this share of the statements say it of the
#: name's subject (within two words).
MIN_SAID_OF = 0.3
#: Distinct statements of a theme that must say a phrase for it to qualify the name.
MIN_SAID = 2
#: Words a noun phrase never starts with: a qualifier opening with one is a cut clause.
_CUT_START = frozenset({"not", "never", "and", "or", "but", "nor", "cannot"})
_STRAY = re.compile(r"[@#\d]|https?:|www\.")


def clashes(names: Sequence[str], skip: Collection[int] = ()) -> list[list[int]]:
    """Groups (of two or more) of positions whose names have the same :func:`name_key`."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for i, name in enumerate(names):
        if i not in skip:
            groups.setdefault(name_key(name), []).append(i)
    return [g for g in groups.values() if len(g) > 1]


def n_duplicates(names: Sequence[str]) -> int:
    """Names that repeat an earlier name of the list (equal by :func:`name_key`)."""
    return sum(len(g) - 1 for g in clashes(names))


def _said_share(phrase: str, said: list[set[str]]) -> float:
    want = set(name_lemmas(phrase))
    if not said or not want:
        return 0.0
    return sum(want <= s for s in said) / len(said)


def usable_phrase(phrase: str, own: set[str], said: Sequence[frozenset[str]],
            texts: Sequence[str], thing: bool = False, least: int = MIN_SAID) -> bool:
    """A phrase can qualify a name: it adds a word, is no code or stray token, names
    no time, vague thing, place or person (:func:`voc.themes.qualify.plain_qualifier`),
    and at least ``least`` distinct statements say it. With
    ``thing``, it must also end in a noun ("checked bag", not "checked"): after a colon
    a lone verb or adjective reads as a fragment."""
    lem = set(name_lemmas(phrase))
    words = phrase.lower().split()
    if not lem or not lem - own or _STRAY.search(phrase) or any(len(w) < 3 for w in words):
        return False
    if thing and not is_noun_strict(words[-1]) or function_word(words[-1]):
        return False  # "hour delay: waiting for" ends mid-phrase
    if words[0] in _CUT_START or words[0].endswith("n't"):
        return False  # "bad weather: not control" starts mid-clause
    if junk_phrase(phrase, texts) or not plain_qualifier(phrase, texts):
        return False
    return said_by(phrase, said) >= least


def distinct_said(texts: Sequence[str]) -> list[frozenset[str]]:
    """The words of each distinct statement (case and surrounding spaces aside)."""
    return [said_words(t) for t in dict.fromkeys(t.strip().lower() for t in texts)]


def _specific(
    group: list[int],
    names: Sequence[str],
    texts: Sequence[Sequence[str]],
    used: Collection[tuple[str, ...]] = (),
    common: Collection[str] = (),
) -> dict[int, tuple[str, str]]:
    """Per member of one clash: (rewritten name or "", most specific phrase or "").

    A phrase's specificity is the share of the theme's statements saying it minus the
    largest share among the other clashing themes; it must be said at least
    :data:`MIN_LIFT` times as often as in any of them. Only phrases naming a thing
    (ending in a noun) or another problem ("cancelled") count: a lone verb or adverb
    after a colon is a stray token.
    """
    clusters = [list(texts[i]) for i in group]
    phrases = key_phrases(clusters, n_phrases=15, min_doc_share=0.05)
    said = [[set(name_lemmas(t)) for t in c] for c in clusters]
    out: dict[int, tuple[str, str]] = {}
    taken: set[tuple[str, ...]] = set()
    for k, i in enumerate(group):
        name = names[i]
        own = set(name_lemmas(name))
        room = max(1, MAX_WORDS - len(name.split()))
        scored: list[tuple[int, float, float, str]] = []
        heard = distinct_said(clusters[k])
        for p in phrases[k]:
            if not usable_phrase(p, own, heard, clusters[k]) or set(name_lemmas(p)) <= common:
                continue
            mine = _said_share(p, said[k])
            rest = max((_said_share(p, said[j]) for j in range(len(group)) if j != k), default=0)
            if mine <= rest:
                continue
            if mine < MIN_LIFT * rest:
                continue  # said nearly as much by another: "flight delayed: crew" twice
            tier = 0
            if not names_thing(p, clusters[k]) and not problem_word(p.split()[-1]):
                continue  # "flight delayed: supposed", "flight issues: came": no thing
            scored.append((tier, -(mine - rest), mine, p))
        scored.sort(key=lambda x: (x[0], x[1], x[3]))
        rewritten = ""
        # another problem than the name's, said of the name's subject: a problem phrase
        # said apart from it ("flight delayed ... my bag was lost") says nothing of it
        other = {
            x[3] for x in scored
            if len(x[3].split()) == 1 and problem_word(x[3])
            and not problem_words(x[3]) & problem_words(name)
        }
        close = {p for p in other if said_of(name, p, clusters[k]) >= MIN_SAID_OF}
        scored = [x for x in scored if x[3] not in other or x[3] in close]
        problems = [x for x in scored if x[3] in close and x[0] < 2 and x[2] >= 0.5]
        if problems:  # most of the theme says another problem than the name
            rewritten = rewrite(name, _as_written(problems[0][3], clusters[k]))
        best = ""
        for _, _, _, p in scored:
            lem = set(name_lemmas(p))
            if lem & own or len(p.split()) > room or name_key(p) in taken:
                continue
            if name_key(qualified(name, p)) in used:  # another theme's name already
                continue
            best = p
            break
        if best:
            taken.add(name_key(best))
        out[i] = (rewritten, best)
    return out


def _as_written(word: str, texts: Sequence[str]) -> str:
    """A problem verb in the past form its statements write it in ("miss" → "missed", as
    in "flight missed", never "flight miss"); ``word`` itself when it is no bare verb or
    they write no past form of it."""
    if lexicon_tag(word.lower()) != "VB":
        return word
    said = Counter(w for t in texts for w in re.findall(r"[a-z']+", t.lower()))
    return past_participle(word, said) or word


def distinct_names(
    names: Sequence[str],
    texts: Sequence[Sequence[str]],
    pinned: Collection[int] = (),
    skip: Collection[int] = (),
    common: Collection[str] = frozenset(),
) -> list[str]:
    """``names`` with every clash resolved (see the module docstring).

    ``texts[i]`` are the statements of theme ``i``; the list is taken as ordered by
    nothing in particular: within a clash, larger themes (more statements) come first,
    then earlier positions. ``pinned`` positions (user names) never change; ``skip``
    positions ("other friction") are neither changed nor compared; a phrase of only
    ``common`` lemmas (the run's domain words, :func:`common_lemmas`) never qualifies.
    """
    common = frozenset(common)
    out = list(names)
    pinned = set(pinned)
    out = undomained(out, texts, common, {*pinned, *skip})  # no "flight" in mixed names
    for group in clashes(out, skip):  # mixed themes: the next nouns their statements say
        if all(is_mixed(out[i]) for i in group):
            # the theme whose statements say the subjects most keeps the name: "payments"
            # said by 3 of 4, not the theme of 43 nine of which say it
            for i in sorted(group, key=lambda i: (-subjects_share(out[i], texts[i]),
                                                  -len(texts[i]), i))[1:]:
                if i not in pinned:
                    out[i] = mixed_name(texts[i], taken=out, common=common)
                    if name_key(out[i]) in {name_key(n) for k, n in enumerate(out) if k != i}:
                        out[i] = mixed_apart(texts[i], out, common) or out[i]
    # a mixed name is told apart by its subjects only: "mixed complaints: going" says
    # nothing, so mixed clashes skip the qualifiers below and are numbered if still equal
    mixed = {i for i, n in enumerate(out) if is_mixed(n)}
    skip = {*skip, *mixed}
    for _ in range(3):  # a qualified name may meet another; settle in a few rounds
        groups = clashes(out, skip)
        if not groups:
            break
        for group in groups:
            _resolve(group, out, texts, pinned, common)
    for group in clashes(out, skip):  # any phrase that separates, before a number
        _loose(group, out, texts, pinned, common=common)
    for group in clashes(out, skip):  # no name of its own: honestly mixed, or the same
        _unnamed(group, out, texts, pinned, common)
    skip -= mixed
    from voc.themes.numbered import number_clashes  # last resort: numbered

    number_clashes(out, [len(t) for t in texts], pinned, skip)
    return out


def subjects_share(name: str, texts: Sequence[str]) -> float:
    """Share of the distinct ``texts`` (near-duplicates once) that say a subject the
    mixed ``name`` names (:func:`voc.themes.mixed.mixed_subjects`); 0 for none."""
    uniq = distinct(texts)
    subjects = mixed_subjects(name)
    if not uniq or not subjects:
        return 0.0
    want = [{lemma(w) for w in tokens(s)} for s in subjects]
    return sum(any(w <= lemmas_said(t) for w in want) for t in uniq) / len(uniq)


def mixed_apart(texts: Sequence[str], taken: Sequence[str],
                common: Collection[str] = frozenset(), least: int = 0) -> str:
    """"mixed complaints about X and Y" for a mixed theme whose name another holds: the
    nouns :func:`voc.themes.mixed.mixed_name` can name a subject by that most of
    ``texts`` say, each by ``least`` distinct statements at least (by default
    :func:`voc.themes.mixed.named_least`, as a mixed name: a seventh of them, two at
    least; one statement's noun, "deplane and detectors", tells the reader nothing of
    the theme), no ``common`` (domain) lemma; "" when none gives a free name (the theme
    is numbered)."""
    least = least or named_least(texts)
    nouns = [w for w, n in sorted(subject_nouns(texts).items(), key=lambda kv: (-kv[1], kv[0]))
             if n >= least and lemma(w.lower()) not in common and plain_qualifier(w, texts)]
    used = {name_key(n) for n in taken}
    pairs = [f"{a} and {b}" for a, b in zip(nouns, nouns[1:], strict=False)]
    for about in [*pairs, *nouns]:
        name = f"{MIXED} about {about}"
        if name_key(name) not in used:
            return name
    return ""


#: A smaller twin keeps the plain name when most of its statements (this share) say it...
FIT_SHARE = 0.5
#: ... and it says it this many times as often as the largest twin's statements do.
FIT_LIFT = 3.0


def _name_share(name: str, texts: Sequence[str]) -> float:
    """Share of the distinct ``texts`` saying every content word of ``name`` as written
    (no stop or question word: "can I transfer money using my credit card" says "how to
    transfer money")."""
    said = distinct_said(texts)
    words = " ".join(w for w in name.lower().split()
                     if w not in STOPWORDS and w not in QWORDS | YES_NO) or name
    return said_by(words, said) / len(said) if said else 0.0


def keeper(order: Sequence[int], name: str, texts: Sequence[Sequence[str]]) -> int:
    """The member of a clash (``order``: largest first) that keeps the plain ``name``:
    the largest, unless a smaller one's statements say the name (every word as written,
    :func:`voc.themes.evidence.said_by`) :data:`FIT_SHARE` of the time and
    :data:`FIT_LIFT` times as often as the largest's: CFPB seed 42, "account closed" is
    said by 17 of the 18 statements of one twin and 2 of the 22 of the larger, which was
    named "account closed" beside "account closed: check"."""
    shares = {i: _name_share(name, texts[i]) for i in order}
    fits = [i for i in order[1:]
            if shares[i] >= max(FIT_SHARE, FIT_LIFT * shares[order[0]])]
    return max(fits, key=lambda i: shares[i]) if fits else order[0]


def misnamed(order: Sequence[int], name: str, texts: Sequence[Sequence[str]]) -> list[int]:
    """Members of a clash whose statements say its ``name`` :data:`FIT_LIFT` times less
    often than those of the one that keeps it (:func:`keeper`), when :data:`FIT_SHARE`
    of that one's say it: the name is another theme's, not theirs (the larger "account
    closed" above: letters and runarounds from one bank, 2 of 22 saying it)."""
    keep = keeper(order, name, texts)
    fit = _name_share(name, texts[keep])
    if fit < FIT_SHARE:
        return []
    return [i for i in order if i != keep and _name_share(name, texts[i]) < fit / FIT_LIFT]


def _loose(
    group: list[int], out: list[str], texts: Sequence[Sequence[str]], pinned: set[int],
    common: Collection[str] = frozenset(),
) -> None:
    """Name every member of a clash but the largest (all, next to a user's name) by any
    phrase its statements say that no other member is named with, worked into the span
    they write it in (:func:`voc.themes.twinname.worked_name`): said by :data:`MIN_SAID`
    of them and :data:`MIN_LIFT` times as often as by any other member, no code, no
    general word, no word of the name, no ``common`` word alone, ending in a noun; else
    by the problem phrase only it says (:func:`voc.themes.twinname.own_phrase`); else
    the first such phrase joined as written (:func:`voc.themes.twinname.joined_name`);
    else it is left to :func:`_unnamed`."""
    order = sorted(group, key=lambda i: (-len(texts[i]), i))
    keep_plain = [] if set(group) & pinned else [keeper(order, out[order[0]], texts)]
    phrases = key_phrases(
        [list(texts[i]) for i in group], n_phrases=30, min_doc_share=0.0, min_docs=MIN_SAID
    )
    said = {i: [set(name_lemmas(t)) for t in texts[i]] for i in group}
    at = {i: k for k, i in enumerate(group)}
    used = {name_key(n) for n in out}
    pool = [t for tx in texts for t in tx]  # the run's statements, for joins it writes
    for i in order:
        if i in pinned or i in keep_plain:
            continue
        own = set(name_lemmas(out[i]))
        heard = distinct_said(texts[i])
        room = max(1, MAX_WORDS - len(out[i].split()))
        first = ""  # the first phrase that tells it apart: glued on when none works in
        for p in phrases[at[i]]:
            if set(name_lemmas(p)) & own or len(p.split()) > room \
                    or set(name_lemmas(p)) <= common:
                continue
            if not usable_phrase(p, own, heard, texts[i], thing=True):
                continue
            if name_key(qualified(out[i], p)) in used:
                continue
            rest = max(_said_share(p, said[j]) for j in group if j != i)
            if _said_share(p, said[i]) < MIN_LIFT * rest:
                continue  # the others say it as much: it tells this theme from none
            first = first or p
            found = worked_name(out[i], p, texts[i], used)
            if found:
                out[i] = found
                used.add(name_key(found))
                break
        else:  # no phrase worked in: the problem it says that its twins do not
            found = unworked_name(out[i], first, texts[i],
                                  [texts[j] for j in group if j != i], used, pool) \
                or glued(out[i], first)
            if found:
                out[i] = found
                used.add(name_key(found))


#: A twin with no name of its own is the same problem as the one keeping the name (and
#: numbered) when its statements say the name at least this share of as often as that
#: one's do...
SAME_SHARE = 0.5
#: ... and at least this share of them say it (CFPB seed 2: "no response" 42 beside a
#: twin of 10 about letters sent to credit bureaus, 3 saying a negation and "response",
#: against 60% of the five airline tweets of "hours on hold (2)"); else it is mixed.
SAME_SAID = 1 / 3


def _unnamed(
    group: list[int], out: list[str], texts: Sequence[Sequence[str]], pinned: set[int],
    common: Collection[str] = frozenset(),
) -> None:
    """The twins of a clash left without a name of their own (no phrase worked in, no
    problem phrase, no joined phrase) and not named by the user: one whose statements
    say the name :data:`SAME_SHARE` as often as the keeper's (:func:`keeper`) is the
    same problem, left for a number; any other takes its honest mixed name
    (:func:`voc.themes.mixed.mixed_name`), never "name: phrase"."""
    order = sorted(group, key=lambda i: (-len(texts[i]), i))
    fixed = [i for i in order if i in pinned]
    keep = fixed[0] if fixed else keeper(order, out[order[0]], texts)
    fit = _name_share(out[keep], texts[keep])
    for i in order:
        if i in pinned or i == keep:
            continue
        share = _name_share(out[i], texts[i])
        if share >= max(SAME_SAID, SAME_SHARE * fit):
            continue
        old, out[i] = out[i], mixed_name(texts[i], taken=out, common=common)
        if name_key(out[i]) in {name_key(n) for k, n in enumerate(out) if k != i}:
            out[i] = mixed_apart(texts[i], out, common) or out[i]
        log.debug("theme %r (%d) says its name %.2f (its twin %.2f): %r", old,
                  len(texts[i]), share, fit, out[i])


def _apart(
    name: str, phrase: str, texts: Sequence[str], others: Sequence[Sequence[str]],
    used: Collection[tuple[str, ...]], pool: Sequence[str] = (),
) -> str:
    """``name`` told apart by ``phrase``: "flight delayed or cancelled" when the phrase is
    another problem (:func:`voc.themes.qualify.qualified`), else a name of the twin's own
    (:func:`voc.themes.twinname.twin_name`: the phrase worked into what its statements
    write, else the problem they say that the twins' (``others``) do not, else the
    phrase joined as written, by its statements or, the preposition, by the run's
    ``pool``), else glued after a colon (:func:`glued`)."""
    if not phrase:
        return ""
    if another_problem(name, phrase):
        return qualified(name, phrase)
    return twin_name(name, phrase, texts, others, used, pool) or glued(name, phrase)


def glued(name: str, phrase: str) -> str:
    """``name`` with ``phrase`` after a colon ("no response: letter") when ``name`` says
    what goes wrong; "" when it names only a topic ("account issues", "payment problems":
    :func:`voc.themes.centred.vague`), whose twin is named honestly mixed instead. Blind
    readers of round 33 kept "no response: letter", "late payments: credit" and "can't
    get through by phone: service" over the mixed name, and preferred the mixed name to
    "account issues: number"."""
    from voc.themes.centred import vague

    return "" if not phrase or vague(name) else qualified(name, phrase)


def _resolve(
    group: list[int], out: list[str], texts: Sequence[Sequence[str]], pinned: set[int],
    common: frozenset[str] = frozenset(),
) -> None:
    """Resolve one clash in ``out`` (see the module docstring)."""
    free = sorted((i for i in group if i not in pinned), key=lambda i: (-len(texts[i]), i))
    if not free:
        return
    if not set(group) & pinned:  # a twin that does not say the name: honestly mixed
        for i in misnamed(free, out[free[0]], texts):
            old, out[i] = out[i], mixed_name(texts[i], taken=out, common=common)
            log.debug("theme %r (%d) says its name far less than its twin: %r", old,
                      len(texts[i]), out[i])
        group = [i for i in group if not is_mixed(out[i])]
        free = [i for i in free if i in group]
        if len(group) < 2:
            return
    used = {name_key(n) for k, n in enumerate(out) if k not in group}
    found = _specific(free, out, texts, used, common)
    pool: list[str] = []
    new: dict[int, str] = {}
    moved: set[int] = set()  # named for another problem: out of the clash
    for i in free:
        rewritten, phrase = found[i]
        if rewritten and name_key(rewritten) not in used:
            new[i] = rewritten
        elif phrase:
            pool = pool or [t for tx in texts for t in tx]  # the run's statements, once
            own = _apart(out[i], phrase, texts[i], [texts[j] for j in group if j != i], used,
                         pool)
            if not own:
                continue
            new[i] = own
        else:
            continue
        if rewritten and new[i] == rewritten or " or " in new[i] and " or " not in out[i]:
            moved.add(i)
        used.add(name_key(new[i]))
    rest = [i for i in free if i not in moved]
    # the largest of the rest keeps the plain name (the others are qualified later, by
    # :func:`_loose` or a number, if no phrase separates them here): the biggest theme
    # of a report must not read "flight cancelled: hold" beside a small "flight cancelled";
    # unless a smaller one is the one whose statements say it (:func:`keeper`)
    if rest and not set(group) & pinned:
        new.pop(keeper(rest, out[rest[0]], texts), None)
    for i, name in new.items():
        out[i] = name


#: A lemma this share of a run's statements say is its domain word ("flight" on airline
#: tweets): every theme says it, so it tells no two apart.
COMMON_SHARE = 0.2


def common_lemmas(texts: Sequence[str], share: float = COMMON_SHARE) -> frozenset[str]:
    """Lemmas at least ``share`` of ``texts`` say (at least two statements)."""
    counts: Counter[str] = Counter()
    for t in texts:
        counts.update(set(name_lemmas(t)))
    least = max(2.0, share * len(texts))
    return frozenset(w for w, c in counts.items() if c >= least)


def distinct_drafts(
    drafts: list[ThemeDraft], texts: np.ndarray | Sequence[str], pinned: Collection[int] = ()
) -> None:
    """Make the names of ``drafts`` (and of each draft's sub-themes) distinct, in place.

    ``texts`` are the friction statements that ``statement_idx`` indexes; ``pinned``
    are the labels whose names the user set in the codeframe; "other" (label < 0) is
    left alone.
    """
    pinned = set(pinned)
    tx = [[str(texts[int(j)]) for j in d.statement_idx] for d in drafts]
    fixed = [k for k, d in enumerate(drafts) if d.label in pinned]
    skip = [k for k, d in enumerate(drafts) if d.label < 0]
    common = common_lemmas([t for k, d in enumerate(tx) if k not in skip for t in d])
    for d, name in zip(drafts, distinct_names([d.name for d in drafts], tx, fixed, skip,
                                              common), strict=True):
        d.name = name
    for d, dtx in zip(drafts, tx, strict=True):
        if len(d.subthemes) < 2 or d.sub_labels is None:
            continue
        sub = np.asarray(d.sub_labels, dtype=int)
        stx = [[dtx[j] for j in np.flatnonzero(sub == s.label)] for s in d.subthemes]
        new = distinct_names([s.name for s in d.subthemes], stx)
        for s, name in zip(d.subthemes, new, strict=True):
            s.name = name

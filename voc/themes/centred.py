"""Names for large vague themes from the problem phrase closest to the theme's centre.

When no subject and predicate are shared, a theme's name falls back to a vague one:
"mixed complaints about size and pants", "card issues", "loan and mortgage"
(:func:`vague`). Many such themes still share a way of going wrong that the noun rules
never name, written as an adjective or verb phrase ("too small", "runs small", "poor
quality", "didn't fit"). KeyBERT-style, on top of the c-TF-IDF key phrases:

1. candidates are short spans of the statements as written (:func:`spans`): one to
   three consecutive chunks of the part-of-speech chunker (:mod:`voc.themes.pos`),
   two to five words, within one clause, that read as a problem (:func:`reads_wrong`:
   a negation, "too", a problem word of the friction cues, or a word that judges
   badly, :func:`negative_words`) and neither start nor end in a function word; fixed
   expressions never give one (:func:`voc.themes.idioms.unidiom`);
2. they are marked by class-based TF-IDF against every other theme, so that what all
   themes say does not win, and the best of each vague theme said by two statements
   (:data:`TOP_CANDIDATES`) are embedded with the run's model;
3. a statement says a candidate when it says its lemmas in order (:func:`says`) or
   says a candidate whose vector is :data:`PARAPHRASE` similar ("no response",
   "haven't received a response"); a candidate may rename the theme when at least
   :data:`MIN_SHARE` of its distinct statements (and :data:`MIN_SAYING`) say it, and of
   those the one closest to the theme's centroid wins; never one that leaves out what
   its verb is done to ("never received": :func:`voc.themes.dangling.dangles`).

Otherwise the vague name stays: it is honest. Names the user chose never change, and a
new name is never one another theme has.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from voc.cosine import unit
from voc.themes.badwords import negative_words
from voc.themes.dangling import dangles
from voc.themes.idioms import idiomatic, unidiom
from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.mixed import is_mixed
from voc.themes.pos import NEGATIONS, PARTICLES, chunks, glued
from voc.themes.predicate import evaluative_lemmas, is_problem, problem_lemmas
from voc.themes.qualify import name_key
from voc.themes.wording import REDACTED, boilerplate

if TYPE_CHECKING:
    from voc.themes.table import ThemeDraft

#: Themes smaller than this keep their name: a fifth of a handful is no evidence.
MIN_THEME = 10
#: Share of a theme's distinct statements that must say the new name.
MIN_SHARE = 0.2
#: Fewest distinct statements that must say it.
MIN_SAYING = 4
#: Candidates per theme embedded and compared with its centre (best c-TF-IDF first, each
#: said by two statements or more).
TOP_CANDIDATES = 60
#: Two spans this similar (cosine of their vectors) say the same: a statement saying
#: one says the other in a paraphrase ("no response", "haven't received a response").
PARAPHRASE = 0.6
#: Words of a span, at least and at most.
MIN_WORDS, MAX_WORDS = 2, 5

_PLAIN = re.compile(r"^[\w'-]+( [\w'-]+){0,2} (issues|problems|complaints)(: .*)?$")
_PAIR = re.compile(r"^[\w'-]+( [\w'-]+)? and [\w'-]+( [\w'-]+)?$")
#: Words that may start a span although they are stop words: they say what is wrong.
_LEADS = frozenset({"not", "no", "never", "too", "cannot", "can't", "nothing", "without"})
_EXCESS = frozenset({"too"})
#: Words that start another clause: a span never holds one ("days but i didn't receive").
_BREAKS = frozenset({"and", "but", "or", "so", "because", "i", "we", "they", "he", "she",
                     "if", "when", "while", "since", "though", "although"})
#: Negated auxiliaries as people write them, from the chunker's split ("does not").
_CONTRACT = {
    "can": "can't", "could": "couldn't", "do": "don't", "does": "doesn't", "did": "didn't",
    "is": "isn't", "are": "aren't", "was": "wasn't", "were": "weren't", "will": "won't",
    "would": "wouldn't", "has": "hasn't", "have": "haven't",
}
_NEGATED_AUX = frozenset(_CONTRACT.values())  # "refund doesn't" ends in a function word
_WORD = re.compile(r"[a-z][a-z'\-]*")


def vague(name: str) -> bool:
    """Whether ``name`` says no way of going wrong: a mixed name, a plain "X issues" /
    "X problems" / "X complaints" (qualified or not), or a bare "X and Y"."""
    low = name.lower().strip()
    if is_mixed(low) or _PLAIN.match(low):
        return True
    return bool(_PAIR.match(low)) and not reads_wrong(low.replace(" and ", " "))


def reads_wrong(phrase: str) -> bool:
    """Whether ``phrase`` reads as a problem: a negation, "too", or a problem or
    evaluative word of the friction cues ("too small", "poor quality", "didn't fit")."""
    words = phrase.lower().replace("’", "'").split()
    if any(w in NEGATIONS or w in _EXCESS or w.endswith("n't") or w == "can't" for w in words):
        return True
    lems = {lemma(w) for w in words}
    if lems & (problem_lemmas() | evaluative_lemmas()) or any(w in negative_words() for w in words):
        return True
    return is_problem(phrase, cues=False)


def _function(word: str) -> bool:
    return word in STOPWORDS or lemma(word) in STOPWORDS or not _WORD.fullmatch(word)


def _words(text: str) -> list[list[tuple[str, str]]]:
    """(word, tag) runs of ``text``'s chunks, one list per chunk, contractions rejoined."""
    out: list[list[tuple[str, str]]] = []
    for ch in chunks(unidiom(text)):
        if ch.kind == "O" or any(w.lower() in _BREAKS for w in ch.words):
            # punctuation, conjunctions and a new clause's subject end a span
            out.append([(",", ",")])
            continue
        run: list[tuple[str, str]] = []
        for w, t in zip(ch.words, ch.tags, strict=True):
            lw = w.lower()
            if lw == "not" and run and run[-1][0] in _CONTRACT:
                run[-1] = (_CONTRACT[run[-1][0]], run[-1][1])
                continue
            if lw == "not" and out and out[-1] and out[-1][-1][0] in _CONTRACT:
                out[-1][-1] = (_CONTRACT[out[-1][-1][0]], out[-1][-1][1])
                continue
            run.append((lw, t))
        out.append(run)
    return out


def _trimmed(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``words`` without leading and trailing function words (a leading negation or
    "too" stays), pronouns and determiners."""
    i, j = 0, len(words)
    while i < j and _function(words[i][0]) and words[i][0] not in _LEADS \
            and not words[i][0].endswith("n't"):
        i += 1
    while j > i and (_function(words[j - 1][0]) or words[j - 1][0] in _LEADS
                     or words[j - 1][0] in _NEGATED_AUX
                     or words[j - 1][0] in STOP_WORDS and words[j - 1][0] not in PARTICLES):
        j -= 1
    return words[i:j]


def key_of(phrase: str) -> str:
    """Lemma key of a span: its words' lemmas, every negation as "not"."""
    return " ".join(_norm(w) for w in phrase.split())


def _norm(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w in NEGATIONS or w.endswith("n't") or w == "can't":
        return "not"
    return lemma(w)


def candidates(text: str) -> Iterator[tuple[list[tuple[str, str]], str]]:
    """Every span of ``text`` as written ((word, tag) list, phrase) that may name a theme,
    before any reading of what it says (see the module doc)."""
    runs = _words(text)
    for i in range(len(runs)):
        for n in (1, 2, 3):
            if i + n > len(runs):
                break
            flat = [wt for r in runs[i : i + n] for wt in r]
            if any(not _WORD.fullmatch(w) for w, _ in flat):
                break  # a span never crosses punctuation, numbers or placeholders
            span = _trimmed(flat)
            if not (MIN_WORDS <= len(span) <= MAX_WORDS):
                continue
            words = [w for w, _ in span]
            if any(glued(w) for w in words) or sum(not _function(w) for w in words) < 1:
                continue
            phrase = " ".join(words)
            if any(REDACTED.fullmatch(w) for w in words) or boilerplate(phrase):
                continue
            if not idiomatic(phrase):
                yield span, phrase


@lru_cache(maxsize=65536)
def spans(text: str) -> dict[str, str]:
    """Problem spans of ``text`` as written, lemma key → surface (see the module doc)."""
    out: dict[str, str] = {}
    for _, phrase in candidates(text):
        if reads_wrong(phrase):
            out.setdefault(key_of(phrase), phrase)
    return out


def _lemmas(text: str) -> list[str]:
    return [_norm(w) for w in _WORD.findall(text.lower().replace("’", "'"))]


#: Words a statement may put between two words of a span and still say it
#: ("runs a bit small" says "runs small").
GAP = 2


def says(key: str, text_lemmas: Sequence[str]) -> bool:
    """Whether a statement (its lemmas in order) says the span ``key``: its lemmas in
    order, at most :data:`GAP` other words between two of them."""
    want = key.split()
    for start, lem in enumerate(text_lemmas):
        if lem != want[0]:
            continue
        k, last = 1, start
        for j in range(start + 1, min(len(text_lemmas), start + 1 + (GAP + 1) * len(want))):
            if k == len(want):
                break
            if text_lemmas[j] == want[k]:
                k, last = k + 1, j
            elif j - last > GAP:
                break
        if k == len(want):
            return True
    return False


#: What finds a statement's candidate spans (key → surface): :func:`spans` or another.
SpanOf = Callable[[str], dict[str, str]]


def _ctfidf(groups: Sequence[Sequence[str]], span_of: SpanOf = spans) -> list[dict[str, float]]:
    """c-TF-IDF of every group's spans: share of its statements saying one, against all."""
    per: list[Counter[str]] = []
    total: Counter[str] = Counter()
    for texts in groups:
        c: Counter[str] = Counter()
        for t in dict.fromkeys(texts):
            c.update(span_of(t).keys())
        per.append(c)
        total.update(c)
    n = max(len(groups), 1)
    out: list[dict[str, float]] = []
    for texts, c in zip(groups, per, strict=True):
        size = max(len(set(texts)), 1)
        out.append({k: df / size * math.log(1 + n * df / total[k]) for k, df in c.items()})
    return out


def _shown(key: str, texts: Sequence[str], span_of: SpanOf = spans) -> str:
    """The most frequent wording of span ``key`` in ``texts``."""
    forms = Counter(s for t in texts for k, s in span_of(t).items() if k == key)
    return sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if forms else ""


def centred_name(
    texts: Sequence[str],
    vectors: np.ndarray,
    scores: dict[str, float],
    encode: Callable[[list[str]], np.ndarray],
    taken: Collection[object] = (),
    min_share: float = MIN_SHARE,
) -> str:
    """The problem span closest to the theme's centre that enough of its statements say,
    as written or in a paraphrase, or "" (see the module doc). ``vectors`` are the
    statements' (``texts``) rows."""
    ranked = centred_spans(texts, vectors, scores, encode, min_share=min_share)
    return next((s for s, n, _ in ranked
                 if n and not dangles(s) and not any(k in taken for k in _keys(s))), "")


def _keys(name: str) -> tuple[object, ...]:
    """What makes a name taken: its span key (:func:`key_of`) and, words in any order, its
    name key (:func:`voc.themes.qualify.name_key`: "flight late" is "late flight")."""
    return key_of(name), name_key(name)


def centred_spans(
    texts: Sequence[str],
    vectors: np.ndarray,
    scores: dict[str, float],
    encode: Callable[[list[str]], np.ndarray],
    paraphrase: float | None = None,
    min_share: float = MIN_SHARE,
    span_of: SpanOf = spans,
) -> list[tuple[str, int, float]]:
    """(span, statements saying it or a paraphrase, cosine to the centre) of the
    theme's candidate spans said by two statements or more, closest to the centre first;
    the count is 0 when fewer than the theme's least (:data:`MIN_SHARE`,
    :data:`MIN_SAYING`) say it."""
    uniq = list(dict.fromkeys(texts))
    if len(uniq) < MIN_THEME or not scores:
        return []
    least = max(MIN_SAYING, math.ceil(min_share * len(uniq)))
    said = [_lemmas(t) for t in uniq]
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    held: list[tuple[str, frozenset[int]]] = []
    for k, _ in ranked:
        who = frozenset(i for i, s in enumerate(said) if says(k, s))
        if len(who) >= 2:
            held.append((k, who))
        if len(held) == TOP_CANDIDATES:
            break
    if not held:
        return []
    shown = [_shown(k, uniq, span_of) for k, _ in held]
    cand = unit(np.asarray(encode(shown), dtype=np.float32))
    centre = unit(np.asarray(vectors, dtype=np.float32)).mean(axis=0)
    centre /= max(float(np.linalg.norm(centre)), 1e-12)
    cos = cand @ centre
    near = cand @ cand.T >= (PARAPHRASE if paraphrase is None else paraphrase)
    out: list[tuple[str, int, float]] = []
    for i in range(len(held)):
        who = frozenset().union(*(held[j][1] for j in np.flatnonzero(near[i])))
        out.append((shown[i], len(who) if len(who) >= least else 0, float(cos[i])))
    out.sort(key=lambda r: (-(r[1] > 0), -r[2], -r[1], r[0]))
    return out


def rename_vague(
    drafts: Sequence[ThemeDraft],
    vectors: np.ndarray,
    texts: Sequence[str],
    encode: Callable[[list[str]], np.ndarray],
    pinned: Collection[str] = (),
    min_share: float = MIN_SHARE,
) -> list[tuple[str, str, int]]:
    """Rename, in place, the drafts with a vague name (:func:`vague`) for the problem
    span closest to their centre (:func:`centred_name`); the user's names (``pinned``)
    and codeframe themes never change; ``min_share`` 0 renames none. Returns (old, new,
    size) per rename.

    ``vectors`` and ``texts`` are the friction statements' (what ``statement_idx``
    indexes)."""
    return rename_where(
        drafts, vectors, texts, vague,
        lambda _name, tx, vecs, scores, taken: centred_name(
            tx, vecs, scores, encode, taken, min_share),
        pinned, min_share, MIN_THEME,
    )


#: ``propose(name, texts, vectors, scores, taken)``: a theme's new name, or "" to keep it.
Propose = Callable[
    [str, list[str], np.ndarray, dict[str, float], Collection[object]], str
]


def rename_where(
    drafts: Sequence[ThemeDraft],
    vectors: np.ndarray,
    texts: Sequence[str],
    select: Callable[[str], bool],
    propose: Propose,
    pinned: Collection[str] = (),
    min_share: float = MIN_SHARE,
    min_theme: int = MIN_THEME,
    span_of: SpanOf = spans,
) -> list[tuple[str, str, int]]:
    """Rename, in place, the themes whose name ``select`` picks and that hold
    ``min_theme`` distinct statements or more, to what ``propose`` gives them (their name,
    statements, statement ``vectors``, span c-TF-IDF scores and the keys other names
    hold: :func:`_keys`; spans found by ``span_of``); the user's names (``pinned``) and
    codeframe themes never change, ``min_share`` 0 renames none, and a new name is never
    one another theme has. Returns
    (old, new, size) per rename. ``vectors`` and ``texts`` are the friction statements'."""
    themes = [d for d in drafts if d.label >= 0]
    groups = [[str(texts[int(j)]) for j in d.statement_idx] for d in themes]
    todo = [] if min_share <= 0 else [
        i for i, d in enumerate(themes)
        if select(d.name) and d.theme_key is None and d.name not in pinned
        and len(set(groups[i])) >= min_theme
    ]
    if not todo:
        return []
    scores = _ctfidf(groups, span_of)
    taken = {k for d in drafts for k in _keys(d.name)}
    out: list[tuple[str, str, int]] = []
    for i in todo:
        d = themes[i]
        g = np.asarray(d.statement_idx, dtype=int)
        name = propose(d.name, groups[i], vectors[g], scores[i], taken)
        if not name:
            continue
        taken.update(_keys(name))
        out.append((d.name, name, len(g)))
        d.name = name
    return out

"""A sub-theme's qualifier worked into a phrase its statements write.

"luggage lost: suitcase" reads as two labels glued together; the sub-theme's statements
say "lost my suitcase", so a person names it "lost suitcase". :func:`worked_in` finds
the short span of the statements that says the qualifier with a word of the parent's
name or a problem word ("no reply to letter", "rude agents", "wrong exchange rate for
cash withdrawal"), as they write it: articles and possessives left out, never across a
sentence break, a pronoun or an "and", never starting or ending on a function word.
The span most statements say wins (a problem word or a parent's word weighs it up);
"" when fewer than :data:`MIN_SAID` distinct statements, or :data:`MIN_SHARE` of them,
say one with a problem word or a negation (a sub-theme's name says what is wrong).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from voc.themes.evidence import code_like, norm_word
from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.pos import glued, lexicon_tag
from voc.themes.predicate import is_problem
from voc.themes.qualify import function_word, problem_word
from voc.themes.written import CLAUSE_WORDS  # words that start a clause: no span crosses one

_TOKEN = re.compile(r"[@#]\w+|https?://\S+|[a-z][a-z'\-]*[a-z]|[a-z]|\d+|[^\sa-z\d]")
#: Left out of a span as a person naming it would ("lost my suitcase" → "lost suitcase").
SKIP = frozenset({"a", "an", "the", "my", "our", "your", "his", "her", "their", "its"})
#: Negations a span may start with ("no reply", "can't book seat").
_NEGATIVE = frozenset({"no", "not", "never", "cannot"})
#: Words a span never holds: they join two things or stand for a person.
_BREAK_TAGS = frozenset({"CC", "PRP", "PRP$", "WDT", "WP", "UH"})
#: Distinct statements that must say a span, at least, and the share of them.
MIN_SAID = 2
MIN_SHARE = 0.1
#: Longest span, in words.
MAX_WORDS = 5


def _negative(word: str) -> bool:
    return word in _NEGATIVE or word.endswith("n't")


def _runs(text: str) -> list[list[str]]:
    """The statement's words in runs a span may not cross, articles left out."""
    runs: list[list[str]] = [[]]
    for tok in _TOKEN.findall(text.lower().replace("’", "'")):
        if tok in SKIP:
            continue
        if not tok[0].isalnum() or tok.startswith("http") or tok in CLAUSE_WORDS \
                or lexicon_tag(tok) in _BREAK_TAGS and not _negative(tok):
            runs.append([])
            continue
        runs[-1].append(tok)
    return [r for r in runs if len(r) >= 2]


def _edge_ok(words: Sequence[str]) -> bool:
    """A span starts on a content word or a negation (never a bare "not", which needs its
    verb) and ends on a content word, never an adjective after a function word ("to
    wrong" of "to wrong account")."""
    first, last = words[0], words[-1]
    if _negative(last) or function_word(last) or last in STOPWORDS and not problem_word(last):
        return False
    if lexicon_tag(last).startswith("JJ") and function_word(words[-2]):
        return False
    if first == "not":
        return False
    return _negative(first) or not function_word(first) and (
        first not in STOPWORDS or problem_word(first))


def _says_problem(word: str) -> bool:
    """A word saying what is wrong: a problem word, a negation or an event verb as
    inflected ("charged", "cancelled"; the bare noun "charge" names a thing)."""
    if _negative(word):
        return True
    if not problem_word(word):
        return False
    return is_problem(word, cues=False) or lemma(word) != word


def _distinct(texts: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(t.strip().lower() for t in texts))


def _need(n: int) -> int:
    return max(MIN_SAID, math.ceil(MIN_SHARE * n - 1e-9))


def _spans(want: set[str], texts: Sequence[str]) -> dict[str, int]:
    """Spans (most common written form) holding every lemma of ``want``, each with the
    number of distinct ``texts`` saying it, said by :func:`_need` of them at least."""
    said: dict[tuple[str, ...], set[str]] = defaultdict(set)
    forms: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    distinct = _distinct(texts)
    for text in distinct:
        for run in _runs(text):
            keys = [norm_word(w) for w in run]
            for i in range(len(run)):
                for j in range(i + 2, min(len(run), i + MAX_WORDS) + 1):
                    key = tuple(keys[i:j])
                    if not want <= set(key) or not _edge_ok(run[i:j]):
                        continue
                    said[key].add(text)
                    forms[key][" ".join(run[i:j])] += 1
    out: dict[str, int] = {}
    for key, who in said.items():
        form = forms[key].most_common(1)[0][0]
        if len(who) >= _need(len(distinct)) and not any(
            glued(w) or code_like(w, texts) for w in form.split() if not _negative(w)
        ):
            out[form] = len(who)
    return out


def spans_holding(words: str, texts: Sequence[str]) -> dict[str, int]:
    """Spans of ``texts`` (as written, articles left out) holding every word of ``words``,
    with how many distinct statements say each, said by enough of them (two, and a tenth)."""
    return _spans({norm_word(w) for w in words.lower().split()}, texts)


def _best(scored: dict[str, float]) -> str:
    """The phrase of highest score, the shorter one on a tie, then by spelling."""
    ranked = sorted(scored, key=lambda f: (-scored[f], len(f.split()), f))
    return ranked[0] if ranked else ""


def _merged(parent: str, span: str) -> str:
    """``parent`` run into ``span`` where the span starts with the parent's last word
    ("can't change" + "change reservation" → "can't change reservation"), or ""."""
    pw, sw = parent.split(), span.split()
    if len(pw) + len(sw) - 1 > MAX_WORDS:
        return ""
    if norm_word(pw[-1]) == norm_word(sw[0]) and len(sw) > 1:
        return " ".join([*pw, *sw[1:]])
    return ""


#: Prepositions that join a problem to what it happened to ("for cash", "on payment").
#: ("to" is left out: "payment to dispute" reads it before a verb).
PREPOSITIONS = ("for", "on", "with", "in", "at", "from", "about", "during", "by")


def _written(parent: str, texts: Sequence[str]) -> str:
    """``parent`` in the word order ``texts`` write it: a trailing problem word put before
    its subject when more statements say it there ("exchange rate wrong" → "wrong
    exchange rate")."""
    words = parent.split()
    if len(words) < 2 or not _says_problem(words[-1]):
        return parent
    front = [words[-1], *words[:-1]]
    joined = [" ".join(r) for t in _distinct(texts) for r in _runs(t)]
    before = sum(" ".join(front) in r for r in joined)
    after = sum(parent.lower() in r for r in joined)
    return " ".join(front) if before > after and before >= MIN_SAID else parent


def _prep_tail(parent: str, qualifier: str, texts: Sequence[str]) -> str:
    """``parent`` as written with the qualifier after the preposition the statements put
    before it most ("wrong exchange rate for cash"), or ""."""
    distinct = _distinct(texts)
    counts: Counter[str] = Counter()
    for text in distinct:
        runs = [" ".join(r) for r in _runs(text)]
        counts.update({p for p in PREPOSITIONS
                       if any(f" {p} {qualifier.lower()} " in f" {r} " for r in runs)})
    if not counts:
        return ""
    prep, n = max(sorted(counts.items()), key=lambda kv: kv[1])
    head = _written(parent, texts)
    name = f"{head} {prep} {qualifier}"
    return name if n >= _need(len(distinct)) and len(name.split()) <= MAX_WORDS else ""


def worked_in(parent: str, qualifier: str, texts: Sequence[str]) -> str:
    """The sub-theme's name with ``qualifier`` worked in as ``texts`` write it, or "":
    their most-said span holding it with a problem word ("lost suitcase", a word of the
    parent's weighing it up), else the parent run together with a span holding it
    ("can't change reservation"), else the parent with the preposition they put before
    it ("wrong exchange rate for cash")."""
    want = {norm_word(w) for w in qualifier.lower().split()}
    if not want or not texts:
        return ""
    anchors = {norm_word(w) for w in parent.lower().replace(":", " ").split()
               if w not in STOPWORDS or _negative(w)} - want
    spans = _spans(want, texts)
    problem = {f: n * (1.0 + 0.5 * bool({norm_word(w) for w in f.split()} & anchors))
               for f, n in spans.items()
               if any(_says_problem(w) for w in f.split() if norm_word(w) not in want)}
    if problem:
        return _best(problem)
    merged = {m: float(n) for f, n in spans.items() if (m := _merged(parent, f))}
    for name in (_best(merged), _prep_tail(parent, qualifier, texts)):
        if name and clause_said(name, texts) >= _need(len(_distinct(texts))):
            return name
    return ""


#: Words other than stop words a clause may hold among a name's words ("charged twice on
#: my card at a cafe": "card").
SLACK = 1


def clause_said(name: str, texts: Sequence[str]) -> int:
    """How many distinct ``texts`` say every word of ``name`` side by side in one clause
    (stop words aside, :data:`SLACK` other words at most): a name run
    together from the parent's words and the sub-theme's is only worth what they say."""
    want = {norm_word(w) for w in name.split()}
    return sum(any(_side_by_side(want, run) for run in _runs(text))
               for text in _distinct(texts))


def _side_by_side(want: set[str], run: Sequence[str]) -> bool:
    """Whether ``run`` holds a stretch with every lemma of ``want`` and, besides stop
    words, at most :data:`SLACK` other words."""
    keys = [norm_word(w) for w in run]
    for i, first in enumerate(keys):
        if first not in want:
            continue
        covered: set[str] = set()
        extra = 0
        for word, key in zip(run[i:], keys[i:], strict=True):
            if key in want:
                covered.add(key)
            elif word not in STOPWORDS:
                extra += 1
                if extra > SLACK:
                    break
            if covered == want:
                return True
    return False

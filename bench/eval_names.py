"""Check theme and sub-theme names on ../shared/eval by rules a reader would apply.

Usage::

    .venv/bin/python bench/eval_names.py [--sets banking77,airline,cfpb] [--show 15]
        [--out out/bench_names.json]

The sets are clustered exactly as ``bench/eval_themes.py`` does (its ``load_set``,
``embed`` and ``run_voc`` with seed 0, the shipped ``ClusterParams`` defaults); themes of
at least ``subtheme_min_size`` statements are split into sub-themes with the shipped
:func:`voc.themes.drafts.subtheme_labels` on the MiniLM vectors. Every theme and
sub-theme is then named with the shipped code (:func:`voc.themes.naming.key_phrases`,
:func:`voc.themes.naming.theme_name`, :func:`voc.themes.drafts.name_subthemes`). Cluster
labels are cached under ``out/bench_cache/`` (names never feed clustering).

A name **passes** when every rule holds (a failing name lists the rules it breaks):

- ``length``: 2-5 words;
- ``unsaid``: every word occurs in the theme's statements (as written, case aside;
  "can't" also matches "cannot"/"can not"/"cant", "haven't" matches "have not"); for a
  sub-theme, words carried from its parent's name (before ":") must occur in the
  parent's statements;
- ``no_subject``: it names a subject: a content noun (tagged noun by the tagger's
  lexicon, a hyphenated compound or a word the lexicon does not know; not a stop word
  nor a problem word), a named subject (capitalised in most of its mid-sentence
  occurrences in the statements), or a content verb that the problem word qualifies
  ("charged twice");
- ``no_problem``: it says what is wrong or asked: a problem or failure word, a
  negation, a question word or an evaluative word, from the reader's list below (written
  for this check, independent of the shipped cue file);
- ``bare``: not a bare noun or a bare verb (at least one word besides the subject, and
  the predicate word is not the subject itself);
- ``broken``: no fragment: half a contraction ("doesn"), or a word unknown to both the
  tagger lexicon and the lemma table that is a known word with up to three letters
  glued on ("flightled"); no @handle, #tag, URL or number;
- ``stopword_part``: the name neither starts nor ends in a stop word (negations,
  question words and a preposition before a content word, "on hold", may start it;
  particles "up/out/in/off/down/back/through/over" and verbs other than auxiliaries,
  "how long does transfer take", may end it) and has a content word
  besides its problem/question words;
- ``acronym_alone``: its subject is not only an agency or law acronym ("FTC", "FDCPA":
  the list ``AGENCIES``);
- ``repeated``: no lemma twice;
- ``same_as_parent`` (sub-themes): different from the parent theme's name;
- ``unattested`` (new in round 9): the name's problem is said *of its subject* in the
  statements. The name's subject words are the words the ``no_subject`` rule finds
  (content nouns, named subjects, a qualified content verb); its problem words are its
  words of the reader's problem list or negations (the ``no_problem`` rule's, question
  words aside). A statement *attests* the name when every problem word occurs in it
  within ``ATTEST_WINDOW`` = 6 tokens (either side) of an occurrence of some subject
  word. Words match by lemma (the shipped lemma table), except negations, which match
  as a class: "can't" = "can't"/"cannot"/"cant"/"can not"/"unable"; "not" = any other
  "n't" form; "no" and "never" only themselves. The name passes when at least
  ``max(2, ceil(ATTEST_SHARE * n))`` of the theme's ``n`` distinct statement texts
  attest it (``ATTEST_SHARE`` = 0.10; never more than ``n``). A name without subject
  words or without problem words is left to ``no_subject``/``no_problem``. For a
  sub-theme only the part after ":" is checked, against the sub-theme's statements.
  "response missed" over statements saying "still no response" fails; "no response"
  passes.
- ``as_written`` (new in round 10, stricter than ``unattested``): the name's problem is
  said of its subject *in one clause, side by side*. A statement is split into clauses
  at punctuation (``. , ; : ! ? ( ) " /``), @handles, #tags and links, and at the
  clause words ``CLAUSE_WORDS`` ("and", "but", "because", "so", "when", "if", ...).
  The statement attests the name as written when one clause holds a contiguous span
  that contains every subject word and every problem word of the name (as found for
  ``unattested``, matched the same way: lemmas, negations as a class) and whose other
  tokens are all stop words (spaCy's list: determiners, pronouns, prepositions,
  auxiliaries, "still", "again"), negations or numbers, except at most
  ``WRITTEN_MODIFIERS`` = 1 other word: "bag was lost", "lost my checked bag", "on
  hold for 2 hours", "refund still not received" attest; "ticket ... but I missed the
  call" and "the plane sat at the gate for ages, missed my connection" do not attest
  "ticket missed" / "gate missed". The name passes when at least
  ``max(2, ceil(ATTEST_SHARE * n))`` of the theme's ``n`` distinct statements attest it
  (never more than ``n``). Names without subject or problem words are left to the other
  rules; for a sub-theme only the part after ":" is checked.

``pass_share`` counts names passing every rule but ``unattested`` and ``as_written`` (the
rules up to round 8, comparable with earlier numbers); ``pass_share_attested`` adds
``unattested`` (the round-9 numbers); ``pass_share_written`` adds ``as_written`` too;
``pass_share_attested_at`` gives the themes' share with ``unattested`` at the shares
``OTHER_SHARES`` (0.0: two statements whatever the size; 0.05; 0.10), since large themes
word one problem many ways ("worst", "awful", "crap" customer service) and a name
attested by 2% of 160 statements is still said, not glued.

The **label check** asks whether a name is on topic: it shares a content lemma with the
theme's majority reference label (Banking77 intent words, e.g. card_arrival -> card,
arrival; airline negativereason; CFPB Issue). Lemmas match when equal or when they share
a prefix of at least 5 letters ("arrival"/"arrive", "verify"/"verification").
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import math
import os
import re
import sys
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_themes import CACHE, EVAL, ROOT, embed, load_set, run_voc  # noqa: E402

log = logging.getLogger("eval_names")

#: Words a reader takes as saying what is wrong: failures, losses, delays, money
#: problems, blocked actions, bad service (lowercase surface forms).
def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


PROBLEM_WORDS = _wordset(
    """
    fail fails failed failing failure broken break breaks crash crashes crashed crashing error
    errors missed miss misses disconnected disconnect declined decline declines rejected reject
    rejects refused refuse refuses denied deny
    blocked block locked lock frozen freeze stuck pending missing lost lose disappeared
    vanished gone stolen compromised hacked delayed delay delays late cancelled canceled
    cancelling canceling wrong incorrect inaccurate invalid unauthorized fraud fraudulent scam
    twice double duplicate duplicated overcharged overcharge extra hidden unexpected expired
    expiring expire expires slow wait waiting waited hold stranded overbooked rebooked bumped
    damaged
    problem problems issue issues trouble glitch bug bugs outage down unresponsive ignored
    ignoring unanswered unresolved harassed harassing harassment threatening threatened
    disputed dispute reversed reverted returned bounced
    misapplied mishandled misplaced unfair unable cannot can't won't
    rude unhelpful useless poor bad terrible awful horrible worst confusing confused unclear
    expensive overpriced high higher increased raised complaint complain complaining dirty
    broke leaking stopped stop stops exceeded suspended closed
    """
)
NEGATIONS = _wordset(
    """
    not no never nothing without can't cannot couldn't won't don't doesn't didn't isn't
    aren't wasn't weren't hasn't haven't hadn't shouldn't wouldn't unable
    """
)
QUESTION_WORDS = frozenset({"how", "why", "where", "when", "what", "which", "who", "whether"})
PARTICLES = frozenset({"up", "out", "in", "off", "down", "back", "through", "over"})
AUXILIARY = frozenset({"be", "have", "do", "will", "would", "can", "could", "should", "may",
                       "might", "must", "shall", "get"})
#: Prepositions that may lead a name when a content word follows ("on hold").
LEADING = frozenset({"on", "in", "at", "without", "after", "before"})
_APOS = re.compile(r"[’`]")
_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")
_CANT = ("can't", "cannot", "cant", "can not")
#: The ``unattested`` rule: window (tokens either side) and share of statements.
ATTEST_WINDOW = 6
ATTEST_SHARE = 0.10
#: The ``as_written`` rule: other words a span may hold, and the words that start a clause.
WRITTEN_MODIFIERS = 1
CLAUSE_WORDS = frozenset(
    {"and", "but", "because", "cause", "cuz", "so", "since", "while", "although", "though",
     "however", "when", "whenever", "then", "after", "before", "if", "until", "unless", "or",
     "also", "plus", "yet", "whereas", "instead", "otherwise", "meanwhile"}
)
_CLAUSE_TOKEN = re.compile(
    r"@\w+|#\w+|https?://\S+|www\.\S+|\d[\d.,:/]*|[a-z][a-z'\-]*[a-z]|[a-z]|[.,;:!?()\"/]"
)
#: Shares the rule is also reported at (``pass_share_attested_at``; 0: two statements).
OTHER_SHARES = (0.0, 0.05, 0.10)


def _words(text: str) -> list[str]:
    return _WORD.findall(_APOS.sub("'", text.lower()))


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    """The tagger's lexicon (word -> most frequent tag), as shipped in the TextBlob wheel."""
    from voc.themes.pos import load_text_module

    path = load_text_module().EN_DIR / "en-lexicon.txt"
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out.setdefault(parts[0].lower(), parts[1])
    return out


@lru_cache(maxsize=1)
def _lemma_words() -> frozenset[str]:
    from voc.themes.lemmas import _table

    return frozenset(str(k) for k in _table())


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _lemma(word: str) -> str:
    from voc.themes.lemmas import lemma

    return lemma(word)


#: Halves of contractions split apart ("doesn" of "doesn't").
FRAGMENTS = frozenset({"don", "doesn", "didn", "isn", "wasn", "aren", "haven", "hasn", "couldn",
                       "wouldn", "ve", "ll", "re", "ca", "wo", "nt"})
#: Agencies and laws customers cite; named alone they say nothing about the problem.
AGENCIES = frozenset({"ftc", "cfpb", "fdic", "occ", "bbb", "irs", "hud", "fcc", "sec", "doj",
                      "fbi", "fcra", "fdcpa", "tila", "respa", "ag", "dot", "faa", "tsa"})


def _known(word: str) -> bool:
    return word in _lexicon() or word in _lemma_words() or word in NEGATIONS


def _broken(word: str) -> bool:
    """A fragment: half a contraction, or a word no dictionary knows that is a known word
    with up to three letters glued on ("flightled")."""
    if word in FRAGMENTS:
        return True
    if _known(word) or "-" in word or "'" in word or len(word) < 5:
        return False
    return any(word[:k] in _lexicon() for k in range(max(4, len(word) - 3), len(word)))


def _is_noun(word: str) -> bool:
    if "-" in word:  # "top-up", "e-mail": a compound names a thing
        return True
    tag = _lexicon().get(word) or _lexicon().get(_lemma(word), "")
    return tag.startswith("NN") or not tag  # unknown words are mostly names of things


def _capital_shares(texts: list[str]) -> tuple[Counter[str], Counter[str]]:
    """Mid-sentence occurrences of each word: all, and capitalised."""
    seen: Counter[str] = Counter()
    cap: Counter[str] = Counter()
    for t in texts:
        toks = re.findall(r"[A-Za-z][A-Za-z'\-]*", _APOS.sub("'", t))
        for i, tok in enumerate(toks):
            if i == 0:
                continue
            w = tok.lower()
            seen[w] += 1
            cap[w] += tok[0].isupper()
    return seen, cap


def _neg_key(word: str, prev: str = "") -> str:
    """A word's key for attestation: negations as a class, other words by lemma."""
    if word in ("can't", "cannot", "cant", "unable") or (word == "not" and prev == "can"):
        return "can't"
    if word.endswith("n't") or word == "not":
        return "not"
    return _lemma(word)


def attesting(subject: list[str], problem: list[str], texts: list[str]) -> int:
    """How many distinct ``texts`` say every ``problem`` word within ``ATTEST_WINDOW``
    tokens of a ``subject`` word (see ``unattested`` in the module docstring)."""
    subj = {_neg_key(w) for w in subject}
    probs = {_neg_key(w) for w in problem} - subj
    if not subj or not probs:
        return len(set(texts))
    n = 0
    for t in dict.fromkeys(texts):
        toks = _words(t)
        keys = [_neg_key(w, toks[i - 1] if i else "") for i, w in enumerate(toks)]
        at_subj = [i for i, k in enumerate(keys) if k in subj]
        if not at_subj:
            continue
        ok = all(
            any(abs(i - j) <= ATTEST_WINDOW for i, k in enumerate(keys) if k == p
                for j in at_subj if j != i)
            for p in probs
        )
        n += ok
    return n


def _clauses(text: str) -> list[list[str]]:
    """Clauses of ``text`` as lowercase tokens (numbers as "#"), for ``as_written``."""
    out: list[list[str]] = [[]]
    for tok in _CLAUSE_TOKEN.findall(_APOS.sub("'", text.lower())):
        if tok[0].isdigit():
            out[-1].append("#")
        elif not tok[0].isalpha() or tok in CLAUSE_WORDS:
            out.append([])
        else:
            out[-1].append(tok)
    return [c for c in out if c]


def attesting_written(subject: list[str], problem: list[str], texts: list[str]) -> int:
    """How many distinct ``texts`` say the name as written (see ``as_written``)."""
    need = {_neg_key(w) for w in subject} | {_neg_key(w) for w in problem}
    if not subject or not {_neg_key(w) for w in problem} - {_neg_key(w) for w in subject}:
        return len(set(texts))
    stop = _stop()
    n = 0
    for t in dict.fromkeys(texts):
        ok = False
        for toks in _clauses(t):
            keys = [_neg_key(w, toks[i - 1] if i else "") for i, w in enumerate(toks)]
            for i, k in enumerate(keys):
                if k not in need:
                    continue
                covered, others = {k}, 0
                for j in range(i + 1, len(keys)):
                    if covered == need:
                        break
                    if keys[j] in need:
                        covered.add(keys[j])
                    elif not (toks[j] in stop or toks[j] == "#" or toks[j] in NEGATIONS
                              or keys[j] in ("not", "can't")):
                        others += 1
                        if others > WRITTEN_MODIFIERS:
                            break
                if covered == need:
                    ok = True
                    break
            if ok:
                break
        n += ok
    return n


def check_name(
    name: str,
    texts: list[str],
    parent: str = "",
    parent_texts: list[str] | None = None,
    share: float = ATTEST_SHARE,
) -> list[str]:
    """The rules ``name`` breaks (empty: it passes); see the module docstring."""
    fails: list[str] = []
    if re.search(r"@\w|#\w|https?:|www\.|\d", name):
        fails.append("broken")
    carried, _, own = name.rpartition(":") if parent else ("", "", name)
    words = _words(name)
    if not 2 <= len(words) <= 5:
        fails.append("length")
    said = {w for t in texts for w in _words(t)}
    said_parent = {w for t in (parent_texts or []) for w in _words(t)}

    def occurs(w: str, pool: set[str], pool_texts: list[str]) -> bool:
        if w in pool:
            return True
        if w.endswith("n't") and w not in _CANT:  # "haven't" as "have not"
            aux = {"won't": "will", "don't": "do"}.get(w, w[:-3])
            return any(f"{aux} not" in t.lower() for t in pool_texts)
        if w in _CANT:
            return any(c in pool for c in _CANT) or any(
                "can not" in t.lower() for t in pool_texts
            )
        return False

    for w in _words(own):
        if not occurs(w, said, texts):
            fails.append("unsaid")
            break
    for w in _words(carried):
        if not occurs(w, said_parent | said, (parent_texts or []) + texts):
            fails.append("unsaid")
            break
    if any(_broken(w) for w in words):
        fails.append("broken")
    stop = _stop()
    predicate = [w for w in words if w in PROBLEM_WORDS or w in NEGATIONS]
    question = [w for w in words if w in QUESTION_WORDS]
    content = [w for w in words if w not in stop and w not in NEGATIONS and w not in question]
    seen, cap = _capital_shares(texts)
    named = {w for w in content if seen[w] >= 2 and cap[w] / seen[w] >= 0.6}
    nouns = [w for w in content if (_is_noun(w) or w in named) and w not in PROBLEM_WORDS]
    # "charged twice": a content verb qualified by a problem word names what went wrong
    verb_subject = [
        w for w in content
        if not _is_noun(w) and w not in predicate and _lexicon().get(w, "").startswith("VB")
    ]
    if not nouns and not (verb_subject and predicate):
        fails.append("no_subject")
    if not predicate and not question:
        fails.append("no_problem")
    subjects = set(nouns) | set(verb_subject)
    if len(words) >= 1 and (not subjects or set(words) <= subjects or set(words) <= set(predicate)):
        fails.append("bare")
    first_ok = words and (
        words[0] not in stop or words[0] in NEGATIONS or words[0] in question
        or words[0] in LEADING and len(words) > 1 and words[1] not in stop
    )
    last_ok = words and (
        words[-1] not in stop or words[-1] in PARTICLES
        or _lexicon().get(words[-1], "").startswith("VB") and _lemma(words[-1]) not in AUXILIARY
    )
    others = [w for w in content if w not in PROBLEM_WORDS]
    if not first_ok or not last_ok or not others:
        fails.append("stopword_part")
    if nouns and set(nouns) <= AGENCIES:
        fails.append("acronym_alone")
    lemmas = [_lemma(w) for w in words]
    if len(set(lemmas)) < len(lemmas):
        fails.append("repeated")
    if parent and own.strip() == parent.strip():
        fails.append("same_as_parent")
    own_words = set(_words(own))
    subj_own = [w for w in subjects if w in own_words]
    prob_own = [w for w in predicate if w in own_words and w not in subj_own]
    if subj_own and prob_own and attesting(subj_own, prob_own, texts) < attest_need(
        len(set(texts)), share
    ):
        fails.append("unattested")
    if subj_own and prob_own and attesting_written(subj_own, prob_own, texts) < attest_need(
        len(set(texts)), share
    ):
        fails.append("as_written")
    return list(dict.fromkeys(fails))


def attest_need(n: int, share: float = ATTEST_SHARE) -> int:
    """Statements that must attest a name of a theme of ``n`` distinct statements."""
    return min(n, max(2, math.ceil(share * n - 1e-9)))


def label_words(label: str) -> set[str]:
    """Content lemmas of a reference label ("card_arrival" -> {"card", "arrival"})."""
    stop = _stop()
    words = re.findall(r"[a-z]+", label.lower().replace("_", " "))
    return {_lemma(w) for w in words if w not in stop and len(w) > 1}


def on_topic(name: str, label: str) -> bool:
    """Whether ``name`` shares a content lemma with ``label`` (equal or 5-letter prefix)."""
    stop = _stop()
    mine = {_lemma(w) for w in _words(name) if w not in stop and len(w) > 1}
    for a in mine:
        for b in label_words(label):
            if a == b or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5]):
                return True
    return False


def _hash(*parts: object) -> str:
    return hashlib.sha1(json.dumps(parts, default=str).encode("utf-8")).hexdigest()[:12]


#: Modules whose code decides theme and sub-theme labels: their source is part of the
#: cache key, so a clustering change never reuses labels the old code made.
_LABEL_CODE = ("cluster.py", "consensus.py", "represent.py", "drafts.py")


@lru_cache(maxsize=1)
def _label_code() -> str:
    """Hash of the source of the modules that cluster (see :data:`_LABEL_CODE`)."""
    root = ROOT / "voc" / "themes"
    return _hash([(root / m).read_text(encoding="utf-8") for m in _LABEL_CODE])


def cluster_cached(name: str, texts: list[str], vecs: np.ndarray, y: np.ndarray) -> np.ndarray:
    """voc's theme label per text, as bench/eval_themes.py clusters it (seed 0), cached."""
    from voc.themesteps import ClusterParams

    path = CACHE / f"{name}-themes-{_hash(texts, ClusterParams().model_dump(), _label_code())}.npy"
    if path.exists():
        return np.load(path)
    res = run_voc(texts, vecs, y, [0])
    labels = np.asarray(res.pop("_labels"))
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(path, labels)
    return labels


def _draft_names(texts: list[str], vecs: np.ndarray, labels: np.ndarray) -> dict[int, str]:
    """Each theme's drafted name (before clashes are told apart), as :func:`name_set` names."""
    from voc.themes.cluster import OTHER
    from voc.themes.naming import key_phrases, theme_name
    from voc.themes.quotes import representative

    ids = [c for c, _ in Counter(labels.tolist()).most_common() if c != OTHER]
    groups = [np.flatnonzero(labels == c) for c in ids]
    names: dict[int, str] = {}
    for c, g, ph in zip(ids, groups, key_phrases([[texts[i] for i in g] for g in groups],
                                                 n_phrases=8), strict=True):
        tx = [texts[i] for i in g]
        q = representative(vecs[g], tx, k=4)
        names[c] = theme_name(ph, tx, tx[q[0]] if q else "")
    return names


def _word_encoder() -> Callable[[list[str]], np.ndarray]:
    """MiniLM, the model the benchmark's vectors come from, for the names' words and the
    candidate phrases of vague themes (one model per process)."""
    return _encoder().encode  # type: ignore[attr-defined, no-any-return]


def same_name_merged(
    texts: list[str], vecs: np.ndarray, labels: np.ndarray
) -> tuple[np.ndarray, list[dict[str, object]]]:
    """Labels after the name step's same-name merge
    (:func:`voc.themes.samename.merge_same_names`) and the merges made (names, sizes,
    cosine), so the benchmark names the themes the product shows."""
    from voc.themes.samename import merge_same_names
    from voc.themesteps import NameParams

    params = NameParams()
    threshold = params.same_name_merge_threshold
    if threshold >= 1:
        return labels, []
    names = _draft_names(texts, vecs, labels)
    encode = _word_encoder() if params.same_synonym_similarity < 1 else None
    new, merges = merge_same_names(labels, names, vecs, texts, min_similarity=threshold,
                                   encode=encode, synonym_similarity=params.same_synonym_similarity,
                                   carried_similarity=params.same_problem_merge_threshold,
                                   subject_similarity=params.same_subject_merge_threshold)
    return new, [
        {"kept": names[a], "n_kept": int((labels == a).sum()), "merged": names[b],
         "n_merged": int((labels == b).sum()), "cosine": sim}
        for a, b, sim in merges
    ]


def misfit_renames(
    rows: list[dict[str, object]], groups: list[np.ndarray], phrases: list[list[str]],
    texts: list[str], vecs: np.ndarray,
) -> None:
    """Names that fit other themes better than their own renamed as the name step renames
    them (:mod:`voc.themes.misfit`, shipped defaults: off unless ``VOC_BENCH_MISFIT`` gives
    a rank), in place, before clashes."""
    from voc.themes.misfit import rename_misfits
    from voc.themes.table import ThemeDraft
    from voc.themesteps import NameParams

    rank = int(os.environ.get("VOC_BENCH_MISFIT", NameParams().misfit_rank))
    if not rank:
        return

    drafts = [ThemeDraft(int(r["id"]), g, str(r["name"]), ph, [])  # type: ignore[call-overload]
              for r, g, ph in zip(rows, groups, phrases, strict=True)]
    before = [d.name for d in drafts]
    for old, new, size in rename_misfits(drafts, vecs, texts, _word_encoder(), max_rank=rank,
                                         vague_share=NameParams().vague_share):
        log.info("misfit %r (%d) named %r", old, size, new)
    for r, d, g, was in zip(rows, drafts, groups, before, strict=True):
        if d.name != was:
            tx = [texts[i] for i in g]
            r["name"] = d.name
            r["fails"] = check_name(d.name, tx)
            r["on_topic"] = on_topic(d.name, str(r["label"]))


def centred_renames(
    rows: list[dict[str, object]], groups: list[np.ndarray], texts: list[str], vecs: np.ndarray
) -> None:
    """Vague names the name step replaces by the problem span closest to the theme's
    centre (:func:`voc.themes.centred.rename_vague`), in place: the shown name, the name
    checked and its checks."""
    from voc.themes.centred import rename_vague
    from voc.themes.table import ThemeDraft
    from voc.themes.unsaid import rename_unsaid

    drafts = [ThemeDraft(k, g, str(r["shown"]), [], []) for k, (r, g) in
              enumerate(zip(rows, groups, strict=True))]
    renamed = rename_vague(drafts, vecs, texts, _word_encoder())
    renamed += rename_unsaid(drafts, vecs, texts, _word_encoder())
    for old, new, _ in renamed:
        log.info("vague or unsaid %r named %r", old, new)
    for d, r, g in zip(drafts, rows, groups, strict=True):
        if d.name != r["shown"]:
            tx = [texts[i] for i in g]
            r["name"] = r["shown"] = d.name
            r["fails"] = check_name(d.name, tx)
            r["on_topic"] = on_topic(d.name, str(r["label"]))


def phrased_renames(
    rows: list[dict[str, object]], groups: list[np.ndarray], phrases: list[list[str]],
    texts: list[str],
) -> None:
    """Names no phrase their statements write, given one as the name step gives it last
    (:func:`voc.themes.phrased.rephrased`), a mixed name the friction frame its statements
    say (:func:`voc.themes.mixed.framed_mixed`), two-word names fault first as written
    (:func:`voc.themes.wordorder.fault_first`), in place: the shown name, the name
    checked and its checks."""
    from voc.themes.mixed import framed_mixed
    from voc.themes.phrased import rephrased
    from voc.themes.wordorder import fault_first

    for k, (r, g, ph) in enumerate(zip(rows, groups, phrases, strict=True)):
        tx = [texts[i] for i in g]
        taken = [str(o["shown"]) for j, o in enumerate(rows) if j != k]
        new = framed_mixed(rephrased(str(r["shown"]), tx, ph, taken), tx, taken)
        turned = fault_first(new, tx)  # "bag lost" → "lost bag", as the name step ends
        new = turned if turned.lower() not in {t.lower() for t in taken} else new
        if new != r["shown"]:
            log.info("no phrase %r named %r", r["shown"], new)
            r["name"] = r["shown"] = new
            r["fails"] = check_name(new, tx)
            r["on_topic"] = on_topic(new, str(r["label"]))


@lru_cache(maxsize=1)
def _encoder() -> object:
    from voc.embed import Embedder

    return Embedder()


def themes_of(name: str) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, list[int],
                                  list[np.ndarray]]:
    """One set clustered as :func:`name_set` clusters it: texts, reference labels, vectors,
    theme labels, theme ids (largest first, "other" left out) and each theme's rows."""
    from voc.themes.cluster import OTHER

    texts, y = load_set(name)
    vecs = embed(name, texts)
    labels, _ = same_name_merged(texts, vecs, cluster_cached(name, texts, vecs, y))
    ids = [c for c, _ in Counter(labels.tolist()).most_common() if c != OTHER]
    return texts, y, vecs, labels, ids, [np.flatnonzero(labels == c) for c in ids]


def subthemes_cached(
    name: str, texts: list[str], vecs: np.ndarray, labels: np.ndarray, ids: list[int]
) -> dict[int, np.ndarray]:
    """Sub-theme labels of every theme large enough, as the name step splits them."""
    from voc.themes.drafts import subtheme_labels
    from voc.themesteps import ClusterParams

    min_size = ClusterParams().subtheme_min_size
    path = CACHE / f"{name}-subthemes-{_hash(texts, labels.tolist(), min_size, _label_code())}.npz"
    if path.exists():
        with np.load(path) as z:
            return {int(k): z[k] for k in z.files}
    out: dict[int, np.ndarray] = {}
    for c in ids:
        g = np.flatnonzero(labels == c)
        if len(g) >= min_size:
            out[c] = subtheme_labels(vecs[g], [texts[i] for i in g], min_size, 0)
    CACHE.mkdir(parents=True, exist_ok=True)
    np.savez(path, **{str(k): v for k, v in out.items()})
    return out


def name_set(name: str) -> dict[str, object]:
    """Every theme and sub-theme of one set, named by the shipped code, and checked."""
    from voc.themes.cluster import OTHER
    from voc.themes.drafts import name_subthemes
    from voc.themes.naming import key_phrases, theme_name
    from voc.themes.quotes import representative

    texts, y = load_set(name)
    vecs = embed(name, texts)
    from sklearn.metrics import normalized_mutual_info_score

    clustered = cluster_cached(name, texts, vecs, y)
    labels, merges = same_name_merged(texts, vecs, clustered)
    nmi = {"clustered": round(float(normalized_mutual_info_score(y, clustered)), 4),
           "merged": round(float(normalized_mutual_info_score(y, labels)), 4)}
    ids = [c for c, _ in Counter(labels.tolist()).most_common() if c != OTHER]
    groups = [np.flatnonzero(labels == c) for c in ids]
    subs = subthemes_cached(name, texts, vecs, labels, ids)
    from voc.themes.distinct import common_lemmas  # the run's domain words, as named
    from voc.themes.drafts import SUB_COMMON_SHARE

    common = common_lemmas([texts[i] for g in groups for i in g], SUB_COMMON_SHARE)
    phrases = key_phrases([[texts[i] for i in g] for g in groups], n_phrases=8)
    rows: list[dict[str, object]] = []
    for c, g, ph in zip(ids, groups, phrases, strict=True):
        tx = [texts[i] for i in g]
        q = representative(vecs[g], tx, k=4)
        theme = theme_name(ph, tx, tx[q[0]] if q else "")
        label, k = Counter(y[g].tolist()).most_common(1)[0]
        row: dict[str, object] = {
            "id": c,
            "name": theme, "n": len(g), "label": str(label), "label_share": round(k / len(g), 2),
            "fails": check_name(theme, tx), "on_topic": on_topic(theme, str(label)),
            "subthemes": [],
        }
        if c in subs:
            sub = subs[c]
            for s in sorted(name_subthemes(sub, tx, theme, common), key=lambda s: -s.n_statements):
                sg = np.flatnonzero(sub == s.label)
                stx = [tx[i] for i in sg]
                slabel, sk = Counter(y[g][sg].tolist()).most_common(1)[0]
                row["subthemes"].append({  # type: ignore[union-attr]
                    "name": s.name, "n": len(sg), "label": str(slabel),
                    "fails": check_name(s.name, stx, theme, tx),
                    "on_topic": on_topic(s.name, str(slabel)),
                })
        rows.append(row)
    misfit_renames(rows, groups, phrases, texts, vecs)
    from voc.themes.distinct import (  # as the name step applies it
        common_lemmas,
        distinct_names,
        n_duplicates,
    )

    names = [str(r["name"]) for r in rows]
    tx = [[texts[i] for i in g] for g in groups]
    after = distinct_names(names, tx, common=common_lemmas([t for g in tx for t in g]))
    from voc.themes.mixed import framed_mixed_names  # a mixed twin's frame, before it folds

    after = framed_mixed_names(after, tx)
    # themes nothing names are folded into "other", as the name step folds them
    gone, folded = folded_into_other(after, groups, labels)
    nmi["folded"] = round(float(normalized_mutual_info_score(y, folded)), 4)
    from voc.themes.numbered import renumbered

    kept = [k for k in range(len(rows)) if k not in gone]
    rows = [rows[k] for k in kept]
    names = [names[k] for k in kept]
    after = renumbered([after[k] for k in kept], [len(groups[k]) for k in kept])
    for r, shown in zip(rows, after, strict=True):
        r["shown"] = shown  # the name the report shows, after clashes between themes
    centred_renames(rows, [groups[ids.index(r["id"])] for r in rows], texts, vecs)  # type: ignore[arg-type]
    phrased_renames(rows, [groups[ids.index(r["id"])] for r in rows],  # type: ignore[arg-type]
                    [phrases[ids.index(r["id"])] for r in rows], texts)  # type: ignore[arg-type]
    after = [str(r["shown"]) for r in rows]
    subrows = [s for r in rows for s in r["subthemes"]]  # type: ignore[attr-defined]

    def share(items: list[dict[str, object]], key: str) -> float:
        if not items:
            return 0.0
        if key == "pass":  # the rules up to round 8
            return round(
                sum(not set(r["fails"]) - {"unattested", "as_written"} for r in items)  # type: ignore[arg-type]
                / len(items), 3
            )
        if key == "pass_attested":
            return round(
                sum(not set(r["fails"]) - {"as_written"} for r in items) / len(items), 3  # type: ignore[arg-type]
            )
        if key == "pass_written":
            return round(sum(not r["fails"] for r in items) / len(items), 3)
        return round(sum(bool(r[key]) for r in items) / len(items), 3)

    for r in rows:  # the ``unattested`` rule at other shares, for comparison
        tx = [texts[i] for i in groups[ids.index(r["id"])]]  # type: ignore[arg-type]
        r["attested_at"] = {
            str(sh): "unattested" not in check_name(str(r["name"]), tx, share=sh)
            for sh in OTHER_SHARES
        }
    fails = Counter(f for r in rows + subrows for f in r["fails"])  # type: ignore[attr-defined]
    return {
        "n_themes": len(rows), "n_subthemes": len(subrows),
        "pass_share": share(rows, "pass"), "on_topic_share": share(rows, "on_topic"),
        "pass_share_attested": share(rows, "pass_attested"),
        "pass_share_written": share(rows, "pass_written"),
        "sub_pass_share_attested": share(subrows, "pass_attested"),
        "sub_pass_share_written": share(subrows, "pass_written"),
        "pass_share_attested_at": {
            str(sh): round(sum(
                not set(r["fails"]) - {"unattested", "as_written"} and r["attested_at"][str(sh)]  # type: ignore[index,arg-type]
                for r in rows
            ) / max(len(rows), 1), 3)
            for sh in OTHER_SHARES
        },
        "sub_pass_share": share(subrows, "pass"), "sub_on_topic_share": share(subrows, "on_topic"),
        "fail_counts": dict(fails.most_common()), "themes": rows,
        "duplicate_names": {"before": n_duplicates(names), "after": n_duplicates(after)},
        "distinct_names": after, "same_name_merges": merges, "nmi": nmi,
        "n_folded": len(gone), "other_share": round(float((folded == OTHER).mean()), 4),
    }


def folded_into_other(
    names: list[str], groups: list[np.ndarray], labels: np.ndarray
) -> tuple[set[int], np.ndarray]:
    """Positions of the themes (``names``, rows ``groups``) the name step folds into
    "other" (:mod:`voc.themes.fold`, shipped defaults) and the labels once folded."""
    from voc.themes.cluster import OTHER
    from voc.themes.fold import choose_folds
    from voc.themesteps import NameParams

    folds = choose_folds(
        names, [len(g) for g in groups], len(labels), int((labels == OTHER).sum()),
        NameParams().other_max_share,
    )
    gone = {f.position for f in folds if f.folded}
    out = labels.copy()
    for k in gone:
        out[groups[k]] = OTHER
    return gone, out


def _line(r: dict[str, object], indent: str = "") -> str:
    mark = "ok  " if not r["fails"] else "FAIL"
    topic = "on " if r["on_topic"] else "off"
    why = f"  [{', '.join(r['fails'])}]" if r["fails"] else ""  # type: ignore[arg-type]
    shown = str(r.get("shown", r["name"]))
    drafted = f"  (drafted {r['name']!r})" if shown != r["name"] else ""
    return f"{indent}{mark} {topic} {r['n']:>5}  {shown!r:<40} {r['label']}{why}{drafted}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="banking77,airline,cfpb")
    ap.add_argument("--show", type=int, default=0, help="print only this many largest (0: all)")
    ap.add_argument("--out", default=str(ROOT / "out" / "bench_names.json"))
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not EVAL.exists():
        print(f"error: {EVAL} not found (the shared eval data)", file=sys.stderr)
        return 1
    results: dict[str, dict[str, object]] = {}
    for name in args.sets.split(","):
        res = name_set(name)
        results[name] = res
        rows = res["themes"]
        print(f"== {name}: {res['n_themes']} themes, {res['n_subthemes']} sub-themes")
        for r in rows[: args.show or None]:  # type: ignore[index]
            print(_line(r))
            for s in r["subthemes"]:
                print(_line(s, "      "))
        print(
            f"{name}: themes pass {res['pass_share']} (with unattested "
            f"{res['pass_share_attested']}), on topic {res['on_topic_share']}; "
            f"sub-themes pass {res['sub_pass_share']} (with unattested "
            f"{res['sub_pass_share_attested']}), on topic {res['sub_on_topic_share']}; "
            f"failures {res['fail_counts']}"
        )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=2), encoding="utf-8")
    for name, res in results.items():
        print(
            f"SUMMARY {name}: themes {res['n_themes']} pass {res['pass_share']} "
            f"+unattested {res['pass_share_attested']} +as_written {res['pass_share_written']} "
            f"on-topic {res['on_topic_share']} | "
            f"at shares {res['pass_share_attested_at']} | "
            f"sub-themes {res['n_subthemes']} pass {res['sub_pass_share']} "
            f"+unattested {res['sub_pass_share_attested']} "
            f"+as_written {res['sub_pass_share_written']} on-topic {res['sub_on_topic_share']} | "
            f"duplicate names {res['duplicate_names']} | same-name merges "
            f"{len(res['same_name_merges'])} NMI {res['nmi']} | folded into other "
            f"{res['n_folded']}, other share {res['other_share']}"  # type: ignore[arg-type]
        )
        for m in res["same_name_merges"]:  # type: ignore[attr-defined]
            print(f"  merged {m['merged']!r} ({m['n_merged']}) into {m['kept']!r} "
                  f"({m['n_kept']}), cosine {m['cosine']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The subject of a theme: the noun phrase its statements are about, and how they judge it.

:func:`subject_phrase` picks the subject from the class-based TF-IDF key phrases and
the theme's noun phrases ("card verification" over "verification"); :func:`main_noun`
is the noun most statements say; :func:`paired` puts a one-word problem with the noun
it is said of ("flight delayed"); :func:`judgement` finds the word the statements put
before the subject ("awful customer service").
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from voc.themes.lemmas import lemma
from voc.themes.pos import glued, parse
from voc.themes.predicate import evaluative_lemmas, problem_lemmas
from voc.themes.wording import (
    BOILERPLATE,
    REDACTED,
    TIME_WORDS,
    lemma_key,
    proper_names,
    surface,
    tokens,
)

#: How many single-word key phrases a theme's subject is looked for among, and the
#: share of its statements a multi-word subject must be said in.
TOP_WORDS = 8
MIN_NOUN_SHARE = 0.08


def subject_phrase(phrases: Sequence[str], texts: Sequence[str], fallback: str = "") -> str:
    """A short name a person would write, from the key phrases and the theme's texts.

    The best key phrase is used when it already has several words ("pricing
    page"). Otherwise the most frequent multi-word noun phrase of the theme that
    contains its top key words wins ("card verification" over "verification",
    "charged twice" over "charged"), weighted by how many of them it holds and how
    high they rank. A noun phrase said by fewer than ``MIN_NOUN_SHARE`` of the
    theme's statements is a detail of a few of them ("single transaction" in a bank
    sync theme), not its subject.
    """
    if not phrases:
        words = tokens(fallback)[:5]
        return " ".join(words) if words else "unnamed theme"
    if " " in phrases[0]:
        return phrases[0]
    top = [lemma_key(p) for p in phrases if " " not in p][:TOP_WORDS]
    min_count = max(2, math.ceil(MIN_NOUN_SHARE * len(texts)))
    df: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = {}
    for text in texts:
        found = parse(text).nouns  # a subject is a noun phrase ("card verification")
        df.update(found.keys())
        for key, said in found.items():
            shown.setdefault(key, Counter())[said] += 1
    best: tuple[float, str] | None = None
    for key, count in sorted(df.items()):
        if " " not in key or count < min_count or any(REDACTED.fullmatch(w) for w in key.split()):
            continue
        words = set(key.split())
        weight = sum(len(top) - i for i, u in enumerate(top) if u in words)
        if weight == 0:
            continue
        score = count * weight / (1 + 0.3 * key.count(" "))
        if best is None or score > best[0]:
            best = (score, key)
    return surface(shown[best[1]]) if best else phrases[0]


#: Words between a noun and the problem word that do not break the pair ("flight was
#: delayed", "missed my connection").
_BETWEEN = frozenset({"a", "an", "the", "my", "our", "your", "his", "her", "their", "was",
                      "were", "is", "are", "been", "be", "being", "got", "get", "has", "have",
                      "had", "just", "again", "still", "all", "so"})


def _is_noun(phrase: str) -> bool:
    """Whether the tagger reads ``phrase`` as a noun phrase of its own."""
    return lemma_key(phrase) in parse(phrase).nouns


def main_noun(texts: Sequence[str], min_share: float = 0.15) -> str:
    """The noun phrase most of the statements say (not the most distinctive one): "top-up"
    in a theme whose best key phrase is "go through"; "" when under ``min_share``."""
    df: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = {}
    uniq = list(dict.fromkeys(texts))
    names = proper_names(uniq)
    for text in uniq:
        found = {
            k: v for k, v in parse(text).nouns.items()
            if k.count(" ") < 2
            and not any(REDACTED.fullmatch(w) or w in TIME_WORDS or w in names or w in BOILERPLATE
                        for w in k.split())
        }
        df.update(found.keys())
        for key, said in found.items():
            shown.setdefault(key, Counter())[said] += 1
    if not df:
        return ""
    key, n = min(df.items(), key=lambda kv: (-kv[1], kv[0].count(" "), kv[0]))
    if n < max(2, min_share * len(uniq)):
        return ""
    longer = [k for k in df if k.endswith(" " + key) and df[k] * 2 >= n]
    if longer:
        key = min(longer, key=lambda k: (-df[k], k))
    return surface(shown[key])


def paired(problem: str, phrases: Sequence[str], texts: Sequence[str]) -> str:
    """A one-word problem ("delayed", "miss") with the noun its statements say it of,
    in their order and words: "flight delayed", "missed connection"; "" if none is said
    by at least two statements and ``MIN_NOUN_SHARE`` of them."""
    plem = lemma(problem.lower())
    names = proper_names(texts)
    nouns = {
        lemma_key(p).split()[-1] for p in phrases
        if lemma_key(p) != plem and _is_noun(p) and p.lower() not in names
    }
    spans = {lemma_key(p) for p in phrases if " " in p and _is_noun(p)}
    counts: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = {}
    for text in dict.fromkeys(texts):
        toks = [w for w in tokens(text) if not w.startswith("[")]
        lems = [lemma(w) for w in toks]
        seen: set[str] = set()
        for i, lem in enumerate(lems):
            if lem != plem:
                continue
            for step in (-1, 1):  # the noun before ("flight was delayed") or after it
                j = i + step
                while 0 <= j < len(toks) and toks[j] in _BETWEEN and abs(j - i) < 3:
                    j += step
                if not 0 <= j < len(toks) or lems[j] not in nouns or glued(toks[j]):
                    continue
                noun = toks[j]
                if step < 0:  # the whole noun phrase before it: "cash withdrawal pending"
                    for span in spans:
                        n = span.count(" ") + 1
                        if j - n + 1 >= 0 and " ".join(lems[j - n + 1 : j + 1]) == span:
                            noun = " ".join(toks[j - n + 1 : j + 1])
                            break
                pair = (noun, toks[i]) if step < 0 else (toks[i], noun)
                key = " ".join(lemma(w) for w in pair)
                if key not in seen:
                    seen.add(key)
                    counts[key] += 1
                    shown.setdefault(key, Counter())[" ".join(pair)] += 1
    if not counts:
        return ""
    key, n = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if n < max(2, math.ceil(MIN_NOUN_SHARE * len(set(texts)))):
        return ""
    return surface(shown[key])


#: Words that judge a subject as people write them, besides the cue file's.
JUDGEMENTS = frozenset(
    {"bad", "poor", "worse", "worst", "terrible", "awful", "horrible", "rude", "unhelpful",
     "lousy", "pathetic", "appalling", "shocking", "atrocious", "abysmal", "disgraceful",
     "slow", "broken", "wrong", "confusing", "unclear", "hidden", "extra", "unexpected"}
)


def evaluated(subject: str, texts: Sequence[str]) -> str:
    """The subject with the judgement its statements most often put before it (see
    :func:`judgement`), or ""."""
    return judgement(subject, texts)[0]


def judgement(subject: str, texts: Sequence[str]) -> tuple[str, int]:
    """The subject with the judgement its statements most often put before it:
    "awful customer service", "worst airline", "no response"; "" when fewer than two and
    ``MIN_NOUN_SHARE`` of the statements say one; and how many statements judge it.

    Judgements are the words of the cue file's groups (problem or evaluative: "awful",
    "terrible", "slow", "broken") directly before the subject's words.
    """
    words = [lemma(w) for w in subject.lower().split()]
    if not words:
        return "", 0
    cues = evaluative_lemmas() | problem_lemmas() | JUDGEMENTS
    counts: Counter[str] = Counter()
    said = 0
    for text in dict.fromkeys(texts):
        toks = tokens(text)
        lems = [lemma(w) for w in toks]
        seen: set[str] = set()
        for i in range(1, len(toks) - len(words) + 1):
            if lems[i : i + len(words)] != words:
                continue
            j = i - 1
            if j > 0 and toks[j] in ("very", "really", "so", "such", "the", "your", "a"):
                j -= 1  # "the worst customer service", "really poor service"
            if (lems[j] in cues or toks[j] in ("no", "zero")) and toks[j] not in seen:
                seen.add(toks[j])
                counts[toks[j]] += 1
        said += bool(seen)
    if not counts:
        return "", 0
    # judgements vary ("awful", "poor", "worst"): the share saying any counts, the most
    # frequent word is shown, if at least two say it
    word, n = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if n < 2 or said < max(2, math.ceil(MIN_NOUN_SHARE * len(set(texts)))):
        return "", 0
    return " ".join([word, *subject.split()][-5:]), said



#: Words people put beside a subject to say what is wrong with it: after it ("flight
#: delayed", "bag lost", "website down") or before it ("rude staff", "no response",
#: "long wait"); besides the cue file's problem words and :data:`JUDGEMENTS`.
SAID_WRONG = frozenset(
    {"delayed", "late", "cancelled", "canceled", "lost", "missing", "stuck", "damaged",
     "broken", "rude", "no", "never", "denied", "declined", "refused", "failed", "closed",
     "frozen", "locked", "blocked", "overbooked", "unanswered", "ignored", "expired",
     "useless", "down", "long", "incorrect", "inaccurate", "unauthorized", "fraudulent",
     "missed", "misapplied", "unpaid", "disputed", "harassing", "charged", "stranded",
     "zero", "lame", "canned", "poor", "nonexistent", "slow", "full", "dirty", "lack"}
)
#: Of those, the words that come after the subject as people say it ("flight delayed").
SAID_AFTER = frozenset({"delayed", "late", "cancelled", "canceled", "lost", "missing", "stuck",
                    "stopped", "damaged", "broken", "denied", "declined", "refused", "failed",
                    "closed", "frozen", "locked", "blocked", "overbooked", "unanswered", "ignored",
                    "expired", "useless", "down", "incorrect", "inaccurate", "missed",
                    "misapplied", "disputed", "charged", "stranded", "wrong"})
#: Share of a theme's statements that must say a problem beside its subject.
MIN_SAID_SHARE = 0.05
_INTENSIFIERS = frozenset({"very", "really", "so", "such", "extremely", "the", "your", "a", "an",
                           "my", "our", "any", "totally", "completely"})


def subject_problem(subject: str, texts: Sequence[str]) -> tuple[str, int]:
    """The subject with the word its statements most often put beside it to say what is
    wrong, in their order: "flight delayed", "no response", "rude gate agent"; and how
    many statements say it ("", 0 when fewer than two and ``MIN_NOUN_SHARE`` do)."""
    words = [lemma(w) for w in subject.lower().split()]
    if not words:
        return "", 0
    wrong = SAID_WRONG | JUDGEMENTS | problem_lemmas()
    counts: Counter[tuple[str, bool]] = Counter()
    uniq = list(dict.fromkeys(texts))
    said = 0
    for text in uniq:
        toks = [w for w in tokens(text) if not w.startswith("[")]
        lems = [lemma(w) for w in toks]
        seen: set[tuple[str, bool]] = set()
        for i in range(len(toks) - len(words) + 1):
            if lems[i : i + len(words)] != words:
                continue
            j = i - 1
            while j > 0 and toks[j] in _INTENSIFIERS and i - j < 3:
                j -= 1
            if j >= 0 and (toks[j] in wrong or lems[j] in wrong) and not glued(toks[j]):
                seen.add((toks[j], False))
            k = i + len(words)
            while k < len(toks) and toks[k] in _BETWEEN and k - i - len(words) < 3:
                k += 1
            if k < len(toks) and toks[k] in SAID_AFTER:
                seen.add((toks[k], True))
        counts.update(seen)
        said += bool(seen)
    if not counts:
        return "", 0
    # the wordings vary ("no response", "zero response", "lame response"): the share
    # saying any counts, the most frequent word is shown
    # ties: the plainest word ("no response" over "canned response")
    (word, after), n = min(
        counts.items(), key=lambda kv: (-kv[1], kv[0][0] not in ("no", "never"), kv[0][1], kv[0][0])
    )
    if said < max(2, math.ceil(MIN_SAID_SHARE * len(uniq))):
        return "", 0
    if not after and word in SAID_AFTER and word.endswith("ed"):
        after = True  # "delayed flight" reads as "flight delayed"
    named = [*subject.split(), word] if after else [word, *subject.split()]
    return " ".join(named[-5:]), said



def problem_with(subject: str, texts: Sequence[str]) -> str:
    """The subject with the problem word most of the statements that say it also say,
    anywhere in them ("flight" + "delayed" in "2nd flight also delayed, no pilots"): the
    last resort for a subject no problem is said beside; "" unless two statements and
    ``MIN_SAID_SHARE`` of them say the same word."""
    words = [lemma(w) for w in subject.lower().split()]
    if not words:
        return ""
    wrong = SAID_WRONG | JUDGEMENTS | problem_lemmas()
    counts: Counter[str] = Counter()
    uniq = list(dict.fromkeys(texts))
    for text in uniq:
        toks = [w for w in tokens(text) if not w.startswith("[")]
        lems = [lemma(w) for w in toks]
        if not any(lems[i : i + len(words)] == words for i in range(len(toks))):
            continue
        counts.update({w for w, m in zip(toks, lems, strict=True)
                       if (w in wrong or m in wrong) and m not in words and not glued(w)
                       and w not in ("never", "down", "long", "full", "lack")})
    if not counts:
        return ""
    word, n = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if n < max(2, math.ceil(MIN_SAID_SHARE * len(uniq))):
        return ""
    named = [*subject.split(), word] if word in SAID_AFTER else [word, *subject.split()]
    return " ".join(named[-5:])


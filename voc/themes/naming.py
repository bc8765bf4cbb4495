"""Name themes with short readable phrases chosen by class-based TF-IDF.

Candidates are the noun phrases and verb phrases a part-of-speech tagger finds
(:mod:`voc.themes.pos`: "bank sync", "card verification", "charged twice", "not
load"), keyed by lemmas so inflections count as one phrase, shown in the theme's
most frequent wording; stop words, placeholders, numbers and chat boilerplate are
never part of one. A phrase scores by how much more frequent it is in the theme than
across all themes (c-TF-IDF), and must occur in several of the theme's statements.
Two- and three-word phrases are preferred when they score close to the best single
word, because "charged twice" says more than "charged".

A theme's name is its subject (the best noun phrase) plus what goes wrong, taken
from the clauses of its statements whose subject it is ("card verification" +
"failed"), so names read like "card verification failed" or "bank sync keeps
disconnecting".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from voc.themes.asked import question_name
from voc.themes.lemmas import lemma
from voc.themes.pos import glued, parse
from voc.themes.pos import phrases as phrases_of
from voc.themes.predicate import (
    best_predicate,
    compose,
    evaluative_lemmas,
    is_problem,
    problem_lemmas,
)

_REDACTED = re.compile(r"x{2,}")
#: Words of times and durations: "pm", "hrs", "today" are when, never what.
_TIME_WORDS = frozenset({"am", "pm", "hr", "hrs", "min", "mins", "sec", "secs", "today",
                         "tonight", "tomorrow", "yesterday", "morning", "evening", "night"})
_TOKEN = re.compile(r"\[[a-z]+\]|[a-z][a-z'’\-]*[a-z]|[a-z]")
NGRAM_BONUS = {1: 1.0, 2: 1.6, 3: 1.5}


def tokens(text: str) -> list[str]:
    """Lowercase word tokens; placeholders like [EMAIL] kept as-is to be excluded later."""
    t = text.lower().replace("’", "'")
    return [w.strip("'-") for w in _TOKEN.findall(t)]


def _surface(forms: Counter[str]) -> str:
    """The most frequent surface form of a phrase (ties: alphabetical)."""
    return min(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _lemma_key(phrase: str) -> str:
    return " ".join(lemma(w) for w in phrase.lower().split())


def key_phrases(
    clusters: Sequence[Sequence[str]],
    n_phrases: int = 8,
    max_n: int = 3,
    min_doc_share: float = 0.08,
) -> list[list[str]]:
    """Key phrases per cluster (best first) from each cluster's statement texts.

    Class-based TF-IDF over the lemmas of noun and verb phrases
    (:func:`voc.themes.pos.phrases`): "charged twice", "charge twice" and
    "charges twice" count as one phrase, shown in its most frequent wording.
    """
    per_cluster: list[Counter[str]] = []
    forms: list[dict[str, Counter[str]]] = []
    total: Counter[str] = Counter()
    for texts in clusters:
        c: Counter[str] = Counter()
        f: dict[str, Counter[str]] = {}
        for text in texts:
            found = phrases_of(text, max_n)
            c.update(found.keys())  # document frequency within the cluster
            for key, surface in found.items():
                f.setdefault(key, Counter())[surface] += 1
        per_cluster.append(c)
        forms.append(f)
        total.update(c)
    n_clusters = max(len(clusters), 1)
    out: list[list[str]] = []
    for texts, counts, f in zip(clusters, per_cluster, forms, strict=True):
        n_docs = max(len(texts), 1)
        min_df = max(2, math.ceil(min_doc_share * n_docs)) if n_docs >= 4 else 1
        scored: list[tuple[float, str]] = []
        for key, df in counts.items():
            if df < min_df:
                continue
            tf = df / n_docs
            idf = math.log(1 + n_clusters * df / total[key])
            n = key.count(" ") + 1
            scored.append((tf * idf * NGRAM_BONUS.get(n, 1.0), key))
        scored.sort(key=lambda s: (-s[0], s[1]))
        chosen: list[str] = []
        for _, key in scored:
            if any(f" {key} " in f" {c} " or f" {c} " in f" {key} " for c in chosen):
                continue
            chosen.append(key)
            if len(chosen) == n_phrases:
                break
        out.append([_surface(f[k]) for k in chosen])
    return out


#: What went wrong, as a person would say it: (pattern over lowercase text, phrase).
PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), name)
    for p, name in (
        (r"\b(charged|billed) (me )?(twice|double|two times)|double[- ]charg|duplicate charge",
         "charged twice"),
        (r"\b(crash|crashes|crashed|crashing)\b", "crashes"),
        (r"\b(fail|fails|failed|failing|failure)\b", "fails"),
        (r"\b(not|n't|never|stopped) (work|working|load|loading|sync|syncing|connect|"
         r"connecting)\b|\bbroken\b", "not working"),
        (r"\b(declined|rejected|refused)\b", "declined"),
        (r"\b(missing|disappeared|vanished)\b", "missing"),
        (r"\b(wrong|incorrect|inaccurate)\b", "wrong"),
        (r"\b(slow|sluggish|takes forever|lag|lags|laggy)\b", "slow"),
        (r"\b(locked out|can't log|cannot log|can not log|unable to log)", "cannot log in"),
        (r"\bon hold\b", "on hold"),
        (r"\b(waiting|waited|no response|no reply|never heard|days later|still waiting)\b",
         "long wait"),
        (r"\b(confus\w*|unclear|hard to find|can't find|cannot find|no idea how)\b",
         "confusing"),
        (r"\b(too expensive|overpriced|price increase|price hike|costs too much)\b",
         "too expensive"),
        (r"\b(error|errors)\b", "errors"),
    )
)


def problem_phrase(texts: Sequence[str], min_share: float = 0.2) -> str:
    """The most frequent way things go wrong in ``texts`` (in at least ``min_share``)."""
    counts: Counter[str] = Counter()
    for text in texts:
        t = text.lower().replace("’", "'")
        counts.update({name for pat, name in PROBLEMS if pat.search(t)})
    if not counts:
        return ""
    order = {name: i for i, (_, name) in enumerate(PROBLEMS)}
    name, n = min(counts.items(), key=lambda kv: (-kv[1], order[kv[0]]))
    return name if n >= max(2, min_share * len(texts)) else ""


#: When fewer of a theme's statements than this say one of its two best key phrases,
#: the theme has no shared subject to be named after.
MIN_SUBJECT_SHARE = 0.25


def _share_saying(phrases: Sequence[str], texts: Sequence[str]) -> float:
    """Share of ``texts`` holding every lemma of at least one of ``phrases``."""
    wants = [w for w in ({lemma(t) for t in tokens(p)} for p in phrases) if w]
    if not texts or not wants:
        return 0.0
    said = [{lemma(w) for w in tokens(t)} for t in texts]
    return sum(any(w <= s for w in wants) for s in said) / len(texts)


_NOT_VERBS = frozenset({"not", "never", "no", "cannot", "twice", "again"})


def predicate_phrase(subject: str, texts: Sequence[str], min_share: float = 0.15) -> str:
    """What the theme's statements say goes wrong with ``subject``, as most of them word it.

    Clauses whose noun phrase ends in the subject's head word ("card verification
    failed" for "card verification") vote for their verb phrase; the most frequent one
    wins when at least two statements and ``min_share`` of them say it.
    """
    words = [lemma(w) for w in subject.lower().split()]
    if not words:
        return ""
    head = words[-1]
    df: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = {}
    for text in texts:
        seen: set[str] = set()
        for nkey, vkey, surface in parse(text).clauses.values():
            if nkey.split()[-1] != head:
                continue
            vwords = vkey.split()
            shown_words = surface.split()[len(nkey.split()) :]
            # "failed" and "failed again" both say "failed": every prefix gets the vote
            for n in range(1, len(vwords) + 1):
                key = " ".join(vwords[:n])
                if key in seen or vwords[n - 1] in words or set(vwords[:n]) <= _NOT_VERBS:
                    continue
                seen.add(key)
                df[key] += 1
                shown.setdefault(key, Counter())[" ".join(shown_words[:n])] += 1
    if not df:
        return ""
    # a longer verb phrase said as often is more specific ("keeps disconnecting")
    vkey, n = min(df.items(), key=lambda kv: (-kv[1], -kv[0].count(" "), kv[0]))
    if n < max(2, min_share * len(texts)):
        return ""
    return _surface(shown[vkey])


def theme_name(phrases: Sequence[str], texts: Sequence[str], fallback: str = "") -> str:
    """A short name a person would write: what is affected, plus what goes wrong.

    The subject comes from the key phrases (:func:`subject_phrase`). What goes wrong
    is the verb phrase the theme's statements use with that subject
    (:func:`predicate_phrase`: "bank sync" + "keeps disconnecting"), else the way of
    going wrong most of them share ("fails", "charged twice", "long wait"), appended
    unless the subject already says it.
    """
    # redaction marks ("XXXX" in CFPB narratives, "xx/xx/2019") and times of day name nothing
    phrases = [
        p for p in phrases
        if not any(_REDACTED.fullmatch(w) for w in p.lower().split())
        and not set(p.lower().split()) <= _TIME_WORDS
    ]
    subject = subject_phrase(phrases, texts, fallback)
    if subject == "unnamed theme":
        return subject
    sw = subject.split()
    while len(sw) > 1 and sw[0].lower() in _TIME_WORDS:
        sw = sw[1:]  # "pm flight": the flight
    subject = " ".join(sw)
    top = list(phrases[:2]) or [subject]
    # a theme of questions ("How do I top up?") is named by what it asks
    asked = question_name(texts)
    if _share_saying(top, texts) < MIN_SUBJECT_SHARE and len(texts) >= 5:
        # no subject most statements share ("casual user" said by 2 of 11): name the
        # shared way of going wrong, or say plainly that nothing specific is shared
        return problem_phrase(texts) or asked or "unspecific complaints"
    main = "" if parse(subject).nouns else main_noun(texts)
    if is_problem(subject, cues=False):
        if " " not in subject:
            # "delayed" says what goes wrong but not with what: "flight delayed"
            pair = paired(subject, [*phrases, *([main] if main else [])], texts)
            return pair or asked or (f"{main} {subject}" if main else subject)
        return subject  # "charged twice", "discount code declined": it says what goes wrong
    if main and not is_problem(subject):
        subject = main  # "go through" is what happens to the "top-up": the subject
    pred = best_predicate(subject, texts)
    if pred is not None:
        # few say the shown word ("customer service miss"), or more statements judge the
        # subject than say the problem: the shared judgement says more
        judged, n_judged = judgement(subject, texts)
        if judged and (pred.weak or n_judged > pred.support):
            return judged
        return compose(subject, pred)
    predicate = predicate_phrase(subject, texts)
    if predicate and is_problem(predicate):
        return f"{subject} {predicate}"
    problem = problem_phrase(texts, min_share=0.15)
    if problem and not _said_in(problem, texts):
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
    if not _said_in(problem, texts):
        # in the statements' words: "waiting for agent", not an invented "long wait"
        said = literal_problem(problem, texts)
        if said in ("waiting", "waited", "still waiting"):
            return f"{said} for {subject}" if _said_in("for", texts) else f"{subject} {said}"
        if said.startswith(("no ", "never ")):
            return f"{said} from {subject}" if _said_in("from", texts) else f"{subject} {said}"
        return f"{subject} {said}" if said else subject
    if problem == "long wait":
        return f"long wait for {subject}"
    return f"{subject} {problem}"


def literal_problem(problem: str, texts: Sequence[str]) -> str:
    """The wording of ``problem`` (a name of :data:`PROBLEMS`) most statements use."""
    counts: Counter[str] = Counter()
    for text in texts:
        t = text.lower().replace("’", "'")
        for pat, name in PROBLEMS:
            if name == problem and (m := pat.search(t)):
                counts[m.group(0).strip()] += 1
    # ties: the longer wording says more ("still waiting" over "waited")
    return min(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0] if counts else ""


def _said_in(phrase: str, texts: Sequence[str]) -> bool:
    """Whether every word of ``phrase`` is a word of ``texts``."""
    said = {w for t in texts for w in tokens(t)}
    return all(w in said for w in tokens(phrase))


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
    top = [_lemma_key(p) for p in phrases if " " not in p][:TOP_WORDS]
    min_count = max(2, math.ceil(MIN_NOUN_SHARE * len(texts)))
    df: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = {}
    for text in texts:
        found = parse(text).nouns  # a subject is a noun phrase ("card verification")
        df.update(found.keys())
        for key, surface in found.items():
            shown.setdefault(key, Counter())[surface] += 1
    best: tuple[float, str] | None = None
    for key, count in sorted(df.items()):
        if " " not in key or count < min_count or any(_REDACTED.fullmatch(w) for w in key.split()):
            continue
        words = set(key.split())
        weight = sum(len(top) - i for i, u in enumerate(top) if u in words)
        if weight == 0:
            continue
        score = count * weight / (1 + 0.3 * key.count(" "))
        if best is None or score > best[0]:
            best = (score, key)
    return _surface(shown[best[1]]) if best else phrases[0]


#: Words between a noun and the problem word that do not break the pair ("flight was
#: delayed", "missed my connection").
_BETWEEN = frozenset({"a", "an", "the", "my", "our", "your", "his", "her", "their", "was",
                      "were", "is", "are", "been", "be", "being", "got", "get", "has", "have",
                      "had", "just", "again", "still", "all", "so"})


def _is_noun(phrase: str) -> bool:
    """Whether the tagger reads ``phrase`` as a noun phrase of its own."""
    return _lemma_key(phrase) in parse(phrase).nouns


def main_noun(texts: Sequence[str], min_share: float = 0.15) -> str:
    """The noun phrase most of the statements say (not the most distinctive one): "top-up"
    in a theme whose best key phrase is "go through"; "" when under ``min_share``."""
    df: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = {}
    uniq = list(dict.fromkeys(texts))
    for text in uniq:
        found = {
            k: v for k, v in parse(text).nouns.items()
            if k.count(" ") < 2
            and not any(_REDACTED.fullmatch(w) or w in _TIME_WORDS for w in k.split())
        }
        df.update(found.keys())
        for key, surface in found.items():
            shown.setdefault(key, Counter())[surface] += 1
    if not df:
        return ""
    key, n = min(df.items(), key=lambda kv: (-kv[1], kv[0].count(" "), kv[0]))
    if n < max(2, min_share * len(uniq)):
        return ""
    longer = [k for k in df if k.endswith(" " + key) and df[k] * 2 >= n]
    if longer:
        key = min(longer, key=lambda k: (-df[k], k))
    return _surface(shown[key])


def paired(problem: str, phrases: Sequence[str], texts: Sequence[str]) -> str:
    """A one-word problem ("delayed", "miss") with the noun its statements say it of,
    in their order and words: "flight delayed", "missed connection"; "" if none is said
    by at least two statements and ``MIN_NOUN_SHARE`` of them."""
    plem = lemma(problem.lower())
    nouns = {_lemma_key(p).split()[-1] for p in phrases if _lemma_key(p) != plem and _is_noun(p)}
    spans = {_lemma_key(p) for p in phrases if " " in p and _is_noun(p)}
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
    return _surface(shown[key])


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

"""Names for themes headed for "mixed complaints": a distinctive subject, in a problem
frame when enough statements share one.

A theme whose statements share no attested problem phrase was called "mixed complaints
about X and Y", after the nouns most of them say ("flight", the airline domain word, often
one of them); every blind reader took those names as vague. :func:`frame_name` tries, in
order:

1. **subject in a frame**: a *frame* is a closed class of cue words saying one kind of
   problem (:data:`FRAMES`: waiting, no answer, hanging up, confusion, judging), so
   "8 weeks to refund", "still waiting for my refund" and "taking two months to refund"
   all carry "refund" in the waiting frame. The pair (distinctive subject, frame) carried
   by the most distinct statements (cue within :data:`WINDOW` tokens of the subject) names
   the theme in the frame's template ("waiting for refund", "phone not answered") when
   :data:`FRAME_SHARE` of them carry it;
2. **a shared frame**: a frame :data:`SHARED_SHARE` of the statements say, with the key
   noun its cues are said beside most ("system hangs up");
3. **a subject most of them say**: the best key noun said by :data:`SUBJECT_MAJORITY` of
   them, or two said together by that many, with a plain head ("seat problems", "ticket and
   refund problems"), when it is a thing a team owns said as a noun (not "delta", "svc",
   "kids", "home", "charge me": :mod:`voc.themes.owned`).

Subjects are the theme's best class-based TF-IDF key phrases that are nouns, never a
problem noun ("delay"), and never a domain word: a noun said by :data:`DOMAIN_LIFT` times
as many statements as a better-ranked key phrase ranks lower only because every theme says
it ("flight" under "food"). Template words are written by the statements (a template
whose words they do not write is skipped), except the plain head "problems", which, like
"mixed complaints", is the report's word. "" when nothing holds: the theme stays mixed
(content-free tweets like "No kidding. Oy." do).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.owned import handles, owned
from voc.themes.plain import problem_nouns, singular
from voc.themes.pos import glued, lexicon_tag, parse
from voc.themes.said import VAGUE_NOUNS
from voc.themes.subjects import JUDGEMENTS
from voc.themes.wording import REDACTED, TIME_WORDS, boilerplate, proper_names, tokens
from voc.themes.written import clauses

__all__ = ["FRAMES", "Frame", "frame_name", "framed"]

#: Share of a theme's distinct statements that must carry the subject in the frame: a
#: fifth, so a name read as what the theme is about is said (in some wording) by one in
#: five. On the airline, CFPB and Banking77 themes once mixed none reaches it (the most:
#: "seat" judged by 7 of 93, "refund" waited for by 4 of 83), so they fall to 2 and 3.
FRAME_SHARE = 0.2
#: Statements that must carry it, at least.
MIN_CARRIED = 3
#: Share of the carrying statements that must write the cue one way for a name to show
#: it ("hangs up", not "disconnects" too).
ONE_WORDING = 0.5
#: Best key nouns tried as the subject.
MAX_SUBJECTS = 3
#: Tokens either side of the subject within which a cue is said of it (as the chain's
#: attestation window, :data:`voc.themes.pairs.WINDOW`, and the reader's).
WINDOW = 6
#: Share of the statements that must say a frame (of anything) for it to name them.
SHARED_SHARE = 0.25
#: Share of a shared frame's statements that must say it beside its subject: a quarter
#: ("system hangs up" where 6 of the 17 hang-up tweets say "system"; not where 5 of 22 do).
SUBJECT_OF_FRAME = 0.25
#: Best key nouns a shared frame may be said of.
MAX_SHARED_SUBJECTS = 5
#: Share of the statements that must say the subject of a "S problems" name: a clear
#: majority (a domain word such as "flight" is said by about half of many themes).
SUBJECT_MAJORITY = 0.6
#: Share each of two subjects must be said by to be named together.
SECOND_SHARE = 0.25
#: Share of the statements saying a "S problems" subject that must say it as a noun.
AS_NOUN = 0.6
#: A "S problems" subject is one of this many best key phrases.
TOP_PHRASES = 2
#: A key noun said by this many times as many statements as a better-ranked key phrase
#: is a domain word, not the theme's subject.
DOMAIN_LIFT = 2.0


@dataclass(frozen=True)
class Frame:
    """One kind of problem: cue key sequences (lemmas, negations as a class, see
    :func:`voc.themes.said.key`) and name templates, the first whose words the
    statements all write being used (``{s}``: the subject, ``{v}``: a form of the cue
    word as they write it)."""

    id: str
    cues: tuple[tuple[str, ...], ...]
    templates: tuple[str, ...]


#: The frames, from the friction cue groups (waiting, failure, confusion,
#: dissatisfaction) and the ways customers say nobody answers or the line drops.
FRAMES: tuple[Frame, ...] = (
    Frame("waiting", (("wait",), ("week",), ("month",), ("forever",), ("so", "long"),
                      ("too", "long"), ("still", "not"), ("still", "no"), ("take", "long")),
          ("waiting for {s}", "waiting on {s}", "{s} delayed")),
    Frame("no_answer", (("no", "answer"), ("no", "response"), ("no", "reply"),
                        ("no", "one", "answer"), ("nobody", "answer"), ("not", "answer"),
                        ("not", "respond"), ("not", "reply"), ("not", "hear"),
                        ("never", "hear"), ("never", "answer"), ("never", "respond"),
                        ("never", "reply"), ("no", "call", "back"), ("not", "pick", "up"),
                        ("no", "one", "pick", "up"), ("nobody", "pick", "up"), ("ignore",),
                        ("unanswered",)),
          ("{s} not answered", "{s} unanswered", "no answer on {s}")),
    Frame("hang_up", (("hang", "up"), ("disconnect",), ("cut", "off")),
          ("{s} {v}",)),
    Frame("confusion", (("confusing",), ("confuse",), ("unclear",), ("complicated",),
                        ("misleading",), ("not", "understand"), ("can't", "find")),
          ("confusing {s}",)),
    Frame("judged", tuple((w,) for w in sorted(JUDGEMENTS | {
        "uncomfortable", "tiny", "small", "cramped", "narrow", "suck", "awful", "terrible",
        "horrible", "worst"}) if w not in {"extra", "hidden", "unexpected", "slow"}),
          ("bad {s}", "{v} {s}")),
)
_BY_ID = {f.id: f for f in FRAMES}
#: Words a frame's cue may stand apart from the next by ("no one is answering").
_FILLER = frozenset({"the", "a", "an", "my", "me", "our", "your", "is", "be", "are", "was",
                     "been", "even", "just", "still", "yet", "ever", "really", "it", "to"})


def _subjects(phrases: Sequence[str], texts: Sequence[str], most: int = 0) -> list[str]:
    """The best key phrases that are one- or two-word nouns a subject can be (no name,
    time, vague word, redaction or boilerplate), at most :data:`MAX_SUBJECTS`."""
    names = proper_names(texts)
    out: list[str] = []
    for p in phrases:
        words = p.lower().split()
        if not 1 <= len(words) <= 2 or boilerplate(p) or p.lower() in names:
            continue
        if any(REDACTED.fullmatch(w) or w in TIME_WORDS or w in STOPWORDS or glued(w)
               or w in names or w in VAGUE_NOUNS or len(w) < 3 or not w.isalpha()
               for w in words):
            continue
        head = words[-1]
        if not (lexicon_tag(head).startswith("NN") or p.lower() in parse(p).nouns.values()):
            continue
        if lexicon_tag(head).startswith("VB") or lemma(head) in problem_nouns():
            continue  # a verb, or a kind of problem ("delay"): not what it happens to
        out.append(p.lower())
        if len(out) == (most or MAX_SUBJECTS):
            break
    return out


def _match_at(keys: Sequence[str], i: int, cue: tuple[str, ...]) -> int:
    """Index after ``cue`` said from ``keys[i]`` on (fillers may stand between its
    words: "no one is answering"), else -1."""
    if i >= len(keys) or keys[i] != cue[0]:
        return -1
    j, n = i + 1, 1
    while n < len(cue) and j < len(keys) and j - i <= 2 * len(cue) + 1:
        if keys[j] == cue[n]:
            n += 1
        elif keys[j] not in _FILLER:
            return -1
        j += 1
    return j if n == len(cue) else -1


_Hits = dict[str, tuple[tuple[int, int], ...]]


@lru_cache(maxsize=8192)
def _hits(text: str) -> tuple[tuple[str, ...], tuple[str, ...], _Hits]:
    """The words and keys of ``text``'s clauses, one after another, and where each frame's
    cues are said in them (start, end), in the frame's cue order (cached: a theme asks of
    one statement for every subject and frame)."""
    words: list[str] = []
    keys: list[str] = []
    for w, k in clauses(text):
        words.extend(w)
        keys.extend(k)
    at: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        at.setdefault(k, []).append(i)
    hits: _Hits = {}
    for f in FRAMES:
        found = []
        for cue in f.cues:
            for i in at.get(cue[0], ()):
                end = _match_at(keys, i, cue)
                if end >= 0:
                    found.append((i, end))
        hits[f.id] = tuple(found)
    return tuple(words), tuple(keys), hits


def _carried(subject: str, frame: Frame, text: str) -> tuple[str, ...] | None:
    """The words of the cue of ``frame`` that ``text`` says within :data:`WINDOW` tokens
    of ``subject`` (its head, by lemma), as written; None when it says none there. With
    no subject, any cue of the frame anywhere."""
    words, keys, hits = _hits(text)
    if not hits[frame.id]:
        return None
    head = lemma(subject.split()[-1]) if subject else ""
    at = [i for i, k in enumerate(keys) if k == head or lemma(words[i]) == head]
    if subject and not at:
        return None
    for i, end in hits[frame.id]:
        if keys[i] != head and (not subject or any(abs(j - i) <= WINDOW for j in at)):
            return tuple(words[i:end])
    return None


def framed(phrases: Sequence[str], texts: Sequence[str]) -> list[tuple[int, str, str]]:
    """Every (subject, frame) pair of the theme with how many distinct statements carry
    it, the most carried first (ties: the better key phrase, the frame's order)."""
    uniq = list(dict.fromkeys(texts))
    out: list[tuple[int, int, int, str, str]] = []
    for si, s in enumerate(_subjects(phrases, uniq)):
        for fi, f in enumerate(FRAMES):
            n = sum(_carried(s, f, t) is not None for t in uniq)
            if n:
                out.append((-n, si, fi, s, f.id))
    return [(-n, s, f) for n, _, _, s, f in sorted(out)]


def _said_words(texts: Sequence[str]) -> frozenset[str]:
    return frozenset(w for t in texts for w in tokens(t))


def _form(subject: str, texts: Sequence[str]) -> str:
    """The subject as the statements most often write its head (singular or plural)."""
    words = subject.split()
    head = lemma(words[-1])
    said = Counter(w for t in texts for w in tokens(t) if lemma(w) == head and w.isalpha())
    if said:
        words[-1] = min(said.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return " ".join(words)


def _wordings(subject: str, frame: Frame, texts: Sequence[str]) -> list[Counter[str]]:
    """The cue wordings the carrying statements write, grouped by lemma ("hung up",
    "hangs up" together; fillers dropped), the most written group first."""
    groups: dict[tuple[str, ...], Counter[str]] = {}
    for t in texts:
        cue = _carried(subject, frame, t)
        if cue:
            words = [w for w in cue if w not in _FILLER]
            groups.setdefault(tuple(lemma(w) for w in words), Counter())[" ".join(words)] += 1
    return [c for _, c in sorted(groups.items(), key=lambda kv: (-kv[1].total(), kv[0]))]


def _cue_form(subject: str, frame: Frame, texts: Sequence[str]) -> str:
    """The most written wording of the most written cue, never a bare verb after the
    subject ("system hangs up" or "system hung up", not "system hang up")."""
    said = _wordings(subject, frame, texts)
    if not said:
        return ""

    def rank(kv: tuple[str, int]) -> tuple[bool, int, str]:
        first = kv[0].split()[0]
        bare = lemma(first) == first and lexicon_tag(first).startswith("VB")
        return (bare, -kv[1], kv[0])

    return min(said[0].items(), key=rank)[0]


def _top_share(subject: str, frame: Frame, texts: Sequence[str]) -> float:
    """Share of the carrying statements that write the frame's most written cue."""
    said = _wordings(subject, frame, texts)
    return said[0].total() / sum(c.total() for c in said) if said else 0.0


def _realised(subject: str, frame: Frame, texts: Sequence[str]) -> str:
    """The frame's first template whose words the statements all write; for "waiting"
    the preposition they write after it most ("waiting on phone"); "" when none."""
    said = _said_words(texts)
    shown = _form(subject, texts)
    cue = _cue_form(subject, frame, texts)
    templates = list(frame.templates)
    if frame.id == "waiting":
        preps = Counter(
            words[i + 1] for t in texts for words, _ in clauses(t)
            for i, w in enumerate(words[:-1]) if w == "waiting" and words[i + 1] in ("for", "on")
        )
        if preps["on"] > preps["for"]:
            templates = [templates[1], templates[0], *templates[2:]]
    for tpl in templates:
        name = tpl.format(s=shown, v=cue)
        if "{v}" in tpl and _top_share(subject, frame, texts) < ONE_WORDING:
            continue  # "lousy seats" is not what "smallest seats" and "seats suck" say
        if all(w in said for w in tokens(name)):
            return name
    return ""


def _shared_frame(phrases: Sequence[str], texts: Sequence[str]) -> str:
    """A frame at least :data:`SHARED_SHARE` of the statements say (of anything), with
    the key noun its cues are most often said beside in them (by :data:`SUBJECT_OF_FRAME`
    of them and :data:`MIN_CARRIED` at least)."""
    least = max(MIN_CARRIED, math.ceil(SHARED_SHARE * len(texts) - 1e-9))
    subjects = _subjects(phrases, texts, MAX_SHARED_SUBJECTS)
    for f in FRAMES:
        carrying = [t for t in texts if _carried("", f, t) is not None]
        if len(carrying) < least:
            continue
        said = [(sum(_carried(s, f, t) is not None for t in carrying), -i, s)
                for i, s in enumerate(subjects)]
        n, _, s = max(said, default=(0, 0, ""))
        if n >= max(MIN_CARRIED, SUBJECT_OF_FRAME * len(carrying)):
            return _realised(s, f, carrying)
    return ""


def _subject_name(phrases: Sequence[str], texts: Sequence[str]) -> str:
    """"S problems" when one of the best key nouns is said by at least
    :data:`SUBJECT_MAJORITY` of the statements; "S and T problems" when two of them,
    each said by :data:`SECOND_SHARE`, are said together by that many ("ticket and
    refund problems"); the head as they write it more ("issues" or "problems")."""
    # the most distinctive nouns only: a domain word ("flight") said everywhere ranks
    # lower among the class-based TF-IDF key phrases
    top = [p.lower() for p in phrases[:TOP_PHRASES]]
    if not texts:
        return ""
    said = [{lemma(w) for w in tokens(t)} for t in texts]
    saying = {s: {i for i, ws in enumerate(said) if {lemma(w) for w in s.split()} <= ws}
              for s in top}
    # a noun said by twice as many statements as a better key phrase ranks lower only
    # because every theme says it: the domain word ("flight" under "food")
    subjects = [s for i, s in enumerate(top) if s in _subjects(phrases, texts)
                and all(len(saying[s]) < DOMAIN_LIFT * len(saying[b]) for b in top[:i])
                and _ownable(s, texts)]
    if not subjects:
        return ""
    heads = Counter(lemma(w) for t in texts for w in tokens(t) if lemma(w) in ("issue", "problem"))
    head = "issues" if heads["issue"] > heads["problem"] else "problems"
    need = SUBJECT_MAJORITY * len(texts)
    best = max(subjects, key=lambda s: (len(saying[s]), -subjects.index(s)))
    if len(saying[best]) >= need:
        return f"{singular(best, texts)} {head}"
    pairs = [
        (len(saying[s] | saying[t]), -i, -j, s, t)
        for i, s in enumerate(subjects) for j, t in enumerate(subjects)
        if i < j and min(len(saying[s]), len(saying[t])) >= max(
            MIN_CARRIED, SECOND_SHARE * len(texts))
        and not set(s.split()) & set(t.split())
    ]
    if pairs:
        n, _, _, s, t = max(pairs)
        if n >= need:
            return f"{singular(s, texts)} and {singular(t, texts)} {head}"
    return ""


def _ownable(subject: str, texts: Sequence[str]) -> bool:
    """Whether a "S problems" subject is a thing a team owns (:func:`owned`: not "delta",
    "svc", "kids", "home") that most statements saying it say as a noun (not "charge
    me")."""
    words = subject.split()
    if not owned(words[-1], texts) or any(w in handles(texts) for w in words):
        return False
    head = lemma(words[-1])
    saying = [t for t in texts if head in {lemma(w) for w in tokens(t)}]
    as_noun = sum(head in parse(t).nouns or any(head in k.split() for k in parse(t).nouns)
                  for t in saying)
    return as_noun >= AS_NOUN * len(saying)


def frame_name(texts: Sequence[str], phrases: Sequence[str] = (),
               taken: Sequence[str] = ()) -> str:
    """A name for a theme that would be mixed, in this order: the distinctive subject in
    the frame the most statements carry it in, when at least :data:`FRAME_SHARE` of them
    do ("waiting for refund"); else a frame :data:`SHARED_SHARE` of them say, with the
    subject they say it of most ("system hangs up"); else the subject most of them say
    (:func:`_subject_name`: "seat problems"). A name in ``taken`` gives way; "" when
    none holds, and the theme stays mixed."""
    uniq = list(dict.fromkeys(texts))
    least = max(MIN_CARRIED, math.ceil(FRAME_SHARE * len(uniq) - 1e-9))
    taken_set = {t.lower() for t in taken}
    for n, s, f in framed(phrases, uniq):
        if n < least:
            break
        name = _realised(s, _BY_ID[f], uniq)
        if name and name.lower() not in taken_set:
            return name
    if len(uniq) < MIN_CARRIED:
        return ""
    for name in (_shared_frame(phrases, uniq), _subject_name(phrases, uniq)):
        if name and name.lower() not in taken_set:
            return name
    return ""

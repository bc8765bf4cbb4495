"""Names said as their statements say them when these only ask for the state or say it
did not come about.

A name like "savings account closed" asserts a state. When most statements that say its
words say them under a request ("I asked them to close my savings account", "must be
deleted") or a failure ("their failure to close my savings account", "should have been
closed": :mod:`voc.themes.modality`), the state is the opposite of what happened, and
:func:`unasserted_name` words the name as they do: "savings account not closed" where
most of them say it was not done, "asked to close savings account" where most ask for
it. It applies when at least :func:`voc.themes.pairs.need` statements say the name so
and more of them than assert it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from voc.themes.lemmas import lemma
from voc.themes.modality import asserts, frame_at
from voc.themes.pairs import need, parts
from voc.themes.said import key
from voc.themes.written import clauses, written_support

__all__ = ["unasserted_name"]


def _problem_word(name: str) -> str:
    """The one participle of ``name`` that says its state ("closed" of "savings account
    closed"), or "" when it has none or several."""
    _, problem = parts(name)
    found = [w for w in name.lower().split() if w.endswith("ed") and key(w) in problem]
    return found[0] if len(found) == 1 else ""


def _frame_of(word: str, text: str) -> str:
    """The frame (:func:`voc.themes.modality.frame_at`) of the first clause of ``text``
    that says ``word`` (by lemma) under one, or ""."""
    want = key(word)
    for words, keys in clauses(text):
        for j, k in enumerate(keys):
            if k == want:
                kind = frame_at(words, j)
                if kind:
                    return kind
    return ""


#: How a refusal or failure to act reads in a name: "refused to remove the charge" →
#: "won't remove charge".
REFUSALS = {"refuse": "won't", "decline": "won't", "fail": "didn't"}


def _refused_act(word: str, subject: str, texts: Sequence[str]) -> tuple[str, int]:
    """The act most ``texts`` say ``word`` (a refusal or failure) of, with ``subject``
    after it in one clause ("refused to remove the interest charge" → "remove"), and how
    many say it."""
    from voc.themes.pos import lexicon_tag

    want, subj = key(word), {key(w) for w in subject.lower().split()}
    acts: Counter[str] = Counter()
    for text in texts:
        seen: set[str] = set()
        for words, keys in clauses(text):
            for j in range(len(keys) - 2):
                act = words[j + 2]
                if keys[j] == want and words[j + 1] == "to" and lexicon_tag(act) == "VB" \
                        and subj <= set(keys[j + 3 : j + 9]):
                    seen.add(act)
        acts.update(seen)
    return min(acts.items(), key=lambda kv: (-kv[1], kv[0])) if acts else ("", 0)


def unasserted_name(name: str, texts: Sequence[str]) -> str:
    """``name`` as most of the statements that say it say it (see the module doc): "X not
    closed" or "asked to close X", "won't remove X" for "X refused" said of a refusal to
    act on X; "" when the name asserts what they say, or names no state, or too few say
    it under a frame."""
    words = name.lower().split()
    if len(words) < 2 or not asserts(words):
        return ""
    word = _problem_word(name)
    if not word:
        return ""
    uniq = list(dict.fromkeys(texts))
    plain = written_support(name, uniq)
    if plain is None:
        return ""
    subject = " ".join(w for w in name.split() if w.lower() != word)
    if lemma(word) in REFUSALS:
        act, n = _refused_act(word, subject, uniq)
        if act and n >= need(len(uniq)) and n > plain:
            return f"{REFUSALS[lemma(word)]} {act} {subject}"
    kinds: Counter[str] = Counter()
    for text in uniq:
        if written_support(name, [text], with_framed=True) and not written_support(name, [text]):
            kinds[_frame_of(word, text)] += 1
    kinds.pop("", None)
    framed = sum(kinds.values())
    if framed < need(len(uniq)) or framed <= plain:
        return ""
    if kinds["request"] > kinds["failure"]:
        return f"asked to {lemma(word)} {subject}"
    return f"{subject} not {word}"

"""What share of a theme's statements say a subject, the compound they write it in, and
which nouns are no subject: said as a verb, or by many themes of the run.

A theme headed for "mixed complaints" is named by its subjects only when most of its
statements say one of them (:func:`covered`), and a subject is shown as the noun-noun
compound its statements write ("student loan", "credit report": :func:`compound`), since
"loan" alone hides what the theme is about.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence

from voc.themes.lemmas import lemma
from voc.themes.owned import handles
from voc.themes.pairs import need
from voc.themes.pos import lexicon_tag, parse
from voc.themes.wording import proper_names, surface, tokens

#: Share of the statements saying a subject that must write it in one noun-noun compound
#: for the compound to name it ("student loan", not "loan").
COMPOUND_SHARE = 0.5

#: Words a noun never follows but a verb does: subject pronouns, auxiliaries, modals and
#: negations ("we care", "don't care", "could not care less", "will attempt").
VERB_LEADS = frozenset(
    {"i", "we", "you", "they", "he", "she", "not", "never", "dont", "don't", "didnt",
     "didn't", "doesnt", "doesn't", "do", "does", "did", "cant", "can't", "cannot", "can",
     "couldnt", "couldn't", "could", "wont", "won't", "will", "would", "wouldn't",
     "should", "shouldn't", "might", "must"}
)
#: Share of a run's themes a tenth of whose statements say a word for it to name no
#: subject (:func:`spread_lemmas`): "information" comes up in a quarter of the CFPB
#: themes, "loan" in a tenth.
SPREAD_SHARE = 0.2
#: Themes that must say a word for it to be spread, at least (a run of a few themes
#: has no word every complaint says).
SPREAD_LEAST = 4


def phrase_lemmas(phrase: str) -> set[str]:
    """The lemmas of the words of ``phrase``."""
    return {lemma(w) for w in phrase.lower().split()}


def covered(subjects: Sequence[str], texts: Sequence[str]) -> int:
    """How many ``texts`` say every word of one of ``subjects`` (by lemma)."""
    wants = [phrase_lemmas(s) for s in subjects]
    return sum(any(want <= {lemma(w) for w in tokens(t)} for want in wants) for t in texts)


def compound(noun: str, texts: Sequence[str],
             subject_word: Callable[[str, str, frozenset[str]], bool]) -> str:
    """``noun`` as the noun-noun compound (as written, one noun before or after it) that
    :data:`COMPOUND_SHARE` of the ``texts`` saying it write, two at least ("student
    loan", "credit report"), else ``noun`` itself. The other noun is one
    ``subject_word(lemma, word, names)`` accepts (no vague word, name or code)."""
    key = lemma(noun.lower())
    saying = [t for t in texts if key in {lemma(w) for w in tokens(t)}]
    names = proper_names(texts) | handles(texts)
    df: Counter[tuple[str, str]] = Counter()
    shown: dict[tuple[str, str], Counter[str]] = {}
    for text in saying:
        words = tokens(text)
        found = set()
        for a, b in zip(words, words[1:], strict=False):
            other = b if lemma(a) == key else a if lemma(b) == key else ""
            if other and lemma(other) != key and lexicon_tag(other).startswith("NN") \
                    and subject_word(lemma(other), other, names):
                pair = (lemma(a), lemma(b))
                found.add(pair)
                shown.setdefault(pair, Counter())[f"{a} {b}"] += 1
        df.update(found)
    best = sorted(df.items(), key=lambda kv: (-kv[1], kv[0]))
    if best and best[0][1] >= max(2, COMPOUND_SHARE * len(saying)):
        return surface(shown[best[0][0]])
    return noun


def verb_said(word: str, texts: Sequence[str]) -> bool:
    """Whether as many distinct ``texts`` say ``word`` as a verb ("waiting to board",
    "we landed", "they don't care") as say it as a noun: the tagger reads "to board" and
    "don't care" as nouns, but a word right after a subject pronoun, an auxiliary or a
    negation (:data:`VERB_LEADS`) is a verb, and a verb names no subject of a mixed
    theme."""
    key = lemma(word.lower())
    as_noun = as_verb = 0
    for text in dict.fromkeys(texts):
        said = parse(text)
        words = tokens(text)
        at = [i for i, w in enumerate(words) if lemma(w) == key]
        led = {i for i in at if i and words[i - 1] in VERB_LEADS}
        as_noun += any(key in k.split() for k in said.nouns) and len(led) < len(at)
        as_verb += bool(led) or any(key in k.split() for k in said.verbs) or any(
            lemma(w) == key and w != key and w.endswith(("ed", "ing")) for w in words)
    return as_verb >= as_noun and as_verb > 0


def spread_lemmas(texts: Sequence[Sequence[str]]) -> frozenset[str]:
    """Lemmas a tenth of the statements (:func:`voc.themes.pairs.need`) of
    :data:`SPREAD_SHARE` of the themes (``texts[i]`` are theme ``i``'s statements), and
    :data:`SPREAD_LEAST` at least, say: words that come up whatever the complaint
    ("information", "account" on CFPB complaints), not what one theme is about."""
    least = max(SPREAD_LEAST, SPREAD_SHARE * len(texts))
    themes: Counter[str] = Counter()
    for group in texts:
        uniq = list(dict.fromkeys(group))
        df = Counter(k for t in uniq for k in {lemma(w) for w in tokens(t)})
        enough = need(len(uniq))
        themes.update(k for k, n in df.items() if n >= enough)
    return frozenset(k for k, n in themes.items() if n >= least)


def unowned(spread: Collection[str], texts: Sequence[str], share: float) -> frozenset[str]:
    """The ``spread`` lemmas (:func:`spread_lemmas`) fewer than ``share`` of the distinct
    ``texts`` say: said by most of a theme, a word many themes say is still its subject
    ("credit report" said by all of eight statements)."""
    uniq = list(dict.fromkeys(texts))
    said = Counter(k for t in uniq for k in {lemma(w) for w in tokens(t)} if k in spread)
    return frozenset(k for k in spread if said[k] < share * len(uniq))

"""Noun and verb phrases of short statements, from a real part-of-speech tagger.

The tagger is pattern's rule-based English tagger as shipped in the TextBlob wheel:
Brill's lexicon (``textblob/en/en-lexicon.txt``, ~94,000 words) with its morphology
and context rules, and pattern's chunker, which groups tags into noun phrases (NP),
verb phrases (VP), adverb phrases and so on. Every file is inside the wheel: nothing
is downloaded and no NLTK data is needed. ``textblob/_text.py`` imports only the
standard library, so it is loaded from its file; ``import textblob`` would import
NLTK (seconds of start-up) for nothing.

From the chunks come candidate phrases, keyed by their lemmas
(:func:`voc.themes.lemmas.lemma`) and shown in their surface wording:

- noun phrases: n-grams of an NP's content words that end in a noun ("bank sync",
  "card verification", "duplicate charge"), never a pronoun, number or stop word;
- verb phrases: a VP's content verbs without auxiliaries, with a negation and a
  following adverb or particle ("charged twice", "keeps disconnecting", "not load",
  "logged out");
- clauses: a noun phrase directly followed by a verb phrase ("card verification
  failed", "discount code declined"), used to name themes.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

from voc.themes.lemmas import KEEP, STOPWORDS, lemma

#: Auxiliaries and modals: part of a verb phrase, never its content.
AUX = frozenset(
    {
        "be", "have", "do", "will", "would", "can", "could", "shall", "should", "may",
        "might", "must", "get", "let", "ca", "wo", "'s", "'re", "'m", "'ve", "'ll", "'d",
        "does", "doe", "did", "was", "were", "is", "are", "am", "been", "being", "has", "had",
    }
)
#: Verbs that carry a problem although spaCy lists them as stop words ("keeps failing").
VERB_KEEP = frozenset({"keep", "show", "move", "call", "go", "take", "make", "give"})
NEGATIONS = {"not": "not", "never": "never", "no": "no", "cannot": "cannot"}
_CONTRACTIONS = (
    (re.compile(r"\b(can)'?t\b|\bcannot\b"), r"can not"),
    (re.compile(r"\bwon'?t\b"), "will not"),
    (re.compile(r"(\w)n't\b"), r"\1 not"),
    (re.compile(r"'(s|re|m|ve|ll|d)\b"), r" '\1"),
)
_TOKEN = re.compile(
    r"\[[A-Za-z_]+\]|@\w+|#\w+|https?://\S+|\d[\d.,:/]*|[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]"
    r"|[.,;:!?()\"]"
)
_WORD = re.compile(r"[a-z][a-z\-]*")


@dataclass(frozen=True)
class Chunk:
    """One chunk: its type ("NP", "VP", "ADVP", "PRT", "ADJP", "PP", "O") and tokens."""

    kind: str
    words: tuple[str, ...]
    tags: tuple[str, ...]


def load_text_module() -> ModuleType:
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("textblob is not installed (pip install textblob)")
    root = Path(next(iter(spec.submodule_search_locations)))
    text_spec = importlib.util.spec_from_file_location("voc_textblob_text", root / "_text.py")
    if text_spec is None or text_spec.loader is None:
        raise ImportError(f"cannot load {root / '_text.py'}")
    mod = importlib.util.module_from_spec(text_spec)
    text_spec.loader.exec_module(mod)
    mod.EN_DIR = root / "en"  # type: ignore[attr-defined]
    return mod


@lru_cache(maxsize=1)
def _parser() -> Any:
    """pattern's English parser over the lexicon files in the TextBlob wheel."""
    mod = load_text_module()
    en = mod.EN_DIR
    lexicon = mod.Lexicon(
        path=str(en / "en-lexicon.txt"),
        morphology=str(en / "en-morphology.txt"),
        context=str(en / "en-context.txt"),
        entities=str(en / "en-entities.txt"),
        language="en",
    )
    return mod.Parser(lexicon=lexicon, default=("NN", "NNP", "CD"), language="en")


def _tokens(text: str) -> list[str]:
    """Word tokens with contractions split ("can't" → "can not"); noise becomes a comma."""
    t = text.replace("’", "'")
    for pat, rep in _CONTRACTIONS:
        t = pat.sub(rep, t)
    out: list[str] = []
    for tok in _TOKEN.findall(t):
        if tok[0] in "[@#" or tok.startswith("http") or tok[0].isdigit():
            out.append(",")  # placeholders, mentions, links and numbers split phrases
        else:
            out.append(tok.strip("-") or ",")
    return out


_SUBJECT_PRONOUNS = frozenset({"i", "you", "we", "they", "it", "he", "she"})


def _repair(chs: list[Chunk]) -> list[Chunk]:
    """Two context rules for slips of the lexicon tagger on complaint wording.

    A noun right after a subject pronoun is its verb ("it charges twice": the lexicon
    says "charges" is a plural noun); a lone noun followed by "twice" or "again" is a
    verb ("why charge twice"); a lone adjective (with its particle) between a determiner
    and a verb is the noun ("my top-up has not gone through", "my top up did not go").
    """
    out: list[Chunk] = []
    skip = 0
    for i, ch in enumerate(chs):
        if skip:
            skip -= 1
            continue
        nxt = chs[i + 1] if i + 1 < len(chs) else None
        if (
            ch.kind == "NP"
            and ch.tags and all(t in ("PRP$", "DT") for t in ch.tags)
            and nxt is not None
            and nxt.kind == "ADJP"
            and len(nxt.words) == 1
        ):
            part = chs[i + 2] if i + 2 < len(chs) else None
            has_part = part is not None and len(part.words) == 1 and (
                part.words[0].lower() in PARTICLES)
            after = chs[i + 2 + has_part] if i + 2 + has_part < len(chs) else None
            if after is not None and after.kind == "VP":
                words = (*ch.words, *nxt.words, *(part.words if has_part else ()))
                out.append(Chunk("NP", words, (*ch.tags, *("NN",) * (1 + has_part))))
                skip = 1 + has_part
                continue
        if (
            ch.kind == "NP"
            and len(ch.words) == 2
            and ch.words[0].lower() in _SUBJECT_PRONOUNS
            and ch.tags[1] in ("NN", "NNS")
        ):
            out.append(Chunk("NP", ch.words[:1], ch.tags[:1]))
            out.append(Chunk("VP", ch.words[1:], ("VBZ",)))
            continue
        if (
            ch.kind == "NP"
            and ch.tags in (("NN",), ("NNS",))
            and nxt is not None
            and nxt.kind == "ADVP"
            and nxt.words[0].lower() in ("twice", "again")
        ):
            out.append(Chunk("VP", ch.words, ("VB",)))
            continue
        out.append(ch)
    return out


@lru_cache(maxsize=65536)
def chunks(text: str) -> tuple[Chunk, ...]:
    """Tagged chunks of ``text`` in order (cached: themes re-read the same statements)."""
    toks = _tokens(text)
    if not toks:
        return ()
    parsed = _parser().parse(" ".join(toks), tokenize=False, tags=True, chunks=True)
    out: list[Chunk] = []
    for sentence in parsed.split():
        cur: list[list[str]] = []
        kind = "O"
        for word, tag, chunk, *_ in sentence:
            tag_kind = chunk.split("-", 1)[-1] if chunk != "O" else "O"
            if chunk.startswith("B-") or tag_kind != kind or chunk == "O":
                if cur:
                    out.append(Chunk(kind, tuple(w for w, _ in cur), tuple(t for _, t in cur)))
                cur, kind = [], tag_kind
            cur.append([word, tag])
        if cur:
            out.append(Chunk(kind, tuple(w for w, _ in cur), tuple(t for _, t in cur)))
    return tuple(_repair(out))


#: Tags of a word that can end a compound ("auto" + "pay", "web" + "site", "charge" +
#: "back"): a noun, a verb's base form or a particle; "led", "is", "the" cannot.
_COMPOUND_TAIL = frozenset({"NN", "NNS", "VB", "VBP", "RP"})
_COMPOUND_HEAD = frozenset({"NN", "NNS", "JJ", "VB", "VBP", "RB"})


def lexicon_tag(word: str) -> str:
    """The lexicon's tag of a known word, "" for an unknown one."""
    return str(_parser().lexicon.get(word) or "")


_tag = lexicon_tag


def _compound(word: str) -> bool:
    """Whether ``word`` is two content words run together as compounds are written
    ("autopay", "website", "chargeback", "signup"): a head of at least three letters
    and a particle or a tail of at least three letters that is a noun or base-form verb."""
    for k in range(3, len(word) - 1):
        head, tail = word[:k], word[k:]
        if _tag(head) not in _COMPOUND_HEAD:
            continue
        if len(tail) >= 3 and _tag(tail) in _COMPOUND_TAIL or tail in PARTICLES:
            return True
    return False


@lru_cache(maxsize=65536)
def glued(word: str) -> bool:
    """Whether ``word`` is a known word with a fragment or a word glued on, which no
    dictionary knows ("flightled", "flightr", "cardis": slips of a data export), not a
    word to name a theme with.

    Unknown to the tagger's lexicon and the lemma table, it starts with a lexicon word
    of at least four letters followed by at most three letters or by a word that cannot
    end a compound ("led", "is", "the"). A common compound of two words ("autopay",
    "website", "chargeback", see :func:`_compound`) is a word, not a slip.
    """
    if len(word) < 6 or not word.isalpha():
        return False
    lexicon = _parser().lexicon
    if word in lexicon or lemma(word) != word or _compound(word):
        return False
    for k in range(4, len(word)):
        if word[:k] not in lexicon:
            continue
        tail = word[k:]
        if len(tail) <= 3 or tail in lexicon:
            return True
    return False


@lru_cache(maxsize=1)
def _past_forms() -> dict[str, tuple[str, ...]]:
    """Verb lemma → its past forms in the tagger's lexicon, participles first
    ("refuse" → ("refused",), "lose" → ("lost",))."""
    lexicon = _parser().lexicon
    lexicon.get("")  # the lexicon is a lazy dict: load it
    found: dict[str, list[tuple[bool, str]]] = {}
    for word, tag in lexicon.items():
        w = word.lower()
        if tag in ("VBN", "VBD") and w.isalpha():
            found.setdefault(lemma(w), []).append((tag != "VBN", w))
    return {k: tuple(dict.fromkeys(w for _, w in sorted(v))) for k, v in found.items()}


def past_participle(verb: str, said: Mapping[str, int] | None = None) -> str:
    """The past participle of ``verb`` (any inflection) as a problem is written: "refuse",
    "refuses", "refusing" → "refused"; "lose" → "lost". With ``said`` (word → count in
    the statements) only a form they say is returned, the most frequent one, so a name
    never holds a word its statements do not; "" if none."""
    forms = _past_forms().get(lemma(verb.lower()), ())
    if said is None:
        return forms[0] if forms else ""
    known = [f for f in forms if said.get(f, 0) > 0]
    return max(known, key=lambda f: said[f]) if known else ""


def _content(word: str) -> str:
    """Lemma of a content word, or "" for stop words, marks and fragments."""
    w = word.lower()
    if len(w) < 2 or not _WORD.fullmatch(w) or glued(w):
        return ""
    lem = lemma(w)
    return "" if lem in STOPWORDS or w in STOPWORDS else lem


def noun_core(ch: Chunk) -> list[tuple[str, str, bool]]:
    """(lemma, word, is noun) of the NP's last run of nouns and adjectives, ending in a noun."""
    run: list[tuple[str, str, str]] = []
    for word, tag in zip(ch.words, ch.tags, strict=True):
        lem = _content(word) if tag.startswith(("NN", "JJ", "VBG", "VBN", "FW")) else ""
        if not lem:
            run = []
            continue
        run.append((lem, word.lower(), tag))
    while run and not run[-1][2].startswith("NN"):
        run.pop()
    return [(lem, w, tag.startswith("NN")) for lem, w, tag in run]


#: Prepositions that are particles right after a verb ("logged out", "went through").
PARTICLES = frozenset({"out", "in", "up", "off", "through", "down", "back", "over"})


def verb_core(ch: Chunk, rest: tuple[Chunk, ...]) -> list[tuple[str, str, bool]]:
    """(lemma, word, is verb) of a VP's negation and content verbs, plus what follows.

    A following one- or two-word adverb or particle joins ("charged twice", "logged
    out"); a lone noun right after a negated VP is read as its verb, a tagger slip on
    "does not load".
    """
    out: list[tuple[str, str, bool]] = []
    words, tags = list(ch.words), list(ch.tags)
    if rest and rest[0].kind == "ADVP" and all(w.lower() in NEGATIONS for w in rest[0].words):
        words += rest[0].words  # "does" + "not" + ...: the negation belongs to the verb
        tags += rest[0].tags
        rest = rest[1:]
    after = rest[0] if rest else None
    for word, tag in zip(words, tags, strict=True):
        w = word.lower()
        if w in NEGATIONS:
            out.append((NEGATIONS[w], w, False))
            continue
        lem = lemma(w) if _WORD.fullmatch(w) else ""
        if not lem or w in AUX or lem in AUX or not tag.startswith(("VB", "RB")):
            continue
        if tag.startswith("RB") and lem not in KEEP:
            continue
        if tag.startswith("VB") and (lem in STOPWORDS and lem not in VERB_KEEP):
            continue
        out.append((lem, w, tag.startswith("VB")))
    if not any(is_verb for *_, is_verb in out):
        if out and after is not None and after.kind == "NP" and after.tags == ("NN",):
            lem = _content(after.words[0])
            return out + [(lem, after.words[0].lower(), True)] if lem else []
        return []
    if after is not None and after.kind in ("ADVP", "PRT") and len(after.words) <= 2:
        for w in (x.lower() for x in after.words):
            if w in KEEP or after.kind == "PRT" or _content(w):
                out.append((lemma(w), w, False))
    elif (
        after is not None
        and after.kind == "PP"
        and len(after.words) == 1
        and after.words[0].lower() in PARTICLES
    ):
        out.append((after.words[0].lower(), after.words[0].lower(), False))
    return out


def _grams(run: list[tuple[str, str, bool]], max_n: int, noun_end: bool) -> dict[str, str]:
    """Lemma n-grams of ``run``: ending in a noun (``noun_end``), or holding a verb."""
    out: dict[str, str] = {}
    for n in range(1, max_n + 1):
        for i in range(len(run) - n + 1):
            gram = run[i : i + n]
            if noun_end and not gram[-1][2]:
                continue
            if not noun_end and not any(flag for *_, flag in gram):
                continue
            out.setdefault(" ".join(g[0] for g in gram), " ".join(g[1] for g in gram))
    return out


@dataclass(frozen=True)
class Parsed:
    """Candidate phrases of one statement, each as lemma key → surface wording."""

    nouns: dict[str, str]
    verbs: dict[str, str]
    clauses: dict[str, tuple[str, str, str]]  # key → (noun key, verb key, surface)


@lru_cache(maxsize=65536)
def parse(text: str, max_n: int = 3) -> Parsed:
    """Noun phrases, verb phrases and noun + verb clauses of ``text``."""
    chs = chunks(text)
    nouns: dict[str, str] = {}
    verbs: dict[str, str] = {}
    clauses: dict[str, tuple[str, str, str]] = {}
    last_np: list[tuple[str, str, bool]] = []
    for i, ch in enumerate(chs):
        if ch.kind == "NP":
            core = noun_core(ch)
            for k, v in _grams(core, max_n, True).items():
                nouns.setdefault(k, v)
            last_np = core[-max_n:]
            continue
        if ch.kind == "VP":
            vcore = verb_core(ch, chs[i + 1 :])[:max_n]
            if vcore:
                vkey = " ".join(g[0] for g in vcore)
                vsurface = " ".join(g[1] for g in vcore)
                for k, v in _grams(vcore, max_n, False).items():
                    verbs.setdefault(k, v)
                if last_np:
                    nkey = " ".join(g[0] for g in last_np)
                    surface = " ".join(g[1] for g in last_np) + " " + vsurface
                    clauses.setdefault(f"{nkey} {vkey}", (nkey, vkey, surface))
        if ch.kind != "ADVP":
            last_np = []
    return Parsed(nouns, verbs, clauses)


def phrases(text: str, max_n: int = 3) -> dict[str, str]:
    """Candidate key phrases of ``text``: noun and verb phrases, lemma key → surface."""
    p = parse(text, max_n)
    return {**p.verbs, **p.nouns}

"""A user-editable library of generic friction frames (``labels/frames.yaml``) that names
themes whose statements share no subject.

A *frame* is one kind of customer problem said in many words: "still waiting for a
reply", "you have yet to respond" and "hoping to hear from you" all say "no reply from
support". A statement says a frame (:func:`statement_frames`) when the frame's examples
are the nearest to it by sentence-embedding cosine (its best example, at least the
library's ``min_similarity`` and within its ``margin`` of the nearest frame) **and** it
writes one of the frame's cues (by lemma), so a frame is never claimed without words
that carry it; a plain question ("are there any fees?", :func:`asks_only`) says none.
:func:`frame_library_name` names a theme by the frame at least ``min_share`` of its
distinct statements say, else by a group of frames that many say together ("can't reach
support": no reply, can't get through by phone, long hold, call cut off, no callback).

Statement vectors come from the run (:func:`frame_vectors`, the naming step passes its
own, and its embedder embeds the examples: one model on both sides); without them the
packaged MiniLM embeds both, each text once per process.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import Field, model_validator

from voc.labels import _load, _Model
from voc.themes.lemmas import STOPWORDS, lemma
from voc.themes.pos import lexicon_tag
from voc.themes.wording import tokens

__all__ = [
    "FrameDef", "FrameGroup", "FrameLibrary", "frame_library_name", "frame_share", "frame_vectors",
    "load_frames", "statement_frames",
]

#: Distinct statements that must say the frame, at least.
MIN_SAID = 3
#: Tokens a multi-word cue's words may stand apart by ("called me back").
CUE_GAP = 4
#: Tokens before "again" in which the verb of "won't {verb} again" is looked for.
VERB_WINDOW = 4
#: Share of the frame's statements that must write the verb for it to be shown.
VERB_SHARE = 0.25
#: Verbs that say nothing of what the customer will stop doing.
_LIGHT_VERBS = frozenset({"be", "do", "have", "will", "would", "get", "go", "make", "let",
                          "happen", "try", "can", "could", "say", "tell", "want", "need"})


#: Words a frame's name or wording may have, at most (a name is short).
MAX_NAME_WORDS = 5


def _short(names: list[str]) -> list[str]:
    long = [n for n in names if len(n.split()) > MAX_NAME_WORDS]
    if long:
        raise ValueError(f"names of more than {MAX_NAME_WORDS} words: {long}")
    return names


class FrameDef(_Model):
    """One frame: a short name, example phrasings and the cue words that carry it."""

    id: str
    name: str
    wordings: list[str] = Field(default_factory=list)
    examples: list[str] = Field(min_length=1)
    cues: list[str] = Field(min_length=1)
    verb: str = "use"


class FrameGroup(_Model):
    """Frames that are kinds of one broader problem, named together when no one of them
    alone is said by enough of a theme's statements."""

    name: str
    wordings: list[str] = Field(default_factory=list)
    frames: list[str] = Field(min_length=2)


class FrameLibrary(_Model):
    """The frames with the shares and similarities that decide a match."""

    version: int = 1
    min_share: float = Field(0.35, gt=0, le=1)
    min_similarity: float = Field(0.45, ge=-1, le=1)
    min_similarity_static: float = Field(0.35, ge=-1, le=1)
    margin: float = Field(0.05, ge=0, le=1)
    frames: list[FrameDef] = Field(min_length=1)
    groups: list[FrameGroup] = Field(default_factory=list)

    @model_validator(mode="after")
    def _known_frames(self) -> FrameLibrary:
        for f in [*self.frames, *self.groups]:
            _short([f.name, *f.wordings])
        ids = [f.id for f in self.frames]
        if len(set(ids)) != len(ids):
            raise ValueError("frame ids must be unique")
        for g in self.groups:
            unknown = sorted(set(g.frames) - set(ids))
            if unknown:
                raise ValueError(f"group {g.name!r} names unknown frames {unknown}")
        return self


@lru_cache(maxsize=4)
def _cached(path: str) -> FrameLibrary:
    return _load(FrameLibrary, Path(path) if path else None, "frames.yaml")


def load_frames(path: Path | str | None = None) -> FrameLibrary:
    """The frame library from ``path`` (default: the packaged ``labels/frames.yaml``)."""
    return _cached(str(path) if path else "")


@dataclass
class _Source:
    """Where vectors come from: a text → vector table and an encoder for the rest."""

    encode: Callable[[list[str]], np.ndarray]
    model_id: str
    table: dict[str, np.ndarray] = field(default_factory=dict)


_SOURCE: list[_Source] = []
_DEFAULT: dict[str, _Source] = {}


def _default() -> _Source:
    """The packaged MiniLM (float32), loaded on first use."""
    if "minilm" not in _DEFAULT:
        from voc.embed import MODEL_ID, Embedder

        emb = Embedder()
        _DEFAULT["minilm"] = _Source(lambda t: emb.encode(t), MODEL_ID)
    return _DEFAULT["minilm"]


@contextmanager
def frame_vectors(texts: Sequence[str], vectors: np.ndarray, embedder: Any) -> Iterator[None]:
    """Within the block, statements in ``texts`` take their row of ``vectors`` and the
    frame examples (and any other statement) are embedded by ``embedder``."""
    table = {}
    for t, v in zip(texts, vectors, strict=True):
        table.setdefault(str(t), np.asarray(v, dtype=np.float32))
    from voc.classify.vector_cache import CachedEncoder

    model_id = str(getattr(embedder, "model_id", "") or "")
    # examples are embedded once per model and cached on disk, as label texts are
    encode = CachedEncoder(lambda t: embedder.encode(t), model_id) if model_id else embedder.encode
    _SOURCE.append(_Source(encode, model_id, table))
    try:
        yield
    finally:
        _SOURCE.pop()


def _source() -> _Source:
    return _SOURCE[-1] if _SOURCE else _default()


def _vectors(src: _Source, texts: Sequence[str]) -> np.ndarray:
    """Unit vectors of ``texts``, embedding (once) those the table lacks."""
    missing = list(dict.fromkeys(t for t in texts if t not in src.table))
    if missing:
        for t, v in zip(missing, src.encode(missing), strict=True):
            src.table[t] = np.asarray(v, dtype=np.float32)
    out = np.stack([src.table[t] for t in texts]) if texts else np.zeros((0, 1), np.float32)
    return _unit(out)


def _unit(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def _threshold(lib: FrameLibrary, model_id: str) -> float:
    return lib.min_similarity_static if "static" in model_id else lib.min_similarity


@lru_cache(maxsize=4096)
def _lemmas(text: str) -> tuple[str, ...]:
    """Lemmas of ``text``'s tokens, every negated auxiliary as "not" ("doesn't work")."""
    return tuple("not" if w.endswith(("n't", "n’t")) or w == "cannot" else lemma(w)
                 for w in tokens(text))


@lru_cache(maxsize=256)
def _cue_keys(cue: str) -> tuple[str, ...]:
    return tuple(lemma(w) for w in tokens(cue))


def says_cue(text: str, cues: Sequence[str]) -> bool:
    """Whether ``text`` writes one of ``cues``: a word by lemma, or a cue's words in
    order with at most :data:`CUE_GAP` tokens between them ("called me back"; "not
    work" in "doesn't seem to work")."""
    said = _lemmas(text)
    for cue in cues:
        keys = _cue_keys(cue)
        if not keys:
            continue
        for i, k in enumerate(said):
            if k != keys[0]:
                continue
            j, n = i + 1, 1
            while n < len(keys) and j < len(said) and j - i <= len(keys) + CUE_GAP:
                n += said[j] == keys[n]
                j += 1
            if n == len(keys):
                return True
    return False


#: Words that say something is not done, which turn a question into a complaint.
_NEGATIONS = frozenset({"not", "no", "never", "nobody", "nothing", "cannot", "none", "nowhere"})


def asks_only(text: str) -> bool:
    """Whether ``text`` asks a question or makes a request (:func:`voc.themes.asked.ask`)
    without saying anything is not done: "are there any fees?" asks, "why have you not
    replied?" complains."""
    from voc.themes.asked import ask

    if ask(text) is None:
        return False
    return not any(w in _NEGATIONS or w.endswith(("n't", "n’t")) for w in tokens(text))


def statement_frames(texts: Sequence[str], lib: FrameLibrary | None = None) -> list[str]:
    """The id of the frame each text says, "" when it says none (see the module doc)."""
    lib = lib or load_frames()
    if not texts:
        return []
    src = _source()
    examples = [e for f in lib.frames for e in f.examples]
    owner = np.array([i for i, f in enumerate(lib.frames) for _ in f.examples])
    ex, vecs = _vectors(src, examples), _vectors(src, list(texts))
    if vecs.shape[1] != ex.shape[1]:
        # statement vectors of another space than the encoder's: embed the texts too
        vecs = _unit(np.asarray(src.encode(list(texts)), dtype=np.float32))
    sims = vecs @ ex.T
    best = np.full((len(texts), len(lib.frames)), -np.inf, dtype=np.float32)
    for i in range(len(lib.frames)):
        best[:, i] = sims[:, owner == i].max(axis=1)
    floor = _threshold(lib, src.model_id)
    out = []
    for t, row in zip(texts, best, strict=True):
        near = float(row.max()) - lib.margin
        # the nearest frame whose cue the text writes (ties: the first of the file)
        said = [i for i in np.argsort(-row, kind="stable")
                if row[i] >= max(floor, near) and says_cue(t, lib.frames[i].cues)]
        if said and asks_only(t):
            said = []  # a question is not a complaint ("is there a fee for that?")
        out.append(lib.frames[said[0]].id if said else "")
    return out


def frame_share(texts: Sequence[str], lib: FrameLibrary | None = None) -> tuple[str, int, float]:
    """The frame the most distinct ``texts`` say, how many say it and their share
    (ties: the frame first in the file); ("", 0, 0.0) when none says any."""
    lib = lib or load_frames()
    uniq = list(dict.fromkeys(texts))
    fid, n = _most_said(Counter(f for f in statement_frames(uniq, lib) if f), lib)
    return (fid, n, n / len(uniq)) if fid else ("", 0, 0.0)


def _most_said(said: Counter[str], lib: FrameLibrary) -> tuple[str, int]:
    """The frame id ``said`` counts most and its count (ties: the frame first in the
    file); ("", 0) when it counts none."""
    order = {f.id: i for i, f in enumerate(lib.frames)}
    return min(said.items(), key=lambda kv: (-kv[1], order[kv[0]]), default=("", 0))


def _verb(frame: FrameDef, texts: Sequence[str]) -> str:
    """The verb the statements write most just before "again" ("never flying with you
    again": "fly") when :data:`VERB_SHARE` of them do, else the frame's own."""
    said: Counter[str] = Counter()
    for t in texts:
        words = tokens(t)
        seen = set()
        for i, w in enumerate(words):
            if w != "again":
                continue
            for v in words[max(0, i - VERB_WINDOW) : i]:
                k = lemma(v)
                if v.isalpha() and lexicon_tag(v).startswith("VB") and k not in _LIGHT_VERBS:
                    seen.add(k)
        said.update(seen)
    if said:
        verb, n = min(said.items(), key=lambda kv: (-kv[1], kv[0]))
        if n >= max(2, VERB_SHARE * len(texts)):
            return verb
    return frame.verb


#: Ways of writing "can't" that write it.
_CANT = frozenset({"can't", "cannot", "cant", "unable"})


def written(names: Sequence[str], texts: Sequence[str]) -> str:
    """The first of ``names`` whose every word the statements write (case aside; "can't"
    also as "cannot", "haven't" also as "have not"), else the first of those with the
    largest share of their content words written: a frame is named in the customers' own
    words as far as one of its wordings is theirs."""
    said = {w for t in texts for w in tokens(t)}
    lowered = " ".join(t.lower() for t in texts)

    def says(w: str) -> bool:
        if w in said:
            return True
        if w in _CANT:
            return bool(said & _CANT) or "can not" in lowered
        if w.endswith("n't"):
            aux = {"wo": "will", "sha": "shall"}.get(w[:-3], w[:-3])  # "won't": "will not"
            return f"{aux} not" in lowered
        return False

    def share(name: str) -> float:  # of its content words: "the", "by" say nothing
        words = [w for w in tokens(name) if w not in STOPWORDS] or tokens(name)
        return sum(says(w) for w in words) / len(words) if words else 0.0

    return max(names, key=lambda n: (share(n), -names.index(n)))


def frame_library_name(texts: Sequence[str], taken: Sequence[str] = (),
                       lib: FrameLibrary | None = None) -> str:
    """The name of the frame at least the library's ``min_share`` (and :data:`MIN_SAID`)
    of the distinct ``texts`` say ("no reply from support"), else of the group of frames
    that many say together ("can't reach support"); "" when none is, or its name is
    ``taken``."""
    lib = lib or load_frames()
    uniq = list(dict.fromkeys(texts))
    if len(uniq) < MIN_SAID:
        return ""
    least = max(MIN_SAID, math.ceil(lib.min_share * len(uniq) - 1e-9))
    ids = statement_frames(uniq, lib)
    said = Counter(f for f in ids if f)
    fid, n = _most_said(said, lib)
    name = ""
    if fid and n >= least:
        frame = next(f for f in lib.frames if f.id == fid)
        name = written([frame.name, *frame.wordings], uniq)
        if "{verb}" in name:
            name = name.format(verb=_verb(frame, [t for t, f in zip(uniq, ids, strict=True)
                                                  if f == fid]))
    else:
        groups = [(sum(said[f] for f in g.frames), -i) for i, g in enumerate(lib.groups)]
        n, i = max(groups, default=(0, 0))
        if n >= least:
            name = written([lib.groups[-i].name, *lib.groups[-i].wordings], uniq)
    return "" if name.lower() in {t.lower() for t in taken} else name

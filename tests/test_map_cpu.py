"""The map phase's cheaper paths (issue 8, part M) give what the code they replace gave:
VADER's scores, the text embedded, the cue matches and the friction topic words."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from voc.classify import _match
from voc.classify._match import CueMatcher, _docs, blank_nlp, for_embedding, normalize
from voc.classify.friction import FrictionDetector
from voc.classify.vader_fast import FastVader
from voc.labels import load_friction_cues

ROOT = Path(__file__).resolve().parents[1]
TWEETS = ROOT.parent / "shared" / "eval" / "airline_tweets" / "dev.csv"

EDGE = [
    "",
    " ",
    "\t\n",
    "x",
    "😀",
    "I love it 😀😀 but the app 💩 crashed",
    "good👍bad",
    "NOT good at ALL!!!",
    "GREAT but TERRIBLE",
    "no no bad",
    "No, it is not bad. No problem at all",
    "kind of ok",
    "it was kind of terrible",
    "the shit",
    "that was the bomb, yeah right",
    "at least it works",
    "very least helpful",
    "I am never so happy",
    "I was never this disappointed",
    "without doubt the best",
    "without any doubt good",
    "isn't it good? no?? not bad!!!!!",
    "I don't hate it, I can't say I love it",
    "Ça ne marche pas, très déçu 😞",
    "Das ist wirklich schlecht, ich warte seit drei Wochen",
    "支付失败了，太糟糕",
    "Very VERY bad!!! Extremely slow ???",
    ":) :( :D <3 :-/",
    "sort of good, sorta bad, kinda meh",
    "nor good or bad no",
    "good " * 400 + "but awful " * 300,
    "\u00a0spaced\u2003out\u3000text\x85here\x1c",
]


def _generated(n: int, seed: int) -> list[str]:
    sys.path.insert(0, str(ROOT / "bench"))
    from generate_inbox import statements

    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        out += statements(rng)[1]
    return out[:n]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    gen = _generated(3000, seed=5)
    # sentence pieces and lower/upper variants too: VADER's rules look at case and neighbours
    return EDGE + gen + [t.upper() for t in gen[:200]] + [t.lower() for t in gen[200:400]]


def test_fast_vader_gives_vaders_scores(texts: list[str]) -> None:
    ref, fast = SentimentIntensityAnalyzer(), FastVader()
    for t in texts:
        assert fast.polarity_scores(t) == ref.polarity_scores(t), t


def test_fast_vader_on_airline_tweets() -> None:
    if not TWEETS.exists():
        pytest.skip("../shared/eval is absent (airline tweets)")
    import pandas as pd

    tweets = pd.read_csv(TWEETS)["text"].astype(str).tolist()
    ref, fast = SentimentIntensityAnalyzer(), FastVader()
    diff = [t for t in tweets if fast.polarity_scores(t) != ref.polarity_scores(t)]
    assert diff == []


_HANDLES_URLS = re.compile(r"(?:\B@\w+|https?://\S+|\bwww\.\S+)")
_SPACES = re.compile(r"\s+")


def _for_embedding_ref(text: str) -> str:
    stripped = _SPACES.sub(" ", _HANDLES_URLS.sub(" ", text)).strip()
    return stripped or text


def test_for_embedding_is_the_regex_version(texts: list[str]) -> None:
    extra = [
        "@united still waiting http://t.co/x",
        "mail me at a@b.com",
        "see www.example.com now",
        "HTTP://X.COM is upper case",
        "  two  spaces\tand\ttabs \n",
        "@only @handles",
    ]
    # every code point between two words: str.split() and \s must agree on each
    extra += [f"a{chr(c)}b {chr(c)}" for c in range(0x3000 + 1)]
    extra += [f"a{chr(c)}b" for c in (0x1680, 0x180E, 0x200B, 0x2028, 0x2029, 0x202F, 0x205F)]
    for t in texts + extra:
        assert for_embedding(t) == _for_embedding_ref(t), repr(t)


def test_docs_of_a_new_batch_reuse_shared_texts_exactly() -> None:
    gen = _generated(400, seed=9)
    first, second = gen[:300], gen[100:] + EDGE + gen[:5]
    matcher = CueMatcher({"wait": ["still waiting", "waiting"], "money": ["refund", "charged"]})
    _docs(first)
    got = matcher.match(second)
    reused = _docs(second)
    fresh = list(blank_nlp().pipe(normalize(t) for t in second))
    assert [[t.text for t in d] for d in reused] == [[t.text for t in d] for d in fresh]
    _match._LAST[0] = ((), [], {})  # nothing to re-use: tokenised from scratch
    assert matcher.match(second) == got


def _topic_words_ref(
    det: FrictionDetector, texts: list[str], only: list[int] | None = None
) -> list[list[str]]:
    """The per-token loop the detector used before it remembered each word's test."""
    docs, found = _docs(texts), det._matcher.match(texts)
    out = []
    for i in range(len(texts)) if only is None else only:
        graded = [sp for g, spans in found[i].items() if g in det._evaluative for sp in spans]
        covered = {t for s, e in graded for t in range(s, e)}
        words = []
        for tok in docs[i]:
            w = tok.text.strip("'-")
            if not tok.like_num and (not tok.is_alpha or len(w) < 2):
                continue
            if w in det._not_topic or tok.i in covered:
                continue
            words.append(w)
        out.append(words)
    return out


def test_topic_words_are_those_of_the_token_loop(texts: list[str]) -> None:
    det = FrictionDetector(load_friction_cues(None))
    extra = ["It's 3rd time, 42 days, $10.50 gone -- ok?", "'quoted' -dash- it's", "1,000 two"]
    batch = texts + extra
    assert det.topic_words(batch) == _topic_words_ref(det, batch)
    only = list(range(0, len(batch), 7))
    ref = _topic_words_ref(det, batch)
    assert det.topic_words(batch, only) == [ref[i] for i in only]


def test_cue_matches_of_a_batch_are_kept_and_equal_fresh_ones(texts: list[str]) -> None:
    groups = {"wait": ["still waiting", "waiting"], "money": ["refund", "charged twice"]}
    kept = CueMatcher(groups)
    first = kept.match(texts)
    assert kept.match(list(texts)) is first  # the same batch again: not matched again
    other = texts[::-1]
    fresh = CueMatcher(groups)
    assert kept.match(other) == fresh.match(other)
    assert kept.match(texts) == first  # a batch after another one is matched anew
    assert any(first)  # the cues do occur in the generated text


def test_emotion_evidence_adds_cue_boosts_as_cell_by_cell(texts: list[str]) -> None:
    import numpy as np

    from voc.classify.emotion import CUE_BOOST, EmotionClassifier
    from voc.labels import load_emotions

    clf = EmotionClassifier(load_emotions(None))
    clf.classes_ = [e.id for e in clf.taxonomy.emotions]
    clf.cues_ = CueMatcher({e.id: e.cues for e in clf.taxonomy.emotions})
    clf.model_ = None  # probabilities all 1: the cue boosts are what is compared
    vecs = np.zeros((len(texts), 4), np.float32)
    want = np.ones((len(texts), len(clf.classes_)))
    for i, counts in enumerate(clf.cues_.counts(texts)):
        for j, cid in enumerate(clf.classes_):
            want[i, j] += CUE_BOOST * min(counts.get(cid, 0), 2)
    got = clf.evidence(texts, vecs)
    assert np.array_equal(got, want) and (got > 1).any()
    assert clf.evidence([], vecs[:0]).shape == (0, len(clf.classes_))


def _map_generated(csv: Path, out: Path) -> tuple[list, list, list]:
    """Items, statements and vectors of every chunk of a generated CSV, fast mode."""
    from voc import api
    from voc.mapphase import chunked_items, items_chunk, iter_ingest, map_chunk, map_spec
    from voc.runner import resolve_embedder

    pipeline = api.default_pipeline(
        [str(csv)], str(out), "comment", "submitted_at", [], [], seed=42
    )
    _, precision = resolve_embedder(True)
    spec = map_spec(pipeline, fast=True, precision=precision)
    items, statements, vectors = [], [], []
    chunks = chunked_items(iter_ingest(pipeline), pipeline.chunk_size, set(), set(), [], [], {})
    for batch in chunks:
        frame, names = items_chunk(batch)
        res = map_chunk(spec, frame, names)
        items.append(res.items)
        statements.append(res.statements)
        vectors.append(res.vectors)
    return items, statements, vectors


def test_a_generated_run_maps_as_with_the_code_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every item and statement column and every vector of a small generated inbox (fast
    mode, one chunk with batch adaptation) are the same with the reference paths: the
    package's VADER, fresh tokenisation and matching for every call, the per-token topic
    words, cell-by-cell emotion boosts and the regex ``for_embedding``."""
    import numpy as np
    import pandas as pd

    from voc.classify import emotion, friction, sentiment

    sys.path.insert(0, str(ROOT / "bench"))
    from generate_inbox import generate

    csv = tmp_path / "inbox.csv"
    generate(csv, 300, "csv", seed=3)
    new = _map_generated(csv, tmp_path / "a")
    assert sum(len(s) for s in new[1]) >= 2 * 300 and any(s["is_friction"].any() for s in new[1])

    def fresh_docs(texts: list[str]) -> list:
        return list(blank_nlp().pipe(normalize(t) for t in texts))

    def old_match(self: CueMatcher, texts: list[str]) -> list:
        out = []
        for doc in fresh_docs(list(texts)):
            found: dict = {}
            for match_id, start, end in self._matcher(doc):
                found.setdefault(self._keys[match_id], []).append((start, end))
            out.append(found)
        return out

    def old_evidence(self: emotion.EmotionClassifier, texts: list[str], vectors: object) -> object:
        n, k = len(texts), len(self.classes_)
        p = np.zeros((n, k))
        p[:, self.model_.classes_] = self.model_.predict_proba(np.asarray(vectors, np.float32))
        for i, counts in enumerate(self.cues_.counts(texts)):
            for j, cid in enumerate(self.classes_):
                p[i, j] += emotion.CUE_BOOST * min(counts.get(cid, 0), 2)
        return p

    monkeypatch.setattr(sentiment, "_vader", lambda: SentimentIntensityAnalyzer())
    monkeypatch.setattr(sentiment, "_VADER_MEMO", {})
    monkeypatch.setattr(_match, "_docs", fresh_docs)
    monkeypatch.setattr(friction, "_docs", fresh_docs)
    monkeypatch.setattr(CueMatcher, "match", old_match)
    monkeypatch.setattr(friction.FrictionDetector, "topic_words", _topic_words_ref)
    monkeypatch.setattr(emotion.EmotionClassifier, "evidence", old_evidence)
    monkeypatch.setattr(_match, "for_embedding", _for_embedding_ref)
    old = _map_generated(csv, tmp_path / "b")
    for got, want in zip(new[0] + new[1], old[0] + old[1], strict=True):
        pd.testing.assert_frame_equal(got, want, check_exact=True)
    for got, want in zip(new[2], old[2], strict=True):
        assert np.array_equal(got, want)

"""Map-phase speed paths give the same output as the plain ones (issue 8, part H).

Repeated statements are classified and friction-scored once per chunk; fast mode pools
its static vectors with one sparse product. Each is checked against the path it replaces
on the sample survey (which repeats statements such as "Nothing comes to mind.").
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from voc.classify._match import for_embedding
from voc.segment import split_many

ROOT = Path(__file__).resolve().parents[1]
SURVEY = ROOT / "data" / "sample" / "survey" / "nps_survey.csv"
TWEETS = ROOT.parent / "shared" / "eval" / "airline_tweets" / "dev.csv"


@pytest.fixture(scope="module")
def statements() -> list[str]:
    """Sample survey statements, with repeats, in a shuffled (seeded) order."""
    df = pd.read_csv(SURVEY)
    texts = df.iloc[:, 6].fillna("").tolist() + df.iloc[:, 7].fillna("").tolist()
    out = [s for ss in split_many(texts) for s in ss]
    random.Random(3).shuffle(out)
    return out[:400]


@pytest.fixture(scope="module")
def static() -> object:
    from voc.embed import get_embedder

    return get_embedder(fast=True)


@pytest.fixture(scope="module")
def classifiers(static: object) -> object:
    from voc.classify.batch import build_classifiers

    return build_classifiers(static)  # type: ignore[arg-type]


def test_sample_repeats_statements(statements: list[str]) -> None:
    assert len(set(statements)) < 0.9 * len(statements)  # else the tests below prove little


def test_classification_same_with_and_without_dedup(
    statements: list[str], static: object, classifiers: object
) -> None:
    from voc.classify.batch import classify_statements, distinct

    vecs = static.encode([for_embedding(t) for t in statements])  # type: ignore[attr-defined]
    found = distinct(statements, vecs)
    assert found is not None and len(found[0]) == len(set(statements))
    fast = classify_statements(classifiers, statements, vecs)  # type: ignore[arg-type]
    plain = classify_statements(classifiers, statements, vecs, dedup=False)  # type: ignore[arg-type]
    pd.testing.assert_frame_equal(fast, plain)
    assert len(fast) >= 50  # the stage's batch adaptation ran over the rows


def test_dedup_refused_when_a_text_has_two_vectors(statements: list[str]) -> None:
    from voc.classify.batch import distinct

    texts = ["a b", "c d", "a b"]
    vecs = np.eye(3, dtype=np.float32)
    assert distinct(texts, vecs) is None
    vecs[2] = vecs[0]
    found = distinct(texts, vecs)
    assert found is not None and found[1].tolist() == [0, 1, 0]
    assert distinct(["x", "x"], np.ones((2, 2))) is None  # one distinct text: not worth it


def test_friction_same_with_and_without_dedup(statements: list[str]) -> None:
    from voc.classify.friction import FrictionDetector
    from voc.labels import load_friction_cues

    det = FrictionDetector(load_friction_cues())
    rng = np.random.default_rng(0)
    by_text = {t: rng.uniform(-1, 1) for t in statements}
    s = np.array([by_text[t] for t in statements])
    s[:5] = -0.0  # exact bits: -0.0 and 0.0 are kept apart
    top = rng.uniform(size=len(statements)) < 0.3  # a repeated text may differ in its score
    flags, scores = det.score(statements, s, top)
    flags0, scores0 = det._score(list(statements), s, top)
    assert np.array_equal(flags, flags0) and np.array_equal(scores, scores0)
    assert flags.any()


def _texts_for_pool(statements: list[str]) -> list[str]:
    extra = ["", "ok", "ÇA NE MARCHE PAS 😡", "x" * 5000, "slow " * 1000]
    if TWEETS.is_file():
        extra += pd.read_csv(TWEETS)["text"].astype(str).tolist()[:500]
    return statements + extra


def test_static_pool_matches_model2vec(statements: list[str], static: object) -> None:
    from voc.fast import pool

    model = static.model_  # type: ignore[attr-defined]
    texts = _texts_for_pool(statements)
    ref = np.asarray(model.encode(texts, show_progress_bar=False), dtype=np.float32)
    got = pool(model, texts)
    assert got.shape == ref.shape and got.dtype == np.float32
    assert np.allclose(got, ref, atol=2e-3)  # float16 output: one step either way
    cos = (got * ref).sum(axis=1) / np.maximum(
        np.linalg.norm(got, axis=1) * np.linalg.norm(ref, axis=1), 1e-12
    )
    assert cos[np.linalg.norm(ref, axis=1) > 0].min() > 0.9999


def _emotion_row_by_row(clf: object, texts: list[str], vecs: np.ndarray, s: np.ndarray) -> list:
    """The emotion rules as they were applied before, one row at a time (reference)."""
    from voc.classify.emotion import MIN_EVIDENCE, NEUTRAL_BAND

    pol = clf.polarity_  # type: ignore[attr-defined]
    ev = clf.evidence(texts, vecs)  # type: ignore[attr-defined]
    hits = np.array(
        [[c.get(k, 0) > 0 for k in clf.classes_] for c in clf.cues_.counts(texts)]  # type: ignore[attr-defined]
    ).reshape(len(texts), len(pol))
    out = []
    for i, v in enumerate(s):
        if v <= -NEUTRAL_BAND:
            allowed = pol == "negative"
        elif v >= NEUTRAL_BAND:
            allowed = pol == "positive"
        else:
            allowed = hits[i] & np.isin(pol, ["negative" if v < 0 else "positive", "neutral"])
        allowed = allowed | ((pol == "neutral") & hits[i])
        if not allowed.any():
            out.append(clf.taxonomy.none_label)  # type: ignore[attr-defined]
            continue
        masked = np.where(allowed, ev[i], -np.inf)
        j = int(masked.argmax())
        out.append(clf.classes_[j] if masked[j] >= MIN_EVIDENCE else clf.taxonomy.none_label)  # type: ignore[attr-defined]
    return out


def test_emotion_rules_vectorised_as_row_by_row(
    statements: list[str], static: object, classifiers: object
) -> None:
    texts = _texts_for_pool(statements)
    vecs = static.encode([for_embedding(t) for t in texts])  # type: ignore[attr-defined]
    clf = classifiers.emotion  # type: ignore[attr-defined]
    s = np.random.default_rng(1).uniform(-1, 1, len(texts))
    s[:40] = np.linspace(-0.3, 0.3, 40)  # around the neutral band's edges
    s[40] = np.nan
    assert clf.predict(texts, vecs, s) == _emotion_row_by_row(clf, texts, vecs, s)


def test_topic_words_as_with_span_checks(statements: list[str]) -> None:
    from voc.classify._match import _docs
    from voc.classify.friction import FrictionDetector, _inside
    from voc.labels import load_friction_cues

    det = FrictionDetector(load_friction_cues())
    texts = _texts_for_pool(statements) + ["The app is terrible since the update, so frustrating."]
    docs, found = _docs(texts), det._matcher.match(texts)
    ref = []
    for i in range(len(texts)):
        graded = [sp for g, spans in found[i].items() if g in det._evaluative for sp in spans]
        ref.append(
            [
                tok.text.strip("'-")
                for tok in docs[i]
                if (tok.like_num or (tok.is_alpha and len(tok.text.strip("'-")) >= 2))
                and tok.text.strip("'-") not in det._not_topic
                and not _inside((tok.i, tok.i + 1), graded)
            ]
        )
    assert det.topic_words(texts) == ref
    assert any(found[i] for i in range(len(texts)))


def test_word_tokens_same_ids_as_the_tokenizer(statements: list[str], static: object) -> None:
    from voc.fast import WordTokens

    tok = static.model_.tokenizer  # type: ignore[attr-defined]
    rng = random.Random(0)
    odd = ["a\x0bb", "a\x1cb c", "x\u2028y", "x\xa0y", "caf\u00e9", "\u4e2d\u6587 ok", "a\x00b"]
    odd += ["[MASK] x", "e\u0301cole", "a\u200bb", "a\u3000b", "", "  ", "x" * 3000, "😡 ok"]
    for _ in range(300):  # random code points, spaces and ASCII
        pick = [lambda: rng.randint(0, 0x3000), lambda: rng.randint(32, 126), lambda: 32]
        odd.append("".join(chr(rng.choice(pick)()) for _ in range(rng.randint(0, 30))))
    texts = _texts_for_pool(statements) + odd
    words = WordTokens(tok)
    ref = [e.ids for e in tok.encode_batch_fast(texts, add_special_tokens=False)]
    assert words.ids(texts) == ref
    assert words.ids(texts[::-1]) == ref[::-1]  # from the word cache this time


def test_onnx_batches_by_token_budget(statements: list[str]) -> None:
    from types import SimpleNamespace

    from voc.embed import default_model_path
    from voc.embed_onnx import MAX_ROWS_X, TOKENS_PER_ROW, OnnxSentenceModel
    from voc.embed_tokenizer import fast_tokenizer

    tok = fast_tokenizer(default_model_path())
    assert tok is not None
    texts = _texts_for_pool(statements)
    plan = OnnxSentenceModel.batches(SimpleNamespace(tokenizer=tok), texts, 16)  # type: ignore[arg-type]
    assert sorted(i for b in plan for i in b) == list(range(len(texts)))
    lengths = tok.lengths(texts)
    assert lengths.max() == tok.max_length  # the 1,000-word text is cut
    for b in plan:
        assert len(b) <= MAX_ROWS_X * 16
        assert len(b) == 1 or len(b) * lengths[b].max() <= TOKENS_PER_ROW * 16
    flat = [int(lengths[i]) for b in plan for i in b]
    assert flat == sorted(flat)  # sorted by token count: little padding
    assert len(plan) < len(texts) / 16  # short statements share larger batches


def test_vader_memo_gives_the_same_scores(statements: list[str]) -> None:
    from voc.classify import sentiment

    if sentiment._vader() is None:
        pytest.skip("vaderSentiment is not installed")
    texts = _texts_for_pool(statements)
    sentiment._VADER_MEMO.clear()
    first = sentiment.vader_scores(texts)
    assert len(sentiment._VADER_MEMO) == len(set(texts))
    again = sentiment.vader_scores(texts[::-1])[::-1]  # all from the memo
    analyzer = sentiment._vader()
    ref = np.array(
        [[s["compound"], s["pos"], s["neg"]] for s in map(analyzer.polarity_scores, texts)],
        dtype=np.float32,
    )
    assert np.array_equal(first, ref) and np.array_equal(again, ref)

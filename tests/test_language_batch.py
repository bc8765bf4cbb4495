"""Batched language identification (voc.langbatch) decides exactly as py3langid does."""

from __future__ import annotations

import csv
import random
from pathlib import Path
from typing import Any

import pytest

import voc.ingest as ingest
from voc import language
from voc.ingest import SourceOptions, finish_item, ingest_paths
from voc.langbatch import classify_many
from voc.records import Item

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"

MIXED = [
    "My card was declined twice at checkout and nobody answers the chat.",
    "Je n'arrive pas à exporter mes factures depuis hier soir, aidez-moi.",
    "Die App stürzt jedes Mal ab, wenn ich den Bericht öffnen möchte.",
    "No puedo iniciar sesión desde que cambié mi contraseña ayer.",
    "Не могу войти в приложение после обновления, помогите пожалуйста.",
    "アプリが起動しません。昨日のアップデートから毎回クラッシュします。",
    "ok thanks",
    "lol",
    "",
    "[EMAIL] [PHONE] https://example.com/x?y=1 @someone #hashtag",
    "The export (e.g. CSV, 3.5 MB...) fails — “always”! Merci beaucoup, à bientôt.",
    "THE APP KEEPS CRASHING WHEN I OPEN THE BILLING PAGE AGAIN",
    "Ich bin sehr unzufrieden. The refund never arrived though I was promised it.",
    "x" * 700,
    "Ünïcödé wörds ärë hëré änd thërë, mïxëd wïth plaïn ënglïsh tëxt tôô.",
]


def _texts(n: int = 400) -> list[str]:
    rng = random.Random(5)
    words = " ".join(MIXED).split()
    made = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 40))) for _ in range(n)]
    return MIXED + made


def test_detect_many_decides_as_detect() -> None:
    texts = _texts()
    got = language.detect_many(texts)
    want = [language.detect(t) for t in texts]
    assert [d.language for d in got] == [d.language for d in want]
    assert all(abs(a.confidence - b.confidence) <= 1e-3 for a, b in zip(got, want, strict=True))
    assert {d.language for d in want} >= {"en", "fr", "de", "es", "ja", ""}


def test_few_texts_are_asked_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    import voc.langbatch

    def fail(*_: Any, **__: Any) -> None:
        raise AssertionError("batched for a handful of texts")

    monkeypatch.setattr(voc.langbatch, "classify_many", fail)
    texts = MIXED[:5]
    assert language.detect_many(texts) == [language.detect(t) for t in texts]


def test_close_to_the_threshold_asks_py3langid() -> None:
    """A threshold at a text's own probability: the batched path must defer to py3langid."""
    ident = language._identifier()
    texts = [language._sample(t) for t in _texts(200)]
    texts = [t for t in texts if t]
    for t in texts[:40:4]:
        lang, prob = ident.classify(t)
        got = classify_many(ident, texts, threshold=float(prob))
        assert got[texts.index(t)] == (lang, prob)


def test_identifier_without_the_automaton_is_asked_directly() -> None:
    class Plain:
        def classify(self, text: str) -> tuple[str, float]:
            return ("en", 0.5 + len(text) % 2 / 4)

    assert classify_many(Plain(), ["ab", "abc"], 0.9) == [("en", 0.5), ("en", 0.75)]


def test_primed_finish_item_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts(120) + ["\x00\x01\x02\x03 binary \x04", "$$$ 12345 %%% 678"]
    opts = SourceOptions(languages=["en", "fr"])

    def finish_all() -> list[Any]:
        out = []
        for i, t in enumerate(texts):
            rec = finish_item(Item("survey", "x.csv", f"row {i}", t), opts)
            out.append((type(rec).__name__, getattr(rec, "reason", ""), rec.__dict__))
        return out

    ingest._PRIMED.clear()
    alone = finish_all()
    ingest.prime_checks(texts)
    assert len(ingest._PRIMED) > 100
    assert finish_all() == alone
    assert {a[0] for a in alone} == {"Item", "Reject"}


def test_sample_languages_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    batched = ingest_paths([SAMPLE])
    monkeypatch.setattr(ingest, "prime_checks", lambda texts: ingest._PRIMED.clear())
    alone = ingest_paths([SAMPLE])
    assert [r.__dict__ for r in batched.records()] == [r.__dict__ for r in alone.records()]
    assert len(batched.items) > 50


@pytest.mark.slow
def test_eval_texts_decided_as_before() -> None:
    """A slice of every evaluation set (bench/text_identity.py compares all of them)."""
    if not EVAL.is_dir():
        pytest.skip("../shared/eval is absent (evaluation data not available)")
    csv.field_size_limit(10**9)
    texts: list[str] = []
    for name, cols in {
        "airline_tweets": ["text"],
        "banking77": ["text"],
        "cfpb_complaints": ["Consumer complaint narrative"],
        "womens_clothing_reviews": ["Title", "Review Text"],
        "twcs_sample": ["text"],
    }.items():
        with (EVAL / name / "dev.csv").open(newline="", encoding="utf-8") as fh:
            rows = [r for _, r in zip(range(250), csv.DictReader(fh), strict=False)]
        texts += [r[c] for r in rows for c in cols if r.get(c)]
    got = [d.language for d in language.detect_many(texts)]
    assert got == [language.detect(t).language for t in texts]

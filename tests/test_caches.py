"""Fixed costs of a run: the torch-free tokenizer, the thinc import hook, cached classifiers."""

from __future__ import annotations

import subprocess
import sys

import numpy as np

from voc.embed import default_model_path
from voc.embed_tokenizer import FastTokenizer, fast_tokenizer, max_seq_length

TEXTS = [
    "My card was declined at checkout, twice.",
    "",
    "Ünïcödé façade — naïve café 😀 ok?",
    "word " * 400,  # longer than max_seq_length: truncated
    "The app crashed when I tried to export my invoices to PDF last Monday.",
    "x",
]


def test_fast_tokenizer_matches_the_models_tokenizer() -> None:
    from transformers import AutoTokenizer

    path = default_model_path()
    ref = AutoTokenizer.from_pretrained(path)
    tok = fast_tokenizer(path)
    assert isinstance(tok, FastTokenizer) and tok.max_length == max_seq_length(path) == 256
    want = ref(TEXTS, padding=True, truncation=True, max_length=256, return_tensors="np")
    got = tok(TEXTS)
    assert got["input_ids"].shape[1] == 256  # padded to the longest (truncated) text
    for key in ("input_ids", "attention_mask", "token_type_ids"):
        np.testing.assert_array_equal(got[key], np.asarray(want[key], dtype=np.int64))
    short = tok(TEXTS[:1])
    assert short["input_ids"].shape[1] < 20 and short["attention_mask"].all()


def test_fast_tokenizer_missing_file_falls_back(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert fast_tokenizer(str(tmp_path)) is None
    assert max_seq_length(str(tmp_path)) == 256


def _python(code: str, **env: str) -> str:
    import os

    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
    )
    return out.stdout.strip()


def test_spacy_loads_without_torch_and_torch_still_imports() -> None:
    code = (
        "import sys, voc\n"
        "from voc.segment import split_many\n"
        "import spacy, thinc.compat\n"
        "print('torch' in sys.modules, thinc.compat.has_torch)\n"
        "import torch\n"
        "print(torch.ones(2).sum().item())\n"
    )
    assert _python(code).splitlines() == ["False False", "2.0"]
    # torch imported first: thinc sees it as usual
    assert _python("import torch, voc, thinc.compat; print(thinc.compat.has_torch)") == "True"


class HashEmbedder:
    """Deterministic stand-in vectors (a text's hash seeds them): the cache, not the model,
    is under test here."""

    model_id = "test-hash-embedder"

    def encode(self, texts: list[str], progress: object = None) -> np.ndarray:
        import hashlib

        out = np.zeros((len(texts), 384), dtype=np.float32)
        for i, t in enumerate(texts):
            seed = int(hashlib.sha1(t.encode()).hexdigest()[:8], 16)
            v = np.random.default_rng(seed).standard_normal(384)
            out[i] = v / np.linalg.norm(v)
        return out


def test_fitted_classifiers_are_cached_and_refit_when_a_label_file_changes(
    tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from voc.classify import batch, model_cache
    from voc.classify.stage import StageClassifier

    monkeypatch.setenv("VOC_CACHE_DIR", str(tmp_path / "cache"))
    fits: list[int] = []
    real_fit = StageClassifier.fit

    def counting_fit(self, *a, **k):  # type: ignore[no-untyped-def]
        fits.append(1)
        return real_fit(self, *a, **k)

    monkeypatch.setattr(StageClassifier, "fit", counting_fit)
    stages = tmp_path / "stages.yaml"
    src = Path(__file__).resolve().parents[1] / "labels" / "journey_stages.yaml"
    stages.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    emb = HashEmbedder()
    texts = ["My card was declined twice!", "Thanks, onboarding was smooth.", "Export fails."]
    vecs = emb.encode(texts)

    first = batch.build_classifiers(emb, stages=stages, seed=3)  # type: ignore[arg-type]
    assert len(fits) == 1 and len(list(model_cache.cache_root().glob("*.pkl"))) == 1
    second = batch.build_classifiers(emb, stages=stages, seed=3)  # type: ignore[arg-type]
    assert len(fits) == 1, "second build must load the cached fit"
    pd_first = batch.classify_statements(first, texts, vecs)
    assert pd_first.equals(batch.classify_statements(second, texts, vecs))
    # rebuilt cue matchers still match (sentiment uses them as features)
    assert second.sentiment.cues_.counts(["this is terrible"]) == first.sentiment.cues_.counts(
        ["this is terrible"]
    )

    text = stages.read_text(encoding="utf-8")
    stages.write_text(text.replace("examples:", "examples:\n      - my parcel never came", 1))
    batch.build_classifiers(emb, stages=stages, seed=3)  # type: ignore[arg-type]
    assert len(fits) == 2, "an edited label file must be refit"

    for f in model_cache.cache_root().glob("*.pkl"):  # a broken file only costs a fit
        f.write_bytes(b"not a pickle")
    batch.build_classifiers(emb, stages=stages, seed=3)  # type: ignore[arg-type]
    assert len(fits) == 3


def test_sparkline_svg_has_matplotlibs_geometry() -> None:
    from voc.report.charts import Sparklines

    svg = Sparklines().render("t01", [0, 3, 1, 0, 5, 2], [False] * 4 + [True, False], "a & b")
    # the coordinates matplotlib's SVG backend gave this sparkline (1.4 x 0.32 inch figure)
    line = "M 7.2 20.736 L 24.48 11.119304 L 41.76 17.530435 L 59.04 20.736 L 76.32 4.708174"
    assert f'd="{line} L 93.6 14.32487"' in svg
    assert 'd="M 76.32 2.958174 L 74.57 6.458174 L 78.07 6.458174 z"' in svg  # the spike
    assert 'viewBox="0 0 100.8 23.04"' in svg and 'aria-label="a &amp; b"' in svg
    assert svg.count("<path") == 4 and 'id="spark-t01-clip"' in svg
    assert "<path" in Sparklines().render("one", [4], [False], "one week")

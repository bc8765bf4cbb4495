"""The sentence splitter without spaCy documents (voc.sentsplit) gives spaCy's sentences.

Reference: ``[s.text.strip() for s in nlp(p).sents]`` with spaCy's blank English pipeline and
its sentencizer, the splitter used before. Checked on hard cases (abbreviations, decimals,
URLs, ellipses, quotes, placeholders, other scripts), random mixes of them, the sample
data, and the evaluation texts in ../shared/eval when present.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from voc import segment
from voc.ingest import ingest_paths
from voc.redact import redact
from voc.sentsplit import Splitter

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"

HARD = [
    "It failed, e.g. on Monday. Then it worked.",
    "Mr. Smith called. Mrs. Jones did not. Dr. Who? No.",
    "Version 3.5 broke it. 2.0 was fine. Pay $3.50 now.",
    "See https://example.com/help. It says nothing. Visit www.x.com.Then again",
    "Wait... what? Really?! I mean it!!! OK.",
    'He said "it broke." Then it broke again. (See above.) Fine.',
    "It broke. [EMAIL] never answered. Call [PHONE]. [NAME] said no.",
    "It broke.\"Then\" nothing. 'Quoted.' Next one.",
    "U.S. customers etc. are affected. i.e. everyone. a.m. or p.m.? Both.",
    "Costs 5%. Up 3x. At 10:30. ok. OK. I. A.",
    "Das ist kaputt. Ça ne marche pas. ¿Por qué? Sí.",
    "これは壊れています。 サポートに連絡しました。 返事がありません",
    "Пожалуйста, помогите. Не работает! Спасибо",
    "Emoji :) then. Next :-( sad. <3 love. xD lol.",
    "No.1 fan. No. 2 issue. Vol. 3 out. St. Louis. Jan. 5th.",
    "It broke.Then it did not. end.Next Start",
    "...leading dots. Trailing dots...",
    "— dash start. – en dash. - hyphen.",
    "fine。 next！ then？ ok",
    "a.b.c. d. e.f. Go.",
    "C++. C#. .NET is fine. node.js. Ok",
    "Order #12345. Ticket 987-654. Done.",
    "‼ wow. ⁉ what",
]
ATOMS = [
    "the",
    "app",
    "crashed",
    "e.g.",
    "U.S.",
    "3.5",
    "why",
    "help",
    "refund",
    "www.x.com",
    "Mr.",
    "etc.",
    "[EMAIL]",
    '"quoted"',
    "(paren)",
    "it's",
    "don't",
    "...",
    "—",
    ":)",
    "https://t.co/abc",
    "x@y.com",
    "5%",
    "$20",
    "#1",
    "no.",
    "A.",
    "end.",
    "Wow!",
    "why?",
    "'s",
    "“smart”",
    "«guillemets»",
    "日本",
    "。",
    "！",
    "‼",
    "a.m.",
    "i.e.",
    "--",
]
ENDS = ["", ".", "!", "?", "...", "!!", "?!", " :)", "。", "।", '."', ".)", "!'", ". "]


def _spacy(paragraph: str) -> list[str]:
    return [s.text.strip() for s in segment._nlp()(paragraph).sents]


def _paragraphs(texts: list[str]) -> list[str]:
    return [p for t in texts for p in segment._paragraphs(t)]


def _differences(paragraphs: list[str]) -> list[tuple[str, list[str], list[str]]]:
    split = Splitter(segment._nlp()).split
    out = []
    for p in paragraphs:
        ref, got = _spacy(p), split(p)
        if ref != got:
            out.append((p, ref, got))
    return out


def test_hard_cases_match_spacy() -> None:
    assert _differences(_paragraphs(HARD)) == []


def test_random_mixes_match_spacy() -> None:
    rng = random.Random(11)
    texts = []
    for _ in range(600):
        words = [rng.choice(ATOMS) for _ in range(rng.randint(1, 14))]
        for _ in range(rng.randint(0, 3)):
            words.insert(rng.randint(0, len(words)), rng.choice(ENDS[1:]).strip() or ".")
        texts.append(" ".join(words) + rng.choice(ENDS))
    assert _differences(_paragraphs(texts)) == []


def test_split_many_unchanged_on_the_sample() -> None:
    items = ingest_paths([SAMPLE]).items
    texts = [redact(it.text) for it in items] + [it.text for it in items]
    assert len(texts) > 50
    reference = []
    for t in texts:  # what split_many did with spaCy: paragraphs, sentences, filters
        out = []
        for p in segment._paragraphs(t):
            for s in _spacy(p):
                n_words = len(segment._WORD.findall(s))
                if n_words >= 2 and not (n_words <= 7 and segment._BOILERPLATE.match(s.strip())):
                    out.append(s)
        reference.append(out)
    assert list(segment.split_many(texts)) == reference


def test_other_whitespace_goes_to_spacy() -> None:
    p = "It broke.\u2009Then\tnothing. Next"
    assert list(segment._sentences([p])) == [_spacy(p)]


def test_bounded_cache_keeps_results(monkeypatch: pytest.MonkeyPatch) -> None:
    import voc.sentsplit as ss

    monkeypatch.setattr(ss, "MAX_CACHE", 3)
    split = Splitter(segment._nlp())
    paragraphs = _paragraphs(HARD) * 2
    assert [split.split(p) for p in paragraphs] == [_spacy(p) for p in paragraphs]
    assert len(split._sigs) <= 3


def _eval_texts(limit_per_set: int) -> list[str]:
    columns = {
        "airline_tweets": ["text"],
        "banking77": ["text"],
        "cfpb_complaints": ["Consumer complaint narrative"],
        "womens_clothing_reviews": ["Title", "Review Text"],
        "twcs_sample": ["text"],
    }
    csv.field_size_limit(10**9)
    texts: list[str] = []
    for name, cols in columns.items():
        with (EVAL / name / "dev.csv").open(newline="", encoding="utf-8") as fh:
            rows = [r for _, r in zip(range(limit_per_set), csv.DictReader(fh), strict=False)]
        texts += [r[c] for r in rows for c in cols if r.get(c)]
    return texts


@pytest.mark.slow
def test_eval_texts_match_spacy() -> None:
    """A slice of every evaluation set, raw and redacted (bench/text_identity.py: all)."""
    if not EVAL.is_dir():
        pytest.skip("../shared/eval is absent (evaluation data not available)")
    texts = _eval_texts(150)
    paragraphs = [p for p in _paragraphs(texts + [redact(t) for t in texts])]
    paragraphs = [p for p in paragraphs if segment._inner_punct().search(p)]
    assert len(paragraphs) > 500
    assert _differences(paragraphs) == []


def test_paragraphs_fast_path_is_the_full_one() -> None:
    rng = random.Random(4)
    bits = ["a", "b.", " ", "  ", "\n", "\n\n", "\t", "- ", "1. ", "2) ", "• ", "\u00a0", "x"]
    texts = ["".join(rng.choice(bits) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    assert [segment._paragraphs(t) for t in texts] == [segment._paragraphs_all(t) for t in texts]


def test_segment_step_frame_as_built_row_by_row() -> None:
    import pandas as pd

    from voc.state import RunState
    from voc.stepdefs import SegmentParams, segment_step

    class Ctx:
        models: dict = {}

        def progress(self, *_: object) -> None:
            pass

    texts = HARD + ["", "ok", "Hi Dana,\n\nThanks!"]
    items = pd.DataFrame({"item_id": [f"i{k}" for k in range(len(texts))], "text": texts})
    rows = [
        {
            "statement_id": segment.statement_id(f"i{k}", p),
            "item_id": f"i{k}",
            "position": p,
            "text": s,
        }
        for k, t in enumerate(texts)
        for p, s in enumerate(segment.split_statements(t))
    ]
    cols = ["statement_id", "item_id", "position", "text"]
    for frame, want in [(items, rows), (items.iloc[-3:-1], [])]:
        state = RunState(items=frame.copy(), names={})
        segment_step(state, Ctx(), SegmentParams())  # type: ignore[arg-type]
        pd.testing.assert_frame_equal(state.statements, pd.DataFrame(want, columns=cols))

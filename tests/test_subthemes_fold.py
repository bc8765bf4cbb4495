"""Sub-themes a reader can tell apart, and quotes picked once (voc.themes.drafts,
voc.themes.evidence, voc.themes.quotes)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import voc.themes.drafts as drafts_mod
import voc.themes.evidence as evidence_mod
from voc.themes.cluster import OTHER
from voc.themes.distinct import distinct_drafts
from voc.themes.drafts import build_drafts, fold_unnamed, name_subthemes, named_apart
from voc.themes.evidence import finish_evidence
from voc.themes.quotes import centre_quote, representative
from voc.themes.table import SubTheme, ThemeDraft


def test_named_apart_needs_a_word_the_parent_lacks() -> None:
    assert named_apart("bag lost: suitcase", "bag lost")
    assert not named_apart("hour delay", "hour delay")
    assert not named_apart("delays: hours", "hour delay")  # same lemmas, other order
    assert not named_apart("flight delayed", "flight delayed: home")


def test_a_subtheme_named_as_its_parent_is_folded_into_the_remainder() -> None:
    sub = np.array([0, 0, 0, 1, 1, 2, 2, 2, OTHER])
    subs = [SubTheme(0, "bag lost: suitcase", [], 3), SubTheme(1, "bag lost", [], 2),
            SubTheme(2, "bag lost: stroller", [], 3)]
    labels, kept = fold_unnamed(sub, subs, "bag lost")
    assert [s.label for s in kept] == [0, 2]
    assert labels.tolist() == [0, 0, 0, OTHER, OTHER, 2, 2, 2, OTHER]
    # nothing hidden: the kept counts plus the remainder make the theme
    assert sum(s.n_statements for s in kept) + int((labels == OTHER).sum()) == len(sub)


def test_one_subtheme_beside_the_rest_is_no_hierarchy() -> None:
    sub = np.array([0, 0, 1, 1])
    subs = [SubTheme(0, "bag lost: suitcase", [], 2), SubTheme(1, "lost bag", [], 2)]
    labels, kept = fold_unnamed(sub, subs, "bag lost")
    assert kept == [] and (labels == OTHER).all()


def test_siblings_of_one_name_keep_the_larger_once_names_are_final() -> None:
    sub = np.array([0, 0, 1, 1, 1, 2, 2])
    subs = [SubTheme(0, "bag lost: stroller", [], 2), SubTheme(1, "bag lost: suitcase", [], 3),
            SubTheme(2, "suitcase lost", [], 2)]
    labels, kept = fold_unnamed(sub, subs, "bag lost", siblings=True)
    assert [s.label for s in kept] == [0, 1, 2]  # "suitcase lost" differs from its sibling
    subs[2].name = "bag lost: suitcase"
    labels, kept = fold_unnamed(sub, subs, "bag lost", siblings=True)
    assert [s.label for s in kept] == [0, 1] and labels.tolist()[5:] == [OTHER, OTHER]


def test_name_subthemes_drops_one_without_a_phrase_of_its_own() -> None:
    texts = [
        "my bag was lost and the suitcase never came back",
        "they lost my suitcase, bag gone",
        "suitcase lost on the connection, bag claim useless",
        "bag lost with the wheelchair inside",
        "wheelchair lost, bag never arrived",
        "lost bag and wheelchair at the gate",
        "bag lost",
        "lost my bag",
    ]
    sub = np.array([0, 0, 0, 1, 1, 1, 2, 2])
    subs = name_subthemes(sub, texts, "bag lost")
    assert len(subs) == 2 and all(named_apart(s.name, "bag lost") for s in subs), subs
    assert 2 not in {s.label for s in subs}


def test_finish_evidence_folds_a_subtheme_named_as_the_final_parent() -> None:
    texts = ["hour delay again", "two hour delay", "delay of an hour", "an hour delay today",
             "hour delay, missed my connection", "missed connection after the hour delay",
             "hour delay made me miss the connection", "connection missed, hour delay"]
    vecs = np.eye(len(texts), dtype=np.float32) + 0.5
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    d = ThemeDraft(0, np.arange(8), "hour delay", [], [])
    d.sub_labels = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    d.subthemes = [SubTheme(0, "hour delay", [], 4),
                   SubTheme(1, "hour delay: connection", ["connection"], 4)]
    finish_evidence([d], vecs, texts, [f"s{i}" for i in range(8)], 4)
    # the one named as its parent has no phrase of its own said twice: folded, and one
    # sub-theme beside the remainder is no hierarchy
    assert d.subthemes == [] and (np.asarray(d.sub_labels) == OTHER).all()


def _theme_frame(n: int) -> tuple[pd.DataFrame, np.ndarray, list[str]]:
    texts = [f"refund for order {i} never arrived" for i in range(n // 2)] + [
        f"the app crashes when I open invoice {i}" for i in range(n - n // 2)
    ]
    rng = np.random.default_rng(1)
    vecs = rng.normal(size=(n, 16)).astype(np.float32)
    vecs[: n // 2, 0] += 4
    vecs[n // 2 :, 1] += 4
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    st = pd.DataFrame({"statement_id": [f"s{i}" for i in range(n)], "text": texts})
    return st, vecs, texts


def test_quotes_are_picked_once_per_theme(monkeypatch: pytest.MonkeyPatch) -> None:
    st, vecs, texts = _theme_frame(12)
    labels = np.array([0] * 6 + [1] * 6)
    calls: list[int] = []

    def counting(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append(len(args[1]))
        return representative(*args, **kwargs)

    monkeypatch.setattr(drafts_mod, "representative", counting, raising=False)
    monkeypatch.setattr(evidence_mod, "representative", counting)
    drafts = build_drafts(st, vecs, np.arange(12), labels, {}, subtheme_min_size=50)
    distinct_drafts(drafts, np.array(texts))
    finish_evidence(drafts, vecs, texts, st["statement_id"].tolist(), 4)
    assert len(calls) == len(drafts) == 2
    assert all(3 <= len(d.quote_ids) <= 4 for d in drafts)


def test_centre_quote_is_the_first_quote_without_a_name() -> None:
    rng = np.random.default_rng(3)
    pool = ["RT @a: flight cancelled again", "@united @delta #fail", "ok",
            "my bag never arrived at the belt", "the refund took three weeks to arrive",
            "x" * 400, "gate agent was rude to my mother", "app logs me out every day"]
    for _ in range(30):
        n = int(rng.integers(1, 9))
        texts = [pool[int(i)] for i in rng.integers(0, len(pool), size=n)]
        vecs = rng.normal(size=(n, 8)).astype(np.float32)
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
        assert centre_quote(vecs, texts) == representative(vecs, texts, k=4)[0]
    assert centre_quote(np.zeros((0, 8)), []) == -1


def test_a_name_no_statement_says_is_marked() -> None:
    texts = ["seat was broken and dirty", "the seat did not recline", "broken seat again"]
    vecs = np.eye(3, dtype=np.float32)
    said = ThemeDraft(0, np.arange(3), "broken seat", [], [])
    unsaid = ThemeDraft(1, np.arange(3), "cabin comfort", [], [])
    finish_evidence([said, unsaid], vecs, texts, ["a", "b", "c"], 3)
    assert not said.name_unsaid and unsaid.name_unsaid


def test_a_subtheme_holding_almost_all_its_theme_splits_nothing() -> None:
    texts = [f"flight cancelled, waited {i} hours on the phone" for i in range(9)] + [
        "flight cancelled in boston", "boston flight cancelled again",
    ]
    # 9 of 11 (over :data:`drafts_mod.DOMINANT`): shown whole, not split
    assert name_subthemes(np.array([0] * 9 + [1] * 2), texts, "flight cancelled") == []


def test_a_subtheme_named_mixed_complaints_is_folded() -> None:
    sub = np.array([0, 0, 1, 1, 2, 2])
    subs = [SubTheme(0, "bag lost: suitcase", [], 2), SubTheme(1, "bag lost: stroller", [], 2),
            SubTheme(2, "mixed complaints about seat", [], 2)]
    labels, kept = fold_unnamed(sub, subs, "bag lost")
    assert [s.label for s in kept] == [0, 1] and labels.tolist()[4:] == [OTHER, OTHER]


def test_siblings_named_alike_are_named_again_by_what_sets_each_apart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # both name themselves as the parent and offer "flight" first, which both say alike
    monkeypatch.setattr(drafts_mod, "theme_name", lambda *a: "can't book")
    monkeypatch.setattr(drafts_mod, "key_phrases",
                        lambda *a, **k: [["flight", "page"], ["flight", "phone"]])
    texts = [
        "can't book my flight online, the page errors", "can't book the flight, page frozen",
        "booking page errors, can't book flight", "the page won't load, can't book",
        "can't book a flight by phone", "can't book flight, phone line dead",
        "phone booking for my flight, can't book", "can't book by phone",
    ]
    subs = name_subthemes(np.array([0] * 4 + [1] * 4), texts, "can't book")
    names = sorted(s.name for s in subs)
    # each worked into what its statements write: "page errors", "can't book by phone"
    assert names == ["can't book by phone", "page errors"], names


_SEATS = [
    "there was no seat for me on the plane", "no seats left, paid for nothing",
    "booked early and still no seat", "gate agent said no seat was assigned",
    "got to the gate and no seat on the manifest", "no seat again, third time",
]
_REST = [
    "seat broken and would not recline", "my seat was dirty", "tiny seat, no legroom",
    "seat belt stuck", "assigned seat changed without notice", "the seat was wet",
    "seat cushion ripped", "window seat moved to a middle one", "seat screen broken",
    "seat tray sticky", "armrest of the seat broken", "sat in a broken seat",
]


def test_a_lone_subtheme_its_statements_write_stays_beside_the_rest() -> None:
    sub = np.array([0] * len(_SEATS) + [OTHER] * len(_REST))
    subs = [SubTheme(0, "no seat", [], len(_SEATS))]
    labels, kept = fold_unnamed(sub, subs, "seat issues", texts=_SEATS + _REST)
    assert [s.name for s in kept] == ["no seat"]
    assert labels.tolist() == sub.tolist()
    # without the statements there is nothing to weigh: folded as before
    assert fold_unnamed(sub, subs, "seat issues")[1] == []


def test_a_lone_subtheme_that_says_its_parent_again_or_a_stray_word_is_folded() -> None:
    texts = _SEATS + _REST
    sub = np.array([0] * len(_SEATS) + [OTHER] * len(_REST))
    # "no seat" under "seat lost" says only a negation more than its parent
    assert fold_unnamed(sub, [SubTheme(0, "no seat", [], 6)], "seat lost", texts=texts)[1] == []
    # a "parent: word" name, or a name of words the run says everywhere, is no part
    for name in ("seat issues: gate", "no plane seat"):
        got = fold_unnamed(sub, [SubTheme(0, name, [], 6)], "seat issues", texts=texts,
                           common={"plane"})[1]
        assert got == [], name
    # a name its statements do not write sets no part apart
    assert fold_unnamed(sub, [SubTheme(0, "seat recline", [], 6)], "seat issues",
                        texts=texts)[1] == []


def test_a_lone_subtheme_too_small_or_holding_most_of_its_theme_is_folded() -> None:
    few = np.array([0] * 4 + [OTHER] * 60)
    texts = _SEATS[:4] + [f"seat complaint number {i}" for i in range(60)]
    assert fold_unnamed(few, [SubTheme(0, "no seat", [], 4)], "seat issues", texts=texts)[1] == []
    most = np.array([0] * 6 + [OTHER])
    assert fold_unnamed(most, [SubTheme(0, "no seat", [], 6)], "seat issues",
                        texts=_SEATS + ["seat broken"])[1] == []

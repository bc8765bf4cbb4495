"""The addressee taken out of the sentence space, and near-duplicate themes merged in it."""

from __future__ import annotations

import numpy as np
import pytest

from voc.themes.addressee import addressee, addressee_centred, addressee_groups
from voc.themes.merge import merge_by_phrases, merge_duplicates

DIM = 32


def _axes(seed: int = 3) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    q, _ = np.linalg.qr(rng.normal(size=(DIM, 4)))
    return {"united": q[:, 0], "delta": q[:, 1], "service": q[:, 2], "hold": q[:, 3]}


def _tweets(n: int = 12) -> tuple[np.ndarray, list[str], np.ndarray]:
    """Four themes: two complaints, each sent to two airlines; the handle weighs more in
    the vector than the complaint, as MiniLM's does for "@united"."""
    ax = _axes()
    rng = np.random.default_rng(4)
    says = {
        "service": "your customer service is the worst",
        "hold": "on hold for two hours again",
    }
    vecs, texts, labels = [], [], []
    for k, (what, to) in enumerate(
        [("service", "united"), ("service", "delta"), ("hold", "united"), ("hold", "delta")]
    ):
        for i in range(n):
            vecs.append(1.2 * ax[to] + ax[what] + 0.05 * rng.normal(size=DIM))
            texts.append(f"@{to.capitalize()} {says[what]} {i}")
            labels.append(k)
    return np.asarray(vecs, dtype=np.float32), texts, np.asarray(labels)


def test_addressee_is_the_first_handle_lower_cased() -> None:
    assert addressee("@United hi @delta") == "@united"
    assert addressee("no handle here") == ""
    assert addressee("write to me@example.com, @delta") == "@delta"


def test_groups_need_two_large_addressees() -> None:
    texts = ["@a x"] * 10 + ["@b y"] * 10 + ["@c z"] * 3
    found = addressee_groups(texts)
    assert sorted(found) == ["@a", "@b"]
    assert found["@b"].tolist() == list(range(10, 20))
    assert addressee_groups(["@a x"] * 30) == {}  # one addressee: nothing to remove
    assert addressee_groups(["no handle"] * 30) == {}
    # a message's later sentences name no one: a group of their own beside a large handle
    mixed = addressee_groups(["@a hi"] * 10 + ["no handle"] * 10)
    assert sorted(mixed) == ["", "@a"] and mixed[""].tolist() == list(range(10, 20))


def test_texts_without_addressees_keep_their_vectors() -> None:
    rng = np.random.default_rng(0)
    vecs = rng.normal(size=(20, DIM)).astype(np.float32)
    out = addressee_centred(vecs, [f"card declined {i}" for i in range(20)])
    np.testing.assert_allclose(out, vecs / np.linalg.norm(vecs, axis=1, keepdims=True))


def test_centring_brings_one_complaint_to_two_airlines_together() -> None:
    vecs, texts, labels = _tweets()

    def cos(x: np.ndarray, a: int, b: int) -> float:
        ca, cb = x[labels == a].mean(axis=0), x[labels == b].mean(axis=0)
        return float(ca @ cb / np.linalg.norm(ca) / np.linalg.norm(cb))

    raw = vecs / np.linalg.norm(vecs, axis=1, keepdims=True)
    centred = addressee_centred(vecs, texts)
    # before: the same complaint to two airlines looks less alike than two complaints
    # to one airline; after: the other way round
    assert cos(raw, 0, 1) < cos(raw, 0, 2)
    assert cos(centred, 0, 1) > 0.95 > cos(centred, 0, 2)


def test_merge_duplicates_joins_one_complaint_across_airlines() -> None:
    vecs, texts, labels = _tweets()
    # the plain phrase merge at the same bar sees four themes
    assert len(set(merge_by_phrases(vecs, texts, labels, 0.9, 0.3, 3).tolist())) == 4
    merged = merge_duplicates(vecs, texts, labels, 0.9)
    assert len(set(merged.tolist())) == 2
    assert len(set(merged[labels <= 1].tolist())) == 1
    assert len(set(merged[labels >= 2].tolist())) == 1
    assert merged[0] != merged[-1]


def test_cluster_statements_merges_duplicates_only_below_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import voc.themes.merge as merge_mod
    from voc.themes.represent import cluster_statements
    from voc.themesteps import ClusterParams

    calls: list[float] = []
    real = merge_mod.merge_duplicates

    def spy(v: np.ndarray, t: list[str], lab: np.ndarray, thr: float) -> np.ndarray:
        calls.append(thr)
        return real(v, t, lab, thr)

    monkeypatch.setattr(merge_mod, "merge_duplicates", spy)
    vecs, texts, _ = _tweets()
    cluster_statements(vecs, texts, stable=False, duplicate_merge_threshold=1.0)
    assert calls == []
    assert ClusterParams().duplicate_merge_threshold == 0.9
    labels = cluster_statements(vecs, texts, stable=False, duplicate_merge_threshold=0.9)
    assert calls == [0.9]
    assert len(labels) == len(texts)


def _with_held(n: int = 24) -> tuple[np.ndarray, list[str], np.ndarray]:
    """Two cross-airline themes (service, hold), one theme of mixed complaints all to
    @united that only the handle holds together, and one real "@united wifi" theme."""
    rng = np.random.default_rng(7)
    q, _ = np.linalg.qr(rng.normal(size=(DIM, 5)))
    united, delta, service, hold, wifi = (q[:, i] for i in range(5))
    vecs, texts, labels = [], [], []

    def add(v: np.ndarray, text: str, label: int) -> None:
        vecs.append(v + 0.05 * rng.normal(size=DIM))
        texts.append(text)
        labels.append(label)

    for i in range(n):
        to, h = (united, "@united") if i % 2 else (delta, "@delta")
        add(0.6 * to + service, f"{h} customer service is rude {i}", 0)
        add(0.6 * to + hold, f"{h} on hold for hours {i}", 1)
        add(1.5 * united + (service if i % 2 else hold), f"@united what a mess {i}", 2)
        add(0.6 * united + wifi, f"@united wifi not working {i}", 3)
    return np.asarray(vecs, dtype=np.float32), texts, np.asarray(labels)


def test_statements_only_the_addressee_holds_move_to_the_theme_they_say() -> None:
    from voc.themes.addressee import addressee_held, dissolve_held

    vecs, texts, labels = _with_held()
    # theme 3 is all "@united" too, but says one thing: it stays
    assert addressee_held(vecs, texts, labels) == [2]
    out = dissolve_held(vecs, texts, labels)
    service, hold = out[labels == 0][0], out[labels == 1][0]
    held = np.flatnonzero(labels == 2)  # the i-th says "service" when i is odd, else "hold"
    moved = [i for i, row in enumerate(held) if out[row] in (service, hold)]
    assert len(moved) >= len(held) // 2
    assert all(out[held[i]] == (service if i % 2 else hold) for i in moved)
    assert len({int(out[held[i]]) for i in range(len(held)) if i not in moved}) <= 1
    for c in (0, 1, 3):  # the other themes keep their statements, and only theirs moved in
        assert len(set(out[labels == c].tolist())) == 1
    assert not set(out[labels == 3].tolist()) & set(out[held].tolist())
    # 1 turns it off; a theme below HELD_MIN_SIZE is never judged
    assert np.array_equal(dissolve_held(vecs, texts, labels, 1.0), labels)
    small = np.flatnonzero((labels != 2) | (np.arange(len(labels)) < 60))
    assert addressee_held(vecs[small], [texts[i] for i in small], labels[small]) == []

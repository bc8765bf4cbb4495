"""py3langid's language identification over many texts at once, with identical decisions.

py3langid finds a text's features by walking its UTF-8 bytes through a finite automaton,
one byte at a time in Python (``visit_counts``), then scores each text with a float16
table in its own small matrix product: for short customer texts those two are nearly all
of its cost. :func:`classify_many` steps the automaton of every text together, one byte
position at a time, as numpy gathers over all texts still that long, and scores all texts
with one sparse matrix product, then normalises as py3langid does.

The batched product sums in another order than py3langid's, so its float32 scores may
differ in the last bits. Both are within the standard bound of a float32 sum of ``k``
terms, ``(k + 2) u`` times the sum of the terms' magnitudes (``u`` = 2**-24; all terms
are log-probabilities times positive weights, so that sum is minus the score), which
bounds how far the top probability can move. Every text whose top probability is within
that distance (plus float32 slack for the normalisation) of the caller's threshold, and
every text without features, is classified again by ``identifier.classify`` itself. So
for any threshold the caller applies, the decision (language or undetermined) is the one
py3langid makes; only the returned probability of a text far from the threshold may
differ from py3langid's in its last float32 bits.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

BATCH = 2048
"""Texts walked together (transient memory: a few MB for customer texts, at worst about
120 MB for BATCH texts of 600 four-byte characters)."""
_U = 2.0**-24
"""Unit roundoff of float32."""


class _Tables:
    """The automaton and the float32 score table of one identifier (built once)."""

    def __init__(self, ident: Any) -> None:
        self.ident = ident
        self.nm = np.asarray(ident.tk_nextmove, dtype=np.int64)
        self.base = np.asarray(ident._rowbase, dtype=np.int64)
        self.out = np.asarray(ident.tk_output, dtype=np.int64)
        self.ptc = np.asarray(ident.nb_ptc, dtype=np.float32)
        self.pc = np.asarray(ident.nb_pc, dtype=np.float32)
        self.alias = list(ident._alias_pairs)
        self.classes = list(ident.nb_classes)
        if self.base.shape != self.out.shape or self.ptc.shape[1] != len(self.classes):
            raise ValueError("unexpected py3langid model layout")
        if (self.ptc > 0).any():
            raise ValueError("py3langid table with positive log-probabilities")


def _tables(ident: Any) -> _Tables | None:
    """The identifier's tables, or None when it has not py3langid 0.4's layout."""
    cached = getattr(_tables, "_cache", None)
    if cached is not None and cached[0] is ident:
        return cached[1]
    try:
        tables: _Tables | None = _Tables(ident)
        ident._encode  # noqa: B018
    except (AttributeError, TypeError, ValueError):
        tables = None
    _tables._cache = (ident, tables)  # type: ignore[attr-defined]
    return tables


def _walk(tb: _Tables, encoded: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """(text, feature) of every feature hit: py3langid's ``visit_counts`` for all texts."""
    n = len(encoded)
    lens = np.fromiter((len(b) for b in encoded), dtype=np.int64, count=n)
    order = np.argsort(-lens, kind="stable")  # longest first: the live texts are a prefix
    lens_sorted = lens[order]
    longest = int(lens_sorted[0]) if n else 0
    if longest == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    mat = np.zeros((n, longest), dtype=np.uint8)
    mat[np.arange(longest) < lens_sorted[:, None]] = np.frombuffer(
        b"".join(encoded[i] for i in order), dtype=np.uint8
    )
    cols = np.ascontiguousarray(mat.T)
    del mat
    live = np.searchsorted(-lens_sorted, -np.arange(longest), side="left")  # longer than t
    nm, base, out = tb.nm, tb.base, tb.out
    state = np.zeros(n, dtype=np.int64)
    rows: list[np.ndarray] = []
    feats: list[np.ndarray] = []
    for t in range(longest):
        k = int(live[t])
        s = nm[base[state[:k]] + cols[t, :k]]
        state[:k] = s
        f = out[s]
        hit = np.flatnonzero(f >= 0)
        if hit.size:
            rows.append(hit.astype(np.int32))
            feats.append(f[hit].astype(np.int32))
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return order[np.concatenate(rows)], np.concatenate(feats)


def _probabilities(
    tb: _Tables, encoded: list[bytes]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(best class, its probability, error bound of that probability, has features)."""
    from scipy.sparse import csr_matrix

    n = len(encoded)
    row, feat = _walk(tb, encoded)
    x = csr_matrix((np.ones(len(row), dtype=np.float32), (row, feat)), shape=(n, tb.ptc.shape[0]))
    x.sum_duplicates()
    k = np.diff(x.indptr)  # features per text
    x.data = np.log1p(x.data)
    raw = np.asarray(x @ tb.ptc, dtype=np.float32)
    magnitude = -raw.min(axis=1)  # sum of |terms| of the largest score (all terms <= 0)
    raw += tb.pc
    scale = np.array([1.0 / math.sqrt(len(b) or 1) for b in encoded], dtype=np.float32)
    scores = raw * scale[:, None]
    np.exp(scores - scores.max(axis=1, keepdims=True), out=scores)
    scores /= scores.sum(axis=1, keepdims=True)
    for i, j in tb.alias:
        scores[:, i] += scores[:, j]
        scores[:, j] = 0.0
    best = scores.argmax(axis=1)
    prob = scores[np.arange(n), best].astype(np.float64)
    # ours and py3langid's sums each within (k + 2) u |terms| of the exact one; score
    # differences move by at most twice that, scaled; the top probability by e**E - 1.
    spread = 2 * 2 * (k + 2) * _U * (magnitude + np.abs(tb.pc).max()) * scale
    err = prob * np.expm1(spread) + 1e-4  # + float32 rounding of exp, sums of 142, division
    return best, prob, err, k > 0


def classify_many(ident: Any, texts: Sequence[str], threshold: float) -> list[tuple[str, float]]:
    """(language, probability) of every text, where ``probability >= threshold`` is
    decided exactly as with ``ident.classify(text)`` (built with ``norm_probs=True``)."""
    tb = _tables(ident)
    if tb is None or not getattr(ident, "_norm_probs", False) or ident.min_confidence:
        return [ident.classify(t) for t in texts]
    out: list[tuple[str, float]] = []
    for lo in range(0, len(texts), BATCH):
        part = texts[lo : lo + BATCH]
        best, prob, err, has = _probabilities(tb, [ident._encode(t) for t in part])
        for t, b, p, e, h in zip(
            part, best.tolist(), prob.tolist(), err.tolist(), has.tolist(), strict=True
        ):
            if not h or abs(p - threshold) <= e or not math.isfinite(p):
                out.append(ident.classify(t))  # too close to call: py3langid itself
            else:
                out.append((tb.classes[b], p))
    return out

"""Fixtures shared across test modules."""

from __future__ import annotations

import pytest

from voc.embed import Embedder


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    """The local MiniLM encoder, one per test module (a module may define its own)."""
    return Embedder()

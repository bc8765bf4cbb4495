"""Keep heavy libraries out of processes that do not use them.

spaCy imports thinc, and ``thinc.compat`` imports torch just to learn whether it is
there (5 s of a re-run's start-up under load, more than spaCy itself). voc uses spaCy
only for rule-based sentence splitting, lemma tables and phrase matching, none of
which touches torch. :func:`install` adds an import hook that runs ``thinc.compat``
as if torch were absent, unless torch is already imported (then nothing changes). A
later ``import torch`` (the float32 embedding path, fast-mode distillation) works as
usual. ``VOC_THINC_TORCH=1`` turns the hook off.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any


class _NoTorchLoader(importlib.abc.Loader):
    """Runs the wrapped loader with ``torch`` marked unimportable, then restores it."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        blocked = "torch" not in sys.modules
        if blocked:
            sys.modules["torch"] = None  # type: ignore[assignment]  # import raises ImportError
        try:
            self.loader.exec_module(module)
        finally:
            if blocked and sys.modules.get("torch", 0) is None:
                del sys.modules["torch"]


class ThincWithoutTorch(importlib.abc.MetaPathFinder):
    """Meta-path finder for ``thinc.compat`` only; every other import is left alone."""

    target = "thinc.compat"

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != self.target or "torch" in sys.modules:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return None
        spec.loader = _NoTorchLoader(spec.loader)
        return spec


def install() -> None:
    """Add the hook once (no-op when ``VOC_THINC_TORCH=1`` or thinc is already imported)."""
    if os.environ.get("VOC_THINC_TORCH") == "1" or "thinc.compat" in sys.modules:
        return
    if not any(isinstance(f, ThincWithoutTorch) for f in sys.meta_path):
        sys.meta_path.insert(0, ThincWithoutTorch())

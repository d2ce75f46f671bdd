"""Article extraction (troopwatch.extract.extract_article) on the extraction benchmark corpus.

/work/shared/corpus/article-extraction-benchmark: 181 real pages and their article bodies.
Scored the way upstream scores (see the corpus README): 4-token shingles of `\\w+` tokens,
per-page precision and recall averaged over pages, F1 of the averages; also bag of words.
Prints pages/s (one core, best of N passes, after warm-up) and ms/page (median).

    .venv/bin/python bench/bench_extract.py [--repeat N] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing
from troopwatch.extract import extract_article  # noqa: E402
from troopwatch.paths import EXTRACTION_CORPUS  # noqa: E402

CORPUS = EXTRACTION_CORPUS
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int) -> Counter:
    toks = _TOKEN.findall(text)
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def prf(pred: dict[str, str], truth: dict[str, str], n: int) -> tuple[float, float, float]:
    ps, rs = [], []
    for key, gold in truth.items():
        g, p = shingles(gold, n), shingles(pred.get(key, ""), n)
        tp = sum((g & p).values())
        if p:
            ps.append(tp / sum(p.values()))
        if g:
            rs.append(tp / sum(g.values()))
    precision, recall = statistics.mean(ps), statistics.mean(rs)
    return precision, recall, 2 * precision * recall / (precision + recall)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="timed passes over the corpus")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()

    truth_doc = json.loads((args.corpus / "ground-truth.json").read_text(encoding="utf-8"))
    truth = {k: v.get("articleBody") or "" for k, v in truth_doc.items()}
    pages = {
        k: ((args.corpus / "html" / f"{k}.html").read_text(encoding="utf-8"), v.get("url", ""))
        for k, v in truth_doc.items()
    }
    for html, url in list(pages.values())[:5]:  # warm-up
        extract_article(html, url)

    best, per_page = float("inf"), []
    pred: dict[str, str] = {}
    for _ in range(args.repeat):
        times = []
        t0 = time.perf_counter()
        for key, (html, url) in pages.items():
            t1 = time.perf_counter()
            art = extract_article(html, url)
            times.append(time.perf_counter() - t1)
            pred[key] = art.text if art else ""
        best = min(best, time.perf_counter() - t0)
        per_page.append(statistics.median(times))

    empty = sum(1 for v in pred.values() if not v)
    print(f"pages: {len(pages)}, no text: {empty}")
    print(
        f"best of {args.repeat}: {best:.2f} s -> {len(pages) / best:.1f} pages/s, "
        f"{1000 * min(per_page):.1f} ms/page (median)"
    )
    for label, n in (("4-gram (benchmark)", 4), ("bag of words", 1)):
        p, r, f = prf(pred, truth, n)
        print(f"{label:<20} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

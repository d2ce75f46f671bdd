"""Throughput and false-positive rate of the claim extractor.

Corpus: the seed articles plus the article bodies of the extraction benchmark
(/work/shared/corpus/article-extraction-benchmark/ground-truth.json, mostly off-topic
pages in several languages). Prints sentences per second (one core, after warm-up), the
same for the on-topic sentences of data/eval/claims.jsonl when present (every rule runs) and for
the dev split of data/eval/claims_real.jsonl (real text in twelve languages), and
claims found per 1,000 off-topic sentences, listing a sample of those claims so that a
false positive is easy to inspect. Last, hostile input: 100 KB lists of numbers ("1, 1, 1, …",
"1 2 3 …", "1,000, 1,007, …", "1,1,1,…", one 100,000-digit number) each after "North Korean
troops:", timed once each (target: under one second; the extractor is linear in text length),
and 100 KB of "1만 명, " after 북한군, where every figure is a claim (cost per claim).

    .venv/bin/python bench/bench_claims.py [--repeat N] [--show N]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing
from troopwatch.claims import extract_claims, split_sentences  # noqa: E402
from troopwatch.paths import EXTRACTION_CORPUS  # noqa: E402

SEEDS = ROOT / "data" / "seeds"
CORPUS = EXTRACTION_CORPUS / "ground-truth.json"
EVAL = ROOT / "data" / "eval" / "claims.jsonl"
# Real published passages in twelve languages; only the dev split is read here.
REAL = ROOT / "data" / "eval" / "claims_real.jsonl"


def load_texts() -> tuple[list[str], list[str]]:
    """(seed texts, off-topic texts)."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    other: list[str] = []
    if CORPUS.exists():
        data = json.loads(CORPUS.read_text(encoding="utf-8"))
        other = [v.get("articleBody") or "" for v in data.values()]
    return seeds, other


def hostile_lists(size: int = 100_000) -> dict[str, str]:
    """100 KB "sentences" that used to make claim extraction quadratic or raise."""

    def join(items, sep: str = ", ") -> str:
        out, n = [], 0
        for x in items:
            out.append(x)
            n += len(x) + len(sep)
            if n >= size:
                break
        return "North Korean troops: " + sep.join(out)

    return {
        '"1, 1, 1, …"': join(itertools.repeat("1")),
        '"1 2 3 …"': join((str(i) for i in itertools.count(1)), sep=" "),
        '"1,000, 1,007, …"': join(f"{i:,}" for i in itertools.count(1000, 7)),
        '"1,1,1,…"': join(itertools.repeat("1"), sep=","),
        "100,000 digits": "North Korean troops: " + "9" * size,
        # Every figure a claim (16,666 of them): the cost per claim, still linear.
        '"1만 명, …" (all claims)': "북한군 " + "1만 명, " * (size // 6),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="timed passes over the corpus")
    ap.add_argument("--show", type=int, default=15, help="off-topic claims to print")
    args = ap.parse_args()

    seeds, other = load_texts()
    texts = seeds + other
    n_sent = sum(len(split_sentences(t)) for t in texts)
    n_other = sum(len(split_sentences(t)) for t in other)

    for t in texts[:5]:  # warm-up: regex compilation, KB load
        extract_claims(t)

    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for t in texts:
            extract_claims(t)
        best = min(best, time.perf_counter() - t0)

    # Worst case: sentences that are all on the story pass every gate and run every rule.
    on_topic = []
    if EVAL.exists():
        with EVAL.open(encoding="utf-8") as fh:
            on_topic = [json.loads(line)["text"] for line in fh if line.strip()]
    if on_topic:
        n_on = sum(len(split_sentences(t)) for t in on_topic)
        best_on = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            for t in on_topic:
                extract_claims(t)
            best_on = min(best_on, time.perf_counter() - t0)

    # Real text in twelve languages (dev split only: the test split stays unseen).
    real = []
    if REAL.exists():
        with REAL.open(encoding="utf-8") as fh:
            real = [json.loads(line) for line in fh if line.strip()]
        real = [r["text"] for r in real if r.get("split") == "dev"]
    if real:
        n_real = sum(len(split_sentences(t)) for t in real)
        best_real = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            for t in real:
                extract_claims(t)
            best_real = min(best_real, time.perf_counter() - t0)

    seed_claims = [c for t in seeds for c in extract_claims(t)]
    fps = [c for t in other for c in extract_claims(t)]
    print(f"texts: {len(texts)} ({len(seeds)} seeds), sentences: {n_sent} ({n_other} off-topic)")
    print(f"best of {args.repeat}: {best:.3f} s -> {n_sent / best:,.0f} sentences/s")
    if on_topic:
        print(
            f"on-topic worst case ({EVAL.name}, {n_on} sentences): "
            f"{n_on / best_on:,.0f} sentences/s"
        )
    if real:
        print(
            f"real text, 12 languages ({REAL.name} dev, {n_real} sentences): "
            f"{n_real / best_real:,.0f} sentences/s"
        )
    print(f"seed claims: {len(seed_claims)}")
    rate = 1000 * len(fps) / max(1, n_other)
    print(f"off-topic claims: {len(fps)} -> {rate:.2f} per 1,000 off-topic sentences")
    for c in fps[: args.show]:
        print(
            f"  [{c.lang}] {c.category} {c.figure_low}-{c.figure_high} {c.unit}: {c.sentence[:140]}"
        )
    print("hostile input (100 KB each, one pass):")
    for name, text in hostile_lists().items():
        t0 = time.perf_counter()
        n = len(extract_claims(text))
        print(f"  {name:<26} {time.perf_counter() - t0:6.3f} s  ({n} claims)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Speed of the pure near-duplicate logic: signatures/s and compare/s.

Texts: the 181 real article bodies of the article-extraction benchmark (66 to 7,941 words,
median ~545; several languages incl. Japanese and Korean) when ../shared/corpus is present,
plus the seeds and the labelled set's texts.

    .venv/bin/python bench/bench_dedupe_logic.py [--repeat 3]

Prints, best of --repeat runs: texts/s and MB/s for normalise, shingles, minhash_signature
and sketch (hash + signature + band keys + anchor keys), compare/s for duplicate and
non-duplicate pairs, and the estimate_similarity rate.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from troopwatch.dedupe.minhash import (  # noqa: E402
    compare,
    estimate_similarity,
    minhash_signature,
    normalize_text,
    shingles,
    sketch,
)
from troopwatch.paths import EXTRACTION_CORPUS  # noqa: E402

CORPUS = EXTRACTION_CORPUS / "ground-truth.json"


def load_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "seeds").glob("*.txt"))]
    texts += [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "data" / "eval" / "dedupe").glob("*/*.txt"))
    ]
    if CORPUS.exists():
        body = json.loads(CORPUS.read_text(encoding="utf-8"))
        texts += [v["articleBody"] for v in body.values()]
    return texts


def best_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    texts = load_texts()
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    words = [len(t.split()) for t in texts]
    print(
        f"texts: {len(texts)}, {mb:.2f} MB, words per text median {statistics.median(words):.0f}"
        f" max {max(words)}"
    )

    for name, fn in [
        ("normalize_text", normalize_text),
        ("shingles", shingles),
        ("minhash_signature", minhash_signature),
        ("sketch (all fields)", sketch),
    ]:
        t = best_time(lambda fn=fn: [fn(x) for x in texts], args.repeat)
        print(f"{name:<22} {len(texts) / t:8.0f} texts/s  {mb / t:6.2f} MB/s  {t * 1e3:7.0f} ms")

    # compare(): duplicates (a text vs an edited copy) and non-duplicates (random other text).
    rng = random.Random(7)
    dup_pairs = []
    for t in texts:
        paras = t.split("\n")
        rng.shuffle(paras)
        dup_pairs.append((t, "Menu\nShare\n" + "\n".join(paras) + "\nRead more"))
    diff_pairs = [(a, rng.choice(texts)) for a in texts]
    for label, pairs in [("duplicate", dup_pairs), ("non-duplicate", diff_pairs)]:
        t = best_time(lambda pairs=pairs: [compare(a, b) for a, b in pairs], args.repeat)
        print(
            f"compare {label:<14} {len(pairs) / t:8.0f} pairs/s  {t * 1e3 / len(pairs):6.2f} ms/pair"
        )

    sigs = [minhash_signature(x) for x in texts]
    sig_pairs = [(rng.choice(sigs), rng.choice(sigs)) for _ in range(20000)]
    t = best_time(lambda: [estimate_similarity(a, b) for a, b in sig_pairs], args.repeat)
    print(f"estimate_similarity    {len(sig_pairs) / t:8.0f} pairs/s")


if __name__ == "__main__":
    main()

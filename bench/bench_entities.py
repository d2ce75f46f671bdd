"""Benchmark the entity tagger: articles per second on one core.

Tags the seed texts (data/seeds/*.txt) and the article bodies of
/work/shared/corpus/article-extraction-benchmark/ground-truth.json (if present) and prints
throughput. Not a test; run with ``.venv/bin/python bench/bench_entities.py [--rounds N]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from troopwatch.entities import default_kb, entity_fields, tag_entities  # noqa: E402
from troopwatch.paths import EXTRACTION_CORPUS  # noqa: E402

CORPUS = EXTRACTION_CORPUS / "ground-truth.json"


def load_texts() -> dict[str, list[str]]:
    sets = {
        "seeds": [
            p.read_text(encoding="utf-8") for p in sorted((ROOT / "data/seeds").glob("*.txt"))
        ]
    }
    if CORPUS.exists():
        data = json.loads(CORPUS.read_text(encoding="utf-8"))
        sets["benchmark"] = [v.get("articleBody") or "" for v in data.values()]
    return sets


def run(texts: list[str], rounds: int) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds, documents tagged, mentions per pass)."""
    n_mentions = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for t in texts:
            ms = tag_entities(t)
            entity_fields(ms)
            n_mentions += len(ms)
    # CPU time is the one-core figure; wall time also counts other processes' load.
    return (
        time.perf_counter() - t0,
        time.process_time() - c0,
        len(texts) * rounds,
        n_mentions // rounds,
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    t0 = time.perf_counter()
    kb = default_kb()
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    tag_entities("warm-up", kb=kb)  # builds the automata
    t_build = time.perf_counter() - t0
    print(f"KB: {len(kb.entities)} entities, {len(kb.index)} normalised forms")
    print(f"load {t_load * 1000:.0f} ms, automaton build {t_build * 1000:.0f} ms")
    total_chars = total_docs = 0
    total_wall = total_cpu = 0.0
    for name, texts in load_texts().items():
        chars = sum(len(t) for t in texts)
        wall, cpu, docs, mentions = run(texts, args.rounds)
        total_chars += chars * args.rounds
        total_docs += docs
        total_wall += wall
        total_cpu += cpu
        print(
            f"{name:10s} {len(texts):4d} docs, {chars / max(len(texts), 1):6.0f} chars/doc: "
            f"{docs / cpu:6.0f} articles/s CPU ({docs / wall:6.0f} wall), "
            f"{chars * args.rounds / cpu / 1e6:5.2f} M chars/s, {mentions} mentions per pass"
        )
    print(
        f"overall    {total_docs / total_cpu:6.0f} articles/s CPU ({total_docs / total_wall:.0f} wall), "
        f"{total_chars / total_cpu / 1e6:.2f} M chars/s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Feed reading against feedparser's test corpus (/work/shared/corpus/feedparser-tests).

    .venv/bin/python bench/bench_feed_corpus.py [-v]

Prints: files refused (and how many of those feedparser reads entries from), crashes,
files where feedparser reads linked entries and troopwatch none, link agreement where
both read entries, and entries with time-zone-less dates. `-v` lists the files behind
each figure.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from tests.feed_corpus import corpus_dates, links_agree, lost, run_corpus  # noqa: E402


def main() -> None:
    verbose = "-v" in sys.argv
    start = time.perf_counter()
    results = list(run_corpus())
    elapsed = time.perf_counter() - start
    refused = [r for r in results if r.refused]
    crashed = [r for r in results if r.crashed]
    lost_files = [r for r in results if lost(r)]
    both = [r for r in results if r.theirs and r.ours_links]
    disagree = [r for r in both if not links_agree(r)]
    zoneless = [r for r in results if r.zoneless]
    print(f"files: {len(results)} ({elapsed:.1f} s, both readers)")
    print(
        f"refused: {len(refused)}, of which feedparser reads entries: "
        f"{sum(1 for r in refused if r.theirs)}"
    )
    print(f"crashed: {len(crashed)}")
    print(f"feedparser reads linked entries, troopwatch none: {len(lost_files)}")
    print(f"both read entries: {len(both)}, links agree: {len(both) - len(disagree)}")
    print(
        f"entries with zone-less dates: {sum(r.zoneless for r in zoneless)} "
        f"in {len(zoneless)} files"
    )
    dates = list(corpus_dates())
    both_dates = [d for d in dates if d.ours is not None and d.theirs is not None]
    print(
        f"date texts: {len(dates)}; zone-less: {sum(d.zoneless for d in dates)}; "
        f"both read: {len(both_dates)}, same instant: {sum(d.agree for d in both_dates)}; "
        f"feedparser only: {sum(1 for d in dates if d.ours is None and d.theirs)}; "
        f"ours only: {sum(1 for d in dates if d.ours is not None and not d.theirs)}"
    )
    if verbose:
        for d in dates:
            if d.zoneless or (d.theirs and not d.agree) or (d.ours and not d.theirs):
                print("DATE", repr(d.text), d.ours, d.theirs and d.theirs[:6])
        for label, rows in (("CRASHED", crashed), ("LOST", lost_files)):
            for r in rows:
                print(label, r.path, r.crashed or r.refused or "")
        for r in disagree:
            print("DISAGREE", r.path, r.ours_links, r.theirs)
        for r in zoneless:
            print("ZONELESS", r.path, [e.published for e in r.ours])


if __name__ == "__main__":
    main()

"""Assemble data/eval/claims_real.jsonl from the annotators' per-language files and split
it, once, into dev and test.

The split is by page: every passage of one URL falls in the same half, so a rule tuned on a
dev passage cannot have seen its test neighbour. Within each language the URLs are ordered
by the SHA-1 of the URL and dealt alternately (test first), which gives about half of each
language to each split, reproducibly. Run once, before any rule is tuned on the set:

    python data/eval/real/assemble.py /path/to/annotations/*.jsonl
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "claims_real.jsonl"
LANG_ORDER = ("en", "ko", "ru", "uk", "de", "fr", "es", "ja", "it", "pt", "zh", "ar")


def assign_splits(items: list[dict]) -> None:
    by_lang: dict[str, list[str]] = defaultdict(list)
    for it in items:
        if it["url"] not in by_lang[it["lang"]]:
            by_lang[it["lang"]].append(it["url"])
    split_of: dict[tuple[str, str], str] = {}
    for lang, urls in by_lang.items():
        ordered = sorted(urls, key=lambda u: hashlib.sha1(u.encode()).hexdigest())
        for i, url in enumerate(ordered):
            split_of[lang, url] = "test" if i % 2 == 0 else "dev"
    for it in items:
        it["split"] = split_of[it["lang"], it["url"]]


def main(paths: list[str]) -> int:
    items = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            items += [json.loads(line) for line in fh if line.strip()]
    items.sort(key=lambda it: (LANG_ORDER.index(it["lang"]), it["id"]))
    assign_splits(items)
    keys = ("id", "lang", "split", "url", "text", "claims", "lookalike", "note")
    with OUT.open("w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps({k: it[k] for k in keys}, ensure_ascii=False) + "\n")
    print(f"{len(items)} passages -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

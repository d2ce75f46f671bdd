"""Assemble data/eval/claims_real3.jsonl, the third real-text set (dev only), from its
annotators' per-language files (`real/SPEC3.md`), kept apart from both earlier sets.

The passages come from stored copies of public news pages; the annotators never saw the
extractor, its code, its output or the earlier sets. A passage is dropped when its page
(URL without scheme and www.) is a page of either earlier set, when it shares half of its
word 5-grams (character 8-grams in scripts without spaces) with any of their passages, or
when it repeats a passage kept already. Run once, before any rule is tuned on the set:

    python data/eval/real/assemble3.py /path/to/annotations/*.jsonl
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from assemble2 import EVAL, LANG_ORDER, grams, overlap, page  # noqa: E402

from troopwatch.claims.evaluate import load  # noqa: E402

FIELDS = ("id", "lang", "split", "url", "text", "claims", "lookalike", "note")


def keep_apart(
    rows: list[dict], earlier: list[dict], prefix: str
) -> tuple[list[dict], Counter, Counter]:
    """(kept items, dropped counts by reason, kept per language): a row is dropped when its
    page is a page of ``earlier``, when it shares half of its grams with a passage of
    ``earlier`` in its language, or when it repeats a row kept already. Kept rows get ids
    ``<prefix>-<lang>-NNN`` and the dev split."""
    earlier_pages = {page(it["url"]) for it in earlier}
    earlier_grams = [(it["lang"], grams(it["text"])) for it in earlier]
    rows = sorted(rows, key=lambda r: LANG_ORDER.index(r["lang"]))
    kept, kept_grams, dropped, numbers = [], [], Counter(), Counter()
    for row in rows:
        mine = grams(row["text"])
        if page(row["url"]) in earlier_pages:
            dropped["page of an earlier set"] += 1
        elif any(lang == row["lang"] and overlap(mine, g) >= 0.5 for lang, g in earlier_grams):
            dropped["passage overlaps an earlier set"] += 1
        elif any(overlap(mine, g) >= 0.8 for g in kept_grams):
            dropped["repeats a kept passage"] += 1
        else:
            kept_grams.append(mine)
            numbers[row["lang"]] += 1
            item = {"id": f"{prefix}-{row['lang']}-{numbers[row['lang']]:03d}", "split": "dev"}
            item.update(row)
            kept.append({k: item[k] for k in FIELDS})
    return kept, dropped, numbers


def write_set(kept: list[dict], name: str, dropped: Counter, numbers: Counter) -> None:
    out = EVAL / name
    with out.open("w", encoding="utf-8") as f:
        for it in kept:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(
        f"{len(kept)} passages kept in {out}; dropped: {dict(dropped)}; per language: "
        f"{dict(numbers)}"
    )


def main(paths: list[str]) -> None:
    earlier = [
        it for name in ("claims_real.jsonl", "claims_real2.jsonl") for it in load(EVAL / name)
    ]
    rows = [row for p in paths for row in load(p)]
    kept, dropped, numbers = keep_apart(rows, earlier, "r3")
    write_set(kept, "claims_real3.jsonl", dropped, numbers)


if __name__ == "__main__":
    main(sys.argv[1:])

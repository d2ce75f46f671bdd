"""Assemble data/eval/claims_real2.jsonl, the second real-text set (dev only), from its
annotators' per-language files, keeping it apart from the first set's test split.

A passage is dropped when its page (URL without scheme and www.) is a page of the first
set's test split, when it shares half of its word 5-grams (character 8-grams in scripts
without spaces) with any passage of the first set, or when it repeats a passage kept
already. Two `source_text` values that did not quote the passage exactly were corrected
by hand afterwards (r2-fr-005, r2-it-014). Run once, before any rule is tuned on the set:

    python data/eval/real/assemble2.py /path/to/annotations/*.jsonl

It also prints how two independent labellings agree on the passages both sets hold (dev
passages of the first set only): the ceiling an extractor can be measured against.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
from troopwatch.claims.evaluate import same_claimant  # noqa: E402

EVAL = ROOT / "data" / "eval"
LANG_ORDER = ("en", "ko", "ru", "uk", "de", "fr", "es", "ja", "it", "pt", "zh", "ar")
CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


def grams(text: str) -> set[str]:
    text = re.sub(r"\W+", " ", unicodedata.normalize("NFKC", text).lower()).strip()
    if CJK.search(text):
        text = text.replace(" ", "")
        return {text[i : i + 8] for i in range(max(1, len(text) - 7))}
    words = text.split()
    return {" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))}


def overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def page(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url.strip().lower()).rstrip("/")


def key(claim: dict) -> tuple:
    return claim["figure_low"], claim["figure_high"], claim["category"]


def main(paths: list[str]) -> None:
    lines = (EVAL / "claims_real.jsonl").read_text(encoding="utf-8").splitlines()
    first = [json.loads(line) for line in lines]
    first_grams = [(it, grams(it["text"])) for it in first]
    test_pages = {page(it["url"]) for it in first if it["split"] == "test"}
    rows = [
        json.loads(line)
        for p in paths
        for line in Path(p).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    rows.sort(key=lambda r: LANG_ORDER.index(r["lang"]))
    kept, kept_grams, dropped = [], [], Counter()
    numbers: Counter = Counter()
    agree = gold_n = new_n = claimant_n = claimant_agree = shared = 0
    for row in rows:
        mine = grams(row["text"])
        twin = max(
            first_grams, key=lambda ig: overlap(mine, ig[1]) if ig[0]["lang"] == row["lang"] else 0
        )
        if overlap(mine, twin[1]) >= 0.8 and twin[0]["split"] == "dev":
            shared += 1
            old = {key(c): c for c in twin[0]["claims"]}
            new = {key(c): c for c in row["claims"]}
            agree += len(old.keys() & new.keys())
            gold_n, new_n = gold_n + len(old), new_n + len(new)
            for k in old.keys() & new.keys():
                claimant_n += 1
                claimant_agree += same_claimant(old[k], new[k], row["lang"])
        if page(row["url"]) in test_pages:
            dropped["page in the first set's test split"] += 1
        elif any(overlap(mine, g) >= 0.5 for _, g in first_grams):
            dropped["passage overlaps the first set"] += 1
        elif any(overlap(mine, g) >= 0.8 for g in kept_grams):
            dropped["repeats a kept passage"] += 1
        else:
            kept_grams.append(mine)
            numbers[row["lang"]] += 1
            kept.append(
                {"id": f"r2-{row['lang']}-{numbers[row['lang']]:03d}", "split": "dev", **row}
            )
    out = EVAL / "claims_real2.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for it in kept:
            f.write(
                json.dumps(
                    {
                        k: it[k]
                        for k in (
                            "id",
                            "lang",
                            "split",
                            "url",
                            "text",
                            "claims",
                            "lookalike",
                            "note",
                        )
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    print(f"{len(kept)} passages kept in {out}; dropped: {dict(dropped)}")
    p, r = agree / max(1, new_n), agree / max(1, gold_n)
    print(
        f"two labellings of {shared} shared dev passages: figure+category F1 "
        f"{2 * p * r / (p + r) if p + r else 0:.3f}, claimant agreement "
        f"{claimant_agree / max(1, claimant_n):.3f}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])

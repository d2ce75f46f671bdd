"""Assemble data/eval/claims_real4.jsonl, the fourth real-text set, from its annotators'
per-language files (`real/SPEC4.md`), kept apart from the three earlier sets.

The passages come from stored copies of public news pages; the annotators never saw the
extractor, its code, its output or the earlier sets. A passage is dropped when its page
(URL without scheme and www.) is a page of an earlier set, when it shares half of its word
5-grams (character 8-grams in scripts without spaces) with any of their passages, when it
repeats a passage kept already, or when a row is malformed (a broken row is reported, not
guessed at). Every item is dev; the set is scored once before any rule is tuned on it. Run
once:

    python data/eval/real/assemble4.py /path/to/annotations/*.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from assemble2 import EVAL, LANG_ORDER  # noqa: E402
from assemble3 import keep_apart, write_set  # noqa: E402

ROW_KEYS = {"lang", "url", "text", "claims", "lookalike", "note"}
# In this order in the file (a tuple: a set would order them anew on every run).
CLAIM_KEYS = (
    "figure_low",
    "figure_high",
    "qualifier",
    "category",
    "unit",
    "source",
    "source_text",
    "location",
)
EARLIER = ("claims_real.jsonl", "claims_real2.jsonl", "claims_real3.jsonl")


def _rows(path: str) -> tuple[list[dict], int]:
    """A file's rows, and how many lines did not parse or lacked the keys."""
    rows, bad = [], 0
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            bad += 1
            continue
        if (
            not isinstance(row, dict)
            or not row.keys() >= ROW_KEYS
            or row["lang"] not in LANG_ORDER
            or not all(isinstance(c, dict) and c.keys() >= set(CLAIM_KEYS) for c in row["claims"])
        ):
            bad += 1
            continue
        row["claims"] = [{k: c[k] for k in CLAIM_KEYS} for c in row["claims"]]
        rows.append(row)
    return rows, bad


def main(paths: list[str]) -> None:
    earlier = [
        json.loads(line)
        for name in EARLIER
        for line in (EVAL / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    rows, malformed = [], 0
    for p in paths:
        got, bad = _rows(p)
        rows += got
        malformed += bad
    kept, dropped, numbers = keep_apart(rows, earlier, "r4")
    if malformed:
        dropped["malformed row"] = malformed
    write_set(kept, "claims_real4.jsonl", dropped, numbers)


if __name__ == "__main__":
    main(sys.argv[1:])

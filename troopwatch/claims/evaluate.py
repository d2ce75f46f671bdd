"""Evaluate the claim extractor on the labelled set (data/eval/claims.jsonl).

A predicted claim matches a gold claim of the same item when figure_low, figure_high and
category agree (a), and also the source (b). Each gold claim matches at most once.
TP/FP/FN are counted over the whole set and reported per language and per category.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

from troopwatch.claims.extract import extract_claims

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PATH = ROOT / "data" / "eval" / "claims.jsonl"


def _key(c: dict, with_source: bool) -> tuple:
    k = (c.get("figure_low"), c.get("figure_high"), c.get("category"))
    return (*k, c.get("source")) if with_source else k


def match_item(
    gold: list[dict], pred: list[dict], with_source: bool
) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """(matched pairs, false positives, false negatives) for one item."""
    remaining = list(gold)
    pairs: list[tuple[dict, dict]] = []
    fps: list[dict] = []
    for p in pred:
        k = _key(p, with_source)
        for i, g in enumerate(remaining):
            if _key(g, with_source) == k:
                pairs.append((g, p))
                del remaining[i]
                break
        else:
            fps.append(p)
    return pairs, fps, remaining


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(items: list[dict], with_source: bool) -> dict[str, Counter]:
    """Counters of tp/fp/fn keyed by 'all', 'lang:xx' and 'cat:yy'."""
    out: dict[str, Counter] = {}

    def bump(key: str, what: str) -> None:
        out.setdefault(key, Counter())[what] += 1

    for it in items:
        pred = [c.to_dict() for c in extract_claims(it["text"])]
        pairs, fps, fns = match_item(it["claims"], pred, with_source)
        lang = it.get("lang", "?")
        for what, group in (("tp", [g for g, _ in pairs]), ("fp", fps), ("fn", fns)):
            for c in group:
                bump("all", what)
                bump(f"lang:{lang}", what)
                bump(f"cat:{c.get('category')}", what)
    return out


def load(path: str | Path | None = None) -> list[dict]:
    p = Path(path) if path else DEFAULT_PATH
    with p.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _table(counts: dict[str, Counter], out: TextIO) -> None:
    keys = (
        ["all"]
        + sorted(k for k in counts if k.startswith("lang:"))
        + sorted(k for k in counts if k.startswith("cat:"))
    )
    out.write(f"{'':16} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>6} {'R':>6} {'F1':>6}\n")
    for k in keys:
        c = counts.get(k, Counter())
        p, r, f = _prf(c["tp"], c["fp"], c["fn"])
        out.write(f"{k:16} {c['tp']:4d} {c['fp']:4d} {c['fn']:4d} {p:6.3f} {r:6.3f} {f:6.3f}\n")


def run_eval(path: str | None = None, out: TextIO = sys.stdout) -> int:
    """Print precision/recall/F1 per language and category; return 0."""
    items = load(path)
    out.write(f"{len(items)} items, {sum(len(i['claims']) for i in items)} gold claims\n\n")
    out.write("(a) figure + category\n")
    _table(score(items, with_source=False), out)
    out.write("\n(b) figure + category + source\n")
    _table(score(items, with_source=True), out)
    return 0


def errors(path: str | None = None, with_source: bool = False) -> list[dict]:
    """Items where prediction and gold differ (for development)."""
    bad = []
    for it in load(path):
        pred = [c.to_dict() for c in extract_claims(it["text"])]
        pairs, fps, fns = match_item(it["claims"], pred, with_source)
        if fps or fns:
            bad.append({"id": it["id"], "text": it["text"], "fp": fps, "fn": fns})
    return bad


if __name__ == "__main__":
    raise SystemExit(run_eval(sys.argv[1] if len(sys.argv) > 1 else None))

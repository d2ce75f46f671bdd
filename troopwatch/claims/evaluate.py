"""Evaluate the claim extractor on a labelled set (default: data/eval/claims.jsonl).

A predicted claim matches a gold claim of the same item when figure_low, figure_high and
category agree (a), and also the claimant (b). Each gold claim matches at most once.
Claimants are compared as entities: both sides are resolved through the entity knowledge
base, so "South Korea NIS", "NIS" and "국정원" are one claimant, as an analyst reads them.
TP/FP/FN are counted over the whole set and reported per language and per category, with
claimant agreement (share of (a)-matches whose claimant agrees) and the share of look-alike
passages (``"lookalike": true``: numbers, no claim) on which the extractor claims anything.
A set with a ``split`` field per item (data/eval/claims_real.jsonl) is scored on one split.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import TextIO

from troopwatch.claims.evidence import passage_claims
from troopwatch.paths import EVAL_DIR

DEFAULT_PATH = EVAL_DIR / "claims.jsonl"
REAL_PATH = EVAL_DIR / "claims_real.jsonl"
UNATTRIBUTED = "unattributed"


@lru_cache(maxsize=4096)
def claimant_identity(name: str | None, lang: str = "en") -> str:
    """One identity for a claimant name in any language or spelling: the knowledge-base
    entity id when the name resolves to a person or organisation, else the folded name."""
    if not name or name.strip().lower() in (UNATTRIBUTED, "none", "null"):
        return UNATTRIBUTED
    from troopwatch.entities.kb import default_kb

    kb = default_kb()
    for text, text_lang in ((name, lang), (name, "en")):
        e = kb.by_name(text) or kb.resolve(text, lang=text_lang)
        if e is not None and e.type in ("person", "organisation"):
            return e.id
    return " ".join(name.lower().split())


def same_claimant(gold: dict, pred: dict, lang: str = "en") -> bool:
    """Does the predicted claimant name the gold one (its name or its words in the text)?"""
    want = {claimant_identity(gold.get("source"), "en")}
    if gold.get("source_text"):
        want.add(claimant_identity(gold["source_text"], lang))
    return claimant_identity(pred.get("source"), lang) in want


def _key(c: dict) -> tuple:
    return (c.get("figure_low"), c.get("figure_high"), c.get("category"))


def match_item(
    gold: list[dict], pred: list[dict], with_source: bool, lang: str = "en"
) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """(matched pairs, false positives, false negatives) for one item: each prediction
    matches at most one gold claim, and each gold claim at most one prediction."""
    remaining = list(gold)
    pairs: list[tuple[dict, dict]] = []
    fps: list[dict] = []
    for p in pred:
        for i, g in enumerate(remaining):
            if _key(g) == _key(p) and (not with_source or same_claimant(g, p, lang)):
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


def predict(items: list[dict]) -> dict[str, list[dict]]:
    """The extractor's claims for every item, by id (the one place the extractor runs)."""
    return {it["id"]: passage_claims(it["text"]) for it in items}


def score(
    items: list[dict], with_source: bool, preds: dict[str, list[dict]] | None = None
) -> dict[str, Counter]:
    """Counters keyed by 'all', 'lang:xx' and 'cat:yy': tp/fp/fn, and for (a) also the
    claimant agreement of matches ('agree') and look-alike items claimed on."""
    preds = preds if preds is not None else predict(items)
    out: dict[str, Counter] = {}

    def bump(key: str, what: str, n: int = 1) -> None:
        out.setdefault(key, Counter())[what] += n

    for it in items:
        lang = it.get("lang", "?")
        pred = preds[it["id"]]
        pairs, fps, fns = match_item(it["claims"], pred, with_source, lang)
        for what, group in (("tp", [g for g, _ in pairs]), ("fp", fps), ("fn", fns)):
            for c in group:
                for key in ("all", f"lang:{lang}", f"cat:{c.get('category')}"):
                    bump(key, what)
        for g, p in pairs:
            if same_claimant(g, p, lang):
                for key in ("all", f"lang:{lang}", f"cat:{g.get('category')}"):
                    bump(key, "agree")
        if it.get("lookalike"):
            for key in ("all", f"lang:{lang}"):
                bump(key, "lookalike")
                bump(key, "lookalike_claimed", int(bool(pred)))
    return out


def load(path: str | Path | None = None, split: str | None = None) -> list[dict]:
    p = Path(path) if path else DEFAULT_PATH
    with p.open(encoding="utf-8") as fh:
        items = [json.loads(line) for line in fh if line.strip()]
    if split:
        items = [it for it in items if it.get("split") == split]
    return items


def _table(counts: dict[str, Counter], out: TextIO, extra: bool) -> None:
    keys = (
        ["all"]
        + sorted(k for k in counts if k.startswith("lang:"))
        + sorted(k for k in counts if k.startswith("cat:"))
    )
    head = f"{'':16} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>6} {'R':>6} {'F1':>6}"
    out.write(head + (f" {'claimant':>8} {'lookalike':>10}" if extra else "") + "\n")
    for k in keys:
        c = counts.get(k, Counter())
        p, r, f = _prf(c["tp"], c["fp"], c["fn"])
        line = f"{k:16} {c['tp']:4d} {c['fp']:4d} {c['fn']:4d} {p:6.3f} {r:6.3f} {f:6.3f}"
        if extra:
            agree = f"{c['agree'] / c['tp']:8.3f}" if c["tp"] else f"{'-':>8}"
            look = f"{c['lookalike_claimed']:>4}/{c['lookalike']:<5}" if c["lookalike"] else ""
            line += f" {agree} {look:>10}"
        out.write(line + "\n")


def run_eval(path: str | None = None, out: TextIO = sys.stdout, split: str | None = None) -> int:
    """Print precision/recall/F1 per language and category, claimant agreement and the
    look-alike claim rate; return 0."""
    items = load(path, split)
    preds = predict(items)
    label = f" ({split} split)" if split else ""
    out.write(f"{len(items)} items{label}, {sum(len(i['claims']) for i in items)} gold claims\n\n")
    out.write("(a) figure + category   [claimant: agreement of matches; lookalike: claimed/all]\n")
    _table(score(items, with_source=False, preds=preds), out, extra=True)
    out.write("\n(b) figure + category + source (claimant)\n")
    _table(score(items, with_source=True, preds=preds), out, extra=False)
    return 0


def errors(
    path: str | None = None, with_source: bool = False, split: str | None = None
) -> list[dict]:
    """Items where prediction and gold differ (for development: use the dev split only)."""
    bad = []
    for it in load(path, split):
        pred = passage_claims(it["text"])
        pairs, fps, fns = match_item(it["claims"], pred, with_source, it.get("lang", "en"))
        if fps or fns:
            bad.append({"id": it["id"], "text": it["text"], "fp": fps, "fn": fns})
    return bad


if __name__ == "__main__":
    raise SystemExit(run_eval(sys.argv[1] if len(sys.argv) > 1 else None))

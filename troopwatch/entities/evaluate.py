"""Evaluate the entity tagger on the labelled set ``data/eval/entities.jsonl``.

Each line: ``{"id", "lang", "text", "entities": [entity ids], "note"?}``. Gold is the set of
entities a reader would tag in the text (maximal mentions: "South Korea's National
Intelligence Service" is NIS only; demonyms count for their country, "North Korean
troops" -> north-korea). Ids starting with ``oov:`` are real entities the KB does not hold;
they count against recall (a spaCy mention with the same text counts as found).

Scores are per document entity sets, micro-averaged per language.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import TextIO

from troopwatch.entities.kb import KnowledgeBase, default_kb
from troopwatch.entities.tagger import tag_entities
from troopwatch.paths import EVAL_DIR

DEFAULT_PATH = EVAL_DIR / "entities.jsonl"


def load_items(path: str | Path | None = None) -> list[dict]:
    p = Path(path) if path else DEFAULT_PATH
    items = []
    with p.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            d = json.loads(line)
            if "text" not in d or "entities" not in d:
                raise ValueError(f"{p}:{n}: needs 'text' and 'entities'")
            items.append(d)
    return items


def predict(text: str, lang: str | None, kb: KnowledgeBase) -> set[str]:
    out = set()
    for m in tag_entities(text, lang=lang, kb=kb):
        if m.entity_id.startswith("spacy:"):
            out.add("oov:" + m.entity_id[len("spacy:") :])
        else:
            out.add(m.entity_id)
    return out


def score(items: list[dict], kb: KnowledgeBase | None = None) -> dict[str, dict]:
    """Per-language counts and errors: {lang: {tp, fp, fn, p, r, f1, docs, errors}}."""
    kb = kb or default_kb()
    stats: dict[str, dict] = defaultdict(
        lambda: {"tp": 0, "fp": 0, "fn": 0, "docs": 0, "errors": []}
    )
    for it in items:
        lang = it.get("lang")
        gold = {g if not g.startswith("oov:") else g.casefold() for g in it["entities"]}
        pred = {
            p if not p.startswith("oov:") else p.casefold() for p in predict(it["text"], lang, kb)
        }
        unknown = {g for g in gold if not g.startswith("oov:") and g not in kb}
        if unknown:
            raise ValueError(f"{it.get('id')}: gold ids not in the KB: {sorted(unknown)}")
        for key in (lang or "?", "ALL"):
            s = stats[key]
            s["docs"] += 1
            s["tp"] += len(gold & pred)
            s["fp"] += len(pred - gold)
            s["fn"] += len(gold - pred)
        if gold != pred:
            stats[lang or "?"]["errors"].append(
                {"id": it.get("id"), "missed": sorted(gold - pred), "spurious": sorted(pred - gold)}
            )
    for s in stats.values():
        tp, fp, fn = s["tp"], s["fp"], s["fn"]
        s["p"] = tp / (tp + fp) if tp + fp else 1.0
        s["r"] = tp / (tp + fn) if tp + fn else 1.0
        s["f1"] = 2 * s["p"] * s["r"] / (s["p"] + s["r"]) if s["p"] + s["r"] else 0.0
    return dict(stats)


def run_eval(path: str | None = None, out: TextIO = sys.stdout, verbose: bool = False) -> int:
    """Print precision/recall per language; return a process exit code (0 ok, 2 bad input)."""
    try:
        items = load_items(path)
    except (OSError, ValueError) as e:
        print(f"entities eval: {e}", file=sys.stderr)
        return 2
    try:
        stats = score(items)
    except ValueError as e:
        print(f"entities eval: {e}", file=sys.stderr)
        return 2
    print(
        f"{'lang':5} {'docs':>5} {'tp':>5} {'fp':>4} {'fn':>4} {'prec':>6} {'recall':>6} {'f1':>6}",
        file=out,
    )
    langs = sorted(k for k in stats if k != "ALL") + ["ALL"]
    for lang in langs:
        s = stats[lang]
        print(
            f"{lang:5} {s['docs']:5d} {s['tp']:5d} {s['fp']:4d} {s['fn']:4d} "
            f"{s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f}",
            file=out,
        )
    if verbose:
        for lang in langs[:-1]:
            for err in stats[lang]["errors"]:
                print(f"  {err['id']}: missed={err['missed']} spurious={err['spurious']}", file=out)
    return 0


if __name__ == "__main__":
    raise SystemExit(run_eval(sys.argv[1] if len(sys.argv) > 1 else None, verbose=True))

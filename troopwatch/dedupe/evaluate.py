"""Evaluate near-duplicate detection on the labelled pairs in ``data/eval/dedupe_pairs.jsonl``.

Two stages are measured, as the Elasticsearch lookup runs them:

1. candidates: would the pair be found by the one ``terms`` query (same text hash, a shared LSH
   band key, or enough shared anchor keys)? Recall over the duplicate pairs.
2. verification: ``compare`` on the two texts. Precision, recall and per-kind accuracy.

``run_eval`` returns 0 when precision and recall of ``compare`` and recall of the candidate
step all reach ``TARGET``, 1 otherwise (2 for an unreadable file).
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from troopwatch.dedupe.minhash import (
    BANDS,
    DUPLICATE_THRESHOLD,
    NUM_PERM,
    ROWS,
    compare,
    estimate_similarity,
    is_candidate,
    sketch,
)
from troopwatch.paths import EVAL_DIR

DEFAULT_PAIRS = EVAL_DIR / "dedupe_pairs.jsonl"
TARGET = 0.95
_PATH_LIKE = re.compile(r"^[\w./-]+\.txt$")


@dataclass(frozen=True)
class PairResult:
    id: str
    kind: str
    duplicate: bool
    similarity: float
    predicted: bool
    candidate: bool
    band_hit: bool
    anchor_hit: bool
    estimate: float
    jaccard: float


def _load_text(value: str, base: Path) -> str:
    """A value that looks like a ``.txt`` path (relative to the JSONL's folder) is read from
    that file; anything else is the text itself."""
    if value and "\n" not in value and _PATH_LIKE.match(value):
        return (base / value).read_text(encoding="utf-8")
    return value


def evaluate_pairs(path: str | Path | None = None) -> list[PairResult]:
    """Score every labelled pair; raises OSError/ValueError on a bad file."""
    jsonl = Path(path) if path else DEFAULT_PAIRS
    base = jsonl.parent
    cache: dict[str, str] = {}
    sketches: dict[str, object] = {}
    results = []
    for line_no, line in enumerate(jsonl.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            texts = []
            for side in ("a", "b"):
                key = row[side]
                if key not in cache:
                    cache[key] = _load_text(key, base)
                    sketches[key] = sketch(cache[key])
                texts.append(key)
            label = bool(row["duplicate"])
        except (KeyError, json.JSONDecodeError) as exc:
            raise ValueError(f"{jsonl}:{line_no}: bad pair: {exc}") from exc
        ka, kb = texts
        verdict = compare(cache[ka], cache[kb])
        sa, sb = sketches[ka], sketches[kb]
        results.append(
            PairResult(
                id=str(row.get("id", line_no)),
                kind=str(row.get("kind", "?")),
                duplicate=label,
                similarity=verdict.similarity,
                predicted=verdict.duplicate,
                candidate=is_candidate(sa, sb),
                band_hit=bool(set(sa.bands) & set(sb.bands)),
                anchor_hit=bool(set(sa.anchors) & set(sb.anchors)),
                estimate=estimate_similarity(sa.signature, sb.signature),
                jaccard=verdict.jaccard,
            )
        )
    return results


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def run_eval(path: str | None = None, out: TextIO = sys.stdout) -> int:
    """Print precision/recall of ``compare`` and of the candidate step; 0 if targets are met."""
    try:
        results = evaluate_pairs(path)
    except (OSError, ValueError) as exc:
        print(f"dedupe eval: {exc}", file=sys.stderr)
        return 2
    pos = [r for r in results if r.duplicate]
    neg = [r for r in results if not r.duplicate]
    tp = sum(r.predicted for r in pos)
    fp = sum(r.predicted for r in neg)
    fn = len(pos) - tp
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, len(pos))
    cand_recall = _ratio(sum(r.candidate for r in pos), len(pos))
    band_recall = _ratio(sum(r.band_hit for r in pos), len(pos))
    end_to_end = _ratio(sum(r.candidate and r.predicted for r in pos), len(pos))
    neg_cand = _ratio(sum(r.candidate for r in neg), len(neg)) if neg else 0.0

    w = out.write
    w(f"pairs: {len(results)} ({len(pos)} duplicate, {len(neg)} not)\n")
    w(
        f"parameters: {NUM_PERM} permutations = {BANDS} bands x {ROWS} rows, "
        f"duplicate threshold {DUPLICATE_THRESHOLD}\n\n"
    )
    w("verification (compare):\n")
    w(f"  precision {precision:.3f}  recall {recall:.3f}  (tp {tp} fp {fp} fn {fn})\n")
    if pos and neg:
        lo = min(r.similarity for r in pos)
        hi = max(r.similarity for r in neg)
        w(f"  lowest duplicate similarity {lo:.3f}, highest non-duplicate {hi:.3f}\n")
    w("\ncandidates (LSH bands + anchor keys + text hash):\n")
    w(f"  recall {cand_recall:.3f}  (bands alone {band_recall:.3f})\n")
    w(f"  non-duplicate pairs that become candidates: {neg_cand:.3f} (verification rejects them)\n")
    w(f"  end-to-end recall (candidate and verified) {end_to_end:.3f}\n")
    if pos:
        err = [abs(r.estimate - r.jaccard) for r in results]
        w(f"  MinHash Jaccard estimate: mean abs error {sum(err) / len(err):.3f}\n")

    w("\nper kind:\n")
    w(
        f"  {'kind':<16} {'label':<6} {'n':>4} {'accuracy':>9} {'cand.':>6} {'sim min':>8} {'max':>6}\n"
    )
    by_kind: dict[tuple[str, bool], list[PairResult]] = defaultdict(list)
    for r in results:
        by_kind[(r.kind, r.duplicate)].append(r)
    for (kind, label), rs in sorted(by_kind.items(), key=lambda kv: (not kv[0][1], kv[0][0])):
        acc = _ratio(sum(r.predicted == r.duplicate for r in rs), len(rs))
        cand = _ratio(sum(r.candidate for r in rs), len(rs))
        sims = [r.similarity for r in rs]
        w(
            f"  {kind:<16} {'dup' if label else 'diff':<6} {len(rs):>4} {acc:>9.3f} {cand:>6.2f}"
            f" {min(sims):>8.3f} {max(sims):>6.3f}\n"
        )
    wrong = [r for r in results if r.predicted != r.duplicate or (r.duplicate and not r.candidate)]
    if wrong:
        w("\nerrors:\n")
        for r in wrong:
            what = "missed candidate" if r.predicted == r.duplicate else "wrong verdict"
            w(f"  {r.id} {r.kind} label={r.duplicate} similarity={r.similarity:.3f} ({what})\n")
    ok = min(precision, recall, cand_recall) >= TARGET
    w(f"\n{'PASS' if ok else 'FAIL'}: target {TARGET} for precision, recall, candidate recall\n")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(run_eval(sys.argv[1] if len(sys.argv) > 1 else None))
